"""A goal or an origin told as "the same" one ("to the same destination", "vers la même destination", "туда же",
"في المطار ذاته") is the one told before it. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract

PUB = date(2025, 1, 10)


def _routes(text: str) -> set[tuple[tuple[str, ...], tuple[str, ...]]]:
    return {
        (tuple(p.text for p in c.origin), tuple(p.text for p in c.destination))
        for c in extract(text, PUB, use_model=False).claims
    }


@pytest.mark.parametrize(
    ("text", "route"),
    [
        (
            "Two Turkish aircraft left on Tuesday from Konya Airbase to Libya, and a third left Izmir to the same "
            "destination.",
            (("Izmir",), ("Libya",)),
        ),
        (
            "Deux avions ont quitté Istres vers Bangui mardi. Un troisième a décollé d'Orléans vers la même destination.",
            (("Orléans",), ("Bangui",)),
        ),
        (
            "وصلت طائرة إلى مطار دمشق من الدوحة. وهبطت طائرة أخرى من أنقرة في المطار ذاته.",
            (("أنقرة",), ("مطار دمشق",)),
        ),
    ],
)
def test_the_same_goal_is_the_one_told_before(text: str, route: tuple[tuple[str, ...], tuple[str, ...]]) -> None:
    assert route in _routes(text)


def test_the_same_time_is_no_place() -> None:
    assert _routes("The ship left Tartus at the same time as the frigate.") == {(("Tartus",), ())}


def test_nothing_told_before_gives_nothing() -> None:
    assert _routes("A plane left Izmir to the same destination.") == {(("Izmir",), ())}
