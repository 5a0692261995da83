"""Property test of the line chunker: every line up to the limit comes out once, in order, with its number;
every longer line is one reject; it always ends."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwatch.io import decompress, textchunks
from liftwatch.io.base import RejectLog

LIMIT = 3000


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    lengths=st.lists(st.integers(min_value=0, max_value=2 * LIMIT), min_size=1, max_size=200),
    compress=st.booleans(),
)
def test_lines_kept_or_rejected_exactly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lengths: list[int], compress: bool
) -> None:
    monkeypatch.setattr(textchunks, "MAX_LINE_BYTES", LIMIT)
    monkeypatch.setattr(decompress, "_PIECE", 1024)
    lines = [(b"%d," % i + b"x" * n)[: max(n, 1)] if n else b"" for i, n in enumerate(lengths)]
    body = b"\n".join(lines) + b"\n"
    f = tmp_path / ("in.gz" if compress else "in.txt")
    f.write_bytes(gzip.compress(body) if compress else body)
    rejects = RejectLog()
    got: list[tuple[int, bytes]] = []
    for chunk in textchunks.iter_chunks(str(f), 1, rejects):
        for k, line in enumerate(chunk.data.split(b"\n")[: chunk.n_lines]):
            got.append((chunk.first_line + k, line))
    kept = [(i + 1, ln) for i, ln in enumerate(lines) if len(ln) <= LIMIT]
    assert got == kept
    assert rejects.total == sum(len(ln) > LIMIT for ln in lines)
