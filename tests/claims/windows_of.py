"""The first claim's time window of an invented sentence, shared by the window tests: each asks what one sentence
dates, so the helper asserts a claim was read at all (a missing claim would otherwise pass as 'no window')."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract

SAT = date(2024, 6, 22)  # a Saturday


def first_window(text: str, pub: date = SAT) -> tuple[date, date] | None:
    ex = extract(text, pub, use_model=False)
    assert ex.claims, text
    return ex.claims[0].window
