"""Untimed AIS logs: ``--assume-time`` / ``assume_time=`` times them, and a file of which nothing is kept fails.

An AIS message holds only the UTC second, so a bare ``!AIVDM`` dump yields nothing unless the user says when it
was recorded. These tests pin: messages with their own time keep it; the others take the assumed one and are
flagged; bad option values list what is allowed; without the option the failure names it and the summary still
shows every reason; a file with some rows kept still ingests with exit 0.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyais.encode import DATA_DICT, encode_dict
from typer.testing import CliRunner

import liftwatch
from liftwatch import io
from liftwatch.cli import app
from liftwatch.errors import InvalidValueError
from liftwatch.io import ais_lines, ais_nmea, assumed_time
from liftwatch.io.base import NothingKeptError, RejectLog
from liftwatch.schema import PointFlag
from tests.frames import to_frame

WHEN = datetime(2021, 7, 1, 12, 0, tzinfo=UTC)
WHEN_US = round(WHEN.timestamp() * 1e6)
OWN_TIME = 1734688800  # 2024-12-20T10:00:00Z
ASSUMED = int(PointFlag.ASSUMED_TIME)


def _sentence(mmsi: int = 273906301, lat: float = 34.74) -> str:
    d: DATA_DICT = {"type": 1, "mmsi": mmsi, "lat": lat, "lon": 35.51, "speed": 12.5, "course": 90.0}
    return encode_dict(d, talker_id="AI", sentence_type="VDM")[0]


def _static(mmsi: int = 273906301) -> list[str]:
    d: DATA_DICT = {
        "type": 5,
        "mmsi": mmsi,
        "shipname": "SPARTA IV",
        "callsign": "UBCX3",
        "imo": 9743033,
        "ship_type": 70,
    }
    return encode_dict(d, talker_id="AI", sentence_type="VDM", seq_id=1)


def _read(path: Path, assume: assumed_time.AssumeTime | None) -> tuple[pl.DataFrame, RejectLog]:
    log = RejectLog()
    frames = [to_frame(t) for t in io.read(path, rejects=log, assume_time=assume)]
    return pl.concat(frames) if frames else pl.DataFrame(), log


def test_only_untimed_messages_take_the_assumed_time(tmp_path: Path) -> None:
    lines = [
        f"{_sentence(lat=34.1)},{OWN_TIME}",  # 1 own trailing epoch: kept as is
        _sentence(lat=34.2),  # 2 untimed position
        *_static(),  # 3-4 untimed two-part static report: identity still joins
        f"{_sentence(lat=34.3)[:-2]}00",  # 5 checksum wrong: still rejected
        f"{_sentence(lat=34.4)},99",  # 6 trailer is no epoch: untimed
    ]
    path = tmp_path / "mix.nmea"
    path.write_text("\n".join(lines) + "\n")
    points, log = _read(path, WHEN)
    assert points["lat"].round(1).to_list() == [34.1, 34.2, 34.4]
    assert points["ts"].to_list() == [datetime.fromtimestamp(OWN_TIME, tz=UTC), WHEN, WHEN]
    assert points["flags"].to_list() == [0, ASSUMED, ASSUMED]
    assert points["callsign"].to_list()[1:] == ["UBCX3", "UBCX3"]
    assert log.counts == {
        "NMEA checksum mismatch": 1,
        ais_nmea.STATIC_MSG: 1,
        ais_nmea.FRAGMENT: 1,
    }
    assert log.notes == {ais_nmea.assumed_note(WHEN_US): 2}
    assert points.height + log.total == len(lines)
    # without the option the untimed lines are rejects, the timed one is kept
    points, log = _read(path, None)
    assert points.height == 1 and log.counts[ais_lines.NO_TIME] == 3


def test_spire_packed_message_without_time_takes_the_assumed_time(tmp_path: Path) -> None:
    t5 = _static()
    path = tmp_path / "spire.nmea"
    path.write_text(f"{t5[0]}{t5[1]}\n{_sentence()}\n")
    points, log = _read(path, WHEN)
    assert points["callsign"].to_list() == ["UBCX3"] and points["flags"].to_list() == [ASSUMED]
    assert log.counts[ais_nmea.STATIC_MSG] == 1


def test_file_mtime_and_text_values(tmp_path: Path) -> None:
    path = tmp_path / "u.nmea"
    path.write_text(_sentence() + "\n")
    os.utime(path, (WHEN.timestamp(), WHEN.timestamp()))
    points, _ = _read(path, "file-mtime")
    assert points["ts"].to_list() == [WHEN]
    for text in ("2021-07-01T12:00Z", "2021-07-01 12:00:00", "2021-07-01T14:00+02:00", " FILE-MTIME "):
        assert _read(path, text)[0]["ts"].to_list() == [WHEN]
    naive = datetime(2021, 7, 1, 12, 0)  # naive means UTC
    assert _read(path, naive)[0]["ts"].to_list() == [WHEN]


@pytest.mark.parametrize("bad", ["yesterday", "2021-13-01", "1970-01-01T00:00Z", "2999-01-01", ""])
def test_bad_values_list_what_is_allowed(tmp_path: Path, bad: str) -> None:
    with pytest.raises(InvalidValueError, match=r"assume_time=.*choose one of"):
        assumed_time.check(bad)
    path = tmp_path / "u.nmea"
    path.write_text(_sentence() + "\n")
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "s.duckdb"), "--assume-time", bad])
    assert res.exit_code == 2
    assert "choose one of" in res.output


def test_cli_untimed_file_fails_naming_the_option_then_ingests_with_it(tmp_path: Path) -> None:
    path = tmp_path / "aishub.nmea"
    path.write_text("\n".join([_sentence(), _sentence(mmsi=273906302), "!AIVDM,1,1,,B,,0*25", ""]))
    db = str(tmp_path / "s.duckdb")
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", db])
    assert res.exit_code == 2
    text = " ".join(res.output.split())
    assert "aishub.nmea: read as ais_nmea, nothing was kept, 3 rows rejected" in text
    assert "Fix: if you know when the log was recorded, ingest with --assume-time" in text
    assert "rejected by reason" in text and "empty AIS payload" in text  # the reject table is kept
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--assume-time", "2021-07-01T12:00Z"])
    assert res.exit_code == 0, res.output
    assert "assumed" in res.output and "2021-07-01" in res.output  # the summary notes the assumption
    with liftwatch.open(db, read_only=True) as lw:
        got = lw.store.con.execute("SELECT count(*), min(flags), max(ts) FROM points").fetchone()
    assert got == (2, ASSUMED, WHEN)


def test_library_ingest_keeps_the_reject_log_of_a_failed_file(tmp_path: Path) -> None:
    path = tmp_path / "u.nmea"
    path.write_text(_sentence() + "\n" + _sentence()[:-2] + "00\n")
    with liftwatch.open(tmp_path / "s.duckdb") as lw:
        run = lw.ingest(path)
        (failure,) = run.failures
        (rep,) = run.reports
        assert rep.error == "unreadable" and rep.format == "ais_nmea"
        assert rep.rejects.counts == {ais_lines.NO_TIME: 1, "NMEA checksum mismatch": 1}
        assert "--assume-time" in failure.message
        assert lw.ingest(path, assume_time=WHEN).rows_added == 1


def test_partly_kept_file_still_ingests(tmp_path: Path) -> None:
    path = tmp_path / "part.nmea"
    path.write_text(f"{_sentence()},{OWN_TIME}\n{_sentence(mmsi=273906302)}\n")
    res = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "s.duckdb")])
    assert res.exit_code == 0, res.output


def test_nothing_kept_of_another_format_fails_with_its_reasons(tmp_path: Path) -> None:
    """Any reader, any mix of reasons: nothing kept while rows were rejected is a failure."""
    path = tmp_path / "bad.sbs"
    good = "MSG,3,1,1,4B1801,1,2024/12/14,06:00:00.000,2024/12/14,06:00:00.000,,35000,,,35.1,33.2,,,0,0,0,0"
    path.write_text(good.replace("4B1801", "ZZZZZZ") + "\n" + good.replace("35.1", "135.1") + "\n")
    log = RejectLog()
    with pytest.raises(NothingKeptError, match="read as sbs") as caught:
        list(io.read(path, rejects=log))
    assert caught.value.rejects.total == log.total >= 2
    assert "Fix: check that the file is complete" in str(caught.value)


@given(st.lists(st.tuples(st.booleans(), st.integers(1, 3)), min_size=1, max_size=12))
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_fuzz_flags_exactly_the_untimed(tmp_path: Path, rows: list[tuple[bool, int]]) -> None:
    """Whatever the mix, every line is accounted for and exactly the untimed positions carry the flag."""
    lines = [
        f"{_sentence(mmsi=273906300 + k, lat=30 + i / 100)}" + (f",{OWN_TIME + i}" if timed else "")
        for i, (timed, k) in enumerate(rows)
    ]
    path = tmp_path / "f.nmea"
    path.write_text("\n".join(lines) + "\n")
    points, log = _read(path, WHEN)
    assert points.height + log.total == len(lines)
    want = [0 if timed else ASSUMED for timed, _ in rows]
    assert points.sort("lat")["flags"].to_list() == want
    assert sum(log.notes.values()) == want.count(ASSUMED)


def test_assumed_time_reaches_worker_processes(tmp_path: Path) -> None:
    """The option travels with each parse task: worker processes time untimed files as this process does."""
    paths = []
    for k in range(3):
        p = tmp_path / f"u{k}.nmea"
        p.write_text(_sentence(mmsi=273906301 + k) + "\n")
        paths.append(p)
    got = []
    for workers in (1, 2):
        with liftwatch.open(tmp_path / f"w{workers}.duckdb") as lw:
            run = lw.ingest(*paths, assume_time=WHEN, workers=workers)
            assert not run.failures, run.failures
            got.append(lw.store.con.execute("SELECT asset_id, ts, flags FROM points ORDER BY asset_id").fetchall())
    assert got[0] == got[1] and len(got[0]) == 3 and {r[1] for r in got[0]} == {WHEN}


def test_trace_file_with_nothing_kept_fails_in_a_batch(tmp_path: Path) -> None:
    """A trace converted with other files (not read alone) is refused by the same rule as io.read."""
    import json

    good = {"icao": "4b1801", "timestamp": 1734688800.0, "trace": [[0.0, 35.1, 33.2, 35000, 420.0, 90.0, 0, 0]]}
    bad = {"icao": "4b1802", "timestamp": 1734688800.0, "trace": [[0.0, 135.1, 33.2, 35000, 420.0, 90.0, 0, 0]]}
    (tmp_path / "trace_full_4b1801.json").write_text(json.dumps(good))
    (tmp_path / "trace_full_4b1802.json").write_text(json.dumps(bad))
    with liftwatch.open(tmp_path / "s.duckdb") as lw:
        run = lw.ingest(tmp_path / "trace_full_4b1801.json", tmp_path / "trace_full_4b1802.json", workers=1)
        (failure,) = run.failures
        assert "trace_full_4b1802.json" in failure.message and "read as readsb_trace" in failure.message
        assert run.rows_added == 1
