"""The capitals the kb reads as their states when they send (``data/kb/capitals.csv``)."""

from __future__ import annotations

from liftwatch.kb.capitals import capital_names


def test_a_capital_in_french_is_its_state() -> None:
    assert capital_names()["Pékin"] == "CN"


def test_a_capital_in_arabic_is_its_state() -> None:
    assert capital_names()["أنقرة"] == "TR"


def test_amman_is_left_out_as_arabic_writes_oman_alike() -> None:
    assert "عمان" not in capital_names()
