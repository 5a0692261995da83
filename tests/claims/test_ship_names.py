"""Ships' names as navies write them: with a middle initial ("USS Gerald R. Ford"), after a navy's prefix with no
ship noun before it ("HMS Diamond returned to Portsmouth"), and never a unit of aircraft or a group the ship leads
("Carrier Air Wing 8", "Carrier Strike Group"). Sentences written for these tests.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.assets import find_assets
from liftwatch.claims.extract import extract

PUB = date(2025, 3, 10)


def _by_ship(text: str) -> list[str]:
    return [a.label for c in extract(text, PUB, use_model=False).claims for a in c.assets if a.ship_name]


def test_an_air_wing_accompanying_a_carrier_is_no_ship() -> None:
    got = _by_ship("The aircraft carrier USS Nimitz left San Diego on Tuesday, accompanied by Carrier Air Wing 11.")
    assert got == ["USS Nimitz"]


@pytest.mark.parametrize(
    ("text", "ship"),
    [
        ("The aircraft carrier USS Gerald R. Ford left Norfolk for the Mediterranean.", "USS Gerald R. Ford"),
        ("The aircraft carrier USS George H.W. Bush arrived in Souda Bay on Friday.", "USS George H.W. Bush"),
    ],
)
def test_a_ships_name_keeps_its_middle_initial(text: str, ship: str) -> None:
    assert _by_ship(text) == [ship]


@pytest.mark.parametrize(
    ("text", "ship"),
    [
        ("HMS Diamond returned to Portsmouth on Friday after seven months in the Red Sea.", "HMS Diamond"),
        ("USS Carney sailed through the Suez Canal into the Red Sea.", "USS Carney"),
        ("HMS Prince of Wales left Portsmouth for the Mediterranean.", "HMS Prince of Wales"),
        ("The USS Gerald R. Ford Carrier Strike Group arrived in the eastern Mediterranean.", "USS Gerald R. Ford"),
    ],
)
def test_a_navys_prefix_names_a_ship_without_a_ship_noun(text: str, ship: str) -> None:
    assert _by_ship(text) == [ship]


def test_a_ship_watching_another_is_not_its_carrier() -> None:
    text = "The patrol vessel HMS Mersey began shadowing the Russian corvette Stoikiy off Dover."
    assert [a.label for _, _, a in find_assets(text)] == ["Stoikiy"]
