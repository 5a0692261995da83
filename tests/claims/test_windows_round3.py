"""Windows read from the form of the text, third round (`claims/year_parts.py`, `claims/windows.py`,
`claims/relative.py`): a year told alone after its preposition ("in 2019", "en 2019", "في عام 2019") dates its
sentence's movement by the whole year; "since" a year, and a year that tells when a carrier was built or entered
service, date nothing; a year alone in another sentence is no date the claim borrows; a weekday told as the coming
one ("next Saturday", "mardi prochain", "الخميس المقبل", "غدًا الأحد") is after publication, a plan, not the
weekday before it. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.timeparse import find_times
from tests.claims.windows_of import SAT
from tests.claims.windows_of import first_window as _window


@pytest.mark.parametrize(
    "text",
    [
        "In 2019, two Russian Il-76 transport aircraft flew from Hmeimim to Benghazi with military equipment.",
        "La frégate turque Gaziantep a accosté au port de Tripoli en 2019.",
        "وصلت طائرة شحن روسية من طراز إليوشن 76 إلى مطار بنغازي قادمة من قاعدة حميميم في عام 2019.",
    ],
)
def test_a_year_told_alone_dates_its_sentences_movement_by_the_whole_year(text: str) -> None:
    assert _window(text) == (date(2019, 1, 1), date(2019, 12, 31))


def test_since_a_year_is_no_date() -> None:
    assert find_times("The tanker has shuttled between Tartus and Novorossiysk since 2021.", SAT) == []


@pytest.mark.parametrize(
    "text",
    [
        "The frigate, commissioned in 2011, sailed into the Red Sea.",
        "Entré en service en 1998, le bâtiment a quitté Toulon.",
        "وتعتبر السفينة المشيدة عام 2005 من أكبر سفن الشحن.",
    ],
)
def test_a_carriers_year_of_building_or_service_is_no_date(text: str) -> None:
    assert find_times(text, SAT) == []


def test_a_year_inside_a_name_is_no_date() -> None:
    assert find_times("The ships sailed to Novorossiysk for the exercise Kavkaz-2020 and Sea Breeze 2021.", SAT) == []


def test_a_year_alone_in_another_sentence_is_not_among_the_articles_dates() -> None:
    text = (
        "On 20 June the ministry of defence held a briefing in Moscow. "
        "The ship had been sold to a Syrian company in 2017. "
        "A Russian Il-76 transport aircraft flew from Hmeimim to Benghazi."
    )
    assert _window(text) == (date(2024, 6, 20), date(2024, 6, 20))


WED = date(2024, 6, 19)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("The Russian cargo ship will arrive in Tartus next Saturday.", date(2024, 6, 22)),
        ("Le navire arrivera à Beyrouth mardi prochain.", date(2024, 6, 25)),
        ("Самолёт прилетит в Дамаск в следующий четверг.", date(2024, 6, 20)),
        ("ومن المقرر أن تصل السفينة إلى ميناء العريش الخميس المقبل.", date(2024, 6, 20)),
        ("ومن المقرر أن تصل السفينة إلى ميناء العريش غدًا الخميس.", date(2024, 6, 20)),
    ],
)
def test_a_weekday_told_as_the_coming_one_is_after_publication(text: str, day: date) -> None:
    assert [(t.start, t.end) for t in find_times(text, WED)] == [(day, day)]


def test_a_bare_weekday_is_still_the_one_before_publication() -> None:
    assert [(t.start, t.end) for t in find_times("The ship arrived in Tartus on Saturday.", WED)] == [
        (date(2024, 6, 15), date(2024, 6, 15))
    ]


def test_a_movement_planned_for_the_coming_weekday_is_not_dated_by_the_weekday_before() -> None:
    text = "The Turkish aid ship left Mersin for El Arish and will arrive next Saturday."
    window = _window(text, WED)
    assert window is not None and window[0] != date(2024, 6, 15)
