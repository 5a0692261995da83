"""The places held-out set 21's notes named: the ports of Oran and Sfax beside their cities' airports, the Danube
port of Reni, Mürted/Akıncı air base by Ankara under both its names, and the spellings "Al-Wattia base" and "ميناء
بورسودان" of places the kb held. Invented phrases, one or more per place and script.
"""

from __future__ import annotations

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError


@pytest.mark.parametrize(
    ("text", "carrier", "site_id"),
    [("Port of Oran", None, "oran-port"), ("Oran port", None, "oran-port"), ("port d'Oran", None, "oran-port"),
     ("port algérien d'Oran", None, "oran-port"), ("ميناء وهران", None, "oran-port"),
     ("مرفأ وهران", None, "oran-port"), ("порт Оран", None, "oran-port"), ("порт Орана", None, "oran-port"),
     ("Oran", "sea", "oran-port"), ("وهران", "sea", "oran-port"), ("Оран", "sea", "oran-port"),
     ("Port of Sfax", None, "sfax-port"), ("Sfax port", None, "sfax-port"), ("port de Sfax", None, "sfax-port"),
     ("ميناء صفاقس", None, "sfax-port"), ("порт Сфакс", None, "sfax-port"), ("порт Сфакса", None, "sfax-port"),
     ("Sfax", "sea", "sfax-port"), ("صفاقس", "sea", "sfax-port"), ("Сфакс", "sea", "sfax-port"),
     ("Reni", None, "reni-port"), ("Reni", "sea", "reni-port"), ("port de Reni", None, "reni-port"),
     ("Рени", None, "reni-port"), ("порт Рені", None, "reni-port"), ("ميناء ريني", None, "reni-port"),
     ("Mürted", None, "LTAE"), ("Murted Air Base", None, "LTAE"), ("Mürted Airfield Command", "air", "LTAE"),
     ("Akıncı", None, "LTAE"), ("Akinci Air Base", None, "LTAE"), ("авиабаза Мюртед", None, "LTAE"),
     ("авиабазу Мюртед", "air", "LTAE"), ("Мюртед", None, "LTAE"), ("قاعدة مورتد الجوية", None, "LTAE"),
     ("قاعدة أكنجي الجوية", None, "LTAE"), ("base aérienne de Mürted", None, "LTAE"),
     ("base aérienne d'Akıncı", None, "LTAE"),
     ("Al-Wattia base", None, "al-watiya"), ("Al-Wattia base", "air", "al-watiya"),
     ("ميناء بورسودان", None, "port-sudan-port"), ("ميناء بورسودان", "sea", "port-sudan-port")],
)  # fmt: skip
def test_kb23_sites(text: str, carrier: str | None, site_id: str) -> None:
    ref = kb.resolve_place(text, carrier=carrier)  # type: ignore[arg-type]
    assert (ref.kind, ref.id) == ("site", site_id)


def test_the_new_sites_have_the_kinds_and_countries_they_need() -> None:
    for sid in ("oran-port", "sfax-port", "reni-port"):
        assert kb.site(sid).kind == "port", sid
    assert kb.site("LTAE").kind == "air_base"
    countries = {sid: kb.site(sid).country for sid in ("oran-port", "sfax-port", "reni-port", "LTAE")}
    assert countries == {"oran-port": "DZ", "sfax-port": "TN", "reni-port": "UA", "LTAE": "TR"}


@pytest.mark.parametrize(
    ("text", "site_id"),
    [("Oran", "DAOO"), ("وهران", "DAOO"), ("Оран", "DAOO"), ("Sfax", "DTTX"), ("صفاقس", "DTTX"), ("Сфакс", "DTTX")],
)  # fmt: skip
def test_a_port_citys_bare_name_or_an_aircrafts_stays_its_airport(text: str, site_id: str) -> None:
    """The port is a ship's reading of the city; without a carrier or for an aircraft the city is its airport (Es
    Senia for Algeria's Oran, which the Russian "Оран" had missed for Argentina's Oran by sound)."""
    assert kb.resolve_place(text).id == site_id
    assert kb.resolve_place(text, carrier="air").id == site_id


@pytest.mark.parametrize("text", ["Port of Oran", "порт Оран", "ميناء وهران"])
def test_port_of_oran_is_no_longer_argentinas_airport(text: str) -> None:
    """ "Port of Oran" had reached Argentina's Oran airport (SASO) by the name's key without its generic words; an
    aircraft's reading of the port's name is Algeria's Es Senia, never the Argentine field."""
    assert kb.resolve_place(text).id == "oran-port"
    assert kb.resolve_place(text, carrier="air").id == "DAOO"


def test_argentinas_oran_keeps_its_own_names() -> None:
    assert kb.resolve_place("Oran Airport").id == "SASO"


@pytest.mark.parametrize("text", ["Reni", "Рени", "port de Reni"])
def test_reni_has_no_airfield_for_an_aircraft(text: str) -> None:
    with pytest.raises(PlaceError, match="carrier air"):
        kb.resolve_place(text, carrier="air")


def test_the_ports_are_their_cities_for_a_ship_by_port_of() -> None:
    """A ship's Oran or Sfax is the port beside the airport the city's name means (kb.port_of)."""
    for city_airport, port in (("DAOO", "oran-port"), ("DTTX", "sfax-port")):
        ref = kb.port_of(kb.resolve_place(city_airport))
        assert ref is not None and ref.id == port


def test_the_turkish_dotless_i_folds_to_i() -> None:
    """NFKD leaves "ı" alone, so "Akıncı" missed the airport table's "Akinci"; any name with it now meets its
    dotted spelling."""
    from liftwatch.kb._text import norm_key

    assert norm_key("Akıncı") == norm_key("Akinci")
    assert norm_key("Diyarbakır") == norm_key("Diyarbakir")
