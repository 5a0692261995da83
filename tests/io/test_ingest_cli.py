"""`liftwatch ingest` end to end: summary, idempotence, and one-line errors with exit code 2 for unreadable files."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from liftwatch.cli import app
from liftwatch.cli.common import console
from liftwatch.store import Store

from .opensky_data import HISTORY_DUMP_HEADER, history_line, track, write_lines
from .test_sbs import SESSION

runner = CliRunner()


def _files(tmp_path: Path) -> list[Path]:
    csv_path = write_lines(tmp_path / "states.csv", HISTORY_DUMP_HEADER, [history_line(v) for v in track(30)])
    sbs_path = tmp_path / "feed.sbs"
    sbs_path.write_text("\n".join(SESSION) + "\n")
    pq_path = tmp_path / "rest.parquet"
    svs = track(10, icao24="4ca2d6")
    pq.write_table(
        pa.table(
            {
                "icao24": [v.icao24 for v in svs],
                "time_position": [v.lastposupdate for v in svs],
                "last_contact": [v.time for v in svs],
                "latitude": [v.lat for v in svs],
                "longitude": [v.lon for v in svs],
            }
        ),
        pq_path,
    )
    return [csv_path, sbs_path, pq_path]


def _points(db: Path) -> int:
    with Store(db, read_only=True) as s:
        return int(s.info()["points"])


def test_ingest_twice_leaves_row_count_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    files = [str(f) for f in _files(tmp_path)]
    first = runner.invoke(app, ["ingest", *files, "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "ingest summary" in first.output and "rejected by reason" in first.output
    with Store(db, read_only=True) as s:
        formats = set(s.sql("SELECT format FROM ingested_files")["format"].to_list())
    assert formats == {"opensky_csv", "sbs", "opensky_parquet"}
    assert _points(db) == 30 + 7 + 10
    again = runner.invoke(app, ["ingest", *files, "--db", str(db)])
    assert again.exit_code == 0
    assert _points(db) == 47
    forced = runner.invoke(app, ["ingest", *files, "--db", str(db), "--force"])
    assert forced.exit_code == 0
    assert _points(db) == 47


def test_unreadable_file_exits_2_and_keeps_the_others(tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    good = _files(tmp_path)
    junk = tmp_path / "junk.csv"
    junk.write_text("not,a,navigation\nfile,at,all\n")
    broken_gz = tmp_path / "broken.csv.gz"
    broken_gz.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00garbage" * 10)
    cut_gz = tmp_path / "cut.sbs.gz"
    cut_gz.write_bytes(gzip.compress(("\n".join(SESSION) + "\n").encode())[:10])
    args = ["ingest", str(good[0]), str(junk), str(broken_gz), str(cut_gz), str(good[1]), "--db", str(db)]
    res = runner.invoke(app, args)
    assert res.exit_code == 2, res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    assert "Traceback" not in res.output
    assert _points(db) == 30 + 7


def test_forced_format_and_rejects_shown(tmp_path: Path) -> None:
    db = tmp_path / "lw.duckdb"
    lines = [history_line(v) for v in track(5)]
    lines.insert(2, "1717236000,NOTHEX,35,36,1,1,1,X,false,false,false,1234,1,1,1717236000,1717236000")
    p = write_lines(tmp_path / "s.csv", HISTORY_DUMP_HEADER, lines)
    res = runner.invoke(app, ["ingest", str(p), "--db", str(db), "--format", "opensky_csv"])
    assert res.exit_code == 0
    flat = "".join(res.output.split())  # Rich wraps at the runner's 80 columns, anywhere
    assert "s.csv:line4:badicao24" in flat
    assert _points(db) == 5


def test_directory_of_opensky_answers_is_expanded(tmp_path: Path) -> None:
    import json

    d = tmp_path / "polls"
    d.mkdir()
    for k in range(3):
        v = track(3)[k]
        state = [
            v.icao24,
            v.callsign,
            "Russia",
            v.lastposupdate,
            v.time,
            v.lon,
            v.lat,
            v.baro,
            False,
            v.velocity,
            v.heading,
            v.vertrate,
            None,
            v.geo,
            v.squawk,
            False,
            0,
        ]
        (d / f"states_{k}.json").write_text(json.dumps({"time": v.time, "states": [state]}))
    db = tmp_path / "lw.duckdb"
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db)])
    assert res.exit_code == 0, res.output
    with Store(db, read_only=True) as s:
        assert s.sql("SELECT format FROM ingested_files")["format"].to_list() == ["opensky_json"] * 3
    assert _points(db) == 3


def _many_files(tmp_path: Path, n: int) -> tuple[list[Path], Path, Path]:
    """``n`` good OpenSky CSV files (distinct content), one with a bad row, one that is not navigation data."""
    good = [
        write_lines(
            tmp_path / f"ok{k:02d}.csv", HISTORY_DUMP_HEADER, [history_line(v) for v in track(3, f"4ca2{k:02x}")]
        )
        for k in range(n)
    ]
    lines = [history_line(v) for v in track(3, "4cffff")]
    lines.insert(1, "1717236000,NOTHEX,35,36,1,1,1,X,false,false,false,1234,1,1,1717236000,1717236000")
    bad_row = write_lines(tmp_path / "badrow.csv", HISTORY_DUMP_HEADER, lines)
    junk = tmp_path / "junk.csv"
    junk.write_text("not,a,navigation\nfile,at,all\n")
    return good, bad_row, junk


def test_many_files_are_summed_up_by_format_and_outcome(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a handful of files, one row per format and outcome, then every file that failed or lost rows."""
    monkeypatch.setattr(console, "width", 200)  # the tables are read below, not wrapped
    good, bad_row, junk = _many_files(tmp_path, 24)
    db = tmp_path / "lw.duckdb"
    res = runner.invoke(app, ["ingest", *map(str, [*good, bad_row, junk]), "--db", str(db)])
    assert res.exit_code == 2, res.output  # the unreadable file still sets the exit code
    flat = "".join(res.output.split())
    assert "26files" in flat and "byformatandoutcome" in flat
    assert "ok07.csv" not in flat and "ok23.csv" not in flat  # no row per good file
    assert "badrow.csv" in flat and "junk.csv" in flat  # but every file that needs a look
    assert "(2of26)" in flat
    assert "read,rowsrejected" in flat and "unreadable" in flat
    assert "rejectedbyreason(allfiles)" in flat
    assert _points(db) == 24 * 3 + 3

    again = runner.invoke(app, ["ingest", *map(str, good), "--db", str(db)])
    assert again.exit_code == 0 and "alreadyingested" in "".join(again.output.split())
    assert "failedorhadrows" not in "".join(again.output.split())  # nothing to look at, no such table

    every = runner.invoke(app, ["ingest", *map(str, good), "--db", str(db), "--per-file"])
    flat = "".join(every.output.split())
    assert every.exit_code == 0 and all(f.name in flat for f in good)


def test_a_handful_of_files_keeps_one_row_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console, "width", 200)
    good, bad_row, _ = _many_files(tmp_path, 3)
    res = runner.invoke(app, ["ingest", *map(str, [*good, bad_row]), "--db", str(tmp_path / "lw.duckdb")])
    flat = "".join(res.output.split())
    assert res.exit_code == 0 and all(f.name in flat for f in [*good, bad_row])
    assert "byformatandoutcome" not in flat


def test_ingest_run_counts_by_outcome(tmp_path: Path) -> None:
    """The counting is the library's: ``IngestRun.by_outcome`` / ``needing_attention`` / ``rejects_by_reason``."""
    import liftwatch

    good, bad_row, junk = _many_files(tmp_path, 4)
    with liftwatch.open(tmp_path / "lw.duckdb") as lw:
        run = lw.ingest(*good, bad_row, junk)
        again = lw.ingest(good[0])
    table = run.by_outcome()
    got = {(r["format"], r["outcome"]): r for r in table.iter_rows(named=True)}
    assert got["opensky_csv", "read"]["files"] == 4 and got["opensky_csv", "read"]["rows_added"] == 12
    assert got["opensky_csv", "read, rows rejected"]["files"] == 1
    assert got["opensky_csv", "read, rows rejected"]["rejected"] == 1
    assert (sum(r["files"] for r in got.values()) == 6 and ("?", "unreadable") in got) or any(
        o == "unreadable" for _, o in got
    )
    assert [Path(r.path).name for r in run.needing_attention()] == ["badrow.csv", "junk.csv"]
    reasons = run.rejects_by_reason()
    assert reasons.filter(reasons["reason"].str.starts_with("bad icao24"))[["files", "rows"]].row(0) == (1, 1)
    assert again.by_outcome()["outcome"].to_list() == ["already ingested"]
