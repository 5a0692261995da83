"""Mechanisms of the round after set 8, each tested on sentences written for it (other routes, numbers and
months than the gold corpus): counts broken down by month.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.breakdown import period_parts
from tests.claims.conftest import SHAPES_PUB, one_claim, place_ids, shape_extract

# --- counts broken down by month: one claim a month, a stated total beside them ---------------------------


def _by_month(text: str) -> list[tuple[int | None, int | None, date | None, date | None]]:
    return sorted(
        (c.min_count, c.max_count, c.window[0] if c.window else None, c.window[1] if c.window else None)
        for c in shape_extract(text).claims
    )


@pytest.mark.parametrize(
    "text",
    [
        "The US flew 24 C-17 cargo flights to Israel in October, 33 in November and 41 in December 2024.",
        "L'armée américaine a effectué 24 vols vers Israël en octobre 2024, 33 en novembre et 41 en décembre.",
        "ВВС США выполнили 24 рейса в Израиль в октябре 2024 года, 33 в ноябре и 41 в декабре.",
        "نفذت الولايات المتحدة 24 رحلة إلى إسرائيل في أكتوبر 2024 و33 رحلة في نوفمبر و41 رحلة في ديسمبر",
    ],
)
def test_a_count_for_each_month_is_a_claim_for_each_month(text: str) -> None:
    assert _by_month(text) == [
        (24, 24, date(2024, 10, 1), date(2024, 10, 31)),
        (33, 33, date(2024, 11, 1), date(2024, 11, 30)),
        (41, 41, date(2024, 12, 1), date(2024, 12, 31)),
    ]


def test_each_month_keeps_the_route() -> None:
    for c in shape_extract("Turkey flew 12 flights to Misrata in January and 15 in February.").claims:
        assert place_ids(c.destination) == {"misrata"} and c.actor == "Turkey"


def test_a_stated_total_stays_beside_its_parts() -> None:
    got = _by_month("Turkey flew a total of 27 flights to Misrata: 12 in January and 15 in February.")
    assert (27, 27) in [(lo, hi) for lo, hi, _, _ in got]
    assert (12, 12, date(2025, 1, 1), date(2025, 1, 31)) in got
    assert (15, 15, date(2025, 2, 1), date(2025, 2, 28)) in got


def test_a_bound_on_a_month_is_kept() -> None:
    parts = period_parts("at least 20 flights in March and more than 30 in April", SHAPES_PUB, None)
    assert [(p.min, p.max) for p in parts] == [(20, None), (31, None)]


@pytest.mark.parametrize(
    "text",
    [
        "Two Il-76 flew from Hmeimim to Benghazi in October.",  # one count, one month: an ordinary claim
        "Flights rose in 2023 in March and fell in 2024 in May.",  # years are no counts
        "12 flights in March, 15 flights in March",  # one month twice is no breakdown
    ],
)
def test_no_breakdown_without_two_counted_months(text: str) -> None:
    assert period_parts(text, SHAPES_PUB, None) == []


def test_a_month_after_publication_is_last_year() -> None:
    parts = period_parts("8 flights in November and 9 in December", date(2025, 2, 3), None)
    assert [p.span.start for p in parts] == [date(2024, 11, 1), date(2024, 12, 1)]


# --- one carrier named alone is one movement, not a part of a count of many -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A Turkish cargo plane flew from Konya to Misrata on Monday. "
        "More than ten Turkish cargo planes have landed at Misrata since May.",
        "Un avion-cargo turc a décollé de Konya pour Misrata lundi. "
        "Plus de dix avions-cargos turcs se sont posés à Misrata depuis mai.",
        "The landing ship Minsk sailed from Novorossiysk to Tartus on Friday. "
        "At least eight Russian landing ships have sailed to Tartus since July.",
    ],
)
def test_a_single_carrier_is_not_merged_into_a_count_of_many(text: str) -> None:
    claims = shape_extract(text).claims
    assert len(claims) == 2, claims
    single, many = claims
    assert single.carriers == 1 and single.min_count is None and place_ids(single.origin)
    assert many.min_count is not None and many.min_count > 1 and not many.origin


def test_the_same_single_carrier_told_twice_is_one_movement() -> None:
    text = "A Turkish cargo plane flew from Konya to Misrata on Monday. The cargo plane landed at Misrata on Monday."
    assert len(shape_extract(text).claims) == 1


def test_a_plural_class_after_a_quantifier_is_not_one_carrier() -> None:
    from liftwatch.claims.assets import find_assets
    from liftwatch.claims.named_carriers import carriers_named

    text = "a number of Turkish cargo planes landed at Misrata"
    assert carriers_named(text, find_assets(text)) is None


# --- a route told by what links its ends ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The cargo flight linking Istanbul to Misrata was destroyed on landing.",
        "Le vol reliant Istanbul à Misrata a atterri dans la nuit.",
        "هبطت الرحلة التي تربط إسطنبول بمصراتة",
    ],
)
def test_what_links_two_places_is_a_route(text: str) -> None:
    c = one_claim(text)
    assert place_ids(c.origin) == {"LTBA"} and place_ids(c.destination) == {"misrata"}


# --- counts: thousands separators, bounds, round trips ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("The airline operated 1,200 flights to Damascus.", (1200, 1200)),
        ("more than 1,000 flights since 2015", (1001, None)),
        ("Il y a eu 1\u202f250 vols vers Damas.", (1250, 1250)),
        ("at least 12 An-124 flights", (12, None)),
        ("14 round-trip voyages between Rajin and Dunai", (28, 28)),
        ("Three cargo planes flew to Benghazi.", (3, 3)),
    ],
)
def test_count_bounds(text: str, bounds: tuple[int, int | None]) -> None:
    from liftwatch.claims.counts import best, find_counts

    n = best(find_counts(text))
    assert n is not None and (n.min, n.max) == bounds


def test_a_list_comma_is_no_thousands_separator() -> None:
    from liftwatch.claims.counts import find_counts

    assert [(c.min, c.max) for c in find_counts("flights in 2023, 150 flights in 2024")] == [(150, 150)]


# --- owners named in apposition, and the owner of "the ship" ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "In May the US imposed sanctions on the vessel’s operator, Transmorflot LLC, for carrying arms.",
            "Transmorflot LLC",
        ),
        ("SK-Yug, the ship’s operator and owner, declined to comment.", "SK-Yug"),
        ("Son armateur, Femco, n'a rien précisé.", "Femco"),
        ("Судовладелец «Оборонлогистика» не ответил на запрос.", "Оборонлогистика"),
        ("والسفينة التي ترفع العلم الروسي وتملكها شركة فيمكو الخاصة ستصل الى مرفأ بالتيسك", "فيمكو"),
        ("قالت إن سفينة تابعة لشركة (أوبورون لوجيستيكا) دخلت مياه المتوسط", "أوبورون لوجيستيكا"),
    ],
)
def test_owner_in_apposition(text: str, owner: str) -> None:
    from liftwatch.claims.ship_owners import owners

    assert [name for _, name in owners(text)] == [owner]


def test_the_ships_operator_is_the_owner_of_the_ship_the_article_is_about() -> None:
    text = (
        "The cargo ship Ursa Major left St Petersburg for Vladivostok on 11 December. "
        "The Ursa Major sank in the Mediterranean on 23 December. "
        "The cargo ship Sparta was sent from Syria to help. "
        "SK-Yug, the ship’s operator and owner, declined to comment."
    )
    owned = {a.label: c.owner for c in shape_extract(text).claims for a in c.assets if a.ship_name}
    assert owned.get("Ursa Major") == "SK-Yug" and owned.get("Sparta") is None


# --- ships named in a list: one voyage each -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("The frigates Admiral Kasatonov and Admiral Golovko sailed from Baltiysk to Tartus on Monday.", 2),
        ("Les navires Ivanovets, Shtil et Kasatonov ont quitté Sébastopol pour Tartous.", 3),
    ],
)
def test_ships_named_in_a_list_are_that_many_movements(text: str, n: int) -> None:
    got = shape_extract(text).claims
    assert [(x.min_count, x.max_count) for x in got] == [(n, n)], got


def test_ships_named_apart_are_no_list() -> None:
    from liftwatch.claims.assets import find_assets
    from liftwatch.claims.model import Claim
    from liftwatch.claims.named_carriers import count_named_ships

    text = "The landing ship Minsk sailed to Tartus after the frigate Admiral Essen had left Sevastopol for Syria."
    c = Claim(1, [text])
    count_named_ships(c, text, find_assets(text))
    assert c.min_count is None


def test_a_stated_count_is_not_replaced_by_the_named_ships() -> None:
    c = one_claim("Two ships, the Sparta and the Sparta II, sailed from Tartus to Baltiysk, making three voyages.")
    assert c.count_text and "named ships" not in c.count_text


# --- an article's several dates are a search range for a claim its sentence does not date ------------------


def test_an_undated_claim_in_an_article_of_several_nearby_dates_gets_a_search_range() -> None:
    text = (
        "On 3 May an Il-76 landed at Benghazi. "
        "On 6 May the ministry published its figures. "
        "A Russian An-124 flew from Hmeimim to Al-Khadim."
    )
    c = next(c for c in shape_extract(text).claims if any(a.label == "An-124" for a in c.assets))
    assert c.window_source.startswith("search range")
    assert c.window == (date(2025, 5, 3), date(2025, 5, 6))


def test_an_undated_claim_in_an_article_of_one_recent_date_takes_it() -> None:
    text = "The ministry spoke on 12 May. A Russian An-124 flew from Hmeimim to Al-Khadim."
    c = one_claim(text)
    # the page's one date, in the week before its publication, is its news
    assert c.window_source.startswith("article") and c.window == (date(2025, 5, 12), date(2025, 5, 12))
