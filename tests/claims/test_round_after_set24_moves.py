"""Movements no known verb carried (``claims/motion_forms.py``), each tested on sentences written fresh for it: the
English present and bare forms of verbs whose past the list had ("land in" after a plural carrier, "take off",
"proceeded through", "its return to"), the noun of an airlift in French, Russian and Arabic ("pont aérien",
"воздушный мост", "جسر جوي"), French "entrer", and Arabic nouns of movement with a pronoun ("رحلتها", "عودتها");
and the words that only look like them.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.cues import MOVE
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "Three Egyptian military planes land in Mogadishu",
        "Two C-17s land at Ramstein after a night flight",
        "The transport will take off for Khartoum in the morning",
        "The bombers then proceeded through the Black Sea towards Crimea",
        "The tanker dims its signal upon its return to the strait",
        "La France a organisé un pont aérien vers Beyrouth",
        "Москва наладила воздушный мост в Дамаск",
        "أقامت الدولة جسرا جويا إلى العاصمة",
        "وأعلنت الوزارة إنشاء جسر جوي لنقل المساعدات",
        "تعزز أنقرة جسرها الجوي نحو طرابلس",
        "واصلت السفينة رحلتها نحو الميناء",
        "تحطمت الطائرة أثناء عودتها من القاعدة",
        "La corvette a été la première à entrer dans le port",
    ],
)
def test_the_new_forms_make_a_clause_a_movement(text: str) -> None:
    assert MOVE.search(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers patrol on land in the north",  # "on land": the noun
        "Farmers lease coastal land in exchange for water",  # the noun after an adjective
        "The ministry promised aid in return for access",  # "in return for": no movement
        "Le pont de la ville a été rénové",  # a bridge that is no airlift
        "Мост через реку закрыт",
        "جسر المشاة مغلق اليوم",
    ],
)
def test_words_that_only_look_like_them_do_not(text: str) -> None:
    assert not MOVE.search(text), (text, MOVE.search(text))


def test_carriers_landing_in_the_present_tense_give_a_destination() -> None:
    ex = shape_extract("Two Turkish military cargo planes land in Misrata")
    assert any("misrata" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_an_airlift_told_by_its_french_noun_gives_its_places() -> None:
    ex = shape_extract("Le Caire a ouvert un pont aérien vers Khartoum.")
    assert any(any("khartoum" in k.lower() for k in place_ids(c.destination)) for c in ex.claims), ex.claims


def test_a_journey_continued_by_its_arabic_noun_gives_its_goal() -> None:
    ex = shape_extract("وبعد توقفها في بنغازي، واصلت الطائرة رحلتها إلى باماكو.")
    assert any(any("bamako" in k.lower() for k in place_ids(c.destination)) for c in ex.claims), ex.claims
