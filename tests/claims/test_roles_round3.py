"""Places in a movement clause given no role, third round: a Russian facility noun in the accusative before a name
ending like a locative (``claims/ru_locatives.py``), and calls at several ports told by the plural noun
(``claims/cues.py``), each on sentences written for it.
"""

from __future__ import annotations

from tests.claims.conftest import place_ids, shape_extract


def test_an_airfield_in_the_accusative_makes_an_indeclinable_name_the_goal() -> None:
    """ "на аэродром Душанбе": "аэродром" is whither; "Душанбе" ends in "-е" but is no locative."""
    ex = shape_extract("В пятницу на аэродром Душанбе были переброшены транспортные вертолеты Ми-8.")
    assert any("UTDD" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_an_airport_in_the_accusative_makes_the_genitive_after_it_the_goal() -> None:
    """ "в аэропорт Латакии": "Латакии" is the airport's town in the genitive, not a locative."""
    ex = shape_extract("Самолет МЧС России вылетел из Москвы в аэропорт Латакии для эвакуации граждан.")
    assert any(place_ids(c.destination) for c in ex.claims), ex.claims


def test_calls_at_several_ports_are_stops_on_the_way() -> None:
    """ "совершили деловые заходы в порты Индии и Эритреи": the ports called at are vias, and the genitive states
    after the plural accusative are no locative."""
    ex = shape_extract("За время похода корабли Северного флота совершили деловые заходы в порты Индии и Эритреи.")
    vias = {k for c in ex.claims for k in place_ids(c.via)}
    assert {"country:IN", "country:ER"} <= vias, ex.claims
    assert not any(place_ids(c.destination) for c in ex.claims), ex.claims


def test_one_call_at_a_port_stays_the_goal() -> None:
    """ "совершил деловой заход в порт Карачи": a single call may be the voyage's goal, not read as a via (a guard)."""
    ex = shape_extract("Большой противолодочный корабль совершил деловой заход в порт Карачи.")
    assert any("karachi-port" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_the_locative_of_the_facility_noun_stays_where() -> None:
    """ "в порту Латакии": the noun itself in the locative tells where the ship is, no goal (a guard)."""
    ex = shape_extract("Российский танкер уже третью неделю стоит в порту Латакии.")
    assert not any(place_ids(c.destination) for c in ex.claims), ex.claims
