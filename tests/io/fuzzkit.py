"""Helpers for the hostile-input tests of the text readers: run a reader on bytes, check the contract."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import decompress, textchunks
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA
from tests.frames import num

Reader = Callable[[str, RejectLog, int], Iterator[pa.Table]]


@contextmanager
def small_chunks(n: int = 97) -> Iterator[None]:
    """Make the chunker cut every ``n`` bytes so chunk boundaries fall everywhere (incl. mid-line)."""
    with mock.patch.object(textchunks, "MIN_CHUNK_BYTES", n), mock.patch.object(decompress, "_PIECE", n):
        yield


def run(
    reader: Reader, data: bytes, name: str = "input.csv", batch_rows: int = 500_000
) -> tuple[pl.DataFrame | None, RejectLog]:
    """Read ``data`` as a file; (None, log) when the reader cleanly refused it as unreadable.

    Any exception other than UnreadableFileError fails the test; every table must be canonical and its values sane.
    """
    log = RejectLog()
    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / name
        p.write_bytes(data)
        try:
            tables = list(reader(str(p), log, batch_rows))
        except UnreadableFileError as exc:
            assert "\n" not in str(exc)
            return None, log
    for t in tables:
        assert t.schema.equals(POINT_SCHEMA), t.schema
    df = pl.from_arrow(pa.concat_tables(tables)) if tables else pl.from_arrow(POINT_SCHEMA.empty_table())
    assert isinstance(df, pl.DataFrame)
    check_values(df)
    return df, log


def check_values(df: pl.DataFrame) -> None:
    """What no reader may ever emit, whatever the input."""
    assert df["asset_id"].null_count() == 0
    assert df["ts"].null_count() == 0
    lat, lon = df["lat"], df["lon"]
    assert (lat.is_null() == lon.is_null()).all()
    pos = df.filter(pl.col("lat").is_not_null())
    assert pos["lat"].is_finite().all() and pos["lon"].is_finite().all()
    assert (pos["lat"].abs() <= 90).all() and (pos["lon"].abs() <= 180).all()
    for col in ("alt_baro_ft", "alt_geom_ft", "gs_kt", "track_deg", "vrate_fpm"):
        assert not df[col].drop_nulls().is_nan().any()
    if df.height:
        assert num(df["ts"].dt.year().min()) >= 2000
        assert num(df["ts"].dt.year().max()) <= 2100


def data_lines(text: bytes, skip: int = 0) -> int:
    """Non-empty lines after the first ``skip`` lines (what the line accounting counts; CRLF/CR as the reader)."""
    if text.startswith(b"\xef\xbb\xbf"):
        text = text[3:]
    lines = text.replace(b"\r\n", b"\n").replace(b"\r", b" ").split(b"\n")[skip:]
    return sum(1 for x in lines if x)
