"""Windows read from the form of the text, fifth round (`claims/event_dates.py`, `claims/windows.py`): a date the
text gives to another event than the movement (a disaster, an attack, an explosion, a ship's commissioning) is no
day of the movement. Where it is the only date the claim's sentences give, the movement runs from the event to the
report; where the sentences date the movement too, the event's date is left out. A page dated only by its month
gives a movement it does not date that month (rules 3 and 4). Sentences written for these tests, not corpus
text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from tests.claims.windows_of import SAT
from tests.claims.windows_of import first_window as _window


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Two navy ships were diverted to Pemba after Cyclone Zora made landfall there on 3 June.", date(2024, 6, 3)),
        ("The destroyer was sent to Haifa after the 7 June attacks on the coast.", date(2024, 6, 7)),
        ("Un A400M a été envoyé à Niamey après le terrible attentat du 9 juin.", date(2024, 6, 9)),
        ("Самолёт Ил-76 направили в Анталью после землетрясения 5 июня.", date(2024, 6, 5)),
        ("أرسلت الجزائر طائرتين إلى بيروت بعد الانفجار الذي هز المرفأ في 4 يونيو.", date(2024, 6, 4)),
        # a ship's entry into service dates no voyage of it: the voyage happened by the report
        ("The landing ship, commissioned on 14 February 1997, arrived at Chittagong with relief.", date(1997, 2, 14)),
    ],
)
def test_an_events_date_alone_dates_the_movement_from_the_event_to_the_report(text: str, start: date) -> None:
    assert _window(text) == (start, SAT)


@pytest.mark.parametrize(
    "text",
    [
        "Two Tunisian military planes landed in Beirut on 20 June, after the explosion that hit the port on 18 June.",
        "Deux avions militaires ont atterri à Beyrouth le 20 juin, après l'explosion survenue le 18 juin.",
    ],
)
def test_an_events_date_beside_the_movements_own_is_left_out(text: str) -> None:
    assert _window(text) == (date(2024, 6, 20), date(2024, 6, 20))


def test_since_an_event_counts_from_the_event_to_the_report() -> None:
    text = "Some 40 aid flights have landed in Adana since the earthquake struck the region on 6 June."
    assert _window(text) == (date(2024, 6, 6), SAT)


@pytest.mark.parametrize(
    "text",
    [
        # a verb of going between the event's word and the date: the date is the movement's
        "After the earthquake, an aid plane flew to Adana on 8 June.",
        # a carrier's own crash is its movement's day, no other event's
        "The cargo plane crashed on landing at Goma on 8 June.",
        # no event's word at all
        "The frigate arrived in Souda Bay on 8 June.",
    ],
)
def test_a_movements_own_date_stays_its_day(text: str) -> None:
    assert _window(text) == (date(2024, 6, 8), date(2024, 6, 8))


@pytest.mark.parametrize(
    "text",
    [
        "A Turkish A400M landed at Misrata on Friday.",  # a day the page, dated to its month, cannot place
        "A Turkish A400M landed at Misrata.",  # undated: by the month's end
    ],
)
def test_a_page_dated_to_its_month_gives_an_undated_movement_that_month(text: str) -> None:
    # the 30 days before 28 February would reach into January; the page's month is February (rules 3 and 4)
    ex = extract(text, date(2021, 2, 28), use_model=False, publication_month_only=True)
    assert ex.claims[0].window == (date(2021, 2, 1), date(2021, 2, 28))
    assert ex.claims[0].window_source.startswith("no date in the text")
