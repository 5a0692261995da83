"""French headings told with a bare noun ("direction la mer Rouge", "destination Niamey") and a take-off told again
("redécolle"): the goal after the noun is the destination, and the iterative verb is a word of motion.

Invented sentences, one behaviour each (``fr_headings.BARE_HEADING``, ``fr_headings.TAKE_OFF_AGAIN``).
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims import extract
from liftwatch.claims.model import Claim

_PUB = date(2024, 5, 20)


def _claims(text: str) -> list[Claim]:
    return extract(text, _PUB, use_model=False).claims


def _goals(text: str) -> list[list[str | None]]:
    return [[p.id for p in c.destination] for c in _claims(text)]


def test_bare_direction_after_a_comma_gives_the_goal() -> None:
    goals = _goals("Le navire a quitté Toulon mardi, direction la mer Rouge.")
    assert goals == [["red-sea"]]


def test_bare_destination_gives_the_goal() -> None:
    goals = _goals("L'avion a décollé de Bamako, destination Niamey.")
    assert goals == [["DRRN"]]


def test_heading_opening_its_sentence_with_an_article() -> None:
    text = "Le cargo Maria a chargé des vivres à Mombasa lundi. Destination le Mozambique, frappé par un cyclone."
    assert ["country:MZ"] in _goals(text) or ["mozambique"] in _goals(text)


def test_a_determiner_before_the_noun_is_no_heading() -> None:
    # "sa destination" is the ship's stated goal told as a noun phrase, not an elided "à destination de"
    text = "Le cargo Maria a quitté Mombasa lundi; sa destination Tartous reste à confirmer."
    assert _goals(text) == [[]]


def test_the_direction_of_a_body_is_no_heading() -> None:
    text = "Un avion cargo a atterri à Bamako. La direction Générale de l'aviation civile a confirmé le vol."
    assert len(_goals(text)) == 1


def test_a_take_off_told_again_is_a_movement() -> None:
    assert _goals("L'avion a redécollé pour Moscou.") != []
    assert len(_claims("L'Il-76 redécolle ensuite vers Niamey.")) == 1
