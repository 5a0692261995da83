"""Hostile input for the raw Mode S readers (tables: rs1090 JSON Lines, raw-message CSV, OpenSky rawmsg Parquet;
streams: hex lines and Beast): canonical tables or UnreadableFileError only, and every row/frame accounted for
(points + rejects + ignored = input units)."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwatch import io as lio
from liftwatch.errors import UnreadableFileError
from liftwatch.io import modes_table, raw_modes
from liftwatch.io.base import RejectLog
from liftwatch.modes import accounting
from liftwatch.modes.framing import encode_beast
from liftwatch.modes.synth import stream
from tests.io.fuzzkit import run, small_chunks

SETTINGS = settings(
    max_examples=int(os.environ.get("LIFTWATCH_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

S = stream(3, 30, seed=5)
HEXES = S.hex()
T0 = float(S.ts[0])
KINDS = ("good", "good", "good", "good", "bad_hex", "short_hex", "no_time", "old_time", "garbage", "blank", "padded")
ROW = st.tuples(st.sampled_from(KINDS), st.integers(min_value=0, max_value=len(HEXES) - 1))


def table_reader(fmt: str) -> Callable[[str, RejectLog, int], Iterator[pa.Table]]:
    def read(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
        return modes_table.read_format(path, fmt, log, batch_rows)

    return read


def _fields(kind: str, i: int) -> tuple[str, str] | None:
    """(time, hex) of one row of the given kind; None for a line that is not a row at all."""
    h, t = HEXES[i], f"{S.ts[i]:.6f}"
    return {
        "good": (t, h),
        "bad_hex": (t, h[:-1] + "Z"),
        "short_hex": (t, h[:20]),
        "no_time": ("", h),
        "old_time": ("12345", h),
        "padded": (t, h[:14] + "0" * 14 if h[0] in "0123456789" else h),  # short DF as 28 digits, or as is
        "garbage": None,
        "blank": None,
    }[kind]


def _units(rows: list[tuple[str, int]]) -> int:
    return sum(1 for k, _ in rows if k != "blank")


def _check(df: pl.DataFrame | None, log: RejectLog, units: int) -> None:
    assert df is not None
    assert df.height + log.total == units, (df.height, log.counts, units)


@SETTINGS
@given(rows=st.lists(ROW, max_size=80), chunk=st.integers(min_value=40, max_value=400))
def test_csv_every_line_accounted(rows: list[tuple[str, int]], chunk: int) -> None:
    lines = ["ts,icao,msg"]
    for kind, i in rows:
        f = _fields(kind, i)
        lines.append("" if kind == "blank" else "not,a,row,at all" if f is None else f"{f[0]},{HEXES[i][2:8]},{f[1]}")
    data = ("\n".join(lines) + "\n").encode()
    with small_chunks(chunk):
        df, log = run(table_reader("modes_csv"), data, "m.csv")
    _check(df, log, _units(rows))


@SETTINGS
@given(rows=st.lists(ROW, max_size=80), chunk=st.integers(min_value=40, max_value=400))
def test_jsonl_every_line_accounted(rows: list[tuple[str, int]], chunk: int) -> None:
    lines = []
    for kind, i in rows:
        f = _fields(kind, i)
        if kind == "blank":
            lines.append("")
        elif f is None:
            lines.append('{"timestamp": 1.0, "broken')
        else:
            lines.append(json.dumps({"timestamp": float(f[0]) if f[0] else None, "frame": f[1], "df": "17"}))
    data = ("\n".join(lines) + "\n").encode()
    with small_chunks(chunk):
        df, log = run(table_reader("modes_jsonl"), gzip.compress(data), "m.jsonl.gz")
    _check(df, log, _units(rows))


@SETTINGS
@given(rows=st.lists(ROW, min_size=1, max_size=80), batch=st.integers(min_value=1, max_value=50))
def test_parquet_every_row_accounted(rows: list[tuple[str, int]], batch: int) -> None:
    rows = [(k, i) for k, i in rows if k not in ("blank", "garbage")]
    t, m, a = [], [], []
    for kind, i in rows:
        f = _fields(kind, i)
        assert f is not None
        t.append(float(f[0]) if f[0] else None)
        m.append(f[1])
        a.append(HEXES[i][2:8].lower())
    buf = pa.BufferOutputStream()
    pq.write_table(pa.table({"mintime": pa.array(t, pa.float64()), "rawmsg": m, "icao24": a}), buf)
    df, log = run(table_reader("modes_parquet"), buf.getvalue().to_pybytes(), "m.parquet", batch_rows=batch)
    _check(df, log, len(rows))


@SETTINGS
@given(data=st.binary(max_size=600), fmt=st.sampled_from(modes_table.FORMATS))
def test_random_bytes_never_crash(data: bytes, fmt: str) -> None:
    run(table_reader(fmt), data, "x.dat")


@SETTINGS
@given(cut=st.integers(min_value=1, max_value=2000), flip=st.integers(min_value=0, max_value=4000))
def test_truncated_and_corrupt_beast_accounted(cut: int, flip: int) -> None:
    counter = np.round((S.ts - S.ts[0]) * 12e6).astype(np.int64)
    data = bytearray(encode_beast(S.msgs, np.full(len(HEXES), 14), counter))
    if flip < len(data):
        data[flip] ^= 0x5A
    data = data[: max(len(data) - cut, 0)]

    def read(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
        return raw_modes.read_messages(path, "modes_beast", log, base_time=T0)

    df, log = run(read, bytes(data), "b.bin")
    assert df is not None
    # every complete frame is a point, a reject or an ignored message; at most the frames the damage touched
    # (the flipped one and its neighbour, the cut tail) are missing or counted as corrupt
    assert len(HEXES) - 3 - cut // 23 <= df.height + log.total <= len(HEXES) + 1


def test_truncated_gzip_jsonl_salvaged(tmp_path: Path) -> None:
    lines = [json.dumps({"timestamp": float(t), "frame": h}) for t, h in zip(S.ts.tolist(), HEXES, strict=True)]
    z = gzip.compress(("\n".join(lines) + "\n").encode())
    df, log = run(table_reader("modes_jsonl"), z[: len(z) * 2 // 3], "cut.jsonl.gz")
    assert df is not None and df.height > 0
    assert any("truncated" in r for r in log.counts)


def test_hostile_values(tmp_path: Path) -> None:
    """Huge, negative and NaN times; a 6-hex address that is not hex; a message of 29 hex digits."""
    h = HEXES[0]
    data = (
        f"1e300,4ca2d6,{h}\n-5,4ca2d6,{h}\nnan,4ca2d6,{h}\n{T0},zzzzzz,{h}\n{T0},4ca2d6,{h}0\n{T0},4ca2d6,{h}\n"
        f"{T0},4ca2d6,{h[:9]}{int(h[9], 16) ^ 1:X}{h[10:]}\n"  # one bit flipped: CRC failure, named by line
    ).encode()
    df, log = run(table_reader("modes_csv"), data, "h.csv")
    assert df is not None and df.height + log.total == 7
    assert [r.location for r in log.samples if r.reason == accounting.CRC_FAILED] == ["line 7"]
    assert log.counts[modes_table.BAD_TIME] == 3
    assert [r.location for r in log.samples if r.reason == modes_table.NOT_MODES] == ["line 5"]  # 29 digits


def test_every_row_rejected_for_one_reason_is_unreadable(tmp_path: Path) -> None:
    """A whole file lost to one systematic problem is an error (exit 2), not a successful ingest with rejects."""
    p = tmp_path / "crc.csv"
    flipped = [h[:9] + f"{int(h[9], 16) ^ 1:X}" + h[10:] for h in HEXES]  # one bit error: the CRC always fails
    p.write_text("".join(f"{t:.6f},{h}\n" for t, h in zip(S.ts.tolist(), flipped, strict=True)))
    assert lio.detect_format(p) == "modes_hex"
    with pytest.raises(UnreadableFileError, match="every row was rejected for the same reason: crc failed"):
        list(lio.read(p))
    # a file of non-position messages only is read (nothing to reject), not refused
    q = tmp_path / "allcall.csv"
    q.write_text("".join(f"{T0 + i},5D3981E46DC8EB\n" for i in range(5)))  # real DF11 replies
    log = RejectLog()
    assert list(lio.read(q, format="modes_hex", rejects=log)) == []
    assert log.counts == {accounting.ALLCALL: 5}


@SETTINGS
@given(rows=st.lists(ROW, max_size=80), chunk=st.integers(min_value=60, max_value=600))
def test_hex_lines_every_line_accounted(rows: list[tuple[str, int]], chunk: int) -> None:
    """``time,hex`` lines (the plain raw reader), read in small chunks: every non-blank line is a point, a reject
    with its line, or an ignored message."""
    lines = []
    for kind, i in rows:
        f = _fields(kind, i)
        lines.append("" if kind == "blank" else "#garbage line" if f is None else f"{f[0] or T0},{f[1]}")
    data = ("\n".join(lines) + "\n").encode()

    def read(path: str, log: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
        return raw_modes.read_messages(path, "modes_hex", log, chunk_bytes=chunk)

    df, log = run(read, data, "h.txt")
    assert df is not None
    assert df.height + log.total == _units(rows)
