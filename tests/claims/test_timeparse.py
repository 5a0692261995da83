"""Dates in text: explicit formats, ranges, relative phrases, publication date, year inference."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.claims.timeparse import find_publication_date, find_times

PUB = date(2024, 12, 18)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("on 12 December 2024", date(2024, 12, 12), date(2024, 12, 12), "explicit"),
        ("on December 12, 2024", date(2024, 12, 12), date(2024, 12, 12), "explicit"),
        ("on 2024-12-12", date(2024, 12, 12), date(2024, 12, 12), "explicit"),
        ("on 12/11/2024", date(2024, 11, 12), date(2024, 11, 12), "explicit"),  # day first
        ("on 11/25/2024", date(2024, 11, 25), date(2024, 11, 25), "explicit"),  # month first when it must be
        ("on Dec. 12", date(2024, 12, 12), date(2024, 12, 12), "explicit"),
        ("on the 3rd of December", date(2024, 12, 3), date(2024, 12, 3), "explicit"),
        ("between 10 and 14 December 2024", date(2024, 12, 10), date(2024, 12, 14), "explicit"),
        ("Dec 10-14", date(2024, 12, 10), date(2024, 12, 14), "explicit"),
        ("in December 2024", date(2024, 12, 1), date(2024, 12, 31), "explicit"),
        ("in late November", date(2024, 11, 21), date(2024, 11, 30), "explicit"),
        ("since early December", date(2024, 12, 1), PUB, "since"),
        ("since 5 December", date(2024, 12, 5), PUB, "since"),
        ("last week", date(2024, 12, 9), date(2024, 12, 15), "relative"),
        ("this week", date(2024, 12, 16), PUB, "relative"),
        ("in recent days", date(2024, 12, 11), PUB, "relative"),
        ("in recent weeks", date(2024, 11, 20), PUB, "relative"),
        ("over the past month", date(2024, 11, 18), PUB, "relative"),
        ("over the past two weeks", date(2024, 12, 4), PUB, "relative"),
        ("in the last 10 days", date(2024, 12, 8), PUB, "relative"),
        ("last month", date(2024, 11, 1), date(2024, 11, 30), "relative"),
        ("earlier this month", date(2024, 12, 1), PUB, "relative"),
        ("yesterday", date(2024, 12, 17), date(2024, 12, 17), "relative"),
        ("on Monday", date(2024, 12, 16), date(2024, 12, 16), "relative"),
        ("on Wednesday", date(2024, 12, 18), date(2024, 12, 18), "relative"),  # a Wednesday paper: that day
        ("last Wednesday", date(2024, 12, 11), date(2024, 12, 11), "relative"),  # the one before
        ("three days ago", date(2024, 12, 15), date(2024, 12, 15), "relative"),
    ],
)
def test_spans(text: str, start: date, end: date, kind: str) -> None:
    spans = find_times(text, PUB)
    assert len(spans) == 1, spans
    assert (spans[0].start, spans[0].end, spans[0].kind) == (start, end, kind)


def test_year_inferred_from_publication_and_rolls_back() -> None:
    assert find_times("on 28 December", date(2025, 1, 5))[0].start == date(2024, 12, 28)
    assert find_times("on 3 January", date(2025, 1, 5))[0].start == date(2025, 1, 3)
    span = find_times("from 28 December to 3 January", date(2025, 1, 5))[0]
    assert (span.start, span.end) == (date(2024, 12, 28), date(2025, 1, 3))


def test_relative_without_publication_is_unresolved() -> None:
    span = find_times("in recent days")[0]
    assert span.start is None and span.end is None and span.kind == "relative"


def test_no_false_dates() -> None:
    assert find_times("Il-76 and An-124 aircraft flew 2000 km; S-400 batteries", PUB) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Headline\nPublished: 2025-01-03\nBody text on 12 December.", date(2025, 1, 3)),
        ("Headline\nTRIPOLI, Dec 18, 2024 (Reuters) - Russian planes", date(2024, 12, 18)),
        ("Headline\nMarch 3, 2025\n\nBody.", date(2025, 3, 3)),
        ("Опубликовано: 2024-12-19\nТекст", date(2024, 12, 19)),
        ("Headline\nBody says flights began on 12 December 2024.\nMore on 14 December 2024.", None),
    ],
)
def test_publication_date(text: str, expected: date | None) -> None:
    pub = find_publication_date(text)
    assert (pub.start if pub else None) == expected


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2035, 12, 31)), st.integers(0, 3))
def test_explicit_formats_roundtrip(d: date, fmt: int) -> None:
    text = [
        f"on {d.day} {d:%B %Y}",
        f"on {d:%B} {d.day}, {d.year}",
        f"on {d.isoformat()}",
        f"on {d.day:02d}/{d.month:02d}/{d.year}",
    ][fmt]
    spans = find_times(f"The flight took place {text}.", None)
    assert spans and spans[0].start == d and spans[0].end == d


@settings(max_examples=50, deadline=None)
@given(st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31)), st.integers(1, 20))
def test_past_n_days_ends_at_publication(pub: date, n: int) -> None:
    span = find_times(f"over the past {n} days", pub)[0]
    assert span.end == pub and span.start == pub - timedelta(days=n)


# seasons, parts of a relative month, Russian ordinal days, Arabic "ال21", months counted on the calendar
@pytest.mark.parametrize(
    ("text", "pub", "start", "end"),
    [
        ("the ship arrived last summer", date(2022, 8, 16), date(2021, 6, 1), date(2021, 8, 31)),
        ("the ship arrived last summer", date(2022, 10, 2), date(2022, 6, 1), date(2022, 8, 31)),
        ("flights went on this summer", date(2022, 8, 16), date(2022, 6, 1), date(2022, 8, 16)),
        ("l'été dernier", date(2022, 3, 1), date(2021, 6, 1), date(2021, 8, 31)),
        ("прошлой зимой", date(2023, 1, 10), date(2021, 12, 1), date(2022, 2, 28)),
        ("летом прошлого года", date(2022, 8, 16), date(2021, 6, 1), date(2021, 8, 31)),
        ("الصيف الماضي", date(2022, 8, 16), date(2021, 6, 1), date(2021, 8, 31)),
        ("in the summer of 2013 it sailed", date(2015, 1, 1), date(2013, 6, 1), date(2013, 8, 31)),
        ("صيف عام 2013", date(2015, 1, 1), date(2013, 6, 1), date(2013, 8, 31)),
        ("late last month", date(2014, 7, 3), date(2014, 6, 21), date(2014, 6, 30)),
        ("at the beginning of last month", date(2014, 1, 3), date(2013, 12, 1), date(2013, 12, 10)),
        ("à la fin du mois dernier", date(2022, 8, 16), date(2022, 7, 21), date(2022, 7, 31)),
        ("в середине прошлого месяца", date(2022, 8, 16), date(2022, 7, 11), date(2022, 7, 20)),
        ("أواخر الشهر الماضي", date(2022, 3, 5), date(2022, 2, 21), date(2022, 2, 28)),
        ("early this month", date(2022, 8, 6), date(2022, 8, 1), date(2022, 8, 6)),
        ("самолеты прилетели восьмого ноября", date(2025, 11, 20), date(2025, 11, 8), date(2025, 11, 8)),
        ("в ночь на двадцать третье февраля", date(2022, 3, 1), date(2022, 2, 23), date(2022, 2, 23)),
        ("вылетел третьего мая 2019 года", date(2020, 1, 1), date(2019, 5, 3), date(2019, 5, 3)),
        ("وصلت في ال21 من نوفمبر", date(2007, 12, 7), date(2007, 11, 21), date(2007, 11, 21)),
        ("over the past 18 months", date(2021, 2, 26), date(2019, 8, 26), date(2021, 2, 26)),
        ("two months ago", date(2022, 3, 31), date(2022, 1, 31), date(2022, 1, 31)),
    ],
)
def test_calendar_forms(text: str, pub: date, start: date, end: date) -> None:
    spans = find_times(text, pub)
    assert [(t.start, t.end) for t in spans] == [(start, end)], spans


@pytest.mark.parametrize(
    ("text", "pub"),
    [
        ("the summer exercises", date(2022, 8, 16)),  # a season with no year and no "last"/"this" dates nothing
        ("vingt-troisième", date(2022, 8, 16)),
        ("this summer", date(2022, 4, 1)),  # still to come
    ],
)
def test_calendar_forms_that_date_nothing(text: str, pub: date) -> None:
    assert [t for t in find_times(text, pub) if t.start is not None] == []


def test_a_part_of_this_month_still_to_come_leaves_the_month() -> None:
    spans = find_times("the ships will leave by the end of this month", date(2022, 8, 6))
    assert [(t.start, t.end, t.text) for t in spans] == [(date(2022, 8, 1), date(2022, 8, 6), "this month")]
