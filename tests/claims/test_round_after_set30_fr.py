"""French movements never extracted (the round after set 30): "quitter" with a time before the place left, outside a
relative clause ("a quitté le 3 mars dernier la ville portuaire de"), "se poser" as a flight's goal ("pour se poser
à"), "entrer" in every gender and with a time ("la corvette est entrée samedi dans"), a time before "en" after the
participles of arriving ("sont arrivés samedi en"), the possessive before the carrier's own base ("à leur base de"),
and an escort told with its goal ("a escorté le cargo jusqu'à"). Sentences written for these tests, not corpus
text."""

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
        "La frégate a quitté le 3 mars dernier la ville portuaire de ",
        "Le pétrolier, après avoir quitté le 2 mai le port de ",
        "Les deux avions ont quitté avec succès ",
        "Le destroyer a quitté mardi soir la base navale de ",
    ],
)
def test_quitter_with_a_time_before_the_place_left(pre: str) -> None:
    assert cue_role(pre) == "origin", pre


def test_quitter_with_a_time_reads_the_port_left() -> None:
    real_kb_gazetteer()
    legs = _legs("Le destroyer chinois a quitté le 3 mars dernier la ville portuaire chinoise de Qingdao.")
    assert any("qingdao-port" in o for o, _ in legs), legs


def test_quitter_with_a_time_in_a_relative_clause_is_not_that_cue() -> None:
    # the relative clause describes the carrier another clause moves: its place is no cue's of its own here
    assert cue_role("Le navire qui a quitté avec succès ") is None
    assert cue_role("Les navires qui avaient quitté le 4 juin dernier la base de ") is None
    assert cue_role("Les navires ont quitté le 4 juin dernier la base de ") == "origin"


@pytest.mark.parametrize(
    "pre",
    [
        "Un Il-76 a décollé de Moscou pour se poser à ",
        "L'avion a quitté Niamey avant de se poser sur ",
        "L'appareil se posera dans la nuit à ",
        "Un A400M a décollé afin de se poser à ",
    ],
)
def test_se_poser_as_the_flight_s_goal(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_se_poser_reads_the_airport_landed_at() -> None:
    real_kb_gazetteer()
    legs = _legs("Un Antonov An-124 a décollé d'Istanbul pour se poser à N’Djamena, la capitale du Tchad.")
    assert any(d == ["FTTJ"] for _, d in legs), legs


@pytest.mark.parametrize(
    "text",
    [
        "L'avion-cargo a dû se poser en urgence à Kano.",
        "Le premier appareil à se poser à Aden depuis un mois est saoudien.",
    ],
)
def test_a_forced_or_ranked_landing_is_no_flight_goal(text: str) -> None:
    # "a dû se poser", "le premier à se poser": a diversion or a ranking, not the goal the flight was told with
    assert not MOVE.search(text.replace("à Kano", "").replace("à Aden", "")), text
    assert cue_role(text[: text.index(" à ") + 3]) is None, text


@pytest.mark.parametrize(
    "pre",
    [
        "La corvette russe est entrée samedi dans ",
        "Les deux frégates sont entrées dans ",
        "Le sous-marin est entré ce mercredi 17 novembre dans ",
        "Les navires entreront demain au ",
    ],
)
def test_entering_in_every_gender_and_with_a_time(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_a_feminine_entry_is_a_movement() -> None:
    real_kb_gazetteer()
    legs = _legs("La corvette russe est entrée samedi dans le port de Tartous.")
    assert any(d == ["tartus-port"] for _, d in legs), legs


@pytest.mark.parametrize("text", ["L'entrée du port de Tartous est fermée.", "Au moins dix entrées de navires."])
def test_the_noun_entree_is_no_movement(text: str) -> None:
    assert not MOVE.search(text), text


@pytest.mark.parametrize(
    "pre",
    ["Quatre Su-30 sont arrivés samedi en ", "Un Il-76 a atterri lundi soir en ", "La frégate est arrivée hier en "],
)
def test_a_time_before_en_after_arriving(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_a_time_before_en_reads_the_country() -> None:
    real_kb_gazetteer()
    legs = _legs("Quatre chasseurs Su-30 russes sont arrivés samedi en Biélorussie.")
    assert any(d == ["belarus"] for _, d in legs), legs


@pytest.mark.parametrize(
    "pre",
    [
        "Quatre B-52 sont arrivés à leur ",
        "La frégate a rejoint son port d'attache de ",
        "Les avions ont atterri sur leur ",
    ],
)
def test_the_carrier_s_own_base(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


@pytest.mark.parametrize(
    "text",
    [
        "La frégate a escorté le cargo jusqu'à Tartous.",
        "Le destroyer a accompagné deux pétroliers jusqu'au port de Tobrouk.",
    ],
)
def test_an_escort_to_a_goal_is_a_movement(text: str) -> None:
    assert MOVE.search(text), text


def test_an_escort_with_no_goal_is_no_movement() -> None:
    assert not MOVE.search("La frégate escortant deux pétroliers a été photographiée.")
