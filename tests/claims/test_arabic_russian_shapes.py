"""Shapes of Arabic and Russian reporting the rules missed on excerpts they were never written from.

Invented sentences, one per shape: a state's Arabic adjective after a military carrier, from a name the kb
writes with vowel marks ("الصّين") or that no form of the name gives ("أمريكية"); "نقلت" that transports rather than reports, and a source that ends before "that" ("بأن", "إن"); a
tanker as a class of its own, counted by its plural; a Russian ship noun followed by whose it is, not by its
name ("корабли Тихоокеанского флота"); and a month after "since" in each language.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch.claims.attribution import source_spans
from liftwatch.claims.known_movers import state_forces
from liftwatch.claims.ships import named_ships
from liftwatch.claims.timeparse import find_times

from .conftest import one_claim, place_ids


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("هبطت طائرتان عسكريتان صينيتان في المطار", "China"),  # dual, a name written "الصّين" in the kb
        ("وصلت أربع طائرات شحن عسكرية أمريكية إلى المطار", "United States"),  # no form of "الولايات المتحدة"
        ("أبحرت فرقاطة حربية أميركية من الميناء", "United States"),
        ("رست سفينة حربية سعودية في الميناء", "Saudi Arabia"),  # "السّعوديّة": the "ية" shortened
        ("أعلنت البحرية البريطانية أن المدمرة غادرت", "United Kingdom"),
        ("حطت طائرة عسكرية جزائرية في المطار", "Algeria"),
    ],
)
def test_arabic_state_adjective_after_a_military_carrier(text: str, state: str) -> None:
    assert [a.name for _, _, a in state_forces(text)] == [state]


def test_a_chinese_military_plane_is_chinas() -> None:
    c = one_claim("غادرت طائرتان عسكريتان صينيتان مطار كراتشي أمس.")
    assert c.actor == "China"
    assert (c.min_count, c.max_count) == (2, 2)


def test_transported_is_no_attribution_and_the_state_moves() -> None:
    assert source_spans("نقلت روسيا أسلحة من سوريا إلى ليبيا.") == []
    c = one_claim("نقلت روسيا أسلحة من سوريا إلى ليبيا.")
    assert c.actor == "Russia"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("ونقلت وكالة الأنباء عن مصدر أن الطائرة هبطت", "وكالة الأنباء"),  # "نقلت ... عن": reports, citing
        ("وأفاد الموقع بأن روسيا نقلت أسلحة", "الموقع"),  # the source ends before "بأن"
        ("قالت الوزارة إن طائرة شحن هبطت", "الوزارة"),
    ],
)
def test_arabic_source_ends_before_citing_or_that(text: str, source: str) -> None:
    assert [s for _, _, s in source_spans(text)] == [source]


def test_a_mover_after_that_is_not_part_of_the_source() -> None:
    c = one_claim("قالت الوزارة إن طائرة شحن روسية هبطت في مطار بنينا.")
    assert c.actor == "Russia"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("خمس ناقلات نفط إيرانية تتجه إلى ميناء اللاذقية.", 5),
        ("Пять иранских танкеров направляются в порт Латакия.", 5),
        ("Three Iranian tankers sailed to Latakia.", 3),
        ("Deux pétroliers iraniens sont arrivés à Lattaquié.", 2),
    ],
)
def test_tankers_are_a_class_and_counted(text: str, count: int) -> None:
    c = one_claim(text)
    assert [a.label for a in c.assets] == ["tanker"]
    assert (c.min_count, c.max_count) == (count, count)


def test_a_tanker_aircraft_stays_an_aircraft() -> None:
    c = one_claim("A French Air Force tanker landed in Niamey.")
    assert [a.label for a in c.assets] == ["tanker aircraft"]


@pytest.mark.parametrize(
    "text",
    [
        "Корабли Тихоокеанского флота прибыли с визитом в порт.",
        "Учебный корабль Балтфлота прибыл в порт.",
        "четыре десантных корабля и три фрегата Северного флота России прибыли в порт.",
    ],
)
def test_russian_fleet_after_a_ship_noun_is_no_name(text: str) -> None:
    assert named_ships(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [("Корвет Стойкий прибыл в порт.", "Стойкий"), ("Фрегат «Адмирал Касатонов» прибыл в порт.", "Адмирал Касатонов")],
)
def test_russian_ship_names_after_their_noun_stay(text: str, name: str) -> None:
    assert [n for _, _, n in named_ships(text)] == [name]


@pytest.mark.parametrize(
    "text",
    ["since December", "depuis décembre", "с декабря прошлого года", "منذ ديسمبر الماضي"],
)
def test_since_a_month_runs_to_publication(text: str) -> None:
    pub = date(2025, 2, 3)
    spans = find_times(text, pub)
    assert [(t.start, t.end, t.kind) for t in spans] == [(date(2024, 12, 1), pub, "since")]


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("с 9 по 16 июля", date(2024, 7, 9), date(2024, 7, 16)),
        ("с июля по сентябрь", date(2024, 7, 1), date(2024, 9, 30)),
    ],
)
def test_a_russian_range_opened_by_s_is_no_since(text: str, start: date, end: date) -> None:
    spans = find_times(text, date(2025, 2, 3))
    assert [(t.start, t.end, t.kind) for t in spans] == [(start, end, "explicit")]


def test_a_russian_name_after_its_country_in_the_genitive() -> None:
    c = one_claim("Самолёт прибыл в столицу Мадагаскара Антананариву.")
    assert place_ids(c.destination) == {"FMMI"}


def test_a_turkish_class_word_after_the_name_is_not_the_name() -> None:
    text = 'رست السفينة الحربية "Kınalıada korveti" التابعة للبحرية التركية في ميناء مقديشو.'
    assert [n for _, _, n in named_ships(text)] == ["Kınalıada"]
