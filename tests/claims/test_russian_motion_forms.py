"""Russian verbs of motion in forms the stems of ``cues.MOVE`` missed (``claims/ru_motion.py``), on sentences written
for them."""

from __future__ import annotations

import pytest

from liftwatch.claims.cues import MOVE
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "text",
    [
        "Командование перенаправило транспортные самолеты в Сирию.",
        "Отряд переместился в ливийский город Бенгази.",
        "Перемещение самолетов на авиабазу продолжается.",
        "Танкер прорвался в Венесуэлу.",
        "Через проливы в Средиземное море проследовали два корабля.",
    ],
)
def test_the_missing_forms_make_a_movement(text: str) -> None:
    assert MOVE.search(text), text


@pytest.mark.parametrize(
    "text",
    ["Суда перемещались зигзагами.", "Корабль прибудет в базу на этой неделе.", "Борт доставит в город помощь."],
)
def test_forms_left_out_stay_out(text: str) -> None:
    assert not MOVE.search(text), text


def test_a_verb_last_sentence_is_a_movement_to_its_goal() -> None:
    ex = shape_extract("В понедельник через Босфор в Сирию проследовал большой десантный корабль.")
    assert any("syria" in place_ids(c.destination) for c in ex.claims), ex.claims
