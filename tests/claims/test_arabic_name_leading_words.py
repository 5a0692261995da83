"""An Arabic place name of two words whose first is a leading word of names ("تل", hill: "تل أبيب") is read whole,
as "أم جرس" and "رأس الخيمة" are: the second word alone is no place. Invented sentences."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract


def test_tel_aviv_is_read_as_one_name() -> None:
    ex = extract("أقلعت طائرة النقل من تل أبيب إلى قبرص يوم الاثنين.", date(2025, 1, 2), use_model=False)
    assert ("تل أبيب", "LLBG") in {(p.text, p.id) for p in ex.places_mentioned}
    assert [[p.id for p in c.origin] for c in ex.claims] == [["LLBG"]]


def test_a_destination_after_ila() -> None:
    ex = extract("وصلت طائرة شحن إلى تل أبيب يوم الاثنين.", date(2025, 1, 2), use_model=False)
    assert [[p.id for p in c.destination] for c in ex.claims] == [["LLBG"]]
