"""A navy named with its state after it is that state's, and a force the movement is done "together with" is a
companion, not the mover.

Invented sentences, one behaviour each. "La Marine nationale" alone is France's navy; "la Marine nationale du
Maroc" is Morocco's. A force listed after "together with" ("alongside", "вместе с") shares the exercise, so its
state does not move the carrier.
"""

from __future__ import annotations

from liftwatch.claims import extract
from liftwatch.claims.known_movers import state_forces


def _states(text: str) -> list[str]:
    return [a.name for _, _, a in state_forces(text)]


def test_the_marine_nationale_alone_is_france_s() -> None:
    assert _states("Un patrouilleur de la Marine nationale a quitté Toulon.") == ["France"]


def test_a_marine_nationale_with_its_state_after_du_is_that_state_s() -> None:
    assert _states("Un patrouilleur de la Marine nationale du Maroc a quitté Toulon.") == ["Morocco"]


def test_a_navy_of_another_state_moves_its_ships() -> None:
    claims = extract("Deux navires de la Marine nationale du Maroc ont accosté à Brest le 4 mai 2021.").claims
    assert [c.actor for c in claims] == ["Morocco"]


def test_a_force_named_after_together_with_is_no_mover() -> None:
    text = "The destroyer sailed from Souda Bay together with two frigates and patrol aircraft of the Greek Air Force."
    assert _states(text) == []


def test_a_force_named_after_alongside_is_no_mover() -> None:
    assert _states("The destroyer left Souda Bay alongside patrol aircraft of the Greek Air Force.") == []


def test_a_force_named_before_together_with_still_moves() -> None:
    assert _states("The Greek Air Force flew two C-130s to Souda Bay together with a frigate.") == ["Greece"]
