"""The forms of the verbs of motion completed from their paradigm (``claims/motion_forms.py``), each tested on
sentences written fresh for it: the Russian verbs of carrying by prefix and root, the Arabic future and purpose
particles on "return" and "head", and the words that only look like them.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.cues import MOVE
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "Самолеты вывозили технику с базы",
        "Корабли ввозят грузы в порт",
        "Транспортник привез гуманитарную помощь",
        "Суда завезли топливо на остров",
        "Грузовики подвозят боеприпасы к аэродрому",
        "ستعود الفرقاطة إلى الميناء غدا",  # the future of "return"
        "أبحرت السفينة لتعود إلى قاعدتها",  # "return" after the particle of purpose
        "وقالت البحرية إن المدمرة ستتجه إلى البحر الأحمر",  # the future of "head"
    ],
)
def test_the_other_forms_of_the_verbs_of_motion_count(text: str) -> None:
    assert MOVE.search(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Воздушное пространство закрыто",  # "воздух" is no verb of carrying
        "Совещание возглавил министр",
        "Возможно, переговоры продолжатся",
        "من وجهة نظر الحكومة",
    ],
)
def test_words_that_only_look_like_a_verb_of_motion_do_not(text: str) -> None:
    assert not MOVE.search(text), (text, MOVE.search(text))


def test_a_carrying_verb_gives_its_clause_a_movement() -> None:
    ex = shape_extract("Российские военно-транспортные самолеты вывезли технику с авиабазы Хмеймим.")
    assert any("hmeimim" in k for c in ex.claims for k in place_ids(c.origin)), ex.claims


def test_a_future_return_gives_its_clause_a_movement() -> None:
    ex = shape_extract("وأعلنت البحرية أن الفرقاطة ستعود إلى ميناء طرطوس الأسبوع المقبل.")
    assert any("tartus" in k for c in ex.claims for k in place_ids(c.destination + c.possible)), ex.claims


@pytest.mark.parametrize(
    ("text", "role", "site"),
    [
        ("The corvette Stoiky has set off for Baltiysk, the fleet said.", "destination", "baltiysk"),
        ("Two landing ships set sail from Severomorsk on Monday.", "origin", "severomorsk-naval-base"),
        ("The convoy set out towards Tartus on Friday.", "destination", "tartus"),
    ],
)
def test_setting_off_is_a_departure(text: str, role: str, site: str) -> None:
    claims = shape_extract(text).claims
    assert any(site in place_ids(getattr(c, role)) for c in claims), claims
