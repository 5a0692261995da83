"""The ports of Jeddah, Mukalla and Aden, Central Asia and Nagorno-Karabakh, and the Russian and Arabic names of
Rzeszów, Cologne, Sanaa, Aswan and Mukalla resolve by the names reporting uses.

Before these rows a ship's "Jeddah" could only be the city (its airports), "ميناء عدن" and "порт Эль-Мукалла"
were unknown, "Central Asia" was an ambiguity among airports named "Central", and "Жешув", "Кельн", "Сана",
"Асуан", "صنعاء" and "المكلا" were unknown though the kb holds each place's airport.
"""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.kb import resolve_place
from liftwatch.kb.regions import points_in_region
from liftwatch.sea.portcalls import port_sites

from .distances import km, km_to

PORT_NAMES = [
    ("Jeddah Islamic Port", "jeddah-port"), ("Port of Jeddah", "jeddah-port"), ("ميناء جدة", "jeddah-port"),
    ("ميناء جدة الإسلامي", "jeddah-port"), ("порт Джидда", "jeddah-port"), ("port islamique de Djeddah", "jeddah-port"),
    ("Port of Mukalla", "mukalla-port"), ("ميناء المكلا", "mukalla-port"), ("порт Эль-Мукалла", "mukalla-port"),
    ("port de Moukalla", "mukalla-port"),
    ("Port of Aden", "aden-port"), ("ميناء عدن", "aden-port"), ("порт Аден", "aden-port"), ("port d'Aden", "aden-port"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "site_id"), PORT_NAMES)
def test_port_names_resolve_to_the_port(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id)


@pytest.mark.parametrize(
    ("text", "airport", "port"),
    [("Aden", "OYAA", "aden-port"), ("عدن", "OYAA", "aden-port"), ("Mukalla", "OYRN", "mukalla-port"),
     ("Эль-Мукалла", "OYRN", "mukalla-port"), ("المكلا", "OYRN", "mukalla-port")],
)  # fmt: skip
def test_bare_city_is_the_airport_and_a_ships_city_is_the_port(text: str, airport: str, port: str) -> None:
    """As "Karachi" is its airport: a flight's "Aden" lands at OYAA, a ship's "Aden" calls at the harbour."""
    assert resolve_place(text).id == airport
    ported = kb.port_of(text)
    assert ported is not None and ported.id == port


def test_jeddah_stays_the_city_and_a_ships_jeddah_is_the_port() -> None:
    ref = resolve_place("Jeddah")
    assert ref.kind == "city"
    assert "jeddah-port" not in ref.site_ids  # a flight to Jeddah is not a port call
    ported = kb.port_of("Jeddah")
    assert ported is not None and ported.id == "jeddah-port"


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Жешув", "EPRZ"), ("Rzeszów", "EPRZ"), ("Кельн", "EDDK"), ("Кёльн", "EDDK"), ("Köln", "EDDK"),
     ("كولونيا", "EDDK"), ("Сана", "OYSN"), ("صنعاء", "OYSN"), ("Асуан", "HESN"), ("أسوان", "HESN"),
     ("Assouan", "HESN")],
)  # fmt: skip
def test_foreign_city_names_resolve_to_the_citys_airport(text: str, site_id: str) -> None:
    assert resolve_place(text).id == site_id


@pytest.mark.parametrize(
    ("text", "region_id"),
    [("Central Asia", "central-asia"), ("آسيا الوسطى", "central-asia"), ("Средняя Азия", "central-asia"),
     ("Центральная Азия", "central-asia"), ("Asie centrale", "central-asia"),
     ("Nagorno-Karabakh", "nagorno-karabakh"), ("Нагорный Карабах", "nagorno-karabakh"),
     ("ناغورني كاراباخ", "nagorno-karabakh"), ("Haut-Karabakh", "nagorno-karabakh")],
)  # fmt: skip
def test_regions_resolve(text: str, region_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("region", region_id)


def test_central_asia_holds_the_five_states_airfields_and_not_their_neighbours() -> None:
    ids = set(resolve_place("Central Asia").site_ids)
    assert {"UAAA", "UZKA", "UTAA", "UCFM", "UTDD"} <= ids  # Almaty, Andizhan, Ashgabat, Bishkek, Dushanbe
    # Moscow, Tehran, Kabul, Urumqi, and the Afghan and Iranian fields on the border rivers
    assert not {"UUEE", "OIII", "OAKB", "ZWWW", "OADZ", "OAHN", "OASN", "OIMC"} & ids


def test_nagorno_karabakh_contains_stepanakert_and_not_baku_or_yerevan() -> None:
    lat = np.array([39.82, 40.47, 40.15])  # Stepanakert/Khankendi, Baku airport, Yerevan airport
    lon = np.array([46.75, 50.05, 44.40])
    assert points_in_region("nagorno-karabakh", lat, lon).tolist() == [True, False, False]


# site -> (second-source point, max km): the rows' cross-checks, so a typo in sites.csv fails here
SECOND_SOURCE = {
    "jeddah-port": ((21.4667, 39.1667), 2.5),  # 'latitude 21° 28' north and longitude 39° 10' east'
    "mukalla-port": ((14.533, 49.133), 3.0),  # Wikipedia 'Al Mukalla' 14°32'N 49°08'E, the port city
    "aden-port": ((12.8, 45.033), 8.0),  # Wikipedia 'Aden' 12°48'N 45°02'E (Crater), east of the harbour
}


@pytest.mark.parametrize("site_id", sorted(SECOND_SOURCE))
def test_coordinates_agree_with_the_second_source(site_id: str) -> None:
    (lat, lon), limit = SECOND_SOURCE[site_id]
    assert km_to(site_id, lat, lon) <= limit


def test_relative_positions_match_the_cited_descriptions() -> None:
    assert 12.0 <= km("jeddah-port", "OEJF") <= 18.0  # the naval base lies south of the port
    assert kb.site("OEJF").lat < kb.site("jeddah-port").lat
    assert 25.0 <= km("mukalla-port", "OYRN") <= 35.0  # Riyan airport lies north-east of the city
    assert kb.site("OYRN").lon > kb.site("mukalla-port").lon
    assert 4.0 <= km("aden-port", "OYAA") <= 10.0  # Khormaksar airport lies across the bay, north-east
    assert kb.site("OYAA").lon > kb.site("aden-port").lon


def test_new_ports_are_port_call_sites() -> None:
    new_ports = {"jeddah-port": "SA", "mukalla-port": "YE", "aden-port": "YE"}
    assert set(new_ports) <= set(port_sites()["site_id"].to_list())
    assert {s: kb.site(s).country for s in new_ports} == new_ports
