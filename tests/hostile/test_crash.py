"""Crash consistency: ``ingest`` and ``flights build`` killed with SIGKILL at several points.

Each kill runs in a child process that SIGKILLs itself from a progress callback (after the N-th batch of
an ingest, the N-th partition of pass 1, or the N-th flights part being written in pass 2), so the points are
exact and need no product hook. After each kill the store must hold exactly the files committed before it,
no duplicates and no partial file; a killed flights build must leave the previous flights untouched, its
spill folder removed at the next start; and re-running must give the same store as an uninterrupted run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from liftwatch.store import Store

CHILD = r"""
import os, signal, sys
import liftwatch.io as lio
import liftwatch.store as st
import liftwatch.store_ingest as st_ingest

mode, db, kill_at = sys.argv[1], sys.argv[2], int(sys.argv[3])
files = sys.argv[4:]
st_ingest.STAGE_ROWS = 1000  # merge often, so kills land between merges of one file too
st_ingest.COMMIT_ROWS = int(os.environ.get("LW_TEST_COMMIT_ROWS", st_ingest.COMMIT_ROWS))  # big-input steps
count = 0

def tick(_n=0):
    global count
    count += 1
    if count == kill_at:
        os.kill(os.getpid(), signal.SIGKILL)

real_read = lio.read
lio.read = lambda p, **k: real_read(p, **{**k, "batch_rows": 500})
with st.Store(db) as store:
    if mode == "ingest":
        for f in files:
            store.ingest(f, on_batch=tick)
    else:
        from liftwatch.tracks import flights as fl
        from liftwatch.tracks.flights import KbInputs, store_flights
        if mode == "pass2":
            real_parts = fl.FlightBuilder.finish_parts
            def parts(self):
                for p in real_parts(self):
                    yield p
                    tick()
            fl.FlightBuilder.finish_parts = parts
            store_flights(store, n_partitions=4)
        else:
            store_flights(store, n_partitions=4, on_partition=tick)
"""


def _sbs(path: Path, assets: range, day: int) -> None:
    """Straight tracks: one flight per aircraft, 10 s apart, positions changing every line."""
    lines = []
    t0 = datetime(2024, 12, day, 6, 0, tzinfo=UTC)
    for a in assets:
        for k in range(900):
            t = t0 + timedelta(seconds=10 * k + a)
            stamp = f"{t:%Y/%m/%d},{t:%H:%M:%S}.000"
            lat, lon = 34.0 + 0.002 * k + 0.1 * (a % 7), 33.0 + 0.002 * k + 0.1 * (a % 5)
            lines.append(
                f"MSG,3,1,1,{0x4B1800 + a:06X},1,{stamp},{stamp},,{20000 + 10 * k},,,{lat:.5f},{lon:.5f},,,0,0,0,0\n"
            )
    path.write_text("".join(lines))


def _child(
    mode: str, db: Path, kill_at: int, files: list[Path], tmp: Path | None = None, commit_rows: int | None = None
) -> int:
    """Run the child; ``tmp`` becomes its temp directory (spill folders of parallel tests stay apart);
    ``commit_rows`` makes every file a big input that commits in steps of that many rows."""
    cmd = [sys.executable, "-c", CHILD, mode, str(db), str(kill_at), *map(str, files)]
    env = dict(os.environ)
    if tmp is not None:
        env["TMPDIR"] = str(tmp)
    if commit_rows is not None:
        env["LW_TEST_COMMIT_ROWS"] = str(commit_rows)
    return subprocess.run(cmd, timeout=240, capture_output=True, check=False, env=env).returncode


def _ingest(db: Path, files: list[Path]) -> None:
    """The uninterrupted run, in-process (same result as a child: staging slices do not change the rows)."""
    with Store(db) as store:
        for f in files:
            store.ingest(f)


def _build(db: Path) -> None:
    from liftwatch.tracks.flights import store_flights

    with Store(db) as store:
        store_flights(store, n_partitions=4)


def _state(db: Path) -> tuple[int, int, int, list[str], int]:
    with Store(db, read_only=True) as s:
        pts = s.sql(
            "SELECT count(*) AS n, count(DISTINCT row_key) AS k, sum(row_key::HUGEINT) % 1000003 AS h FROM points"
        )
        files = s.sql("SELECT path FROM ingested_files ORDER BY path")["path"].to_list()
        flights = s.sql("SELECT count(*) AS n FROM flights")["n"][0]
    n, k, h = (int(pts[c][0] or 0) for c in ("n", "k", "h"))
    return n, k, h, [os.path.basename(f) for f in files], int(flights)


def _flights(db: Path) -> list[object]:
    with Store(db, read_only=True) as s:
        return list(
            s.sql("SELECT flight_id, first_ts, last_ts, n_points, ending FROM flights ORDER BY flight_id").rows()
        )


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], Path]:
    d = tmp_path_factory.mktemp("crash")
    files = [d / f"f{i}.sbs" for i in range(3)]
    for i, f in enumerate(files):
        _sbs(f, range(10 * i, 10 * i + 12), 14 + i)  # neighbouring files share two aircraft
    ref = d / "ref.duckdb"
    _ingest(ref, files)
    return files, ref


@pytest.mark.parametrize(
    ("kill_at", "committed"),
    [(1, 0), (3, 0), (8, 1), (15, 2)],  # first batch; between merges of file 1; inside file 2; last batch of 3
)
def test_ingest_killed_then_rerun(
    tmp_path: Path, inputs: tuple[list[Path], Path], kill_at: int, committed: int
) -> None:
    files, ref = inputs
    db = tmp_path / "s.duckdb"
    assert _child("ingest", db, kill_at, files) == -9
    n, k, _h, done, _ = _state(db)
    assert n == k  # no duplicate rows
    assert done == [f.name for f in files[:committed]]  # the killed file is not recorded
    if committed:
        part = tmp_path / "part.duckdb"
        _ingest(part, files[:committed])
        assert _state(db)[:3] == _state(part)[:3]  # exactly the committed files' rows, nothing of the killed one
    else:
        assert n == 0
    _ingest(db, files)
    assert _state(db) == _state(ref)


def test_big_input_killed_between_its_commits_keeps_whole_steps_and_rerun_completes(
    tmp_path: Path, inputs: tuple[list[Path], Path]
) -> None:
    """A big input commits every COMMIT_ROWS rows read (here 2,000: after each ~2,160-row batch). Killed inside
    the second file, the store keeps the first file and the steps of the second committed before the kill,
    whole and without duplicates, and does not record the second file; re-running adds exactly what is
    missing, to the store an uninterrupted run gives."""
    files, ref = inputs
    db = tmp_path / "s.duckdb"
    assert _child("ingest", db, 8, files, commit_rows=2000) == -9
    n, k, _h, done, _ = _state(db)
    assert n == k and done == [files[0].name]
    assert 3 * 12 * 900 // 3 < n < 2 * 12 * 900  # the first file, and part of the second
    with Store(db, read_only=True) as s, Store(ref, read_only=True) as r:
        kept = set(s.sql("SELECT row_key FROM points")["row_key"].to_list())
        assert kept <= set(r.sql("SELECT row_key FROM points")["row_key"].to_list())
    _ingest(db, files)
    assert _state(db) == _state(ref)


def test_ingest_batches_are_counted_as_expected(inputs: tuple[list[Path], Path]) -> None:
    """Guards the kill points above: each file is 5 batches (10,800 rows), merged after every batch."""
    _files, ref = inputs
    n, k, _h, done, _ = _state(ref)
    assert n == k == 3 * 12 * 900 and len(done) == 3


@pytest.fixture(scope="module")
def built(inputs: tuple[list[Path], Path], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[object]]:
    """A store whose flights were built from two files before the third was ingested; and the flights an
    uninterrupted build of all three gives."""
    files, ref = inputs
    d = tmp_path_factory.mktemp("built")
    base = d / "base.duckdb"
    _ingest(base, files[:2])
    _build(base)
    _ingest(base, files[2:])
    full = d / "full.duckdb"
    shutil.copy(ref, full)
    _build(full)
    return base, _flights(full)


@pytest.mark.parametrize(("mode", "kill_at"), [("pass1", 2), ("pass2", 1), ("pass2", 3)])
def test_flights_build_killed_keeps_previous_flights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, built: tuple[Path, list[object]], mode: str, kill_at: int
) -> None:
    base, full = built
    db = tmp_path / "s.duckdb"
    shutil.copy(base, db)
    before = _flights(db)
    assert before and before != full
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    assert _child(mode, db, kill_at, [], tmp) == -9
    assert list(tmp.glob("liftwatch-flights-*"))  # the killed run left its spill folder behind ...
    assert _flights(db) == before  # ... but no mixed flights table: the previous build is intact
    monkeypatch.setattr(tempfile, "tempdir", str(tmp))
    Store(db).close()  # the next writer to open the store ...
    assert not list(tmp.glob("liftwatch-flights-*"))  # ... removes the dead run's spill folder
    monkeypatch.undo()
    _build(db)
    assert _flights(db) == full
