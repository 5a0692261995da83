"""Parallel ingest (worker processes, a Dask cluster) stores exactly what a single-process ingest stores."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import polars as pl
import pytest

import liftwatch.ingest as lingest
from liftwatch.errors import LiftwatchError
from liftwatch.ingest import IngestRun, ingest_paths
from liftwatch.store import Store

T0 = 1_717_200_000


def _trace(path: Path, hexid: str, n: int, *, shift: int = 0, bad: int = 0) -> Path:
    pts: list[list[Any]] = []
    for j in range(shift, shift + n):  # point j is the same in every file of this airframe
        pt: list[Any] = [j * 5.0, 30 + j * 0.001, 20 + j * 0.001, 30000 if j % 7 else "ground", 400.0, 90.0, 0, 0]
        if j % 9 == 0:
            pt += [{"flight": f"RFF{j:03d} ", "squawk": "1234"}, "adsb_icao", 31000, 64]
        pts.append(pt)
    for i in range(bad):
        pts[-1 - i][2] = "x"  # bad longitude: a reject with its point index
    doc = {"icao": hexid, "timestamp": T0, "r": "RA-78830", "t": "il76", "trace": pts}
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    return path


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    d = tmp_path / "in"
    d.mkdir()
    files = [_trace(d / f"trace_full_{0x150000 + i:06x}.json", f"{0x150000 + i:06x}", 40 + 7 * i) for i in range(24)]
    files.append(_trace(d / "trace_full_abcdef.json", "abcdef", 30, bad=4))
    files.append(_trace(d / "trace_full_150000.copy.json", "150000", 60, shift=10))  # overlaps the first file
    (d / "trace_full_bbbbbb.json").write_bytes(b'{"icao": "bbbbbb", "trace": [[0, 1, 2]]}')  # no timestamp
    files.append(d / "trace_full_bbbbbb.json")
    (d / "cut.json.gz").write_bytes(gzip.compress(json.dumps({"icao": "cccccc", "timestamp": T0}).encode())[:30])
    files.append(d / "cut.json.gz")
    sbs = "\n".join(
        f"MSG,3,1,1,4CA123,1,2024/06/01,00:00:{i:02d}.000,2024/06/01,00:00:{i:02d}.000,,35000,,,50.{i:02d},8.5,,,0,0,0,0"
        for i in range(30)
    )
    (d / "feed.sbs").write_text(sbs + "\n")
    files.append(d / "feed.sbs")
    return files


def _snapshot(db: Path, run: IngestRun) -> dict[str, Any]:
    with Store(db, read_only=True) as s:
        points = s.sql("SELECT * FROM points ORDER BY row_key")
        files = s.sql("SELECT sha256, path, format, rows_added, rejected FROM ingested_files ORDER BY path")
    reports = [
        (
            Path(r.path).name,
            r.format,
            r.rows_read,
            r.rows_added,
            r.error,
            r.skipped,
            r.assets,
            r.t_min,
            r.t_max,
            dict(r.rejects.counts),
            [str(x) for x in r.rejects.samples],
        )
        for r in run.reports
    ]
    failures = sorted((Path(f.path).name, f.unexpected) for f in run.failures)
    return {"points": points, "files": files, "reports": reports, "failures": failures}


def _ingest(db: Path, files: list[Path], **kw: Any) -> dict[str, Any]:
    with Store(db) as s:
        run = ingest_paths(s, files, **kw)
    return _snapshot(db, run)


def _same(a: dict[str, Any], b: dict[str, Any]) -> None:
    assert a["points"].equals(b["points"]) and a["points"].height > 0
    assert a["files"].equals(b["files"])
    assert a["reports"] == b["reports"]
    assert a["failures"] == b["failures"]


def test_workers_store_what_one_process_stores(
    tmp_path: Path, inputs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lingest, "CHUNK_BYTES", 2000)  # many chunks, several in flight at once
    one = _ingest(tmp_path / "one.duckdb", inputs, workers=1)
    two = _ingest(tmp_path / "two.duckdb", inputs, workers=2)
    _same(one, two)
    assert one["failures"] == [("cut.json.gz", False), ("trace_full_bbbbbb.json", False)]
    copy = next(r for r in one["reports"] if r[0] == "trace_full_150000.copy.json")
    assert copy[2] == 60 and copy[3] == 60 - 22  # points 18..39 (same callsign state) came with the first file
    bad = next(r for r in one["reports"] if r[0] == "trace_full_abcdef.json")
    assert bad[9] == {"bad or missing lat/lon": 4} and bad[10][0].endswith("point 26: bad or missing lat/lon")
    with Store(tmp_path / "alone.duckdb") as s:  # the same as the file-by-file store path
        alone = {f.name: s.ingest(f).rows_added for f in inputs if "bbbbbb" not in f.name and "cut" not in f.name}
    assert {r[0]: r[3] for r in one["reports"] if r[0] in alone} == alone


def test_reingest_with_workers_adds_nothing(
    tmp_path: Path, inputs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(lingest, "CHUNK_BYTES", 2000)
    db = tmp_path / "s.duckdb"
    with Store(db) as s:
        first = ingest_paths(s, inputs, workers=2)
        again = ingest_paths(s, inputs, workers=2)
        forced = ingest_paths(s, inputs, workers=2, force=True)
        n = s.sql("SELECT count(*) AS n FROM points")["n"][0]
    assert first.rows_added == n > 0
    assert again.rows_added == 0 and sum(r.skipped for r in again.reports) == len(inputs) - 2
    assert forced.rows_added == 0


def test_bad_worker_count_is_an_error(tmp_path: Path, inputs: list[Path]) -> None:
    with Store(tmp_path / "s.duckdb") as s, pytest.raises(LiftwatchError, match=r"workers must be 0 .*got -1"):
        ingest_paths(s, inputs, workers=-1)


def test_dask_cluster_stores_what_one_process_stores(
    tmp_path: Path, inputs: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    distributed = pytest.importorskip("distributed", reason="Dask distributed not installed (pip install .[dask])")
    monkeypatch.setattr(lingest, "CHUNK_BYTES", 2000)
    one = _ingest(tmp_path / "one.duckdb", inputs, workers=1)
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as client,
    ):
        on_dask = _ingest(tmp_path / "dask.duckdb", inputs, dask=client)
        by_address = _ingest(tmp_path / "addr.duckdb", inputs, dask=cluster.scheduler_address)
    _same(one, on_dask)
    _same(one, by_address)


def test_unreachable_dask_scheduler_is_a_clear_error(tmp_path: Path, inputs: list[Path]) -> None:
    pytest.importorskip("distributed", reason="Dask distributed not installed (pip install .[dask])")
    with Store(tmp_path / "s.duckdb") as s, pytest.raises(LiftwatchError, match="Dask scheduler"):
        ingest_paths(s, inputs, dask="tcp://127.0.0.1:9")


def test_points_frame_types_unchanged(tmp_path: Path, inputs: list[Path]) -> None:
    snap = _ingest(tmp_path / "s.duckdb", inputs[:3], workers=1)
    pts: pl.DataFrame = snap["points"]
    assert pts.schema["ts"] == pl.Datetime("us", "UTC") and pts.schema["row_key"] == pl.UInt64
    assert pts.filter(pl.col("callsign").is_not_null()).height > 0


@pytest.mark.parametrize("commit_rows", [150, 1_000_000])
def test_no_chunk_lost_or_doubled_with_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, commit_rows: int
) -> None:
    """Every point of every file is stored exactly once, however the files fall into chunks and steps: the
    count is checked against the points written, not against another ingest run."""
    import liftwatch.store_batch as sb

    monkeypatch.setattr(lingest, "CHUNK_BYTES", 1500)  # ~3 files a chunk: many chunks in flight, many per step
    monkeypatch.setattr(sb, "COMMIT_ROWS", commit_rows)
    d = tmp_path / "in"
    d.mkdir()
    files = [_trace(d / f"trace_full_{0x160000 + i:06x}.json", f"{0x160000 + i:06x}", 30 + i) for i in range(40)]
    # overlaps inside one chunk (next file) and across chunks (file 3 again, 30 files later); the shifts are
    # multiples of 9, where a point carries its callsign, so an overlapping point is the identical row
    files.insert(8, _trace(d / "trace_full_160007.next.json", f"{0x160007:06x}", 50, shift=18))
    files.insert(38, _trace(d / "trace_full_160003.late.json", f"{0x160003:06x}", 40, shift=9))
    distinct = {(f"{0x160000 + i:06x}", j) for i in range(40) for j in range(30 + i)}
    distinct |= {(f"{0x160007:06x}", j) for j in range(18, 68)} | {(f"{0x160003:06x}", j) for j in range(9, 49)}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        with Store(db) as s:
            run = ingest_paths(s, files, workers=workers)
            stored = s.sql("SELECT asset_id, epoch(ts) AS t FROM points")
            n_files = s.sql("SELECT count(*) AS n, sum(rows_added) AS added FROM ingested_files")
        assert not run.failures
        assert stored.height == len(distinct) == run.rows_added
        got = {(a, round((t - T0) / 5)) for a, t in stored.iter_rows()}
        assert got == distinct
        assert n_files["n"][0] == len(files) and n_files["added"][0] == len(distinct)
        late = next(r for r in run.reports if r.path.endswith("late.json"))
        assert late.rows_read == 40 and late.rows_added == 49 - 33  # points 33..48: file 3 had 0..32


def test_worker_start_does_not_rerun_the_main_script(monkeypatch: pytest.MonkeyPatch) -> None:
    """``spawn`` would re-run a script's imports (for ``liftwatch``: the whole CLI) in every worker."""
    import sys
    import types

    from liftwatch.ingest_workers import _main_script_hidden

    script = types.ModuleType("__main__")
    script.__file__ = "/usr/bin/liftwatch"
    script.__spec__ = None
    monkeypatch.setitem(sys.modules, "__main__", script)
    with _main_script_hidden():
        assert not hasattr(script, "__file__")
    assert script.__file__ == "/usr/bin/liftwatch"
    module_run = types.ModuleType("__main__")  # python -m ...: spawn imports it by name, left alone
    module_run.__file__ = "/x/__main__.py"
    module_run.__spec__ = types.SimpleNamespace(name="pkg.__main__")  # type: ignore[assignment]
    monkeypatch.setitem(sys.modules, "__main__", module_run)
    with _main_script_hidden():
        assert module_run.__file__ == "/x/__main__.py"


def test_worker_environment_is_set_only_while_processes_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers inherit glibc's raised mmap/trim thresholds; the ingesting process keeps its environment, and a
    value the user set is never overridden."""
    import os

    from liftwatch.ingest_workers import WORKER_ENV, _worker_environment

    (first, second) = list(WORKER_ENV)
    monkeypatch.delenv(first, raising=False)
    monkeypatch.setenv(second, "4096")
    with _worker_environment():
        assert os.environ[first] == WORKER_ENV[first] and os.environ[second] == "4096"
    assert first not in os.environ and os.environ[second] == "4096"


def test_automatic_choice_parses_in_a_thread_on_two_cores(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On up to two cores the storing process's parse thread measured faster than worker processes (the
    writer is the bottleneck); with more cores and enough small files, one worker process per core."""
    import liftwatch.ingest_workers as iw

    files = []
    for i in range(20):
        f = tmp_path / f"f{i}.json"
        f.write_bytes(b"x" * 1000)
        files.append(f)
    monkeypatch.setattr(iw, "default_workers", lambda: 2)
    assert iw.auto_workers(files, chunk_bytes=1000, max_file_bytes=10_000) == 1
    monkeypatch.setattr(iw, "default_workers", lambda: 8)
    assert iw.auto_workers(files, chunk_bytes=1000, max_file_bytes=10_000) == 8
    assert iw.auto_workers(files[:3], chunk_bytes=1000, max_file_bytes=10_000) == 1  # too few to share out
    with iw.parse_executor(1) as (executor, window):
        assert isinstance(executor, iw.ParseThread) and window == iw.THREAD_WINDOW
        assert iw.parses_here(executor) and iw.parses_here(None)
    monkeypatch.setattr(iw, "default_workers", lambda: 1)  # one core: a parse thread would only contend
    assert iw.auto_workers(files, chunk_bytes=1000, max_file_bytes=10_000) == 0
    with iw.parse_executor(0) as (executor, window):
        assert executor is None and window == 0


@pytest.mark.parametrize("workers", [0, 1])
def test_parse_thread_or_none_stores_what_worker_processes_store(
    tmp_path: Path, inputs: list[Path], workers: int
) -> None:
    """0 parses in the storing thread, 1 in a parse thread: the same store as two worker processes."""
    _same(
        _ingest(tmp_path / f"w{workers}.duckdb", inputs, workers=workers),
        _ingest(tmp_path / "two.duckdb", inputs, workers=2),
    )
