"""English movements that were never extracted because their place got no role: a place told after its owner's
possessive.

Invented sentences, one behaviour each: the possessor a place the text names, with adjectives between it and the
place it holds ("arrived in Russia's Far Eastern port of Vladivostok", "landed in Libya's strategic Sirte city"),
and a possessor the gazetteer does not read as a place, standing between the two ends of a route ("between the UAE
and Chad's Amdjarass Airport").
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract


def _ends(text: str) -> tuple[set[str], set[str]]:
    claims = extract(text, date(2025, 1, 2), use_model=False).claims
    return {p.id or "" for c in claims for p in c.origin}, {p.id or "" for c in claims for p in c.destination}


def test_place_after_a_possessive_with_adjectives_takes_the_cue() -> None:
    # the possessor is a place found in the text: the port it owns, two adjectives later, is the goal
    assert "vladivostok-port" in _ends("Two frigates arrived in Russia's Far Eastern port of Vladivostok on Monday.")[1]


def test_city_after_a_possessive_and_an_adjective_takes_the_cue() -> None:
    # the city the possessor holds is the goal, not the possessor
    dests = _ends("Three cargo planes landed in Libya's strategic Sirte city on Sunday.")[1]
    assert dests and "libya" not in dests


def test_possessor_between_two_ends_of_a_route() -> None:
    assert "amdjarass" in _ends("Cargo flights ran between the UAE and Chad's Amdjarass Airport all month.")[1]
