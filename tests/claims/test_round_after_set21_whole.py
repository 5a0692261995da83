"""The round after set 21 (movements never extracted), tested on sentences written for it: a place the
possessive of a broader place introduces ("to Libya's Tobruk port", "from Libya's Tobruk port") keeps the role of
the cue before the owner.
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    ("text", "role", "place"),
    [
        # a one-word owner that is itself a place, before a facility the possessive introduces
        ("The landing ship sailed to Libya's Tobruk port on Monday.", "destination", "tobruk-port"),
        ("The frigate sailed from Libya's Tobruk port on Monday.", "origin", "tobruk-port"),
    ],
)
def test_the_cue_before_an_owner_governs_the_place_it_owns(text: str, role: str, place: str) -> None:
    claims = shape_extract(text).claims
    assert claims, text
    assert any(place in place_ids(getattr(c, role)) for c in claims), [(c.origin, c.destination) for c in claims]
