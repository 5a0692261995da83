"""Places written by ear in running text (``kb.sound_index`` through the gazetteer), and the guards of running text:
the last resort, case forms by their own declension, capitals, people and quoted names."""

from __future__ import annotations

import pytest

from liftwatch.claims.name_marks import person_marked, quoted
from liftwatch.claims.places import SOUND_NOTE, default_gazetteer
from liftwatch.kb.ru_forms import declines_to


@pytest.mark.parametrize(
    ("phrase", "site_id"),
    [
        ("Жешуве", "EPRZ"),
        ("Кельна", "EDDK"),
        ("Асуане", "HESN"),
        ("Сана", "OYSN"),
        ("Рамштайн", "ETAR"),
        ("Франкфурта", "EDDF"),
        ("رامشتاين", "ETAR"),
        ("إستر", "LFMI"),
    ],
)
def test_a_case_form_of_a_name_by_ear_is_the_place(phrase: str, site_id: str) -> None:
    place = default_gazetteer().lookup(phrase)
    assert place is not None and place.id == site_id
    # the kb's city names have Жешув, Кельн, Асуан and Сана themselves now: an exact name wins over the sound
    assert place.note.startswith(SOUND_NOTE) or phrase in ("Жешуве", "Кельна", "Асуане", "Сана")


@pytest.mark.parametrize("phrase", ["кельн", "сообщил", "Виктора", "Мария", "Альтай", "الطيران", "تفيد"])
def test_no_place_by_sound_for_common_words_names_or_ambiguities(phrase: str) -> None:
    place = default_gazetteer().lookup(phrase)
    assert place is None or not place.note.startswith(SOUND_NOTE), place


def test_an_exact_reading_wins_over_a_sound() -> None:
    """ "Кении" is Kenya's genitive before it is Keene, New Hampshire by its sound."""
    place = default_gazetteer().lookup("Кении")
    assert place is not None and place.id == "country:KE"


def test_a_case_form_counts_only_by_the_names_own_declension() -> None:
    assert declines_to("тулузу", "тулуза") and declines_to("жешуве", "жешув") and declines_to("кельн", "кельн")
    assert not declines_to("виктора", "викторя")


@pytest.mark.parametrize(
    ("text", "name", "marked"),
    [
        ("министр обороны США Ллойд Остин прибыл в Пномпень", "Остин", True),
        ("самолет прибыл в Остин", "Остин", False),
        ("президент прибыл в Остин", "Остин", False),
        ("Мария Захарова заявила", "Мария", True),
        ("قال الرئيس الأسد", "الأسد", True),
        ("وصلت الطائرة إلى أسوان", "أسوان", False),
    ],
)
def test_a_person_is_marked_by_a_title_or_a_surname(text: str, name: str, marked: bool) -> None:
    a = text.index(name)
    assert person_marked(text, a, a + len(name)) is marked


def test_a_quoted_name_is_a_ships_not_a_place() -> None:
    text = "والغواصة النووية “كازان”، بزيارة إلى هافانا"
    a = text.index("كازان")
    assert quoted(text, a, a + len("كازان"))
    b = text.index("هافانا")
    assert not quoted(text, b, b + len("هافانا"))
