"""Format detection from a file already in memory gives what detection from the file gives."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.io.base import head_of_bytes, read_head

TRACE = json.dumps({"icao": "150000", "timestamp": 1_717_200_000, "trace": [[0, 1.0, 2.0, 100]] * 400}).encode()
SBS = b"MSG,3,1,1,4CA123,1,2024/06/01,00:00:01.000,2024/06/01,00:00:01.000,,35000,,,50.1,8.5,,,0,0,0,0\n" * 80


@pytest.mark.parametrize(
    "data",
    [
        TRACE,
        gzip.compress(TRACE, mtime=0),
        gzip.compress(TRACE, mtime=0)[:60],  # cut inside the stream: what inflated before the cut
        gzip.compress(TRACE, mtime=0)[:5],  # cut inside the header
        gzip.compress(SBS * 3, mtime=0),
        bz2.compress(SBS),
        SBS,
        b"",
        b"\x1f\x8b\x08garbage" * 10,  # gzip magic, damaged stream
    ],
    ids=["trace", "trace.gz", "cut-stream", "cut-header", "sbs.gz", "sbs.bz2", "sbs", "empty", "damaged-gzip"],
)
def test_same_head_and_format_as_from_the_file(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "input"
    p.write_bytes(data)
    for n in (512, 4096):
        assert head_of_bytes(data, p, n) == read_head(p, n)
    try:
        want: str | type[Exception] = lio.detect_format(p)
    except LiftwatchError as exc:
        want = type(exc)
    try:
        got: str | type[Exception] = lio.detect_format_of_head(head_of_bytes(data, p), str(p))
    except LiftwatchError as exc:
        got = type(exc)
    assert got == want


@settings(max_examples=60, deadline=None)
@given(body=st.binary(max_size=3000), cut=st.integers(min_value=0, max_value=4000), level=st.integers(0, 9))
def test_gzip_heads_agree_on_any_content(
    tmp_path_factory: pytest.TempPathFactory, body: bytes, cut: int, level: int
) -> None:
    data = gzip.compress(body * 40, compresslevel=level, mtime=0)[:cut]
    p = tmp_path_factory.mktemp("h") / "x.gz"
    p.write_bytes(data)
    assert head_of_bytes(data, p) == read_head(p)
