"""Aircraft types of the wider reporting that the kb lacked (a helicopter, a jet amphibian, regional turboprops
and jets, a patrol aircraft) and alias gaps of rows it had: each new row resolves by its names, each new alias
resolves to its row."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.claims.scoring import asset_key
from liftwatch.claims.types import find_types
from liftwatch.kb.types import AIRCRAFT_CATEGORIES


@pytest.mark.parametrize("code", ["H60", "A200", "DH8D", "AT45", "B462", "D328", "P3"])
def test_each_new_row_is_valid_and_cites_its_source(code: str) -> None:
    row = kb.aircraft_type(code)
    assert row is not None and row["category"] in AIRCRAFT_CATEGORIES and row["source"]


@pytest.mark.parametrize(
    ("code", "category"),
    [("H60", "military_other"), ("A200", "military_other"), ("P3", "military_other"),
     ("DH8D", "airliner"), ("AT45", "airliner"), ("B462", "airliner"), ("D328", "airliner")],
)  # fmt: skip
def test_a_helicopter_or_patrol_type_is_military_and_a_regional_type_an_airliner(code: str, category: str) -> None:
    row = kb.aircraft_type(code)
    assert row is not None and row["category"] == category


@pytest.mark.parametrize(
    ("text", "code"),
    [("two UH-60M helicopters", "H60"), ("the Black Hawks landed", "H60"), ("a Blackhawk", "H60"),
     ("an HH-60W", "H60"), ("с вертолётом Блэк Хоком", "H60"), ("مروحية بلاك هوك", "H60"),
     ("a Be-200ES amphibian", "A200"), ("самолёт Бе-200ЧС", "A200"), ("طائرة بي-200", "A200"),
     ("a Dash 8-300", "DH8D"), ("un Dash 8 de la Sécurité civile", "DH8D"), ("a DHC-8", "DH8D"), ("the Q400", "DH8D"),
     ("un ATR 42", "AT45"), ("un ATR42-500", "AT45"),
     ("an RAF BAe 146", "B462"), ("a BAe-146", "B462"), ("a C-146A Wolfhound", "D328"), ("a Dornier 328", "D328"),
     ("an EP-3E Aries", "P3"), ("a P-3C Orion", "P3")],
)  # fmt: skip
def test_a_new_type_is_found_by_its_designation_or_alias(text: str, code: str) -> None:
    assert [k.type_code for _, _, k in find_types(text)][:1] == [code]


@pytest.mark.parametrize(
    ("text", "code"),
    [("a KC-330 tanker", "A332"), ("Canada's CC-130J", "C130"), ("the CC130J", "C130"), ("un ATR 72-600", "AT72"),
     ("an ATR72", "AT72")],
)  # fmt: skip
def test_an_alias_gap_resolves_to_its_row(text: str, code: str) -> None:
    assert [k.type_code for _, _, k in find_types(text)][:1] == [code]


def test_the_canadian_c130j_with_its_popular_name_is_one_type() -> None:
    # "CC130J Hercules" names one carrier: the alias and the popular name fall on the same row
    assert asset_key("CC130J Hercules") == asset_key("Lockheed CC-130J Hercules") == "type:C130"
