"""The pipeline on a dataset gives what it gives on the DuckDB file (bundled scenario), CLI included."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

import liftwatch
from liftwatch.cli import app
from liftwatch.store_dataset import DatasetStore

from .conftest import demo_inputs


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bundled scenario ingested into a DuckDB file, exported before any build, then both built."""
    root = tmp_path_factory.mktemp("pipeline")
    db, target = root / "demo.duckdb", root / "ds"
    with liftwatch.open(db) as lw:
        assert not lw.ingest(*demo_inputs()).failures
        lw.export_dataset(target, buckets=32)
        lw.build()
    with liftwatch.open(target) as lw:
        assert lw.store.flights().is_empty()  # the flights below are built from the dataset's points
        lw.build(partitions=3)
    return db, target


def test_flights_built_from_the_dataset_equal_the_store_build(built: tuple[Path, Path]) -> None:
    db, target = built
    with liftwatch.open(db, read_only=True) as a, liftwatch.open(target, read_only=True) as b:
        fa, fb = a.store.flights(), b.store.flights()
        assert fa.height > 1000 and fa.height == fb.height
        assert fa.equals(fb)  # every column: sites, endings, candidates, geometry, evidence
        assert a.corridors().equals(b.corridors())
        sa = a.analyse(coverage=True)
        sb = b.analyse(coverage=True)
        assert sa.summary == sb.summary
        hm = "hmeimim"
        assert len(a.flights(site=hm)) == len(b.flights(site=hm)) > 0
        assert a.flights(site=hm).to_polars().equals(b.flights(site=hm).to_polars())


def test_cli_ingest_to_export_parquet_info_and_build(tmp_path: Path) -> None:
    runner = CliRunner()
    files = [str(f) for f in demo_inputs(3)]
    target = tmp_path / "ds"
    res = runner.invoke(app, ["ingest", "--to", str(target), *files])
    assert res.exit_code == 0, res.output
    assert (target / "_liftwatch" / "manifest.json").is_file()
    with DatasetStore(target, read_only=True) as d:
        n, commit = d.info()["points"], d.manifest.commit
    again = runner.invoke(app, ["ingest", "--to", str(target), *files])
    assert again.exit_code == 0, again.output
    with DatasetStore(target, read_only=True) as d:
        assert d.info()["points"] == n > 0 and d.manifest.commit == commit  # nothing new: not even a commit
    info = runner.invoke(app, ["info", "--db", str(target)])
    assert info.exit_code == 0 and "points" in info.output, info.output
    build = runner.invoke(app, ["build", "--db", str(target)])
    assert build.exit_code == 0, build.output
    rep = runner.invoke(app, ["report", "--db", str(target), "--out", str(tmp_path / "report")])
    assert rep.exit_code == 0, rep.output
    assert (tmp_path / "report" / "report.html").is_file()
    db = tmp_path / "s.duckdb"
    assert runner.invoke(app, ["ingest", "--db", str(db), *files]).exit_code == 0
    out = tmp_path / "exported"
    exp = runner.invoke(app, ["export", "--db", str(db), "--parquet", str(out), "--buckets", "8"])
    assert exp.exit_code == 0 and "new points" in exp.output, exp.output
    with DatasetStore(target, read_only=True) as a, DatasetStore(out, read_only=True) as b:
        assert a.points().equals(b.points())
        assert a.buckets == 64 and b.buckets == 8
    neither = runner.invoke(app, ["export", "--db", str(db)])
    assert neither.exit_code == 2 and "--parquet" in neither.output
    wrong = runner.invoke(app, ["export", "--db", str(db), "--parquet", str(out), "--buckets", "16"])
    assert wrong.exit_code != 0 and "8 buckets" in wrong.output
