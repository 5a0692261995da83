"""Ranked arrivals at one place ("a second plane ..., the first arrived on Monday") are two movements, each on its own
day, in the four languages; a rank of an occasion, of a part of a period or of a month is none. Sentences written
for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.ranked_arrivals import rank_of

PUB = date(2025, 1, 10)  # a Friday: Thursday the 9th, Wednesday the 8th, Tuesday the 7th


def _days(text: str) -> list[tuple[date, date] | None]:
    return sorted((c.window for c in extract(text, PUB, use_model=False).claims), key=str)


@pytest.mark.parametrize(
    "text",
    [
        "A second Saudi military plane arrived at Aden airport on Thursday, after the first landed there on Wednesday.",
        "Un deuxième avion saoudien a atterri jeudi à Aden. Le premier s'y était posé mercredi.",
        "Второй российский самолет приземлился в Бенгази в четверг. Первый прибыл туда в среду.",
        "وصلت إلى مطار عدن الخميس طائرة سعودية ثانية، بعد أن هبطت أول طائرة سعودية في المطار الأربعاء.",
    ],
)
def test_the_first_carrier_is_a_movement_of_its_own(text: str) -> None:
    assert _days(text) == [(date(2025, 1, 8), date(2025, 1, 8)), (date(2025, 1, 9), date(2025, 1, 9))]


def test_the_first_one_keeps_the_ranked_ones_place() -> None:
    claims = extract(
        "Un deuxième avion saoudien a atterri jeudi à Aden. Le premier s'y était posé mercredi.", PUB, use_model=False
    ).claims
    assert len(claims) == 2
    assert {p.text for c in claims for p in c.destination} == {"Aden"}
    assert all(c.min_count is None for c in claims)


def test_first_and_second_told_with_places_stay_apart() -> None:
    text = (
        "A second Saudi aid plane landed at Benina airport. The first Saudi aid plane had arrived in Benghazi "
        "on Wednesday."
    )
    assert len(extract(text, PUB, use_model=False).claims) == 2


@pytest.mark.parametrize(
    ("text", "rank"),
    [
        ("a second aid plane landed", 2),
        ("the first plane landed on Monday", 1),
        ("the aircraft landed for the second time", None),
        ("in the first week of January", None),
        ("pour la deuxième fois", None),
        ("во второй раз", None),
        ("للمرة الثانية خلال أسبوع", None),
        ("في تشرين الثاني", None),
        ("the first such flight since 2019", None),
        ("une troisième frégate", 2),
        ("третий самолет", 2),
        ("طائرة مساعدات ثالثة", 2),
    ],
)
def test_ranks_of_carriers_only(text: str, rank: int | None) -> None:
    assert rank_of(text) == rank


@pytest.mark.parametrize(
    "text",
    [
        "The aircraft landed at Aden for the second time on Thursday.",
        "Two aircraft landed at Aden on Thursday. In the first week of January, a plane landed there.",
        "A second aid plane landed at Aden on Thursday.",
    ],
)
def test_no_first_with_a_day_of_its_own_adds_nothing(text: str) -> None:
    assert len(extract(text, PUB, use_model=False).claims) == 1


def test_the_first_one_told_by_a_rank_keeps_its_day_beside_a_report_of_the_week() -> None:
    text = (
        "وصلت إلى مطار دمشق الخميس طائرة مساعدات قطرية خلال الأسبوع الجاري. "
        "وتعد هذه الطائرة القطرية الثانية التي تهبط في مطار دمشق (بعد طائرة أولى يوم الاثنين)."
    )
    assert (date(2025, 1, 6), date(2025, 1, 6)) in _days(text)
