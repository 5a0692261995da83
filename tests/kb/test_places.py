"""Place resolution: names are names, codes are codes, countries are countries, cities are all their airfields.

Every expected id here is checked against the bundled data it comes from (airportsdata city/country columns,
ISO 3166), not copied from the resolver's output: "Gao" is GAGO because airportsdata names it "Gao Airport"
in Mali, "Moscow" is every airfield airportsdata puts in the Russian city of Moscow.
"""

from __future__ import annotations

import airportsdata
import polars as pl
import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb import resolve_place, resolve_site
from liftwatch.kb.cities import cities_named, city_key
from liftwatch.kb.runways import airfields
from liftwatch.kb.watchlist import load_watchlist


def _airports_in_city(city: str, country: str) -> set[str]:
    rows = airportsdata.load("ICAO").values()
    return {r["icao"] for r in rows if r["city"] == city and r["country"] == country}


def _icaos(ref_site_ids: tuple[str, ...]) -> set[str]:
    return {kb.site(s).icao or s for s in ref_site_ids}


def test_gao_is_the_town_in_mali_not_the_iata_code_of_guantanamo() -> None:
    assert airportsdata.load("IATA")["GAO"]["icao"] == "MUGT"  # the trap: GAO is Guantánamo's IATA code
    for text in ("Gao", "gao", "Gao airport"):
        ref = resolve_place(text)
        assert (ref.kind, ref.id) == ("site", "GAGO"), text
        assert kb.site(ref.id).country == "ML"
    s = resolve_site("Gao")
    assert s is not None and s.site_id == "GAGO"


@pytest.mark.parametrize(
    ("code", "site_id"),
    [
        ("GAO", "MUGT"),
        ("HLLB", "benina"),
        ("LTAG", "incirlik"),
        ("OTHH", "OTHH"),
        ("OSLK", "hmeimim"),
        ("HL59", "al-khadim"),
    ],
)
def test_codes_typed_as_codes_still_resolve(code: str, site_id: str) -> None:
    ref = resolve_place(code)
    assert (ref.kind, ref.id, ref.site_ids) == ("site", site_id, (site_id,))


def test_a_code_in_lower_case_is_only_a_candidate_below_names() -> None:
    # "sirt" is Sirte (a name), not the ICAO SIRT airstrip in Brazil; "oslk" has no name rival: still found
    assert resolve_place("sirt").id == "ghardabiya"
    assert resolve_place("SIRT").id == "SIRT"
    ref = resolve_place("oslk")
    assert ref.id == "hmeimim" and ref.matched == "fuzzy" and ref.score < 100


@pytest.mark.parametrize(
    ("text", "iso2"),
    [
        ("Mali", "ML"),
        ("Sudan", "SD"),
        ("Central African Republic", "CF"),
        ("CAR", "CF"),
        ("ЦАР", "CF"),
        ("République centrafricaine", "CF"),
        ("Центральноафриканская Республика", "CF"),
        ("مالي", "ML"),
        ("Niger", "NE"),
        ("ML", "ML"),
        ("Malii", "ML"),  # a typo of a country is not Malé
    ],
)
def test_country_names_resolve_to_the_country(text: str, iso2: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("country", f"country:{iso2}"), ref
    expected = set(kb.sites().filter(pl.col("country") == iso2)["site_id"])
    assert expected and set(ref.site_ids) == expected
    assert ref.ids == ref.site_ids  # what corridor filters receive


def test_country_abbreviation_outranks_a_small_airfields_iata_code() -> None:
    assert airportsdata.load("IATA")["CAR"]["icao"] == "KCAR"  # Caribou, Maine: reachable by its ICAO code
    assert resolve_place("CAR").id == "country:CF"
    assert resolve_place("KCAR").id == "KCAR"


@pytest.mark.parametrize(
    ("text", "region"), [("Syria", "syria"), ("Libya", "libya"), ("SY", "syria"), ("Россия", "russia")]
)
def test_countries_with_a_kb_region_resolve_to_the_region(text: str, region: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("region", region)


@pytest.mark.parametrize(
    ("text", "wrong"), [("Mali", "VRMM"), ("Sudan", "9XS6"), ("Central African Republic", "africa-hubs")]
)
def test_country_is_never_a_lookalike_airfield_or_region(text: str, wrong: str) -> None:
    assert resolve_place(text).id != wrong


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [("Moscow", "Moscow", "RU"), ("Москва", "Moscow", "RU"), ("Tripoli", "Tripoli", "LY"), ("طرابلس", "Tripoli", "LY")],
)
def test_multi_airport_city_is_every_airfield_of_the_city(text: str, city: str, country: str) -> None:
    expected = _airports_in_city(city, country)
    assert len(expected) >= 2
    ref = resolve_place(text)
    assert ref.kind == "city" and ref.id == f"city:{country}:{city.lower()}"
    assert _icaos(ref.site_ids) == expected
    assert ref.ids == ref.site_ids


def test_moscow_includes_the_main_airports_and_is_the_russian_city() -> None:
    ref = resolve_place("Moscow")
    assert {"UUEE", "UUDD", "UUWW", "UUBB"} <= _icaos(ref.site_ids)
    assert "russia" in ref.region_ids
    assert _airports_in_city("Moscow", "US")  # Moscow, Idaho exists; the theatre's Moscow wins (curated Chkalovsky)


def test_tripoli_includes_mitiga_which_the_single_alias_missed() -> None:
    ref = resolve_place("Tripoli")
    assert {"mitiga", "tripoli-intl"} == set(ref.site_ids)
    assert ref.region_ids[0] == "western-libya"


def test_single_airfield_city_stays_the_site() -> None:
    assert len(_airports_in_city("Damascus", "SY")) == 1
    ref = resolve_place("Damascus")
    assert (ref.kind, ref.id) == ("site", "damascus")
    assert resolve_place("Benghazi").id == "benina"


def test_equally_likely_same_named_cities_are_ambiguous() -> None:
    # Buena Vista: Honduras and the US each have two fields, both of one class (small strips), no IATA code
    cities = cities_named("Buena Vista")
    tied = [c for c in cities if city_key(c) == city_key(cities[0])]
    assert {c.country for c in tied} >= {"HN", "US"}
    with pytest.raises(PlaceError, match="ambiguous") as info:
        resolve_place("Buena Vista")
    assert len(info.value.candidates) >= len(tied)
    assert any("city:HN:buenavista" in c for c in info.value.candidates)
    assert any("city:US:buenavista" in c for c in info.value.candidates)


def test_a_larger_airport_decides_between_same_named_cities() -> None:
    # San Jose: California's SJC is a large airport in OurAirports, Costa Rica's and the Philippines' best medium
    classes = dict(airfields().select("icao", "type").iter_rows())
    assert classes["KSJC"] == "large_airport" and classes["MROC"] == "medium_airport"
    assert resolve_place("San Jose").id == "city:US:sanjose"


@pytest.mark.parametrize("text", ["Khmeimimm airbse", "Moskow", "Atlantis"])
def test_typos_list_candidates(text: str) -> None:
    try:
        ref = resolve_place(text)
    except PlaceError as exc:
        assert exc.candidates
    else:
        assert ref.matched == "fuzzy" and ref.score < 100


def test_typo_of_a_city_lists_the_city() -> None:
    with pytest.raises(PlaceError) as info:
        resolve_place("Moskow")
    assert any("city:RU:moscow" in c for c in info.value.candidates)


def test_country_and_city_work_as_filters_and_watchlist_places(tmp_path: object) -> None:
    from pathlib import Path

    from liftwatch.filters import FlightFilter

    where, params = FlightFilter(destination="Moscow", origin="Mali").where()
    assert where is not None and "arr_site" in where and "dep_site" in where
    assert set(params[1]) == set(resolve_place("Moscow").site_ids)
    assert "bamako" in params[0]
    path = Path(str(tmp_path)) / "w.toml"
    path.write_text('[[rule]]\nname = "to moscow"\ncorridors = [{from = "Syria", to = "Moscow"}]\n', encoding="utf-8")
    wl = load_watchlist(path)
    flights = pl.DataFrame(
        {
            "flight_id": ["a", "b"],
            "dep_site": ["hmeimim", "hmeimim"],
            "arr_site": ["chkalovsky", "benina"],
            "asset_id": ["x", "y"],
        }
    )
    matched = wl.match_flights(flights, only_matched=True)
    assert matched["flight_id"].to_list() == ["a"]


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        ("Orly", "LFPO"),  # was a US farm strip whose town, Worley, sounds alike
        ("Le Bourget", "LFPB"),  # was the French town Bourg
        ("Heathrow", "EGLL"),  # was a Texas strip named "Heathrow Airport"
        ("Gatwick", "EGKK"),
        ("Schiphol", "EHAM"),
        ("Fiumicino", "LIRF"),  # "Leonardo Da Vinci (Fiumicino) International Airport"; was China
        ("Dulles", "KIAD"),
        ("Sheremetyevo", "UUEE"),
    ],
)
def test_airports_by_the_short_name_people_use(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id), ref


def test_a_short_alias_inside_a_longer_word_is_no_fuzzy_match() -> None:
    """A country's short form (Turkish "Çin") inside a longer word ("fiumicino") scored 90 under WRatio."""
    for kind, _pid, _name, score in kb.place_candidates("Fiumicino"):
        assert kind != "country" or score < 80


def test_a_name_shared_by_equally_prominent_fields_is_ambiguous() -> None:
    with pytest.raises(PlaceError) as err:
        resolve_place("Executive")
    msg = str(err.value)
    assert "ambiguous" in msg and "Fort Lauderdale Executive Airport" in msg and "Sacramento Executive" in msg
    assert err.value.reason == "ambiguous" and len(err.value.site_ids) > 1


@pytest.mark.parametrize(
    ("text", "key"),
    [("the Netherlands", "country:NL"), ("The Gambia", "country:GM"), ("the Bahamas", "country:BS"),
     ("the Black Sea", "black-sea"), ("la Russie", "russia"), ("l'Algérie", "country:DZ"), ("le Mali", "country:ML"),
     ("Le Havre", "LFOH")],
)  # fmt: skip
def test_an_article_before_a_name_is_read_without_it(text: str, key: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == key


@pytest.mark.parametrize("text", ["Российской Федерации", "Российскую Федерацию", "روسيا الاتحادية"])
def test_russias_formal_name_in_its_cases(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "russia"


def test_a_name_unknown_without_its_article_is_reported_as_written() -> None:
    with pytest.raises(PlaceError, match="'the Pentagon'"):
        kb.resolve_place("the Pentagon", carrier="air")
    with pytest.raises(PlaceError):
        kb.resolve_place("the", carrier="air")
