"""A goal told after the place, as the carrier's declared destination ("signalling Nampo as its destination",
"with the port of X indicated as its destination") is the destination; "no longer lists X as its destination"
tells none. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract

PUB = date(2025, 1, 10)


def _goals(text: str) -> list[list[str]]:
    return [[p.text.lower() for p in c.destination] for c in extract(text, PUB, use_model=False).claims]


@pytest.mark.parametrize(
    ("text", "goal"),
    [
        ("The tanker left Vostochny on Monday and is now sailing south, signalling Nampo as its destination.", "nampo"),
        (
            "The freighter left Tartus on Monday, with the Russian port of Kaliningrad indicated as its destination.",
            "kaliningrad",
        ),
        (
            "The freighter left Tartus on Monday, listing the Egyptian port of Alexandria as its final destination.",
            "alexandria",
        ),
        ("The freighter left Baltiysk on Monday, with Tartus given as the ship's destination.", "tartus"),
    ],
)
def test_a_place_declared_as_its_destination_is_the_destination(text: str, goal: str) -> None:
    goals = _goals(text)
    assert len(goals) == 1 and len(goals[0]) == 1 and goal in goals[0][0], goals


def test_a_destination_no_longer_listed_is_none() -> None:
    text = "The freighter left Tartus on Monday and no longer lists the port of Alexandria as its destination."
    assert _goals(text) == [[]]
