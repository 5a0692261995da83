"""French movements never extracted and French precision (the round after set 31): "jusqu'à" as the goal of a route
told from its start, the verbs of going back ("a regagné", "est retourné à", "sont revenus à"), not in the infinitive
or the future; a road convoy's leg with no aircraft or ship is no claim; a French grammar word a sentence starts with
is no place's name. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.cues import MOVE
from liftwatch.claims.extract import extract
from liftwatch.claims.fr_function_words import fr_function_word
from liftwatch.claims.fr_road_convoys import road_convoy_only
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 22)


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text, PUB).claims]


@pytest.mark.parametrize("pre", [" jusqu'à ", " jusqu’au port de ", "depuis la base, jusqu'aux "])
def test_jusqu_a_is_a_goal_cue(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_jusqu_a_after_the_start_of_a_route_is_its_goal() -> None:
    real_kb_gazetteer()
    legs = _legs("Deux Il-76 ont transporté des munitions depuis Bamako jusqu'à Ouagadougou.")
    assert legs and legs[0][0] == ["bamako"] and legs[0][1] and legs[0][1][0] is not None


def test_jusqu_au_with_a_date_gives_no_place() -> None:
    real_kb_gazetteer()
    for _, dest in _legs("Le cargo a quitté Tartous et restera en mer jusqu'au 9 février."):
        assert dest == []


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo a regagné Novorossiisk.",
        "Les deux frégates ont regagné leur port d'attache de Severomorsk.",
        "Le cargo est retourné à Novorossiisk.",
        "Le navire est revenu à Tartous mardi.",
    ],
)
def test_going_back_is_a_movement(text: str) -> None:
    assert MOVE.search(text), text
    real_kb_gazetteer()
    legs = _legs(text)
    assert legs and legs[0][1], (text, legs)


@pytest.mark.parametrize(
    "text",
    [
        "Les navires sont sommés de retourner dans les ports de France.",
        "Le ministre a permis aux deux navires de regagner Novorossiisk.",
        "Le navire reviendra dans deux semaines à Toulon.",
        "Le cargo regagnera Novorossiisk la semaine prochaine.",
    ],
)
def test_no_movement_in_the_infinitive_or_the_future(text: str) -> None:
    assert not MOVE.search(text), text


def test_revenus_alone_is_no_movement() -> None:
    assert not MOVE.search("Les revenus du port de Tartous ont baissé.")


@pytest.mark.parametrize(
    "clause",
    [
        "Chaque semaine, des convois routiers quittent la base de Niamey pour N'Djamena.",
        "Un convoi logistique a quitté la base en direction du Cameroun.",
        "Les véhicules ont été acheminés par voie terrestre jusqu'à Bamako.",
    ],
)
def test_a_road_leg_with_no_carrier_is_no_claim(clause: str) -> None:
    assert road_convoy_only(clause, 0)
    real_kb_gazetteer()
    assert extract(clause, PUB).claims == []


def test_a_road_convoy_beside_a_carrier_keeps_its_claim() -> None:
    clause = "Un A400M et des convois routiers ont quitté la base de Niamey pour N'Djamena."
    assert not road_convoy_only(clause, 1)
    real_kb_gazetteer()
    claims = extract(clause, PUB).claims
    assert claims and any(a.label == "A400M" for c in claims for a in c.assets)


@pytest.mark.parametrize("word", ["Les", "Il", "Dans", "Ces", "Nous", "En", "Leur"])
def test_a_french_grammar_word_is_no_name(word: str) -> None:
    assert fr_function_word(word)


@pytest.mark.parametrize("name", ["Le Caire", "La Valette", "Le Havre", "Sur", "Lens"])
def test_a_name_starting_with_an_article_is_still_a_name(name: str) -> None:
    assert not fr_function_word(name)


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo se trouve près de Tartous depuis le 5 janvier. Les médias ont rapporté son arrivée.",
        "Le navire est arrivé au port. Dans la nuit, il est reparti.",
    ],
)
def test_a_grammar_word_after_a_cue_is_no_place(text: str) -> None:
    real_kb_gazetteer()
    ex = extract(text, PUB)
    assert all(not fr_function_word(p.text) for p in ex.places_mentioned), [p.text for p in ex.places_mentioned]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Un C-130 a atterri lundi à l'Aéroport d'El-Arich.", "HEAR"),
        ("Les frégates ont escorté deux cargos depuis Djibouti jusqu'au Golfe d'Aden.", "gulf-of-aden"),
    ],
)
def test_a_capitalised_name_goes_on_after_an_elided_de(text: str, key: str) -> None:
    real_kb_gazetteer()
    ex = extract(text, PUB)
    assert key in {p.id for p in ex.places_mentioned}, [(p.text, p.id) for p in ex.places_mentioned]
    assert all(p.text not in {"Aéroport", "Golfe"} for p in ex.places_mentioned)
