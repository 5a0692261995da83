"""Hostile input for the OpenSky readers: canonical tables or UnreadableFileError, never anything else; every data
line is accounted for (kept or rejected with its line number) and good rows around bad ones survive."""

from __future__ import annotations

import gzip
import io
import json
import math
import os
from collections.abc import Iterator

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwatch.io import opensky
from liftwatch.io.base import RejectLog

from .fuzzkit import data_lines, run, small_chunks
from .opensky_data import HISTORY_DUMP_HEADER, SV, history_line, rest_line

SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
T0 = 1_717_236_000


def csv_reader(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return opensky.read_format(path, "opensky_csv", log, batch_rows)


def parquet_reader(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return opensky.read_format(path, "opensky_parquet", log, batch_rows)


def json_reader(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return opensky.read_format(path, "opensky_json", log, batch_rows)


# A row is good or broken in one specific way; times repeat and go backwards on purpose.
BAD_KINDS = (
    "bad_hex",
    "nan_lat",
    "inf_lon",
    "lat_high",
    "lon_low",
    "text_lat",
    "text_velocity",
    "short",
    "long",
    "absurd_time",
    "half_position",
    "text_onground",
    "stray_quote",
)
ROW = st.tuples(
    st.sampled_from(("good",) * 6 + BAD_KINDS),
    st.integers(min_value=-50, max_value=50),  # time offset: duplicates and out-of-order
    st.floats(min_value=-90, max_value=90, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
)


def _line(kind: str, dt: int, lat: float, lon: float, rest: bool) -> str:
    lat, lon = round(lat, 5), round(lon, 5)
    v = SV(time=T0 + dt, icao24="155abc", lat=lat, lon=lon, lastposupdate=T0 + dt - 0.5)
    repl: dict[str, SV] = {
        "bad_hex": SV(time=T0 + dt, icao24="15g4bc", lat=lat, lon=lon),
        "nan_lat": SV(time=T0 + dt, icao24="155abc", lat=math.nan, lon=lon),
        "inf_lon": SV(time=T0 + dt, icao24="155abc", lat=lat, lon=-math.inf),
        "lat_high": SV(time=T0 + dt, icao24="155abc", lat=90.5 + abs(lat), lon=lon),
        "lon_low": SV(time=T0 + dt, icao24="155abc", lat=lat, lon=-180.5 - abs(lon)),
        "absurd_time": SV(time=T0 + dt, icao24="155abc", lat=lat, lon=lon, lastposupdate=-1e12),
        "half_position": SV(time=T0 + dt, icao24="155abc", lat=lat, lon=None),
    }
    line = (rest_line if rest else history_line)(repl.get(kind, v))
    fields = line.split(",")
    lat_i, vel_i, gnd_i = (6, 9, 8) if rest else (2, 4, 8)
    if kind == "text_lat":
        fields[lat_i] = "N35.2"
    elif kind == "text_velocity":
        fields[vel_i] = "fast"
    elif kind == "text_onground":
        fields[gnd_i] = "maybe"
    elif kind == "short":
        fields = fields[:7]
    elif kind == "long":
        fields = [*fields, "1", "2", "3"]
    elif kind == "stray_quote":
        fields[1] = '"' + fields[1]  # an open quote must not swallow the following lines
    return ",".join(fields)


@SETTINGS
@given(
    rows=st.lists(ROW, min_size=1, max_size=60),
    rest=st.booleans(),
    header=st.booleans(),
    compress=st.booleans(),
    chunked=st.booleans(),
    crlf=st.booleans(),
)
def test_every_line_is_kept_or_rejected_with_its_number(
    rows: list[tuple[str, int, float, float]], rest: bool, header: bool, compress: bool, chunked: bool, crlf: bool
) -> None:
    if not rest:
        rows[0] = ("good", *rows[0][1:])  # a header-less file is recognised by its first row
    lines = [_line(k, dt, lat, lon, rest) for k, dt, lat, lon in rows]
    head = [HISTORY_DUMP_HEADER] if header and not rest else []
    if header and rest:
        head = [
            "icao24,callsign,origin_country,time_position,last_contact,longitude,latitude,baro_altitude,"
            "on_ground,velocity,true_track,vertical_rate,sensors,geo_altitude,squawk,spi,position_source"
        ]
    eol = "\r\n" if crlf else "\n"
    text = (eol.join(head + lines) + eol).encode()
    data = gzip.compress(text) if compress else text
    if rest and not header and rows[0][0] != "good":
        return  # a broken first row may legitimately make a header-less file unrecognisable
    if chunked:
        with small_chunks():
            df, log = run(csv_reader, data, batch_rows=3)
    else:
        df, log = run(csv_reader, data)
    assert df is not None
    good = [r for r in rows if r[0] == "good"]
    assert df.height == len(good)
    assert log.total == len(rows) - len(good)
    offset = len(head) + 1
    bad_lines = {f"line {i + offset}" for i, r in enumerate(rows) if r[0] != "good"}
    assert {s.location for s in log.samples} == bad_lines
    assert df["lat"].to_list() == [round(r[2], 5) for r in good]
    expected_ts = [T0 + r[1] - 0.5 for r in good]  # lastposupdate / time_position
    assert [t.timestamp() for t in df["ts"].to_list()] == expected_ts


@SETTINGS
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", HISTORY_DUMP_HEADER.encode() + b"\n"]))
def test_random_bytes_never_crash(data: bytes, prefix: bytes) -> None:
    for reader in (csv_reader, parquet_reader, json_reader):
        df, log = run(reader, prefix + data)
        if df is not None and reader is csv_reader and prefix:
            assert df.height + log.total == data_lines(prefix + data, skip=1)


def _valid_file(n: int = 80) -> bytes:
    lines = [history_line(SV(time=T0 + 10 * i, icao24="155abc", lat=35.0 + i / 100, lon=36.0)) for i in range(n)]
    return ("\n".join([HISTORY_DUMP_HEADER, *lines]) + "\n").encode()


VALID = _valid_file()
VALID_GZ = gzip.compress(VALID, mtime=0)


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(VALID)), chunked=st.booleans())
def test_truncated_plain_file_accounts_for_every_line(cut: int, chunked: bool) -> None:
    data = VALID[:cut]
    if chunked:
        with small_chunks():
            df, log = run(csv_reader, data, batch_rows=5)
    else:
        df, log = run(csv_reader, data)
    if df is None:
        return  # cut inside the header: not recognisable
    assert df.height + log.total == data_lines(data, skip=1)
    assert df["lat"].to_list() == [35.0 + i / 100 for i in range(df.height)]


@SETTINGS
@given(
    cut=st.integers(min_value=0, max_value=len(VALID_GZ)),
    flip=st.integers(min_value=0, max_value=len(VALID_GZ) - 1),
    damage=st.sampled_from(["truncate", "flip"]),
)
def test_damaged_gzip_keeps_a_prefix_or_is_unreadable(cut: int, flip: int, damage: str) -> None:
    if damage == "truncate":
        data = VALID_GZ[:cut]
    else:
        b = bytearray(VALID_GZ)
        b[flip] ^= 0x55
        data = bytes(b)
    df, _ = run(csv_reader, data, name="x.csv.gz")
    if df is not None and damage == "truncate":
        # what survives is exactly a prefix of the original rows
        assert df["lat"].to_list() == [35.0 + i / 100 for i in range(df.height)]


def _parquet_bytes(lat: list[float], lon: list[float], times: list[int], ids: list[str]) -> bytes:
    t = pa.table({"time": times, "icao24": ids, "lat": lat, "lon": lon, "velocity": [100.0] * len(lat)})
    buf = io.BytesIO()
    pq.write_table(t, buf, row_group_size=5)
    return buf.getvalue()


COORD = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.floats(min_value=-90, max_value=90))


@SETTINGS
@given(
    rows=st.lists(
        st.tuples(
            COORD,
            COORD,
            st.integers(min_value=-(2**40), max_value=2**40),
            st.sampled_from(["155abc", "ABCDEF", "x", ""]),
        ),
        min_size=1,
        max_size=40,
    )
)
def test_parquet_values_accounted(rows: list[tuple[float, float, int, str]]) -> None:
    lat, lon, times, ids = (list(x) for x in zip(*rows, strict=True))
    df, log = run(parquet_reader, _parquet_bytes(lat, lon, times, ids), name="x.parquet")
    assert df is not None
    assert df.height + log.total == len(rows)


PARQUET = _parquet_bytes([35.0 + i / 100 for i in range(30)], [36.0] * 30, [T0 + i for i in range(30)], ["155abc"] * 30)


@SETTINGS
@given(
    cut=st.integers(min_value=0, max_value=len(PARQUET)),
    flip=st.integers(min_value=0, max_value=len(PARQUET) - 1),
    damage=st.sampled_from(["truncate", "flip"]),
)
def test_damaged_parquet_never_crashes(cut: int, flip: int, damage: str) -> None:
    if damage == "truncate":
        data = PARQUET[:cut]
    else:
        b = bytearray(PARQUET)
        b[flip] ^= 0xFF
        data = bytes(b)
    df, log = run(parquet_reader, data, name="x.parquet")
    if df is not None:
        assert df.height + log.total >= 0


HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=6),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=1),
)
GOOD_STATE = [
    "155abc",
    "RFF7012 ",
    "Russia",
    T0 - 1.5,
    T0,
    35.9,
    35.4,
    9144.0,
    False,
    200.0,
    245.5,
    -5.08,
    None,
    9300.0,
    "1234",
    False,
    0,
]


@SETTINGS
@given(
    patches=st.lists(st.tuples(st.integers(min_value=0, max_value=16), HOSTILE), max_size=4),
    n=st.integers(min_value=0, max_value=6),
    extra=st.lists(st.one_of(HOSTILE, st.lists(HOSTILE, max_size=20)), max_size=3),
    json_lines=st.booleans(),
)
def test_rest_json_hostile_values(
    patches: list[tuple[int, object]], n: int, extra: list[object], json_lines: bool
) -> None:
    states: list[object] = [list(GOOD_STATE) for _ in range(n)]
    if states:
        for i, value in patches:
            states[0][i] = value  # type: ignore[index]
    states.extend(extra)
    doc = json.dumps({"time": T0, "states": states}, indent=None if json_lines else 1)
    df, log = run(json_reader, doc.encode(), name="states.json")
    assert df is not None
    assert df.height + log.total == len(states)
    if n > 1:
        assert df.height >= n - 1  # only the patched state vector may go


VALID_JSON = json.dumps({"time": T0, "states": [GOOD_STATE] * 20}, indent=1).encode()


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(VALID_JSON)), gz=st.booleans())
def test_truncated_json_answer_never_crashes(cut: int, gz: bool) -> None:
    data = VALID_JSON[:cut]
    run(json_reader, gzip.compress(data) if gz else data, name="states.json")
