"""The claim reader on names of this round: a facility's words, a comma and a known name are one place; a ship's
bare "Victoria" stays unknown unless the country is named after it; a ship's Russian "Корфу" is the harbour.
Invented sentences."""

from __future__ import annotations

from datetime import date

from liftwatch.claims import extract


def _places(text: str, role: str = "destination") -> list[tuple[str, str | None]]:
    ex = extract(text, date(2024, 5, 1))
    return [(p.kind, p.id) for c in ex.claims for p in getattr(c, role)]


def test_a_facility_word_a_comma_and_a_name_are_one_place() -> None:
    assert _places("The C-130 touched down at PAF Base, Samungli (Quetta) on Tuesday.") == [("site", "OPQT")]


def test_a_facility_word_before_a_comma_and_an_unknown_word_is_no_place() -> None:
    assert ("unknown", None) not in _places("The C-130 touched down at Air Base, Yesterday officials said.")


def test_a_ships_bare_victoria_is_no_silent_pick() -> None:
    assert _places("The Indian frigate INS Talwar docked at Victoria on Tuesday.") == [("unknown", None)]


def test_a_ships_victoria_with_its_country_after_it_is_that_harbour() -> None:
    assert _places("The Indian frigate INS Talwar docked at Victoria, Seychelles on Tuesday.") == [
        ("site", "wpi-47220")
    ]


def test_an_aircrafts_victoria_is_unchanged() -> None:
    assert _places("The Canadian CC-177 landed at Victoria on Tuesday.") == [("site", "CYYJ")]


def test_a_ships_russian_corfu_is_the_harbour() -> None:
    assert _places("Российский фрегат зашел на Корфу во вторник.") == [("site", "wpi-41720")]
