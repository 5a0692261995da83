"""Russian participles and gerunds of the verbs of leaving, putting in, delivering and following
(``claims/motion_forms.py``): a clause that tells its carrier's movement only by such a form ("корабль,
вышедший из порта", "самолет, доставивший помощь") is a movement, each tested on sentences written fresh for it;
the participles of other prefixes, whose commonest senses are no movement, are not.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.cues import MOVE
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "Пограничники остановили танкер, вышедший из порта",
        "Зашедшее в гавань судно стоит у причала",
        "Самолет, доставивший продукты в столицу, вернулся",
        "Доставив груз, транспортник улетел",
        "Покинув базу, фрегат взял курс на юг",
        "Сухогруз, покинувший рейд утром, не отвечает",
        "Судно, следовавшее в Африку, остановлено",
        "Паром проследовал через пролив",
    ],
)
def test_a_participle_or_gerund_of_motion_counts(text: str) -> None:
    assert MOVE.search(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Ушедший год был трудным для отрасли",  # "the past year"
        "Министр, пришедший к власти весной, выступил",  # "came to power"
        "Район, вошедший в состав области",  # "became part of"
        "В прошедшие дни состоялись выборы в парламент",  # "in the past days"
        "Следователи изучают документы",  # investigators, no following
    ],
)
def test_participles_of_other_senses_do_not(text: str) -> None:
    assert not MOVE.search(text), (text, MOVE.search(text))


def test_a_carrier_told_by_its_participle_keeps_its_origin() -> None:
    ex = shape_extract("Береговая охрана задержала сухогруз с оружием, вышедший из порта Новороссийска.")
    assert any("novorossiysk" in k for c in ex.claims for k in place_ids(c.origin)), ex.claims


def test_a_delivering_participle_keeps_its_goal() -> None:
    ex = shape_extract("Экипаж самолета Ил-76, доставившего гуманитарный груз в Бамако, наградили.")
    assert any("bamako" in k for c in ex.claims for k in place_ids(c.destination)), ex.claims


def test_a_gerund_beside_a_comparison_takes_no_origin_from_it() -> None:
    """ "в отличие от США" is "unlike the US": no place the load came from."""
    ex = shape_extract("Россия помогла соседям, доставив, в отличие от США, большой груз продуктов.")
    assert not any(k == "country:US" for c in ex.claims for k in place_ids(c.origin)), ex.claims
