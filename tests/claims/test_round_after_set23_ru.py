"""Russian fields the text does not give (the round after set 23): a departure told in the perfective future is a
plan, not a movement made; a state's adjective that qualifies a place or a cargo names no mover."""

from __future__ import annotations

from datetime import date

from liftwatch.claims.extract import extract
from liftwatch.claims.plans import planned
from tests.claims.conftest import real_kb_gazetteer


def test_a_departure_in_the_perfective_future_is_a_plan() -> None:
    for plan in (
        "Затем отряд кораблей отправится в Никарагуа и Венесуэлу.",
        "После учений фрегаты отправятся в Гавану.",
        "Самолёт вылетит в Москву в пятницу.",
        "Этим рейсом из Триполи будут эвакуированы граждане России.",
    ):
        assert planned(plan), plan


def test_a_movement_under_way_or_made_is_no_plan() -> None:
    for made in (
        "Отряд кораблей направляется в Гавану.",  # the imperfective present: under way
        "Отряд кораблей отправился в Гавану.",  # the perfective past: made
        "Самолёт вылетел из Москвы и отправится в Каир.",  # one movement made keeps the clause
        "Самолёт Ил-76 прибудет в Москву 3 октября.",  # an arrival: the goal of a carrier on its way
        "Борт доставит в Сербию 38 тонн груза.",
        "Шестью рейсами вывезены 500 человек.",  # a noun of movement with no plan is no plan
    ):
        assert not planned(made), made


def test_the_future_leg_adds_no_claim() -> None:
    real_kb_gazetteer()
    text = (
        "Отряд кораблей Северного флота прибыл в Гавану 4 августа. "
        "Затем отряд боевых кораблей отправится в Никарагуа и Венесуэлу."
    )
    claims = extract(text, date(2013, 8, 4), use_model=False).claims
    assert len(claims) == 1
    assert [p.id for p in claims[0].destination] == ["havana-port"]


def test_a_state_adjective_of_the_cargo_names_no_mover() -> None:
    real_kb_gazetteer()
    for text in (
        "Танкер Tavian с грузом российской нефти прошёл через Балтийское море в начале декабря.",
        "Танкер «Прогресс», находящийся под санкциями за перевозку российской нефти, вышел из Приморска.",
    ):
        claims = extract(text, date(2025, 12, 17), use_model=False).claims
        assert claims and all(c.actor is None for c in claims), text
    # the same adjective before the carrier names it (a state's warship, rule 6)
    claims = extract(
        "Российский военный корабль «Североморск» вышел из Балтийска.", date(2025, 12, 17), use_model=False
    ).claims
    assert [c.actor for c in claims] == ["Russia"]
