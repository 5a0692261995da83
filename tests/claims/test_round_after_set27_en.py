"""English windows, stops and counts the grammar misread, each tested on sentences written fresh for it: the weekend
told without "last" ("over the weekend", "this past weekend"), a span counted back from publication on a page dated
only by its month ("over the past two months" on a May page runs from 1 March), a country flown over ("flew over
Turkey": a stop, not the mover), and a measure before the carrier ("the 169 meter long X": no count); with the phrases
that only look like them.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.counts import find_counts
from liftwatch.claims.extract import extract
from liftwatch.claims.relative import RELATIVE, relative_span
from liftwatch.claims.timeparse import TimeSpan
from liftwatch.claims.windows import month_page_span
from tests.claims.conftest import place_ids

MON = date(2023, 5, 15)  # a Monday
SUN = date(2023, 5, 14)


def _span(text: str, pub: date) -> tuple[date, date] | None:
    m = RELATIVE.search(text)
    assert m is not None, text
    return relative_span(m, pub)


@pytest.mark.parametrize(
    ("text", "pub", "span"),
    [
        ("Two cargo planes arrived in Bangui over the weekend.", MON, (date(2023, 5, 13), date(2023, 5, 14))),
        ("The frigate docked at Tartus this past weekend.", MON, (date(2023, 5, 13), date(2023, 5, 14))),
        ("The frigate docked at Tartus during the weekend.", SUN, (date(2023, 5, 13), date(2023, 5, 14))),
        # a Saturday paper's weekend is the one before: the day of publication is not yet a weekend told as past
        ("Helicopters landed at Incirlik over the weekend.", date(2023, 5, 20), (date(2023, 5, 13), date(2023, 5, 14))),
    ],
)
def test_the_weekend_is_the_last_saturday_and_sunday_before_publication(
    text: str, pub: date, span: tuple[date, date]
) -> None:
    assert _span(text, pub) == span


def test_a_movement_over_the_weekend_is_dated_so() -> None:
    ex = extract("Two Russian military planes arrived in Bangui over the weekend.", MON, use_model=False)
    assert [c.window for c in ex.claims] == [(date(2023, 5, 13), date(2023, 5, 14))]


def test_last_weekend_keeps_its_reading_and_a_weekend_noun_is_no_date() -> None:
    assert _span("The ships sailed last weekend.", MON) == (date(2023, 5, 13), date(2023, 5, 14))
    assert RELATIVE.search("a weekend ferry") is None


MAY_PAGE = date(2022, 5, 31)  # a page dated "2022-05": its last day stands for the month


def test_a_span_counted_back_on_a_month_page_starts_from_the_months_first_day() -> None:
    past_two = TimeSpan(date(2022, 3, 31), MAY_PAGE, "over the past two months", "relative")
    assert month_page_span(past_two, MAY_PAGE).start == date(2022, 3, 1)
    assert month_page_span(past_two, MAY_PAGE).end == MAY_PAGE


@pytest.mark.parametrize(
    "span",
    [
        TimeSpan(date(2022, 3, 1), date(2022, 3, 31), "in March", "explicit"),  # a named month
        TimeSpan(date(2022, 3, 15), MAY_PAGE, "since mid-March", "since"),  # since a point the text names
        TimeSpan(date(2022, 4, 1), date(2022, 4, 30), "last month", "relative"),  # ends before publication
        TimeSpan(date(2022, 1, 1), MAY_PAGE, "this year", "relative"),  # a calendar unit: starts on 1 January
        TimeSpan(date(2022, 5, 1), MAY_PAGE, "earlier this month", "relative"),
    ],
)
def test_spans_not_counted_back_from_publication_keep_their_start(span: TimeSpan) -> None:
    assert month_page_span(span, MAY_PAGE) == span


def test_a_month_page_windows_the_past_months_from_the_first() -> None:
    text = "Over the past two months, the freighter carried grain from Sevastopol to Latakia."
    ex = extract(text, MAY_PAGE, use_model=False, publication_month_only=True)
    assert ex.claims and ex.claims[0].window == (date(2022, 3, 1), MAY_PAGE)
    # the same sentence on a page of that day counts back from the day
    ex = extract(text, MAY_PAGE, use_model=False)
    assert ex.claims and ex.claims[0].window == (date(2022, 3, 31), MAY_PAGE)


@pytest.mark.parametrize(
    ("text", "via", "goal"),
    [
        ("The Il-76 flew over Turkey to Hmeimim on Monday.", "country:TR", "hmeimim"),
        ("Two Russian bombers overflew Egypt before landing in Libya.", "country:EG", "libya"),
    ],
)
def test_a_country_flown_over_is_passed_not_the_mover(text: str, via: str, goal: str) -> None:
    ex = extract(text, MON, use_model=False)
    assert len(ex.claims) == 1
    c = ex.claims[0]
    assert place_ids(c.via) == {via} and place_ids(c.destination) == {goal}
    assert c.actor != "Turkey"


@pytest.mark.parametrize(
    "text",
    [
        "The 169 meter long Newnew Polar Bear sailed to Arkhangelsk.",
        "A 300-tonne cargo of flour left Odessa for Tartus.",
    ],
)
def test_a_measure_before_the_carrier_counts_nothing(text: str) -> None:
    assert find_counts(text) == []
    ex = extract(text, MON, use_model=False)
    assert all(c.min_count is None and c.max_count is None for c in ex.claims)


def test_a_count_after_a_measure_is_still_read() -> None:
    counts = find_counts("The 120-metre frigate and two cargo ships sailed to Tartus.")
    assert [(c.min, c.max) for c in counts] == [(2, 2)]
