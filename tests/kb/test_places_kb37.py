"""Names from the notes of earlier sets the kb lacked or read wrongly: a ship's Russian and Arabic "Корфу"/"كورفو"
(the harbour of Kerkyra, not the island's airport), Corfu's airport by its English and French names, Cuba's
Artemisa province, the Pakistan Air Force's "PAF" as a military designator, and a ship's bare "Victoria", which
harbours of several countries carry. Invented phrases.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb import port_index
from liftwatch.kb._text import generic_only


@pytest.mark.parametrize("text", ["Корфу", "порт Корфу", "كورفو"])
def test_corfu_in_russian_and_arabic_is_kerkyras_harbour_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-41720"


@pytest.mark.parametrize("text", ["Корфу", "كورفو"])
def test_corfu_stays_the_islands_airport_for_an_aircraft(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LGKR"


@pytest.mark.parametrize("text", ["Corfu", "Corfou", "aéroport de Corfou", "Kerkyra"])
def test_corfu_by_its_english_and_french_names_is_the_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LGKR"


@pytest.mark.parametrize("text", ["Corfu", "Corfou"])
def test_corfu_by_its_english_and_french_names_is_the_harbour_for_a_ship(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "wpi-41720"


@pytest.mark.parametrize("text", ["Artemisa province", "provincia de Artemisa", "провинции Артемиса", "Artemisa"])
def test_artemisa_is_the_cuban_provinces_fields(text: str) -> None:
    ref = kb.resolve_place(text)
    assert ref.id == "artemisa-province"
    assert {"MUSA", "MUPB", "MUCY"} <= set(ref.site_ids)


def test_san_antonio_de_los_banos_lies_in_artemisa() -> None:
    assert "artemisa-province" in kb.region_of_site("MUSA")


def test_paf_is_a_military_designator() -> None:
    assert generic_only("PAF Base")
    assert kb.resolve_place("PAF Base Masroor").id == "OPMR"


def test_a_ships_bare_victoria_is_ambiguous_and_lists_the_harbours() -> None:
    with pytest.raises(PlaceError) as e:
        kb.resolve_place("Victoria", carrier="sea")
    assert e.value.reason.startswith("ambiguous")
    assert {"wpi-18670", "wpi-47220", "wpi-51680"} <= set(e.value.site_ids)


def test_port_victoria_is_the_seychelles_harbour() -> None:
    assert kb.resolve_place("Port Victoria", carrier="sea").id == "wpi-47220"


def test_an_aircrafts_victoria_is_unchanged() -> None:
    assert kb.resolve_place("Victoria", carrier="air").id == "CYYJ"


def test_a_harbour_name_one_country_holds_is_not_ambiguous() -> None:
    assert kb.resolve_place("Haifa", carrier="sea").id == "wpi-45080"
    assert {kb.site(p).country for p in port_index.namesakes("Haifa")} == {"IL"}


def test_a_curated_port_stays_the_reading_of_a_shared_name() -> None:
    assert kb.resolve_place("Georgetown", carrier="sea").id == "georgetown-port"
