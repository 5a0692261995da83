"""Round trip through the simulator's readsb writers: what it writes, these readers must read back.

Skips until ``liftwatch.sim`` provides ``generate`` and ``write``; then it checks the two sides agree on
times and positions (a disagreement is a bug in one of them).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import polars as pl
import pytest

from liftwatch import io as lio
from liftwatch.io.base import RejectLog
from liftwatch.schema import POINT_SCHEMA
from tests.frames import frame


def _files(out: Any) -> list[Path]:
    items = out if isinstance(out, list | tuple) else [out]
    files: list[Path] = []
    for it in items:
        p = Path(it)
        files.extend(sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p])
    return files


@functools.cache
def _scenario(sim: Any) -> Any:
    return sim.generate("syria-libya-airlift", days=1, seed=7)


@pytest.mark.parametrize("fmt", ["readsb_trace", "aircraft_json"])
def test_sim_written_files_read_back(tmp_path: Path, fmt: str) -> None:
    sim = pytest.importorskip("liftwatch.sim")
    if not (hasattr(sim, "generate") and hasattr(sim, "write")):
        pytest.skip("liftwatch.sim has no generate/write yet")
    try:
        sc = _scenario(sim)
        written = sim.write(sc, tmp_path, formats=(fmt,))
    except Exception as exc:  # the simulator's own tests cover its failures; this test is about reading back
        pytest.skip(f"simulator cannot write {fmt}: {type(exc).__name__}: {exc}")
    out = written.get(fmt) if isinstance(written, dict) else None
    if not out:
        pytest.skip(f"simulator wrote no {fmt} files")
    paths = [tmp_path / fmt] if fmt == "aircraft_json" and (tmp_path / fmt).is_dir() else _files(out)
    log = RejectLog()
    tables = [t for p in paths for t in lio.read(p, format=fmt, rejects=log)]
    assert tables, "nothing read back"
    assert all(t.schema.equals(POINT_SCHEMA) for t in tables)
    got = frame(tables).filter(pl.col("lat").is_not_null())
    truth = sc.points.filter(pl.col("domain") == "air", pl.col("lat").is_not_null())
    assert log.total <= 0.01 * (got.height + log.total), log.counts.most_common(3)
    matched = got.sort("ts").join_asof(
        truth.select("asset_id", "ts", pl.col("lat").alias("lat_t"), pl.col("lon").alias("lon_t")).sort("ts"),
        on="ts",
        by="asset_id",
        strategy="nearest",
        tolerance="1s",
        check_sortedness=False,
    )
    close = matched.filter(
        ((pl.col("lat") - pl.col("lat_t")).abs() < 1e-4) & ((pl.col("lon") - pl.col("lon_t")).abs() < 1e-4)
    )
    assert close.height >= 0.99 * got.height, f"{got.height - close.height} of {got.height} points disagree"
