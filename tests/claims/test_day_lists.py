"""Two days joined by a conjunction (``claims.day_lists``): one carrier's two movements, one per day; a range
("between", "du ... au") stays one span. Invented sentences in the four languages."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.day_lists import two_days
from liftwatch.claims.timeparse import find_times
from tests.claims.conftest import shape_extract

PUB = date(2024, 7, 1)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("The plane landed in Minsk on June 3 and 9.", (3, 9)),
        ("L'avion a atterri à Minsk les 3 et 9 juin.", (3, 9)),
        ("Самолёт приземлился в Минске 3 и 9 июня.", (3, 9)),
        ("هبطت الطائرة في مينسك يومي 3 و9 يونيو.", (3, 9)),
    ],
)
def test_two_days_told_as_a_list(text: str, days: tuple[int, int]) -> None:
    spans = [t for t in find_times(text, PUB) if t.kind == "explicit"]
    assert len(spans) == 1
    found = two_days(spans[0], text[: spans[0].pos])
    assert found is not None and (found[0].day, found[1].day) == days


@pytest.mark.parametrize(
    "text",
    [
        "The plane flew to Minsk between June 3 and 9.",
        "The evacuation was carried out on the night of 3 and 4 June.",
        "L'avion a volé vers Minsk du 3 au 9 juin.",
        "Самолёт летал с 3 по 9 июня.",
    ],
)
def test_a_range_is_no_list(text: str) -> None:
    spans = [t for t in find_times(text, PUB) if t.kind == "explicit"]
    assert spans and all(two_days(t, text[: t.pos]) is None for t in spans)


def test_one_carrier_on_two_days_is_two_claims() -> None:
    claims = shape_extract("The Belarusian Il-76 landed in Tripoli on April 3 and 9.").claims
    windows = sorted(c.window for c in claims if c.window)
    assert [(a.month, a.day, b.day) for a, b in windows] == [(4, 3, 3), (4, 9, 9)]


def test_several_carriers_on_two_days_stay_one_claim() -> None:
    assert len(shape_extract("Two Il-76 landed in Tripoli on June 3 and 9.").claims) == 1


def test_carriers_told_in_the_plural_keep_the_two_days_together() -> None:
    ex = shape_extract(
        "Russian Il-76 aircraft flew from Hmeimim to Benina on 10 and 11 March, switching off their transponders."
    )
    assert len(ex.claims) == 1
