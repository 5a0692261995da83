"""A line longer than the chunk size must end (kept or rejected), never loop forever."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path
from typing import Any

from liftwatch import io as lio
from liftwatch.io import textchunks
from liftwatch.io.base import RejectLog
from liftwatch.store import Store
from tests.hostile.payloads import SBS_GOOD


def test_sbs_line_over_chunk_size_is_one_reject(tmp_path: Path, deadline: Callable[[float], Any]) -> None:
    f = tmp_path / "long.sbs"
    f.write_bytes(SBS_GOOD * 100 + b"MSG," + b"A" * (9 << 20) + b"\n" + SBS_GOOD.replace(b"06:00:00", b"06:00:01"))
    with deadline(60), Store(tmp_path / "s.duckdb") as store:
        rep = store.ingest(f)
    assert rep.rows_read == 101 and rep.rows_added == 2  # 100 identical rows count once, plus the row after
    assert rep.rejects.total >= 1


def test_line_over_max_line_bytes_is_skipped_and_rest_kept(tmp_path: Path, deadline: Callable[[float], Any]) -> None:
    f = tmp_path / "huge.sbs.gz"
    body = SBS_GOOD + b"B" * (textchunks.MAX_LINE_BYTES + 10) + b"\n" + SBS_GOOD.replace(b"06:00:00", b"06:00:02")
    f.write_bytes(gzip.compress(body, compresslevel=1))
    rejects = RejectLog()
    with deadline(60):
        chunks = list(textchunks.iter_chunks(str(f), 1 << 16, rejects))
    text = b"".join(c.data for c in chunks)
    assert text.count(b"MSG,3") == 2
    assert any("longer than" in r for r in rejects.counts)
    assert chunks[-1].first_line + chunks[-1].n_lines - 1 == 3  # line numbers still count the skipped line


def test_opensky_csv_long_line(tmp_path: Path, deadline: Callable[[float], Any]) -> None:
    head = b"time,icao24,lat,lon,velocity,heading,vertrate,callsign,onground,alert,spi,squawk,baroaltitude,geoaltitude,lastposupdate,lastcontact\n"
    row = b"1734156000,4b1801,35.1,33.2,200,90,0,RFF7012,False,False,False,1234,10000,10100,1734156000.0,1734156000.0\n"
    f = tmp_path / "states.csv"
    f.write_bytes(
        head + row + b"1734156001," + b"x" * (9 << 20) + b"\n" + row.replace(b"1734156000,", b"1734156002,", 1)
    )
    rejects = RejectLog()
    with deadline(60):
        rows = sum(t.num_rows for t in lio.read(f, rejects=rejects))
    assert rows == 2
    assert rejects.total >= 1
