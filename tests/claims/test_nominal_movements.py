"""Movements told by a noun of going or sending, or by a form of bringing or carrying the reader lacked: "its
journey to", "brings ... to", "l'envoi ... vers", "تم إرسال", "إيفاد ... إلى", "تحمل ... إلى".
Sentences written for these tests.
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.cues import MOVE
from liftwatch.claims.extract import extract
from liftwatch.claims.nominal_moves import NOMINAL_MOVES

PUB = date(2025, 6, 12)


def _goals(text: str) -> list[list[str]]:
    return [[p.id or p.text for p in c.destination] for c in extract(text, PUB, use_model=False).claims]


def _origins(text: str) -> list[list[str]]:
    return [[p.id or p.text for p in c.origin] for c in extract(text, PUB, use_model=False).claims]


def test_a_journey_owned_by_its_carrier_to_a_place_is_a_movement() -> None:
    # a ship's "Djibouti" is the capital's port (the kb's reading for a ship), the country for anyone else
    assert ["djibouti-port"] in _goals(
        "The Bangladeshi supply ship began its journey to Djibouti on Monday with 300 tonnes of food."
    )


def test_a_journey_with_no_owner_and_no_goal_is_no_movement() -> None:
    assert re.search(NOMINAL_MOVES, "the crew rested after a three-day journey", re.I) is None


def test_brings_a_load_to_a_place_is_a_movement() -> None:
    assert ["benina"] in _goals("A Qatari C-17 brings 40 tonnes of tents to Benghazi.")


def test_bringing_people_home_from_a_place_gives_the_origin() -> None:
    assert ["tripoli-intl"] in _origins(
        "Two charter planes were bringing home Indian nationals from Tripoli on Sunday."
    )


def test_bring_with_no_place_after_it_is_no_movement() -> None:
    assert re.search(NOMINAL_MOVES, "the new destroyer brings firepower", re.I) is None


def test_the_french_noun_of_a_sending_with_its_goal_is_a_movement() -> None:
    assert ["OJAI"] in _goals("C'est le premier envoi de l'aviation belge vers Amman depuis le début de la crise.")


def test_a_sending_announced_is_not_read_by_the_noun() -> None:
    assert re.search(NOMINAL_MOVES, "Bruxelles a annoncé l'envoi d'un A400M vers Chypre.", re.I) is None


def test_the_arabic_passive_of_sending_is_a_movement() -> None:
    assert ["DRRN"] in _goals("وفي وقت سابق، تم إرسال طائرتي شحن من الجزائر إلى نيامي.")


def test_the_bare_arabic_noun_of_sending_is_not_read_as_sent() -> None:
    assert re.search(NOMINAL_MOVES, "وافق البرلمان على إرسال قوة") is None


def test_the_arabic_noun_of_a_dispatch_with_its_goal_is_a_movement() -> None:
    assert ["gulf-of-aden"] in _goals("ويأتي إيفاد الفرقاطة الإيرانية إلى خليج عدن لحماية السفن التجارية.")


def test_the_arabic_noun_of_a_dispatch_with_no_goal_is_no_movement() -> None:
    assert re.search(NOMINAL_MOVES, "وناقش الطرفان إيفاد بعثة طبية") is None


def test_an_arabic_carrier_carrying_its_load_to_a_place_is_a_movement() -> None:
    assert ["HEAR"] in _goals("طائرة أردنية تحمل مساعدات طبية إلى العريش")


def test_arabic_carrying_with_no_goal_is_no_movement() -> None:
    assert re.search(NOMINAL_MOVES, "الطائرة تحمل على متنها عشرين طنا من الأدوية") is None


def test_the_forms_are_part_of_the_words_of_motion() -> None:
    assert re.search(MOVE, "the frigate began its journey to the Red Sea") is not None
