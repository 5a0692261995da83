"""An aircraft carrier is a ship, though its name in every language says aircraft."""

from __future__ import annotations

import pytest

from liftwatch.claims.assets import find_assets


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(a.label, a.domain) for _, _, a in find_assets(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The aircraft carrier sailed from Norfolk.",
        "Le porte-avions a quitté le port.",
        "Авианосец вышел из порта.",
        "وصلت حاملة الطائرات الأميركية إلى الميناء.",
        "وصلت حاملة طائرات أمريكية إلى الميناء.",
    ],
)
def test_an_aircraft_carrier_is_a_ship(text: str) -> None:
    assert _kinds(text) == [("ship", "sea")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('وصلت حاملة الطائرات الأميركية "جيرالد فورد" إلى الميناء.', "جيرالد فورد"),
        ("Авианосец «Адмирал Кузнецов» вышел из порта.", "Адмирал Кузнецов"),
    ],
)
def test_an_aircraft_carriers_name_is_a_ships(text: str, name: str) -> None:
    assert (name, "sea") in _kinds(text)


@pytest.mark.parametrize(
    "text", ["Six aircraft landed at the base.", "Des avions ont atterri.", "وصلت طائرات أمريكية إلى القاعدة."]
)
def test_aircraft_stay_aircraft(text: str) -> None:
    assert _kinds(text) == [("aircraft", "air")]
