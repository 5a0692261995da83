"""Movers the kb knows: any state by its forces (four languages), the kb's airlines by name, air tankers."""

from __future__ import annotations

import pytest

from liftwatch.claims import extract
from liftwatch.claims.known_movers import state_forces
from liftwatch.claims.known_operators import known_operators


def _actors(text: str) -> list[tuple[str | None, tuple[str, ...]]]:
    return [(c.actor, c.actor_countries) for c in extract(text).claims]


@pytest.mark.parametrize(
    ("text", "actor", "iso"),
    [
        ("A French Air Force tanker took off from Istres on 30 June 2020.", "France", "FR"),
        ("The Algerian Air Force sent two Il-76 to Bamako on 3 May 2021.", "Algeria", "DZ"),
        ("Two Chinese Air Force Y-20s landed in Belgrade on 9 April 2022.", "China", "CN"),
        ("A UK Border Force aircraft flew from Lydd on 17 April 2020.", "United Kingdom", "GB"),
        ("Самолёт ВВС Алжира вылетел из Алжира в Бамако 3 мая 2021 года.", "Algeria", "DZ"),
        ("أقلعت طائرة تابعة لسلاح الجو الجزائري من الجزائر إلى باماكو.", "Algeria", "DZ"),
        ("Un avion de l'armée de l'air du Tchad a quitté N'Djamena pour Bangui le 3 mai 2021.", "Chad", "TD"),
    ],
)
def test_a_state_by_its_forces_is_the_mover(text: str, actor: str, iso: str) -> None:
    assert _actors(text) == [(actor, (iso,))]


def test_forces_that_receive_the_delivery_are_not_the_mover() -> None:
    text = "Three aircraft were delivered by an An-124 to the Central African Armed Forces at Bangui on 3 May 2023."
    assert [a for a, _ in _actors(text)] in ([], [None])
    assert not [s for s in state_forces("delivered to the Central African Armed Forces") if s[2].name != "Russia"]


def test_a_shared_adjective_is_the_sovereign_state() -> None:
    # "French" is also the adjective of Saint Pierre and Miquelon, French Guiana, ...
    assert [a.countries for _, _, a in state_forces("the French Navy")] == [("FR",)]


def test_a_ministry_is_a_source_not_a_mover() -> None:
    assert state_forces("the Ministry of Defence of Niger announced") == []
    assert state_forces("ont annoncé le ministère de la Défense du Niger") == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A Cham Wings A320 flew from Damascus to Benghazi on 3 May 2020.", "Cham Wings Airlines"),
        ("An Aviacon Zitotrans Il-76 landed in Caracas on 5 October 2025.", "Aviacon Zitotrans"),
        ("A Volga-Dnepr An-124 landed at Hmeimim on 2 May 2020.", "Volga-Dnepr Airlines"),
    ],
)
def test_an_airline_the_kb_lists_is_the_mover_by_its_name(text: str, name: str) -> None:
    assert [c.actor for c in extract(text).claims] == [name]


def test_an_airline_name_that_is_a_place_or_an_adjective_is_not_an_operator() -> None:
    assert known_operators("flights to the Emirates") == []  # Emirates the airline is also the country
    assert known_operators("sailed through the Aegean") == []  # Aegean Airlines only by its full name
    assert known_operators("a KC-46 Pegasus tanker") == []  # nor Pegasus Airlines by a word alone
    assert known_operators("a Syrian Arab cargo plane") == []  # Syrian Arab Airlines only by its full name
    assert [n for _, _, n in known_operators("a Syrian Arab Airlines A320")] == ["Syrian Arab Airlines"]


@pytest.mark.parametrize(
    ("text", "label", "domain"),
    [
        ("A French Air Force tanker took off from Istres on 30 June 2020.", "tanker aircraft", "air"),
        ("A KC-135 tanker flew from Mildenhall on 3 May 2024.", "KC-135", "air"),  # the kb type names it
        ("An oil tanker left Tartus on 3 May 2024.", "tanker", "sea"),  # a ship, of the class "tanker"
        ("Russia sent 3 tankers from Primorsk to Syria in May 2024.", "tanker", "sea"),
    ],
)
def test_a_tanker_is_an_aircraft_only_where_the_text_says_so(text: str, label: str, domain: str) -> None:
    assets = [(a.label, a.domain) for c in extract(text).claims for a in c.assets]
    assert assets == [(label, domain)]


def test_an_airline_and_its_state_tell_one_movement() -> None:
    text = (
        "A Russian cargo plane landed at Maiquetia airport in Caracas on 28 October 2025. "
        "The plane, operated by Aviacon Zitotrans, arrived from Moscow."
    )
    claims = extract(text).claims
    assert [(c.actor, [p.id for p in c.destination]) for c in claims] == [("Aviacon Zitotrans", ["SVMI"])]


def test_the_turkish_straits_and_the_bosphorus_in_one_voyage_are_one_passage() -> None:
    text = (
        "On 16 November the landing ship Georgy Pobedonosets, heading to Syria with cargo, passed through the "
        "Turkish Straits into the Mediterranean; Istanbul portals published photographs of it passing the Bosphorus."
    )
    vias = [[p.id for p in c.via] for c in extract(text).claims]
    assert vias == [["turkish-straits"]]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # rule 6: a state's own military aircraft or warship, by its English adjective
        ("Two Indonesian military aircraft landed in Dili on 4 May 2023.", "Indonesia"),
        ("Three Indian naval warships arrived in Colombo on 4 May 2023.", "India"),
        ("Two Japanese destroyers reached Manila on 4 May 2023.", "Japan"),
        # rule 7: the state named as the subject of a verb of sending, in English, French and Russian
        ("Indonesia on Monday dispatched two C-130 aircraft to Dili.", "Indonesia"),
        ("Japan appeared to have sent two more destroyers to Manila on 4 May 2023.", "Japan"),
        ("Le Japon a envoyé deux navires à Manille le 4 mai 2023.", "Japan"),
        ("Индия в понедельник направила два корабля в Коломбо 4 мая 2023 года.", "India"),
        # the broken Arabic plural of a ship before a state's adjective
        ("أبحرت سفن حربية يابانية إلى مانيلا في 4 مايو 2023.", "Japan"),
    ],
)
def test_a_state_that_sends_or_owns_the_military_carrier_is_the_mover(text: str, actor: str) -> None:
    assert [c.actor for c in extract(text).claims] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "A Japanese cargo plane landed in Manila on 4 May 2023.",  # a nationality alone (rule 6)
        "Two flights to Japan dispatched on 4 May 2023 landed in Manila.",  # the state is the goal, no subject
        "Два самолёта в Японию направили из Манилы 4 мая 2023 года.",  # "в Японию": a goal, not who sends
    ],
)
def test_a_state_that_is_no_subject_or_only_a_nationality_sends_nothing(text: str) -> None:
    assert all(c.actor is None for c in extract(text).claims)


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # rule 6: a type only armed forces fly, with its state's adjective or possessive before it or after it
        ("Kenya's first C-17 aircraft landed in Colombo on 4 May 2023.", "Kenya"),
        ("Two Kenyan C-130s landed in Colombo on 4 May 2023.", "Kenya"),
        ("Un C-130 jordanien a atterri à Larnaca le 4 mai 2023.", "Jordan"),
        # rule 6 in French: fighters, and a state's soldiers counted or with an article, are the state's
        ("Deux avions de chasse belges ont quitté Niamey pour Bruxelles le 4 mai 2023.", "Belgium"),
        ("Un contingent de 80 militaires belges a quitté Niamey pour Bruxelles le 4 mai 2023.", "Belgium"),
        ("La Belgique a mobilisé un avion qui a quitté Niamey pour Bruxelles le 4 mai 2023.", "Belgium"),
    ],
)
def test_a_state_by_its_military_types_fighters_or_troops_is_the_mover(text: str, actor: str) -> None:
    assert [c.actor for c in extract(text).claims] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "A Kenyan Il-76 landed in Colombo on 4 May 2023.",  # a type civil carriers fly too: a nationality
        "Des experts militaires belges ont quitté Niamey pour Bruxelles le 4 mai 2023.",  # persons, not troops
        # a branch in a base's name is a place, not the mover
        "Two C-17s flew to the Royal Malaysian Air Force Base in Subang on 4 May 2023.",
        # carriers in a clause of time: a habit, not who flew
        "The plane landed in Nyala on 4 May 2023, though gunners fire when Kenyan military aircraft fly over.",
    ],
)
def test_no_state_moves_by_a_civil_type_persons_a_base_or_a_habit(text: str) -> None:
    assert all(c.actor is None for c in extract(text).claims)


def test_an_english_state_after_the_verb_is_no_subject() -> None:
    # English puts its mover before the verb: a state after it, but no agent after "by", moves nothing
    text = "A cargo plane landed in Adana on 7 February 2023, a day after the earthquake struck Turkey."
    assert [c.actor for c in extract(text).claims] == [None]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # after a noun the verb finder reads as a verb ("transport"), the forces whose the carriers are still move
        ("Five Il-76 military transport aircraft of the Kenyan Air Force flew to Mombasa on 4 May 2023.", "Kenya"),
        # the agent of a passive verb
        ("Two cargo planes were sent to Mombasa on 4 May 2023 by the Kenyan Air Force.", "Kenya"),
    ],
)
def test_an_english_state_after_the_verb_moves_as_agent_or_owner_of_the_carriers(text: str, actor: str) -> None:
    assert [c.actor for c in extract(text).claims] == [actor]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        # forces known by a proper name with no state's name in it
        ("Two Y-20 aircraft of the People's Liberation Army Air Force landed in Colombo on 4 May 2023.", "China"),
        ("A Luftwaffe A400M landed in Colombo on 4 May 2023.", "Germany"),
        ("Un avion de l'armée de l'Air et de l'Espace a atterri à Larnaca le 4 mai 2023.", "France"),
    ],
)
def test_forces_known_by_a_proper_name_name_their_state(text: str, actor: str) -> None:
    assert [c.actor for c in extract(text).claims] == [actor]
