from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pyarrow as pa
import pytest

import liftwatch
from liftwatch.schema import POINT_SCHEMA, conform
from liftwatch.store import Store

from .conftest import make_points


def test_conform_gives_canonical_schema() -> None:
    t = conform(make_points(5))
    assert t.schema.equals(POINT_SCHEMA)
    assert t.column("flags").to_pylist() == [0] * 5


def test_ingest_table_is_idempotent(store: Store) -> None:
    pts = make_points(50)
    assert store.ingest_table(pts) == 50
    assert store.ingest_table(pts) == 0
    # overlapping batch: only the new half is added
    assert store.ingest_table(make_points(100)) == 50
    assert store.info()["points"] == 100


def test_duplicate_rows_inside_one_batch_are_dropped(store: Store) -> None:
    import polars as pl

    pts = make_points(10)
    assert store.ingest_table(pl.concat([pts, pts])) == 10


def test_failed_ingest_leaves_nothing(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def bad_batches(*_a: object, **_k: object) -> Iterator[pa.Table]:
        yield conform(make_points(10))
        raise RuntimeError("reader died mid-file")

    f = tmp_path / "x.sbs"
    f.write_bytes(b"MSG,3,1,1,4B1801,1,2024/12/14,06:00:00.000,2024/12/14,06:00:00.000,,35000,,,35.1,33.2,,,0,0,0,0\n")
    monkeypatch.setattr("liftwatch.store_ingest.lio.read", bad_batches)
    with pytest.raises(RuntimeError):
        store.ingest(f)
    assert store.info()["points"] == 0
    assert store.info()["files"] == 0


def test_big_input_commits_in_steps_and_keeps_them_when_it_fails_later(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One transaction for a whole day archive held DuckDB's uncommitted rows in memory (~240 B a point): a
    big input commits every COMMIT_ROWS rows. A failure after a commit keeps the committed rows (valid
    observations), says how many, and leaves the file unrecorded, so the next ingest reads it again and adds
    only what is missing."""
    import liftwatch.store_ingest as si
    from liftwatch.errors import PartlyStoredError

    monkeypatch.setattr(si, "STAGE_ROWS", 40)
    monkeypatch.setattr(si, "COMMIT_ROWS", 80)
    parts = [conform(make_points(40, start=datetime(2025, 1, 5, 12, k, tzinfo=UTC))) for k in range(0, 50, 10)]
    # five batches of 40 points, 10 minutes apart (each 400 s long): steps of 40, a commit every 80 rows

    def dies_in_batch_five(*_a: object, **_k: object) -> Iterator[pa.Table]:
        yield from parts[:4]
        raise RuntimeError("reader died mid-file")

    f = tmp_path / "x.sbs"
    f.write_bytes(b"placeholder: the reader is replaced\n")
    monkeypatch.setattr("liftwatch.store_ingest.lio.read", dies_in_batch_five)
    with pytest.raises(PartlyStoredError, match="160 rows stored before it are kept") as err:
        store.ingest(f, format="sbs")
    assert "reader died mid-file" in str(err.value) and err.value.kept == 160
    assert store.info()["points"] == 160 and store.info()["files"] == 0

    monkeypatch.setattr("liftwatch.store_ingest.lio.read", lambda *_a, **_k: iter(parts))
    rep = store.ingest(f, format="sbs")
    assert rep.rows_read == 200 and rep.rows_added == 40  # the kept rows are not added twice
    assert store.info()["points"] == 200 and store.info()["files"] == 1

    def dies_before_a_commit(*_a: object, **_k: object) -> Iterator[pa.Table]:
        yield parts[0]
        raise RuntimeError("reader died early")

    g = tmp_path / "y.sbs"
    g.write_bytes(b"another placeholder\n")
    monkeypatch.setattr("liftwatch.store_ingest.lio.read", dies_before_a_commit)
    with pytest.raises(RuntimeError, match="died early"):  # less than a step: all or nothing, as before
        store.ingest(g, format="sbs")
    assert store.info()["files"] == 1


def test_open_api_returns_polars_and_pandas(tmp_path: Path) -> None:
    with liftwatch.open(tmp_path / "a.duckdb") as lw:
        lw.store.ingest_table(make_points(20, asset="155ABC".lower()))
        df = lw.points(assets=["155ABC"])
        assert df.height == 20
        assert df["lat"].dtype.is_float()
        pdf = lw.points().to_pandas()
        assert len(pdf) == 20


def test_partitions_cover_all_assets(store: Store) -> None:
    for i in range(7):
        store.ingest_table(make_points(10, asset=f"1000{i:02d}"))
    parts = list(store.iter_partitions(3))
    assert sum(p.height for p in parts) == 70
    seen = [set(p["asset_id"].unique()) for p in parts]
    assert len(set().union(*seen)) == 7
    assert sum(len(s) for s in seen) == 7  # an asset lives in exactly one partition


def test_parquet_export(store: Store, tmp_path: Path) -> None:
    store.ingest_table(make_points(10))
    out = store.export_parquet(tmp_path / "pq")
    import polars as pl

    back = pl.read_parquet(str(out / "**/*.parquet"), hive_partitioning=True)
    assert back.height == 10


def test_duckdb_memory_limit_is_bounded_and_validated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from liftwatch.errors import LiftwatchError

    with Store(tmp_path / "a.duckdb") as s:
        limit = s.con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0]
        assert "GiB" in limit or "GB" in limit
        assert float(limit.split()[0]) <= 2.0
    monkeypatch.setenv("LIFTWATCH_DUCKDB_MEMORY", "1GB; DROP TABLE points")
    with pytest.raises(LiftwatchError):
        Store(tmp_path / "b.duckdb")
