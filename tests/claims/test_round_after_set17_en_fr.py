"""The English and French shapes the round after set 17 reads, each tested on sentences written fresh for it:
strategic bombers as kb types, a next stop told with "then" and no preposition, a country described by what
befell it or where it lies ("war-torn", "neighbouring"), and a state's bases named by its adjective.
"""

from __future__ import annotations

import pytest

from liftwatch.claims.types import find_types
from tests.claims.conftest import one_claim, place_ids, shape_extract

# --- bombers are kb types -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Four B-52H bombers", "B52"),
        ("a B-52 Stratofortress", "B52"),
        ("two B-1B Lancers", "B1"),
        ("a pair of B-2 Spirit bombers", "B2"),
        ("deux bombardiers B-52 américains", "B52"),
    ],
)
def test_strategic_bombers_are_types(text: str, code: str) -> None:
    assert {k.type_code for _, _, k in find_types(text)} == {code}


def test_a_bayraktar_is_no_b2() -> None:
    assert [k.type_code for _, _, k in find_types("a Bayraktar TB2 drone")] == []


def test_a_bomber_deployment_has_its_carrier_and_both_ends() -> None:
    c = one_claim("Three B-1B bombers deployed from Ellsworth Air Force Base to Misawa Air Base in Japan on Monday.")
    assert [a.label for a in c.assets] == ["B-1"]
    assert c.origin and c.destination


# --- "to X, then Y": the next stop needs no preposition of its own ------------------------------------------


@pytest.mark.parametrize(
    ("text", "via", "dest"),
    [
        ("The tankers flew from Mildenhall to Germany, then Qatar, ahead of the exercise.", "country:DE", "country:QA"),
        ("The cargo plane flew to Egypt and then Sudan with tents on board.", "country:EG", "country:SD"),
        ("L'avion a décollé de Marseille vers l'Égypte, puis le Soudan, avec des tentes.", "country:EG", "country:SD"),
    ],
)
def test_a_next_stop_after_then_is_the_goal(text: str, via: str, dest: str) -> None:
    c = one_claim(text)
    assert place_ids(c.via) == {via}, c
    assert place_ids(c.destination) == {dest}, c


def test_a_place_after_and_the_shares_the_role() -> None:
    c = one_claim("The air force sent two tankers to Germany and the Middle East.")
    assert "country:DE" in place_ids(c.destination) and len(c.destination) == 2, c


def test_then_after_a_place_and_a_verb_is_no_stop() -> None:
    # "then" before a verb starts a clause of its own: the name after the verb is no continuation of the list
    claims = shape_extract("The plane landed in Egypt, then Cairo airport officials said it would stay.").claims
    assert all("country:EG" in place_ids(c.destination) or not c.destination for c in claims)


# --- a country described by what befell it or where it lies ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Two navy ships evacuated 900 people from war-torn Lebanon to Cyprus.", "country:LB"),
        ("The aircraft flew 300 nationals from strife-torn Sudan to Jeddah.", "country:SD"),
        ("The cargo plane flew from neighbouring Chad to Libya.", "country:TD"),
    ],
)
def test_a_described_country_keeps_its_cue(text: str, origin: str) -> None:
    assert place_ids(one_claim(text).origin) == {origin}


def test_a_verb_after_a_cue_still_breaks_the_link() -> None:
    claims = shape_extract("The transport plane flew to help quake-stricken residents of Turkey.").claims
    assert all(not c.destination for c in claims), claims


# --- a state's bases named by its adjective -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin", "dest"),
    [
        ("Military cargo flights took off from Turkish bases to western Libya.", "country:TR", "western-libya"),
        ("The two landing ships were sent to Syria from their Russian bases.", "russia", "syria"),
        ("The cargo ships left Iranian ports for Venezuela.", "country:IR", "country:VE"),
        ("Les avions-cargos ont décollé depuis des bases aériennes russes vers la Libye.", "russia", "libya"),
    ],
)
def test_bases_named_by_their_state_are_the_state(text: str, origin: str, dest: str) -> None:
    c = one_claim(text)
    assert place_ids(c.origin) == {origin}, c
    assert place_ids(c.destination) == {dest}, c


@pytest.mark.parametrize(
    "text",
    [
        "US bombers flew from American bases in Germany to Qatar.",
        "The plane took off from the Russian base at Hmeimim for Libya.",
        "L'avion a décollé de la base russe de Hmeimim vers la Libye.",
    ],
)
def test_a_base_placed_by_the_text_is_that_place_not_the_state(text: str) -> None:
    ids = {i for c in shape_extract(text).claims for i in place_ids(c.origin)}
    assert "country:US" not in ids and "russia" not in ids, ids
    assert ids, text


def test_a_lower_case_english_adjective_is_no_state() -> None:
    c = one_claim("The flight left turkish bases behind and landed in Libya.")
    assert "country:TR" not in place_ids(c.origin)


# --- a date between the verb and its place ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Quarante soldats français ont quitté le 3 mars Niamey à bord d'un Airbus A330.", "DRRN"),
        ("The Il-76 took off on 14 May from Benghazi with crates on board.", "benina"),
    ],
)
def test_a_date_between_the_verb_and_the_place_keeps_the_cue(text: str, origin: str) -> None:
    assert origin in place_ids(one_claim(text).origin)


def test_a_state_soil_is_the_state() -> None:
    c = one_claim("Le dernier contingent français a quitté le sol nigérien le 22 décembre.")
    assert place_ids(c.origin) == {"country:NE"}, c


# --- French ships named after what they do, and ships named first with their class in apposition -------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Le destroyer lance-missiles Harbin et le navire ravitailleur Poyanghu ont quitté Djibouti.",
            ["Harbin", "Poyanghu"],
        ),
        ("La frégate anti-sous-marine Latouche-Tréville a accosté à Limassol.", ["Latouche-Tréville"]),
        ("Le porte-hélicoptères amphibie Mistral a appareillé de Toulon vers le Liban.", ["Mistral"]),
        ("Le navire de débarquement de classe Ropucha Novotcherkassk a accosté à Tartous.", ["Novotcherkassk"]),
    ],
)
def test_a_french_ship_named_after_its_role(text: str, names: list[str]) -> None:
    labels = [a.label for c in shape_extract(text).claims for a in c.assets]
    assert all(n in labels for n in names), labels


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Selon la presse, le Sabalan, un navire de ravitaillement, a quitté Djibouti mardi pour Port-Soudan.",
            "Sabalan",
        ),
        ("The Zagros, a surveillance ship, left Djibouti on Monday for Port Sudan.", "Zagros"),
    ],
)
def test_a_ship_named_before_its_class_in_apposition(text: str, name: str) -> None:
    assert name in [a.label for a in one_claim(text).assets]


def test_a_verb_after_a_french_ship_noun_is_no_name() -> None:
    labels = [a.label for c in shape_extract("Le navire est arrivé à Tartous mardi.").claims for a in c.assets]
    assert labels == ["ship"], labels


# --- where the carriers' unit is based, and a base's address -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Two KC-135 tankers from the 100th Air Refueling Wing at RAF Mildenhall flew to Incirlik Air Base.", "EGUN"),
        ("F-15E jets of the 48th Fighter Wing based at Lakenheath landed in Jordan on Monday.", "EGUL"),
    ],
)
def test_the_units_home_base_is_the_origin(text: str, origin: str) -> None:
    assert origin in place_ids(one_claim(text).origin)


def test_a_base_with_its_state_after_a_comma_is_one_origin() -> None:
    c = one_claim("Two B-1B bombers deployed to Moron Air Base from Grissom Air Force Base, Indiana, on Monday.")
    assert [p.text for p in c.origin] == ["Grissom Air Force Base"], c.origin
