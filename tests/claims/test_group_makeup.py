"""A group told with its make-up (``claims.group_makeup``): kinds that each carry a figure adding up to the total
are one claim each; kinds that do not add up stay in the total's claim. Invented sentences in the four languages
(other carriers, places and numbers than the gold corpus).
"""

from __future__ import annotations

import pytest

from liftwatch.claims.group_makeup import makeup
from tests.claims.conftest import shape_extract


@pytest.mark.parametrize(
    ("text", "total", "figures"),
    [
        ("Five ships, including a destroyer and four landing ships, sailed from Sevastopol.", 5, [1, 4]),
        ("Cinq navires, dont un destroyer et quatre pétroliers, ont quitté Toulon.", 5, [1, 4]),
        ("Семь кораблей, в том числе три фрегата и четыре десантных корабля, вышли из Новороссийска.", 7, [3, 4]),
        ("خمس طائرات، بينها طائرتان من طراز إليوشن 76 وثلاث طائرات من طراز أنتونوف 124، هبطت في طرابلس.", 5, [2, 3]),
        ("Two ships, including the frigate Admiral Kasatonov and a tanker, left Tartus.", 2, [1, 1]),
    ],
)
def test_the_kinds_of_a_total_are_read_with_their_figures(text: str, total: int, figures: list[int]) -> None:
    items = makeup(text, total)
    assert items is not None
    assert [i.figure for i in items] == figures


@pytest.mark.parametrize(
    ("text", "total"),
    [
        ("Six transport planes, including two A400M aircraft, landed in Niamey.", 6),  # one kind: no split
        ("Six ships, including two frigates and a tanker, left Tartus.", 6),  # 3 is not 6: a description
        ("Two Il-76 and two Il-76 landed in Niamey.", 4),  # one kind twice
    ],
)
def test_kinds_that_do_not_split_the_total_are_no_make_up(text: str, total: int) -> None:
    assert makeup(text, total) is None


def test_a_make_up_that_adds_up_is_one_claim_per_kind() -> None:
    claims = shape_extract(
        "Five Russian ships, including a destroyer and four landing ships, left Sevastopol on 3 May."
    )
    assert sorted((c.min_count, c.max_count) for c in claims.claims) == [(1, 1), (4, 4)]
    assert {a.label for c in claims.claims for a in c.assets} >= {"landing ship"}
    assert all(c.origin for c in claims.claims)


def test_kinds_each_counted_without_a_total_are_one_claim_each() -> None:
    claims = shape_extract("Six Su-24 and three Su-25 flew from Lipetsk to Hmeimim on 3 May.").claims
    assert sorted((a.label, c.max_count) for c in claims for a in c.assets) == [("Su-24", 6), ("Su-25", 3)]


def test_a_kind_counted_only_as_part_of_a_larger_total_stays_in_it() -> None:
    claims = shape_extract("Six transport planes, including two A400M aircraft, landed in Niamey on 3 May.").claims
    assert [(c.min_count, c.max_count) for c in claims] == [(6, 6)]


def test_the_group_referred_back_to_by_its_number_moves_the_same_kinds() -> None:
    text = (
        "Cinq navires russes, dont un destroyer et quatre navires de débarquement, ont quitté Toulon mardi. "
        "Les cinq navires avaient accosté à Toulon le 3 mai."
    )
    claims = shape_extract(text).claims
    arrivals = sorted(c.max_count or 0 for c in claims if c.destination)
    departures = sorted(c.max_count or 0 for c in claims if c.origin and not c.destination)
    assert arrivals == [1, 4]
    assert departures == [1, 4]


@pytest.mark.parametrize(
    "text",
    [
        "The frigates Admiral Kasatonov and Admiral Essen and the tanker Akademik Pashin arrived in Havana on 3 May.",
        "Корвет «Стойкий» и танкер «Кола» прибыли в Порт-Судан 3 мая.",
    ],
)
def test_ships_named_one_by_one_with_no_total_stay_one_claim(text: str) -> None:
    assert len(shape_extract(text).claims) == 1


def test_ships_named_in_a_make_up_sail_together_beside_a_counted_kind() -> None:
    items = makeup("Four ships, including the frigate Admiral Essen, the tanker Akademik Pashin and two tugs, left.", 4)
    assert items is not None
    assert [(len(i.assets), i.figure) for i in items] == [(2, 2), (1, 2)]


def test_ships_all_named_in_a_make_up_are_one_claim() -> None:
    assert (
        makeup("Three ships, including the frigate Admiral Essen, the tanker Akademik Pashin and the tug SB-123.", 3)
        is None
    )
