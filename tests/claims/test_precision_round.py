"""Fields the text does not claim: a capitalised run after a cue that names a body, a people, a ship or an armed
group is no origin or destination; a month or weekday glued to a place's name is cut off, as is a name that runs on
past a place the kb knows; "many", "plusieurs" and "de nombreux" give no count.

Sentences written for these rules (other carriers, places and dates than the gold corpora).
"""

from __future__ import annotations

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.scoring import count_of
from liftwatch.claims.unknown_names import UNKNOWN_NOTE, drop_names_of_no_place, names_no_place, without_date_tail

from .conftest import one_claim, place_ids, shape_extract


def test_an_embassy_is_no_origin() -> None:
    c = one_claim("A relief flight from the Norwegian Embassy landed in Nairobi on Monday.")
    assert c.origin == []
    assert place_ids(c.destination) == {"HKJK"}


def test_a_red_crescent_society_is_no_destination() -> None:
    c = one_claim("Two Il-76 flights delivered aid to the Red Crescent Society on Monday.")
    assert c.destination == []


def test_the_french_red_crescent_is_no_destination() -> None:
    c = one_claim("Un avion a décollé de Dakar vers le Croissant-Rouge mardi.")
    assert c.destination == []
    assert c.origin != []


def test_an_armed_group_is_no_destination() -> None:
    c = one_claim("The dhow was bound for Hezbollah, the navy said on Monday.")
    assert c.destination == []


def test_a_ship_met_is_no_destination() -> None:
    c = one_claim("The tanker sailed from Limassol to HMS Albion on Tuesday.")
    assert c.destination == []


def test_a_people_is_no_destination() -> None:
    ex = shape_extract("The ferry carried the troops to the Italians at Beira on 4 May.")
    assert all(p.text != "Italians" for c in ex.claims for p in c.destination)


def test_an_acronym_of_six_letters_the_kb_lacks_is_no_origin() -> None:
    c = one_claim("Two C-130s flew aid from UNESCAP to Dhaka on 4 May.")
    assert c.origin == []


def test_a_place_the_kb_lacks_stays_unknown() -> None:
    c = one_claim("The patrol ship sailed from Ream to Sihanoukville via Koh Rong on 4 May.")
    assert [p.text for p in c.via] == ["Koh Rong"]


def test_a_weekday_after_the_name_is_cut_off() -> None:
    c = one_claim("The corvette arrived in Vanuatu Sunday.")
    assert place_ids(c.destination) == {"country:VU"}


def test_a_month_after_the_name_is_cut_off() -> None:
    c = one_claim("A C-130 carrying blankets landed in Belize October 3, the ministry said.")
    assert place_ids(c.destination) == {"country:BZ"}


def test_cape_may_keeps_its_month() -> None:
    assert without_date_tail("Cape May") == "Cape May"


def test_a_name_of_a_place_is_no_body() -> None:
    assert not names_no_place("Canary Islands")


def test_many_flights_give_no_count() -> None:
    c = one_claim("Many cargo flights landed in Port Sudan on Tuesday.")
    assert count_of(c) is None


def test_plusieurs_gives_no_count() -> None:
    c = one_claim("Plusieurs avions-cargos ont atterri à Niamey mardi.")
    assert count_of(c) is None


def test_de_nombreux_gives_no_count() -> None:
    c = one_claim("De nombreux vols ont atterri à Bamako mardi.")
    assert count_of(c) is None


def test_several_flights_still_count_two_or_more() -> None:
    c = one_claim("Several cargo flights landed in Port Sudan on Tuesday.")
    assert count_of(c) == (2, None)


def test_a_name_run_on_past_the_place_keeps_the_place() -> None:
    c = one_claim("The frigate arrived in Mombasa Governor Nassir said on 4 May.")
    assert place_ids(c.destination) == {"mombasa-port"}


def test_a_claim_left_with_no_place_no_carrier_and_no_actor_is_dropped() -> None:
    # the only place was a body's name; nothing is left that a reader or the data could check
    gone = Place(text="Hezbollah", kind="unknown", id=None, name="Hezbollah", note=UNKNOWN_NOTE)
    bare = Claim(claim_id=1, sentences=["They flew to Hezbollah."], origin=[gone])
    assert drop_names_of_no_place([bare]) == []
