"""Ports of one harbour, and voyage filters that read a place as a ship's and widen a port to its harbour."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

import liftwatch
from liftwatch.cli import app
from liftwatch.cli.voyages import _port
from liftwatch.filters import FlightFilter
from liftwatch.kb.harbours import same_harbour
from liftwatch.store import Store
from tests.claims.flights_factory import T0, flight, flights_table


def test_a_port_widens_to_the_ports_of_its_harbour() -> None:
    assert same_harbour(["tartus"]) == ("tartus", "tartus-port")  # the naval base and the port 2 km off
    assert same_harbour(["tartus-port"])[:2] == ("tartus-port", "tartus")
    assert same_harbour(["hmeimim", "no-such-site"]) == ("hmeimim", "no-such-site")  # airfields pass unwidened
    assert same_harbour(["wpi-16070"])[0] == "wpi-16070"  # an index harbour is a port too


def test_a_voyage_filter_reads_places_as_a_ships() -> None:
    sea = FlightFilter(domain="sea", site="Tobruk").places()["site"]
    air = FlightFilter(domain="air", site="Tobruk").places()["site"]
    either = FlightFilter(site="Tobruk").places()["site"]
    assert "tobruk-port" in sea.site_ids and "tobruk" not in sea.site_ids  # the port, not the air base
    assert air.id == either.id == "tobruk"
    corridor = FlightFilter.from_options(domain="sea", corridor="Tartus:Long Beach").places()
    assert corridor["origin"].site_ids == ("tartus", "tartus-port") and corridor["destination"].id == "wpi-16070"


def _store(tmp_path: Path) -> str:
    db = str(tmp_path / "v.duckdb")
    voyages = [
        flight("273871251", "tartus-port", "tobruk-port", T0, domain="sea", type_code=None, callsign=None),
        flight("273521469", "tartus", "benghazi-port", T0, domain="sea", type_code=None, callsign=None, ending="dark"),
    ]
    voyages[1]["arr_conf"] = 0.3  # a silence's ranked guess: shown as a guess
    with Store(db) as store:
        store.write_flights(flights_table(voyages))
    return db


def test_voyages_list_and_the_library_take_the_same_filters(tmp_path: Path) -> None:
    db = _store(tmp_path)
    with liftwatch.open(db, read_only=True) as lw:
        assert sorted(v.id.split("-")[0] for v in lw.voyages(site="Tartus")) == ["273521469", "273871251"]
        assert len(lw.voyages(corridor="Tartus:Tobruk")) == 1 and len(lw.voyages(site="Tobruk")) == 1
        assert len(lw.flights(site="Tobruk")) == 1  # no domain: the town's air base and its port's harbour
        assert len(lw.flights(site="Tobruk", domain="air")) == 0
    runner = CliRunner()
    res = runner.invoke(app, ["voyages", "list", "--db", db, "--corridor", "Tartus:Tobruk", "--format", "csv"])
    assert res.exit_code == 0 and pl.read_csv(res.stdout.encode())["arr_site"].to_list() == ["tobruk-port"]
    res = runner.invoke(app, ["voyages", "list", "--db", db, "--site", "Tartus", "--format", "csv"])
    rows = pl.read_csv(res.stdout.encode()).sort("asset_id")
    assert res.exit_code == 0 and rows["arr_site"].to_list() == [None, "tobruk-port"]
    assert rows["arr_site_guess"].to_list() == ["benghazi-port", None]  # the silence's guess, as flights list shows
    assert _port(None, "benghazi-port") == "benghazi-port?" and _port(None, None) == "?"  # the table's cells
    none = runner.invoke(app, ["voyages", "list", "--db", db, "--site", "Novorossiysk"])
    assert none.exit_code == 1 and "no voyages match (2 stored)" in none.output
    bad = runner.invoke(app, ["voyages", "list", "--db", db, "--site", "Narnia"])
    assert bad.exit_code == 2 and "unknown place 'Narnia'" in bad.output


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Tobruk", {"tobruk", "tobruk-port"}),  # the town: its air base and its port
        ("Latakia", {"latakia-port", "hmeimim"}),
        ("Tartus", {"tartus", "tartus-port"}),  # a ship's town: its harbour; no airfield of the name
        ("Hmeimim", {"hmeimim"}),  # the air base's own name, not the port of its town
        ("Tobruk port", {"tobruk-port"}),  # a name with its kind of site
    ],
)
def test_a_filter_with_no_domain_reads_a_town_for_both_kinds_of_carrier(name: str, expected: set[str]) -> None:
    assert set(FlightFilter(site=name).places()["site"].site_ids) == expected
