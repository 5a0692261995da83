"""The demo store, built once per test session (shared by xdist workers through a file lock).

The bundled scenario goes through the library's pipeline (ingest + build, no report), then one flight with a
hostile callsign is added so every page can be checked for escaping.
"""

from __future__ import annotations

import fcntl
import json
from collections.abc import Iterator
from pathlib import Path

import polars as pl
import pytest
from fastapi.testclient import TestClient

import liftwatch
from liftwatch.demo import scenario_inputs
from liftwatch.sim import default_scenario_path
from liftwatch.store import Store

HOSTILE_ASSET = "fffffe"
HOSTILE_CALLSIGN = '<img src=x onerror="window.LW_PWNED=1">'
HOSTILE_ID = f"{HOSTILE_ASSET}-20241220T120000Z"
CORRIDOR = "Khmeimim:eastern Libya"


def _build(db: Path) -> None:
    with liftwatch.open(db) as lw:
        run = lw.ingest(*scenario_inputs(default_scenario_path()))
        assert not run.failures
        lw.build()
    with Store(db) as store:
        row = store.flights("classification = 'civil'").head(1)
        hostile = row.with_columns(
            flight_id=pl.lit(HOSTILE_ID),
            asset_id=pl.lit(HOSTILE_ASSET),
            registration=pl.lit("</script><script>window.LW_PWNED=2</script>"),
        )
        hostile = hostile.with_columns(callsigns=hostile["callsigns"].map_elements(lambda _: [HOSTILE_CALLSIGN]))
        store.write_flights(hostile)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """Path of the built demo store (built by the first worker that asks; the others wait and reuse it)."""
    root = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        root = root.parent
    db = root / "web-demo" / "liftwatch.duckdb"
    with (root / "web-demo.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marker = root / "web-demo" / "built.json"
        if not marker.exists():
            db.parent.mkdir(parents=True, exist_ok=True)
            if db.exists():
                db.unlink()
            _build(db)
            marker.write_text(json.dumps({"db": str(db)}))
    return db


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    from liftwatch.web import create_app

    app = create_app(demo_db, allowed_hosts=("testserver",))
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def lw(demo_db: Path) -> Iterator[liftwatch.LiftWatch]:
    with liftwatch.open(demo_db, read_only=True) as handle:
        yield handle
