"""Windows read from the form of the text, second round (`claims/departures.py`, `claims/windows.py`,
`claims/port_calls.py`): the day an operation, an airlift or a voyage began runs to the report like a departure's; a
French participle of leaving at the head of its clause ("Partie de Toulon le 14 juin, ...") is a departure; a claim
that tells a departure and no arrival, dated by the article's one date, runs from it to the report; a port call told
as a span of days dates the arrival by its first day; a dated position on a voyage the text says goes on runs to the
report (`claims/under_way.py`). Sentences written for these tests, not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from tests.claims.windows_of import SAT
from tests.claims.windows_of import first_window as _window


@pytest.mark.parametrize(
    "text",
    [
        "Russian transport ships began the evacuation of armoured vehicles from the port of Tartus to Novorossiysk "
        "on 14 June.",
        "Les rotations des avions de transport A400M entre Orléans et Niamey ont débuté le 14 juin.",
        "Большой десантный корабль «Саратов» продолжает поход в Тартус, начавшийся 14 июня в Новороссийске.",
        "بدأت السفن الروسية في 14 يونيو نقل المدرعات من ميناء طرطوس إلى نوفوروسيسك.",
    ],
)
def test_a_movement_begun_on_a_day_runs_to_the_report(text: str) -> None:
    assert _window(text) == (date(2024, 6, 14), SAT)


def test_a_french_participle_of_leaving_at_the_head_of_its_clause_is_a_departure() -> None:
    text = "Partie de Toulon le 14 juin, la frégate Aconit fait route vers Djibouti."
    assert _window(text) == (date(2024, 6, 14), SAT)


def test_a_beginning_inside_the_dates_own_words_is_no_beginning_told() -> None:
    text = "Большой десантный корабль «Саратов» доставил бронетехнику из Новороссийска в Тартус в начале июня."
    assert _window(text) == (date(2024, 6, 1), date(2024, 6, 10))


def test_a_beginning_and_an_arrival_beside_the_date_keep_the_day() -> None:
    text = "The airlift began when an Il-76 of the Russian Air Force landed at Hmeimim on 14 June."
    assert _window(text) == (date(2024, 6, 14), date(2024, 6, 14))


def test_the_articles_one_date_on_a_departure_told_without_arrival_runs_to_the_report() -> None:
    text = (
        "On 18 June the emergencies ministry held a briefing in Moscow on the floods. "
        "An Il-76 of the Russian Air Force took off from Chkalovsky with rescuers and tents for Latakia."
    )
    assert _window(text) == (date(2024, 6, 18), SAT)


def test_the_articles_one_date_on_an_arrival_keeps_the_day() -> None:
    text = (
        "On 18 June the emergencies ministry held a briefing in Moscow on the floods. "
        "An Il-76 of the Russian Air Force landed at Latakia with rescuers and tents."
    )
    assert _window(text) == (date(2024, 6, 18), date(2024, 6, 18))


@pytest.mark.parametrize(
    "text",
    [
        "Les frégates russes Neustrachimy et Soobrazitelny font escale au port de Cotonou du 14 au 17 juin.",
        "The Russian frigates Neustrashimy and Soobrazitelny made a port call in Djibouti from 14 to 17 June.",
    ],
)
def test_a_port_call_told_as_a_span_of_days_dates_the_arrival_by_its_first_day(text: str) -> None:
    assert _window(text) == (date(2024, 6, 14), date(2024, 6, 14))


def test_a_span_of_days_without_a_call_stays_the_span() -> None:
    text = "Les avions de transport A400M ont effectué des rotations entre Orléans et Niamey du 14 au 17 juin."
    assert _window(text) == (date(2024, 6, 14), date(2024, 6, 17))


@pytest.mark.parametrize(
    "text",
    [
        "The Chinese training ship Qi Jiguang docked at Suva on 14 June for fuel on its way back to Qingdao.",
        "Le bâtiment de soutien Jacques Chevallier est arrivé à Dakar le 14 juin, direction Abidjan.",
    ],
)
def test_a_dated_position_on_a_voyage_that_goes_on_runs_to_the_report(text: str) -> None:
    assert _window(text) == (date(2024, 6, 14), SAT)


def test_a_voyage_stopped_where_it_was_seen_keeps_the_day() -> None:
    text = "The US Navy seized a dhow carrying Iranian missile parts on its way to Hodeidah on 14 June."
    assert _window(text) == (date(2024, 6, 14), date(2024, 6, 14))
