"""SBS-1 / BaseStation (port 30003) reader: one point per MSG line, correct times and fields, rejects by line."""

from __future__ import annotations

import bz2
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest

from liftwatch import io as lio
from liftwatch.errors import UnreadableFileError
from liftwatch.io import sbs
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA, PointFlag
from liftwatch.store import Store

# A dump1090/readsb session as it comes off port 30003 (CRLF line ends, as BaseStation writes them).
SESSION = [
    "SEL,,496,2286,4CA4E5,27215,2010/02/19,18:06:07.710,2010/02/19,18:06:07.710,RYR1427",
    "ID,,496,7162,405637,27928,2010/02/19,18:06:07.115,2010/02/19,18:06:07.115,EZY691A",
    "AIR,,496,5906,400F01,27931,2010/02/19,18:06:07.128,2010/02/19,18:06:07.128",
    "MSG,1,1,1,15A3F2,1,2024/06/01,10:00:00.125,2024/06/01,10:00:00.140,RFF7012 ,,,,,,,,,,,0",
    "MSG,3,1,1,15A3F2,1,2024/06/01,10:00:01.250,2024/06/01,10:00:01.260,,31000,,,35.40121,35.94873,,,0,0,0,0",
    "MSG,4,1,1,15A3F2,1,2024/06/01,10:00:01.500,2024/06/01,10:00:01.510,,,421.7,245.3,,,-1024,,0,0,0,0",
    "MSG,5,1,1,15A3F2,1,2024/06/01,10:00:02.000,2024/06/01,10:00:02.010,,31025,,,,,,,0,,0,0",
    "MSG,6,1,1,15A3F2,1,2024/06/01,10:00:02.500,2024/06/01,10:00:02.510,,,,,,,,0413,0,0,0,0",
    "STA,,1,1,15A3F2,1,2024/06/01,10:00:03.000,2024/06/01,10:00:03.000,PL",
    "MSG,2,1,1,15A3F2,1,2024/06/01,10:30:00.000,2024/06/01,10:30:00.000,,0,12.0,90.0,32.58350,20.83190,,,,,,-1",
    "MSG,8,1,1,15A3F2,1,2024/06/01,10:30:01.000,2024/06/01,10:30:01.000,,,,,,,,,,,,-1",
    "CLK,,496,-1,,-1,2010/02/19,18:18:19.036,2010/02/19,18:18:19.036",
]


def _write(path: Path, lines: list[str], eol: str = "\r\n") -> Path:
    path.write_bytes((eol.join(lines) + eol).encode())
    return path


def _read(path: Path, batch_rows: int = 500_000) -> tuple[pl.DataFrame, RejectLog]:
    log = RejectLog()
    tables = list(lio.read(path, rejects=log, batch_rows=batch_rows))
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA)
    df = pl.from_arrow(pa.concat_tables(tables)) if tables else pl.from_arrow(POINT_SCHEMA.empty_table())
    assert isinstance(df, pl.DataFrame)
    return df, log


def _utc(y: int, mo: int, d: int, h: int = 0, mi: int = 0, sec: int = 0, us: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, sec, us, tzinfo=UTC)


def test_session_gives_one_point_per_msg_line(tmp_path: Path) -> None:
    p = _write(tmp_path / "30003.txt", SESSION)
    assert lio.detect_format(p) == "sbs"
    df, log = _read(p)
    assert df.height == 7
    assert df["source"].unique().to_list() == ["sbs"]
    assert df["asset_id"].unique().to_list() == ["15a3f2"]
    assert df["ts"].to_list() == [
        _utc(2024, 6, 1, 10, 0, 0, 125000),
        _utc(2024, 6, 1, 10, 0, 1, 250000),
        _utc(2024, 6, 1, 10, 0, 1, 500000),
        _utc(2024, 6, 1, 10, 0, 2),
        _utc(2024, 6, 1, 10, 0, 2, 500000),
        _utc(2024, 6, 1, 10, 30),
        _utc(2024, 6, 1, 10, 30, 1),
    ]
    assert df["callsign"].to_list()[0] == "RFF7012"
    pos = df.filter(pl.col("lat").is_not_null())
    assert pos["lat"].to_list() == [35.40121, 32.58350]
    assert pos["lon"].to_list() == [35.94873, 20.83190]
    assert pos["alt_baro_ft"].to_list() == [31000.0, 0.0]
    vel = df.row(2, named=True)
    assert vel["gs_kt"] == pytest.approx(421.7)
    assert vel["track_deg"] == pytest.approx(245.3)
    assert vel["vrate_fpm"] == -1024.0
    assert vel["lat"] is None
    assert df["squawk"].to_list()[4] == "0413"
    assert df["on_ground"].to_list() == [False, False, False, False, False, True, True]
    assert df["flags"].to_list() == [0, 0, 0, 0, 0, int(PointFlag.SURFACE), 0]  # MSG,2 is a surface position
    # SEL, ID, AIR, STA, CLK are bookkeeping: counted, never points
    assert log.counts == {"ignored non-MSG line (SEL/ID/AIR/STA/CLK)": 5}
    assert sorted(s.location for s in log.samples) == ["line 1", "line 12", "line 2", "line 3", "line 9"]


def test_logged_time_used_when_generated_time_missing(tmp_path: Path) -> None:
    lines = ["MSG,3,1,1,15A3F2,1,,,2024/06/01,10:00:05.5,,31000,,,35.4,35.9,,,0,0,0,0"]
    df, log = _read(_write(tmp_path / "a.sbs", lines))
    assert df["ts"].to_list() == [_utc(2024, 6, 1, 10, 0, 5, 500000)]
    assert log.total == 0


def test_local_receiver_time_converted_with_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(sbs.ENV_TZ, "Europe/Moscow")
    df, _ = _read(_write(tmp_path / "a.sbs", SESSION[3:5]))
    assert df["ts"].to_list()[0] == _utc(2024, 6, 1, 7, 0, 0, 125000)


def test_bad_lines_rejected_with_line_numbers(tmp_path: Path) -> None:
    good = SESSION[4]
    lines = [
        good,  # 1
        good.replace("15A3F2", "XYZ"),  # 2
        good.replace("35.40121", "95.5"),  # 3
        good.replace("35.94873", "nan"),  # 4
        good.replace("31000", "FL310"),  # 5
        "MSG,3,1,1,15A3F2,1,2024/06/01",  # 6
        good.replace("2024/06/01,10:00:01.250,2024/06/01,10:00:01.260", "yesterday,noon,,"),  # 7
        good.replace("MSG,3", "MSG,9"),  # 8
        "",  # 9 blank
        good.replace("35.40121,35.94873", "35.4,"),  # 10
        good,  # 11
    ]
    df, log = _read(_write(tmp_path / "bad.sbs", lines, "\n"), batch_rows=2)
    assert df.height == 2
    assert {s.location: s.reason for s in log.samples} == {
        "line 2": "bad hex ident",
        "line 3": "lat out of range",
        "line 4": "lat/lon not finite",
        "line 5": "unparsable altitude",
        "line 6": "wrong number of fields (7, expected 22)",
        "line 7": "bad date/time",
        "line 8": "bad transmission type",
        "line 10": "incomplete position (lat or lon missing)",
    }


def test_not_sbs_is_unreadable(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("hello,world\n")
    with pytest.raises(UnreadableFileError):
        list(sbs.read(str(p), RejectLog()))


def test_compressed_and_ingested_twice(tmp_path: Path) -> None:
    p = tmp_path / "30003.txt.bz2"
    p.write_bytes(bz2.compress(("\r\n".join(SESSION) + "\r\n").encode()))
    with Store(tmp_path / "db.duckdb") as store:
        rep = store.ingest(p)
        assert rep.format == "sbs" and rep.rows_added == 7 and rep.rejects.total == 5
        assert store.ingest(p, force=True).rows_added == 0
        assert store.info()["points"] == 7
