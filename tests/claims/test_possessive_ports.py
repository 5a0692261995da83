"""A port told after its country's possessive with describing words between ("Pakistan's southern Karachi Port").

Invented sentences, one behaviour each. A country the gazetteer leaves to the reader of capitalised names is taken
with its "'s" ("Pakistan's"), so the words between it and the port no longer opened on the possessive and the port
got no role; the possessive is now read at the end of the name as well as after it
(``possessive_places.owned_after``).
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.possessive_places import owned_after


def _goals(text: str) -> set[str]:
    claims = extract(text, date(2025, 1, 2), use_model=False).claims
    return {p.id or "" for c in claims for p in c.destination}


def test_port_after_a_possessive_name_and_an_adjective_is_the_goal() -> None:
    goals = _goals("Two frigates arrived in Pakistan's southern Karachi Port on Monday.")
    assert "karachi-port" in goals and "country:PK" not in goals


def test_port_after_a_possessive_name_and_two_adjectives_is_the_goal() -> None:
    goals = _goals("A supply ship sailed to Pakistan's busy southern Karachi Port last week.")
    assert "karachi-port" in goals


def test_possessive_inside_the_name_with_an_adjective_is_owned() -> None:
    assert owned_after("Pakistan's", " southern ")
    assert owned_after("Türkiye’s", " southern ")


def test_name_without_a_possessive_owns_nothing_across_an_adjective() -> None:
    assert not owned_after("Pakistan", " southern ")


def test_possessive_name_then_a_cue_is_no_ownership() -> None:
    # "Pakistan's ships to Karachi": a cue between says the port is a place of its own
    assert not owned_after("Pakistan's", " ships to ")
