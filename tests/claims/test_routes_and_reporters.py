"""Mechanisms of the round that diagnosed the misses of the two latest blind sets before fitting, each tested on
sentences written for it (other carriers, places and wordings than the gold corpus): a round trip told once is
two legs, a dashed route after a route noun gives its roles, reporters named by their nationality are not the
mover, Iran and the United Kingdom as movers, airlines with "Air" inside their name, and the 747 by its number.
"""

from __future__ import annotations

import pytest

from liftwatch.claims import extract
from tests.claims.conftest import one_claim, place_ids, shape_extract

# --- a round trip told once is two legs ----------------------------------------------------------------


def _legs(text: str) -> list[tuple[frozenset[str], frozenset[str]]]:
    ex = shape_extract(text)
    return [(frozenset(place_ids(c.origin)), frozenset(place_ids(c.destination))) for c in ex.claims]


@pytest.mark.parametrize(
    "text",
    [
        "Last week two Il-76 made three flights on the route Hmeimim - Al-Khadim and back.",
        "An An-124 flew from Hmeimim to Al-Khadim and back on Monday.",
        "Un Il-76 a effectué deux allers-retours entre Hmeimim et Al-Khadim la semaine dernière.",
        "Ил-76 совершил два рейса из Хмеймима в Аль-Хадим и обратно.",
    ],
)
def test_round_trip_is_two_legs(text: str) -> None:
    legs = _legs(text)
    assert len(legs) == 2, legs
    (o1, d1), (o2, d2) = legs
    assert (o1, d1) == (d2, o2) and o1 and d1


def test_round_trip_keeps_its_count_on_both_legs() -> None:
    ex = shape_extract("Last week an Il-76 made three flights on the route Hmeimim - Al-Khadim and back.")
    assert [(c.min_count, c.max_count) for c in ex.claims] == [(3, 3), (3, 3)]


def test_circular_dashed_route_is_a_round_trip() -> None:
    legs = _legs("Сухогруз «Ладога» завершил рейс Новороссийск – Тартус – Новороссийск в начале мая.")
    assert len(legs) == 2
    (o1, d1), (o2, d2) = legs
    assert "novorossiysk" in o1 and "tartus" in d1 and (o2, d2) == (d1, o1)


def test_one_way_flight_stays_one_leg() -> None:
    assert len(_legs("An An-124 flew from Hmeimim to Al-Khadim on Monday and came back empty-handed.")) <= 2
    assert len(_legs("An An-124 flew from Hmeimim to Al-Khadim on Monday.")) == 1


def test_back_to_a_place_is_no_round_trip_marker() -> None:
    # "and back to X" names the return's own destination: the return-leg rule handles it, not a mirror copy
    legs = _legs("An Il-76 flew from Hmeimim to Al-Khadim and back to Hmeimim two days later.")
    assert len(legs) <= 2


def test_dashed_route_after_a_route_noun_gives_origin_and_destination() -> None:
    c = one_claim("A cargo Il-76 flew the route Hmeimim - Al-Khadim twice on Friday.")
    assert place_ids(c.origin) == {"hmeimim"} and place_ids(c.destination) == {"al-khadim"}


# --- reporters named by their nationality are not the mover --------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Turkish observers said a cargo Il-76 landed at Al-Khadim on Monday.",
        "Selon des observateurs turcs, un Il-76 a atterri à Al-Khadim lundi.",
        "Турецкие наблюдатели сообщили, что Ил-76 прилетел в Хмеймим из Аль-Хадима.",
    ],
)
def test_nationality_of_the_reporters_is_not_the_actor(text: str) -> None:
    assert one_claim(text).actor != "Turkey"


def test_reporters_nationality_leaves_the_real_mover() -> None:
    assert one_claim("Turkish monitors said Russian Il-76 jets landed at Al-Khadim on Monday.").actor == "Russia"


# --- Iran and the United Kingdom as movers ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Iranian cargo planes flew from Hmeimim to Al-Khadim on 3 May.",
        "هبطت طائرة شحن إيرانية في قاعدة حميميم يوم الاثنين.",
        "Иранский Ил-76 приземлился в Хмеймиме в понедельник.",
        "Un avion cargo iranien s'est posé à Hmeimim lundi.",
    ],
)
def test_iran_moves(text: str) -> None:
    assert one_claim(text).actor == "Iran"


def test_the_royal_air_force_is_the_united_kingdom() -> None:
    assert one_claim("An RAF A400M landed at Al-Khadim on Tuesday.").actor == "United Kingdom"


def test_british_alone_names_no_mover() -> None:
    # the adjective is left out, as for the United States: "British officials" or "British-made" move nothing
    assert one_claim("A cargo Il-76 carrying British-made vehicles landed at Al-Khadim.").actor != "United Kingdom"


# --- airlines with "Air" inside their name, and the 747 by its number --------------------------------------


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("A Pouya Air Kish cargo plane landed at Hmeimim on Sunday.", "Pouya Air Kish"),
        ("An Air Algerie Cargo flight landed at Al-Khadim on Sunday.", "Air Algerie Cargo"),
    ],
)
def test_airline_with_air_inside_its_name_is_the_actor(text: str, actor: str) -> None:
    assert one_claim(text).actor == actor


def test_an_air_force_is_no_airline() -> None:
    assert one_claim("A Libyan Air Force Il-76 landed at Al-Khadim on Sunday.").actor != "Libyan Air Force"


@pytest.mark.parametrize(
    "text",
    ["A cargo 747 left Hmeimim for Al-Khadim on Monday.", "The 747 flew from Hmeimim to Al-Khadim on Monday."],
)
def test_the_747_by_its_number(text: str) -> None:
    assert [a.label for a in one_claim(text).assets] == ["Boeing 747"]


def test_a_number_747_that_is_no_aircraft() -> None:
    # a count or a flight number is not the jet
    assert all(a.label != "Boeing 747" for a in one_claim("Flight 747 of an Il-76 landed at Al-Khadim.").assets)


# --- a ship's place the kb knows only as an airport is the city ------------------------------------------


def test_ship_to_a_city_known_by_its_one_airport_goes_to_its_port() -> None:
    # Port Said has one kb airfield and a kb port: a frigate calls at the port, not at the airport (a city
    # with no kb port is the city: Havana below)
    c = one_claim("The Russian frigate Admiral Kasatonov arrived in Port Said on Wednesday.")
    assert place_ids(c.destination) == {"port-said-port"}


def test_aircraft_to_the_same_city_stays_at_its_airport() -> None:
    assert place_ids(one_claim("A Russian Il-96 landed in Port Said on Wednesday.").destination) == {"HEPS"}


@pytest.mark.parametrize(
    "text",
    [
        "The Russian frigate Admiral Kasatonov arrived in Havana on Wednesday.",
        "Фрегат «Адмирал Касатонов» прибыл в Гавану в среду.",
        "وصلت الفرقاطة الروسية أدميرال كاساتونوف إلى هافانا يوم الأربعاء.",
    ],
)
def test_ship_to_havana_goes_to_its_port(text: str) -> None:
    # the city of Havana's airfields until the kb gained Havana Harbor; a ship's Havana is now the port
    assert place_ids(one_claim(text).destination) == {"havana-port"}


def test_ship_to_a_named_airport_keeps_the_airport() -> None:
    # the text itself says airport: what it says is kept, even for a ship
    c = one_claim("The cargo ship Sparta IV sailed to Hmeimim airport on Wednesday.")
    assert "city:latakia" not in place_ids(c.destination)


# --- an article's several dates are no window for a claim its sentence does not date ---------------------


def test_undated_claim_in_an_article_of_dates_weeks_apart_gives_no_window() -> None:
    ex = shape_extract(
        "The frigate left Sevastopol on 2 March. It had been repaired in January.\n\n"
        "An Il-76 flew from Hmeimim to Al-Khadim."
    )
    undated = [c for c in ex.claims if any("Il-76" in s for s in c.sentences)]
    assert undated and all(not c.window_source.startswith(("sentence", "article")) for c in undated)
    assert all(c.window is not None for c in undated)  # still a range to search the data in


def test_undated_claim_in_an_article_of_one_date_is_undated() -> None:
    ex = shape_extract("On 2 March the frigate left Sevastopol.\n\nAn Il-76 flew from Hmeimim to Al-Khadim.")
    undated = [c for c in ex.claims if any("Il-76" in s for s in c.sentences)]
    # the article's one date is the frigate's: the Il-76's flight happened by the report, no date of its own
    assert undated and undated[0].window_source.startswith("no date in the text")


# --- French words that say what kind of place follows are filler between a cue and its place -------------


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo russe a appareillé lundi en route pour la ville portuaire syrienne de Tartous.",
        "Un Il-76 s'est posé mardi sur la base aérienne militaire de Hmeimim.",
    ],
)
def test_french_place_kind_words_keep_the_cue(text: str) -> None:
    c = one_claim(text)
    assert place_ids(c.destination) & {"tartus", "tartus-port", "hmeimim"}


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        ("A Russian Il-76 left Orly for Toulouse on 3 May 2024.", "LFPO", "LFBO"),
        ("The cargo ship Sparta IV sailed from Tartus for Tobruk on 3 May 2024.", "tartus", "tobruk-port"),
    ],
)
def test_left_a_place_for_another(text: str, origin: str, destination: str) -> None:
    assert [([p.id for p in c.origin], [p.id for p in c.destination]) for c in extract(text).claims] == [
        ([origin], [destination])
    ]
