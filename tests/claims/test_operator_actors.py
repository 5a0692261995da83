"""Operators that are not states as the actor: an airline named by "Air" at one end of its name, an operator named
after the carrier with "of", the agent of "operated by" with where it is based, an airline named before the noun
"airline", and the Arabic "operated by the company X" that keeps a state's flight its own (rules 8, 9 and 43 of the
corpus).

Invented sentences (airlines, places and dates of no article in the gold corpus), one behaviour per test.
"""

from __future__ import annotations

from liftwatch.claims.airlines import airline_names
from liftwatch.claims.attribution import air_names

from .conftest import one_claim, shape_extract


def test_a_name_ending_in_air_is_an_airline() -> None:
    assert [n for _, _, n in air_names("Flights of Kestrel Valley Air resumed on Monday.")] == ["Kestrel Valley Air"]


def test_a_name_starting_with_air_is_an_airline() -> None:
    assert [n for _, _, n in air_names("un Airbus de la compagnie civile Air Moravia a atterri")] == ["Air Moravia"]


def test_air_inside_a_services_name_is_no_airline() -> None:
    text = "a C-130 of the Japan Air Self-Defense Force landed at Gorna Air Field near 815 Naval Air Squadron"
    assert air_names(text) == []


def test_a_code_or_a_based_word_is_not_part_of_the_airlines_name() -> None:
    text = "the IL-76TD Pelican Air and a plane of UAE-based Harrow Air"
    assert [n for _, _, n in air_names(text)] == ["Pelican Air", "Harrow Air"]


def test_an_operator_named_with_of_after_its_carrier_is_the_actor() -> None:
    claim = one_claim("Un vol iranien de Pelican Air a quitté Téhéran pour Beyrouth le 3 mars.")
    assert claim.actor == "Pelican Air"


def test_a_name_ending_in_air_alone_names_no_mover() -> None:
    claims = shape_extract("Kestrel Valley Air flew from Damascus to Tehran on 3 March.").claims
    assert [c.actor for c in claims] == [None]


def test_the_agent_of_operated_by_with_where_it_is_based_is_the_actor() -> None:
    claim = one_claim(
        "An An-124 cargo plane operated by UAE-based Harrow Air flew from Abu Dhabi to Bosaso on 3 March."
    )
    assert claim.actor == "Harrow Air"


def test_an_airline_named_before_the_noun_airline_is_named() -> None:
    found = airline_names("the plane belonging to the Azerbaijani Amber Road airline returned")
    assert [n for _, _, n in found] == ["Amber Road"]


def test_the_airline_that_owns_the_plane_is_the_actor() -> None:
    claim = one_claim("The plane belonging to the Azerbaijani Amber Road airline flew from Ovda to Baku on 3 March.")
    assert claim.actor == "Amber Road"


def test_a_determiner_or_nationality_before_airline_names_none() -> None:
    assert airline_names("The airline said so. The Turkish airline did not comment.") == []


def test_a_company_operating_a_states_flight_in_arabic_is_no_mover() -> None:
    claim = one_claim("أقلعت طائرة من طراز An-124 تشغّلها شركة Harrow Air من أبوظبي إلى بوصاصو يوم 3 مارس.")
    assert claim.actor != "Harrow Air"
