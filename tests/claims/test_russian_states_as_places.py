"""A Russian state's name in a prepositional phrase is a place, not the movement's mover (rule 16).

Invented sentences: "в Турции", "из России", "через территорию Турции", "на юге Турции" name where, whence or
through which; a state as the subject ("Россия перебрасывает"), its forces ("ВМФ России") and its adjective
("российский военный самолёт") are read as before.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.ru_place_states import state_as_place

from .conftest import one_claim


def _place(text: str, name: str) -> bool:
    start = text.index(name)
    return state_as_place(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("после землетрясения в Турции корабль доставил помощь", "Турции"),
        ("доставка грузов через территорию Турции", "Турции"),
        ("не смогли приземлиться на юге Турции", "Турции"),
        ("три самолёта из России прибыли в Минск", "России"),
        ("вылетел в Россию", "Россию"),
    ],
)
def test_a_state_after_a_preposition_is_a_place(text: str, name: str) -> None:
    assert _place(text, name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Россия перебрасывает самолёты в Сирию", "Россия"),
        ("транспорт ВМФ России прошёл пролив", "России"),
        ("на борту корабля ВМФ России", "России"),  # a capitalised word between: the forces', not the place's
        ("в российский порт", "российский"),  # an adjective: the other rules read it
    ],
)
def test_a_state_as_subject_or_owner_of_forces_is_not_a_place(text: str, name: str) -> None:
    assert not _place(text, name)


def test_a_state_named_only_as_a_place_gives_no_mover() -> None:
    claim = one_claim("После землетрясения в Турции грузовой самолёт Ил-76 доставил в Латакию 20 тонн груза.")
    assert claim.actor is None


def test_a_state_as_the_subject_is_the_mover() -> None:
    claim = one_claim("Турция направила в Мисурату два военно-транспортных самолёта A400M.")
    assert claim.actor == "Turkey"
