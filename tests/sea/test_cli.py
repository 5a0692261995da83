"""`liftwatch voyages`: build, list, calls, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

import liftwatch
from liftwatch.cli import app
from liftwatch.store import Store

from .simkit import generate


def test_voyages_cli(tmp_path: Path) -> None:
    from liftwatch.sim.ais_writer import write_ais_nmea

    sc = generate(n_ships=3, days=10, seed=5)
    nmea = tmp_path / "ais.nmea"
    write_ais_nmea(sc.points, nmea)
    db = str(tmp_path / "v.duckdb")
    runner = CliRunner()
    assert runner.invoke(app, ["voyages", "build", "--db", db]).exit_code in (1, 2)  # nothing ingested yet
    with Store(db) as store:
        store.ingest(nmea)
    res = runner.invoke(app, ["voyages", "build", "--db", db, "--static", str(nmea)])
    assert res.exit_code == 0, res.output
    assert "voyages" in res.output
    res = runner.invoke(app, ["voyages", "list", "--db", db, "--limit", "3"])
    assert res.exit_code == 0 and "SHIP" in res.output
    bad = runner.invoke(app, ["voyages", "list", "--db", db, "--ending", "nope"])
    assert (
        bad.exit_code == 2
        and "choose one of: landed, landed_unknown_site, dark, out_of_coverage, data_end" in bad.output
    )
    assert runner.invoke(app, ["voyages", "calls", "--db", db]).exit_code == 0
    _voyages_list_writes_csv_and_parquet_as_flights_list_does(runner, db, tmp_path)


def _voyages_list_writes_csv_and_parquet_as_flights_list_does(runner: CliRunner, db: str, tmp_path: Path) -> None:
    # `voyages list` had no --format/--out: a table on the terminal was the only way to get its rows out
    import csv
    import io

    import polars as pl

    from liftwatch.filters import FlightFilter

    with liftwatch.open(db, read_only=True) as lw:
        stored = lw.select(FlightFilter(domain="sea")).to_polars()
    res = runner.invoke(app, ["voyages", "list", "--db", db, "--format", "CSV"])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.stdout)))
    assert len(rows) == stored.height > 3  # every voyage, not the table's first 50
    assert {r["flight_id"] for r in rows} == set(stored["flight_id"]) and any(r["name"] for r in rows)
    out = tmp_path / "voyages.parquet"
    res = runner.invoke(app, ["voyages", "list", "--db", db, "--format", "parquet", "--out", str(out)])
    assert res.exit_code == 0 and pl.read_parquet(out).height == stored.height
    res = runner.invoke(app, ["voyages", "list", "--db", db, "--format", "parquet"])
    assert res.exit_code == 2 and "--format parquet needs --out FILE" in res.output
    assert runner.invoke(app, ["voyages", "build", "--db", db, "--static", str(tmp_path / "no")]).exit_code == 2
