"""Shared fixtures: a temporary store, a small canonical point table, and the demo run once per session."""

from __future__ import annotations

import fcntl
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

from liftwatch.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"


@dataclass(frozen=True)
class DemoRun:
    """``liftwatch demo --out <folder>/liftwatch-demo`` run once: its exit code, its output and its folder."""

    folder: Path  # holds liftwatch-demo/ (the command's --out); tests may add files of their own beside it
    exit_code: int
    output: str


@pytest.fixture(scope="session")
def demo_run(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> DemoRun:
    """The ``demo`` command (the whole pipeline on the bundled scenario, ~25 s) run once per test session: the
    first xdist worker that asks runs it under a file lock, the others wait and read what it left. tests/test_demo.py
    checks the command's output and files, tests/test_library.py runs its commands on the database it built."""
    from typer.testing import CliRunner

    from liftwatch.cli import app

    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent  # the session's folder, shared by every worker
    folder = root / "demo-run"
    with (root / "demo-run.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marker = folder / "run.json"
        if not marker.exists():
            folder.mkdir(parents=True, exist_ok=True)
            res = CliRunner().invoke(app, ["demo", "--out", str(folder / "liftwatch-demo")])
            marker.write_text(json.dumps({"exit_code": res.exit_code, "output": res.output}))
        run = json.loads(marker.read_text())
    return DemoRun(folder, run["exit_code"], run["output"])


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
