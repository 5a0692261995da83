"""`liftwatch voyages`: build, list, calls, exit codes."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

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
    assert runner.invoke(app, ["voyages", "build", "--db", db, "--static", str(tmp_path / "no")]).exit_code == 2
