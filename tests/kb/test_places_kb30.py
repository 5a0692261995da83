"""The places held-out set 28's notes named: the Andaman Sea, the Bay of Bengal and the Arctic Ocean as water regions;
Hwangju air base; Muğla province as the site group of its airfields; French Guiana's and Martinique's airport's French
names; and the resolver's readings that reach them: a field written after its town with a hyphen ("Tripoli-Matiga"),
a town's harbour the World Port Index names when the only curated site near is a navy's base (Cape Town, Murmansk),
a port the index files under its roadstead or its harbour ("Rade De Brest", "Muara Harbor"). Invented phrases, one or
more per place and script.
"""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.regions import points_in_region, region_of_point
from liftwatch.kb.sites import airportsdata_rows
from tests.kb.distances import km_to


@pytest.mark.parametrize(
    ("text", "rid"),
    [("Andaman Sea", "andaman-sea"), ("the Andaman Sea", "andaman-sea"), ("mer d'Andaman", "andaman-sea"),
     ("Андаманском море", "andaman-sea"), ("بحر أندامان", "andaman-sea"),
     ("Bay of Bengal", "bay-of-bengal"), ("golfe du Bengale", "bay-of-bengal"),
     ("Бенгальского залива", "bay-of-bengal"), ("خليج البنغال", "bay-of-bengal"),
     ("Arctic Ocean", "arctic-ocean"), ("l'océan Arctique", "arctic-ocean"),
     ("Северном Ледовитом океане", "arctic-ocean"), ("Северный Ледовитый океан", "arctic-ocean"),
     ("المحيط المتجمد الشمالي", "arctic-ocean")],
)  # fmt: skip
def test_the_new_waters_in_four_languages(text: str, rid: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("region", rid)
    assert kb.regions()[rid].is_water


@pytest.mark.parametrize(
    ("lat", "lon", "rid"),
    [(12.0, 96.5, "andaman-sea"),  # off Myanmar's Tanintharyi coast
     (15.0, 88.0, "bay-of-bengal"),  # the middle of the bay
     (12.0, 92.0, "bay-of-bengal"),  # west of the Andamans
     (88.0, 0.0, "arctic-ocean"), (80.0, -150.0, "arctic-ocean"),  # near the pole; north of the Beaufort Sea
     (75.0, 40.0, "barents-sea"),  # a marginal sea stays its own
     (11.65, 92.75, None)],  # Port Blair, on the islands between the two
)  # fmt: skip
def test_points_fall_in_the_water_they_lie_in(lat: float, lon: float, rid: str | None) -> None:
    assert region_of_point(lat, lon) == rid


def test_no_airfield_lies_in_the_new_waters() -> None:
    table = airportsdata_rows()
    lat = np.array([a["lat"] for a in table.values()])
    lon = np.array([a["lon"] for a in table.values()])
    for rid in ("andaman-sea", "bay-of-bengal", "arctic-ocean"):
        assert not points_in_region(rid, lat, lon).any(), rid


def test_bengal_is_no_longer_the_binga_airports() -> None:
    assert kb.resolve_place("Bay of Bengal", carrier="sea").id == "bay-of-bengal"
    with pytest.raises(PlaceError):
        kb.resolve_endpoint("the Bay of Bengal")  # water: no flight or voyage ends in it


@pytest.mark.parametrize("text", ["Hwangju", "Hwangju air base", "Hwangju Airbase", "Хванджу", "авиабаза Хванджу"])
def test_hwangju_air_base(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert ref.id == "hwangju"
    assert (kb.site("hwangju").kind, kb.site("hwangju").country) == ("air_base", "KP")
    assert km_to("hwangju", 38.66667, 125.78333) < 0.1  # OurAirports' KP-0020


@pytest.mark.parametrize("text", ["Gwangju", "Changsha"])
def test_the_names_hwangju_was_mistaken_for_stay_theirs(text: str) -> None:
    assert kb.resolve_place(text).id != "hwangju"


@pytest.mark.parametrize(
    "text", ["Muğla", "Mugla", "Мугла", "в Муглу", "провинции Мугла", "province de Muğla", "موغلا"]
)
def test_mugla_is_the_province_of_dalaman_and_bodrum(text: str) -> None:
    name = text.removeprefix("в ")  # the claim extractor hands the resolver the name, not its preposition
    ref = kb.resolve_place(name, carrier="air")
    assert (ref.kind, ref.id) == ("region", "mugla-province")
    assert set(ref.site_ids) == {"LTBS", "LTFE", "LTBV"}  # the aircraft's fields, not the naval base


def test_the_provinces_towns_keep_their_fields() -> None:
    assert kb.resolve_place("Dalaman", carrier="air").id == "LTBS"
    assert kb.resolve_place("Bodrum", carrier="air").id == "city:TR:bodrum"


@pytest.mark.parametrize("text", ["Guyane", "la Guyane", "Guyane française"])
def test_french_guyane_is_french_guiana(text: str) -> None:
    assert kb.resolve_place(text).id == "country:GF"


def test_guyana_and_goiania_stay_theirs() -> None:
    assert kb.resolve_place("Guyana").id == "country:GY"
    assert kb.resolve_place("Goiânia").id == "city:BR:goiania"


@pytest.mark.parametrize("text", ["Lamentin", "Le Lamentin", "aéroport du Lamentin", "aéroport Aimé-Césaire"])
def test_le_lamentin_is_martiniques_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "TFFF"


def test_fort_de_france_stays_the_port_for_a_ship() -> None:
    assert kb.resolve_place("Fort-de-France", carrier="sea").id == "wpi-11550"


@pytest.mark.parametrize(("text", "site_id"), [("Tripoli-Matiga", "mitiga"), ("Tripoli-Mitiga", "mitiga"),
                                               ("Benghazi-Benina", "benina"), ("Paris-Orly", "LFPO")])  # fmt: skip
def test_a_field_after_its_town_and_a_hyphen(text: str, site_id: str) -> None:
    assert kb.resolve_place(text).id == site_id


@pytest.mark.parametrize("text", ["Moscow-Mitiga", "Tripoli-Benina"])
def test_a_field_after_another_towns_name_is_not_read(text: str) -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place(text)


def test_north_of_a_country_is_no_field_named_after_a_preposition() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("north of Mali")  # was Mali Airport, Indonesia ("of Mali")
    with pytest.raises(PlaceError):
        kb.resolve_place("nord du Niger")  # a land's part the kb has no region for stays unknown


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Cape Town", "wpi-46770"), ("Кейптаун", "wpi-46770"), ("Le Cap", "wpi-46770"), ("كيب تاون", "wpi-46770"),
     ("Murmansk", "wpi-62950"), ("Мурманск", "wpi-62950"), ("ميناء مورمانسك", "wpi-62950"),
     ("Brest", "wpi-36460"), ("Брест", "wpi-36460"), ("Muara", "wpi-51620"), ("Муара", "wpi-51620")],
)  # fmt: skip
def test_a_ships_harbour_the_index_names(text: str, site_id: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == site_id


def test_a_towns_curated_harbours_still_leave_the_choice_to_the_text() -> None:
    assert kb.resolve_place("Istanbul", carrier="sea").id == "city:TR:istanbul"  # Ambarlı, Haydarpaşa: curated ports
    assert kb.resolve_place("Abu Dhabi", carrier="sea").id == "city:AE:abudhabi"  # Khalifa Port, Zayed Port
    assert kb.resolve_place("Simon's Town", carrier="sea").id == "simons-town-naval-base"


def test_without_a_ship_the_towns_stay_as_they_were() -> None:
    assert kb.resolve_place("Cape Town").id == "city:ZA:capetown"
    assert kb.resolve_place("Murmansk", carrier="air").id == "city:RU:murmansk"
    assert kb.resolve_place("Брест").id == "UMBB"  # Russian's Brest is Belarus's, by ear
    with pytest.raises(PlaceError):
        kb.resolve_place("Brest", carrier="air")  # France's or Belarus's: the text must say
    with pytest.raises(PlaceError):
        kb.resolve_place("Muara")  # no port without a ship, and no single airfield
