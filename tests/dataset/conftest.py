"""Shared fixtures: a small DuckDB store from bundled data and its dataset export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import liftwatch
from liftwatch.dataset_export import export_dataset
from liftwatch.demo import scenario_inputs
from liftwatch.sim import default_scenario_path
from liftwatch.store import Store

DEMO = default_scenario_path()


def demo_inputs(n_traces: int | None = None) -> list[Path]:
    """Bundled scenario observation files (the first ``n_traces`` trace files and the AIS log)."""
    files = scenario_inputs(DEMO)
    if n_traces is None:
        return files
    traces = [f for f in files if "trace" in f.name][:n_traces]
    return [*traces, *[f for f in files if "trace" not in f.name]]


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB store with 4 trace files and the AIS log ingested and flights built (read-only use)."""
    db = tmp_path_factory.mktemp("small") / "s.duckdb"
    with liftwatch.open(db) as lw:
        lw.ingest(*demo_inputs(4))
        assert lw.build().flights > 0
    return db


@pytest.fixture
def small_dataset(small_store: Path, tmp_path: Path) -> Iterator[Path]:
    out = tmp_path / "ds"
    with Store(small_store, read_only=True) as store:
        export_dataset(store, out, buckets=16)
    yield out
