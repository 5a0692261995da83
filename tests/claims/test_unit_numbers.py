"""A number in digits before a singular unit noun names the unit ("No 6 Squadron"), it counts no carrier
(invented sentences, one behaviour each)."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract

SAT = date(2024, 6, 22)


def _counts(text: str) -> list[tuple[int | None, int | None]]:
    return [(c.min_count, c.max_count) for c in extract(text, SAT, use_model=False).claims]


def test_a_squadrons_number_before_the_carrier_is_no_count() -> None:
    assert _counts("The No 6 Squadron C-130 took off from Nur Khan for Skardu on Monday.") == [(None, None)]


def test_a_squadrons_number_without_no_is_no_count_either() -> None:
    assert _counts("A 24 Squadron C-17 landed at Akrotiri on Monday.") == [(None, None)]


def test_a_figure_before_the_carrier_still_counts() -> None:
    assert _counts("Six C-130 landed at Kabul on Monday.") == [(6, 6)]
