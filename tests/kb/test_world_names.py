"""Well-known names resolve to the place a reader means, and a name that only sounds like a small strip's
stays unknown rather than becoming that strip.

Before: "Frankfurt" was Frankfort, Kentucky (by sound: the airport table files Frankfurt's airport under
"Frankfurt am Main"), "Durres" was Butte Valley Airport in Dorris, California, "Rostov" was unknown,
"Kiev" only Boryspil, "Valletta" unknown, "Chengdu" an ambiguity between its own two airports, "Rome" Fiumicino
alone.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict

import airportsdata
import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb import resolve_place
from liftwatch.kb._data import data_path


@pytest.mark.parametrize(
    ("text", "kind", "place_id"),
    [
        ("Frankfurt", "site", "EDDF"),
        ("Rostov", "city", "city:RU:rostovondon"),
        ("Kiev", "city", "city:UA:kyiv"),
        ("Київ", "city", "city:UA:kyiv"),
        ("Valletta", "site", "LMML"),
        ("Валлетта", "site", "LMML"),
        ("Chengdu", "city", "city:CN:chengdu"),
        ("Managua", "site", "MNMG"),  # was an ambiguity with Quepos Managua Airport, Costa Rica
        ("Rome", "city", "city:IT:rome"),  # Fiumicino (filed under "Rome") and Ciampino and Urbe ("Roma")
        ("Рим", "city", "city:IT:rome"),
        ("Чэнду", "city", "city:CN:chengdu"),
    ],
)
def test_well_known_names(text: str, kind: str, place_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == (kind, place_id)


def test_chengdu_holds_both_its_airports() -> None:
    assert set(resolve_place("Chengdu").site_ids) == {"ZUUU", "ZUTF"}


@pytest.mark.parametrize(("text", "strip"), [("Durres", "KA32"), ("Deir", "9CA6")])
def test_a_name_that_only_sounds_like_a_small_strip_is_unknown(text: str, strip: str) -> None:
    with pytest.raises(PlaceError) as err:
        resolve_place(text)
    assert strip in str(err.value)  # still listed as a candidate


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        ("Dorris", "KA32"),  # the strip's own town
        ("Butte Valey Airport", "KA32"),  # a misspelling of its own name
        ("Khmeimim", "hmeimim"),  # curated sites keep their spellings by sound
        ("Hmeymim", "hmeimim"),
        ("Al Khadem", "al-khadim"),
        ("Jasionka", "EPRZ"),
    ],
)
def test_spellings_of_a_places_own_name_still_resolve(text: str, site_id: str) -> None:
    assert resolve_place(text).id == site_id


def test_tripoly_and_malii_still_resolve_by_sound() -> None:
    assert resolve_place("Tripoly").id == "city:LY:tripoli"
    assert resolve_place("Malii").id == "country:ML"


def test_every_large_airports_city_resolves_into_its_country() -> None:
    """The city names of the world's large airports (OurAirports class), as the airport table writes them:
    each resolves to a place in that country, but for names another, better-known place has."""
    with gzip.open(data_path("airfields.csv.gz"), "rt") as f:
        classes = {r["icao"]: r["type"] for r in csv.DictReader(f)}
    cities: dict[tuple[str, str], set[str]] = defaultdict(set)
    for icao, airport in airportsdata.load().items():
        if classes.get(icao) == "large_airport" and airport["city"]:
            cities[(airport["city"], airport["country"])].add(icao)
    # a better-known namesake: Barcelona (Spain, not Venezuela), Liberia (the country, not Costa Rica's town),
    # Richmond (Virginia, not British Columbia), Salvador (El Salvador, not Bahia), Saint Martin (the island's French
    # side, ISO's "Saint Martin", not Sint Maarten, whose Princess Juliana airport the table files under that name)
    namesakes = {("Barcelona", "VE"), ("Liberia", "CR"), ("Richmond", "CA"), ("Salvador", "BR"), ("Saint Martin", "SX")}
    wrong = []
    for (city, country), _ in sorted(cities.items()):
        if (city, country) in namesakes:
            continue
        try:
            ref = resolve_place(city)
        except PlaceError as e:
            wrong.append(f"{city} ({country}): {e}")
            continue
        if country not in {kb.site(s).country for s in ref.site_ids}:
            wrong.append(f"{city} ({country}): {ref.kind} {ref.id}")
    assert len(cities) > 400 and wrong == []


@pytest.mark.parametrize(
    ("text", "region_id"),
    [
        ("Europe", "europe"), ("أوروبا", "europe"), ("Европу", "europe"),
        ("Africa", "africa"), ("l'Afrique", "africa"), ("North Africa", "north-africa"),
        ("West Africa", "west-africa"), ("Afrique de l'Ouest", "west-africa"), ("East Africa", "east-africa"),
        ("Asia", "asia"),  # was Ashiya Airport, Japan, by a fuzzy match
        ("Middle East", "middle-east"), ("Ближний Восток", "middle-east"), ("الشرق الأوسط", "middle-east"),
        ("Moyen-Orient", "middle-east"), ("pays du Golfe", "gulf-states"), ("دول الخليج", "gulf-states"),
    ],
)  # fmt: skip
def test_continents_and_groupings_of_states(text: str, region_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("region", region_id)


def test_groupings_hold_their_states_sites_and_come_after_more_specific_regions() -> None:
    gulf = set(resolve_place("Gulf states").site_ids)
    assert {"OEJN", "OMDB", "OTHH", "OKKK"} <= gulf and not {"OIII", "ORBI"} & gulf  # not Iran or Iraq
    assert "EDDF" in resolve_place("Europe").site_ids and "UUEE" in resolve_place("Europe").site_ids
    assert kb.region_of_site("LCLK")[0] == "eastern-mediterranean"  # not "middle-east" or "asia"
    assert kb.region_of_site("al-khadim")[:2] == ["eastern-libya", "libya"]
    assert kb.region_of_site("EDDF") == ["europe"]


def test_a_corridor_names_the_country_before_the_continent() -> None:
    from liftwatch.analytics.corridors import _kb_regions

    assert _kb_regions("EDDF")[:2] == ("DE", "europe")
    assert _kb_regions("al-khadim")[0] == "eastern-libya"
