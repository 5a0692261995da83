"""The places held-out set 22's notes named: the ports of Rhodes, Iskenderun, Alexandroupoli, Antwerp, Valencia,
Ravenna, Berbera and Mersin, Libya's Ras al-Hilal, and the Russian, Arabic and French spellings of places the kb held
("Шатору", "سيفيروموسك", "ميناء بالتيسك", "минский аэропорт", "Baranovitchi"). Invented phrases, one or more per place
and script.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError

PORTS = {
    "rhodes-port": "GR",
    "iskenderun-port": "TR",
    "ras-al-hilal-port": "LY",
    "alexandroupoli-port": "GR",
    "antwerp-port": "BE",
    "valencia-port": "ES",
    "ravenna-port": "IT",
    "berbera-port": "SO",
    "mersin-port": "TR",
}


@pytest.mark.parametrize(
    ("text", "carrier", "site_id"),
    [("port of Rhodes", None, "rhodes-port"), ("Rhodes port", None, "rhodes-port"),
     ("port de Rhodes", None, "rhodes-port"), ("ميناء رودس", None, "rhodes-port"), ("порт Родос", None, "rhodes-port"),
     ("Rhodes", "sea", "rhodes-port"), ("Родос", "sea", "rhodes-port"), ("رودس", "sea", "rhodes-port"),
     ("Port of Iskenderun", None, "iskenderun-port"), ("Iskenderun port", None, "iskenderun-port"),
     ("port d'Iskenderun", None, "iskenderun-port"), ("ميناء الإسكندرونة", None, "iskenderun-port"),
     ("порт Искендерун", None, "iskenderun-port"), ("Iskenderun", "sea", "iskenderun-port"),
     ("Искендерун", "sea", "iskenderun-port"), ("الإسكندرونة", "sea", "iskenderun-port"),
     ("Ras al-Hilal", None, "ras-al-hilal-port"), ("Ras Al Hilal", "sea", "ras-al-hilal-port"),
     ("رأس الهلال", None, "ras-al-hilal-port"), ("Рас эль-Халил", None, "ras-al-hilal-port"),
     ("port de Ras al-Hilal", None, "ras-al-hilal-port"),
     ("port of Alexandroupoli", None, "alexandroupoli-port"), ("Alexandroupoli", "sea", "alexandroupoli-port"),
     ("Alexandroupolis", "sea", "alexandroupoli-port"), ("port d'Alexandroupolis", None, "alexandroupoli-port"),
     ("ميناء ألكسندروبولي", None, "alexandroupoli-port"), ("порт Александруполис", None, "alexandroupoli-port"),
     ("Port of Antwerp", None, "antwerp-port"), ("Antwerp", "sea", "antwerp-port"), ("port d'Anvers", None, "antwerp-port"),
     ("Anvers", "sea", "antwerp-port"), ("ميناء أنتويرب", None, "antwerp-port"), ("порт Антверпен", None, "antwerp-port"),
     ("Port of Valencia", None, "valencia-port"), ("Valencia", "sea", "valencia-port"),
     ("port de Valence", None, "valencia-port"), ("ميناء فالنسيا", None, "valencia-port"),
     ("порт Валенсия", None, "valencia-port"),
     ("Port of Ravenna", None, "ravenna-port"), ("Ravenna", "sea", "ravenna-port"), ("port de Ravenne", None, "ravenna-port"),
     ("ميناء رافينا", None, "ravenna-port"), ("порт Равенна", None, "ravenna-port"),
     ("Port of Berbera", None, "berbera-port"), ("Berbera", "sea", "berbera-port"), ("port de Berbera", None, "berbera-port"),
     ("ميناء بربرة", None, "berbera-port"), ("بربرة", "sea", "berbera-port"), ("порт Бербера", None, "berbera-port"),
     ("Mersin", None, "mersin-port"), ("Mersin", "sea", "mersin-port"), ("port de Mersin", None, "mersin-port"),
     ("مرسين", None, "mersin-port"), ("ميناء مرسين", None, "mersin-port"), ("Мерсин", None, "mersin-port"),
     ("порт Мерсин", None, "mersin-port")],
)  # fmt: skip
def test_kb24_ports(text: str, carrier: str | None, site_id: str) -> None:
    ref = kb.resolve_place(text, carrier=carrier)  # type: ignore[arg-type]
    assert (ref.kind, ref.id) == ("site", site_id)


def test_the_new_ports_have_the_kind_and_country_they_need() -> None:
    assert {sid: (kb.site(sid).kind, kb.site(sid).country) for sid in PORTS} == {
        sid: ("port", cc) for sid, cc in PORTS.items()
    }


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Iskenderun", "LTAK"), ("Искендерун", "LTAK"), ("Alexandroupolis", "LGAL"), ("Alexandroupoli", "LGAL"),
     ("Antwerp", "EBAW"), ("Anvers", "EBAW"), ("Ravenna", "LIDR"), ("Равенна", "LIDR"), ("Berbera", "HCMI"),
     ("بربرة", "HCMI")],
)  # fmt: skip
def test_a_port_citys_bare_name_or_an_aircrafts_stays_its_airport(text: str, site_id: str) -> None:
    """The port is a ship's reading of the city; without a carrier or for an aircraft the city is its airport, like
    Gabès and Sfax."""
    assert kb.resolve_place(text).id == site_id
    assert kb.resolve_place(text, carrier="air").id == site_id


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("port of Iskenderun", "LTAK"), ("port of Antwerp", "EBAW"), ("port of Berbera", "HCMI"),
     ("port of Alexandroupoli", "LGAL")],
)  # fmt: skip
def test_an_aircrafts_reading_of_a_port_is_its_towns_airfield(text: str, site_id: str) -> None:
    assert kb.resolve_place(text, carrier="air").id == site_id


@pytest.mark.parametrize("text", ["Rhodes", "Родос", "رودس", "Rodos"])
def test_rhodes_is_the_greek_island_never_the_kansas_strip(text: str) -> None:
    """The airport table's "Rhodes Airfield" (4KS4) is at Winfield, Kansas; the island's names are Diagoras (LGRP)
    for an aircraft, and "port of Rhodes" had reached the Kansas strip by its name's key."""
    ref = kb.resolve_place(text)
    assert "4KS4" not in ref.site_ids
    assert "LGRP" in kb.resolve_place(text, carrier="air").site_ids
    assert kb.resolve_place("port of Rhodes").id == "rhodes-port"
    assert kb.resolve_place("Rhodes Airfield").id == "4KS4"


def test_valencia_stays_spains_airport_unless_a_ship() -> None:
    assert kb.resolve_place("Валенсия").id == "LEVC"
    assert kb.resolve_place("Arturo Michelena International Airport").id == "SVVA"


def test_mersin_is_no_longer_malaysias_mersing() -> None:
    assert kb.resolve_place("Mersin").id == "mersin-port"
    assert kb.resolve_place("Mersing").id == "WMAU"


@pytest.mark.parametrize("text", ["Mersin", "Мерсин", "Ras al-Hilal", "رأس الهلال"])
def test_a_port_town_with_no_airfield_is_unknown_for_an_aircraft(text: str) -> None:
    with pytest.raises(PlaceError, match="carrier air"):
        kb.resolve_place(text, carrier="air")


@pytest.mark.parametrize(
    ("text", "carrier", "site_id"),
    [("Шатору", None, "LFLX"), ("مطار شاتورو", None, "LFLX"), ("Châteauroux", "air", "LFLX"),
     ("سيفيروموسك", "sea", "severomorsk-naval-base"), ("ميناء بالتيسك", None, "baltiysk"),
     ("ميناء بالتيسك", "sea", "baltiysk"), ("минский аэропорт", None, "minsk-national"),
     ("Минский аэропорт", "air", "minsk-national"), ("Baranovitchi", None, "UMMA"), ("Baranovichi", None, "UMMA"),
     ("Барановичи", "air", "UMMA")],
)  # fmt: skip
def test_kb24_spellings_of_places_the_kb_held(text: str, carrier: str | None, site_id: str) -> None:
    ref = kb.resolve_place(text, carrier=carrier)  # type: ignore[arg-type]
    assert ref.id == site_id
    assert ref.matched != "fuzzy"


def test_severomorsk_in_arabic_is_the_city_of_its_airfields() -> None:
    """An aircraft's "سيفيروموسك" is the city's naval air bases (Severomorsk-1 and -3), as "Severomorsk" is."""
    assert set(kb.resolve_place("سيفيروموسك", carrier="air").site_ids) == set(
        kb.resolve_place("Severomorsk", carrier="air").site_ids
    )
