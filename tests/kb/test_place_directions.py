"""A fuzzy place match never turns a compass word into its opposite."""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb.place_guard import directions, opposite_direction


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("western Mediterranean", {"w"}),
        ("Méditerranée orientale", {"e"}),
        ("Восточное Средиземноморье", {"e"}),
        ("شرق المتوسط", {"e"}),
        ("الغرب", {"w"}),
        ("North-East Asia", {"n", "e"}),
        ("المغرب", set()),  # Morocco: "west" written inside the name, not a compass word
        ("Estonia", set()),
        ("Mediterranean", set()),
    ],
)
def test_compass_words_of_four_languages(text: str, found: set[str]) -> None:
    assert directions(text) == found


@pytest.mark.parametrize("text", ["western Mediterranean", "Western Mediterranean Sea"])
def test_the_west_is_not_the_east(text: str) -> None:
    # a part of a sea told by its direction is the sea (kb.place_forms.water_part), never the eastern region
    assert kb.resolve_place(text).id == "mediterranean-sea"


def test_a_misspelt_western_sea_is_not_the_east() -> None:
    # no exact name after the compass word: the fuzzy step still lists the eastern region without taking it
    with pytest.raises(PlaceError) as err:
        kb.resolve_place("western Mediteranean")
    assert any("eastern-mediterranean" in c for c in err.value.candidates)


def test_a_misspelling_keeps_its_direction() -> None:
    assert kb.resolve_place("Eastern Mediteranean").id == "eastern-mediterranean"
    assert opposite_direction("western Mediterranean", "region", "eastern-mediterranean")
    assert not opposite_direction("western Mediterranean", "region", "mediterranean-sea")  # no direction of its own
    assert not opposite_direction("Eastern Mediteranean", "region", "eastern-mediterranean")
