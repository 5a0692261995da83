"""Compression bombs and hostile archives: bounded memory, a clear reject, nothing written outside."""

from __future__ import annotations

import bz2
import io
import lzma
import tarfile
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from liftwatch import io as lio
from liftwatch.errors import UnreadableFileError
from liftwatch.io.base import RejectLog

LIMIT_MIB = 8
BOMB_MIB = 64


@pytest.fixture(autouse=True)
def small_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIFTWATCH_MAX_DOCUMENT", f"{LIMIT_MIB}MiB")


def _gzip_bomb(head: bytes) -> bytes:
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    out = [c.compress(head)]
    zeros = b" " * (1 << 20)
    out += [c.compress(zeros) for _ in range(BOMB_MIB)]
    out.append(c.flush())
    return b"".join(out)


def _peak_mib(fn: Callable[[], Any]) -> float:
    tracemalloc.start()
    try:
        fn()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    return peak / (1 << 20)


TRACE_HEAD = b'{"icao":"4b1801","timestamp":1734156000,"trace":[[0,35.1,33.2,35000,450,90,0,0,null,"adsb_icao",null,null,null,null]'
SNAP_HEAD = b'{"now":1734156000,"aircraft":[{"hex":"4b1801","lat":35.1,"lon":33.2}'


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("trace_full_4b1801.json", lambda: _gzip_bomb(TRACE_HEAD)),
        ("aircraft.json", lambda: bz2.compress(SNAP_HEAD + b" " * (BOMB_MIB << 20))),
        ("trace_full_4b1802.json", lambda: lzma.compress(TRACE_HEAD + b" " * (BOMB_MIB << 20), preset=0)),
    ],
)
def test_json_document_bomb_is_refused_in_bounded_memory(tmp_path: Path, name: str, make: Any) -> None:
    f = tmp_path / name
    f.write_bytes(make())
    assert f.stat().st_size < 2 << 20

    def read() -> None:
        with pytest.raises(UnreadableFileError, match="MiB"):
            list(lio.read(f, rejects=RejectLog()))

    assert _peak_mib(read) < 3 * LIMIT_MIB + 4  # never the 64 MiB the file expands to


def test_tar_member_bomb_and_traversal_names(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for name, data in (
            ("../../escape/trace_full_4b1801.json", TRACE_HEAD + b"]}"),
            ("/abs/trace_full_4b1802.json.gz", _gzip_bomb(TRACE_HEAD)),
            ("ok/trace_full_4b1803.json", TRACE_HEAD.replace(b"4b1801", b"4b1803") + b"]}"),
        ):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        big = tarfile.TarInfo("big/trace_full_4b1804.json")
        big.size = (LIMIT_MIB + 1) << 20
        tf.addfile(big, io.BytesIO(b" " * big.size))
    f = tmp_path / "traces.tar"
    f.write_bytes(buf.getvalue())
    rejects = RejectLog()
    run = tmp_path / "run"
    run.mkdir()
    import os

    cwd = os.getcwd()
    os.chdir(run)
    try:
        tables = list(lio.read(f, rejects=rejects))
    finally:
        os.chdir(cwd)
    ids = {a for t in tables for a in t.column("asset_id").to_pylist()}
    assert ids == {"4b1801", "4b1803"}  # the good members, read in place (never extracted)
    assert any("MiB" in r for r in rejects.counts)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["run", "traces.tar"]
