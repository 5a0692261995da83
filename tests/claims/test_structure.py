"""Sentence and paragraph structure the extractor reads: lists of flights, relative clauses telling an
earlier leg, summaries followed by details, ships named by name alone, counted anaphors, former names.

Each case is written fresh (other places, carriers and dates than the gold corpus) so that a rule tuned to
one article's wording fails here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from liftwatch.claims import extract
from liftwatch.claims.clauses import split_clauses
from liftwatch.claims.model import Claim, Extraction, Place
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 3, 20)


def _ex(text: str, pub: date | None = PUB) -> Extraction:
    return extract(text, pub, gazetteer=real_kb_gazetteer(), use_model=False)


def _ids(places: Iterable[Place]) -> set[str]:
    return {p.id or p.text for p in places}


def _by_actor(ex: Extraction, actor: str) -> Claim:
    found = [c for c in ex.claims if c.actor == actor]
    assert len(found) == 1, [c.summary() for c in ex.claims]
    return found[0]


def test_a_list_of_flights_is_one_claim_per_item() -> None:
    text = (
        "The flights took place throughout February 2024 and include a 3 February Rubystar flight between "
        "Bamako and Niamey, a Skyline Airlines Il-76 flight to Khartoum on 9 February 2024."
    )
    spans = split_clauses(text)
    assert [c for _, _, c in spans] == [False, True, True]
    ex = _ex(text)
    ruby = _by_actor(ex, "Rubystar")
    assert ruby.window == (date(2024, 2, 3), date(2024, 2, 3))
    sky = _by_actor(ex, "Skyline Airlines")
    assert {a.label for a in sky.assets} == {"Il-76"} and sky.window == (date(2024, 2, 9), date(2024, 2, 9))


def test_relative_clause_is_an_earlier_leg() -> None:
    ex = _ex("A transport plane that took officials to Niger on Monday landed in Bamako on Tuesday.")
    assert len(ex.claims) == 2, [c.summary() for c in ex.claims]
    first, second = sorted(ex.claims, key=lambda c: c.window or (date.min, date.min))
    assert _ids(first.destination) == {"country:NE"} and first.window == (date(2024, 3, 18), date(2024, 3, 18))
    assert _ids(second.destination) == {"bamako"} and second.window == (date(2024, 3, 19), date(2024, 3, 19))
    assert second.assets, "the main clause keeps the carrier the relative clause described"


def test_said_that_is_not_a_relative_leg() -> None:
    spans = split_clauses("Officials said that flew to Niamey landed in Bamako.")
    assert len(spans) == 1


def test_detail_of_one_branch_stays_apart_from_the_summary() -> None:
    ex = _ex(
        "Wagner moved equipment from Mali and Libya to Niger. "
        "Four planes landed at Niamey coming from Libya's Benghazi."
    )
    origins = sorted(sorted(_ids(c.origin)) for c in ex.claims)
    assert origins == [["benina"], ["country:ML", "libya"]], [c.summary() for c in ex.claims]


def test_address_style_country_is_a_qualifier_not_a_stop() -> None:
    ex = _ex("The flight stops midway in Nairobi, Kenya, Entebbe, Uganda before landing in Juba.")
    c = ex.claims[0]
    assert _ids(c.via) == {"HKJK", "HUEN"}


def test_a_list_of_countries_after_a_city_is_a_list() -> None:
    ex = _ex("Cargo planes flew from Benghazi to Sudan, Chad and Niger.")
    assert _ids(ex.claims[0].destination) == {"country:SD", "country:TD", "country:NE"}


def test_ship_named_alone_gets_its_owner() -> None:
    ex = _ex(
        "The cargo ship Kholmogory left Baltiysk on 2 March. Kholmogory is owned by Nordline, a Russian logistics firm."
    )
    assert ex.claims[0].owner == "Nordline"


def test_owners_go_to_the_ship_each_sentence_names() -> None:
    ex = _ex(
        "The freighter Lira sailed from Novorossiysk on 1 March. The vessel Kama sailed from Tartus on 5 March. "
        "Lira is operated by Alpha Shipping. Kama is owned by Beta Logistics."
    )
    owners = {a.label: c.owner for c in ex.claims for a in c.assets}
    assert owners == {"Lira": "Alpha Shipping", "Kama": "Beta Logistics"}


def test_counted_anaphor_carries_the_count() -> None:
    ex = _ex(
        "On 10 March, four Il-76 aircraft flew from Pskov to Machulishchy. "
        "The same aircraft returned to Pskov on 12 March."
    )
    back = next(c for c in ex.claims if _ids(c.destination) != {"machulishchy"})
    assert (back.min_count, back.max_count) == (4, 4) and {a.label for a in back.assets} == {"Il-76"}


def test_counted_anaphor_does_not_take_a_single_carrier() -> None:
    ex = _ex(
        "Wagner moved aircraft from Mali and Libya to the Central African Republic. "
        "The transfer was carried out by a large Antonov plane. "
        "The six planes landed at Bangui coming from Benghazi."
    )
    c = next(c for c in ex.claims if "bangui" in _ids(c.destination))
    assert {a.label for a in c.assets} == {"aircraft"} and c.min_count == 6


def test_former_name_is_not_a_second_ship() -> None:
    ex = _ex("A Murmansk-bound cargo ship, Belomorye, formerly registered as Sparta IV, left Tartus.")
    c = ex.claims[0]
    assert {a.label for a in c.assets} == {"Belomorye"}
    assert _ids(c.origin) == {"tartus"} and c.destination


def test_where_between_is_not_a_route() -> None:
    ex = _ex("The cargo ship Sparta was drifting in the open sea between Spain and Algeria on 4 March.")
    assert all(not c.origin and not c.destination for c in ex.claims)


def test_multiple_flights_is_a_lower_bound_but_shuttling_is_not() -> None:
    c = _one_claim("Analysts tracked multiple flights of Russian Il-76 planes to Benghazi.")
    assert (c.min_count, c.count_text) == (2, "multiple flights")
    c = _one_claim("A Russian An-124 was seen shuttling between Hmeimim and Benghazi.")
    assert c.count_text == ""


def _one_claim(text: str) -> Claim:
    ex = _ex(text)
    assert len(ex.claims) == 1, [c.summary() for c in ex.claims]
    return ex.claims[0]


def test_places_resolve_like_the_library_resolver() -> None:
    """A name the gazetteer's aliases lack goes through ``kb.resolve_place``: an ambiguous one stays an
    unknown place instead of the first fuzzy airport ("Mansila": three airports named Manila)."""
    c = _one_claim("Russian cargo planes flew from Hmeimim to Mansila on 3 March.")
    assert [p.kind for p in c.destination] == ["unknown"]
    c = _one_claim("Russian cargo planes flew from Hmeimim to Baranovichi on 3 March.")
    assert _ids(c.destination) == {"UMMA"} and "resolve_place" in c.destination[0].note
