"""An Arabic state named by its style: "الجمهورية التركية", "الجمهورية العربية السورية", "الجمهورية الإسلامية
الإيرانية" are Turkey, Syria and Iran, the noun of the republic with the state's adjective.

Invented sentences: the cue before the style gives the state its role, as it does a state's airspace or waters.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract


def _goals(text: str) -> set[str]:
    return {p.id or "" for c in extract(text, date(2025, 1, 2)).claims for p in c.destination}


def test_republic_by_its_adjective_is_the_state() -> None:
    assert "country:TR" in _goals("أقلعت طائرتا شحن عسكريتان صباح اليوم متجهتين إلى الجمهورية التركية الصديقة.")


def test_republic_with_its_arab_epithet_is_the_state() -> None:
    assert "syria" in _goals("وصلت طائرة مساعدات عسكرية مساء الأحد إلى الجمهورية العربية السورية.")


def test_republic_with_its_islamic_epithet_is_the_state() -> None:
    assert "country:IR" in _goals("وصلت سفينة حربية الأسبوع الماضي إلى الجمهورية الإسلامية الإيرانية.")
