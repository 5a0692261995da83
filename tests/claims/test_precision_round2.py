"""Fields the text does not claim, second pass: a number in digits that ends a clock or a class's
designation counts no carriers ("at 15:30 the aircraft", "the Type 45 destroyer"); a number that counts the
group one carrier is picked out of is no count ("one of the three warships"); a list whose first item counts people
("77 people from Greece, 78 from China") is no list of legs; "could" and "might" before a movement tell a
possibility, no claim.

Sentences written for these rules (other carriers, places and dates than the gold corpora).
"""

from __future__ import annotations

from liftwatch.claims.clauses import split_clauses
from liftwatch.claims.counts import count_before, find_counts
from liftwatch.claims.figure_parts import one_of_a_group, part_of_figure
from liftwatch.claims.scoring import count_of

from .conftest import one_claim, shape_extract


def _before(text: str, word: str) -> object:
    i = text.index(word)
    return count_before(text, [(i, i + len(word))])


def test_the_minutes_of_a_clock_count_nothing() -> None:
    assert find_counts("At 21:45 the aircraft took off from Kano for Niamey.") == []


def test_a_clock_with_a_dot_counts_nothing() -> None:
    assert find_counts("At 09.20 the planes landed in Bamako.") == []


def test_the_day_of_an_english_date_still_counts_as_before() -> None:
    # measured and left out: the day of a month-first date ("on March 14 to send four planes") is read as before
    assert not part_of_figure("decided on March ", "14")


def test_a_class_designation_counts_nothing() -> None:
    text = "The Type 26 frigate sailed from Plymouth to Gibraltar on Monday."
    assert _before(text, "frigate") is None
    assert count_of(one_claim(text)) is None


def test_a_project_number_counts_nothing() -> None:
    assert part_of_figure("корабль проекта ", "22350")


def test_a_number_in_words_after_type_still_counts() -> None:
    assert not part_of_figure("of this type ", "two")


def test_a_plain_number_still_counts() -> None:
    counts = find_counts("Seven cargo planes landed in Accra on Monday.")
    assert [(c.min, c.max) for c in counts] == [(7, 7)]


def test_one_of_a_group_is_no_count() -> None:
    text = "As one of the four Peruvian tankers, the Ilo reached Callao on Friday."
    assert _before(text, "tankers") is None


def test_one_of_the_group_in_three_languages() -> None:
    assert one_of_a_group("As one of the ")
    assert one_of_a_group("l'un des ")
    assert one_of_a_group("один из ")


def test_a_group_counted_without_a_pick_still_counts() -> None:
    text = "Four Peruvian tankers reached Callao on Friday."
    found = _before(text, "tankers")
    assert found is not None


def test_a_list_of_people_by_origin_is_no_list_of_legs() -> None:
    text = "The frigate carried 40 people from Chile, 12 from Peru and three from Bolivia to Lima."
    assert len(split_clauses(text)) == 1


def test_people_said_to_come_from_places_are_no_legs() -> None:
    text = "Of the 300 passengers, 120 are from Oslo, 90 from Bergen and the rest from abroad."
    assert len(split_clauses(text)) == 1
    assert len(shape_extract("The ship sailed from Tromso to Oslo on Monday. " + text).claims) <= 1


def test_a_list_of_counted_flights_is_still_cut() -> None:
    text = "Twelve flights from Chile, four from Peru and two from Bolivia landed in Lima."
    assert len(split_clauses(text)) == 3


def test_a_movement_that_could_happen_is_no_claim() -> None:
    text = "In theory, the two corvettes could sail from Bergen to Reykjavik before the storm."
    assert shape_extract(text).claims == []


def test_a_movement_that_might_be_under_way_is_no_claim() -> None:
    text = "Analysts said the freighter might be heading from Odessa to Varna."
    assert shape_extract(text).claims == []


def test_a_landing_that_could_not_be_made_is_still_told() -> None:
    c = one_claim("The C-130 could not land at Kabul and flew on to Termez on Monday.")
    assert c.origin or c.destination or c.possible


def test_a_movement_that_could_be_seen_is_still_told() -> None:
    c = one_claim("The frigate could be seen sailing from Souda Bay to Piraeus on Monday.")
    assert c.destination
