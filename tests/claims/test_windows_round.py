"""Windows read from the form of the text (`claims/departures.py`, `claims/date_patterns.py`): a departure whose
arrival the text tells without a day of its own runs to the report; an arrival beside the date keeps the day.
Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.timeparse import find_times

SAT = date(2024, 6, 22)  # a Saturday


def _window(text: str, pub: date = SAT) -> tuple[date, date] | None:
    ex = extract(text, pub, use_model=False)
    assert ex.claims, text
    return ex.claims[0].window


@pytest.mark.parametrize(
    "text",
    [
        "The Russian landing ship Saratov left Novorossiysk on 14 June with a cargo of armoured vehicles and, after a "
        "long voyage through the straits, arrived in Tartus.",
        "Le navire de débarquement russe Saratov a quitté Novorossiisk le 14 juin avec des blindés à son bord ; après "
        "un long voyage par les détroits, il est arrivé à Tartous.",
        "Большой десантный корабль «Саратов» вышел из Новороссийска 14 июня с грузом бронетехники и после долгого "
        "перехода через проливы прибыл в Тартус.",
        "غادرت سفينة الإنزال الروسية ساراتوف ميناء نوفوروسيسك في 14 يونيو محملة بالمدرعات، وبعد رحلة طويلة عبر المضائق "
        "وصلت إلى ميناء طرطوس.",
    ],
)
def test_a_departure_whose_arrival_has_no_day_runs_to_the_report(text: str) -> None:
    assert _window(text) == (date(2024, 6, 14), SAT)


@pytest.mark.parametrize(
    "text",
    [
        "The Il-76 of the Russian Air Force took off from Chkalovsky on 14 June. The Il-76 later landed at Hmeimim.",
        "Самолёт Ил-76 вылетел из Чкаловского 14 июня. Позднее самолёт приземлился на авиабазе Хмеймим.",
    ],
)
def test_an_undated_arrival_in_the_next_sentence_leaves_the_departure_open(text: str) -> None:
    assert _window(text) == (date(2024, 6, 14), SAT)


def test_an_arrival_beside_the_date_is_the_days_movement() -> None:
    text = "The Il-76 of the Russian Air Force took off from Chkalovsky and landed at Hmeimim on 14 June."
    assert _window(text) == (date(2024, 6, 14), date(2024, 6, 14))


@pytest.mark.parametrize("word", ["إلى", "الى", "حتى"])
def test_an_arabic_span_of_days_joined_by_to_is_one_span(word: str) -> None:
    text = f"نقلت السفن الروسية الجنود إلى ميناء طرطوس في الفترة من 8 {word} 13 يونيو."
    assert _window(text) == (date(2024, 6, 8), date(2024, 6, 13))


def test_an_arabic_change_of_number_is_no_span() -> None:
    found = find_times("ارتفع عدد الطائرات من 4 طائرات إلى 5 طائرات في 13 يونيو.", SAT)
    assert [(t.start, t.end) for t in found] == [(date(2024, 6, 13), date(2024, 6, 13))]
