"""Russian headings told "в сторону" / "в направлении" with the goal in the genitive, on sentences written for them."""

from __future__ import annotations

import pytest

from liftwatch.claims.sentences import cue_role
from tests.claims.conftest import place_ids, shape_extract


@pytest.mark.parametrize(
    "pre",
    ["Фрегат проследовал в сторону ", "Два судна направились в направлении ", "Танкер идёт в сторону порта "],
)
def test_a_heading_toward_is_read_before_the_bare_preposition(pre: str) -> None:
    assert cue_role(pre) == "destination", pre


def test_the_goal_of_a_heading_in_the_genitive_is_the_destination() -> None:
    ex = shape_extract("В понедельник российский корвет проследовал в сторону Ливии.")
    assert any("libya" in place_ids(c.destination) for c in ex.claims), ex.claims


def test_a_place_in_the_locative_is_still_no_destination() -> None:
    ex = shape_extract("Российский корвет, находящийся в Ливии, вышел из порта Тобрук.")
    assert not any("libya" in place_ids(c.destination) for c in ex.claims), ex.claims
