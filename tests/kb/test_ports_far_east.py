"""Ports and bases the reporting on Russian, North Korean and Caspian logistics names resolve to them, in every
script the gazetteer lists, instead of a similar-sounding field elsewhere.

Before these rows "Rason" was Trelew, Argentina (via "Rawson"), "Primorsk" Primorsko in Bulgaria, "Orsha" Orsa
in Sweden and "Belgrade" a strip (airportsdata files Belgrade Nikola Tesla under "Belgrad"). Expected cities are
derived from airportsdata's own city column; distances are checked against the second sources the rows cite.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import KnowledgeBaseError, PlaceError
from liftwatch.kb import cities, resolve_place
from liftwatch.sea.portcalls import port_sites
from tests.kb.airport_table import city_fields

from .distances import km, km_to

NAMES = [
    # North Korea
    ("Rason", "rajin-port"), ("Rajin", "rajin-port"), ("Najin", "rajin-port"), ("Rajin-Sonbong", "rajin-port"),
    ("Расон", "rajin-port"), ("Раджин", "rajin-port"), ("راجين", "rajin-port"), ("Najin port", "rajin-port"),
    ("Nampo", "nampo-port"), ("Nampho", "nampo-port"), ("Нампхо", "nampo-port"), ("نامبو", "nampo-port"),
    # Russia, Baltic
    ("Primorsk", "primorsk-port"), ("Приморск", "primorsk-port"), ("بريمورسك", "primorsk-port"),
    ("port de Primorsk", "primorsk-port"), ("Ust-Luga", "ust-luga-port"), ("Ust Luga", "ust-luga-port"),
    ("Усть-Луга", "ust-luga-port"), ("Oust-Louga", "ust-luga-port"),
    # Russia, Pacific
    ("Dunai", "dunai-port"), ("Dunay", "dunai-port"), ("порт Дунай", "dunai-port"),
    ("Nakhodka", "nakhodka-port"), ("Находка", "nakhodka-port"), ("ناخودكا", "nakhodka-port"),
    ("Vostochny port", "vostochny-port"), ("порт Восточный", "vostochny-port"), ("Wrangel Bay", "vostochny-port"),
    ("Vladivostok port", "vladivostok-port"), ("порт Владивосток", "vladivostok-port"),
    ("ميناء فلاديفوستوك", "vladivostok-port"), ("port de Vladivostok", "vladivostok-port"),
    # Russia, Caspian
    ("Olya", "olya-port"), ("порт Оля", "olya-port"), ("Astrakhan port", "astrakhan-port"),
    ("порт Астрахань", "astrakhan-port"), ("ميناء أستراخان", "astrakhan-port"),
    # Belarus, Sweden
    ("Orsha", "balbasovo"), ("Balbasovo", "balbasovo"), ("Орша", "balbasovo"), ("Балбасово", "balbasovo"),
    ("أورشا", "balbasovo"), ("Orcha", "balbasovo"), ("Höganäs", "hoganas-port"), ("Hoganas", "hoganas-port"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "site_id"), NAMES)
def test_reporting_names_resolve_to_the_port_or_base(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id)
    assert ref.matched == "alias"


def test_the_old_wrong_places_are_gone_and_keep_their_own_names() -> None:
    wrong = {"Rason": "SAVT", "Primorsk": "LBPR", "Orsha": "ESNR", "Belgrade": "LYBJ"}
    for text, old in wrong.items():
        assert resolve_place(text).id != old, text
    # the fields they were mistaken for still answer to their own names
    assert resolve_place("Rawson").id == "SAVT"
    assert resolve_place("Primorsko").id == "LBPR"
    assert resolve_place("Orsa").id == "ESNR"
    assert resolve_place("Hoganas Airport").id == "ESMH"


@pytest.mark.parametrize("text", ["Belgrade", "Belgrad", "Beograd", "Белград", "Београд", "بلغراد"])
def test_belgrade_is_every_field_airportsdata_files_under_its_spellings(text: str) -> None:
    ref = resolve_place(text)
    expected = city_fields({"Belgrad", "Belgrade", "Batajnica"}, "RS")
    assert expected == {"LYBE", "LYBJ", "LYBT"}  # Nikola Tesla, Lisicji Jarak strip, Batajnica air base
    assert ref.kind == "city"
    assert {kb.site(s).icao for s in ref.site_ids} == expected
    assert ref.name == "Belgrade, Serbia"


def test_the_serbian_airfields_keep_their_own_names() -> None:
    assert resolve_place("Batajnica").id == "LYBT"
    assert resolve_place("Belgrade Nikola Tesla").id == "LYBE"


@pytest.mark.parametrize(
    ("text", "city", "country"),
    [
        ("Nizhny Novgorod", "Nizhny Novgorod", "RU"),
        ("Нижний Новгород", "Nizhny Novgorod", "RU"),
        ("نيجني نوفغورود", "Nizhny Novgorod", "RU"),
        ("Nijni Novgorod", "Nizhny Novgorod", "RU"),
        ("Vladivostok", "Vladivostok", "RU"),
        ("Владивосток", "Vladivostok", "RU"),
        ("Astrakhan", "Astrakhan", "RU"),
        ("Астрахань", "Astrakhan", "RU"),
        ("Makhachkala", "Makhachkala", "RU"),
        ("Махачкала", "Makhachkala", "RU"),
        ("محج قلعة", "Makhachkala", "RU"),
    ],
)
def test_city_names_stay_the_citys_airfields(text: str, city: str, country: str) -> None:
    """A bare city name is its airport (flights), as "Benghazi" is Benina; the port has its own names."""
    ref = resolve_place(text)
    assert {kb.site(s).icao or s for s in ref.site_ids} == city_fields({city}, country)


@pytest.mark.parametrize(
    ("text", "port"), [("Дунай", "dunai-port"), ("Оля", "olya-port"), ("Vostochny", "vostochny-port")]
)
def test_names_left_out_on_purpose_do_not_silently_become_the_port(text: str, port: str) -> None:
    """ "Дунай" is the Danube, "Оля" a first name, "Vostochny" also the cosmodrome: an error listing the port as a
    candidate, never a confident answer."""
    with pytest.raises(PlaceError) as err:
        resolve_place(text)
    assert port in str(err.value)


# site -> (second-source point, max km): the rows' cross-checks, so a typo in sites.csv fails here
SECOND_SOURCE = {
    "nampo-port": ((38.7331, 125.4), 3.0),  # worldports.org harbour basin 38°43'59"N 125°24'00"E
    "nakhodka-port": ((42.8147, 132.9644), 9.0),  # fr.wikipedia outer Nakhodka Bay 42°46'53"N 132°57'52"E
    "balbasovo": ((54.44, 30.29667), 0.5),  # aviationsmilitaires.net 54°26'24"N 30°17'48"E
    "dunai-port": ((42.8833, 132.3333), 1.0),  # de.wikipedia 42°53'N 132°20'E
}


@pytest.mark.parametrize("site_id", sorted(SECOND_SOURCE))
def test_coordinates_agree_with_the_second_source(site_id: str) -> None:
    (lat, lon), limit = SECOND_SOURCE[site_id]
    assert km_to(site_id, lat, lon) <= limit


def test_relative_positions_match_the_cited_descriptions() -> None:
    assert 14.0 <= km("vostochny-port", "nakhodka-port") <= 19.0  # "about 15 km SE" / "10 nmi"
    assert 3.0 <= km("astrakhan-port", "URWA") <= 7.0
    assert 55.0 <= km("olya-port", "astrakhan-port") <= 75.0  # 120 km by road
    assert 1.0 <= km("hoganas-port", "ESMH") <= 4.0
    assert km("vladivostok-port", "UHWW") > 30.0  # the airport is not the harbour
    town = (60.3667, 28.6167)  # fr.wikipedia Primorsk town 60°22'N 28°37'E; port "5 km south-east"
    p = kb.site("primorsk-port")
    assert 4.0 <= km_to("primorsk-port", *town) <= 9.0
    assert p.lat < town[0] and p.lon > town[1]


def test_new_ports_are_port_call_sites_in_their_country() -> None:
    ports = port_sites().filter(port_sites()["site_id"].is_in(["rajin-port", "nampo-port", "dunai-port"]))
    assert sorted(ports["site_id"].to_list()) == ["dunai-port", "nampo-port", "rajin-port"]
    north_korea = resolve_place("North Korea")
    assert {"rajin-port", "nampo-port"} <= set(north_korea.site_ids)
    assert resolve_place("Russia").id == "russia"
    assert "primorsk-port" in kb.sites_in_region("russia")
    assert "balbasovo" in kb.sites_in_region("belarus")


def test_a_city_spelling_airportsdata_lacks_is_a_load_error(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [{"city": "Belgrade|Belgradd", "country": "RS", "names": "Белград", "source": "test"}]
    monkeypatch.setattr(cities, "read_csv", lambda name: rows)
    with pytest.raises(KnowledgeBaseError, match="Belgradd"):
        cities._named_cities.__wrapped__()
