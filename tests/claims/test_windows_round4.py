"""Windows read from the form of the text, fourth round (`claims/relative.py`, `claims/since_events.py`,
`claims/date_patterns.py`): spans counted back from publication in the forms the reader missed ("за минувшие три
недели", "в течение последних десяти дней", "менее чем за месяц", "خلال آخر 9 أيام", "en l'espace de deux mois"),
Russian "накануне" as the day before the report, "since" the beginning of an event the text dates as a span from
that date to the report, an Arabic year marked "م", and the end of a stay ("will be in the port until June 8",
`claims/stay_ends.py`) as no date of the arrival. Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.timeparse import TimeSpan, find_times
from tests.claims.windows_of import SAT
from tests.claims.windows_of import first_window as _window


def _spans(text: str) -> list[tuple[date | None, date | None, str]]:
    return [(t.start, t.end, t.kind) for t in find_times(text, SAT)]


def _one(text: str) -> TimeSpan:
    found = find_times(text, SAT)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("За минувшие три недели через проливы в Сирию прошли четыре десантных корабля.", date(2024, 6, 1)),
        ("В течение последних десяти дней транспортные самолеты выполняли рейсы в Триполи.", date(2024, 6, 12)),
        ("Менее чем за месяц Россия отправила в Бамако три грузовых рейса.", date(2024, 5, 22)),
        ("رصد الموقع 14 رحلة عسكرية بين أنقرة ومصراتة خلال آخر 9 أيام.", date(2024, 6, 13)),
        ("En l'espace de deux mois, six avions cargo ont atterri à Benghazi.", date(2024, 4, 22)),
    ],
)
def test_a_span_counted_back_runs_from_its_length_before_publication_to_publication(text: str, start: date) -> None:
    assert _spans(text) == [(start, SAT, "relative")]


def test_a_span_counted_from_an_event_is_no_span_before_publication() -> None:
    assert find_times("Менее чем за месяц после учений фрегат вернулся в Севастополь.", SAT) == []


def test_nakanune_is_the_day_before_the_report() -> None:
    assert _window("Накануне в Ливию прибыл российский самолет Ил-76 из Хмеймима.") == (
        date(2024, 6, 21),
        date(2024, 6, 21),
    )


def test_nakanune_before_the_event_it_is_the_eve_of_is_no_date() -> None:
    assert find_times("Фрегат прибыл в Тартус накануне визита министра обороны.", SAT) == []


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Since the war began in February, dozens of cargo planes have landed in Tripoli.", date(2024, 2, 1)),
        ("Depuis le début de la guerre, qui a éclaté en avril 2023, 90 avions ont atterri à Bosaso.", date(2023, 4, 1)),
        ("هبطت 200 طائرة شحن في مطار العريش منذ اندلاع الحرب في 8 أكتوبر 2023.", date(2023, 10, 8)),
    ],
)
def test_since_the_beginning_of_an_event_runs_from_its_date_to_the_report(text: str, start: date) -> None:
    t = _one(text)
    assert (t.start, t.end, t.kind) == (start, SAT, "since")


def test_since_a_dated_beginning_told_in_a_relative_phrase_runs_to_the_report() -> None:
    t = _one("Turkey has flown 40 cargo planes to Doha since the dispute broke out last month.")
    assert (t.start, t.end, t.kind) == (date(2024, 5, 1), SAT, "since")


def test_since_an_event_that_is_no_beginning_leaves_its_date_as_written() -> None:
    t = _one("It is the first warship in Tartus since the port reopened in March.")
    assert (t.start, t.end, t.kind) == (date(2024, 3, 1), date(2024, 3, 31), "explicit")


def test_an_arabic_year_marked_as_of_the_common_era_keeps_its_year() -> None:
    t = _one("وصلت الفرقاطة إلى ميناء جدة منتصف أبريل 2022م.")
    assert (t.start, t.end) == (date(2022, 4, 11), date(2022, 4, 20))


@pytest.mark.parametrize(
    "text",
    [
        "The British frigate HMS Argyll docked in Mombasa on Wednesday, June 5, and will be in the port until Saturday, "
        "June 8.",
        "La frégate russe Smetlivy a accosté au port d'Alger le 5 juin pour une escale qui durera jusqu'au 8 juin.",
        "Фрегат «Адмирал Головко» прибыл в порт Циндао 5 июня и пробудет там до 8 июня.",
        "رست الفرقاطة الروسية في ميناء الجزائر يوم 5 يونيو وستبقى في الميناء حتى 8 يونيو.",
    ],
)
def test_the_end_of_a_stay_does_not_date_the_arrival(text: str) -> None:
    assert _window(text) == (date(2024, 6, 5), date(2024, 6, 5))


def test_the_end_of_a_stay_told_alone_still_dates_the_claim() -> None:
    assert _window(
        "The frigate HMS Argyll arrived in Mombasa from Portsmouth and will remain in the port until June 8."
    ) == (
        date(2024, 6, 8),
        date(2024, 6, 8),
    )
