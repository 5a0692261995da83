"""Names the kb did not reach in reporting on Serbia, Estonia, Myanmar, Kazakhstan, Afghanistan, Paris and Sicily:
air bases by the Russian and Arabic spellings of their names (Ämari, Batajnica), airports by the forms the press
gives them ("аэропорт г. Нейпьидо", "алматинский аэропорт", "l'aéroport du Bourget", "l'aéroport parisien d'Orly",
Kabul's "كابل"), Serbia's Arabic name and Mazara del Vallo's port in Arabic."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError


@pytest.mark.parametrize("text", ["Эмари", "авиабаза Эмари", "Ämari"])
def test_amari_in_russian_is_the_estonian_air_base(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "EEEI"


@pytest.mark.parametrize("text", ["باتاينيتشا", "قاعدة باتاينيتشا", "Батайница"])
def test_batajnica_in_arabic_and_russian_is_the_serbian_air_base(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LYBT"


def test_serbia_in_arabic_is_the_country() -> None:
    assert kb.resolve_place("صربيا").id == "country:RS"


@pytest.mark.parametrize("text", ["كابل", "مطار كابل"])
def test_kabul_in_its_common_arabic_spelling_is_its_airport_for_a_flight(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "OAKB"


@pytest.mark.parametrize("text", ["аэропорт г. Нейпьидо", "аэропорт Нейпьидо"])
def test_naypyidaw_airport_with_the_abbreviated_city_word(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "VYEL"


@pytest.mark.parametrize("text", ["алматинский аэропорт", "аэропорт Алматы"])
def test_almaty_airport_by_the_city_adjective(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "UAAA"


@pytest.mark.parametrize("text", ["aéroport du Bourget", "l'aéroport du Bourget"])
def test_le_bourget_airport_with_the_contracted_article(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LFPB"


def test_orly_called_the_parisian_airport() -> None:
    assert kb.resolve_place("l'aéroport parisien d'Orly", carrier="air").id == "LFPO"


@pytest.mark.parametrize("text", ["مازارا ديل فالو", "ماتزرا ديل فاللو"])
def test_mazara_del_vallo_in_arabic_is_its_port_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-40180"


def test_al_udeid_arabic_name_stays_out_because_its_remainder_means_many() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("العديد", carrier="air")
