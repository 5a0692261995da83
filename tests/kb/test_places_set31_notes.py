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


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ЮАР", "ZA"),
        ("Южно-Африканской Республике", "ZA"),
        ("Исламской Республики Афганистан", "AF"),
        ("Сейшельские острова", "SC"),
        ("Республику Сейшельские острова", "SC"),
        ("Киргизская Республика", "KG"),
        ("Киргизской Республики", "KG"),
    ],
)
def test_states_by_their_long_russian_names(text: str, code: str) -> None:
    ref = kb.resolve_place(text)
    assert (ref.kind, ref.id) == ("country", f"country:{code}")


@pytest.mark.parametrize("text", ["the Western Pacific", "Western Pacific", "Pacifique occidental"])
def test_the_western_pacific_is_the_ocean(text: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == "pacific-ocean"


@pytest.mark.parametrize(
    ("text", "icao"),
    [
        ("الشارقة", "OMSJ"),
        ("رأس الخيمة", "OMRK"),
        ("قاعدة سبانغدالم الجوية", "ETAD"),
        ("Шпангдалем", "ETAD"),
        ("Сунан", "ZKPY"),
    ],
)
def test_airfields_by_their_other_languages_names(text: str, icao: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == icao


def test_wuxis_sunan_shuofang_keeps_its_name() -> None:
    assert kb.resolve_place("Sunan Shuofang", carrier="air").id == "ZSWX"


def test_etimesgut_by_its_arabic_name() -> None:
    assert kb.resolve_place("قاعدة إيمتسغوت الجوية", carrier="air").id == "LTAD"


@pytest.mark.parametrize("text", ["Mandeb Strait", "the Mandeb Strait", "Strait of Mandeb"])
def test_the_mandeb_strait_is_bab_el_mandeb(text: str) -> None:
    assert kb.resolve_place(text).id == "bab-el-mandeb"


def test_a_town_written_with_city_after_it_is_the_town() -> None:
    assert kb.resolve_place("Zhanjiang City", carrier="sea").id == "zhanjiang-port"
    assert kb.resolve_place("Kuwait City", carrier="air").id == kb.resolve_place("Kuwait City").id  # its own name


@pytest.mark.parametrize("text", ["Belgrade airport", "aéroport de Belgrade", "مطار بلغراد", "аэропорт Белграда"])
def test_belgrades_airport_by_the_citys_name(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LYBE"


def test_bare_belgrade_stays_the_city_and_its_main_airport_is_nikola_tesla() -> None:
    assert kb.resolve_place("Belgrade").kind == "city"
    site = kb.resolve_site("Belgrade")
    assert site is not None and site.site_id == "LYBE"  # not a Montana strip filed under Belgrade, MT
