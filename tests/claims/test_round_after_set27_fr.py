"""French dates and headings (the round after set 27): a month named as "le mois de", alone or after a part word
("au mois de mai", "depuis le mois d'août", "à la fin du mois de novembre"); "le lendemain" and "la veille" as the
day after or before the date told last; a heading told with no verb ("Direction : la France") and an aircraft on an
airfield's tarmac as a destination; "Burkina" and "Angleterre" as their states. Sentences written for these tests,
not corpus text."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.extract import extract
from liftwatch.claims.timeparse import find_times
from tests.claims.conftest import real_kb_gazetteer

SAT = date(2024, 6, 22)  # a Saturday


def _spans(text: str, pub: date = SAT) -> list[tuple[date | None, date | None]]:
    return [(t.start, t.end) for t in find_times(text, pub)]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le navire est arrivé à Tartous au mois de mai.", (date(2024, 5, 1), date(2024, 5, 31))),
        ("Le navire est arrivé à Tartous au mois d'avril.", (date(2024, 4, 1), date(2024, 4, 30))),
        ("Les rotations ont eu lieu au cours du mois de mars 2023.", (date(2023, 3, 1), date(2023, 3, 31))),
        ("Les vols ont repris depuis le mois de mai.", (date(2024, 5, 1), SAT)),
        ("Le cargo a accosté à la fin du mois de novembre 2023.", (date(2023, 11, 21), date(2023, 11, 30))),
        ("Le cargo a accosté au début du mois d’avril.", (date(2024, 4, 1), date(2024, 4, 10))),
        ("Le cargo a accosté au début d'août 2023.", (date(2023, 8, 1), date(2023, 8, 10))),
    ],
)
def test_a_month_named_as_the_month_of_is_that_month(text: str, span: tuple[date, date]) -> None:
    assert _spans(text) == [span], text


def test_the_month_of_does_not_take_the_present_month() -> None:
    # "à la fin du mois" with no month named is the end of this month, as before
    assert _spans("Le cargo est reparti à la fin du mois.") == [(date(2024, 6, 21), SAT)]


def _windows(text: str, pub: date = SAT) -> list[tuple[date, date] | None]:
    return [c.window for c in extract(text, pub, use_model=False).claims]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Un avion-cargo russe a atterri à Bamako le 10 juin. Le lendemain, un Il-76 a atterri à Gao.",
            date(2024, 6, 11),
        ),
        (
            "Un avion-cargo russe a atterri à Bamako le 10 juin. La veille, un Il-76 avait atterri à Gao.",
            date(2024, 6, 9),
        ),
        ("Le 3 juin, un Il-76 a atterri à Bamako. Le lendemain, un An-124 a atterri à Niamey.", date(2024, 6, 4)),
    ],
)
def test_the_next_or_previous_day_counts_from_the_date_told_last(text: str, day: date) -> None:
    assert (day, day) in _windows(text), (text, _windows(text))


@pytest.mark.parametrize(
    "text",
    [
        # the eve of an event names the event, not a date
        "Le 10 juin, un sommet s'est tenu. Un Il-76 a atterri à Gao à la veille de la réunion.",
        # a date written after it is the day itself
        "Un Il-76 a atterri à Bamako le 10 juin. Le lendemain, 12 juin, un autre a atterri à Gao.",
    ],
)
def test_the_eve_of_an_event_and_a_written_date_are_not_counted(text: str) -> None:
    assert (date(2024, 6, 11), date(2024, 6, 11)) not in _windows(text), (text, _windows(text))
    assert (date(2024, 6, 9), date(2024, 6, 9)) not in _windows(text), (text, _windows(text))


def test_a_statement_the_day_before_dates_nothing() -> None:
    text = (
        "Un Il-76 a atterri à Bamako le 10 juin. La veille, le ministère avait déclaré qu'un avion volerait vers Gao."
    )
    assert (date(2024, 6, 9), date(2024, 6, 9)) not in _windows(text), _windows(text)


def test_a_heading_told_with_no_verb_is_the_destination() -> None:
    real_kb_gazetteer()
    text = "Deux avions de chasse ont quitté la base aérienne de Niamey à 13h15. Direction : la France."
    claims = extract(text, date(2024, 12, 10), use_model=False).claims
    assert any("country:FR" in [p.id for p in c.destination] for c in claims), [
        ([p.id for p in c.origin], [p.id for p in c.destination]) for c in claims
    ]


def test_a_change_of_direction_is_no_heading() -> None:
    real_kb_gazetteer()
    text = "Le conseil a changé de direction : la France a décidé."
    claims = extract(text, date(2024, 12, 10), use_model=False).claims
    assert not any(c.destination for c in claims), [[p.id for p in c.destination] for c in claims]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Un Il-76 a atterri au Burkina après une escale à Bamako.", "country:BF"),
        ("Un Il-76 a atterri au Burkina Faso après une escale à Bamako.", "country:BF"),
        ("Quatre bombardiers B-52 sont arrivés en Angleterre.", "country:GB"),
    ],
)
def test_the_short_french_names_of_a_state_are_that_state(text: str, key: str) -> None:
    real_kb_gazetteer()
    claims = extract(text, SAT, use_model=False).claims
    assert any(key in [p.id for p in c.destination] for c in claims), [[p.id for p in c.destination] for c in claims]


@pytest.mark.parametrize(
    ("text", "has_goal"),
    [
        ("Le cargo russe s'est immobilisé sur le tarmac de l'aéroport de Bamako.", True),
        ("Ils réapparaissent plus tard sur le tarmac de l'aéroport de Niamey.", True),
        # the tarmac of no named place names no goal
        ("On aperçoit beaucoup d'avions sur le tarmac de la base.", False),
    ],
)
def test_an_aircraft_on_the_tarmac_of_an_airfield_went_there(text: str, has_goal: bool) -> None:
    real_kb_gazetteer()
    claims = extract(text, SAT, use_model=False).claims
    assert any(c.destination for c in claims) is has_goal, [[p.text for p in c.destination] for c in claims]
