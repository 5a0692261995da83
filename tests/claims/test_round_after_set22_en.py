"""English escorts told with the goal they took the escorted ship to (the round after set 22): the escort went
there too, so the clause is a movement; an escort with no goal or with a purpose stays no movement."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from tests.claims.conftest import real_kb_gazetteer

_DAY = date(2024, 5, 20)


def _destinations(text: str) -> list[list[str | None]]:
    return [[p.id for p in c.destination] for c in extract(text, _DAY, use_model=False).claims]


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        (
            "In response, Russia launched a Su-35 fighter jet to escort the tanker to the port of Primorsk.",
            "primorsk-port",
        ),
        ("Two Russian corvettes escorted the cargo ship Sparta IV to Tartus.", "tartus"),
        ("The destroyer Admiral Levchenko is escorting the tanker to Tartus.", "tartus"),
    ],
)
def test_an_escort_with_its_goal_is_a_movement(text: str, destination: str) -> None:
    real_kb_gazetteer()
    assert [destination] in _destinations(text), text


@pytest.mark.parametrize(
    "text",
    [
        # no goal: where the escort went is not told
        "Two Russian corvettes escorted the cargo ship Sparta IV near Tartus.",
        # a purpose, not a goal
        "Two Russian corvettes escorted the tankers to protect them from Tartus.",
    ],
)
def test_an_escort_without_a_goal_stays_no_movement(text: str) -> None:
    real_kb_gazetteer()
    assert _destinations(text) == [], text
