"""The flights and voyages build on worker processes and on a Dask cluster gives the single-process result.

Two data sets: the bundled scenario (the demo's recordings, ingested through the readers) and a simulated
three-day archive with ships. Reference: the classic single-process pipeline (``tracks.store_flights`` over
``Store.iter_partitions`` and ``sea.analyse``), with a different partition count, so the comparison also shows
that the result depends neither on partitioning nor on which process ran a partition. The Dask tests use a
``distributed.LocalCluster`` of two worker processes and skip when the ``dask`` extra is not installed.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import polars as pl
import pytest

import liftwatch
from liftwatch import sea, sim
from liftwatch.analytics import corridors, destination_legs, detect_changes
from liftwatch.demo import scenario_inputs
from liftwatch.errors import LiftwatchError
from liftwatch.scale import Backend, InlineExecutor, backend, open_executor
from liftwatch.scale.analytics import changes_on, corridors_on
from liftwatch.sim import default_scenario_path
from liftwatch.store import Store
from liftwatch.tracks.flights import store_flights
from tests.frames import typed


def _flights(db: Path) -> pl.DataFrame:
    with Store(db, read_only=True) as s:
        return s.flights().sort("domain", "flight_id")


def _reference(base: Path, tmp: Path) -> pl.DataFrame:
    """Flights by the classic serial pipeline (3 partitions) and voyages by ``sea.analyse``, as stored."""
    db = tmp / "serial.duckdb"
    shutil.copy(base, db)
    with Store(db) as s:
        store_flights(s, n_partitions=3)
        s.write_flights(sea.analyse(s).voyages.to_arrow())
    return _flights(db)


@pytest.fixture(scope="module")
def scenario_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("scenario") / "base.duckdb"
    with liftwatch.open(db) as lw:
        lw.ingest(*scenario_inputs(default_scenario_path()))
    return db


@pytest.fixture(scope="module")
def archive_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A simulated multi-day archive (aircraft and ships), straight into a store."""
    db = tmp_path_factory.mktemp("archive") / "base.duckdb"
    sc = sim.generate("syria-libya-airlift", days=3, seed=11, scale=0.5)
    with Store(db) as s:
        s.ingest_table(sc.points)
    return db


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0") as c:
        yield str(c.scheduler_address)


def _build(base: Path, tmp: Path, name: str, **kw: object) -> tuple[pl.DataFrame, liftwatch.api.BuildSummary]:
    db = tmp / f"{name}.duckdb"
    shutil.copy(base, db)
    with liftwatch.open(db) as lw:
        summary = lw.build(**kw)  # type: ignore[arg-type]
    return _flights(db), summary


def _assert_same(got: pl.DataFrame, want: pl.DataFrame) -> None:
    assert got.height == want.height and got.height > 0
    assert got.equals(want), "flights differ from the single-process build"


@pytest.mark.parametrize("data", ["scenario_db", "archive_db"])
def test_process_pool_matches_single_process(data: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    base = request.getfixturevalue(data)
    ref = _reference(base, tmp_path)
    got, summary = _build(base, tmp_path, "pool", workers=2, partitions=5)
    _assert_same(got, ref)
    assert summary.backend == "2 local worker processes"
    assert summary.flights_report.partitions == 5
    assert got.filter(pl.col("domain") == "sea").height > 0, "the data has ships: voyages are compared too"


@pytest.mark.parametrize("data", ["scenario_db", "archive_db"])
def test_dask_cluster_matches_single_process(
    data: str, request: pytest.FixtureRequest, tmp_path: Path, cluster: str
) -> None:
    base = request.getfixturevalue(data)
    ref = _reference(base, tmp_path)
    got, summary = _build(base, tmp_path, "dask", dask=cluster)
    _assert_same(got, ref)
    assert summary.backend == f"Dask cluster at {cluster}"


def test_single_process_backend_is_the_default(scenario_db: Path, tmp_path: Path) -> None:
    ref = _reference(scenario_db, tmp_path)
    got, summary = _build(scenario_db, tmp_path, "inline", partitions=7)
    _assert_same(got, ref)
    assert summary.backend == "1 process"


def test_missing_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails as if not installed
    with pytest.raises(LiftwatchError, match=r"liftwatch\[dask\]"), open_executor(Backend(dask="tcp://x:8786")):
        pass


def test_backend_options() -> None:
    assert backend(None, None) == Backend(workers=1)
    assert backend(3, None).workers == 3
    assert backend("auto", None, total_points=10, n_partitions=1).workers == 1  # small store: no processes
    assert backend(2, "local") == Backend(workers=2, dask="local")
    with pytest.raises(LiftwatchError, match="at least 1"):
        backend(0, None)
    with pytest.raises(LiftwatchError, match="scheduler address"):
        backend(None, "  ")


# -- analytics as a tree reduction ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def scenario_flights(scenario_db: Path, tmp_path_factory: pytest.TempPathFactory) -> pl.DataFrame:
    return _reference(scenario_db, tmp_path_factory.mktemp("flights")).filter(pl.col("domain") == "air")


def _assert_close(got: pl.DataFrame, want: pl.DataFrame) -> None:
    """Equal keys, counts, sets and times; summed floats equal up to the order they were added in."""
    assert got.columns == want.columns and got.height == want.height and got.height > 0
    for c in got.columns:
        if got[c].dtype.is_float():
            assert ((got[c] - want[c]).abs() <= 1e-9 * (1.0 + want[c].abs())).all(), c
        else:
            assert got[c].equals(want[c]), c


@pytest.mark.parametrize(
    ("level", "by", "period"),
    [("site", ("classification",), None), ("region", (), "week"), ("site", ("type_code",), None)],
)
def test_corridor_reduction_matches_single_process(
    scenario_flights: pl.DataFrame, level: str, by: tuple[str, ...], period: str | None
) -> None:
    want = corridors(scenario_flights, level=level, by=by, period=period)  # type: ignore[arg-type]
    got = corridors_on(scenario_flights, InlineExecutor(), level=level, by=by, period=period, n_partitions=5)  # type: ignore[arg-type]
    # the float columns may differ in the last bits, never the ranking of corridors with distinct values
    _assert_close(
        got.sort("corridor", *by, *([period] if period else [])),
        want.sort("corridor", *by, *([period] if period else [])),
    )


def test_analytics_on_dask_equal_the_same_reduction_in_process(scenario_flights: pl.DataFrame, cluster: str) -> None:
    inline = corridors_on(scenario_flights, InlineExecutor(), level="site", by=("classification",), n_partitions=5)
    with open_executor(Backend(dask=cluster)) as ex:
        remote = corridors_on(scenario_flights, ex, level="site", by=("classification",), n_partitions=5)
    assert remote.equals(inline), "same partitions, same tree: bit-identical on any backend"


def test_change_detection_reduction_matches_single_process(scenario_flights: pl.DataFrame) -> None:
    start = typed(scenario_flights["first_ts"].min(), datetime).date()
    end = typed(scenario_flights["last_ts"].max(), datetime).date() + timedelta(days=1)
    legs = destination_legs(scenario_flights)
    want = detect_changes(legs, start, end, level="site", by=("classification",))
    got = changes_on(
        scenario_flights, InlineExecutor(), start, end, level="site", by=("classification",), n_partitions=4
    )
    assert want, "the bundled scenario has a surge to find"
    assert [(a.kind, a.corridor, a.group, a.start, a.alerted_on, a.flight_ids) for a in got] == [
        (a.kind, a.corridor, a.group, a.start, a.alerted_on, a.flight_ids) for a in want
    ]
    for g, w in zip(got, want, strict=True):
        assert g.statistic == pytest.approx(w.statistic, rel=1e-9)
        assert g.flights_after == pytest.approx(w.flights_after, rel=1e-9)
