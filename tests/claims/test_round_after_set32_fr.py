"""French movements never extracted (the round after set 32): the goal of the aid a carrier brings ("chargés d'aide
humanitaire au Niger"), and the noun of a withdrawal with the place left ("le retrait des soldats belges du Mali").
Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.cues import MOVE
from liftwatch.claims.extract import extract
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 22)


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text, PUB).claims]


@pytest.mark.parametrize(
    "pre",
    [
        "des tonnes d'aide humanitaire au ",
        "chargés d'aides humanitaires à la ",
        "avec de l'aide d'urgence aux ",
        "transportant de l'aide médicale au ",
    ],
)
def test_the_aid_s_goal_is_a_goal_cue(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_aid_a_destination_is_still_read_whole() -> None:
    # "à destination de" keeps its own cue: the aid's "à" does not swallow it
    assert cue_role("un avion d'aides humanitaires à destination de la ") == "destination"


def test_aid_far_from_the_verb_gives_the_goal() -> None:
    real_kb_gazetteer()
    legs = _legs(
        "Le Maroc a envoyé, au terme d'une semaine de préparatifs, trois avions militaires chargés de tonnes "
        "d'aide humanitaire au Niger."
    )
    assert legs and "country:NE" in legs[0][1], legs


def test_aid_with_no_capitalised_name_gives_no_place() -> None:
    real_kb_gazetteer()
    for _, dest in _legs("Deux avions ont décollé de Tripoli avec de l'aide humanitaire aux sinistrés."):
        assert dest == []


@pytest.mark.parametrize(
    "pre",
    [
        "Retrait des soldats belges du ",
        "la Russie poursuit le retrait de ses propres troupes du ",
        "le retrait des derniers militaires italiens de ",
    ],
)
def test_a_withdrawal_names_the_place_left(pre: str) -> None:
    assert cue_role(pre) == "origin", pre


def test_a_withdrawal_s_subject_is_no_place_left() -> None:
    # "le retrait des États-Unis de ...": who withdraws stands right after "retrait", not where from
    assert cue_role("le retrait des ") != "origin"
    assert cue_role("le retrait de la ") != "origin"


def test_a_withdrawal_headline_is_a_movement() -> None:
    assert MOVE.search("Retrait des soldats belges du Mali")
    assert not MOVE.search("le retrait des soldats a été annoncé")
    real_kb_gazetteer()
    legs = _legs("Retrait des soldats belges du Mali : un A400M a décollé jeudi.")
    assert legs and "country:ML" in legs[0][0], legs
