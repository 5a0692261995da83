"""Hostile input for the SBS reader: canonical tables or UnreadableFileError only; every line accounted for."""

from __future__ import annotations

import gzip
import math
import os
from collections.abc import Iterator

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwatch.io import sbs
from liftwatch.io.base import RejectLog

from .fuzzkit import data_lines, run, small_chunks

SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def reader(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return sbs.read(path, log, batch_rows)


def _msg(
    tx: int, sec: int, lat: float | str = "", lon: float | str = "", hexid: str = "15A3F2", alt: str = "31000"
) -> str:
    t = f"2024/06/01,10:{sec // 60 % 60:02d}:{sec % 60:02d}.250"
    return f"MSG,{tx},1,1,{hexid},1,{t},{t},RFF7012,{alt},420,245,{lat},{lon},-64,1234,0,0,0,0"


KINDS = (
    "good",
    "good",
    "good",
    "velocity",
    "sta",
    "bad_hex",
    "nan",
    "inf",
    "lat_high",
    "short",
    "long",
    "text_alt",
    "bad_date",
    "tx9",
    "half",
)
ROW = st.tuples(
    st.sampled_from(KINDS),
    st.integers(min_value=0, max_value=120),  # repeated and out-of-order times
    st.floats(min_value=-90, max_value=90, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
)


def _line(kind: str, sec: int, lat: float, lon: float) -> str:
    lat, lon = round(lat, 5), round(lon, 5)
    return {
        "good": _msg(3, sec, lat, lon),
        "velocity": _msg(4, sec),
        "sta": "STA,,1,1,15A3F2,1,2024/06/01,10:00:03.000,2024/06/01,10:00:03.000,PL",
        "bad_hex": _msg(3, sec, lat, lon, hexid="15A3FZ"),
        "nan": _msg(3, sec, math.nan, lon),
        "inf": _msg(3, sec, lat, math.inf),
        "lat_high": _msg(3, sec, 91 + abs(lat), lon),
        "short": _msg(3, sec, lat, lon)[:40],
        "long": _msg(3, sec, lat, lon) + ",1,2",
        "text_alt": _msg(3, sec, lat, lon, alt="FL310"),
        "bad_date": _msg(3, sec, lat, lon).replace("2024/06/01", "01.06.2024"),
        "tx9": _msg(3, sec, lat, lon).replace("MSG,3", "MSG,9"),
        "half": _msg(3, sec, lat, ""),
    }[kind]


@SETTINGS
@given(rows=st.lists(ROW, min_size=1, max_size=60), compress=st.booleans(), chunked=st.booleans(), crlf=st.booleans())
def test_every_line_is_kept_or_rejected_with_its_number(
    rows: list[tuple[str, int, float, float]], compress: bool, chunked: bool, crlf: bool
) -> None:
    rows[0] = ("good", *rows[0][1:])  # the sniffer needs a recognisable first line
    eol = "\r\n" if crlf else "\n"
    text = (eol.join(_line(*r) for r in rows) + eol).encode()
    data = gzip.compress(text) if compress else text
    if chunked:
        with small_chunks():
            df, log = run(reader, data, name="x.sbs", batch_rows=3)
    else:
        df, log = run(reader, data, name="x.sbs")
    assert df is not None
    kept = [r for r in rows if r[0] in ("good", "velocity")]
    assert df.height == len(kept)
    assert log.total == len(rows) - len(kept)
    assert {s.location for s in log.samples} == {f"line {i + 1}" for i, r in enumerate(rows) if r not in kept}
    assert [t.minute * 60 + t.second for t in df["ts"].to_list()] == [r[1] % 3600 for r in kept]
    assert df["lat"].to_list() == [round(r[2], 5) if r[0] == "good" else None for r in kept]


@SETTINGS
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", _msg(3, 1, 35.0, 36.0).encode() + b"\n"]))
def test_random_bytes_never_crash(data: bytes, prefix: bytes) -> None:
    df, log = run(reader, prefix + data, name="x.sbs")
    if df is not None and (prefix + data).strip():  # whitespace only reads as an empty file
        assert df.height + log.total == data_lines(prefix + data)


VALID = ("\n".join(_msg(3, i, 35.0 + i / 100, 36.0) for i in range(80)) + "\n").encode()
VALID_GZ = gzip.compress(VALID, mtime=0)


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(VALID)), chunked=st.booleans())
def test_truncated_file_accounts_for_every_line(cut: int, chunked: bool) -> None:
    data = VALID[:cut]
    if chunked:
        with small_chunks():
            df, log = run(reader, data, name="x.sbs", batch_rows=4)
    else:
        df, log = run(reader, data, name="x.sbs")
    if df is None:
        return
    assert df.height + log.total == data_lines(data)
    assert df["lat"].to_list() == [35.0 + i / 100 for i in range(df.height)]


@SETTINGS
@given(cut=st.integers(min_value=0, max_value=len(VALID_GZ)))
def test_truncated_gzip_keeps_a_prefix(cut: int) -> None:
    df, _ = run(reader, VALID_GZ[:cut], name="x.sbs.gz")
    if df is not None:
        assert df["lat"].to_list() == [35.0 + i / 100 for i in range(df.height)]
