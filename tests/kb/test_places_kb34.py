"""Names of fields the kb holds that running text did not reach: Paris-Charles de Gaulle by Roissy, the French
press's name for it; Brasília by its Russian name, which is one letter from the country's; Zhukovsky (Ramenskoye),
the Emergencies Ministry's home field, whose two Russian names decline like adjectives. Invented phrases.
"""

from __future__ import annotations

from datetime import date

import pytest

from liftwatch import kb
from liftwatch.claims.extract import extract
from liftwatch.claims.scoring import place_keys


@pytest.mark.parametrize(
    "text",
    ["Paris-Roissy Charles de Gaulle", "Paris-Roissy", "Roissy", "Roissy-CDG", "aéroport de Roissy", "Руасси",
     "مطار رواسي"],
)  # fmt: skip
def test_roissy_is_charles_de_gaulle(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("site", "LFPG")


@pytest.mark.parametrize("text", ["Бразилиа", "аэропорт Бразилиа", "برازيليا", "aéroport de Brasilia"])
def test_brasilia_in_russian_is_the_capitals_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "SBBR"


@pytest.mark.parametrize("text", ["Бразилия", "Бразилию", "Бразилии"])
def test_brazil_in_russian_stays_the_country(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("country", "country:BR")


@pytest.mark.parametrize(
    "text",
    ["Жуковский", "аэродром Раменское", "Раменское", "Zhukovsky International Airport", "Ramenskoye",
     "aéroport de Joukovski", "مطار جوكوفسكي"],
)  # fmt: skip
def test_zhukovsky_and_ramenskoye_are_one_field(text: str) -> None:
    ref = kb.resolve_place(text, carrier="air")
    assert (ref.kind, ref.id) == ("site", "UUBW")
    assert kb.site("UUBW").country == "RU"


def _ends(text: str) -> list[tuple[set[str], set[str]]]:
    claims = extract(text, date(2025, 3, 1), use_model=False).claims
    return [
        (set().union(*(place_keys(p) for p in c.origin)), set().union(*(place_keys(p) for p in c.destination)))
        for c in claims
    ]


@pytest.mark.parametrize(
    "text",
    ["Спасатели МЧС вылетели с аэродрома Раменское в Бейрут.", "Ил-76 МЧС вылетел из аэропорта Жуковский в Бейрут."],
)
def test_a_flight_from_the_fields_adjective_names(text: str) -> None:
    assert any("UUBW" in origin for origin, _ in _ends(text))


def test_a_flight_to_brasilia_in_russian() -> None:
    assert any("SBBR" in dest for _, dest in _ends("Самолёт Ил-96 вылетел из Москвы и приземлился в Бразилиа."))


def test_a_flight_to_roissy() -> None:
    ends = _ends("Le premier A330 de rapatriés a atterri à Roissy vendredi soir.")
    assert any("LFPG" in dest for _, dest in ends)
