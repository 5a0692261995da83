"""Lists of counted ship kinds (``claims.group_makeup``): each kind the text counts is keyed by its own word, and a
list whose first figure alone was read as the count is one claim per kind. Invented sentences (other navies, places
and numbers than the gold corpus).
"""

from __future__ import annotations

import pytest

from liftwatch.claims.assets import find_assets
from liftwatch.claims.group_makeup import makeup
from tests.claims.conftest import shape_extract


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Five ships, including two frigates and three tugs, left Tartus.", ["frigate", "tug"]),
        ("Cinq navires, dont deux corvettes et trois sous-marins, ont quitté Toulon.", ["corvette", "submarine"]),
        ("Пять кораблей, в том числе два эсминца и три буксира, вышли из Севастополя.", ["destroyer", "tug"]),
    ],
)
def test_each_counted_ship_kind_keeps_its_own_word(text: str, labels: list[str]) -> None:
    items = makeup(text, 5)
    assert items is not None
    assert [[a.label for a in i.assets] for i in items] == [[x] for x in labels]


def test_two_generic_ship_words_of_different_kinds_make_a_list_of_kinds() -> None:
    # without their own words, "frigates" and "corvettes" are one class and the list no split
    assert makeup("Two frigates and three corvettes sailed from Baltiysk.", 5) is not None


def test_a_list_whose_first_figure_was_the_count_is_one_claim_per_kind() -> None:
    claims = shape_extract("С помощью пяти десантных кораблей и двух фрегатов войска доставили в Новороссийск.").claims
    kinds = sorted((a.label, c.max_count) for c in claims for a in c.assets)
    assert kinds == [("frigate", 2), ("landing ship", 5)]


def test_a_kind_told_with_an_article_in_such_a_list_has_no_count() -> None:
    claims = shape_extract("Three frigates and a tug sailed from Sevastopol to Tartus on 3 May.").claims
    kinds = sorted((a.label, c.max_count) for c in claims for a in c.assets)
    assert kinds == [("frigate", 3), ("tug", None)]


def test_a_list_of_aircraft_after_its_first_figure_is_no_such_split() -> None:
    claims = shape_extract("Nine Il-76 and An-124 aircraft flew from Orenburg to Bishkek on 3 May.").claims
    assert [(c.min_count, c.max_count) for c in claims] == [(9, 9)]


def test_the_arabic_dual_of_a_warship_kind_is_a_ship() -> None:
    assert [a.label for _, _, a in find_assets("أبحرت مدمرتين من طرطوس.")] == ["ship"]
