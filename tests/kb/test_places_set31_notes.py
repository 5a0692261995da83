"""Places set 31's notes found missing or misread: Scotland as a site group of its fields (it had been a South
Dakota airstrip), Bobruisk's air base by its Russian-derived names, Corfu's airport by its Russian and Arabic names.
Invented phrases.
"""

from __future__ import annotations

import pytest

from liftwatch import kb


@pytest.mark.parametrize("text", ["Scotland", "Écosse", "l'Écosse", "Шотландии", "اسكتلندا"])
def test_scotland_is_the_site_group_of_its_fields(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("region", "scotland")
    assert {"EGPH", "EGPF", "EGQS"} <= set(ref.site_ids)
    assert "1SD1" not in ref.site_ids


def test_scotlands_towns_stay_their_own_airports() -> None:
    assert kb.resolve_place("Edinburgh", carrier="air").id == "EGPH"
    assert "scotland" in kb.region_of_site("EGPK")
    assert "scotland" not in kb.region_of_site("EGLL")


@pytest.mark.parametrize("text", ["Bobruisk", "Бобруйск", "аэродром Бобруйск", "авиабаза Бобруйск"])
def test_bobruisk_is_babruisk_air_base(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "UMNB"


@pytest.mark.parametrize("text", ["Корфу", "острова Корфу", "كورفو"])
def test_corfu_by_its_russian_and_arabic_names_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LGKR"
