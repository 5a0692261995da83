"""Names the kb did not reach or read wrongly in reporting on Nepal, Yemen, China, Algeria, Japan, India, Greece,
Brittany and eastern France: Arabic names of airports and towns (Kathmandu, Hodeidah, Wuhan, In Guezzam, Itami,
Atsugi, Futenma, Tunis the capital), a ship's Piraeus, Brest, Lorient, Djen Djen and port Kavkaz, a ship's Kochi
(India's as much as Japan's), French air bases named with their number ("base aérienne 123 d'Orléans"), three
regions reporting names instead of a field (Grand Est, Lakshadweep, the Andaman and Nicobar Islands) and the
Transall C-160."""

from __future__ import annotations

from typing import Literal

import pytest

from liftwatch import kb
from liftwatch.claims.scoring import asset_key
from liftwatch.errors import PlaceError
from liftwatch.kb.endpoints import resolve_endpoint

Carrier = Literal["air", "sea"] | None


@pytest.mark.parametrize("text", ["مطار تريبوفان الدولي", "مطار كاتمندو الدولي", "مطار كاتماندو"])
def test_kathmandus_airport_in_arabic_is_tribhuvan(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "VNKT"


@pytest.mark.parametrize("text", ["الحديدة", "مطار الحديدة", "مطار الحديدة الدولي"])
def test_hodeidah_in_arabic_is_its_airport_for_a_flight(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "OYHD"


def test_hodeidah_in_arabic_is_its_port_for_a_ship() -> None:
    assert kb.resolve_place("الحديدة", carrier="sea").id == "hodeidah-port"


@pytest.mark.parametrize("text", ["ووهان", "مطار ووهان تيانخه الدولي", "مطار ووهان تيانخه الدولى"])
def test_wuhan_in_arabic_is_tianhe(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "ZHHH"


@pytest.mark.parametrize("text", ["عين قزام", "إن قزام", "مطار إن قزام"])
def test_in_guezzam_in_arabic_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "DATG"


@pytest.mark.parametrize(("text", "field"), [("إيتامى", "RJOO"), ("Itami", "RJOO"), ("قاعدة أتسوجى", "RJTA"),
                                             ("أتسوجي", "RJTA"), ("فوتينما", "ROTM"), ("Futenma", "ROTM")])  # fmt: skip
def test_japanese_fields_by_the_names_the_press_gives_them(text: str, field: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == field


def test_tunis_the_capital_in_arabic_is_the_city_not_the_country() -> None:
    assert kb.resolve_place("تونس العاصمة", carrier="air").id == "DTTA"
    assert kb.resolve_place("تونس").id == "country:TN"


@pytest.mark.parametrize("text", ["Esenboga", "مطار أسان بوغا"])
def test_esenboga_in_the_arabic_press_spelling(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LTAC"


@pytest.mark.parametrize("text", ["aéroport Rafik Hariri", "aéroport international Rafik Al Hariri de Beyrouth"])
def test_beiruts_airport_in_the_french_rafik_spelling(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "OLBA"


@pytest.mark.parametrize("text", ["Vérone", "Верона", "فيرونا"])
def test_verona_in_other_languages_is_villafranca_for_a_flight(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LIPX"


@pytest.mark.parametrize("text", ["Tétouan", "تطوان"])
def test_tetouan_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "GMTN"


def test_alicantes_airport_by_its_full_name() -> None:
    assert kb.resolve_place("Alicante-Elche Miguel Hernández", carrier="air").id == "LEAL"


@pytest.mark.parametrize("text", ["ترير", "Trèves", "Трир"])
def test_trier_in_other_languages_is_the_city(text: str) -> None:
    assert kb.resolve_place(text).id == "city:DE:trier"


@pytest.mark.parametrize("text", ["آستارا خان", "آستاراخان"])
def test_astrakhan_in_its_persian_derived_arabic_spelling(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "astrakhan-port"


@pytest.mark.parametrize("text", ["Piraeus", "port of Piraeus", "Le Pirée", "Пирей", "ميناء بيرايوس"])
def test_piraeus_for_a_ship_is_the_index_port_spelled_piraievs(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-42230"


@pytest.mark.parametrize("text", ["بريست", "ميناء بريست"])
def test_brest_in_arabic_for_a_ship_is_the_french_roadstead(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-36460"


def test_brest_in_arabic_for_a_flight_stays_the_belarusian_airport() -> None:
    assert kb.resolve_place("بريست", carrier="air").id == "UMBB"


@pytest.mark.parametrize(("text", "carrier", "key"), [("لوريان", "sea", "wpi-36680"), ("Лорьян", "sea", "wpi-36680"),
                                                      ("لوريان", "air", "LFRH"), ("Lann-Bihoué", "air", "LFRH")])  # fmt: skip
def test_lorient_is_its_port_for_a_ship_and_lann_bihoue_for_a_flight(text: str, carrier: Carrier, key: str) -> None:
    assert kb.resolve_place(text, carrier=carrier).id == key


@pytest.mark.parametrize(("text", "key"), [("ميناء جن جن", "wpi-45525"), ("جن جن", "wpi-45525"),
                                           ("جيجل", "wpi-45530"), ("ميناء جيجل", "wpi-45530")])  # fmt: skip
def test_djen_djen_and_jijel_in_arabic_for_a_ship(text: str, key: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == key


def test_jijel_in_arabic_is_its_airport_for_a_flight() -> None:
    assert kb.resolve_place("جيجل", carrier="air").id == "DAAV"


@pytest.mark.parametrize("text", ["порт Кавказ", "Port Kavkaz"])
def test_port_kavkaz_is_the_chushka_spit_port(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-44162"


def test_the_caucasus_is_no_port() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Кавказ", carrier="sea")


def test_mattancherry_is_kochis_port() -> None:
    assert kb.resolve_place("Mattancherry", carrier="sea").id == "wpi-49130"


def test_a_ships_bare_kochi_is_india_or_japan() -> None:
    with pytest.raises(PlaceError) as err:
        kb.resolve_place("Kochi", carrier="sea")
    assert {"wpi-49130", "wpi-61970"} <= {c.split("site ")[-1].rstrip(")") for c in err.value.candidates}


@pytest.mark.parametrize(("text", "key"), [("Kochi, India", "wpi-49130"), ("Kochi, Japan", "wpi-61970")])
def test_a_ships_kochi_with_its_country(text: str, key: str) -> None:
    assert resolve_endpoint(text, "sea").id == key


def test_an_aircrafts_kochi_stays_indian() -> None:
    assert kb.resolve_place("Kochi", carrier="air").id == "VOCC"


@pytest.mark.parametrize(("text", "field"), [("base aérienne 123 d'Orléans", "LFOJ"),
                                             ("base aérienne 113 de Saint-Dizier", "LFSI"),
                                             ("base aérienne 186 de Tontouta", "NWWW"),
                                             ("la base aérienne 120 de Cazaux", "LFBC"),
                                             ("base aérienne 125 d’Istres", "LFMI")])  # fmt: skip
def test_a_french_air_base_with_its_number_is_the_towns_base(text: str, field: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == field


def test_a_base_number_with_the_town_picks_the_base_over_a_namesake_town() -> None:
    assert kb.resolve_place("base aérienne 115 d'Orange", carrier="air").id == "LFMO"


def test_a_base_number_another_country_uses_does_not_override_the_town() -> None:
    assert kb.resolve_place("base aérienne 101 de Niamey", carrier="air").id == "DRRN"


@pytest.mark.parametrize("text", ["Grand Est", "la région Grand Est", "Гранд-Эст"])
def test_grand_est_is_the_regions_fields(text: str) -> None:
    assert kb.resolve_place(text).id == "grand-est"
    assert "grand-est" in kb.region_of_site("LFSI")


@pytest.mark.parametrize("text", ["Lakshadweep", "the Laccadive Islands"])
def test_lakshadweep_is_the_islands_field(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "lakshadweep"
    assert kb.region_of_site("VOAT")[0] == "lakshadweep"


@pytest.mark.parametrize("text", ["Andaman and Nicobar Islands", "Андаманские и Никобарские острова"])
def test_the_andaman_and_nicobar_islands_hold_port_blair_and_car_nicobar(text: str) -> None:
    ref = kb.resolve_place(text)
    assert ref.id == "andaman-and-nicobar-islands"
    assert {"VOPB", "VOCX"} <= set(ref.site_ids)


def test_port_blair_keeps_its_own_name() -> None:
    assert kb.resolve_place("Port Blair", carrier="sea").id == "wpi-49720"


@pytest.mark.parametrize("label", ["Transall", "Transall C-160", "C-160", "C-160R"])
def test_the_transall_is_one_kb_type(label: str) -> None:
    assert asset_key(label) == "type:C160"


def test_the_transall_carries_sixteen_tonnes() -> None:
    row = kb.aircraft_type("C160")
    assert row is not None
    assert row["payload_max_t"] == 16


@pytest.mark.parametrize("text", ["la Penfeld", "baie de Roscanvel"])
def test_brests_naval_harbour_and_roscanvel_bay_are_the_roadstead(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-36460"
