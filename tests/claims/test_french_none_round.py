"""French returns told as a state ("est de retour à quai à", "a retrouvé son port-base de"): a clause told only so
makes a claim, with the place the carrier is back at as its goal; the noun alone, the future and an unrelated
"retrouver" do not. Sentences written for these tests.
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.cues import MOVE
from liftwatch.claims.extract import extract
from liftwatch.claims.fr_returns import FR_RETURN_MOVES

PUB = date(2025, 6, 12)


def _goals(text: str) -> list[list[str]]:
    return [[p.id or p.text for p in c.destination] for c in extract(text, PUB, use_model=False).claims]


def test_back_at_a_port_is_a_claim_with_that_goal() -> None:
    assert ["toulon-naval-base"] in _goals("La frégate Courbet est de retour à Toulon depuis mardi.")


def test_back_at_the_quay_of_a_port_reads_the_port() -> None:
    assert ["toulon-naval-base"] in _goals("Le 3 juin, la frégate Courbet est de retour à quai à Toulon.")


def test_back_at_a_named_naval_base_reads_the_base() -> None:
    assert ["toulon-naval-base"] in _goals("Les frégates Courbet et Aconit sont de retour à la base navale de Toulon.")


def test_a_home_port_regained_is_the_goal() -> None:
    assert ["toulon-naval-base"] in _goals("Le 3 juin, la frégate Courbet a retrouvé son port-base de Toulon.")


def test_being_back_is_a_word_of_motion() -> None:
    assert re.search(MOVE, "la frégate est de retour à quai à Brest") is not None


def test_the_noun_of_a_return_leg_alone_is_no_word_of_motion() -> None:
    assert re.search(FR_RETURN_MOVES, "leur trajet de retour vers Brest est discret") is None


def test_the_future_return_is_no_word_of_motion() -> None:
    assert re.search(FR_RETURN_MOVES, "l'équipage sera de retour à Brest ce soir") is None


def test_finding_a_person_again_is_no_word_of_motion() -> None:
    assert re.search(FR_RETURN_MOVES, "l'équipage a retrouvé son commandant à Brest") is None
