"""Zstandard-compressed inputs (``.zst``): read by content like gzip, bz2 and xz, cut streams salvaged."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.io.base import RejectLog, compression_of
from tests.frames import frame

if sys.version_info >= (3, 14):
    from compression.zstd import compress
else:
    from backports.zstd import compress

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "adsb" / "sample_border_control.opensky.csv.gz"
TRACE = Path(__file__).resolve().parents[1] / "fixtures" / "readsb" / "trace_full_15a3f2.json"


def test_opensky_csv_in_zstd(tmp_path: Path) -> None:
    text = gzip.decompress(REAL.read_bytes())
    p = tmp_path / "states.csv.zst"
    p.write_bytes(compress(text))
    assert compression_of(p.read_bytes()[:6]) == "zstd"
    assert lio.detect_format(p) == "opensky_csv"
    assert frame(lio.read(p)).equals(frame(lio.read(REAL)))


def test_multi_frame_zstd_reads_every_frame(tmp_path: Path) -> None:
    text = gzip.decompress(REAL.read_bytes())
    cut = text.index(b"\n", len(text) // 2) + 1
    p = tmp_path / "two-frames.csv.zst"
    p.write_bytes(compress(text[:cut]) + compress(text[cut:]))
    assert frame(lio.read(p)).height == 1465


def test_trace_document_in_zstd(tmp_path: Path) -> None:
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_bytes(compress(TRACE.read_bytes()))
    assert lio.detect_format(p) == "readsb_trace"
    assert frame(lio.read(p)).equals(frame(lio.read(TRACE)))


def test_cut_zstd_text_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    header, _, body = gzip.decompress(REAL.read_bytes()).partition(b"\n")
    data = compress(header + b"\n" + body * 6)  # several zstd blocks: a cut inside the first loses the block
    p = tmp_path / "cut.csv.zst"
    p.write_bytes(data[: len(data) * 9 // 10])
    log = RejectLog()
    rows = frame(lio.read(p, rejects=log)).height
    assert 0 < rows < 6 * 1465
    assert any("zstd data truncated" in (s.raw or "") or "truncated" in s.reason for s in log.samples)


def test_cut_zstd_document_is_unreadable_with_its_reason(tmp_path: Path) -> None:
    data = compress(TRACE.read_bytes())
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(LiftwatchError, match="zstd"):
        list(lio.read(p, format="readsb_trace"))


def test_zstd_bomb_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIFTWATCH_MAX_DOCUMENT", "4MiB")
    head = TRACE.read_bytes()[:-2]  # the document left open, then 64 MiB of blanks
    p = tmp_path / "trace_full_15a3f2.json"
    p.write_bytes(compress(head + b" " * (64 << 20)))
    assert p.stat().st_size < 1 << 20
    with pytest.raises(LiftwatchError, match="MiB"):
        list(lio.read(p, format="readsb_trace"))
