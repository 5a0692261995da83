"""Places the reader found under a wrong key (fifth pass on places not found or not resolved): an Arabic base named
after a martyr ("قاعدة الشهيد محمد علاء الجوية"), whose title alone was read as another country's base, and a
ship's port whose name several countries' harbours share ("Kochi", "Falmouth"), which stayed unresolved although
the actor's own state holds one of them.

Invented sentences, one behaviour per test.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract


def _places(text: str, role: str) -> set[str]:
    claims = extract(text, date(2025, 3, 1), use_model=False).claims
    return {p.id or "" for c in claims for p in getattr(c, role)}


def test_arabic_base_named_after_a_martyr_is_read_with_the_name() -> None:
    origins = _places("أقلعت طائرة شحن من قاعدة الشهيد محمد علاء الجوية متجهة إلى مطار العريش يوم الأحد.", "origin")
    assert "ORBI" in origins
    assert "OIHS" not in origins


def test_ship_port_shared_by_two_countries_is_the_one_of_the_actors_state() -> None:
    assert "wpi-49130" in _places("The Indian Navy frigate INS Tir sailed from Kochi on Monday for Colombo.", "origin")


def test_ship_port_shared_by_two_countries_follows_another_actor_state() -> None:
    assert "wpi-61970" in _places("The Japanese destroyer sailed from Kochi on Monday for Busan.", "origin")


def test_ship_port_shared_by_three_countries_is_the_one_of_the_actors_state() -> None:
    assert "wpi-35290" in _places("The Royal Navy frigate HMS Kent sailed from Falmouth on Monday.", "origin")


def test_ship_port_shared_with_no_site_in_the_actors_state_stays_unresolved() -> None:
    origins = _places("The Russian frigate sailed from Kochi on Monday for Colombo.", "origin")
    assert not origins & {"wpi-49130", "wpi-61970"}
