"""Actors told by forms the readers missed on claims that were found: a navy's formation at sea or its navy in lower
case after a state's English adjective ("the 12th Japanese naval escort taskforce", "the Chinese navy frigate"), the
Russian services Russian reporting names without the state ("фрегат ВМФ", "отряд кораблей ТОФ", "борт МЧС"), the
Iraqi spelling of an air force ("القوة الجوية العراقية") and an Arabic fleet with its state's adjective ("أسطول بحري
صيني").

Invented sentences, one behaviour each. A state's warship or navy is its state's (the annotation's rule 6); a
Russian service named with another state after it ("ВМФ Индии") is that state's.
"""

from __future__ import annotations

from liftwatch.claims import extract


def _actors(text: str) -> list[str | None]:
    return [c.actor for c in extract(text).claims]


def test_an_english_naval_escort_taskforce_is_its_state_s() -> None:
    assert _actors("The 12th Japanese naval escort taskforce arrived in Mombasa on 3 May 2024.") == ["Japan"]


def test_an_english_naval_fleet_is_its_state_s() -> None:
    assert _actors("The 30th Pakistani naval fleet docked at Salalah on 3 May 2024.") == ["Pakistan"]


def test_a_navy_in_lower_case_is_its_state_s() -> None:
    assert _actors("The Chinese navy frigate Liuzhou arrived in Colombo on 3 May 2024.") == ["China"]


def test_a_navy_base_in_lower_case_names_no_mover() -> None:
    assert _actors("A cargo ship sailed from the Chinese navy base at Ream to Bangkok on 3 May 2024.") == [None]


def test_a_bare_russian_navy_is_russia_s() -> None:
    assert _actors("Фрегат ВМФ «Адмирал Эссен» 3 мая зашел в порт Джидда.") == ["Russia"]


def test_the_russian_navy_of_another_state_is_that_state_s() -> None:
    assert _actors("Фрегат ВМФ Индии «Тег» 3 мая зашел в порт Джидда.") == ["India"]


def test_the_pacific_fleet_by_its_abbreviation_is_russia_s() -> None:
    assert _actors("Отряд кораблей ТОФ 3 мая прибыл в Манилу из Владивостока.") == ["Russia"]


def test_a_military_district_by_its_abbreviation_is_russia_s() -> None:
    assert _actors("Вертолеты ЦВО 3 мая переброшены из Новосибирска в Душанбе.") == ["Russia"]


def test_a_bare_emergencies_ministry_plane_is_russia_s() -> None:
    assert _actors("Самолет МЧС 3 мая доставил в Бейрут 30 тонн гуманитарной помощи из Раменского.") == ["Russia"]


def test_the_iraqi_spelling_of_an_air_force_with_its_adjective_is_iraq() -> None:
    assert _actors("وصلت طائرة من القوة الجوية العراقية إلى مطار عمان يوم 3 مايو.") == ["Iraq"]


def test_an_arabic_fleet_with_its_state_s_adjective_is_that_state_s() -> None:
    assert _actors("عاد أسطول بحري صيني إلى ميناء سانيا يوم 3 مايو.") == ["China"]


def test_an_arabic_relief_plane_told_by_its_adjective_is_its_state_s() -> None:
    assert _actors("وصلت الطائرة الإغاثية الأردنية الرابعة إلى مطار بورتسودان يوم 3 مايو.") == ["Jordan"]


def test_the_french_navy_with_a_capital_n_is_france_s() -> None:
    text = "Le Prairial, la frégate de surveillance de la Marine Nationale, a quitté Nouméa le 3 mai pour Suva."
    assert _actors(text) == ["France"]


def test_his_majesty_s_ship_in_arabic_is_saudi_arabia_s() -> None:
    assert _actors('أبحرت سفينة جلالة الملك "ينبع" من جدة إلى ميناء سواكن يوم 3 مايو.') == ["Saudi Arabia"]
