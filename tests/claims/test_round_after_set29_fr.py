"""French movements never extracted (the round after set 29): a time or a parenthesis between a verb of arriving or
mooring and its preposition ("a accosté dimanche au port de", "arrivera quant à lui dans"), French adjectives of
nationality between a cue and its place ("le port nord-coréen de"), French ship descriptions ("le remorqueur de
sauvetage X", "le porte-hélicoptères amphibie (PHA) X", "le X (porte-hélicoptères)"), and a state's coast named by
its adjective ("les côtes syriennes"). Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 22)


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text, PUB).claims]


@pytest.mark.parametrize(
    "pre",
    [
        "Le destroyer a accosté dimanche 14 septembre au ",
        "La frégate arrivera quant à elle dans ",
        "Le pétrolier a mouillé hier soir dans ",
        "Le porte-avions arrive ce matin à ",
        "Le navire amarré jeudi dernier à ",
    ],
)
def test_a_time_or_an_aside_between_arriving_and_its_preposition(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_an_aside_between_arriving_and_its_sea() -> None:
    real_kb_gazetteer()
    legs = _legs("Le destroyer russe Vinogradov arrivera pour sa part dans la partie orientale de la Méditerranée.")
    assert any(d == ["eastern-mediterranean"] for _, d in legs), legs


def test_a_participle_of_sending_straight_before_en_is_left_out() -> None:
    # measured: "envoyés en mer Rouge", "transférés en" told a mission's area and rail legs, not a goal reached
    assert cue_role("Des navires ont été envoyés en ") is None


@pytest.mark.parametrize(
    "pre",
    [
        "Le cargo a mouillé dans le port nord-coréen de ",
        "La frégate a quitté la ville portuaire chinoise de ",
        "Le navire est parti de la ville côtière turque de ",
        "L'avion s'est posé à l'aéroport guinéen de ",
        "Le destroyer est arrivé au port érythréen de ",
    ],
)
def test_a_french_adjective_of_nationality_describes_the_place_named_next(pre: str) -> None:
    assert cue_role(pre) is not None, pre


def test_a_verb_between_cue_and_place_still_breaks_the_link() -> None:
    assert cue_role("Le navire est arrivé à Alger et a livré ") is None


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Le remorqueur de sauvetage Altaï a quitté Severomorsk.", ["Altaï"]),
        ("Le navire de soutien Vsevolod Bobrov est arrivé à Tartous.", ["Vsevolod Bobrov"]),
        ("La frégate (FREMM) Normandie a appareillé de Brest.", ["Normandie"]),
        ("Le Makran (pétrolier ravitailleur) et la frégate Sahand ont quitté Bandar Abbas.", ["Makran", "Sahand"]),
    ],
)
def test_french_ship_descriptions_and_a_class_in_brackets(text: str, names: list[str]) -> None:
    from liftwatch.claims.ships import named_ships

    assert [n for _, _, n in named_ships(text)] == names


def test_a_bracketed_word_that_is_no_ship_class_names_no_ship() -> None:
    from liftwatch.claims.ships import named_ships

    assert [n for _, _, n in named_ships("Le cargo Baltic Leader (Malte) a quitté Rouen.")] == ["Baltic Leader"]


def test_a_states_coast_named_by_its_adjective_is_the_state() -> None:
    real_kb_gazetteer()
    legs = _legs("Le croiseur russe Varyag est parti de Sébastopol en direction des côtes syriennes.")
    assert any(d == ["syria"] for _, d in legs), legs


def test_a_coast_with_its_town_after_it_is_no_state() -> None:
    real_kb_gazetteer()
    legs = _legs("Le croiseur russe Varyag est arrivé sur la côte syrienne à Tartous.")
    assert not any("syria" in d for _, d in legs), legs
