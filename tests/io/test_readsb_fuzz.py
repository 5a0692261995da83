"""Hostile input for the trace reader: it returns canonical tables or raises UnreadableFileError, nothing else.

LIFTWATCH_FUZZ_EXAMPLES=800 raises the number of hypothesis examples for a deeper run.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Literal, cast

import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from liftwatch.errors import UnreadableFileError
from liftwatch.io import readsb_trace
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA
from tests.frames import frame, to_frame, typed

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "readsb"
IL76_BYTES = (FIX / "trace_full_15a3f2.json").read_bytes()
IL76_GZ = gzip.compress(IL76_BYTES, mtime=0)
IL76_DOC = json.loads(IL76_BYTES)
SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "80")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

HOSTILE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.just(10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.just("ground"),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=4), st.integers(), max_size=2),
    st.just({"flight": 123, "squawk": ["7700"]}),
)


def _run(data: bytes, name: str = "trace_full_15a3f2.json") -> tuple[pl.DataFrame | None, RejectLog]:
    """Read bytes as a trace file; None when the file is (cleanly) unreadable."""
    log = RejectLog()
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        try:
            tables = list(readsb_trace.read(str(p), log))
        except UnreadableFileError as exc:
            assert "\n" not in str(exc)
            return None, log
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA)
    df = frame(tables) if tables else to_frame(POINT_SCHEMA.empty_table())
    _check_values(df)
    return df, log


def _check_values(df: pl.DataFrame) -> None:
    """Whatever got through is physically sane."""
    assert df.filter(pl.col("lat").abs() > 90).height == 0
    assert df.filter(pl.col("lon").abs() > 180).height == 0
    for c in ("lat", "lon", "alt_baro_ft", "gs_kt", "track_deg", "vrate_fpm"):
        assert df.filter(pl.col(c).is_nan() | pl.col(c).is_infinite()).height == 0
    assert df["ts"].null_count() == 0


def _key(df: pl.DataFrame) -> set[tuple[Any, ...]]:
    return set(zip(df["ts"].to_list(), df["lat"].to_list(), df["lon"].to_list(), strict=True))


GOOD = typed(_run(IL76_BYTES)[0], pl.DataFrame)
assert GOOD.height == 14


@SETTINGS
@given(st.binary(max_size=2000))
def test_random_bytes(data: bytes) -> None:
    _run(data)


@SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_after_a_valid_prefix(tail: bytes) -> None:
    df, _ = _run(IL76_BYTES[:400] + tail)
    if df is not None:
        assert df.height <= 14


@SETTINGS
@given(st.integers(min_value=0, max_value=len(IL76_BYTES)))
def test_truncation_keeps_a_correct_prefix(cut: int) -> None:
    df, log = _run(IL76_BYTES[:cut])
    if df is None:
        return
    assert _key(df) <= _key(GOOD)
    # points are kept in order from the start: the first k points survive
    assert df["ts"].to_list() == GOOD["ts"].to_list()[: df.height]
    if cut < len(IL76_BYTES) - 4:
        assert log.total >= 1 or df.height == 14


@SETTINGS
@given(st.integers(min_value=0, max_value=len(IL76_GZ)))
def test_truncation_inside_gzip(cut: int) -> None:
    df, log = _run(IL76_GZ[:cut])
    if df is not None:
        assert df["ts"].to_list() == GOOD["ts"].to_list()[: df.height]
        if cut < len(IL76_GZ):
            assert log.total >= 1


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 13), st.integers(0, 13), HOSTILE), min_size=1, max_size=12))
@example(edits=[(3, 4, 3.4028235677973366e38), (5, 10, 1e300), (6, 7, -1e39)])  # beyond float32
def test_wrong_types_in_points_do_not_hurt_neighbours(edits: list[tuple[int, int, Any]]) -> None:
    doc = json.loads(IL76_BYTES)
    touched = set()
    for point, field, value in edits:
        doc["trace"][point][field] = value
        touched.add(point)
    data = json.dumps(doc).encode()  # NaN/Infinity written as JSON extensions, as broken writers do
    df, log = _run(data)
    assert df is not None
    assert df.height + log.total == 14
    untouched = GOOD.with_row_index().filter(~pl.col("index").is_in(sorted(touched)))
    assert _key(untouched.drop("index")) <= _key(df)


@SETTINGS
@given(
    st.lists(st.one_of(HOSTILE, st.lists(HOSTILE, max_size=16)), max_size=10),
    st.integers(0, 14),
)
def test_garbage_points_inserted(garbage: list[Any], at: int) -> None:
    doc = json.loads(IL76_BYTES)
    doc["trace"][at:at] = garbage
    df, log = _run(json.dumps(doc).encode())
    assert df is not None
    assert df.height + log.total == 14 + len(garbage)
    assert _key(GOOD) <= _key(df)


@SETTINGS
@given(
    st.lists(st.floats(-1000, 1000, allow_nan=False), min_size=14, max_size=14),
    st.lists(st.tuples(st.floats(-200, 200), st.floats(-400, 400)), min_size=14, max_size=14),
)
def test_out_of_range_positions_and_times(dts: list[float], pos: list[tuple[float, float]]) -> None:
    doc = json.loads(IL76_BYTES)
    for p, dt, (lat, lon) in zip(doc["trace"], dts, pos, strict=True):
        p[0], p[1], p[2] = dt, lat, lon
    df, log = _run(json.dumps(doc).encode())
    assert df is not None
    ok = sum(1 for lat, lon in pos if abs(lat) <= 90 and abs(lon) <= 180)
    assert df.height == ok and log.total == 14 - ok


@SETTINGS
@given(st.permutations(list(range(14))), st.lists(st.integers(0, 13), max_size=10))
def test_duplicate_and_out_of_order_points_are_kept(order: list[int], dups: list[int]) -> None:
    doc = json.loads(IL76_BYTES)
    pts = doc["trace"]
    doc["trace"] = [pts[i] for i in order] + [pts[i] for i in dups]
    df, log = _run(json.dumps(doc).encode())
    assert df is not None and log.total == 0
    assert df.height == 14 + len(dups)
    assert _key(df) == _key(GOOD)
    # positions stay tied to their own times, whatever the order
    pos = dict(zip(GOOD["ts"].to_list(), zip(GOOD["lat"], GOOD["lon"], strict=True), strict=True))
    assert all(pos[t] == (la, lo) for t, la, lo in zip(df["ts"], df["lat"], df["lon"], strict=True))


def test_nan_and_infinity_literals() -> None:
    text = IL76_BYTES.decode().replace("35.403950", "NaN").replace("1856,", "Infinity,", 1)
    df, log = _run(text.encode())
    assert df is not None
    assert df.height == 12 and log.total == 2
    assert not any(math.isnan(x) for x in df["lat"])


def test_lone_surrogate_escapes_are_no_text() -> None:
    """JSON lets a lone surrogate be escaped ("\\ud800") and the parsers hand it through, but no UTF-8 column can
    hold it: in an aircraft object's callsign or squawk, or the header's registration, type or description, it
    is read as a missing value; as a point's source type it rejects that point, as any value of the wrong type
    does there. It used to crash the whole file with UnicodeEncodeError."""
    doc = dict(IL76_DOC, r="RA\udc00", desc="Il\ud800")
    doc["trace"] = [list(p) for p in IL76_DOC["trace"]]
    doc["trace"][0][8] = {"flight": "RFF\ud800 ", "squawk": "12\udfff"}
    doc["trace"][1][9] = "adsb\udc80"  # the source type: not a string, as a number there would be
    df, log = _run(json.dumps(doc).encode())
    assert df is not None and df.height == len(IL76_DOC["trace"]) - 1 and log.total == 1
    assert log.samples[0].location == "point 1"
    assert df["registration"].null_count() == df.height and df["type_code"].drop_nulls().len() == df.height


TarWriteMode = Literal["w:", "w:gz", "w:bz2", "w:xz"]


def _tar_bytes(compress: str) -> bytes:
    import io
    import tarfile

    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=cast(TarWriteMode, f"w:{compress}")) as tf:
        for name, data in (
            ("traces/f2/trace_full_15a3f2.json", IL76_GZ),
            ("traces/f3/trace_full_15a3f3.json", IL76_BYTES.replace(b"15a3f2", b"15a3f3")),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


TAR = _tar_bytes("")
TAR_GZ = _tar_bytes("gz")


@SETTINGS
@given(st.sampled_from([TAR, TAR_GZ]), st.floats(0, 1))
def test_truncated_tar_archives(data: bytes, frac: float) -> None:
    df, _ = _run(data[: int(len(data) * frac)], name="day.tar")
    if df is not None:
        assert df.height <= 28
        assert _key(df) <= _key(GOOD)


@SETTINGS
@given(st.dictionaries(st.sampled_from(["icao", "r", "t", "dbFlags", "desc", "ownOp", "year", "timestamp"]), HOSTILE))
def test_hostile_header_values(header: dict[str, Any]) -> None:
    doc = json.loads(IL76_BYTES)
    doc.update(header)
    df, _ = _run(json.dumps(doc).encode(), name="trace_full_15a3f2.json")
    if df is None:  # only a bad timestamp can make the file unreadable: the address comes from the name
        assert "timestamp" in header
        return
    assert set(df["asset_id"]) <= {"15a3f2", "~abcdef"}
    assert df["registration"].null_count() in (0, df.height)
    h = readsb_trace.parse_header(doc, "trace_full_15a3f2.json")
    assert h.db_flags >= 0 and isinstance(h.military, bool)
