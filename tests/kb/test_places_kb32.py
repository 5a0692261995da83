"""The places set 29's notes still left open: CFB Trenton, the RCAF's transport hub, curated so that a flight's
"Trenton" is the base; "Cairns" as the city's own airport, not the Army airfield named after a person; Tahiti (Faa'a
for an aircraft; Papeete in Russian and Arabic); eastern Europe as a region of states; the port of Suez (Port
Tewfik); Muuga harbour and its bay; the Republic of Buryatia; a state's waters or airspace named with the state
("воды Ирана"); the Bab-el-Mandeb's other Russian cases. Invented phrases, one or more per place and script.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.port_index import merged_ports


@pytest.mark.parametrize(
    "text", ["Trenton", "CFB Trenton", "8 Wing Trenton", "BFC Trenton", "Трентон", "авиабаза Трентон", "قاعدة ترينتون"]
)
def test_a_flights_trenton_is_the_canadian_transport_base(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("site", "CYTR")
    assert kb.site("CYTR").kind == "air_base"


def test_trenton_mercer_keeps_its_own_name() -> None:
    assert kb.resolve_place("Trenton Mercer Airport", carrier="air").id == "KTTN"
    assert kb.resolve_place("Trenton-Mercer", carrier="air").id == "KTTN"


def test_cairns_is_the_citys_own_airport_not_the_army_field_named_after_a_person() -> None:
    assert kb.resolve_place("Cairns", carrier="air").id == "YBCS"
    assert kb.resolve_place("Cairns").id == "YBCS"
    assert kb.resolve_place("Fort Rucker", carrier="air").id == "KOZR"


@pytest.mark.parametrize("text", ["Gangneung", "Pemba", "Stewart"])
def test_a_field_whose_whole_name_is_the_word_or_that_has_flights_keeps_the_name_ambiguous(text: str) -> None:
    # Gangneung Airport (the air base) is named so outright; New York Stewart has scheduled flights of its own
    with pytest.raises(PlaceError, match="ambiguous"):
        kb.resolve_place(text, carrier="air")


@pytest.mark.parametrize(
    "text", ["Tahiti", "l'île de Tahiti", "île de Tahiti", "Таити", "остров Таити", "تاهيتي", "جزيرة تاهيتي"]
)
def test_tahiti_is_faaa_for_an_aircraft(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "NTAA"


def test_a_ships_tahiti_stays_unknown_and_papeete_is_its_harbour() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Tahiti", carrier="sea")
    assert kb.resolve_place("Папеэте", carrier="sea").id == "wpi-55840"
    assert kb.resolve_place("بابيتي", carrier="air").id == "NTAA"


@pytest.mark.parametrize(
    "text",
    ["Eastern Europe", "eastern Europe", "Восточная Европа", "Восточной Европы", "Восточную Европу",
     "أوروبا الشرقية", "شرق أوروبا", "Europe de l'Est", "l'Europe orientale"],
)  # fmt: skip
def test_eastern_europe_is_a_region_of_states(text: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("region", "eastern-europe")


def test_eastern_europe_holds_poland_and_russia_but_not_the_baltic_states_or_greece() -> None:
    members = set(kb.regions()["eastern-europe"].countries)
    assert {"PL", "RO", "UA", "RU", "BY"} <= members
    assert not members & {"EE", "LV", "LT", "GR", "DE"}
    assert "eastern-europe" in kb.region_of_site("chkalovsky")
    assert "eastern-europe" not in kb.region_of_site("hmeimim")


@pytest.mark.parametrize(
    "text",
    ["ميناء السويس", "مرسى السويس", "Port Tewfik", "Port Tawfiq", "Port of Suez", "Suez port", "port de Suez",
     "порт Суэц", "Порт-Тауфик"],
)  # fmt: skip
def test_the_port_of_suez(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "suez-port"


def test_the_bare_suez_is_no_place_without_a_carrier_and_the_port_for_a_ship() -> None:
    # "Suez" alone names the canal as often as the town: no alias; a ship's end reaches the port by its phrases
    for text in ("Suez", "السويس", "Суэц"):
        with pytest.raises(PlaceError):
            kb.resolve_place(text)
        assert kb.resolve_place(text, carrier="sea").id == "suez-port"


def test_the_index_rows_of_suez_and_muuga_are_the_curated_ports() -> None:
    merged = merged_ports()
    assert merged["wpi-48040"] == "suez-port"  # As Suways / Port Suez
    assert merged["wpi-28484"] == "muuga-port"  # Muuga-Port of Tallin
    assert "wpi-48045" not in merged  # El-Adabiya, 14 km away, keeps its row


@pytest.mark.parametrize(
    "text", ["залив Мууга", "заливе Мууга", "порт Мууга", "Мууга", "Muuga", "Muuga Bay", "Muuga harbour", "ميناء موغا"]
)
def test_muuga_harbour_and_its_bay_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "muuga-port"


def test_muuga_is_no_airfield_and_tallinn_stays_the_old_city_harbour() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Muuga", carrier="air")
    assert kb.resolve_place("Tallinn", carrier="sea").id == "tallinn-port"


@pytest.mark.parametrize(
    "text",
    ["Бурятия", "Бурятии", "Бурятию", "Республика Бурятия", "Республике Бурятия", "Buryatia",
     "Republic of Buryatia", "Bouriatie", "بورياتيا"],
)  # fmt: skip
def test_buryatia_is_the_republics_fields(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("region", "buryatia")
    assert "UIUU" in ref.site_ids


def test_ulan_ude_stays_the_city() -> None:
    assert kb.resolve_place("Ulan-Ude").kind == "city"


@pytest.mark.parametrize(
    ("text", "place"),
    [("воды Ирана", "country:IR"), ("водах Ирана", "country:IR"),
     ("территориальные воды Ирана", "country:IR"), ("the waters of Iran", "country:IR"),
     ("Iran's territorial waters", "country:IR"), ("les eaux territoriales du Venezuela", "country:VE"),
     ("مياه إيران", "country:IR"), ("воздушное пространство Сирии", "syria")],
)  # fmt: skip
def test_a_states_waters_or_airspace_named_with_the_state_is_the_state(text: str, place: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == place


def test_a_states_waters_are_not_its_capitals_harbour() -> None:
    assert kb.resolve_place("воды Кувейта", carrier="sea").id == "country:KW"
    assert kb.resolve_place("Кувейт", carrier="sea").kind == "site"  # the state's name for a ship: its capital's port


@pytest.mark.parametrize("text", ["воды Балтики", "waters of the Red Sea"])
def test_waters_of_no_state_are_no_state(text: str) -> None:
    try:
        ref = kb.resolve_place(text)
    except PlaceError:
        return
    assert ref.kind != "country"


@pytest.mark.parametrize(
    "text",
    ["Баб-эль-Мандебским проливом", "Баб-эль-Мандебскому проливу", "проливом Баб-эль-Мандеб",
     "проливе Баб-эль-Мандеб", "Баб-эль-Мандебского пролива", "détroit de Bab el-Mandeb",
     "Strait of Bab el Mandeb"],
)  # fmt: skip
def test_the_bab_el_mandebs_other_cases(text: str) -> None:
    ref = kb.resolve_place(text, carrier="sea")
    assert (ref.kind, ref.id, ref.matched) == ("region", "bab-el-mandeb", "alias")
