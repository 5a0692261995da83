"""Names the kb did not reach in the press of four languages: Surčin and Pristina in Russian, Sal and Gran Canaria by
their islands, Camp Lemonnier, El Aouina in Arabic, Alexandra Land's polar airfield; for a ship Zeebrugge in Russian,
Annaba, Nouadhibou, Sanya and Port Rashid in Arabic, Lüshun spelt with a v; Sverdlovsk Oblast as the group of its
fields. And the names left out because they name two places."""

from __future__ import annotations

from typing import Literal

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError

Carrier = Literal["air", "sea"] | None


@pytest.mark.parametrize("text", ["Сурчин", "аэропорт Сурчин", "Surčin"])
def test_surcin_is_belgrades_nikola_tesla_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "LYBE"


@pytest.mark.parametrize("carrier", [None, "air"])
def test_pristina_in_russian_is_its_airport(carrier: Carrier) -> None:
    assert kb.resolve_place("Приштина", carrier=carrier).id == "BKPR"


@pytest.mark.parametrize("text", ["Sal Island", "Ilha do Sal", "île de Sal"])
def test_sal_island_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "GVAC"


def test_the_bare_word_sal_stays_no_airport() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Sal", carrier="air")


@pytest.mark.parametrize("text", ["Grande Canarie", "aéroport de Grande Canarie"])
def test_gran_canaria_in_french_is_its_airport(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "GCLP"


def test_camp_lemonnier_is_djiboutis_airfield_for_an_aircraft() -> None:
    assert kb.resolve_place("Camp Lemonnier", carrier="air").id == "HDAM"


@pytest.mark.parametrize("text", ["العوينة", "القاعدة العسكرية بالعوينة", "قاعدة العوينة"])
def test_el_aouina_in_arabic_is_tunis_carthages_air_base(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "DTTA"


@pytest.mark.parametrize("text", ["Alexandra Land", "Земля Александры"])
def test_alexandra_land_is_nagurskoye(text: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == "UODN"


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("Зебрюгге", "wpi-31280"),
        ("ميناء عنابة", "wpi-45490"),
        ("عنابة", "wpi-45490"),
        ("ميناء نواذيبو", "wpi-45812"),
        ("نواذيبو", "wpi-45812"),
        ("سانيا", "wpi-57816"),
        ("ميناء سانيا", "wpi-57816"),
        ("Lvshun", "wpi-60240"),
        ("مرفأ راشد", "port-rashid"),
    ],
)
def test_a_ships_port_by_its_other_names(text: str, port: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == port


@pytest.mark.parametrize(("text", "airport"), [("عنابة", "DABB"), ("نواذيبو", "GQPP")])
def test_the_same_arabic_town_names_are_airports_for_an_aircraft(text: str, airport: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == airport


@pytest.mark.parametrize("text", ["Свердловская область", "Свердловской области", "Sverdlovsk Oblast"])
def test_sverdlovsk_oblast_is_the_group_of_its_fields(text: str) -> None:
    ref = kb.resolve_place(text)
    assert ref.id == "sverdlovsk-oblast"
    assert "USSS" in ref.site_ids


@pytest.mark.parametrize("text", ["Wilson Airport", "Port of San Pedro"])
def test_names_of_two_places_stay_ambiguous(text: str) -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place(text, carrier="air" if "Airport" in text else "sea")
