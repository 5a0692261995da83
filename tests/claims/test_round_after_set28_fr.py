"""French places not found or given no role (the round after set 28): people evacuated or brought home from a
place ("évacués du Soudan"), a time of day after "ce" between a verb of leaving and its "de" ("a décollé ce mardi
soir de"), an arrival "sur" a base, a state's waters and airspace named by its adjective after the noun ("les eaux
territoriales vénézuéliennes"), "bateau" as a ship noun (not a migrants' or fishing boat), and ships named in a
bracketed list after the noun that counts them. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.sentences import cue_role
from liftwatch.claims.ship_lists import bracketed_ships
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 22)


def _legs(text: str) -> list[tuple[list[str | None], list[str | None]]]:
    return [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text, PUB).claims]


@pytest.mark.parametrize(
    "pre",
    [
        "Deux cents ressortissants évacués du ",
        "Les civils rapatriés d'",
        "Les familles ont été évacuées depuis ",
        "Les blessés évacués hier soir de ",
    ],
)
def test_evacuated_or_brought_home_from_is_an_origin(pre: str) -> None:
    assert cue_role(pre) == "origin", pre


def test_the_noun_evacuation_names_who_not_where() -> None:
    assert cue_role("L'évacuation de ") is None
    assert cue_role("le rapatriement des ") is None


def test_evacuated_from_a_state_gives_the_flight_its_origin() -> None:
    real_kb_gazetteer()
    legs = _legs("Un avion militaire a transporté à Chypre les 120 Français évacués du Liban.")
    assert any("country:LB" in o for o, _ in legs), legs


def test_a_weekday_and_its_part_of_day_after_ce_stand_between_leaving_and_its_place() -> None:
    real_kb_gazetteer()
    assert cue_role("Un avion a décollé ce mardi soir de ") == "origin"
    legs = _legs("Un Airbus A330 a décollé ce jeudi matin de Niamey.")
    assert legs and legs[0][0] == ["DRRN"], legs


def test_an_arrival_on_a_base_is_its_destination() -> None:
    real_kb_gazetteer()
    assert cue_role("Des chasseurs russes sont arrivés sur ") == "destination"
    legs = _legs("Quatre avions de combat Su-30 sont arrivés sur la base aérienne de Baranovitchi.")
    assert legs and legs[0][1] == ["UMMA"], legs


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Un pétrolier iranien est entré dans les eaux territoriales vénézuéliennes mardi.", "country:VE"),
        ("Le cargo est entré dans les eaux libyennes dimanche.", "libya"),
        ("Deux bombardiers russes sont entrés dans l'espace aérien syrien.", "syria"),
    ],
)
def test_a_states_waters_and_airspace_are_the_state(text: str, state: str) -> None:
    real_kb_gazetteer()
    legs = _legs(text)
    assert any(state in d for _, d in legs), (text, legs)


def test_waters_followed_by_a_place_are_not_the_states() -> None:
    real_kb_gazetteer()
    legs = _legs("Le navire est entré dans les eaux russes de la mer Noire.")
    assert not any("russia" in d for _, d in legs), legs


def _ship_labels(text: str) -> list[list[str]]:
    return [[a.label for a in c.assets] for c in extract(text, PUB).claims]


def test_bateau_is_a_ship_noun() -> None:
    real_kb_gazetteer()
    assert _ship_labels("Un bateau russe a accosté à Tartous.") == [["ship"]]


@pytest.mark.parametrize(
    "text",
    [
        "Un bateau de migrants est arrivé à Lampedusa.",
        "Des bateaux de pêche sont rentrés à Tartous.",
        "Un bateau pneumatique a atteint Lampedusa.",
    ],
)
def test_a_migrants_or_fishing_boat_is_no_ship_carrier(text: str) -> None:
    real_kb_gazetteer()
    assert all("ship" not in labels for labels in _ship_labels(text)), (text, _ship_labels(text))


def test_ships_named_in_brackets_after_the_counting_noun() -> None:
    text = "Trois bateaux de la Marine nationale (le Ventôse, le Dumont d'Urville et le Tonnerre) ont appareillé."
    assert [n for _, _, n in bracketed_ships(text)] == ["Ventôse", "Dumont d'Urville", "Tonnerre"]
    text = "Two navy ships (the Ventose and the Tonnerre) left Toulon."
    assert [n for _, _, n in bracketed_ships(text)] == ["Ventose", "Tonnerre"]


@pytest.mark.parametrize(
    "text",
    [
        "Deux navires (selon Reuters) ont quitté Toulon.",
        "Trois navires (12 000 tonnes) ont accosté à Tartous.",
        "Les bateaux (voir la carte) ont quitté le port.",
    ],
)
def test_a_bracket_that_is_no_list_of_names_names_no_ship(text: str) -> None:
    assert bracketed_ships(text) == [], text


def test_the_bracketed_ships_are_the_claims_carriers() -> None:
    real_kb_gazetteer()
    text = "Trois bateaux de la Marine nationale (le Ventôse, le Dumont d'Urville et le Tonnerre) ont quitté Toulon."
    claims = extract(text, PUB).claims
    names = {a.ship_name for c in claims for a in c.assets}
    assert {"VENTÔSE", "DUMONT D'URVILLE", "TONNERRE"} <= names, names
