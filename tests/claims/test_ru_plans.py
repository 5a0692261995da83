"""Russian plans told around the plan's verb: a step ordered before it ("после захода в порт ... направится") and
a departure "expected" ("возвращение ... ожидается") are no movements made."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.plans import planned
from liftwatch.claims.ru_plans import expected_departure, step_before_plan
from tests.claims.conftest import real_kb_gazetteer


def test_a_step_ordered_before_a_plan_is_part_of_it() -> None:
    for plan in (
        "После захода в Новороссийск отряд направится в Средиземное море.",
        "После разгрузки груз будет доставлен в Алеппо.",
        "Перед вылетом в Москву самолёт будет дозаправлен и отправится в Минск.",
    ):
        assert planned(plan), plan


def test_a_step_with_no_verb_of_the_plan_is_read_as_before() -> None:
    for made in (
        "После захода в порт корвет пополнил запасы и направился в Тартус.",
        "После посадки в Бейруте самолёт вылетел в Дамаск.",
        "После разгрузки в порту Латакия танкер ушёл на Кипр.",
    ):
        assert not planned(made), made


def test_a_departure_expected_is_a_plan_an_arrival_is_not() -> None:
    assert planned("Возвращение самолёта из Бишкека ожидается на следующей неделе.")
    assert planned("Вылет второго борта в Хартум ожидается вечером.")
    # the arrival of a carrier already on its way tells its goal
    assert not planned("Прибытие самолёта во Внуково ожидается через три часа.")
    # no predicate of expectation: the noun is read as before
    assert not planned("Возвращение экипажа из Бишкека прошло спокойно.")


def test_the_helpers_read_only_their_shapes() -> None:
    text = "После захода в порт"
    assert step_before_plan(text, text.index("захода"))
    assert not step_before_plan("Для захода в порт", len("Для "))
    clause = "Отправка груза в Латакию ожидается завтра"
    assert expected_departure(clause, 0, len("Отправка"))
    clause = "Доставка груза в Латакию ожидается завтра"
    assert not expected_departure(clause, 0, len("Доставка"))


def test_the_planned_leg_adds_no_claim() -> None:
    real_kb_gazetteer()
    text = (
        "Три корабля Каспийской флотилии прибыли в порт Баку 5 мая. "
        "После захода в Баку отряд направится с визитом в Актау."
    )
    claims = extract(text, date(2019, 5, 6), use_model=False).claims
    assert len(claims) == 1
    assert all("Актау" not in p.text for c in claims for p in c.destination)
