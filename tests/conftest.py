"""Shared fixtures: a temporary store and a small canonical point table."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from liftwatch.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path / "t.duckdb")
    yield s
    s.close()


def make_points(n: int = 100, asset: str = "155abc", start: datetime | None = None) -> pl.DataFrame:
    """A straight climb-out track in canonical columns (enough for store and API tests)."""
    t0 = start or datetime(2025, 1, 5, 12, 0, tzinfo=UTC)
    return pl.DataFrame(
        {
            "source": ["test"] * n,
            "domain": ["air"] * n,
            "asset_id": [asset] * n,
            "ts": [t0 + timedelta(seconds=10 * i) for i in range(n)],
            "lat": [35.40 + 0.01 * i for i in range(n)],
            "lon": [35.95 - 0.01 * i for i in range(n)],
            "alt_baro_ft": [100.0 * i for i in range(n)],
            "callsign": ["RFF7012"] * n,
        }
    )


def count_opens(monkeypatch: pytest.MonkeyPatch, paths: Iterable[Path]) -> list[str]:
    """Record every ``open`` of one of ``paths`` (to check a file is read once), until ``monkeypatch`` undoes it."""
    watched = {str(p) for p in paths}
    opened: list[str] = []
    real_open = open

    def counting_open(file: object, *args: object, **kwargs: object) -> object:
        if str(file) in watched:
            opened.append(str(file))
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", counting_open)
    return opened
