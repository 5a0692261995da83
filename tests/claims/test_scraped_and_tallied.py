"""Shapes set 14 and set 15 showed the extractor missing in English and French, each tested on sentences written
fresh for it: tallies of flights by origin whose verb and goal close the list, and the French goal told with "pour
destination".
"""

from __future__ import annotations

import pytest

from tests.claims.conftest import one_claim, place_ids, shape_extract

# --- a tally of flights by origin, the verb and the goal last --------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Up to now 27 flights carrying tents and medicine from Egypt, nine from Algeria and two from Tunisia have "
        "landed in Chad.",
        "Jusqu'ici 27 vols chargés de tentes et de médicaments depuis l'Égypte, neuf depuis l'Algérie et deux depuis "
        "la Tunisie ont atterri au Tchad.",
    ],
)
def test_each_item_of_a_tally_goes_where_the_list_ends(text: str) -> None:
    claims = shape_extract(text).claims
    by_origin = {frozenset(place_ids(c.origin)): c for c in claims}
    assert set(by_origin) == {frozenset({"country:EG"}), frozenset({"country:DZ"}), frozenset({"country:TN"})}, text
    for c in claims:
        assert place_ids(c.destination) == {"country:TD"}, (text, c)
    assert {(c.min_count, c.max_count) for c in claims} == {(27, 27), (9, 9), (2, 2)}


def test_an_item_with_its_own_goal_keeps_it() -> None:
    text = "Twelve flights from Egypt to Chad, four from Algeria and two from Tunisia landed in Niger."
    claims = shape_extract(text).claims
    egypt = next(c for c in claims if place_ids(c.origin) == {"country:EG"})
    assert place_ids(egypt.destination) == {"country:TD"}


def test_a_list_with_no_closing_goal_gives_none() -> None:
    text = "So far 27 flights loaded with tents from Egypt, nine from Algeria and two from Tunisia have been counted."
    for c in shape_extract(text).claims:
        assert not c.destination, c


@pytest.mark.parametrize(
    ("text", "dest"),
    [
        ("L'Il-76 a quitté Bangui dans la nuit et avait pour destination Khartoum.", "khartoum"),
        ("Le cargo, qui a pour destination finale Tartous, a franchi le Bosphore.", "tartus"),
    ],
)
def test_a_french_flight_or_voyage_told_with_pour_destination(text: str, dest: str) -> None:
    assert dest in place_ids(one_claim(text).destination)
