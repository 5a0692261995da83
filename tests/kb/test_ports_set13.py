"""The ports of Ceuta, Valletta, Penang, Salalah, Kaliningrad, La Guaira, Arkhangelsk and Zhanjiang, the naval
base of Karlskrona, the Gissar (Ayni) air base, and the Arabic and Russian names of Bani Walid, Prince Sultan Air
Base and Sihanoukville resolve by the names reporting uses.

Before these rows "Ceuta", "La Guaira", "Karlskrona", "Гиссар" and "Айни" were unknown (or a strip abroad), a
ship's "Valletta", "Penang" or "Kaliningrad" could only be the city's airport, and "بني وليد", "Бени-Валид",
"قاعدة الأمير سلطان الجوية", "Сиануквиль" and "سيهانوكفيل" were unknown though the kb holds each airfield.
"""

from __future__ import annotations

import numpy as np
import pytest

from liftwatch import kb
from liftwatch.kb import resolve_place
from liftwatch.kb.regions import points_in_region
from liftwatch.sea.portcalls import port_sites

from .distances import km, km_to

NAMES = [
    ("Ceuta", "ceuta-port"), ("Port of Ceuta", "ceuta-port"), ("سبتة", "ceuta-port"), ("ميناء سبتة", "ceuta-port"),
    ("Сеута", "ceuta-port"), ("порт Сеуты", "ceuta-port"), ("port de Ceuta", "ceuta-port"),
    ("Grand Harbour", "valletta-port"), ("Port of Valletta", "valletta-port"), ("ميناء فاليتا", "valletta-port"),
    ("порт Валлетта", "valletta-port"), ("port de La Valette", "valletta-port"),
    ("Port of Penang", "penang-port"), ("ميناء بينانغ", "penang-port"), ("порт Пенанг", "penang-port"),
    ("port de Penang", "penang-port"),
    ("Port of Salalah", "salalah-port"), ("Port Raysut", "salalah-port"), ("ميناء صلالة", "salalah-port"),
    ("порт Салала", "salalah-port"), ("port de Salalah", "salalah-port"),
    ("Port of Kaliningrad", "kaliningrad-port"), ("ميناء كالينينغراد", "kaliningrad-port"),
    ("порт Калининград", "kaliningrad-port"), ("Калининградский морской торговый порт", "kaliningrad-port"),
    ("port de Kaliningrad", "kaliningrad-port"),
    ("La Guaira", "la-guaira-port"), ("Port of La Guaira", "la-guaira-port"), ("لاغوايرا", "la-guaira-port"),
    ("Ла-Гуайра", "la-guaira-port"), ("порт Ла-Гуайры", "la-guaira-port"), ("port de La Guaira", "la-guaira-port"),
    ("Port of Arkhangelsk", "arkhangelsk-port"), ("ميناء أرخانغيلسك", "arkhangelsk-port"),
    ("порт Архангельск", "arkhangelsk-port"), ("Архангельский морской торговый порт", "arkhangelsk-port"),
    ("port d'Arkhangelsk", "arkhangelsk-port"),
    ("Port of Zhanjiang", "zhanjiang-port"), ("ميناء تشانجيانغ", "zhanjiang-port"),
    ("порт Чжаньцзян", "zhanjiang-port"), ("port de Zhanjiang", "zhanjiang-port"),
    ("Karlskrona", "karlskrona"), ("Karlskrona naval base", "karlskrona"), ("قاعدة كارلسكرونا البحرية", "karlskrona"),
    ("Карлскруна", "karlskrona"), ("военно-морская база Карлскруна", "karlskrona"),
    ("base navale de Karlskrona", "karlskrona"),
    ("Gissar", "gissar"), ("Ayni Air Base", "gissar"), ("Гиссар", "gissar"), ("Айни", "gissar"),
    ("авиабаза Айни", "gissar"), ("قاعدة عيني الجوية", "gissar"), ("base aérienne d'Ayni", "gissar"),
    ("Bani Walid", "HL54"), ("بني وليد", "HL54"), ("Бени-Валид", "HL54"), ("Бани-Валид", "HL54"),
    ("aéroport de Bani Walid", "HL54"),
    ("Prince Sultan Air Base", "OEPS"), ("قاعدة الأمير سلطان الجوية", "OEPS"),
    ("base aérienne Prince Sultan", "OEPS"),
    ("Сиануквиль", "VDSV"), ("سيهانوكفيل", "VDSV"), ("Sihanoukville", "VDSV"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "site_id"), NAMES)
def test_names_resolve_to_the_site(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id)


@pytest.mark.parametrize(
    ("text", "airport", "port"),
    [("Valletta", "LMML", "valletta-port"), ("Penang", "WMKP", "penang-port"), ("Salalah", "OOSA", "salalah-port"),
     ("Kaliningrad", "UMKK", "kaliningrad-port"), ("Калининград", "UMKK", "kaliningrad-port"),
     ("Arkhangelsk", "city:RU:arkhangelsk", "arkhangelsk-port"),
     ("Архангельск", "city:RU:arkhangelsk", "arkhangelsk-port"),
     ("Zhanjiang", "ZGZJ", "zhanjiang-port"), ("Сиануквиль", "VDSV", "sihanoukville-port"),
     ("سيهانوكفيل", "VDSV", "sihanoukville-port"), ("Port Said", "HEPS", "port-said-port"),
     ("Порт-Саид", "HEPS", "port-said-port"), ("Port-Saïd", "HEPS", "port-said-port")],
)  # fmt: skip
def test_bare_city_is_the_airport_and_a_ships_city_is_the_port(text: str, airport: str, port: str) -> None:
    """A flight's "Kaliningrad" lands at Khrabrovo, a ship's "Kaliningrad" berths on the Pregolya."""
    assert resolve_place(text).id == airport
    ported = kb.port_of(text)
    assert ported is not None and ported.id == port


def test_the_names_that_resolved_before_still_do() -> None:
    assert resolve_place("Baltiysk").id == "baltiysk"  # not the Kaliningrad port, 41 km up the canal
    baltiysk = kb.port_of("Baltiysk")
    assert baltiysk is not None and baltiysk.id == "baltiysk"
    assert resolve_place("Dushanbe").id == "UTDD"  # the capital's airport, not the air base 13 km west
    assert resolve_place("Maiquetía").id == "SVMI"  # Caracas's airport, not the port 5 km east
    assert resolve_place("Hissar Airport").id == "VIHR"  # the Indian field keeps its name
    assert resolve_place("Sihanoukville port").id == "sihanoukville-port"
    assert resolve_place("Zhoushan").id == "ZSZS"


def test_the_ayni_code_is_not_the_tajik_air_base() -> None:
    """AYNI in the airfield tables is a Papua New Guinea strip, so the base is curated under its own id."""
    assert kb.site("gissar").country == "TJ"
    assert "AYNI" not in set(resolve_place("Айни").site_ids)


# site -> (second-source point, max km): the rows' cross-checks, so a typo in sites.csv fails here
SECOND_SOURCE = {
    "ceuta-port": ((35.8883, -5.3156), 1.5),  # Wikipedia 'Ceuta', the city on the harbour's isthmus
    "valletta-port": ((35.895, 14.5206), 0.5),  # Wikipedia 'Grand Harbour'
    "penang-port": ((5.4157, 100.366), 0.5),  # Wikipedia 'Port of Penang' infobox
    "salalah-port": ((17.0136, 54.0933), 17.0),  # Salalah city 17°01'N 54°06'E, 'about 15 km' from the port
    "kaliningrad-port": ((54.7028, 20.4736), 0.5),  # uk/pl Wikipedia 'Port Kaliningrad'
    "la-guaira-port": ((10.6, -66.9164), 2.0),  # pl.wikipedia 'La Guaira' 10°36'00"N 66°55'59"W
    "arkhangelsk-port": ((64.707, 40.518), 18.0),  # fi.wikipedia: the Ekonomiya terminal, 18 km north
    "zhanjiang-port": ((21.1667, 110.4), 0.5),  # globalsecurity 'Zhanjiang'
    "karlskrona": ((56.167, 15.583), 0.5),  # Wikipedia 'Karlskrona naval base'
    "gissar": ((38.5123, 68.6725), 0.5),  # OurAirports TJ-UT45 'Gissar Air Base'
}


@pytest.mark.parametrize("site_id", sorted(SECOND_SOURCE))
def test_coordinates_agree_with_the_second_source(site_id: str) -> None:
    (lat, lon), limit = SECOND_SOURCE[site_id]
    assert km_to(site_id, lat, lon) <= limit


def test_relative_positions_match_the_cited_descriptions() -> None:
    assert 10.0 <= km("gissar", "UTDD") <= 16.0  # '10 km west of the capital' (from its airport, 13 km)
    assert kb.site("gissar").lon < kb.site("UTDD").lon
    assert 3.0 <= km("la-guaira-port", "SVMI") <= 7.0  # Maiquetía 'less than 5 km' west of La Guaira
    assert kb.site("SVMI").lon < kb.site("la-guaira-port").lon
    assert 12.0 <= km("salalah-port", "OOSA") <= 18.0  # the port lies south-west of the city and its airport
    assert 35.0 <= km("kaliningrad-port", "baltiysk") <= 45.0  # up the sea canal from Baltiysk
    assert 4.0 <= km("valletta-port", "LMML") <= 7.0
    assert 18.0 <= km("karlskrona", "ESDF") <= 28.0  # Ronneby, the town's airport, lies west
    assert kb.site("ESDF").lon < kb.site("karlskrona").lon


def test_coordinates_lie_in_their_country_or_sea() -> None:
    """The Russian ports inside the russia polygon (Kaliningrad in its exclave ring); the Mediterranean and
    Caspian shores' ports outside the sea rings, whose coastlines are kept offshore."""
    for sid in ("kaliningrad-port", "arkhangelsk-port"):
        s = kb.site(sid)
        assert points_in_region("russia", np.array([s.lat]), np.array([s.lon])).tolist() == [True]
        assert "russia" in kb.region_of_site(sid)
    assert "western-libya" in kb.region_of_site("HL54")
    assert "central-asia" in kb.region_of_site("gissar")
    assert "middle-east" in kb.region_of_site("salalah-port")


def test_new_ports_are_port_call_sites() -> None:
    new = {"ceuta-port": "ES", "valletta-port": "MT", "penang-port": "MY", "salalah-port": "OM",
           "kaliningrad-port": "RU", "la-guaira-port": "VE", "arkhangelsk-port": "RU", "zhanjiang-port": "CN",
           "karlskrona": "SE"}  # fmt: skip
    assert set(new) <= set(port_sites()["site_id"].to_list())
    assert {s: kb.site(s).country for s in new} == new
    assert kb.site("karlskrona").kind == "naval_base"
    assert kb.site("gissar").kind == "air_base"


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Port of Makhachkala", "makhachkala-port"), ("порт Махачкала", "makhachkala-port"),
     ("порт Махачкалы", "makhachkala-port"), ("Махачкалинский морской торговый порт", "makhachkala-port"),
     ("ميناء محج قلعة", "makhachkala-port"), ("port de Makhatchkala", "makhachkala-port"),
     ("Neka", "neka-port"), ("Neka oil terminal", "neka-port"), ("Нека", "neka-port"), ("порт Нека", "neka-port"),
     ("نكا", "neka-port"), ("ميناء نكا", "neka-port"), ("terminal pétrolier de Neka", "neka-port")],
)  # fmt: skip
def test_caspian_port_names_resolve(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id)


@pytest.mark.parametrize("text", ["Makhachkala", "Махачкала", "محج قلعة"])
def test_makhachkala_stays_the_airport_and_a_ships_makhachkala_is_the_port(text: str) -> None:
    assert list(resolve_place(text).site_ids) == ["URML"]
    ported = kb.port_of(text)
    assert ported is not None and ported.id == "makhachkala-port"


@pytest.mark.parametrize("text", ["La Valette", "Валлетта", "فاليتا"])
def test_valletta_in_french_russian_arabic_is_the_airport_and_a_ships_is_the_harbour(text: str) -> None:
    assert resolve_place(text).id == "LMML"
    ported = kb.port_of(text)
    assert ported is not None and ported.id == "valletta-port"


def test_caspian_ports_against_their_sources() -> None:
    assert km_to("makhachkala-port", 42.967, 47.483) <= 2.5  # the older Wikipedia point 42°58'N 47°29'E
    assert 18.0 <= km("makhachkala-port", "URML") <= 28.0  # Uytash lies south-east, by Kaspiysk
    assert km_to("neka-port", 36.838, 53.259) <= 0.5  # the Neka power plant the terminal lies beside
    assert 8.0 <= km("neka-port", "amirabad-port") <= 13.0  # Amirabad lies east along the same coast
    assert kb.site("amirabad-port").lon > kb.site("neka-port").lon
