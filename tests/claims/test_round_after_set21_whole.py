"""Mechanisms of the round after set 21 (movements never extracted), each tested on sentences written for it: a
place named after its owner's possessive ("to Libya's Tobruk port", "at South Africa's Durban port") keeps the
role of the cue before the owner, and an arrival told by its noun ("the arrival of two Il-76 at", "the landing of
an Il-62 in") gives its place the role the verb would.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.filler import fill_ok
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    ("text", "role", "place"),
    [
        # a one-word owner that is itself a place, before a facility the possessive introduces
        ("The landing ship sailed to Libya's Tobruk port on Monday.", "destination", "tobruk-port"),
        ("The frigate sailed from Libya's Tobruk port on Monday.", "origin", "tobruk-port"),
        # an owner of several capitalised words
        ("A Ro-Ro vessel docked at South Africa's Durban port.", "destination", "city:durban"),
    ],
)
def test_the_cue_before_an_owner_governs_the_place_it_owns(text: str, role: str, place: str) -> None:
    claims = shape_extract(text).claims
    assert claims, text
    assert any(place in place_ids(getattr(c, role)) for c in claims), [(c.origin, c.destination) for c in claims]


@pytest.mark.parametrize(
    ("fill", "ok"),
    [
        ("North Korea's ", True),
        ("the Israeli Air Force’s ", True),
        ("Russia's ", True),
        # lower-case words and a name without the possessive still break the link
        ("help protect North Korea's ", False),
        ("North Korea and ", False),
    ],
)
def test_an_owner_of_several_words_is_filler(fill: str, ok: bool) -> None:
    assert fill_ok(fill) is ok


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Witnesses reported the arrival of two Il-76 at Bangui airport.", "bangui"),
        ("Activists filmed the landing of a Russian Il-62 in Bamako.", "bamako"),
        ("Tracking sites showed the arrival at Bangui airport of a Russian An-124.", "bangui"),
    ],
)
def test_an_arrival_told_by_its_noun_gives_a_destination(text: str, place: str) -> None:
    claims = shape_extract(text).claims
    assert any(place in place_ids(c.destination) for c in claims), [c.destination for c in claims]


def test_an_arrival_noun_before_a_date_gives_no_place_named_later() -> None:
    claims = shape_extract("The arrival of the frigate in March surprised officials in Benghazi.").claims
    assert not any(c.destination for c in claims), [c.destination for c in claims]
