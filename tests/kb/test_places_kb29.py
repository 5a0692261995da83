"""The places held-out set 27's notes named: Sweihan air base, Khalifa Port and Port Rashid; Fujairah's airport, Ben
Gurion, Aqaba and Valletta under other languages' names; Baltiysk's naval harbour and St Petersburg's port as Russian
writes them; North Kivu, the eastern DR Congo and al-Hasakah governorate as site groups, Kobani as a town region; and
the resolver's readings that reach them: a part of a sea told by its compass direction, a ship's port phrase round a
town's name, a town the kb knows by another script's name whose port only the World Port Index holds.
Invented phrases, one or more per place and script.
"""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.port_index import town_in_phrase
from tests.kb.distances import km, km_to

NEW = {
    "sweihan": ("air_base", "AE"),
    "khalifa-port": ("port", "AE"),
    "port-rashid": ("port", "AE"),
}


def test_the_new_sites_are_of_their_kind_and_country() -> None:
    assert {sid: (kb.site(sid).kind, kb.site(sid).country) for sid in NEW} == NEW


@pytest.mark.parametrize(
    ("site_id", "lat", "lon", "within"),
    [("sweihan", 24.46222, 55.33694, 0.1),  # Wikipedia's point of the town; the base is placed there, +-15 km
     ("khalifa-port", 24.83333, 54.66667, 0.1), ("port-rashid", 25.27481, 55.29041, 0.1)],
)  # fmt: skip
def test_each_new_site_stands_at_its_cited_point(site_id: str, lat: float, lon: float, within: float) -> None:
    assert km_to(site_id, lat, lon) < within


@pytest.mark.parametrize(
    ("text", "carrier", "site_id"),
    [("Sweihan", None, "sweihan"), ("Sweihan Base", "air", "sweihan"), ("سويحان", "air", "sweihan"),
     ("قاعدة سويحان العسكرية الجوية", None, "sweihan"), ("авиабаза Свейхан", None, "sweihan"),
     ("base aérienne de Sweihan", None, "sweihan"),
     ("Khalifa Port", None, "khalifa-port"), ("ميناء خليفة", "sea", "khalifa-port"), ("порт Халифа", None, "khalifa-port"),
     ("port de Khalifa", None, "khalifa-port"),
     ("Port Rashid", None, "port-rashid"), ("Mina Rashid", "sea", "port-rashid"), ("ميناء راشد", None, "port-rashid"),
     ("порт Рашид", None, "port-rashid"), ("port de Dubaï", None, "port-rashid")],
)  # fmt: skip
def test_kb29_sites(text: str, carrier: str | None, site_id: str) -> None:
    ref = kb.resolve_place(text, carrier=carrier)  # type: ignore[arg-type]
    assert (ref.kind, ref.id) == ("site", site_id)


@pytest.mark.parametrize("text", ["Dubai", "دبي", "Дубай"])
def test_a_ships_dubai_is_port_rashid_an_aircrafts_the_citys_airports(text: str) -> None:
    """The harbour of the city's own name, which the World Port Index files as Dubayy; Jebel Ali keeps its own."""
    assert kb.resolve_place(text, carrier="sea").id == "port-rashid"
    assert kb.resolve_place(text, carrier="air").kind == "city"
    assert kb.resolve_place("Jebel Ali", carrier="sea").id == "jebel-ali-port"
    assert kb.port_index.index_site("wpi-48275") is not None  # the index's row is this port now
    assert kb.port_index.merged_ports()["wpi-48275"] == "port-rashid"


def test_khalifa_port_carries_no_citys_name() -> None:
    """Abu Dhabi's harbours are two (Khalifa and Zayed Port): the bare city name does not choose for a ship, and an
    aircraft's Khalifa Port is no airfield."""
    assert kb.resolve_place("Abu Dhabi", carrier="sea").kind == "city"
    with pytest.raises(PlaceError):
        kb.resolve_place("Khalifa Port", carrier="air")


def test_sweihan_is_no_port_and_lies_in_abu_dhabi_emirate() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Sweihan", carrier="sea")
    assert km("sweihan", "OMAL") < 40 < km("sweihan", "OMAA") < 80  # inland, in the Al Ain region, not by the coast


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("الفجيرة", "OMFJ"), ("مطار الفجيرة الدولي", "OMFJ"), ("Фуджейра", "OMFJ"), ("aéroport de Fujaïrah", "OMFJ"),
     ("Ben Gourion", "LLBG"), ("aéroport Ben Gourion", "LLBG"), ("aéroport international Ben-Gourion", "LLBG"),
     ("مطار بن غوريون الدولي", "LLBG"), ("аэропорт имени Бен-Гуриона", "LLBG"),
     ("العقبة", "OJAQ"), ("Акаба", "OJAQ"), ("Ла-Валетта", "LMML")],
)  # fmt: skip
def test_airfields_under_other_languages_names(text: str, site_id: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == site_id


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("الفجيرة", "wpi-48262"), ("ميناء الفجيرة", "wpi-48262"), ("Fujairah", "wpi-48262"),
     ("ميناء إزمير", "wpi-44750"), ("ميناء العقبة", "wpi-48090"), ("العقبة", "wpi-48090"),
     ("Bandar-e Jask", "wpi-48540"), ("Bandar-e-Jask", "wpi-48540"),
     ("Ла-Валетта", "valletta-port"), ("порт Ла-Валетта", "valletta-port"),
     ("Военная гавань Балтийска", "baltiysk"), ("петербургский порт", "st-petersburg-port")],
)  # fmt: skip
def test_a_ships_town_in_another_script_or_phrase_is_its_port(text: str, site_id: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == site_id


@pytest.mark.parametrize("text", ["ميناء الفجيرة", "Bandar-e Jask"])
def test_a_port_phrase_is_a_ships_reading_only(text: str) -> None:
    """Without a carrier the phrase stays what it was: unknown (the port phrase names a ship's place)."""
    with pytest.raises(PlaceError):
        kb.resolve_place(text)


def test_a_port_phrase_whose_town_has_no_port_is_no_airfield() -> None:
    """'ميناء بن غوريون' has a town (an airport) but no port: the phrase does not fall back on the airfield."""
    with pytest.raises(PlaceError):
        kb.resolve_place("ميناء بن غوريون", carrier="sea")


@pytest.mark.parametrize(
    ("text", "town"),
    [("ميناء إزمير", "إزمير"), ("Bandar-e Jask", "Jask"), ("Port of Haifa", "Haifa"), ("Souda Bay", "Souda"),
     ("Izmir", None)],
)  # fmt: skip
def test_the_town_inside_a_port_phrase(text: str, town: str | None) -> None:
    assert town_in_phrase(text) == town


def test_a_field_filed_under_another_city_does_not_borrow_its_port() -> None:
    """Komaki's air base is filed under Nagoya: a ship's 'Komaki' is still no port."""
    with pytest.raises(PlaceError):
        kb.resolve_place("Komaki Air Base", carrier="sea")


@pytest.mark.parametrize(
    ("text", "rid"),
    [("southern Red Sea", "red-sea"), ("the southern part of the Red Sea", "red-sea"), ("sud de la mer Rouge", "red-sea"),
     ("la partie sud de la mer Rouge", "red-sea"), ("mer Rouge méridionale", "red-sea"),
     ("южная часть Красного моря", "red-sea"), ("южной части Красного моря", "red-sea"),
     ("جنوب البحر الأحمر", "red-sea"), ("northern Persian Gulf", "persian-gulf"),
     ("западная часть Средиземного моря", "mediterranean-sea")],
)  # fmt: skip
def test_a_part_of_a_sea_told_by_its_direction_is_the_sea(text: str, rid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("region", rid)


@pytest.mark.parametrize("text", ["eastern Turkey", "northern Syria", "southern Gaza"])
def test_a_part_of_a_land_is_not_the_land(text: str) -> None:
    """Only water: a country's or region's part keyed to the whole would say more than the text."""
    try:
        ref = kb.resolve_place(text)
    except PlaceError:
        return
    assert ref.id not in ("country:TR", "syria", "gaza-strip")


@pytest.mark.parametrize(
    ("text", "rid"),
    [("North Kivu", "north-kivu"), ("Nord-Kivu", "north-kivu"), ("Северное Киву", "north-kivu"),
     ("شمال كيفو", "north-kivu"), ("eastern DR Congo", "eastern-dr-congo"), ("east Congo", "eastern-dr-congo"),
     ("l'est de la RDC", "eastern-dr-congo"), ("восток ДРК", "eastern-dr-congo"), ("شرق الكونغو", "eastern-dr-congo"),
     ("الحسكة", "hasakah-governorate"), ("محافظة الحسكة", "hasakah-governorate"), ("Hasakah", "hasakah-governorate"),
     ("Хасака", "hasakah-governorate")],
)  # fmt: skip
def test_provinces_are_their_site_groups(text: str, rid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("region", rid)


def test_the_site_groups_hold_their_fields_and_no_others() -> None:
    kivu = set(kb.resolve_place("North Kivu").site_ids)
    east = set(kb.resolve_place("eastern DR Congo").site_ids)
    assert {"FZNA", "FZNP", "FZMB"} <= kivu < east
    assert {"FZMA", "FZKA"} <= east  # Bukavu (South Kivu), Bunia (Ituri)
    assert not {"FZAA", "FZQA", "FZRF"} & east  # Kinshasa, Lubumbashi, Kalemie (Tanganyika)
    assert set(kb.resolve_place("الحسكة").site_ids) == {"qamishli", "shaddadi", "kharab-al-jir"}


def test_the_site_groups_put_no_field_in_a_region_ring() -> None:
    """No ring: the eastern Congo's strips stay out of the place ranking's 'in a kb region'."""
    regions = kb.sites().filter(kb.sites()["site_id"].is_in(["FZNA", "FZNP", "FZMA"]))["region"].to_list()
    assert regions == [None, None, None]
    assert kb.resolve_place("Goma").id == "FZNA"  # the town keeps its airport


@pytest.mark.parametrize("text", ["Kobani", "Kobanê", "كوباني", "عين العرب", "Кобани", "Айн-эль-Араб"])
def test_kobani_is_a_town_region_not_krasnodar_krai(text: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id, ref.site_ids) == ("region", "kobani", ())


def test_kobani_holds_the_town_and_no_turkish_town() -> None:
    found = kb.regions_of_points(np.array([36.882, 37.0]), np.array([38.351, 38.35]))  # Kobani, Suruç
    assert found[0] == "kobani" and found[1] != "kobani"


def test_a_fuzzy_town_gives_a_ship_no_port() -> None:
    """'Fujeirah' finds Fujairah's airport only by a fuzzy match: a ship's port is not guessed from it."""
    assert kb.resolve_place("Fujeirah").matched == "fuzzy"
    for text in ("Fujeirah", "port of Fujeirah"):
        with pytest.raises(PlaceError):
            kb.resolve_place(text, carrier="sea")
    assert kb.resolve_place("port of Fujairah", carrier="sea").id == "wpi-48262"
