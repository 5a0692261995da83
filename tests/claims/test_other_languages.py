"""What the real recordings' claims, told in French, Russian and Arabic, first missed: a state named by the
adjective of its forces or of a military carrier, forms of leaving, airports after their town, romanised names,
and ship names after the class nouns of those languages."""

from __future__ import annotations

import pytest

from liftwatch.claims import extract
from liftwatch.claims.known_movers import state_forces


def _claims(text: str) -> list[tuple[str | None, list[str | None], list[str | None]]]:
    return [
        (c.actor, [p.id or p.text for p in c.origin], [p.id or p.text for p in c.destination])
        for c in extract(text).claims
    ]


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Un avion militaire égyptien a atterri à Mogadiscio le 3 mai 2024.", "Egypt"),
        ("Un navire de guerre algérien a accosté à Tartous le 3 mai 2024.", "Algeria"),
        ("Un navire de la marine algérienne a accosté à Tartous le 3 mai 2024.", "Algeria"),
        ("Un avion ravitailleur de l'armée de l'Air française a décollé d'Istres le 30 juin 2020.", "France"),
        ("Un C-17 Globemaster III de l’Armée de l’Air américaine a quitté Niamey le 7 juin 2024.", "United States"),
        ("Египетский военный самолёт приземлился в Могадишо 3 мая 2024 года.", "Egypt"),
        ("Самолёт египетских ВВС приземлился в Могадишо 3 мая 2024 года.", "Egypt"),
        ("Французские ВВС перебросили A400M в Ниамей 3 марта 2021 года.", "France"),
        ("هبطت طائرة عسكرية مصرية في مقديشو يوم 3 مايو 2024.", "Egypt"),
        ("وصلت سفينة حربية جزائرية إلى ميناء طرطوس يوم 3 مايو 2024.", "Algeria"),
    ],
)
def test_a_military_carrier_of_a_state_named_by_its_adjective_is_the_state_s(text: str, actor: str) -> None:
    assert [a for a, _, _ in _claims(text)] == [actor]


@pytest.mark.parametrize(
    "text",
    [
        "Un expert militaire égyptien a déclaré que le ciel était calme.",  # a person, no carrier
        "en vue d'une livraison aux Forces armées centrafricaines",  # the receiver
        "le commandement de la région navale centrale de la Marine algérienne",  # whose command, not a mover
        "Снимок сделан португальскими ВВС 2 января.",  # the agent of a photograph (instrumental)
        "Самолёты передали египетским ВВС.",  # the receiver (dative)
        "Турецкий военный эксперт сообщил об этом.",  # a person
    ],
)
def test_an_adjective_that_names_no_moving_carrier_is_no_mover(text: str) -> None:
    assert state_forces(text) == []


@pytest.mark.parametrize(
    ("text", "origin", "destination"),
    [
        # an elided preposition stands right before the name ("d'Istres", "d'Hmeimim")
        ("Un avion ravitailleur a décollé d'Istres le 30 juin 2020.", ["LFMI"], []),
        ("Un avion ravitailleur a décollé d'Hmeimim le 30 juin 2020.", ["hmeimim"], []),
        ("Deux Il-76 en provenance d'Abidjan ont atterri à Bamako.", ["DIAP"], ["bamako"]),
        ("Un avion est parti d'Istres le 30 juin 2020.", ["LFMI"], []),
        # the unprefixed Russian "to fly" in its finite forms
        ("Самолёты ВМС США летали из Сан-Диего на авианосец 14 сентября 2020 года.", ["KSAN"], []),
        ("Самолёт летал из Хмеймима в Бенгази 14 сентября 2020 года.", ["hmeimim"], ["benina"]),
    ],
)
def test_french_and_russian_forms_of_leaving(text: str, origin: list[str], destination: list[str]) -> None:
    assert [(o, d) for _, o, d in _claims(text)] == [(origin, destination)]


def test_years_summers_and_pilots_are_no_flight() -> None:
    assert _claims("За 10 лет в Бенгази построили аэропорт.") == []
    assert _claims("Лётчики из Бенгази отдыхали летом.") == []


@pytest.mark.parametrize(
    ("text", "destination"),
    [
        # a city of one airfield with no port in the kb: the ship's port is unknown, not the city's airport (Tunis was
        # the example until the World Port Index tier gave its port)
        ("La frégate est arrivée à Niamey le 3 mai 2024.", (None, "unknown")),
        ("The frigate arrived in Niamey on 3 May 2024.", (None, "unknown")),
        # a city of one airfield whose port the World Port Index lists: that port
        ("La frégate est arrivée à Tunis le 3 mai 2024.", ("wpi-45430", "site")),
        ("The frigate arrived in Tunis on 3 May 2024.", ("wpi-45430", "site")),
        # one whose port the kb has: the port (Algiers was the example above until the kb gained its port)
        ("La frégate est arrivée à Alger le 3 mai 2024.", ("algiers-port", "site")),
        ("The frigate arrived in Algiers on 3 May 2024.", ("algiers-port", "site")),
        # a city of several airfields whose port the kb has: the port (Havana was the city's fields until the kb
        # gained Havana Harbor)
        ("The frigate arrived in Havana on 3 May 2024.", ("havana-port", "site")),
        ("Фрегат прибыл в Гавану 3 мая 2024 года.", ("havana-port", "site")),
        # a city the gazetteer reads as a city of several fields, whose port the kb has: the ship's is the port
        ("The cargo ship arrived in St Petersburg on 3 May 2024.", ("st-petersburg-port", "site")),
        ("وصلت السفينة إلى ميناء سان بطرسبورغ في 3 مايو 2024.", ("st-petersburg-port", "site")),
    ],
)
def test_a_ship_s_city_without_a_kb_port(text: str, destination: tuple[str | None, str]) -> None:
    (claim,) = extract(text).claims
    assert [(p.id, p.kind) for p in claim.destination] == [destination]


def test_an_aircraft_s_city_stays_the_city() -> None:
    # its airfield untold, a flight's city is the city's fields, not the one port or base among them
    (claim,) = extract("An Il-76 flew from St Petersburg to Hmeimim on 3 May 2024.").claims
    assert [p.id for p in claim.origin] == ["city:st. petersburg"]


@pytest.mark.parametrize(
    "text",
    ["Самолёт вылетел из аэропорта Лидд 17 апреля 2020 года.", "Самолёт вылетел из Лидда 17 апреля 2020 года."],
)
def test_a_romanised_name_that_sounds_like_the_kb_s_spelling(text: str) -> None:
    # "Лидд" romanises to "lidd": Lydd (EGMD) by sound and consonants, not Lleida ("lidda" folds like "lleida")
    assert [o for _, o, _ in _claims(text)] == [["EGMD"]]


def test_an_airport_written_after_its_town_is_the_airport() -> None:
    from liftwatch import kb

    assert kb.resolve_place("Roissy-Charles-de-Gaulle").id == "LFPG"
    assert kb.resolve_place("Paris-Charles de Gaulle").id == "LFPG"
    assert [d for _, _, d in _claims("Deux Il-76 ont atterri à Roissy-Charles-de-Gaulle le 3 mai 2024.")] == [["LFPG"]]


def test_an_arabic_name_does_not_run_on_into_the_verb_of_its_movement() -> None:
    # "من مطار أورلي متجهة إلى": the airport's name is one word, "متجهة" (heading) starts the next phrase
    (claim,) = extract("أقلعت طائرة من مطار أورلي متجهة إلى تولوز في 7 أكتوبر 2021.").claims
    assert [p.text for p in claim.origin] == ["أورلي"]


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo Asian Dynasty a accosté à Tartous le 11 janvier 2023.",  # French "cargo" alone is a ship
        "Грузовое судно Asian Dynasty 11 января 2023 года пришвартовалось в Тартусе.",  # "11" is the date's day
        "رست سفينة الشحن Asian Dynasty في ميناء طرطوس يوم 11 يناير 2023.",  # a Latin name after an Arabic noun
    ],
)
def test_a_ship_s_latin_name_after_the_class_noun_of_any_language(text: str) -> None:
    (claim,) = extract(text).claims
    assert [a.text for a in claim.assets] == ["Asian Dynasty"]


def test_an_aircraft_after_a_french_cargo_is_no_ship() -> None:
    (claim,) = extract("Le fret est arrivé par un cargo Il-76 à Hmeimim le 3 mai 2024.").claims
    assert [a.domain for a in claim.assets if a.text == "Il-76"] == ["air"]  # never a ship named "Il-76"
    assert {a.domain for a in claim.assets} == {"air"}  # nor a cargo ship beside it


@pytest.mark.parametrize(
    "text",
    [
        "Le cargo Sparta IV a quitté Tartous le 3 mai 2024.",
        "Le 3 mai 2024, un cargo russe a quitté Tartous.",
    ],
)
def test_a_french_cargo_before_a_ship_name_or_alone_is_a_ship(text: str) -> None:
    (claim,) = extract(text).claims
    assert {a.domain for a in claim.assets} == {"sea"}


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("30 июня 2020 года самолёт-заправщик ВВС Франции вылетел с авиабазы Истр.", "LFMI"),  # Istres
        ("7 октября 2021 года самолёт вылетел из Орли в Тулузу.", "LFBO"),  # Toulouse
        ("Самолёт вылетел в Орлеан 3 мая 2024 года.", "LFOJ"),  # Orléans
    ],
)
def test_a_french_name_russian_writes_by_sound(text: str, site: str) -> None:
    ids = [p.id for c in extract(text).claims for p in (*c.origin, *c.destination)]
    assert site in ids


def test_french_spellings_are_only_proposed_for_one_word() -> None:
    from liftwatch.claims.translit import french_spellings

    assert "toulouse" in french_spellings("tuluza") and "istres" in french_spellings("istr")
    assert french_spellings("nort-aylend") == [] and french_spellings("ab") == []
