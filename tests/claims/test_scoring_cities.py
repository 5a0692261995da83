"""A city named in another language or case form scores as the gold's ``city:<English name>``, as a city named
in English already does by its text: the scoring rule is one for all four languages."""

from __future__ import annotations

import pytest

from liftwatch.claims.model import Place
from liftwatch.claims.places import norm_key
from liftwatch.claims.scoring import place_keys


def _site(text: str, site_id: str) -> Place:
    return Place(text, "site", site_id, text, (site_id,))


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Tripoli", "city:tripoli"),  # English: the text itself
        ("Триполи", "city:tripoli"),
        ("طرابلس", "city:tripoli"),
        ("Стамбул", "city:istanbul"),
        ("Тегеран", "city:tehran"),
        ("Téhéran", "city:tehran"),
        ("Баку", "city:baku"),
    ],
)
def test_a_city_in_any_language_keys_as_its_english_name(text: str, key: str) -> None:
    assert key in place_keys(_site(text, "tripoli-intl"))


def test_an_airport_named_for_itself_is_no_city() -> None:
    keys = place_keys(_site("Tripoli International Airport", "tripoli-intl"))
    assert "city:tripoli" not in keys
    assert "tripoli-intl" in keys


def test_a_word_that_names_no_city_adds_no_city_key() -> None:
    keys = place_keys(_site("Хмеймим", "hmeimim"))
    assert {k for k in keys if k.startswith("city:")} == {f"city:{norm_key('Хмеймим')}"}
