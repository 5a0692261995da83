"""Guesses are never shown as facts: ``mark_guesses`` and ``flights list --min-confidence``."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from typer.testing import CliRunner

from liftwatch.cli import app
from liftwatch.errors import LiftwatchError
from liftwatch.tracks.guesses import mark_guesses

DATA = Path(__file__).resolve().parents[1] / "data" / "real" / "adsb"
T = datetime(2024, 1, 1, 12, tzinfo=UTC)


def _frame() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "dep_site": ["LFPG", "LSGL", None],
            "dep_conf": [0.9, 0.03, None],
            "arr_site": ["LFPO", "LFRK", None],
            "arr_conf": [0.95, 0.04, None],
            "ending": ["landed", "out_of_coverage", "landed_unknown_site"],
            "arr_time": [T, T, T],
        }
    )


def test_mark_guesses_moves_weak_sites_out() -> None:
    out = mark_guesses(_frame(), 0.5)
    assert out["dep_site"].to_list() == ["LFPG", None, None]
    assert out["dep_site_guess"].to_list() == [None, "LSGL", None]
    assert out["arr_site_guess"].to_list() == [None, "LFRK", None]
    assert out["arr_time"].to_list() == [T, None, T]  # no arrival time invented from a guess
    assert out["arr_time_estimated"].to_list() == [False, False, False]
    everything = mark_guesses(_frame(), 0.0)
    assert everything["dep_site"].to_list() == ["LFPG", "LSGL", None]
    assert everything["arr_time_estimated"].to_list() == [False, True, False]
    with pytest.raises(LiftwatchError, match="between 0 and 1"):
        mark_guesses(_frame(), 1.5)


def test_flights_list_shows_guesses_and_start_kind(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    run = CliRunner()
    for name in ("sample_aircraft_carrier", "sample_qantas747"):
        assert run.invoke(app, ["ingest", str(DATA / f"{name}.opensky.csv.gz"), "--db", db]).exit_code == 0
    assert run.invoke(app, ["flights", "build", "--db", db]).exit_code == 0
    res = run.invoke(app, ["flights", "list", "--db", db, "--format", "csv"])
    assert res.exit_code == 0, res.output
    csv = pl.read_csv(res.stdout.encode())
    assert {"start_kind", "dep_conf", "dep_site_guess", "arr_site_guess"} <= set(csv.columns)
    deck = csv.filter(pl.col("ending") == "landed_unknown_site")
    assert deck.height == 3 and deck["arr_site"].null_count() == 3
    qantas = csv.filter(pl.col("callsigns") == "QFA7474").row(0, named=True)
    assert qantas["dep_site"] == "YSSY" and qantas["arr_site"] is None and qantas["arr_site_guess"]
    shown_all = pl.read_csv(
        run.invoke(app, ["flights", "list", "--db", db, "--format", "csv", "--min-confidence", "0"]).stdout.encode()
    )
    assert shown_all.filter(pl.col("callsigns") == "QFA7474")["arr_site"][0] is not None
    import liftwatch

    with liftwatch.open(db, read_only=True) as lw:
        f = lw.flight(qantas["flight_id"])
        assert f.takeoff_site() is not None and f.landing_site() is None  # a guess is not a landing site
        assert f.landing_site(min_confidence=0.0) is not None
        assert f"{qantas['arr_site_guess']}?" in repr(f)
    bad = run.invoke(app, ["flights", "list", "--db", db, "--min-confidence", "2"])
    assert bad.exit_code == 2 and "between 0 and 1" in bad.output
    bad_ending = run.invoke(app, ["flights", "list", "--db", db, "--ending", "crashed"])
    assert bad_ending.exit_code == 2 and "landed_unknown_site" in bad_ending.output
