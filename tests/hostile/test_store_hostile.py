"""The store under clumsy and hostile use: poisoned times, SQL in names, pipes, files that change, two
processes, re-keying an older store."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from liftwatch import io as lio
from liftwatch.errors import FileChangedError, LiftwatchError, StoreLockedError, UnreadableFileError
from liftwatch.rowkey import KEY_COLUMNS, ROW_KEY_VERSION, table_row_keys
from liftwatch.schema import conform
from liftwatch.store import Store
from tests.conftest import make_points
from tests.hostile.payloads import SBS_GOOD, modes_lines, sbs_line


def test_far_future_and_infinite_times_never_reach_the_store(tmp_path: Path) -> None:
    good = modes_lines([str(1734156000 + i) for i in range(20)])
    bad = modes_lines([str(99999999000 + i) for i in range(20)], icao=0x4B1802)  # year 5138
    worse = modes_lines(["inf", "1e300", "-inf", "nan"] * 5, icao=0x4B1803)
    f = tmp_path / "poison.hex"
    f.write_bytes(good + bad + worse)
    with Store(tmp_path / "s.duckdb") as store:
        rep = store.ingest(f, format="modes_hex")
        assert rep.rows_added > 0
        # the hex reader rejects each poisoned line by number ("bad or missing time"); whatever slips past it
        # meets the shared window (TIME_REASON): together they account for all 40 lines
        c = rep.rejects.counts
        assert c["bad or missing time"] + c["time outside 1990-01-01 .. now + 1 day"] == 40, dict(c)
        info = store.info()
        assert info["last"].year == 2024  # and info/flights build keep working
        assert store.sql("SELECT count(DISTINCT asset_id) AS n FROM points")["n"][0] == 1


def test_store_refuses_rows_outside_the_window_from_any_producer(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    pts = make_points(5)
    future = make_points(5, asset="4b1802", start=datetime(2099, 1, 1, tzinfo=UTC))
    ancient = make_points(5, asset="4b1803", start=datetime(1970, 1, 1, tzinfo=UTC))
    import polars as pl

    with Store(tmp_path / "s.duckdb") as store:
        assert store.ingest_table(pl.concat([pts, future, ancient])) == 5
        assert store.info()["assets"] == 1


def test_export_table_name_and_path_cannot_inject_sql(tmp_path: Path) -> None:
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest_table(make_points(5))
        evil = "flights TO '/tmp/x.csv' (FORMAT csv); DROP TABLE points; --"
        with pytest.raises(LiftwatchError, match="unknown table"):
            store.export_parquet(tmp_path / "out", table=evil)
        odd = tmp_path / "it's'); DROP TABLE points; --"
        store.export_parquet(odd, table="flights")
        assert (odd / "flights.parquet").exists()
        store.export_parquet(odd, table="points")
        assert store.info()["points"] == 5


def test_export_cli_rejects_injected_table(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from liftwatch.cli import app

    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        store.ingest_table(make_points(5))
    res = CliRunner().invoke(
        app, ["export", str(tmp_path / "o"), "--db", str(db), "--table", "flights TO 'x.csv'; DROP TABLE points; --"]
    )
    assert res.exit_code != 0
    with Store(db, read_only=True) as store:
        assert store.info()["points"] == 5


def test_fifo_and_devices_are_refused_not_hashed_forever(tmp_path: Path, deadline: Callable[[float], Any]) -> None:
    fifo = tmp_path / "feed.sbs"
    os.mkfifo(fifo)
    with deadline(20), Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(UnreadableFileError, match="pipe"):
            store.ingest(fifo, format="sbs")
        with pytest.raises(UnreadableFileError, match="device"):
            store.ingest("/dev/zero", format="sbs")


def test_file_appended_while_read_is_not_recorded_under_old_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = tmp_path / "grow.sbs"
    f.write_bytes(b"".join(sbs_line(second=s) for s in range(10)))
    real_read = lio.read

    def appending_read(*a: Any, **k: Any) -> Iterator[pa.Table]:
        for i, batch in enumerate(real_read(*a, **k)):
            if i == 0:
                with f.open("ab") as fh:
                    fh.write(b"".join(sbs_line(second=s) for s in range(10, 20)))
            yield batch

    monkeypatch.setattr(lio, "read", appending_read)
    with Store(tmp_path / "s.duckdb") as store:
        with pytest.raises(FileChangedError):
            store.ingest(f)
        assert store.info()["points"] == 0 and store.info()["files"] == 0
        monkeypatch.setattr(lio, "read", real_read)
        assert store.ingest(f).rows_added == 20


def test_force_keeps_rows_added(tmp_path: Path) -> None:
    f = tmp_path / "a.sbs"
    f.write_bytes(b"".join(sbs_line(second=s) for s in range(10)))
    with Store(tmp_path / "s.duckdb") as store:
        assert store.ingest(f).rows_added == 10
        rep = store.ingest(f, force=True)
        assert rep.rows_added == 0 and not rep.skipped
        assert store.sql("SELECT rows_added FROM ingested_files")["rows_added"].to_list() == [10]


def test_ingest_many_continues_after_a_failing_file(tmp_path: Path) -> None:
    a = tmp_path / "a.sbs"
    a.write_bytes(SBS_GOOD)
    broken = tmp_path / "b.sbs.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00garbage")
    c = tmp_path / "c.sbs"
    c.write_bytes(sbs_line(second=5))
    with Store(tmp_path / "s.duckdb") as store:
        reps = store.ingest_many([a, broken, tmp_path / "missing.sbs", c])
    assert [r.error is None for r in reps] == [True, False, False, True]
    assert reps[0].rows_added == 1 and reps[3].rows_added == 1


def test_second_process_gets_a_clear_lock_error(tmp_path: Path, deadline: Callable[[float], Any]) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"ok"
        with deadline(30):
            for read_only in (False, True):  # DuckDB allows no reader beside a writer in another process
                with pytest.raises(StoreLockedError) as info:
                    Store(db, read_only=read_only)
                assert str(holder.pid) in str(info.value)
                assert "wait" in str(info.value)
    finally:
        holder.kill()
        holder.wait()


def test_lock_error_exits_2_in_cli(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ok', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"ok"
        f = tmp_path / "a.sbs"
        f.write_bytes(SBS_GOOD)
        t0 = time.time()
        res = subprocess.run(
            [str(Path(sys.executable).parent / "liftwatch"), "ingest", str(f), "--db", str(db)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert time.time() - t0 < 120
        assert res.returncode == 2, res.stderr
        assert str(holder.pid) in res.stderr
        assert "Traceback" not in res.stderr
    finally:
        holder.kill()
        holder.wait()


def test_row_keys_are_stable_values() -> None:
    """The key of a known row is pinned: a library upgrade that changed it would duplicate stored rows."""
    t = conform(make_points(2))
    keys = table_row_keys(t).to_pylist()
    assert keys == table_row_keys(conform(make_points(2))).to_pylist()
    assert keys[0] != keys[1]
    assert keys == PINNED_KEYS


PINNED_KEYS = [5153564418774600026, 14426274136388345149]


def test_store_keyed_by_duckdb_hash_is_rekeyed_once(tmp_path: Path) -> None:
    """A store from an older liftwatch (row_key = DuckDB hash(), no store_meta, points as a plain table) keeps
    de-duplicating once upgraded and re-keyed."""
    db = tmp_path / "old.duckdb"
    f = tmp_path / "a.sbs"
    f.write_bytes(b"".join(sbs_line(second=s) for s in range(10)))
    with Store(db) as store:
        store.ingest(f)
    con = duckdb.connect(str(db))
    key = "hash(" + ", ".join(f'"{c}"' for c in KEY_COLUMNS) + ")"
    con.execute("CREATE TABLE old_points AS SELECT * FROM points")  # the layout before point_rows
    con.execute("DROP VIEW points")
    con.execute("DROP TABLE point_rows")
    con.execute("DROP TABLE point_codes")
    con.execute("ALTER TABLE old_points RENAME TO points")
    con.execute(f"UPDATE points SET row_key = {key}")
    con.execute("DROP TABLE store_meta")
    con.execute("DELETE FROM ingested_files")  # so the same content is read again
    con.close()
    g = tmp_path / "b.sbs"  # overlaps a.sbs by 5 rows
    g.write_bytes(b"".join(sbs_line(second=s) for s in range(5, 15)))
    with Store(db) as store:
        assert store.meta("row_key") == ROW_KEY_VERSION
        assert store.ingest(f).rows_added == 0
        assert store.ingest(g).rows_added == 5
        assert store.info()["points"] == 15


def test_dead_runs_temp_files_removed_on_write_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    db = tmp_path / "s.duckdb"
    Store(db).close()
    duck_tmp = tmp_path / "s.duckdb.tmp"
    duck_tmp.mkdir()
    (duck_tmp / "duckdb_temp_storage_S32K-0.tmp").write_bytes(b"x" * 1000)
    spill_root = tmp_path / "tmp"
    spill_root.mkdir()
    dead = spill_root / "liftwatch-flights-999999999-abc"  # no such PID
    dead.mkdir()
    (dead / "part-00000.parquet").write_bytes(b"x")
    alive = spill_root / f"liftwatch-flights-{os.getpid()}-abc"
    alive.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spill_root))
    with Store(db, read_only=True):
        assert dead.exists()  # a reader holds no write lock: it removes nothing
    Store(db).close()
    assert not dead.exists() and alive.exists()
    assert list(duck_tmp.iterdir()) == []
