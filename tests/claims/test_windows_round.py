"""Windows read from the form of the text (`claims/departures.py`, `claims/date_patterns.py`, `claims/windows.py`,
`claims/voyage_lengths.py`): a departure whose arrival the text tells without a day of its own runs to the report, an
arrival beside the date keeps the day; Arabic day spans joined by "to"; a wire dateline dates nothing; a voyage whose
length the text tells spans it. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.timeparse import find_times
from liftwatch.claims.windows import dateline
from tests.claims.windows_of import SAT
from tests.claims.windows_of import first_window as _window


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


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Frigate arrives in Djibouti\nDJIBOUTI, June 20 (Xinhua) -- The Chinese frigate Hengyang arrived at "
            "Djibouti Port on June 18 for replenishment.",
            date(2024, 6, 18),
        ),
        (
            "Landing ship arrives\nTARTUS, June 20 (Reuters) - The Russian landing ship Saratov arrived in Tartus on "
            "Tuesday.",
            date(2024, 6, 18),
        ),
    ],
)
def test_a_wire_dateline_dates_no_movement(text: str, day: date) -> None:
    assert _window(text) == (day, day)


@pytest.mark.parametrize(
    "line",
    [
        "MANILA, Jan. 17 (Xinhua) -- A Chinese naval escort fleet arrived",
        "Yokosuka, Kanagawa Pref., Feb. 2 (Jiji Press)--A Japanese destroyer left",
        "موسكو 11 ديسمبر 2018 /وصلت طائرتان",
    ],
)
def test_a_place_before_the_date_and_an_agency_after_it_is_a_dateline(line: str) -> None:
    (t,) = find_times(line, SAT)
    assert dateline(line, t.pos, len(t.text))


@pytest.mark.parametrize(
    "line",
    ["On 5 May - the next day - the ship left.", "The ship left on 5 May - the next day.", "On 5 May (UTC) it left."],
)
def test_a_date_told_in_a_sentence_is_no_dateline(line: str) -> None:
    (t,) = find_times(line, SAT)
    assert not dateline(line, t.pos, len(t.text))


@pytest.mark.parametrize(
    "text",
    [
        "The helicopter carrier Gamal Abdel Nasser arrived in Alexandria on 20 June after a 14-day voyage from "
        "Saint-Nazaire.",
        "Вертолетоносец «Гамаль Абдель Насер» 20 июня прибыл в Александрию после 14-дневного перехода из Сен-Назера.",
        "Le porte-hélicoptères Gamal Abdel Nasser est arrivé à Alexandrie le 20 juin après une traversée de 14 jours "
        "depuis Saint-Nazaire.",
    ],
)
def test_an_arrival_after_a_voyage_of_told_length_opens_that_many_days_before(text: str) -> None:
    assert _window(text) == (date(2024, 6, 6), date(2024, 6, 20))


def test_a_departure_with_the_voyages_length_ends_that_many_days_after() -> None:
    text = "The aid ship set sail from Mersin on 14 June, completing a three-day journey before docking in el-Arish."
    assert _window(text) == (date(2024, 6, 14), date(2024, 6, 17))


def test_a_voyage_longer_than_the_time_to_the_report_ends_with_the_report() -> None:
    text = "The aid ship set sail from Mersin on 18 June for a twelve-day voyage to Port Sudan."
    assert _window(text) == (date(2024, 6, 18), SAT)


def test_a_long_line_before_a_date_is_read_at_once() -> None:
    # a whole paragraph on one line before "5 мая /": no dateline, and found so without backtracking on every word
    line = "Корабль " + "шёл вдоль берега " * 200 + "5 мая / далее"
    (t,) = find_times(line, SAT)
    assert not dateline(line, t.pos, len(t.text))


def test_a_dateline_alone_is_the_day_of_the_news() -> None:
    text = (
        "Aid flight\nMOSCOW, June 20 (TASS) - A Russian Il-76 with humanitarian aid flew from Chkalovsky to El Arish."
    )
    assert _window(text) == (date(2024, 6, 20), date(2024, 6, 20))
