"""End to end through the store: build, write, query with filters, fluent Flight, CLI."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

import liftwatch
from liftwatch.cli import app
from liftwatch.store import Store
from liftwatch.tracks import KbInputs, build_flights
from tests.tracks.synth import SITES, T0, fly, points
from tests.tracks.test_sites import _mil


def _pts() -> pl.DataFrame:
    return points(
        fly("155abc", "hmeimim", "al-khadim"),
        fly("155abc", "al-khadim", "hmeimim", T0 + timedelta(hours=5)),
        fly("4b1234", "LCLK", "OLBA", T0, callsign="CYP123", type_code="A320"),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "f.duckdb")
    with Store(path) as s:
        s.ingest_table(_pts())
        s.write_flights(build_flights(s, inputs=KbInputs(sites=SITES, classify_frame=_mil)))
    return path


def test_store_roundtrip_and_filters(db: str) -> None:
    with liftwatch.open(db) as lw:
        assert len(lw.flights()) == 3
        mil = lw.flights("military").to_polars()
        assert mil.height == 2 and set(mil["asset_id"]) == {"155abc"}
        assert len(lw.flights(country="cy")) == 1
        assert len(lw.flights(start=T0 + timedelta(hours=4))) == 1
        assert lw.flights(asset="4B1234").to_polars()["arr_site"].to_list() == ["OLBA"]
        f = lw.flight(mil["flight_id"][0])
        assert f.landing_site() is not None and f.takeoff_site() is not None
        track = f.track
        assert track.height == f.n_points
        assert f.candidates()["site_id"][0] == f.arr_site
        assert "arr" in f.evidence()
        assert "->" in repr(f)


def test_rerun_is_idempotent(db: str) -> None:
    with Store(db) as s:
        s.write_flights(build_flights(s, inputs=KbInputs(sites=SITES, classify_frame=_mil)))
        assert s.flights().height == 3


def test_cli_list_formats(db: str, tmp_path: Path) -> None:
    r = CliRunner().invoke(app, ["flights", "list", "--db", db, "--class", "military", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.count("155abc-") == 2
    out = tmp_path / "f.parquet"
    r = CliRunner().invoke(app, ["flights", "list", "--db", db, "--format", "parquet", "--out", str(out)])
    assert r.exit_code == 0 and pl.read_parquet(out).height == 3
    r = CliRunner().invoke(app, ["flights", "list", "--db", db, "--class", "state"])
    assert r.exit_code == 1
    r = CliRunner().invoke(app, ["flights", "list", "--db", db, "--format", "xml"])
    assert r.exit_code == 2
    fid = pl.read_parquet(out)["flight_id"][0]
    r = CliRunner().invoke(app, ["flights", "show", fid, "--db", db])
    assert r.exit_code == 0 and fid in r.output


def test_cli_build_with_kb_and_corridor(tmp_path: Path) -> None:
    pytest.importorskip("liftwatch.kb")
    db = str(tmp_path / "kb.duckdb")
    with Store(db) as s:
        s.ingest_table(points(fly("155abc", "hmeimim", "benina"), fly("4b1234", "LCLK", "OLBA", T0, type_code="A320")))
    r = CliRunner().invoke(app, ["flights", "build", "--db", db])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(
        app, ["flights", "list", "--db", db, "--corridor", "Khmeimim:eastern Libya", "--format", "csv"]
    )
    assert r.exit_code == 0, r.output
    assert "155abc-" in r.output and "4b1234-" not in r.output
    with liftwatch.open(db) as lw:
        assert len(lw.flights(site="Хмеймим")) == 1
    r = CliRunner().invoke(app, ["flights", "list", "--db", db, "--site", "no such place zzz"])
    assert r.exit_code == 2


def test_cli_build_empty_store(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.duckdb")
    Store(db).close()
    r = CliRunner().invoke(app, ["flights", "build", "--db", db])
    assert r.exit_code == 1
