"""France's own forces named anywhere in a French story, and no other actor: the story's military carriers are France's.

Invented sentences, one behaviour each (``story_actor._own_forces_only``, ``fr_own_forces._BARE``).
"""

from __future__ import annotations

from liftwatch.claims import extract


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def test_the_navy_named_after_the_voyage_is_the_mover() -> None:
    text = (
        "La frégate Ventôse a quitté Brest le 3 mai 2024 pour le golfe de Guinée. "
        "Le déploiement s'inscrit dans la mission permanente de la Marine nationale."
    )
    assert _actors(text) == ["France"]


def test_another_actor_in_the_story_leaves_none() -> None:
    text = (
        "La frégate Ventôse a quitté Brest le 3 mai 2024 pour le golfe de Guinée. "
        "La Marine nationale y rejoindra la marine nigériane et des bâtiments de la Turquie."
    )
    assert "France" not in _actors(text)


def test_a_merchant_ship_is_not_the_navy_s() -> None:
    text = "Le cargo Solveig a quitté Brest le 3 mai 2024 pour Lagos. La Marine nationale surveille la zone."
    assert _actors(text) == [None]


def test_a_story_naming_no_french_force_carries_nothing() -> None:
    text = "La frégate Ventôse a quitté Brest le 3 mai 2024 pour le golfe de Guinée."
    assert _actors(text) == [None]


def test_a_type_written_with_a_space_before_the_bare_air_force() -> None:
    text = "Un Airbus A 330 de l'armée de l'Air a décollé d'Istres le 3 mai 2024 à destination de Niamey."
    assert _actors(text) == ["France"]
