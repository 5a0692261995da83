"""A participle of return after a leg that reached its goal ("..., returning to X", "before returning to X",
"before flying back to X") is the next leg, from that goal; after a departure with no goal it is that leg's goal;
after a plan it claims nothing. Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.clauses import RETURN_OPENING
from liftwatch.claims.extract import extract
from liftwatch.claims.model import Claim

PUB = date(2025, 1, 10)


def _legs(text: str) -> list[tuple[list[str], list[str], list[str]]]:
    def ids(c: Claim, role: str) -> list[str]:
        return [p.text.lower() for p in getattr(c, role)]

    return [
        (ids(c, "origin"), ids(c, "destination"), ids(c, "via")) for c in extract(text, PUB, use_model=False).claims
    ]


@pytest.mark.parametrize(
    ("text", "back"),
    [
        ("The Il-76 left Moscow on Monday and landed in Bamako at noon, returning to Moscow in the evening.", "Moscow"),
        (
            "The transport planes flew from Akrotiri to Beirut on Monday before returning with evacuees to Larnaca.",
            "Larnaca",
        ),
        ("An An-124 landed at Bangui on Tuesday before flying back to Moscow.", "Moscow"),
    ],
)
def test_a_return_after_the_goal_is_a_leg_of_its_own(text: str, back: str) -> None:
    legs = _legs(text)
    assert len(legs) == 2, legs
    (_, d1, v1), (o2, d2, _) = legs
    assert d1 and o2 == d1, legs  # the return leaves from where the first leg ended
    assert not v1, legs  # the first leg's goal is no stop on the way to the return's goal
    assert d2 == [back.lower()], legs


def test_a_return_after_a_departure_with_no_goal_is_its_goal() -> None:
    legs = _legs("On Monday nine Su-34 jets left Belarus, heading back to Russia after months there.")
    assert len(legs) == 1, legs
    assert legs[0][0] == ["belarus"] and legs[0][1] == ["russia"], legs


def test_a_planned_return_claims_nothing() -> None:
    text = "The ship's tour will continue with planned stops in Kenya and India before returning to Vladivostok in May."
    assert _legs(text) == []


@pytest.mark.parametrize(
    "clause",
    ["returning to Moscow on Friday", "before returning with evacuees to Larnaca", "before sailing back to Tartus"],
)
def test_a_participle_of_return_with_a_goal_opens_a_return_clause(clause: str) -> None:
    assert RETURN_OPENING.match(clause)


@pytest.mark.parametrize("clause", ["returning from Tartus on Monday", "returning home", "returning fire"])
def test_a_return_with_no_goal_after_it_opens_none(clause: str) -> None:
    assert not RETURN_OPENING.match(clause)
