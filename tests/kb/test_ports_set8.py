"""Ports and airfields of Red Sea, Gulf, Chinese and West African logistics reporting resolve to them, in every
script the gazetteer lists, and the city names keep meaning the city's airport.

Before these rows "Amdjarass", "Wadi Seidna", "Taicang", "Daishan", "Sousse" and "Amirabad" were unknown (the nearest
candidates were Amarais in Brazil, Wade strips in the US, Taichung, Zhoushuizi, Sussex and Tehran's Mehrabad), "Bandar Abbas port"
was at best the airport 33 km away, and the Arabic and Russian names of Bandar Abbas, Conakry and Massawa resolved
to nothing. FTTN, sometimes quoted for Amdjarass, is Am Timan, 625 km away. Expected cities come from
airportsdata's own city column; distances are checked against the second sources the rows cite.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb import controller_at, resolve_place
from liftwatch.sea.portcalls import port_sites
from tests.kb.airport_table import city_fields

from .distances import km, km_to

NAMES = [
    # Sudan, Chad
    ("Wadi Seidna", "wadi-seidna"), ("Wadi Sayyidna", "wadi-seidna"), ("Wadi Saeedna", "wadi-seidna"),
    ("Wadi Sayedna", "wadi-seidna"), ("وادي سيدنا", "wadi-seidna"), ("قاعدة وادي سيدنا الجوية", "wadi-seidna"),
    ("авиабаза Вади-Сейдна", "wadi-seidna"), ("Вади-Саедна", "wadi-seidna"), ("base aérienne de Wadi Sayyidna", "wadi-seidna"),
    ("Amdjarass", "amdjarass"), ("Am Djarass", "amdjarass"), ("Am-Djarass", "amdjarass"),
    ("Amdjarras", "amdjarass"), ("Um Jaras", "amdjarass"), ("أم جرس", "amdjarass"), ("مطار أم جرس", "amdjarass"),
    ("Амджарас", "amdjarass"), ("aéroport d'Amdjarass", "amdjarass"),
    # Iran
    ("Shahid Rajaee", "shahid-rajaee-port"), ("Shahid Rajaei port", "shahid-rajaee-port"),
    ("Bandar Abbas port", "shahid-rajaee-port"), ("port of Bandar Abbas", "shahid-rajaee-port"),
    ("بندر شهید رجایی", "shahid-rajaee-port"), ("ميناء بندر عباس", "shahid-rajaee-port"),
    ("ميناء الشهيد رجائي", "shahid-rajaee-port"), ("порт Бендер-Аббас", "shahid-rajaee-port"),
    ("порт Шахид Раджаи", "shahid-rajaee-port"), ("port de Bandar Abbas", "shahid-rajaee-port"),
    ("Amirabad", "amirabad-port"), ("Bandar Amirabad", "amirabad-port"), ("Amirabad port", "amirabad-port"),
    ("بندر امیرآباد", "amirabad-port"), ("ميناء أمير آباد", "amirabad-port"), ("Амирабад", "amirabad-port"),
    ("порт Амирабад", "amirabad-port"), ("port d'Amirabad", "amirabad-port"),
    # China
    ("Taicang", "taicang-port"), ("Taicang port", "taicang-port"), ("太仓港", "taicang-port"),
    ("Тайцан", "taicang-port"), ("port de Taicang", "taicang-port"),
    ("Daishan", "daishan-port"), ("Daishan Island", "daishan-port"), ("岱山", "daishan-port"),
    ("Дайшань", "daishan-port"),
    # Guinea, Eritrea, Tunisia
    ("Conakry port", "conakry-port"), ("Port Autonome de Conakry", "conakry-port"),
    ("port de Conakry", "conakry-port"), ("ميناء كوناكري", "conakry-port"), ("порт Конакри", "conakry-port"),
    ("Massawa port", "massawa-port"), ("Port of Massawa", "massawa-port"), ("ميناء مصوع", "massawa-port"),
    ("порт Массауа", "massawa-port"), ("port de Massaoua", "massawa-port"),
    ("Sousse", "sousse-port"), ("port de Sousse", "sousse-port"), ("سوسة", "sousse-port"),
    ("ميناء سوسة", "sousse-port"), ("Сус", "sousse-port"), ("порт Сус", "sousse-port"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "site_id"), NAMES)
def test_reporting_names_resolve_to_the_port_or_base(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id)
    assert ref.matched == "alias"


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Bandar Abbas", "Bandar Abbas", "IR"),
        ("بندر عباس", "Bandar Abbas", "IR"),
        ("Бендер-Аббас", "Bandar Abbas", "IR"),
        ("Conakry", "Conakry", "GN"),
        ("كوناكري", "Conakry", "GN"),
        ("Конакри", "Conakry", "GN"),
        ("Massawa", "Massawa", "ER"),
        ("مصوع", "Massawa", "ER"),
        ("Массауа", "Massawa", "ER"),
        ("Massaoua", "Massawa", "ER"),
    ],
)
def test_city_names_stay_the_citys_airfields(text: str, city: str, country: str) -> None:
    """A bare city name is its airport (flights), as "Benghazi" is Benina; the port has its own names."""
    ref = resolve_place(text)
    expected = city_fields(city, country)
    assert len(expected) == 1  # OIKB, GUCY, HHMS
    assert {kb.site(s).icao or s for s in ref.site_ids} == expected


def test_fields_the_new_names_were_mistaken_for_keep_their_own_names() -> None:
    assert resolve_place("FTTN").name == "Am Timan Airport"
    assert resolve_place("Am Timan").id == "FTTN"
    assert resolve_place("Taichung Airport").id == "RCLG"
    assert resolve_place("Monastir").id == "DTMB"  # the nearest field to Sousse is not Sousse


# site -> (second-source point, max km): the rows' cross-checks, so a typo in sites.csv fails here
SECOND_SOURCE = {
    "wadi-seidna": ((15.80278, 32.49222), 4.0),  # UK evacuation advice 15°48'10"N 32°29'32"E
    "shahid-rajaee-port": ((27.11667, 56.06667), 1.5),  # starmarine IRBND 27°07'N 56°04'E
    "taicang-port": ((31.564, 121.174), 10.0),  # Taicang city seat; port centre 31°37'N 121°14'E
    "conakry-port": ((9.5, -13.6667), 7.0),  # Treccani/Wikipedia Conakry 9°30'N 13°40'W
    "massawa-port": ((15.60917, 39.44528), 1.0),  # it.wikipedia Massaua 15°36'33"N 39°26'43"E
    "sousse-port": ((35.81667, 10.65), 0.5),  # port authority data 35°49'N 10°39'E
    "daishan-port": ((30.2603, 122.204), 0.5),  # Wikipedia Daishan County seat (Gaoting)
    "amirabad-port": ((36.8444, 53.3072), 7.0),  # the port zone's south-west corner 36°50'40"N 53°18'26"E
    "amdjarass": ((16.1, 22.8), 6.0),  # ca.wikipedia Amdjarass 16.1N 22.8E (town)
}


@pytest.mark.parametrize("site_id", sorted(SECOND_SOURCE))
def test_coordinates_agree_with_the_second_source(site_id: str) -> None:
    (lat, lon), limit = SECOND_SOURCE[site_id]
    assert km_to(site_id, lat, lon) <= limit


def test_relative_positions_match_the_cited_descriptions() -> None:
    assert 20.0 <= km("wadi-seidna", "khartoum") <= 30.0  # "22 km north of Khartoum" (the city, not HSSK)
    assert kb.site("wadi-seidna").lat > kb.site("khartoum").lat
    assert 25.0 <= km("shahid-rajaee-port", "OIKB") <= 40.0  # "23 km west of Bandar Abbas" (the city)
    assert kb.site("shahid-rajaee-port").lon < kb.site("OIKB").lon
    assert 8.0 <= km("massawa-port", "HHMS") <= 14.0  # the airport is on the mainland, NW of the islands
    assert 10.0 <= km("conakry-port", "GUCY") <= 16.0  # airport "about 13 km NE of the city centre"
    assert km("amdjarass", "FTTN") > 500.0  # Am Timan is not Amdjarass
    assert km("taicang-port", "ZSSZ") > 50.0  # no airfield near the port shadows it
    behshahr = (36.68333, 53.53333)  # it.wikipedia Behshahr 36°41'N 53°32'E; the port is on the coast NW of it
    a = kb.site("amirabad-port")
    assert 15.0 <= km_to("amirabad-port", *behshahr) <= 30.0
    assert a.lat > behshahr[0]
    assert km("amirabad-port", "OIII") > 150.0  # not Mehrabad, Tehran's city airport


def test_new_ports_are_port_call_sites_and_the_air_base_is_not() -> None:
    new_ports = [
        "shahid-rajaee-port",
        "amirabad-port",
        "taicang-port",
        "daishan-port",
        "conakry-port",
        "massawa-port",
        "sousse-port",
    ]
    ports = set(port_sites()["site_id"].to_list())
    assert set(new_ports) <= ports
    assert not {"wadi-seidna", "amdjarass"} & ports
    assert {s: kb.site(s).country for s in new_ports} == {
        "shahid-rajaee-port": "IR",
        "amirabad-port": "IR",
        "taicang-port": "CN",
        "daishan-port": "CN",
        "conakry-port": "GN",
        "massawa-port": "ER",
        "sousse-port": "TN",
    }


def test_wadi_seidna_is_held_by_the_army() -> None:
    from datetime import date

    assert controller_at("wadi-seidna", date(2024, 6, 1)) == "Sudanese government (SAF)"


@pytest.mark.parametrize(("text", "wrong"), [("Gaolan", "MM63")])
def test_ports_without_a_verified_row_are_an_error_not_a_lookalike(text: str, wrong: str) -> None:
    """Gaolan (Zhuhai) has no row yet: an error with candidates, never the similar-sounding field (Neka, which
    was one, has its row now and is tested in test_ports_set13.py)."""
    with pytest.raises(PlaceError) as err:
        resolve_place(text)
    assert wrong in str(err.value)
