"""Places and roles, fourth round: a movement told "home" goes to the movers' own state (``claims/home_goals.py``,
the Russian noun of home kept from being read as a place), and a Russian goal told beside a seizure is possible,
not reached (``claims/cues.py``), each on sentences written for it.
"""

from __future__ import annotations

from tests.claims.conftest import place_ids, shape_extract


def test_flying_home_in_russian_is_the_actors_state() -> None:
    """ "вылетел ... на Родину": home of a Russian aircraft is Russia."""
    ex = shape_extract("Транспортный самолет Ил-76 ВКС России вылетел с аэродрома Батайница на Родину.")
    assert any(place_ids(c.destination) == {"russia"} for c in ex.claims), ex.claims


def test_the_russian_noun_of_home_is_no_airfield() -> None:
    """ "на Родину" romanised sounds like an airstrip's name; the noun names no place."""
    ex = shape_extract("Транспортный самолет Ил-76 ВКС России вылетел с аэродрома Батайница на Родину.")
    assert not any("LYSP" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_going_home_in_russian_by_the_adverb() -> None:
    """ "вернулись домой": home of Russian rescuers is Russia."""
    ex = shape_extract("Спасатели МЧС России вернулись домой из Турции на самолете Ил-76.")
    assert any(place_ids(c.destination) == {"russia"} for c in ex.claims), ex.claims


def test_returning_home_in_english_is_the_actors_state() -> None:
    """ "arrived back home": a South Korean aircraft's home is South Korea."""
    ex = shape_extract("A South Korean Air Force KC-330 carrying evacuees from Sudan arrived back home on Tuesday.")
    assert any(place_ids(c.destination) == {"country:KR"} for c in ex.claims), ex.claims


def test_a_named_goal_beside_home_stays() -> None:
    """ "returned home to Qingdao": the goal the text names is kept, home adds no state beside it (a guard)."""
    ex = shape_extract("Three Chinese Navy frigates returned home to Qingdao port after the escort mission.")
    goals = {k for c in ex.claims for k in place_ids(c.destination)}
    assert "country:CN" not in goals, ex.claims


def test_a_home_port_is_no_goal_home() -> None:
    """ "left its home port of Baltiysk": "home port" is the origin's own noun, not a voyage home (a guard)."""
    ex = shape_extract("The Russian corvette left its home port of Baltiysk on Monday.")
    assert not any("russia" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_goal_beside_a_russian_seizure_is_possible() -> None:
    """ "захватили партию оружия, которая направлялась ... в Йемен": seized on the way, the goal not reached."""
    ex = shape_extract("Военные США захватили партию оружия на судне, которое направлялось из Ирана в Йемен.")
    assert any("country:YE" in place_ids(c.possible) for c in ex.claims), ex.claims
    assert not any("country:YE" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_goal_beside_an_attempt_to_detain_is_possible() -> None:
    """ "попыталась задержать танкер, который направлялся в Венесуэлу": the goal is offered, not claimed."""
    ex = shape_extract("Береговая охрана попыталась задержать танкер Bella 1, который направлялся в Венесуэлу.")
    assert any("country:VE" in place_ids(c.possible) for c in ex.claims), ex.claims
