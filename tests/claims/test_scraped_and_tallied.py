"""Shapes set 14 and set 15 showed the extractor missing in English and French, each tested on sentences written
fresh for it: tallies of flights by origin whose verb and goal close the list, states named by their form ("the
Kingdom of ..."), a state's waters named by its adjective, and the French goal told with "pour destination".
"""

from __future__ import annotations

import pytest

from liftwatch.claims.extract import read_sentences
from tests.claims.conftest import one_claim, place_ids, real_kb_gazetteer, shape_extract

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


# --- a state named by its form ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("A relief flight from the Kingdom of Morocco landed in Tripoli on Sunday.", "country:MA"),
        ("Two flights from the Sultanate of Oman landed in Aden.", "country:OM"),
        ("A cargo plane from the Hashemite Kingdom of Jordan landed in Benghazi.", "country:JO"),
        ("Un avion-cargo en provenance du Royaume du Maroc a atterri à Tripoli.", "country:MA"),
    ],
)
def test_a_state_named_by_its_form_is_the_state(text: str, origin: str) -> None:
    c = one_claim(text)
    assert place_ids(c.origin) == {origin}, (text, c.origin)


def test_the_form_alone_is_no_place() -> None:
    gaz = real_kb_gazetteer()
    mentions, _ = read_sentences("The frigate sailed to the Republic of Cameroon on Monday.", gaz, None)
    assert [m.place.id for m in mentions] == ["country:CM"]
    assert mentions[0].place.text == "Republic of Cameroon"


# --- a state's waters named by its adjective --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("The Iranian tanker Sahand entered Cuban waters on Tuesday.", "country:CU"),
        ("Le pétrolier iranien Sahand est entré dans les eaux territoriales cubaines mardi.", "country:CU"),
        ("دخلت الناقلة الإيرانية سهند المياه الإقليمية الكوبية يوم الثلاثاء.", "country:CU"),
    ],
)
def test_entering_a_states_waters_goes_to_the_state(text: str, country: str) -> None:
    c = one_claim(text)
    assert place_ids(c.destination) == {country}, (text, c.destination)


def test_waters_with_no_state_adjective_are_no_place() -> None:
    gaz = real_kb_gazetteer()
    mentions, _ = read_sentences("The tanker sailed on through international waters and calm waters.", gaz, None)
    assert mentions == []


@pytest.mark.parametrize(
    ("text", "dest"),
    [
        ("L'Il-76 a quitté Bangui dans la nuit et avait pour destination Khartoum.", "khartoum"),
        ("Le cargo, qui a pour destination finale Tartous, a franchi le Bosphore.", "tartus"),
    ],
)
def test_a_french_flight_or_voyage_told_with_pour_destination(text: str, dest: str) -> None:
    assert dest in place_ids(one_claim(text).destination)
