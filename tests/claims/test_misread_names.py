"""Words next to a place that are no place: a carrier written after the airport it landed at, a state's adjective,
the company that supplied the pictures, and two places where a tracked carrier showed up (sentences written fresh
for these shapes, with places and dates other than the gold corpus's)."""

from __future__ import annotations

import pytest

from liftwatch.claims.model import Claim
from liftwatch.claims.types import find_types
from tests.claims.conftest import place_ids, shape_extract


def extract_claims(text: str) -> list[Claim]:
    return list(shape_extract(text).claims)


def _all_places(text: str) -> set[str]:
    out: set[str] = set()
    for c in extract_claims(text):
        for places in (c.origin, c.via, c.destination):
            out |= place_ids(places)
    return out


def test_a_type_after_the_airport_is_the_carrier() -> None:
    places = _all_places("Вчера приземлившийся во Внуково Ил-76 разгрузили за два часа.")
    assert "UUWW" in places and not any(p.startswith("unknown:") for p in places), places


def test_a_states_adjective_alone_is_no_place() -> None:
    places = _all_places("Two Il-76s landed in Nairobi, French officials said, after a flight from Egypt.")
    assert not any(p.startswith("unknown:") for p in places), places


@pytest.mark.parametrize(
    "text",
    [
        "The tanker Forest arrived in Venezuelan waters on Saturday.",
        "Two Il-76s flew from Egypt and entered Kenyan airspace on Saturday.",
    ],
)
def test_a_states_space_after_its_adjective_is_the_state(text: str) -> None:
    places = _all_places(text)
    assert ("country:VE" in places or "country:KE" in places) and not any(p.startswith("unknown:") for p in places)


@pytest.mark.parametrize(
    "text",
    [
        "Satellite images from Skyfield Analytics show a ship that left Rajin on 3 May.",
        "Des images de Skyfield Analytics montrent un navire parti de Rajin le 3 mai.",
    ],
)
def test_the_supplier_of_pictures_is_no_origin(text: str) -> None:
    assert not any("Skyfield" in p for p in _all_places(text))


@pytest.mark.parametrize(
    "text",
    [
        "An Il-76 left Konya on Monday before it appeared between Crete and Libya.",
        "غادرت طائرة شحن قونية يوم الاثنين قبل أن تظهر بين كريت وليبيا.",
    ],
)
def test_where_a_carrier_appeared_is_no_route(text: str) -> None:
    claims = extract_claims(text)
    assert {i for c in claims for i in place_ids(c.origin)} == {"LTAN"}
    assert "libya" not in {i for c in claims for i in place_ids(c.destination)}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Un Illiouchine-76 militaire russe a atterri à Abéché.", "Il-76"),
        ("Самолёт Илюшин-76 приземлился в Абеше.", "Il-76"),
        ("Deux Toupolev-160 ont atterri à Waterkloof.", "Tu-160"),
    ],
)
def test_the_makers_other_spellings_name_the_type(text: str, label: str) -> None:
    assert [t[2].label for t in find_types(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Two Il-76s landed in Port Sudan on Monday after the talks between Isaac Moreno Duarte and Karl Wendt Halvorsen.",
        "La question a été soulevée lors des négociations entre Isabel Moreno Duarte et Karl Wendt Halvorsen.",
        "Два Ил-76 прибыли в Порт-Судан после переговоров между Исааком Морено и Карлом Вендтом.",
    ],
)
def test_what_is_between_two_parties_is_no_route(text: str) -> None:
    assert not any(p.startswith("unknown:") for p in _all_places(text)), _all_places(text)


def test_a_name_before_a_ships_class_is_the_ship() -> None:
    places = _all_places("The tanker was boarded off Crete by sailors from the Vasco Montiel frigate on Tuesday.")
    assert not any("Montiel" in p for p in places), places


def test_a_nationality_before_a_type_is_the_carrier() -> None:
    places = _all_places("Cargo was unloaded at Hmeimim from an Ethiopian Boeing 777 on Tuesday.")
    assert "hmeimim" in places and not any(p.startswith("unknown:") for p in places), places


def test_an_article_inside_a_name_keeps_the_name_whole() -> None:
    places = _all_places("A Russian Il-76 flew from Dar es Salaam to Hmeimim in March.")
    assert "HTDA" in places, places


@pytest.mark.parametrize(
    "text",
    [
        "Третий самолет прибыл в Хмеймим, сообщило Минобороны в Twitter.",
        "Ил-76 покинул Хмеймим для проведения учений с ВМС Франции, а затем отправился в Моздок.",
    ],
)
def test_a_posting_place_a_body_or_a_sentences_first_word_is_no_place(text: str) -> None:
    places = _all_places(text)
    assert "hmeimim" in places and not any(p.startswith("unknown:") for p in places), places


@pytest.mark.parametrize(
    ("text", "site"),
    [
        ("Un Il-76 russe a atterri au Caire mardi après un vol depuis Hmeimim.", "HECA"),
        ("L'avion a décollé du Caire pour Khartoum.", "HECA"),
    ],
)
def test_a_french_name_whose_article_au_or_du_folds_in(text: str, site: str) -> None:
    assert site in _all_places(text)


@pytest.mark.parametrize(
    "text",
    [
        "В Минске приземлился лайнер Ту-214 с бортовым номером RA-64523.",
        "The Boeing 747 EP-MND flew from Tehran to Beirut on 3 May.",
    ],
)
def test_an_aircraft_registration_is_no_place(text: str) -> None:
    assert not {p for p in _all_places(text) if "-" in p and p.split(":")[-1][:2].isupper()}


@pytest.mark.parametrize(
    "text",
    [
        "The Panama-flagged tanker M/T Jazz anchored in the Gulf of Finland on 30 December.",
        "Танкер M/T Jazz встал на якорь в Финском заливе 30 декабря.",
        "The cargo ship M/V Jazz sailed from Tartus to Novorossiysk on 3 May.",
    ],
)
def test_a_merchant_prefix_is_no_part_of_the_ships_name(text: str) -> None:
    names = {a.ship_name for c in extract_claims(text) for a in c.assets}
    assert names == {"JAZZ"}
