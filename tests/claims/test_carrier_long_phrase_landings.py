"""English landings that a long carrier phrase, a name ending like a demonym, or "back" hid: "landed at Jiwani
airport" (a site's name in "-i" before the kind of site it is, not "the Pakistani airport"), "arrived back in"
(a return is still an arrival), and a base named with its air force's initials ("PAF Nur Khan")."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract

PUB = date(2024, 3, 8)


def _dest(text: str) -> list[list[str | None]]:
    return [[p.id for p in c.destination] for c in extract(text, PUB).claims]


@pytest.mark.parametrize(
    ("text", "dest"),
    [
        (
            "An Il-76 carrying tents and blankets for the villages of the coast landed at Jiwani airport on Monday.",
            "OPJI",
        ),
        ("A transport aircraft of the air force carrying medicines landed at Pasni airport on Tuesday.", "OPPI"),
        ("The Il-76 landed back at Chaklala on Monday.", "OPRN"),
        ("The destroyer arrived back in Portsmouth on Friday.", "portsmouth-naval-base"),
        ("A C-130 of the air force landed at PAF Nur Khan on Monday.", "OPRN"),
    ],
)
def test_landing_after_a_long_carrier_phrase(text: str, dest: str) -> None:
    assert _dest(text) == [[dest]]


def test_a_demonym_before_airport_is_still_no_place() -> None:
    assert _dest("A transport plane landed at the Pakistani airport on Monday.") == []
