"""Ingest into a dataset keeps the store's promises: no duplicates, nothing half-visible, clear errors."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import liftwatch
from liftwatch import dataset_commit
from liftwatch import io as lio
from liftwatch.dataset_export import export_dataset
from liftwatch.dataset_ingest import ingest_into
from liftwatch.errors import InvalidValueError, LiftwatchError, StoreLockedError, UnreadableFileError
from liftwatch.store import Store
from liftwatch.store_dataset import DatasetStore
from tests.conftest import count_opens

from .conftest import demo_inputs


def _points(target: Path) -> int:
    with DatasetStore(target, read_only=True) as d:
        return int(d.sql("SELECT count(*) AS n FROM points")["n"][0])


def test_ingest_to_matches_the_store_and_reingest_adds_nothing(small_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "ds"
    with liftwatch.open_dataset(target, buckets=8) as lw:
        run = lw.ingest(*demo_inputs(4))
        assert not run.failures and run.rows_added > 0
    with Store(small_store, read_only=True) as s:
        want = s.points()
    with DatasetStore(target, read_only=True) as d:
        assert d.points().equals(want)
        assert d.ais_static().height > 0  # AIS static reports kept, as the store keeps them
    with liftwatch.open_dataset(target) as lw:
        again = lw.ingest(*demo_inputs(4))
        assert all(r.skipped for r in again) and again.rows_added == 0
        forced = lw.ingest(*demo_inputs(4), force=True)  # re-read: every row's key is already there
        assert not any(r.skipped for r in forced) and forced.rows_added == 0
    assert _points(target) == want.height


def test_an_overlapping_copy_adds_no_rows(tmp_path: Path) -> None:
    trace = demo_inputs(1)[0]
    copy = tmp_path / (trace.name + ".gz")
    copy.write_bytes(gzip.compress(trace.read_bytes()))  # other bytes, same rows
    target = tmp_path / "ds"
    with liftwatch.open_dataset(target) as lw:
        first = lw.ingest(trace)
        second = lw.ingest(copy)
    assert first.rows_added > 0 and not second[0].skipped and second.rows_added == 0


def test_dedup_reads_only_row_keys_of_touched_partitions(
    small_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, object]] = []
    real = pq.read_table

    def spy(source: object, *args: object, **kwargs: object) -> object:
        calls.append((str(source), kwargs.get("columns")))
        return real(source, *args, **kwargs)

    monkeypatch.setattr("liftwatch.dataset_write.pq.read_table", spy)
    with DatasetStore(small_dataset) as d:
        sample = d.points().head(50)
        touched = {
            f"day={day}/bucket={b}"
            for day, b in d.sql(
                "SELECT DISTINCT CAST(ts AS DATE) AS day, bucket FROM _points_ds WHERE asset_id IN (SELECT unnest(?))",
                [sample["asset_id"].unique().to_list()],
            ).iter_rows()
        }
        assert d.ingest_table(sample) == 0
    data = [(path, cols) for path, cols in calls if "/points/" in path]
    assert data and all(cols == ["row_key"] for _, cols in data)  # keys only, never whole rows
    assert all(any(t in path for t in touched) for path, _ in data)  # of the partitions the rows fall in


def test_export_twice_adds_nothing_and_keeps_ingested_files(small_store: Path, small_dataset: Path) -> None:
    before = _points(small_dataset)
    with Store(small_store, read_only=True) as s:
        rep = export_dataset(s, small_dataset)
    assert rep.points == 0 and rep.duplicates == before
    assert _points(small_dataset) == before
    with liftwatch.open(small_dataset) as lw:  # the store's files are known to the dataset: skipped
        assert all(r.skipped for r in lw.ingest(*demo_inputs(4)))


def test_a_failed_commit_leaves_nothing_visible_and_is_cleaned(
    small_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _points(small_dataset)
    mine = small_dataset / "points" / "notes.parquet"  # a user's own file: never liftwatch's to remove
    mine.write_bytes(b"not ours")
    files_before = sorted(small_dataset.rglob("*.parquet"))
    more = demo_inputs()[4:8]

    def killed(*_: object, **__: object) -> None:
        raise KeyboardInterrupt  # what a kill between the file moves and the manifest looks like

    monkeypatch.setattr(dataset_commit, "write_manifest", killed)
    with pytest.raises(KeyboardInterrupt), DatasetStore(small_dataset) as d:
        ingest_into(d, more)
    monkeypatch.undo()
    assert _points(small_dataset) == before  # liftwatch reads exactly the committed files
    with DatasetStore(small_dataset) as d:  # the next writer removes what the killed commit left
        assert d.info()["points"] == before
    assert sorted(small_dataset.rglob("*.parquet")) == files_before
    assert mine.read_bytes() == b"not ours"
    with liftwatch.open(small_dataset) as lw:  # and the inputs go in on the next run
        assert lw.ingest(*more).rows_added > 0


def test_a_file_failing_midway_costs_only_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = demo_inputs(3)[:3]
    bad = tmp_path / "bad_trace.json.gz"
    bad.write_bytes(good[0].read_bytes() + b"!")  # another hash; its reader fails after yielding rows
    real = lio.read

    def read(path: object, *args: object, **kwargs: object) -> Iterator[pa.Table]:
        if str(path) != str(bad):
            yield from real(path, *args, **kwargs)  # type: ignore[arg-type]
            return
        for batch in real(good[0], *args, **kwargs):  # type: ignore[arg-type]
            yield batch
            yield batch.slice(0, 5)
        raise UnreadableFileError(str(bad), "damaged after the first rows")

    monkeypatch.setattr("liftwatch.dataset_ingest.lio.read", read)
    target = tmp_path / "ds"
    with DatasetStore(target, create=True) as d:
        # tiny buffers: every file streams behind a savepoint, and the bad one is rolled back midway
        run = ingest_into(d, [good[1], bad, good[2], good[0]], max_rows=10)
    assert [f.path for f in run.failures] == [str(bad)]
    ref = tmp_path / "ref"
    with DatasetStore(ref, create=True) as d:
        ingest_into(d, [good[1], good[2], good[0]])
    with DatasetStore(target, read_only=True) as a, DatasetStore(ref, read_only=True) as b:
        assert a.points().equals(b.points())
        assert a.sql("SELECT count(*) AS n FROM ingested_files")["n"][0] == 3


def test_clear_errors(tmp_path: Path, small_dataset: Path) -> None:
    with pytest.raises(LiftwatchError, match="no liftwatch dataset here"):
        DatasetStore(tmp_path / "nothing")
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "notes.txt").write_text("x")
    with pytest.raises(LiftwatchError, match="not empty"):
        DatasetStore(junk, create=True)
    with pytest.raises(LiftwatchError, match="16 buckets, not 8"):
        DatasetStore(small_dataset, buckets=8)
    with DatasetStore(small_dataset), pytest.raises(StoreLockedError):
        DatasetStore(small_dataset)
    DatasetStore(small_dataset, read_only=True).close()  # readers never wait for the writer
    with pytest.raises(LiftwatchError, match="between 1 and 65535"):
        DatasetStore(tmp_path / "zero", create=True, buckets=0)
    manifest = small_dataset / "_liftwatch" / "manifest.json"
    manifest.write_text(manifest.read_text().replace('"version": 1', '"version": 9'))
    with pytest.raises(LiftwatchError, match="format version 9"):
        DatasetStore(small_dataset, read_only=True)
    with DatasetStore(tmp_path / "y", create=True) as y, pytest.raises(LiftwatchError, match="already a dataset"):
        export_dataset(y, tmp_path / "z")
    manifest.write_text("{not json")
    with pytest.raises(LiftwatchError, match="not a liftwatch dataset manifest"):
        DatasetStore(small_dataset, read_only=True)


def test_untimed_ais_into_a_dataset_needs_and_takes_assume_time(tmp_path: Path) -> None:
    """The DuckDB store's rules hold for a dataset: nothing kept fails with its reasons; --assume-time times it."""
    from datetime import UTC, datetime

    from pyais.encode import encode_dict

    line = encode_dict({"type": 1, "mmsi": 273906301, "lat": 34.7, "lon": 35.5}, talker_id="AI")[0]
    path = tmp_path / "untimed.nmea"
    path.write_text(line + "\n")
    when = datetime(2021, 7, 1, 12, tzinfo=UTC)
    with liftwatch.open_dataset(tmp_path / "ds") as lw:
        run = lw.ingest(path)
        (failure,) = run.failures
        assert "--assume-time" in failure.message and run.reports[0].rejects.total == 1
        assert lw.ingest(path, assume_time=when).rows_added == 1
        with pytest.raises(LiftwatchError, match="workers must be 0"):
            lw.ingest(path, workers=-1)


def test_ingest_into_takes_assume_time_as_an_argument(tmp_path: Path) -> None:
    """No context needed: the argument times untimed AIS, a bad value is refused before any file is read."""
    from datetime import UTC, datetime

    from pyais.encode import encode_dict

    line = encode_dict({"type": 1, "mmsi": 273906301, "lat": 34.7, "lon": 35.5}, talker_id="AI")[0]
    path = tmp_path / "untimed.nmea"
    path.write_text(line + "\n")
    with DatasetStore(tmp_path / "ds", create=True) as d:
        with pytest.raises(InvalidValueError, match="assume"):
            ingest_into(d, [path], assume_time="not a time")
        assert d.sql("SELECT count(*) AS n FROM ingested_files")["n"][0] == 0
        run = ingest_into(d, [path], assume_time=datetime(2021, 7, 1, 12, tzinfo=UTC))
        assert not run.failures and run.rows_added == 1
        ts = d.sql("SELECT ts FROM points")["ts"][0]
        assert ts == datetime(2021, 7, 1, 12, tzinfo=UTC)


def test_small_files_parsed_in_chunks_equal_the_store_file_by_file(tmp_path: Path) -> None:
    """Small inputs go through the chunk parser: the same rows and reports, in input order, as the DuckDB
    store; a damaged file in the chunk fails alone and a second copy of a file in the same chunk is skipped."""
    traces = [p for p in demo_inputs(6) if "trace" in p.name]
    bad = tmp_path / "trace_full_bad.json.gz"
    bad.write_bytes(gzip.compress(b'{"icao":"abc123","timestamp":1734600000,"trace":[[0,35.1,'))
    copy = tmp_path / "copy" / traces[0].name
    copy.parent.mkdir()
    copy.write_bytes(traces[0].read_bytes())
    inputs = [traces[0], bad, *traces[1:], copy]
    with DatasetStore(tmp_path / "ds", create=True) as d:
        run = ingest_into(d, inputs, workers=1)
        got = d.points()
    with DatasetStore(tmp_path / "ds2", create=True) as d:  # chunks parsed by two worker processes
        run2 = ingest_into(d, inputs, workers=2)
        assert d.points().equals(got)
    assert [(r.path, r.skipped, r.rows_read, r.rows_added) for r in run2.reports] == [
        (r.path, r.skipped, r.rows_read, r.rows_added) for r in run.reports
    ]
    with Store(tmp_path / "s.duckdb") as s:
        ref_run = liftwatch.ingest.ingest_paths(s, inputs, workers=1)
        want = s.points()
    assert got.equals(want) and got.height > 0
    assert [r.path for r in run.reports] == [r.path for r in ref_run.reports] == [str(p) for p in inputs]
    assert [f.path for f in run.failures] == [str(bad)]
    assert [r.skipped for r in run.reports] == [r.skipped for r in ref_run.reports]
    assert run.reports[-1].skipped and run.rows_added == want.height
    assert [r.rows_read for r in run.reports] == [r.rows_read for r in ref_run.reports]


def test_a_small_file_is_read_once_and_a_change_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Parsed in this process, a small file's bytes are read and hashed once (handed to the parser); a file
    whose size, mtime or inode moved between the stat and the read is still refused, the others kept."""
    good = demo_inputs(2)[:2]
    opened = count_opens(monkeypatch, good)
    with DatasetStore(tmp_path / "ds", create=True) as d:
        run = ingest_into(d, good, workers=1)
    assert not run.failures and sorted(opened) == sorted(str(g) for g in good)  # each opened once
    monkeypatch.undo()

    from liftwatch.store_files import fingerprint as real_fp

    def stale(path: str) -> tuple[tuple[str, int, int, int], ...]:
        fp = real_fp(path)
        if path != str(good[0]):
            return fp
        (p, size, mtime, ino), *_ = fp
        return ((p, size, mtime - 1, ino),)  # the file moved on after this stat

    monkeypatch.setattr("liftwatch.dataset_ingest.fingerprint", stale)
    with DatasetStore(tmp_path / "ds2", create=True) as d:
        run = ingest_into(d, good, workers=1)
        assert [f.path for f in run.failures] == [str(good[0])]
        assert "changed while it was read" in run.failures[0].message
        assert d.sql("SELECT path FROM ingested_files")["path"].to_list() == [str(good[1])]
