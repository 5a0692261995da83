"""Names the kb did not reach in reporting on the Pacific, the Red Sea, Libya and the French Caribbean: Haiphong and
Maizuru in Russian, Sanya in Arabic for a ship, the town of Al Abraq, and three areas reporting names instead of a
base (Khabarovsk Krai, the Horn of Africa, the French forces' Antilles-Guyane zone)."""

from __future__ import annotations

from typing import Literal

import pytest

from liftwatch import kb

Carrier = Literal["air", "sea"] | None


@pytest.mark.parametrize("carrier", [None, "air"])
def test_haiphong_in_russian_is_the_citys_airport_for_a_flight(carrier: Carrier) -> None:
    assert kb.resolve_place("Хайфон", carrier=carrier).id == "VVCI"


def test_haiphong_in_russian_is_the_index_port_for_a_ship() -> None:
    assert kb.resolve_place("Хайфон", carrier="sea").id == "wpi-57680"


def test_haifa_in_russian_stays_haifa() -> None:
    assert kb.resolve_place("Хайфа").id == "city:IL:haifa"


@pytest.mark.parametrize("text", ["Майдзуру", "порт Майдзуру"])
def test_maizuru_in_russian_is_the_japanese_port_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-61800"


def test_sanya_in_arabic_is_the_hainan_port_for_a_ship_by_its_name() -> None:
    ref = kb.resolve_place("سانيا", carrier="sea")
    assert (ref.id, ref.matched) == ("wpi-57816", "alias")


def test_sanya_in_arabic_stays_the_airport_for_a_flight() -> None:
    assert kb.resolve_place("سانيا", carrier="air").id == "ZJSY"


def test_the_town_of_al_abraq_in_arabic_is_its_airport() -> None:
    assert kb.resolve_place("مدينة الأبرق", carrier="air").id == "al-abraq"


@pytest.mark.parametrize("text", ["Хабаровский край", "Хабаровском крае", "Khabarovsk Krai"])
def test_khabarovsk_krai_is_the_krais_site_group(text: str) -> None:
    assert kb.resolve_place(text).id == "khabarovsk-krai"


def test_khabarovsk_krai_holds_the_komsomolsk_air_base() -> None:
    assert "khabarovsk-krai" in kb.region_of_site("UHKD")


def test_the_city_of_khabarovsk_stays_the_city() -> None:
    assert kb.resolve_place("Khabarovsk").kind == "city"


@pytest.mark.parametrize("text", ["Horn of Africa", "Африканский рог", "القرن الأفريقي", "la Corne de l'Afrique"])
def test_the_horn_of_africa_is_its_four_states(text: str) -> None:
    ref = kb.resolve_place(text)
    assert ref.id == "horn-of-africa"
    assert set(kb.regions()["horn-of-africa"].countries) == {"DJ", "ER", "ET", "SO"}


def test_djibouti_stays_the_country() -> None:
    assert kb.resolve_place("Djibouti").id == "country:DJ"


@pytest.mark.parametrize("text", ["zone Antilles-Guyane", "Antilles-Guyane"])
def test_the_antilles_guyane_zone_is_the_french_antilles_and_guiana(text: str) -> None:
    assert kb.resolve_place(text).id == "antilles-guyane"
    assert "GF" in kb.regions()["antilles-guyane"].countries


def test_guyane_alone_stays_french_guiana() -> None:
    assert kb.resolve_place("Guyane").id == "country:GF"
