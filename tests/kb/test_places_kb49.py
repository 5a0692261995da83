"""Names the kb did not reach in reporting on Mali, the Comoros, Pakistan, Turkey, Belarus, Greece, Senegal,
Oman and La Réunion: airports by their Arabic and Russian names (Karachi's Jinnah, Athens), the one airfield of a
town or island named alone (Mopti, Anjouan, Mohéli), Arabic names of cities (Kahramanmaraş, Lahore) and of Belarus,
and a ship's port by its authority's or its district's name (Dakar's "port autonome", Muttrah's Port Sultan Qaboos,
the navy's Port-des-Galets)."""

from __future__ import annotations

import pytest

from liftwatch import kb


@pytest.mark.parametrize("text", ["مطار كراتشي الدولي", "مطار كراتشي", "مطار جناح الدولي"])
def test_karachi_airport_in_arabic_is_jinnah_not_the_city(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "OPKC"


@pytest.mark.parametrize("text", ["аэропорт Афин", "аэропорт Афины"])
def test_athens_airport_in_russian_is_eleftherios_venizelos(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LGAV"


@pytest.mark.parametrize("text", ["Mopti", "aéroport de Mopti", "Mopti-Ambodedjo", "Мопти"])
def test_mopti_is_its_one_airport_at_ambodedjo(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "GAMB"


@pytest.mark.parametrize(("text", "key"), [("Anjouan", "FMCV"), ("aéroport d'Anjouan", "FMCV"), ("Ouani", "FMCV"),
                                           ("Mohéli", "FMCI"), ("Moheli", "FMCI"), ("aéroport de Mohéli", "FMCI")])  # fmt: skip
def test_an_island_of_the_comoros_is_its_one_airport_for_a_flight(text: str, key: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == key


@pytest.mark.parametrize("text", ["كهرمان مرعش", "قهرمان مرعش", "Кахраманмараш"])
def test_kahramanmaras_in_arabic_and_russian_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LTCN"


@pytest.mark.parametrize("text", ["لاهور", "Лахор"])
def test_lahore_in_arabic_and_russian_is_its_one_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "OPLA"


def test_belarus_in_its_shorter_arabic_spelling_is_the_country() -> None:
    assert kb.resolve_place("بيلاروس").id == "belarus"


@pytest.mark.parametrize("text", ["port autonome de Dakar", "Port autonome de Dakar"])
def test_dakar_port_authority_is_dakar_port_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-45820"


@pytest.mark.parametrize("text", ["مطرح", "ميناء مطرح", "Muttrah", "port of Muttrah"])
def test_muttrah_for_a_ship_is_port_sultan_qaboos(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-48250"


@pytest.mark.parametrize("text", ["Port-des-Galets", "Port des Galets", "base navale de Port-des-Galets"])
def test_port_des_galets_for_a_ship_is_the_old_west_harbour_of_la_reunion(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-47695"
