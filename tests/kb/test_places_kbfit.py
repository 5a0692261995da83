"""Names the kb did not reach in the Arabic and French press: RAF Akrotiri, Harar Meda, Maiquetía and King Faisal
Naval Base in Arabic letters, Faya-Largeau by the town's short name; and the names left out because they name two
places or a person."""

from __future__ import annotations

from typing import Literal

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError

Carrier = Literal["air", "sea"] | None


@pytest.mark.parametrize("text", ["قاعدة راف أكروتيري الجوية", "راف أكروتيري"])
@pytest.mark.parametrize("carrier", [None, "air"])
def test_raf_akrotiri_in_arabic_is_the_air_base_not_cyprus(text: str, carrier: Carrier) -> None:
    assert kb.resolve_place(text, carrier=carrier).id == "akrotiri"


@pytest.mark.parametrize("text", ["هرار ميدا", "مطار هرار ميدا"])
def test_harar_meda_in_arabic_is_the_ethiopian_air_base(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "HAHM"


@pytest.mark.parametrize("text", ["مطار مايكيوتيا الدولي", "مايكيوتيا"])
def test_maiquetia_spelt_with_a_long_vowel_is_caracas_airport(text: str) -> None:
    assert kb.resolve_place(text).id == "SVMI"


def test_simon_bolivar_alone_stays_guayaquils_name() -> None:
    assert kb.resolve_place("مطار سيمون بوليفار").id != "SVMI"


@pytest.mark.parametrize("text", ["Faya", "aéroport de Faya"])
def test_faya_is_faya_largeaus_airfield(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "FTTY"


def test_king_faisal_naval_base_in_arabic_is_the_navys_field_for_an_aircraft() -> None:
    assert kb.resolve_place("قاعدة الملك فيصل البحرية", carrier="air").id == "OEJF"


def test_king_faisal_naval_base_in_arabic_is_jeddahs_port_for_a_ship() -> None:
    assert kb.resolve_place("قاعدة الملك فيصل البحرية", carrier="sea").id == "jeddah-port"


def test_the_bare_kings_name_is_no_place() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("الملك فيصل")
