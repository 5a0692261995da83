"""Carriers read wrong where a sentence names something else beside its ships and aircraft (invented sentences, one
behaviour each): a quoted operation, exercise, mission or storm read as a ship, and an English airlift or air bridge
read as the cargo-aircraft class where the sentence names its plane by a noun of its own."""

from __future__ import annotations

from liftwatch.claims.assets import find_assets


def _labels(text: str) -> list[str]:
    return [a.label for _, _, a in find_assets(text)]


def test_a_quoted_storm_name_after_cyclone_is_no_ship() -> None:
    text = "The frigate INS Kirch sailed to Male after the cyclone “Nilam” struck the islands."
    assert _labels(text) == ["INS Kirch"]


def test_a_quoted_storm_name_after_a_hyphenated_cyclone_is_no_ship() -> None:
    assert _labels("Navy ships brought tents to the coast post-cyclone ‘Tauktae’.") == ["ship"]


def test_a_quoted_name_that_opens_with_operation_is_no_ship() -> None:
    assert _labels("INS Airavat reached Jakarta under 'Operation Sea Bridge II' on Monday.") == ["INS Airavat"]


def test_a_quoted_name_after_a_naming_word_is_no_ship() -> None:
    text = 'The navy sent the tanker Shakti, in an operation christened "Kaveri", to Port Sudan.'
    assert _labels(text) == ["Shakti"]


def test_a_quoted_russian_exercise_is_no_ship() -> None:
    text = "Корвет «Совершенный» вернулся во Владивосток после учения «Морской щит»."
    assert _labels(text) == ["Совершенный"]


def test_a_quoted_french_exercise_is_no_ship() -> None:
    text = "La frégate Normandie a rejoint Dakar pour l'exercice « Grand African Nemo »."
    assert _labels(text) == ["Normandie"]


def test_a_ship_named_after_a_storm_stays_a_ship() -> None:
    # the ship's own noun comes before the name, not the word "cyclone": the name stays the ship's
    assert _labels("Малый ракетный корабль «Тайфун» зашел в Новороссийск.") == ["Тайфун"]


def test_an_airlift_yields_to_the_plane_the_sentence_names() -> None:
    text = "Qatar sent another relief plane to Beirut as part of its air bridge to Lebanon."
    assert _labels(text) == ["aircraft"]


def test_an_airlift_alone_is_still_cargo_aircraft() -> None:
    assert _labels("Qatar opened an air bridge to Lebanon on Monday.") == ["cargo aircraft"]
