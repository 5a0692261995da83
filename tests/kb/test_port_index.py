"""The World Port Index tier: a ship's harbour beyond the curated ports, never a candidate of the sea analytics."""

from __future__ import annotations

import csv
import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from liftwatch import kb
from liftwatch.errors import PlaceError
from liftwatch.kb import port_index
from liftwatch.kb.sites import _curated_rows

ROOT = Path(__file__).resolve().parents[2]


def test_the_tier_loads_every_port_outside_the_gazetteer() -> None:
    own, merged = port_index.index_ports(), port_index.merged_ports()
    assert len(own) + len(merged) > 3_700  # NGA's ~3,800 ports, one per World Port Index number
    assert all(port_index.is_index_id(i) for i in [*own, *merged])
    haifa = kb.site("wpi-45080")
    assert (haifa.name, haifa.kind, haifa.country, haifa.curated) == ("Haifa", "port", "IL", False)
    assert haifa.lat == pytest.approx(32.8167, abs=1e-3) and haifa.lon == pytest.approx(35.0, abs=1e-3)
    assert "UN/LOCODE ILHFA" in haifa.source and "World Port Index" in haifa.source
    assert "Khaifa" in haifa.aliases


def test_the_gazetteer_does_not_grow() -> None:
    """The sea analytics rank every port of ``kb.sites()``: the tier adds none to it."""
    frame = kb.sites()
    assert not frame.filter(frame["site_id"].str.starts_with(port_index.ID_PREFIX)).height
    curated_ports = [r for r in _curated_rows() if r["kind"] in ("port", "naval_base")]
    assert frame.filter(frame["kind"].is_in(["port", "naval_base"])).height == len(curated_ports)


def test_index_ids_work_where_site_ids_do() -> None:
    ref = kb.resolve_place("wpi-45080")
    assert (ref.kind, ref.id, ref.matched) == ("site", "wpi-45080", "id")
    assert kb.region_of_site("wpi-45080")[0] == "eastern-mediterranean"  # regions by its point, as for any site
    with pytest.raises(KeyError):
        kb.site("wpi-1")  # no such World Port Index number
    with pytest.raises(PlaceError):
        kb.resolve_place("wpi-1")


def test_a_row_at_a_curated_port_is_that_port() -> None:
    merged = port_index.merged_ports()
    assert merged["wpi-45003"] == "tartus-port"  # the index's Tartus is the kb's commercial port, 0.x km away
    assert merged["wpi-60140"] == "qingdao-port"  # "Qingdao Gang"
    assert merged["wpi-45025"] == "tripoli-lb-port"  # "Tarabulus", at the kb's point
    # 1.7 km apart and spelt otherwise ("Bandar-E Shahid Rejaie"): the curated row carries the index's spelling
    assert merged["wpi-48495"] == "shahid-rajaee-port"
    assert kb.site("wpi-45003").site_id == "tartus-port"  # the index id reaches the curated site
    assert not set(merged) & set(port_index.index_ports())
    # a harbour a few km from a curated port under a name of its own stays a port of its own
    assert "wpi-45650" in port_index.index_ports()  # Mers El Kébir beside Oran


@pytest.mark.parametrize(
    ("text", "port"),
    [
        ("Haifa", "wpi-45080"),
        ("Хайфа", "wpi-45080"),
        ("حيفا", "wpi-45080"),
        ("Haïfa", "wpi-45080"),
        ("Port of Haifa", "wpi-45080"),
        ("Duqm", "wpi-48235"),
        ("Feodosia", "wpi-43850"),
        ("Феодосия", "wpi-43850"),
        ("Souda Bay", "wpi-43100"),
        ("Souda", "wpi-43100"),
    ],
)
def test_a_ships_place_reaches_the_index(text: str, port: str) -> None:
    assert kb.resolve_place(text, carrier="sea").id == port


@pytest.mark.parametrize(
    ("text", "other"),
    [("Haifa", "city:IL:haifa"), ("Хайфа", "city:IL:haifa"), ("Duqm", "OODQ"), ("Souda Bay", "souda")],
)
def test_an_aircraft_and_a_bare_name_are_unchanged(text: str, other: str) -> None:
    assert kb.resolve_place(text).id == other
    assert not kb.resolve_place(text, carrier="air").id.startswith(port_index.ID_PREFIX)


def test_a_curated_port_wins() -> None:
    assert kb.resolve_place("Tartus", carrier="sea").id == "tartus"
    assert kb.port_of("Qingdao").id == "qingdao-port"  # type: ignore[union-attr]
    assert kb.resolve_place("Georgetown", carrier="sea").id == "georgetown-port"  # not Grand Cayman's index port
    # Istanbul's curated ports carry other names: the index's entry for the town does not choose among them
    assert kb.resolve_place("Istanbul", carrier="sea").id == "city:TR:istanbul"


def test_port_of_reaches_the_index_by_the_citys_name() -> None:
    assert kb.port_of("Haifa").id == "wpi-45080"  # type: ignore[union-attr]
    assert kb.port_of("Haifa", index=False) is None
    assert kb.port_of("Moscow") is None  # no harbour by distance alone
    with pytest.raises(PlaceError):
        kb.resolve_place("Komaki Air Base", carrier="sea")  # an air base's name is no port


@pytest.mark.parametrize("text", ["Port", "Bar", "Sur", "Ras", "Mina", "Al", "Said", "Harbour", "Port of", "Bay"])
def test_short_and_common_names_are_not_captured(text: str) -> None:
    assert port_index.port_named(text) is None


def test_a_name_several_ports_share_is_none_of_them() -> None:
    assert port_index.port_named("Victoria") is None  # Seychelles, Canada, Australia, ...
    assert port_index.port_named("Soudha") == "wpi-43100"


def test_baku_stays_the_city() -> None:
    """The World Port Index covers no Caspian port: a ship's Baku is still the city."""
    assert kb.resolve_place("Baku", carrier="sea").id == "city:AZ:baku"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("world_port_index", ROOT / "scripts" / "world_port_index.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["world_port_index"] = module
    spec.loader.exec_module(module)
    return module


_NGA_HEADER = [
    "OID_",
    "World Port Index Number",
    "Region Name",
    "Main Port Name",
    "Alternate Port Name",
    "UN/LOCODE",
    "Country Code",
    "World Water Body",
    "Harbor Size",
    "Harbor Type",
    "Tidal Range (m)",
    "Latitude",
    "Longitude",
]


def _nga_row(number: str, name: str, alt: str, locode: str, country: str, lat: str, lon: str, size: str) -> list[str]:
    return ["0.0", number, "Somewhere -- 1", name, alt, locode, country, "Sea; Ocean", size, "Coastal (Natural)", "1.0",
            lat, lon]  # fmt: skip


def test_the_trimming_script_keeps_the_kbs_columns(tmp_path: Path) -> None:
    src = tmp_path / "pub150.csv"
    with src.open("w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(_NGA_HEADER)
        w.writerow(
            _nga_row(
                "200.0", "Northport", "Nordhavn; Port Nord", "XA NRT", "Atlantis", "10.123456789", "-20.5", "Small"
            )
        )
        w.writerow(_nga_row("100.0", "Eastbay", " ", " ", "Atlantis", "11.0", "21.0", "Very Small"))
        w.writerow(_nga_row("100.0", "East Bay", "", " ", "Atlantis", "11.0", "21.0", " "))  # NGA's number twice
        w.writerow(_nga_row("300.0", "Nowhere", "", " ", "Atlantis", " ", " ", "Small"))  # no position: dropped
    dst = tmp_path / "ports.csv.gz"
    count = _script().trim(src, dst, country_of=lambda name: "AT" if name == "Atlantis" else "")
    assert count == 2
    with gzip.open(dst, "rt", encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    assert list(rows[0]) == list(port_index_columns())
    assert [r["wpi"] for r in rows] == ["100", "200"]
    assert rows[0] | {} == {
        "wpi": "100",
        "name": "Eastbay",
        "alternates": "East Bay",
        "unlocode": "",
        "country": "AT",  # no UN/LOCODE: the country's name, resolved
        "water_body": "Sea; Ocean",
        "harbor_size": "Very Small",
        "harbor_type": "Coastal (Natural)",
        "lat": "11.00000",
        "lon": "21.00000",
    }
    assert (rows[1]["unlocode"], rows[1]["country"], rows[1]["alternates"]) == ("XANRT", "XA", "Nordhavn; Port Nord")
    assert rows[1]["lat"] == "10.12346"
    assert dst.read_bytes() == (_rerun(src, tmp_path))  # reproducible bytes


def _rerun(src: Path, tmp_path: Path) -> bytes:
    again = tmp_path / "again.csv.gz"
    _script().trim(src, again, country_of=lambda name: "AT")
    return again.read_bytes()


def port_index_columns() -> tuple[str, ...]:
    return _script().COLUMNS  # type: ignore[no-any-return]


def test_the_trimming_script_refuses_another_file(tmp_path: Path) -> None:
    src = tmp_path / "other.csv"
    src.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="World Port Index"):
        _script().trim(src, tmp_path / "x.csv.gz", country_of=lambda name: "")


def test_the_bundled_file_is_the_scripts_output_shape() -> None:
    with gzip.open(ROOT / "src" / "liftwatch" / "data" / "kb" / port_index.INDEX_FILE, "rt", encoding="utf-8") as fh:
        header = next(line for line in fh if not line.startswith("#")).strip().split(",")
    assert tuple(header) == port_index_columns()


@pytest.mark.parametrize(
    ("name", "port"), [("Yokosuka", "wpi-61400"), ("Maizuru", "wpi-61800"), ("port of Yokosuka", "wpi-61400")]
)
def test_a_japanese_port_filed_as_town_ko_is_its_towns_name(name: str, port: str) -> None:
    """The index writes "Yokosuka Ko" (Ko, 港: port); a ship "back in Yokosuka" is at that port."""
    assert kb.resolve_place(name, carrier="sea").id == port


def test_the_ko_suffix_gives_no_airfield() -> None:
    with pytest.raises(PlaceError):
        kb.resolve_place("Yokosuka", carrier="air")
