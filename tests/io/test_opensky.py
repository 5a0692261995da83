"""OpenSky state vectors: every layout, correct times/positions/units, rejects with line numbers, idempotent ingest."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from liftwatch import io as lio
from liftwatch.errors import UnreadableFileError
from liftwatch.io import opensky
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA, PointFlag
from liftwatch.store import Store

from .opensky_data import (
    HISTORY_DUMP_HEADER,
    HISTORY_FULL_HEADER,
    REST_HEADER,
    SV,
    history_line,
    rest_line,
    track,
    write_lines,
)


def read_all(path: Path, fmt: str | None = None, batch_rows: int = 500_000) -> tuple[pl.DataFrame, RejectLog]:
    log = RejectLog()
    tables = list(lio.read(path, format=fmt, rejects=log, batch_rows=batch_rows))
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA)
    df = pl.from_arrow(pa.concat_tables(tables)) if tables else pl.from_arrow(POINT_SCHEMA.empty_table())
    assert isinstance(df, pl.DataFrame)
    return df, log


def _ts(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def _check_track(df: pl.DataFrame, svs: list[SV]) -> None:
    assert df.height == len(svs)
    assert df["source"].unique().to_list() == ["opensky"]
    assert df["asset_id"].unique().to_list() == [svs[0].icao24.lower()]
    assert df["ts"].to_list() == [_ts(v.pos_time) for v in svs]
    assert df["lat"].to_list() == [v.lat for v in svs]
    assert df["lon"].to_list() == [v.lon for v in svs]
    row = df.row(0, named=True)
    assert row["alt_baro_ft"] == pytest.approx(30_000.0, abs=0.01)  # 9144 m
    assert row["alt_geom_ft"] == pytest.approx(9300 / 0.3048, rel=1e-6)
    assert row["gs_kt"] == pytest.approx(388.769, abs=0.001)  # 200 m/s
    assert row["vrate_fpm"] == pytest.approx(-1000.0, abs=0.1)  # -5.08 m/s
    assert row["track_deg"] == pytest.approx(245.5)
    assert row["callsign"] == "RFF7012"
    assert row["squawk"] == "1234"
    assert row["on_ground"] is False


def test_history_dump_csv_with_header(tmp_path: Path) -> None:
    svs = track()
    p = write_lines(tmp_path / "states_2024-06-01-10.csv", HISTORY_DUMP_HEADER, [history_line(v) for v in svs])
    assert lio.detect_format(p) == "opensky_csv"
    df, log = read_all(p)
    _check_track(df, svs)
    assert log.total == 0


@pytest.mark.parametrize(("serials", "hour"), [(True, True), (False, True), (True, False)])
def test_history_headerless_with_and_without_serials(tmp_path: Path, serials: bool, hour: bool) -> None:
    svs = track(12)
    p = write_lines(tmp_path / "sv.csv", None, [history_line(v, serials=serials, hour=hour) for v in svs])
    assert lio.detect_format(p) == "opensky_csv"
    df, log = read_all(p)
    _check_track(df, svs)
    assert log.total == 0


def test_history_full_header_gzip(tmp_path: Path) -> None:
    svs = track(30)
    text = "\n".join([HISTORY_FULL_HEADER, *(history_line(v, serials=True, hour=True) for v in svs)]) + "\n"
    p = tmp_path / "sv.csv.gz"
    p.write_bytes(gzip.compress(text.encode()))
    df, _ = read_all(p)
    _check_track(df, svs)


@pytest.mark.parametrize("category", [False, True])
@pytest.mark.parametrize("header", [False, True])
def test_rest_state_vectors_csv(tmp_path: Path, header: bool, category: bool) -> None:
    svs = track(10, icao24="4CA2D6")
    head = (REST_HEADER + (",category" if category else "")) if header else None
    p = write_lines(tmp_path / "rest.csv", head, [rest_line(v, category=category) for v in svs])
    assert lio.detect_format(p) == "opensky_csv"
    df, log = read_all(p)
    _check_track(df, svs)
    assert log.total == 0


def test_position_time_is_used_and_old_positions_flagged_stale(tmp_path: Path) -> None:
    svs = [
        SV(time=1_717_236_000, icao24="155abc", lat=35.4, lon=35.9, lastposupdate=1_717_235_998.25),
        SV(time=1_717_236_010, icao24="155abc", lat=35.4, lon=35.9, lastposupdate=1_717_235_990.0),  # 20 s old
        SV(time=1_717_236_020, icao24="155abc", lat=None, lon=None, lastposupdate=None),  # no position yet
    ]
    p = write_lines(tmp_path / "sv.csv", HISTORY_DUMP_HEADER, [history_line(v) for v in svs])
    df, log = read_all(p)
    assert log.total == 0
    assert df["ts"].to_list() == [_ts(1_717_235_998.25), _ts(1_717_235_990.0), _ts(1_717_236_020)]
    assert df["flags"].to_list() == [0, int(PointFlag.STALE), 0]
    assert df["lat"].to_list() == [35.4, 35.4, None]


def test_rest_mlat_position_source_sets_flag(tmp_path: Path) -> None:
    svs = track(2)
    lines = [rest_line(svs[0], position_source=0), rest_line(svs[1], position_source=2)]
    df, _ = read_all(write_lines(tmp_path / "r.csv", REST_HEADER, lines))
    assert df["flags"].to_list() == [0, int(PointFlag.MLAT)]


def test_bad_rows_rejected_with_line_numbers_good_rows_kept(tmp_path: Path) -> None:
    good = track(6)
    lines = [
        history_line(good[0]),  # line 2
        history_line(SV(time=1_717_236_100, icao24="xyz123", lat=35.0, lon=35.0)),  # 3 bad icao24
        history_line(good[1]),  # 4
        history_line(good[2]).replace("35.36", "abc"),  # 5 unparsable lat
        history_line(SV(time=1_717_236_100, icao24="155abc", lat=91.0, lon=35.0)),  # 6 lat out of range
        "1717236100,155abc,35.0,35.0,1,2",  # 7 wrong field count
        history_line(SV(time=1_717_236_100, icao24="155abc", lat=float("nan"), lon=35.0)),  # 8 NaN
        "",  # 9 blank: not a data line
        history_line(SV(time=1_717_236_100, icao24="155abc", lat=35.0, lon=float("inf"))),  # 10 inf
        history_line(SV(time=9_999_999_999_9, icao24="155abc", lat=35.0, lon=35.0)),  # 11 absurd time
        history_line(good[3]),  # 12
        HISTORY_DUMP_HEADER,  # 13 a second header (concatenated files)
        history_line(good[4]),  # 14
        '"' + history_line(good[4]),  # 15 stray quote
        history_line(good[5]),  # 16
    ]
    p = write_lines(tmp_path / "bad.csv", HISTORY_DUMP_HEADER, lines)
    df, log = read_all(p, batch_rows=3)
    assert df.height == 5
    assert df["lat"].to_list() == [good[i].lat for i in (0, 1, 3, 4, 5)]
    where = {s.location: s.reason for s in log.samples}
    assert where == {
        "line 3": "bad icao24 (not 6 hex digits)",
        "line 5": "unparsable lat",
        "line 6": "lat out of range",
        "line 7": "wrong number of fields (6, expected 16)",
        "line 8": "lat/lon not finite",
        "line 10": "lat/lon not finite",
        "line 11": "time out of range",
        "line 13": "repeated header line",
        "line 15": "unbalanced quote",
    }
    assert all(s.path == str(p) for s in log.samples)
    assert log.total == 9


def test_parquet_history_and_rest(tmp_path: Path) -> None:
    svs = track(25)
    hist = pa.table(
        {
            "time": pa.array([v.time for v in svs], pa.int64()),
            "icao24": [v.icao24 for v in svs],
            "lat": [v.lat for v in svs],
            "lon": [v.lon for v in svs],
            "velocity": [v.velocity for v in svs],
            "heading": [v.heading for v in svs],
            "vertrate": [v.vertrate for v in svs],
            "callsign": [v.callsign for v in svs],
            "onground": [v.onground for v in svs],
            "alert": [False] * len(svs),
            "spi": [False] * len(svs),
            "squawk": [v.squawk for v in svs],
            "baroaltitude": [v.baro for v in svs],
            "geoaltitude": [v.geo for v in svs],
            "lastposupdate": [v.lastposupdate for v in svs],
            "lastcontact": [v.lastcontact for v in svs],
            "serials": pa.array([[1, 2]] * len(svs), pa.list_(pa.int32())),
            "hour": [v.time - v.time % 3600 for v in svs],
        }
    )
    p = tmp_path / "sv.parquet"
    pq.write_table(hist, p, row_group_size=7)
    assert lio.detect_format(p) == "opensky_parquet"
    df, log = read_all(p, batch_rows=4)
    _check_track(df, svs)
    assert log.total == 0

    rest = pa.table(
        {
            "icao24": [v.icao24 for v in svs],
            "callsign": [v.callsign for v in svs],
            "origin_country": ["Russian Federation"] * len(svs),
            "time_position": pa.array([v.lastposupdate for v in svs]),
            "last_contact": [v.time for v in svs],
            "longitude": [v.lon for v in svs],
            "latitude": [v.lat for v in svs],
            "baro_altitude": [v.baro for v in svs],
            "on_ground": [v.onground for v in svs],
            "velocity": [v.velocity for v in svs],
            "true_track": [v.heading for v in svs],
            "vertical_rate": [v.vertrate for v in svs],
            "sensors": pa.nulls(len(svs), pa.list_(pa.int32())),
            "geo_altitude": [v.geo for v in svs],
            "squawk": pa.array([int(v.squawk) for v in svs]),  # int-typed export: leading zeros must come back
            "spi": [False] * len(svs),
            "position_source": [0] * len(svs),
            "category": [6] * len(svs),
        }
    )
    p2 = tmp_path / "rest.parquet"
    pq.write_table(rest, p2)
    df2, _ = read_all(p2)
    _check_track(df2, svs)


def test_parquet_bad_values_rejected_by_row(tmp_path: Path) -> None:
    t = pa.table(
        {
            "time": pa.array([1_717_236_000, 1_717_236_010, 1_717_236_020, 1_717_236_030]),
            "icao24": ["155abc", "155ABC", "nothex", "155abc"],
            "lat": [35.0, float("nan"), 35.0, -95.0],
            "lon": [35.0, 35.0, 35.0, 35.0],
            "squawk": ["0123", "123", None, "9999"],
        }
    )
    p = tmp_path / "x.parquet"
    pq.write_table(t, p)
    df, log = read_all(p)
    assert df["asset_id"].to_list() == ["155abc"]
    assert df["squawk"].to_list() == ["0123"]
    assert {s.location: s.reason for s in log.samples} == {
        "row 2": "lat/lon not finite",
        "row 3": "bad icao24 (not 6 hex digits)",
        "row 4": "lat out of range",
    }


def test_parquet_with_timestamp_typed_time(tmp_path: Path) -> None:
    t = pa.table(
        {
            "time": pa.array([1_717_236_000_000_000], pa.timestamp("us", tz="UTC")),
            "icao24": ["155abc"],
            "lat": [35.0],
            "lon": [36.0],
        }
    )
    p = tmp_path / "ts.parquet"
    pq.write_table(t, p)
    df, _ = read_all(p)
    assert df["ts"].to_list() == [_ts(1_717_236_000)]


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"this is not a state vector file\nat all\n", "notes.csv"),
        (b"\x1f\x8b\x08\x00garbage-not-deflate", "broken.csv.gz"),
        (b"PAR1 this is not really parquet", "fake.parquet"),
    ],
)
def test_unreadable_files_raise_one_line_error(tmp_path: Path, content: bytes, name: str) -> None:
    p = tmp_path / name
    p.write_bytes(content)
    for fmt in opensky.FORMATS:
        with pytest.raises(UnreadableFileError) as info:
            list(opensky.read_format(str(p), fmt, RejectLog()))
        assert "\n" not in str(info.value)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions")
def test_permission_denied_is_unreadable(tmp_path: Path) -> None:
    p = write_lines(tmp_path / "locked.csv", HISTORY_DUMP_HEADER, [history_line(v) for v in track(2)])
    p.chmod(0)
    with pytest.raises(UnreadableFileError):
        list(opensky.read_format(str(p), "opensky_csv", RejectLog()))


def test_truncated_gzip_keeps_rows_before_the_cut(tmp_path: Path) -> None:
    svs = track(2000)
    text = "\n".join([HISTORY_DUMP_HEADER, *(history_line(v) for v in svs)]) + "\n"
    blob = gzip.compress(text.encode())
    p = tmp_path / "cut.csv.gz"
    p.write_bytes(blob[: len(blob) * 2 // 3])
    df, log = read_all(p)
    assert 0 < df.height < len(svs)
    assert df["ts"].to_list() == [_ts(v.pos_time) for v in svs[: df.height]]
    assert any("compressed data truncated" in r for r in log.counts)


def test_store_ingest_twice_adds_nothing(tmp_path: Path) -> None:
    csv_path = write_lines(tmp_path / "a.csv", HISTORY_DUMP_HEADER, [history_line(v) for v in track(40)])
    with Store(tmp_path / "db.duckdb") as store:
        first = store.ingest(csv_path)
        assert first.rows_added == 40 and first.format == "opensky_csv"
        assert store.ingest(csv_path).rows_added == 0
        assert store.ingest(csv_path, force=True).rows_added == 0
        assert store.info()["points"] == 40
        pts = store.points(assets=["155ABC"])
        assert pts["ts"].min() == _ts(track(40)[0].pos_time)


def test_parquet_from_pandas_with_categoricals(tmp_path: Path) -> None:
    import pandas as pd

    svs = track(6)
    frame = pd.DataFrame(
        {
            "time": [v.time for v in svs],
            "icao24": pd.Categorical([v.icao24 for v in svs]),
            "lat": [v.lat for v in svs],
            "lon": [v.lon for v in svs],
            "onground": pd.Categorical(["False"] * len(svs)),
            "callsign": pd.Categorical([v.callsign for v in svs]),
        }
    )
    p = tmp_path / "pandas.parquet"
    frame.to_parquet(p)
    df, log = read_all(p)
    assert log.total == 0
    assert df["asset_id"].to_list() == ["155abc"] * 6
    assert df["callsign"].to_list() == ["RFF7012"] * 6
    assert df["on_ground"].to_list() == [False] * 6


def test_trino_csv_with_every_value_quoted(tmp_path: Path) -> None:
    """`trino --output-format CSV_HEADER` quotes every value, numbers and NULLs (as "") included."""
    svs = track(8)
    quoted = [",".join(f'"{x}"' for x in history_line(v, hour=True).split(",")) for v in svs]
    header = ",".join(f'"{x}"' for x in (HISTORY_DUMP_HEADER + ",hour").split(","))
    df, log = read_all(write_lines(tmp_path / "trino.csv", header, quoted))
    _check_track(df, svs)
    assert log.total == 0


def test_rest_json_answers_single_and_json_lines(tmp_path: Path) -> None:
    import json

    svs = track(5, icao24="4CA2D6")
    states: list[list[object]] = []
    for v in svs:
        states.append(
            [
                v.icao24,
                v.callsign,
                "Ireland",
                v.lastposupdate,
                v.time,
                v.lon,
                v.lat,
                v.baro,
                v.onground,
                v.velocity,
                v.heading,
                v.vertrate,
                None,
                v.geo,
                v.squawk,
                False,
                0,
                1,
            ]
        )
    states.insert(2, ["155abc", "short"])  # malformed state vector
    answer = {"time": svs[-1].time, "states": states}
    single = tmp_path / "states.json"
    single.write_text(json.dumps(answer, indent=1))
    assert lio.detect_format(single) == "opensky_json"
    df, log = read_all(single)
    _check_track(df, svs)
    assert [(s.location, s.reason) for s in log.samples] == [("state 3", "not a 17/18-field state vector")]

    polled = tmp_path / "states.jsonl.gz"
    polled.write_bytes(gzip.compress((json.dumps(answer) + "\n{broken\n" + json.dumps(answer) + "\n").encode()))
    df2, log2 = read_all(polled)
    assert df2.height == 2 * len(svs)
    assert {s.location for s in log2.samples} == {"line 1 state 3", "line 2", "line 3 state 3"}


def test_parquet_pandas_nanosecond_times_keep_every_row(tmp_path: Path) -> None:
    """pandas writes ``timestamp[ns, tz=UTC]``; epoch nanoseconds exceed float64's exact range and must still read."""
    ns = [1_643_816_700_000_000_000 + i * 1_000_000_000 for i in range(3)]
    t = pa.table(
        {
            "time": pa.array(ns, pa.timestamp("ns", tz="UTC")),
            "icao24": ["4d2271"] * 3,
            "lat": [45.86, 45.87, 45.88],
            "lon": [4.96, 4.95, 4.94],
            "hour": pa.array([ns[0]] * 3, pa.timestamp("ns", tz="UTC")),
        }
    )
    p = tmp_path / "pandas.parquet"
    pq.write_table(t, p)
    log = RejectLog()
    df = pl.concat([pl.DataFrame(pl.from_arrow(b)) for b in lio.read(p, rejects=log)])
    assert df.height == 3 and log.total == 0
    assert df["ts"].to_list() == [_ts(1_643_816_700 + i) for i in range(3)]


def test_parquet_unconvertible_column_is_a_file_error(tmp_path: Path) -> None:
    """A column type that cannot be converted is the same in every row group: the file is unreadable (exit 2),
    never one 'corrupt row group' reject with exit 0."""
    t = pa.table(
        {
            "time": pa.array([{"s": 1}, {"s": 2}], pa.struct([("s", pa.int64())])),
            "icao24": ["4d2271"] * 2,
            "lat": [45.0, 45.1],
            "lon": [4.0, 4.1],
        }
    )
    p = tmp_path / "odd.parquet"
    pq.write_table(t, p)
    with pytest.raises(UnreadableFileError) as exc:
        list(lio.read(p))
    assert "odd.parquet" in str(exc.value) and "\n" not in str(exc.value)
