"""Hostile input for the AIS readers: canonical tables or UnreadableFileError only; every line accounted for."""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterator

import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyais.encode import DATA_DICT, encode_dict

from liftwatch.io import ais_csv, ais_nmea
from liftwatch.io.base import RejectLog

from .fuzzkit import data_lines, run, small_chunks

SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def nmea(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return ais_nmea.read(path, log, batch_rows)


def csv(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    return ais_csv.read(path, log, batch_rows)


def _pos(lat: float, lon: float) -> str:
    d: DATA_DICT = {
        "type": 1,
        "mmsi": 273906301,
        "lat": round(lat, 4),
        "lon": round(lon, 4),
        "speed": 12.5,
        "course": 90.0,
    }
    return encode_dict(d, talker_id="AI", sentence_type="VDM")[0]


BASE_STATION = encode_dict({"type": 4, "mmsi": 2190068, "lat": 55.0, "lon": 12.0}, talker_id="AI", sentence_type="VDM")[
    0
]
KINDS = (
    *("tag", "tag", "iso", "epoch", "trail", "bad_cs", "truncated", "no_time", "base", "garbage", "bad_armor"),
    *("ms_trail", "uscg", "tag00", "bs_talker", "nul", "pghp_orphan", "comment", "blank", "gpgga", "year_1800"),
)
ROW = st.tuples(
    st.sampled_from(KINDS),
    st.integers(min_value=0, max_value=3600),
    st.floats(min_value=-89, max_value=89, allow_nan=False),
    st.floats(min_value=-179, max_value=179, allow_nan=False),
)
KEPT = ("tag", "iso", "epoch", "trail", "ms_trail", "uscg", "tag00", "bs_talker")
UNLOCATED = ("base", "pghp_orphan", "comment", "blank", "gpgga")  # counted as not a position message


def _cs(s: str) -> str:
    c = 0
    for ch in s.encode():
        c ^= ch
    return f"{c:02X}"


def _line(kind: str, sec: int, lat: float, lon: float) -> str:
    t = 1734688800 + sec
    s = _pos(lat, lon)
    return {
        "tag": f"\\c:{t}*{_cs(f'c:{t}')}\\{s}",
        "iso": f"2024-12-20T{10 + sec // 3600:02d}:{sec // 60 % 60:02d}:{sec % 60:02d}Z {s}",
        "epoch": f"{t} {s}",
        "trail": f"{s},{t}",
        "bad_cs": f"{t} {s[:-2]}{'00' if s[-2:] != '00' else '01'}",
        "truncated": f"{t} {s[:25]}",
        "no_time": s,
        "base": f"{t} {BASE_STATION}",
        "garbage": "hello, world",
        "bad_armor": f"{t} " + (lambda b: f"!{b}*{_cs(b)}")("AIVDM,1,1,,A,1" + "~" * 27 + ",0"),
        "ms_trail": f"{s},{t}123",
        "uscg": f"{s},d-109,S2105,t050056.00,T56.13,r003669946,{t},{t - 60}",
        "tag00": f"\\c:{t}*00\\{s}",
        "bs_talker": f"{t} !BS{s[3:-2]}{_cs('BS' + s[3:-3])}",
        "nul": f"{t} {s[:20]}\x00{s[20:]}",  # NUL leaves the XOR checksum unchanged
        "pghp_orphan": (lambda b: f"${b}*{_cs(b)}")("PGHP,1,2024,12,20,10,0,0,0,316,2,,1,ZZ"),
        "comment": "# receiver restarted",
        "blank": "",
        "gpgga": "$GPGGA,184353.07,1929.045,S,02410.506,E,1,04,2.6,100.00,M,-33.9,M,,0000*6D",
        "year_1800": f"1800-12-20T10:00:00Z {s}",
    }[kind]


@SETTINGS
@given(rows=st.lists(ROW, min_size=1, max_size=50), compress=st.booleans(), chunked=st.booleans())
def test_nmea_every_line_kept_or_rejected(
    rows: list[tuple[str, int, float, float]], compress: bool, chunked: bool
) -> None:
    rows[0] = ("tag", *rows[0][1:])
    text = ("\n".join(_line(*r) for r in rows) + "\n").encode()
    data = gzip.compress(text) if compress else text
    if chunked:
        with small_chunks():
            df, log = run(nmea, data, name="x.nmea", batch_rows=3)
    else:
        df, log = run(nmea, data, name="x.nmea")
    assert df is not None
    kept = [r for r in rows if r[0] in KEPT]
    assert df.height == len(kept)
    assert log.total == len(rows) - len(kept)
    located = {f"line {i + 1}" for i, r in enumerate(rows) if r[0] not in KEPT and r[0] not in UNLOCATED}
    assert {s.location for s in log.samples} == located
    assert df["lat"].to_list() == [round(round(r[2], 4) * 600000) / 600000 for r in kept]


@SETTINGS
@given(data=st.binary(max_size=3000), prefix=st.sampled_from([b"", f"1734688800 {_pos(35.0, 36.0)}\n".encode()]))
def test_nmea_random_bytes_never_crash(data: bytes, prefix: bytes) -> None:
    df, log = run(nmea, prefix + data, name="x.nmea")
    if df is not None and (prefix + data).strip():
        assert df.height + log.total == physical_lines(prefix + data)


def physical_lines(text: bytes) -> int:
    """Every line, blank ones included (the AIS reader counts blank lines as "ignored")."""
    text = text.removeprefix(b"\xef\xbb\xbf").replace(b"\r\n", b"\n").replace(b"\r", b" ")
    return text.count(b"\n") + (1 if text and not text.endswith(b"\n") else 0)


DMA_HEAD = (
    b"# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,"
    b"Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,Data source type,A,B,C,D\n"
)


@SETTINGS
@given(data=st.binary(max_size=3000))
def test_csv_random_bytes_never_crash(data: bytes) -> None:
    df, log = run(csv, DMA_HEAD + data, name="x.csv")
    if df is not None:
        assert df.height + log.total <= data_lines(DMA_HEAD + data, skip=1) + 1
