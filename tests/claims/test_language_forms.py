"""Grammatical forms and scripts the rules must read in every language: role cues through adjectives and
facility nouns in any case, names the kb holds only in Latin script, relative windows in hours, counts that
are dates or parts of a list, and carriers referred back to. Each case is written fresh (other places,
carriers and dates than the gold corpora) so that a rule tuned to one excerpt's wording fails here.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from liftwatch.claims import extract
from liftwatch.claims.counts import best, find_counts
from liftwatch.claims.model import Extraction, Place
from liftwatch.claims.sentences import cue_role
from liftwatch.claims.timeparse import find_times
from liftwatch.claims.translit import SkeletonIndex, arabic_skeleton, cyrillic_to_latin, latin_skeleton
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 12)


def _ex(text: str, pub: date | None = PUB) -> Extraction:
    return extract(text, pub, gazetteer=real_kb_gazetteer(), use_model=False)


def _ids(places: Iterable[Place]) -> set[str]:
    return {p.id or p.text for p in places}


def test_russian_cue_sees_through_adjectives_and_facility_nouns_in_any_case() -> None:
    assert cue_role("вылетел из международного аэропорта ") == "origin"
    assert cue_role("перелетели с белорусского военного аэродрома ") == "origin"
    assert cue_role("прибыл на российскую авиабазу ") == "destination"
    assert cue_role("приземлился на аэродроме ") == "destination"
    # a noun that is no facility still stops the cue: "из-за погоды Минск" is no origin
    assert cue_role("из-за плохой погоды ") is None


def test_french_elided_facility_nouns_are_filler() -> None:
    assert cue_role("a atterri à l'aérodrome de ") == "destination"
    assert cue_role("un vol en provenance de la base d'") == "origin"


def test_a_french_a_without_a_movement_is_where_not_whither() -> None:
    assert cue_role("Alors qu'à ") is None
    assert cue_role("un Il-76 a été livré à ") == "destination"


def test_cyrillic_names_cross_to_latin_kb_names() -> None:
    assert cyrillic_to_latin("Лида") == "lida"
    ex = _ex("Два самолёта Су-30СМ вылетели с аэродрома Барановичи в Минск 11 июня.")
    (c,) = ex.claims
    assert _ids(c.origin) == {"UMMA"}


def test_arabic_names_match_kb_names_by_consonant_skeleton() -> None:
    assert arabic_skeleton("مطار بني وليد") == latin_skeleton("Bani Walid Airport") == "bnwld"
    index = SkeletonIndex([("A1", "Zawiyat Masus"), ("B1", "Bani Walid Airport"), ("B2", "Bir Lahlou")])
    assert index.lookup("بني وليد") == "B1"
    assert index.lookup("بير") is None  # too short a skeleton to trust
    shared = SkeletonIndex([("X", "Sabratha"), ("Y", "Sabrata Field")])
    assert shared.lookup("صبراتة") is None  # two sites share it: no guess
    ex = _ex("وهبطت طائرة أنتونوف في مطار بني وليد يوم 10 يونيو.")
    assert any("HL54" in _ids(c.destination) for c in ex.claims)


def test_a_strait_in_arabic_is_not_an_airport_by_skeleton() -> None:
    place = real_kb_gazetteer().lookup("البوسفور")
    assert place is not None and (place.kind, place.id) == ("region", "bosphorus")  # the strait, no airfield


def test_past_hours_in_four_languages() -> None:
    for text in (
        "over the past 48 hours",
        "за последние 24 часа",
        "ces 36 dernières heures",
        "خلال الساعات الثماني والأربعين الماضية",
    ):
        found = [t for t in find_times(text, PUB) if t.start is not None]
        start = found[0].start if found else None
        assert start is not None and found[0].end == PUB and (PUB - start).days in (1, 2), text


def test_a_clock_time_alone_is_the_day_before_publication_or_that_day() -> None:
    (t,) = find_times("Борт приземлился в 21.40 мск.", PUB)
    assert (t.start, t.end) == (date(2024, 6, 11), PUB)
    assert find_times("a payload of 6.15 tonnes", PUB) == []


def test_parts_of_a_month_in_french_russian_arabic() -> None:
    got = {t.text: (t.start, t.end) for t in find_times("fin avril, в начале мая и أواخر مارس", PUB)}
    assert got["fin avril"] == (date(2024, 4, 21), date(2024, 4, 30))
    assert got["в начале мая"] == (date(2024, 5, 1), date(2024, 5, 10))
    assert got["أواخر مارس"] == (date(2024, 3, 21), date(2024, 3, 31))


def test_a_day_of_the_month_is_no_count() -> None:
    c = best(find_counts("С 2 по 9 июня на аэродром сели 12 транспортных самолётов"))
    assert c is not None and (c.min, c.max) == (12, 12)
    assert best(find_counts("le 14 juin avions et hélicoptères")) is None


def test_counted_types_in_a_list_are_counted() -> None:
    # kinds each counted with no total are a claim each (claims.group_makeup)
    ex = _ex("8 июня в Барановичи прилетели два Ил-76 и четыре Ан-26.")
    assert sorted((c.min_count, c.max_count) for c in ex.claims) == [(2, 2), (4, 4)]
    # a bound before the list bounds each kind (rule 18 of the corpus: a claim per kind with its own figure)
    ex = _ex("At least three Il-76 and two An-124 flew from Hmeimim to Benina on 8 June.")
    assert sorted((c.min_count, c.max_count) for c in ex.claims) == [(2, None), (3, None)]


def test_the_first_of_n_counts_no_movement_of_n() -> None:
    assert find_counts("the first of five flights left Hmeimim") == []
    assert find_counts("вылетел первый из трёх бортов") == []


def test_the_month_may_is_no_hedge() -> None:
    ex = _ex("A Russian Il-76 landed in Bamako on May 30.")
    (c,) = ex.claims
    assert _ids(c.destination) == {"bamako"} and not c.possible


def test_left_the_port_is_the_port_named_before() -> None:
    ex = _ex(
        "Loading went on all week at the port of Novorossiysk. By 10 June the cargo ship Baltic Leader had left the port."
    )
    (c,) = ex.claims
    assert _ids(c.origin) == {"novorossiysk"}


def test_loading_verbs_are_origin_cues_in_french_and_russian() -> None:
    assert cue_role("le cargo a été chargé à ") == "origin"
    assert cue_role("техника была загружена в ") == "origin"


def test_whose_aircraft_it_is_names_the_owner() -> None:
    # rule 8 of the corpus: a company the aircraft belongs to is its owner, not the one flying it
    ex = _ex(
        "Un Iliouchine 76 russe a atterri à Bamako le 3 juin. Cet appareil appartient à la compagnie "
        "kirghize Sky Bishkek Airlines."
    )
    assert [c.owner for c in ex.claims] == ["Sky Bishkek Airlines"]
    assert all(c.actor != "Sky Bishkek Airlines" for c in ex.claims)


def test_whose_aircraft_operates_it_names_the_actor() -> None:
    ex = _ex("Un Iliouchine 76 a atterri à Bamako le 3 juin. Cet appareil est exploité par Sky Bishkek Airlines.")
    assert [c.actor for c in ex.claims] == ["Sky Bishkek Airlines"]


def test_between_in_french_and_russian_is_a_route_unless_where_something_was_seen() -> None:
    (c,) = _ex("Des rotations d'un An-124 entre le Niger et le Tchad ont été observées le 2 juin.").claims
    assert _ids(c.origin) == {"country:NE"}
    (c,) = _ex("Рейсы Ил-76 между Ливией и Мали продолжались 5 июня.").claims
    assert _ids(c.origin) == {"libya"} and _ids(c.destination) == {"country:ML"}
    ex = _ex("Le cargo russe a coulé le 4 juin entre la Sicile et Malte.")
    assert all(not c.origin for c in ex.claims)


def test_an_escort_is_not_the_carrier() -> None:
    ex = _ex(
        "The cargo ship Baltic Leader, escorted by the corvette Stoikiy, sailed from Baltiysk to Tobruk on 5 June."
    )
    # the escort is a movement of its own on the same route (rule 21), not a carrier of the cargo ship's claim
    carried = sorted(sorted(a.label for a in c.assets) for c in ex.claims)
    assert carried == [["Baltic Leader"], ["Stoikiy"]]
    assert len({(frozenset(_ids(c.origin)), frozenset(_ids(c.destination))) for c in ex.claims}) == 1


def test_a_companys_possessive_names_the_ships_owner() -> None:
    ex = _ex("SK-Yug's ageing Ro-Ro ship Sparta III left Baltiysk for Tartus on 2 June.")
    (c,) = ex.claims
    assert c.owner == "SK-Yug"
