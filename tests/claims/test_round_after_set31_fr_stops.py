"""French stops on the way (the round after set 31): "escales" in the plural, "faisant escale", a refuelling or
technical stop and a stop after which the carrier went on are vias; the single call told with the finite verb ("a
fait escale à") stays the goal. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import real_kb_gazetteer

PUB = date(2024, 6, 22)


@pytest.mark.parametrize(
    "pre",
    [
        "le navire a fait des escales en ",
        "avec trois escales de ravitaillement prévues au ",
        "faisant escale aux ports de ",
        "en faisant escale à ",
        "après une escale technique à ",
        "après une escale de ravitaillement en carburant, à ",
        "après une brève escale en ",
        "après une escale de deux jours dans le port de ",
        "une escale technique à ",
    ],
)
def test_a_stop_on_the_way_is_a_via(pre: str) -> None:
    assert cue_role(pre) == "via", pre


@pytest.mark.parametrize("pre", ["le navire a fait escale à ", "les frégates ont fait une escale au port de "])
def test_the_single_call_stays_the_goal(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


@pytest.mark.parametrize(
    "pre",
    [
        "après une escale de trois jours, le navire a quitté ",  # a stop's length, then the place left
        "les escales du navire à Chypre ont été annulées. Le navire a quitté ",
    ],
)
def test_the_stop_noun_does_not_reach_past_its_clause(pre: str) -> None:
    assert cue_role(pre) != "via", pre


def _roles(text: str) -> list[tuple[list[str | None], list[str | None], list[str | None]]]:
    return [
        ([p.id for p in c.origin], [p.id for p in c.via], [p.id for p in c.destination])
        for c in extract(text, PUB).claims
    ]


def test_refuelling_stops_are_vias_of_the_flight() -> None:
    real_kb_gazetteer()
    roles = _roles(
        "Deux Il-76 russes ont décollé de Moscou pour le Soudan, avec deux escales de ravitaillement prévues au "
        "Caire et à Khartoum."
    )
    assert roles, roles
    assert "khartoum" in roles[0][1] and "khartoum" not in roles[0][2], roles


def test_stops_in_the_plural_are_vias_and_the_goal_stays() -> None:
    real_kb_gazetteer()
    roles = _roles("La frégate russe a fait des escales en Algérie avant d'arriver à Tartous.")
    assert roles and roles[0][1] == ["country:DZ"] and roles[0][2] == ["tartus"], roles


def test_a_stop_before_the_arrival_is_a_via() -> None:
    real_kb_gazetteer()
    roles = _roles("Après une escale de quatre jours dans le port d'Alger, la frégate russe est arrivée à Tartous.")
    assert roles and roles[0][1] == ["algiers-port"] and roles[0][2] == ["tartus"], roles
