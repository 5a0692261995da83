"""A raw Mode S recording in a gzip that was cut short keeps what decoded before the cut."""

from __future__ import annotations

import gzip
from pathlib import Path

from liftwatch import io as lio
from liftwatch.io.base import RejectLog
from tests.hostile.payloads import modes_lines


def test_truncated_gzip_hex_recording_is_salvaged(tmp_path: Path) -> None:
    body = modes_lines([str(1734156000 + i) for i in range(4000)])
    whole = gzip.compress(body)
    f = tmp_path / "rec.hex.gz"
    f.write_bytes(whole[: int(len(whole) * 0.6)])
    full = tmp_path / "full.hex.gz"
    full.write_bytes(whole)
    rejects = RejectLog()
    got = sum(t.num_rows for t in lio.read(f, format="modes_hex", rejects=rejects))
    expected = sum(t.num_rows for t in lio.read(full, format="modes_hex"))
    assert 0.4 * expected < got < expected
    assert any("truncated or corrupt" in r for r in rejects.counts)
