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

    later = [conform(make_points(40, start=datetime(2025, 1, 6, 12, k, tzinfo=UTC))) for k in range(0, 50, 10)]

    def grows_after_a_commit(*_a: object, **_k: object) -> Iterator[pa.Table]:
        yield from later[:2]
        with h.open("ab") as fh:  # still being written: caught at the next commit
            fh.write(b"more\n")
        yield from later[2:]

    h = tmp_path / "z.sbs"
    h.write_bytes(b"a file being written\n")
    monkeypatch.setattr("liftwatch.store_ingest.lio.read", grows_after_a_commit)
    with pytest.raises(PartlyStoredError, match=r"changed while it was read \(still being written\?\); 80 rows") as err:
        store.ingest(h, format="sbs", read_ahead=False)  # read in place: the write lands after the first commit
    assert "nothing was stored" not in str(err.value) and store.info()["files"] == 1


def test_reading_ahead_in_a_thread_stores_and_rejects_as_reading_in_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A big input's batches are read, checked and keyed in a thread while the store appends: the rows, the
    reject counts and the order of the reject samples are those of reading in place."""
    import liftwatch.store_ingest as si
    from liftwatch.io.base import RejectLog
    from liftwatch.readahead import readahead

    def batches(_path: object, *, format: str, rejects: RejectLog) -> Iterator[pa.Table]:
        for k in range(12):
            rejects.add(str(_path), f"line {k}", "unparseable line")
            pts = make_points(30, asset=f"15{k:04x}", start=datetime(2025, 1, 5, 12, k, tzinfo=UTC))
            if k == 7:  # a row far in the future: the store's time window refuses it, as a reject
                pts = pts.with_columns(ts=pts["ts"].dt.offset_by("30y"))
            yield conform(pts)

    f = tmp_path / "x.sbs"
    f.write_bytes(b"placeholder: the reader is replaced\n")
    monkeypatch.setattr("liftwatch.store_ingest.lio.read", batches)
    monkeypatch.setattr(si, "STAGE_ROWS", 50)
    monkeypatch.setattr(si, "COMMIT_ROWS", 100)
    runs = []
    for name, ahead in (("ahead", readahead), ("in place", lambda items, _depth: items)):
        monkeypatch.setattr(si, "readahead", ahead)
        with Store(tmp_path / f"{name}.duckdb") as s:
            rep = s.ingest(f, format="sbs")
            rows = s.sql("SELECT asset_id, ts, row_key FROM points ORDER BY asset_id, ts")
        runs.append((rep.rows_read, rep.rows_added, dict(rep.rejects.counts), rep.rejects.samples, rows))
    assert runs[0][:4] == runs[1][:4] and runs[0][4].equals(runs[1][4])
    assert runs[0][1] == 11 * 30 and sum(runs[0][2].values()) == 12 + 30


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


def test_string_hashes_are_the_same_from_the_cache_and_the_cache_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from liftwatch import rowkey

    monkeypatch.setattr(rowkey, "_SEEN_LIMIT", 5)
    monkeypatch.setattr(rowkey, "_seen", {})
    values = [f"RCH{i}" for i in range(12)] + ["RCH1", "ü\ud800"]
    want = [rowkey._string_hash(v) for v in values]
    assert rowkey._string_hashes(values) == want  # first sight: computed (the cache emptied when it filled)
    assert rowkey._seen == {}  # more distinct values than it holds: none kept
    assert rowkey._string_hashes(values[-5:]) == want[-5:]
    assert rowkey._seen == dict(zip(values[-5:], want[-5:], strict=True))
    assert rowkey._string_hashes(values[-5:]) == want[-5:]  # now from the cache: the same values
    fresh = [values[0], values[2], values[3]]  # none cached, would overflow it: emptied, then these kept
    assert rowkey._string_hashes(fresh) == [want[0], want[2], want[3]]
    assert set(rowkey._seen) == set(fresh)
