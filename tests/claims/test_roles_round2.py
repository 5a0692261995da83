"""Places given no role or the wrong one, second round: a Russian base left with no name and then where it is
(``claims/ru_facility_origins.py``), and a fleet's base named after a dash (``claims/filler.py``), each on sentences
written for it.
"""

from __future__ import annotations

from tests.claims.conftest import place_ids, shape_extract


def test_where_an_unnamed_airfield_left_stands_is_the_origin() -> None:
    """ "с военного аэродрома в Белоруссии": the place after the facility's "в" is where it is, not a goal."""
    ex = shape_extract(
        "Самолёт Ил-76 вылетел с военного аэродрома в Белоруссии и через пять часов приземлился в Хмеймиме."
    )
    assert any("belarus" in place_ids(c.origin) for c in ex.claims), ex.claims
    assert not any("belarus" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_where_the_permanent_base_left_stands_is_the_origin() -> None:
    """ "вышел из пункта постоянного базирования в Североморске": the ship's home base is where it sailed from."""
    ex = shape_extract(
        "Большой десантный корабль вышел из пункта постоянного базирования в Североморске и взял курс на Средиземное море."
    )
    assert any("severomorsk-naval-base" in place_ids(c.origin) for c in ex.claims), ex.claims


def test_a_named_airfield_keeps_the_goal_after_it() -> None:
    """ "с аэродрома Энгельс в Сирию": the airfield has its name, so the "в" after it starts the goal."""
    ex = shape_extract("Транспортные самолёты перелетели с аэродрома Энгельс в Сирию.")
    assert any("syria" in place_ids(c.destination) for c in ex.claims), ex.claims
    assert not any("syria" in place_ids(c.origin) for c in ex.claims), ex.claims


def test_a_russian_home_base_named_after_a_dash_is_the_destination() -> None:
    """ "прибыл в родную базу – порт Владивосток": the dash opens the base's name."""
    ex = shape_extract("Корвет прибыл в родную базу – порт Владивосток.")
    assert any("vladivostok-port" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_fleets_main_base_named_after_a_dash_is_the_destination() -> None:
    """ "the main base of the Black Sea Fleet - the hero city of Sevastopol": the fleet's name belongs to the base."""
    ex = shape_extract(
        "The frigate entered the main base of the Black Sea Fleet - the hero city of Sevastopol on Friday."
    )
    assert any("sevastopol" in place_ids(c.destination) for c in ex.claims), ex.claims
