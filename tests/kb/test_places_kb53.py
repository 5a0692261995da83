"""Names the kb did not reach in reporting on Belgium, the Azores, Somalia, Bangladesh, Colombia, Spain, Chile and
Peru: airports and ports by their Arabic names (Cúcuta, Cox's Bazar, Zeebrugge, Ponta Delgada, Kismayo), Bangladesh's Egyptian spelling, Seville's airport by the city's English and French
names, and the ports of Cartagena de Indias, Valparaíso and Callao for a ship."""

from __future__ import annotations

import pytest

from liftwatch import kb


@pytest.mark.parametrize("text", ["كوكوتا", "مطار كوكوتا"])
def test_cucuta_in_arabic_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "SKCC"


def test_coxs_bazar_in_arabic_is_its_airport() -> None:
    assert kb.resolve_place("مطار كوكس بازار", carrier="air").id == "VGCB"


@pytest.mark.parametrize("text", ["Seville", "Séville", "aéroport de Séville"])
def test_seville_in_english_and_french_is_its_airport_for_a_flight(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LEZL"


@pytest.mark.parametrize(
    ("text", "port"),
    [("زيبروج", "wpi-31280"), ("زيبروغ", "wpi-31280"), ("بونتا دلغادا", "wpi-38100"), ("كسمايو", "wpi-47130")],
)
def test_ports_in_arabic(text: str, port: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == port


def test_bangladesh_in_its_egyptian_spelling_is_the_country() -> None:
    assert kb.resolve_place("بنجلاديش").id == "country:BD"


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("Cartagena de Indias", "wpi-11910"),
        ("Cartagena, Colombia", "wpi-11910"),
        ("Valparaiso", "wpi-14500"),
        ("Valparaíso", "wpi-14500"),
        ("Callao", "wpi-14950"),
    ],
)
def test_south_american_ports_for_a_ship(text: str, port: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == port


def test_bare_cartagena_for_a_ship_stays_the_spanish_naval_base() -> None:
    assert kb.resolve_place("Cartagena", carrier="sea").id == "cartagena-naval-base"


def test_callao_for_an_aircraft_stays_the_venezuelan_airfield() -> None:
    assert kb.resolve_place("Callao", carrier="air").id == "SVEL"
