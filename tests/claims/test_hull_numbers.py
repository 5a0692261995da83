"""A hull or pennant number in brackets after a ship's name belongs to the name: a list of named ships goes on
across it, the ships listed are counted, and the ships listed after an escort word all escort. Sentences written
for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.assets import find_assets
from liftwatch.claims.escorts import escorts_in
from liftwatch.claims.extract import extract
from liftwatch.claims.hull_numbers import without_hull_numbers
from liftwatch.claims.ships import named_ships

PUB = date(2025, 3, 10)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The corvettes Bravy (531) and Smely (532) left Murmansk on Friday.",
            ["Bravy", "Smely"],
        ),
        (
            "Сторожевые корабли «Верный» (712) и «Стойкий» (713) вышли из Мурманска.",
            ["Верный", "Стойкий"],
        ),
        (
            "Les frégates Bretagne (D-655), Alsace (D-656) et Vendée (D-659) ont quitté Brest.",
            ["Bretagne", "Alsace", "Vendée"],
        ),
    ],
)
def test_a_list_goes_on_across_a_hull_number(text: str, names: list[str]) -> None:
    assert [n for _, _, n in named_ships(text)] == names


def test_a_year_or_a_source_in_brackets_is_no_hull_number() -> None:
    assert without_hull_numbers("X (2019) and Y (Reuters) and Z (DDG 90)") == "X (2019) and Y (Reuters) and Z"


def test_ships_listed_with_hull_numbers_are_counted() -> None:
    claims = extract(
        "The corvettes Bravy (531) and Smely (532) sailed from Murmansk to Kirkenes on 3 March.", PUB, use_model=False
    ).claims
    ship_claims = [c for c in claims if any(a.ship_name for a in c.assets)]
    assert ship_claims and ship_claims[0].min_count == ship_claims[0].max_count == 2


def test_every_ship_listed_after_an_escort_word_escorts() -> None:
    text = (
        "The tanker Marlin Star, escorted by the frigate HNLMS Tromp (F803), destroyers HMS Kent (D40) and "
        "HMS Bude (D41), left Piraeus on 2 March."
    )
    assert [a.label for a in escorts_in(text)] == ["HNLMS Tromp", "HMS Kent", "HMS Bude"]
    assert [a.label for _, _, a in find_assets(text)] == ["Marlin Star"]


def test_escorts_told_together_are_one_counted_claim() -> None:
    text = (
        "The tanker Marlin Star sailed from Piraeus to Limassol on 2 March, escorted by the frigates HMS Kent (D40) "
        "and HMS Bude (D41)."
    )
    escorts = [c for c in extract(text, PUB, use_model=False).claims if c.escort]
    assert len(escorts) == 1
    assert [a.label for a in escorts[0].assets] == ["HMS Kent", "HMS Bude"]
    assert escorts[0].min_count == escorts[0].max_count == 2
