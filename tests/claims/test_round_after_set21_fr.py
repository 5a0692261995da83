"""French origins told by a verb of leaving in a form the plain cues miss, and attribution sources, whose
nationality never makes the actor (the round after set 21)."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from tests.claims.conftest import real_kb_gazetteer

_DAY = date(2023, 3, 14)


def _origins(text: str) -> list[list[str | None]]:
    return [[p.id for p in c.origin] for c in extract(text, _DAY, use_model=False).claims]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a time between the verb and its "de"
        ("Un avion russe est parti jeudi de Moscou pour Lattaquié.", "city:moscow"),
        ("Un avion russe a décollé mardi soir de Moscou à destination de Bamako.", "city:moscow"),
        # the imperfect and the participle of "quitter"
        ("Le cargo russe quittait Rouen pour Saint-Pétersbourg.", "rouen-port"),
        ("On a vu deux navires de guerre chinois quittant Zhanjiang à destination de Djibouti.", "zhanjiang-port"),
        # the carrier's own base, with "à"
        ("La frégate russe a quitté sa base à Severomorsk le 5 juillet.", "severomorsk-naval-base"),
        # coming from, and a ship weighing anchor where it lay
        ("Un avion russe venu de Moscou a atterri à Bamako.", "city:moscow"),
        ("Le navire russe arrivait de Bakou.", "city:baku"),
        ("Le croiseur russe a levé l'ancre à Tartous pour rejoindre Benghazi.", "tartus"),
    ],
)
def test_a_french_verb_of_leaving_gives_the_origin(text: str, origin: str) -> None:
    real_kb_gazetteer()
    assert [origin] in _origins(text), text


def test_a_base_left_with_a_is_no_goal() -> None:
    real_kb_gazetteer()
    claims = extract("La frégate russe a quitté sa base à Severomorsk le 5 juillet.", _DAY, use_model=False).claims
    assert [p.id for c in claims for p in c.destination] == []


def test_the_noun_partie_and_the_noun_arrivee_give_no_origin() -> None:
    real_kb_gazetteer()
    for text in (
        "Le navire fait partie de la flotte russe et est arrivé à Tartous.",
        "L'arrivée de la frégate russe à Tartous a été annoncée lundi.",
    ):
        assert all(o == [] for o in _origins(text)), text


# a nationality inside an attribution phrase, and no other actor told: the movement has no actor, and the phrase is
# its source where the attribution reader knows the phrase's form
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Selon des sources iraniennes, un avion-cargo a atterri à Damas mardi.", "des sources iraniennes"),
        ("Un avion-cargo a atterri à Damas mardi, ont indiqué des sources iraniennes.", "des sources iraniennes"),
        ("Deux avions Il-76 ont atterri à Bamako, d'après des responsables américains.", "des responsables américains"),
        ("Un navire a quitté Tartous pour Benghazi, selon le ministère russe de la Défense.", None),
        ("De sources russes, un navire a quitté Tartous pour Benghazi.", None),
        ("Iranian sources said a cargo plane landed in Damascus on Tuesday.", "Iranian sources"),
        ("A cargo plane landed in Damascus on Tuesday, citing Iranian sources.", "Iranian sources"),
        ("A ship left Tartus for Benghazi, according to US officials.", "US officials"),
        ("A cargo plane landed in Damascus on Tuesday, the Russian Defence Ministry said.", None),
        ("قالت مصادر إيرانية إن طائرة شحن هبطت في مطار دمشق يوم الثلاثاء.", "مصادر إيرانية"),
        ("هبطت طائرة شحن في مطار دمشق يوم الثلاثاء، بحسب مصادر إيرانية.", "مصادر إيرانية"),
        ("أفاد مسؤولون أمريكيون بأن طائرتين هبطتا في باماكو.", "مسؤولون أمريكيون"),
        ("По данным иранских источников, грузовой самолёт приземлился в Дамаске во вторник.", "иранских источников"),
        ("Грузовой самолёт приземлился в Дамаске во вторник, сообщили иранские источники.", "иранские источники"),
        ("Как сообщили американские чиновники, два самолёта Ил-76 приземлились в Бамако.", "американские чиновники"),
    ],
)
def test_a_nationality_in_an_attribution_names_no_actor(text: str, source: str | None) -> None:
    real_kb_gazetteer()
    claims = extract(text, _DAY, use_model=False).claims
    assert claims, text
    assert all(c.actor is None for c in claims), text
    if source is not None:
        assert any(source in c.sources for c in claims), text


def test_the_same_nationality_on_the_carrier_still_names_the_actor() -> None:
    # the guard above is no blanket: a state's military aircraft is its own (rule 6)
    real_kb_gazetteer()
    claims = extract(
        "Selon des sources iraniennes, un avion militaire russe a atterri à Damas mardi.", _DAY, use_model=False
    ).claims
    assert [c.actor for c in claims] == ["Russia"]
