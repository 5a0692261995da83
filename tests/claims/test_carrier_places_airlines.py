"""A place read for the claim's carrier, airlines named as the ones flying, and an aircraft's owner.

Sentences written for these rules (other carriers, places and dates than the gold corpora), in the four
languages: a town's airfield for an aircraft and its port for a ship (rule 20 of the corpus), a name the kb
shares between an airfield and a port far apart read by the carrier, an airline named after the noun that says
it flies (rule 9), and a company named by words of owning as the aircraft's owner, not its mover (rule 8).
"""

from __future__ import annotations

import pytest

from liftwatch.claims.airlines import airline_names, owned_by
from liftwatch.claims.places import default_gazetteer

from .conftest import one_claim, place_ids, real_kb_gazetteer, shape_extract

# --- the carrier's kind in place resolution ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("Un Il-76 russe a décollé de Sébastopol le 3 mars pour Lattaquié.", {"URFB"}, {"hmeimim"}),
        ("Российский Ил-76 вылетел из Севастополя в Латакию 3 марта.", {"URFB"}, {"hmeimim"}),
        ("A Russian Il-76 flew from Sevastopol to Latakia on 3 March.", {"URFB"}, {"hmeimim"}),
        ("أقلعت طائرة إليوشن 76 روسية من سيفاستوبول إلى اللاذقية يوم 3 مارس.", {"URFB"}, {"hmeimim"}),
    ],
)
def test_an_aircrafts_town_is_its_airfield(text: str, origin: set[str], destination: set[str]) -> None:
    c = one_claim(text)
    assert place_ids(c.origin) == origin and place_ids(c.destination) == destination


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("La frégate russe a quitté Sébastopol le 3 mars pour Lattaquié.", {"sevastopol"}, {"latakia-port"}),
        ("Российский фрегат вышел из Севастополя в Латакию 3 марта.", {"sevastopol"}, {"latakia-port"}),
    ],
)
def test_a_ships_town_is_its_port(text: str, origin: set[str], destination: set[str]) -> None:
    c = one_claim(text)
    assert place_ids(c.origin) == origin and place_ids(c.destination) == destination


def test_a_name_shared_by_an_airfield_and_a_port_far_apart_is_read_by_the_carrier() -> None:
    assert place_ids(one_claim("A Colombian Air Force C-130 landed in Cartagena on 3 March.").destination) == {"SKCG"}
    assert place_ids(one_claim("A Spanish frigate returned to Cartagena on 3 March.").destination) == {
        "cartagena-naval-base"
    }


def test_a_lookup_is_kept_per_name_and_carrier() -> None:
    gaz = real_kb_gazetteer()
    plain = gaz.lookup("Sevastopol")
    air = gaz.lookup("Sevastopol", "air")
    sea = gaz.lookup("Sevastopol", "sea")
    assert plain is not None and air is not None and sea is not None
    assert (plain.id, air.id, sea.id) == ("sevastopol", "URFB", "sevastopol")
    assert gaz.lookup("Sevastopol") == plain  # the carrier's reading does not replace the plain one
    # a name the kb holds for one kind only stays that site whoever goes there: Tartus is a naval facility
    tartus = default_gazetteer().lookup("Tartus", "air")
    assert tartus is not None and tartus.id == "tartus"


# --- airlines named as the ones flying --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("an Il-76 of the cargo airline Steppe Cargo landed", "Steppe Cargo"),
        ("des avions de la compagnie aérienne tchadienne Sahel Wings ont atterri", "Sahel Wings"),
        ("un Boeing 747 exploité par Atlas Cargo a décollé", "Atlas Cargo"),
        ("самолёт Ил-76 казахстанской авиакомпании «Степной сокол» приземлился", "Степной сокол"),
        ("طائرة شحن تابعة لشركة الطيران Desert Star هبطت في المطار", "Desert Star"),
        ('وصلت طائرة تابعة لشركة طيران "النسر الأزرق" إلى المطار', "النسر الأزرق"),
    ],
)
def test_an_airline_is_named_after_the_noun_or_verb_that_says_it_flies(text: str, name: str) -> None:
    assert [n for _, _, n in airline_names(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "un avion exploité par l'Armée de l'air française a atterri",  # a state's forces: the movers' own rules
        "an Il-76 operated by Blue Falcon took off",  # English verbs before any name: measured, left out
        "the airline said on Monday that flights resumed",  # no name after the noun
        "самолёт авиакомпании приземлился в Минске",  # no name after the noun
    ],
)
def test_no_airline_where_none_is_named(text: str) -> None:
    assert airline_names(text) == []


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("An Il-76 of the cargo airline Steppe Cargo flew from Sharjah to Benghazi on 3 March.", "Steppe Cargo"),
        (
            "Un avion de la compagnie aérienne tchadienne Sahel Wings a décollé de Niamey pour Bamako le 3 mars.",
            "Sahel Wings",
        ),
        ("Самолёт Ил-76 казахстанской авиакомпании «Степной сокол» прилетел в Каракас 3 марта.", "Степной сокол"),
        ("أقلعت طائرة شحن تابعة لشركة الطيران Desert Star من مطار الشارقة إلى بنغازي يوم 3 مارس.", "Desert Star"),
    ],
)
def test_the_airline_flying_is_the_actor_over_its_nationality(text: str, actor: str) -> None:
    assert one_claim(text).actor == actor


# --- an aircraft's owner ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "owner"),
    [
        (
            "Un Il-76 a atterri à Bamako le 3 mars. Cet avion appartient à la société kazakhe de fret aérien "
            "Steppe Lines.",
            "Steppe Lines",
        ),
        ("An Il-76 landed at Benina on 3 March. The plane belongs to the company Polar Freight.", "Polar Freight"),
        ("Ил-76 приземлился в Бенине 3 марта. Этот самолёт принадлежит компании «Аэротранзит».", "Аэротранзит"),
    ],
)
def test_whose_the_aircraft_just_named_is_gives_its_owner_not_its_mover(text: str, owner: str) -> None:
    claims = shape_extract(text).claims
    assert [c.owner for c in claims] == [owner]
    assert all(c.actor != owner for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Two Il-76 registered to a company called Steppe Airlines landed at Benina on 3 March.",
        "An An-124 belonging to Polar Aviation landed at Benina on 3 March.",
        "هبطت في بنغازي يوم 3 مارس طائرة شحن من طراز إليوشن 76 تابعة لشركة Steppe Airlines الكازاخية.",
    ],
)
def test_a_company_named_by_words_of_owning_is_not_the_mover(text: str) -> None:
    (c,) = shape_extract(text).claims
    assert c.actor is None


def test_owning_reaches_back_over_descriptive_words_only() -> None:
    text = "An An-124 belonging to Polar Freight landed."
    assert owned_by(text, text.index("Polar"))
    text = "An An-124 belonging to Russia landed; Polar Freight flew it."
    assert not owned_by(text, text.index("Polar"))
