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


def _layout_by_csv_parse(head: bytes) -> object:
    """What ``csv_layout`` answers without its refusal of JSON lines: the CSV parse of the first line."""
    import csv

    from liftwatch.io.opensky import _first_line
    from liftwatch.io.opensky_columns import layout_from_fields, layout_from_names

    first = _first_line(head)
    if first is None:
        return None
    try:
        fields = next(csv.reader([first[0]]))
    except (csv.Error, StopIteration):
        return None
    return layout_from_names(fields) or layout_from_fields(fields)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["{", '"', ",", "icao", "24", "ICAO", "24 ", " ", "1717200000", "150000", "lat", "lon", "time"]
        ),
        max_size=40,
    )
)
def test_json_lines_refused_only_where_the_csv_parse_refuses(parts: list[str]) -> None:
    """The OpenSky sniffer's shortcut for lines starting with ``{`` gives the CSV parse's answer."""
    from liftwatch.io.opensky import csv_layout

    head = ("{" + "".join(parts)).encode()
    got = csv_layout(head)
    want = _layout_by_csv_parse(head)
    assert (got is None) == (want is None)
    if got is not None:
        assert got[0] == want


def test_trace_heads_are_not_opensky(tmp_path: Path) -> None:
    from liftwatch.io.opensky import csv_layout

    assert csv_layout(TRACE[:4096]) is None and _layout_by_csv_parse(TRACE[:4096]) is None
    header = b"{,icao24,time,lat,lon\n"  # odd, but a header naming icao24: still parsed as CSV
    assert csv_layout(header) is not None and _layout_by_csv_parse(header) is not None
