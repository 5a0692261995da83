"""How places and carriers are keyed for scoring: a city named in another language or case form scores as the
gold's ``city:<English name>``, as a city named in English already does by its text (one rule for all four
languages), a carrier's class word is read in the conventions' classes ("military aircraft" is "aircraft"), and a
window the text does not date is the corpus's undated past movement."""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import norm_key
from liftwatch.claims.scoring import asset_key, field_right, place_keys, window_claimed


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


@pytest.mark.parametrize(
    ("word", "cls"),
    [
        ("military aircraft", "aircraft"),
        ("avions", "aircraft"),
        ("Transport aircraft", "cargo aircraft"),
        ("avions-cargos", "cargo aircraft"),
        ("warship", "ship"),
        ("vessel", "ship"),
        ("avions de chasse", "fighter jets"),
        ("supply ship", "cargo ship"),
    ],
)
def test_a_class_word_is_read_in_the_conventions_class(word: str, cls: str) -> None:
    assert asset_key(word) == asset_key(cls)


@pytest.mark.parametrize("word", ["corvette", "destroyer", "submarine", "Il-76", "tanker"])
def test_a_word_that_says_more_than_a_class_keeps_its_own_key(word: str) -> None:
    assert asset_key(word) not in {asset_key(c) for c in ("aircraft", "ship", "cargo aircraft", "cargo ship")}


def _windowed(start: str, end: str, source: str) -> Claim:
    return Claim(
        claim_id=1, sentences=["..."], window=(date.fromisoformat(start), date.fromisoformat(end)), window_source=source
    )


NO_DATE = "no date in the text: 30 days before publication (2024-05-31)"


def test_no_date_in_the_text_is_the_golds_undated_past_movement() -> None:
    # the corpus writes a movement the text does not date as ["", <publication day>]: before the report
    claim = _windowed("2024-05-01", "2024-05-31", NO_DATE)
    assert window_claimed(claim)
    assert field_right(claim, {"window": ["", "2024-05-31"]}, "window")


def test_no_date_in_the_text_is_wrong_where_the_text_dates_the_movement() -> None:
    claim = _windowed("2024-05-01", "2024-05-31", NO_DATE)
    assert not field_right(claim, {"window": ["2024-03-02", "2024-03-02"]}, "window")


def test_the_hull_of_an_articles_other_dates_is_no_claimed_window() -> None:
    claim = _windowed(
        "2024-03-01", "2024-05-31", "search range from the article's dates, none the claim's own: 1 March"
    )
    assert not window_claimed(claim)
    assert not field_right(claim, {"window": ["", "2024-05-31"]}, "window")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Il-76MD", "Il-76"),  # a variant suffix names the same kb type
        ("Ил-76МД", "Il-76"),  # in Cyrillic
        ("Airbus A330", "A330"),  # with its maker
        ("Tu-154B-2", "Tu-154"),
        ("tankers", "tanker"),
    ],
)
def test_one_type_in_any_spelling_or_variant_is_one_key(one: str, other: str) -> None:
    assert asset_key(one) == asset_key(other)


@pytest.mark.parametrize(("one", "other"), [("Il-76", "An-124"), ("C-130", "C-17"), ("Sparta II", "Sparta IV")])
def test_different_types_and_ships_keep_different_keys(one: str, other: str) -> None:
    assert asset_key(one) != asset_key(other)


def test_a_label_naming_more_than_one_type_is_no_type_key() -> None:
    assert not asset_key("Il-76 and An-124").startswith("type:")


def _owned(owner: str | None, actor: str | None = None) -> Claim:
    return Claim(claim_id=1, sentences=["..."], actor=actor, owner=owner)


@pytest.mark.parametrize(
    ("got", "want"),
    [
        ("Oboronlogistika", "أوبورون لوجيستيكا"),
        ("ООО «Оборонлогистика»", "Oboronlogistika"),
        ("Qeshm Fars Air", "Fars Air Qeshm"),
        ("the Syrian state's Syriamar line", "Syriamar"),  # an unknown longer name holding the gold's
    ],
)
def test_an_owner_in_another_script_or_order_is_the_same_owner(got: str, want: str) -> None:
    assert field_right(_owned(got), {"owner": want}, "owner")


def test_a_different_company_is_a_wrong_owner_even_where_one_name_holds_the_other() -> None:
    # "SK-Yug" and "Oboronlogistika" are two companies; a name is not matched inside another company's
    assert not field_right(_owned("Oboronlogistika"), {"owner": "SK-Yug"}, "owner")
    assert not field_right(_owned("Silk Way"), {"owner": "Silk Way West Cargo Holdings"}, "owner")


def test_an_actor_company_in_another_script_is_the_same_actor() -> None:
    assert field_right(_owned(None, "Silk Way"), {"actor": "سيلك واي"}, "actor")
    assert not field_right(_owned(None, "Silk Way"), {"actor": "Azerbaijan"}, "actor")
