"""Where a load goes after the carrier set it down is no destination of the carrier (``claims/onward_loads.py``),
each on sentences written for it, in the four languages.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.onward_loads import onward_goal
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    ("text", "reached"),
    [
        ("A Malaysian C-130 flew the supplies to El Arish Airport before being delivered to Gaza.", "HEAR"),
        ("وصلت طائرة مساعدات كويتية إلى مطار العريش الدولي، تمهيدا لنقلها إلى غزة.", "HEAR"),
        ("رست سفينة المساعدات التركية في ميناء العريش تمهيدا لإدخالها إلى قطاع غزة.", "el-arish-port"),
        ("اتجهت طائرة المساعدات إلى مطار العريش المصري، حيث سيتم تنظيم دخول المساعدات إلى غزة.", "HEAR"),
        ("L'avion militaire a atterri à l'aéroport d'El Arish avant d'être acheminé vers Gaza.", "HEAR"),
        ("Самолёт МЧС приземлился в аэропорту Эль-Ариш с грузом для дальнейшей доставки в сектор Газа.", "HEAR"),
    ],
)
def test_the_loads_onward_goal_is_no_destination(text: str, reached: str) -> None:
    ex = shape_extract(text)
    assert any(reached in place_ids(c.destination) for c in ex.claims), ex.claims
    assert not any("gaza-strip" in place_ids(c.destination) for c in ex.claims), ex.claims


@pytest.mark.parametrize(
    "text",
    [
        "أقلعت طائرة مساعدات أردنية متجهة إلى قطاع غزة.",
        "A Jordanian C-130 flew aid to Gaza on Monday.",
    ],
)
def test_a_carrier_sent_to_the_place_keeps_it(text: str) -> None:
    ex = shape_extract(text)
    assert any("gaza-strip" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_carrier_ready_to_carry_the_load_is_no_onward_transfer() -> None:
    """ "استعدادًا لنقلها إلى ليبيا": the aircraft loading there will itself carry the load to Libya."""
    assert not onward_goal("تقوم بتحميل معدات عسكرية استعدادًا لنقلها إلى")


@pytest.mark.parametrize(
    ("text", "stop"),
    [
        ("Борт МЧС вылетел из Москвы в Сану и сделал промежуточную остановку в Каире.", "HECA"),
        ("Самолёт вылетел из Москвы в Каракас, его маршрут включал остановки в Армении и Алжире.", "country:AM"),
        ("Ан-124 вылетел из Москвы в Каракас, сделав небольшую пересадку в Алжире.", "country:DZ"),
    ],
)
def test_a_russian_stop_told_by_its_noun_is_a_via(text: str, stop: str) -> None:
    """ "остановку в", "остановки в", "пересадку в": a stop on the way, with any adjective before the noun."""
    ex = shape_extract(text)
    assert any(stop in place_ids(c.via) for c in ex.claims), ex.claims
