"""Many small files in one transaction: same rows, same bookkeeping and same failures as one file at a time."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from liftwatch.ingest import ingest_paths
from liftwatch.ingest_parse import ParsedChunk
from liftwatch.ingest_workers import ParseThread
from liftwatch.store import Store
from liftwatch.store_batch import FileBatch
from liftwatch.store_files import fingerprint, unchanged
from tests.conftest import count_opens

T0 = 1_717_200_000


def _trace(path: Path, hexid: str, n: int, *, bad: int = 0, ts: int = T0) -> Path:
    pts: list[list[object]] = [[i * 5.0, 30 + i * 0.001, 20 + i * 0.001, 30000, 400.0, 90.0, 0, 0] for i in range(n)]
    for i in range(bad):
        pts[i][1] = "x"  # bad latitude: rejected with its point index
    doc = {"icao": hexid, "timestamp": ts, "trace": pts}
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    return path


def _files(tmp_path: Path, k: int) -> list[Path]:
    return [_trace(tmp_path / f"trace_full_{0x150000 + i:06x}.json", f"{0x150000 + i:06x}", 20 + i) for i in range(k)]


def _one_by_one(files: list[Path], db: Path) -> list[tuple[str, int]]:
    with Store(db) as s:
        out = []
        for f in files:
            out.append((f.name, s.ingest(f).rows_added))
        return out


def test_batched_equals_one_by_one(tmp_path: Path) -> None:
    files = _files(tmp_path, 30)
    files.append(_trace(tmp_path / "trace_full_abcdef.json", "abcdef", 10, bad=3))
    files.append(tmp_path / "trace_full_150000_copy.json")  # same points as the first file, other bytes
    _trace(files[-1], "150000", 25)
    expect = _one_by_one(files, tmp_path / "a.duckdb")
    with Store(tmp_path / "b.duckdb") as s:
        run = ingest_paths(s, files)
        assert [(Path(r.path).name, r.rows_added) for r in run.reports] == expect
        assert run.reports[-1].rows_added == 5  # 20 of its 25 points came with the first file
        assert run.reports[-2].rejects.total == 3 and run.reports[-2].rows_read == 7
        assert run.reports[-2].rejects.samples[0].location == "point 0"
        rows = s.sql("SELECT path, rows_added, rejected FROM ingested_files ORDER BY path")
        assert rows.height == len(files)
        assert dict(zip(rows["path"], rows["rows_added"], strict=True)) == {
            str(f): n for f, (_, n) in zip(files, expect, strict=True)
        }
        total = s.sql("SELECT count(*) AS n FROM points")["n"][0]
        assert total == sum(n for _, n in expect)
        again = ingest_paths(s, files)  # idempotent: every file skipped, nothing added
        assert all(r.skipped for r in again.reports) and again.rows_added == 0
        forced = ingest_paths(s, files, force=True)  # re-read: rows de-duplicated by key
        assert forced.rows_added == 0 and not forced.failures
        assert s.sql("SELECT count(*) AS n FROM points")["n"][0] == total


def test_small_limits_split_batches_and_big_files_stand_alone(tmp_path: Path) -> None:
    files = _files(tmp_path, 12)
    expect = _one_by_one(files, tmp_path / "a.duckdb")
    with Store(tmp_path / "b.duckdb") as s:
        batch = FileBatch(s, max_rows=60, max_files=4, max_file_bytes=10_000)
        reports = [batch.ingest(f) for f in files]
        batch.flush()
        assert [(Path(r.path).name, r.rows_added) for r in reports] == expect
        assert s.sql("SELECT count(*) AS n FROM ingested_files")["n"][0] == len(files)
        big = _trace(tmp_path / "trace_full_aaaaaa.json", "aaaaaa", 500)
        alone = FileBatch(s, max_rows=100)
        rep = alone.ingest(big)  # more rows than a chunk holds: its own transaction, in its place in the order
        alone.flush()
        assert rep.rows_added == 500 and rep.rows_read == 500 and not rep.error


def test_corrupt_file_costs_only_itself(tmp_path: Path) -> None:
    files = _files(tmp_path, 5)
    broken = tmp_path / "trace_full_bbbbbb.json"
    broken.write_bytes(b'{"icao": "bbbbbb", "trace": [[0, 1, 2]]}')  # no timestamp: unreadable
    with Store(tmp_path / "s.duckdb") as s:
        run = ingest_paths(s, [*files[:2], broken, *files[2:]])
        assert len(run.failures) == 1 and "timestamp" in run.failures[0].message
        assert s.sql("SELECT count(*) AS n FROM ingested_files")["n"][0] == 5


def test_failed_commit_rolls_back_the_whole_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path, 4)
    with Store(tmp_path / "s.duckdb") as s:
        import liftwatch.store_batch as sb

        monkeypatch.setattr(sb, "_RECORD_SQL", "INSERT INTO no_such_table SELECT 1")
        run = ingest_paths(s, files)
        assert len(run.failures) == 4 and all(r.error == "failed" for r in run.reports)
        assert s.sql("SELECT count(*) AS n FROM points")["n"][0] == 0
        monkeypatch.undo()
        again = ingest_paths(s, files)  # nothing was recorded: the next run reads them all
        assert not again.failures and again.rows_added == sum(20 + i for i in range(4))


@pytest.mark.parametrize("commit_rows", [1, 70, 1_000_000])
def test_chunks_stored_together_keep_per_file_accounting(tmp_path: Path, commit_rows: int) -> None:
    """Several parsed chunks go in as one step (one lookup, one append): the earliest file still keeps a row
    that two files of different chunks bring, whatever the step size."""
    files = _files(tmp_path, 7)
    files.insert(5, _trace(tmp_path / "trace_full_150001_copy.json", "150001", 30))  # 21 points of file 1, + 9
    expect = _one_by_one(files, tmp_path / "a.duckdb")
    with Store(tmp_path / "b.duckdb") as s:
        batch = FileBatch(s, max_files=2, commit_rows=commit_rows)
        reports = [batch.ingest(f) for f in files]
        batch.flush()
        assert [(Path(r.path).name, r.rows_added) for r in reports] == expect
        assert reports[5].rows_added == 9
        rows = s.sql("SELECT path, rows_added FROM ingested_files ORDER BY path")
        assert dict(zip(rows["path"], rows["rows_added"], strict=True)) == {
            str(f): n for f, (_, n) in zip(files, expect, strict=True)
        }


class _SyncSubmitter:
    """Parses at submit time, like a worker would: the file is read and hashed again by the parser."""

    def submit(self, fn: Callable[..., ParsedChunk], /, *args: Any) -> Any:
        result = fn(*args)
        return SimpleNamespace(result=lambda: result)


@pytest.mark.parametrize("where", ["here", "thread", "elsewhere"])
def test_file_changed_between_queue_and_parse_is_refused(tmp_path: Path, where: str) -> None:
    """Parsed in this process (at once or by its parse thread) the bytes hashed at queue time are the ones
    parsed, and a stat refuses a file changed since; parsed by a worker, which reads the file itself, its hash
    is checked again."""
    a, b = _files(tmp_path, 2)
    executor = {"here": None, "thread": ParseThread(), "elsewhere": _SyncSubmitter()}[where]
    with Store(tmp_path / "s.duckdb") as s:
        batch = FileBatch(s, executor=executor)
        ra, rb = batch.ingest(a), batch.ingest(b)  # both still queued: nothing parsed yet
        st = a.stat()
        _trace(a, "150000", 30)  # rewritten in place, 10 more points
        os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
        batch.flush()
        assert ra.error == "unreadable" and ra.rows_added == 0 and rb.rows_added == 21 and not rb.error
        assert len(batch.failures) == 1 and "changed while it was read" in batch.failures[0].message
        assert s.sql("SELECT path FROM ingested_files")["path"].to_list() == [str(b)]
        assert ingest_paths(s, [a, b]).rows_added == 30  # read again, as it is now


def test_same_size_and_mtime_rewrite_caught_by_hash_in_worker(tmp_path: Path) -> None:
    """A worker re-reads the file: content changed with size, mtime and inode kept is caught by its hash."""
    (a,) = _files(tmp_path, 1)
    with Store(tmp_path / "s.duckdb") as s:
        batch = FileBatch(s, executor=_SyncSubmitter())
        rep = batch.ingest(a, format="readsb_trace")
        st = a.stat()
        data = bytearray(a.read_bytes())
        data[-5] ^= 0xFF  # the gzip trailer: same size, other bytes
        a.write_bytes(bytes(data))
        os.utime(a, ns=(st.st_atime_ns, st.st_mtime_ns))
        assert a.stat().st_ino == st.st_ino and a.stat().st_mtime_ns == st.st_mtime_ns
        batch.flush()
        assert rep.error == "unreadable" and "changed while it was read" in batch.failures[0].message
        assert s.sql("SELECT count(*) AS n FROM ingested_files")["n"][0] == 0


def test_unchanged_is_fingerprint_equality(tmp_path: Path) -> None:
    f = tmp_path / "a.bin"
    f.write_bytes(b"abc")
    before = fingerprint(str(f))
    assert unchanged(str(f), before)
    assert unchanged(f"{tmp_path}//a.bin", before)  # another spelling: the full fingerprint decides
    os.utime(f, ns=(0, f.stat().st_mtime_ns + 1))
    assert not unchanged(str(f), before)
    f.unlink()
    assert not unchanged(str(f), before)


def test_parse_thread_reads_each_small_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default ingest parses in a thread of this process: it parses the bytes the storing thread read and
    hashed, so each file is opened once, and the store holds what a parse at once would give."""
    files = _files(tmp_path, 12)
    expect = _one_by_one(files, tmp_path / "a.duckdb")
    opened = count_opens(monkeypatch, files)
    thread = ParseThread()
    with Store(tmp_path / "b.duckdb") as s:
        batch = FileBatch(s, executor=thread, window=3, max_files=2)  # several chunks in flight at once
        reports = [batch.ingest(f) for f in files]
        batch.flush()
        assert [(Path(r.path).name, r.rows_added) for r in reports] == expect
        assert not batch.failures
    thread.pool.shutdown()
    assert sorted(opened) == sorted(str(f) for f in files)


def test_steps_run_duckdb_on_step_threads_and_restore_its_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While its parse thread takes a core, the storing process runs DuckDB on the others; the store's own
    setting is back afterwards (a big input stored on its own, with nothing parsing beside it, keeps it)."""
    from liftwatch.store_sql import append_rows as real_append

    seen: list[object] = []

    def spying_append(con: Any, table: Any, keys: Any = None) -> None:
        seen.append(con.execute("SELECT current_setting('threads')").fetchall()[0][0])
        real_append(con, table, keys)

    monkeypatch.setattr("liftwatch.store_batch.append_rows", spying_append)
    files = _files(tmp_path, 3)
    with Store(tmp_path / "s.duckdb") as s:
        s.con.execute("SET threads = 3")
        batch = FileBatch(s, step_threads=1)
        for f in files:
            batch.ingest(f)
        batch.flush()
        assert seen == [1] and s.con.execute("SELECT current_setting('threads')").fetchall()[0][0] == 3


@pytest.mark.parametrize("read_ahead", [True, False])
def test_big_inputs_read_ahead_in_a_thread_unless_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read_ahead: bool
) -> None:
    """``workers=0`` means one thread: a big input's batches are then read where they are stored."""
    import liftwatch.store_ingest as si
    from liftwatch.readahead import readahead

    calls: list[int] = []

    def counting(items: Any, depth: int) -> Any:
        calls.append(depth)
        return readahead(items, depth)

    monkeypatch.setattr(si, "readahead", counting)
    (f,) = _files(tmp_path, 1)
    with Store(tmp_path / "s.duckdb") as s:
        batch = FileBatch(s, max_file_bytes=10, read_ahead=read_ahead)  # every file is "big"
        rep = batch.ingest(f)
        batch.flush()
        assert rep.rows_added == 20 and calls == ([si.AHEAD] if read_ahead else [])
