"""The store's in-memory row-key sets: the same rows kept as DuckDB's scan, whatever the memory budget, the
days a step spans, a rolled-back step or rows written behind the sets' back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from liftwatch.errors import LiftwatchError
from liftwatch.store import Store
from liftwatch.store_keys import StoredKeys, memory_budget

from .conftest import make_points

keyset = pytest.importorskip("liftwatch._keyset", reason="the C key set is not built here")


@given(st.lists(st.lists(st.integers(0, 2**64 - 1) | st.sampled_from([0, 1, 2**64 - 1]), max_size=60), max_size=8))
def test_key_set_answers_as_a_python_set(batches: list[list[int]]) -> None:
    held = keyset.KeySet()
    model: set[int] = set()
    for batch in batches:
        got = np.frombuffer(held.add_new(np.array(batch, dtype=np.uint64)), dtype=bool).tolist()
        want = []
        for k in batch:
            want.append(k not in model)
            model.add(k)
        assert got == want
        assert len(held) == len(model)
    assert held.nbytes >= 8 * len(model)


def test_key_set_grows_past_millions_and_refuses_a_ragged_buffer() -> None:
    held = keyset.KeySet()
    keys = np.random.default_rng(3).integers(1, 2**63, 300_000, dtype=np.int64).astype(np.uint64)
    assert np.frombuffer(held.add_new(keys), dtype=bool).all()
    assert not np.frombuffer(held.add_new(keys[::-1].copy()), dtype=bool).any()
    assert len(held) == len(np.unique(keys))
    with pytest.raises(ValueError, match="multiple of 8"):
        held.add(b"\x00" * 12)


def test_the_budget_is_read_from_the_environment_and_a_bad_one_lists_the_units(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert memory_budget("512MiB") == 512 * 2**20
    assert memory_budget("2GB") == 2 * 10**9
    assert memory_budget("0") == 0
    monkeypatch.setenv("LIFTWATCH_KEY_MEMORY", "lots")
    with pytest.raises(LiftwatchError, match=r"LIFTWATCH_KEY_MEMORY='lots'.*GiB"):
        memory_budget()


def _days(n_days: int, per_day: int, seed: int) -> pl.DataFrame:
    """Points of several assets over ``n_days`` UTC days, with some rows repeated inside and across parts."""
    rng = np.random.default_rng(seed)
    parts = [
        make_points(per_day, asset=f"{a:06x}", start=datetime(2025, 1, 1, 23, 50, tzinfo=UTC) + timedelta(days=d))
        for d in range(n_days)
        for a in rng.choice(50, size=2, replace=False)
    ]
    frame = pl.concat(parts)
    return frame.sample(fraction=1.3, with_replacement=True, seed=seed, shuffle=True)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    seed=st.integers(0, 1000),
    budget=st.sampled_from([0, 1, 300, 1500, 4000, 1 << 30]),
    steps=st.integers(1, 4),
)
def test_kept_rows_are_duckdbs_whatever_the_budget(tmp_path: Path, seed: int, budget: int, steps: int) -> None:
    """Budget 0 is DuckDB's scan alone; a tiny one leaves some days to it and evicts others mid-run."""
    frame = _days(3, 90, seed)
    chunks = [frame.slice(i * len(frame) // steps, len(frame) // steps + 1) for i in range(steps)]
    results = []
    for b in (0, budget):
        path = tmp_path / f"s{seed}-{b}-{steps}.duckdb"
        path.unlink(missing_ok=True)
        with Store(path) as s:
            s.keys = StoredKeys(budget=b)
            added = [s.ingest_table(c) for c in chunks]
            added.append(s.ingest_table(frame))  # everything again: nothing new
            rows = s.con.sql("SELECT row_key FROM points ORDER BY row_key").fetchall()
        results.append((added, rows))
    assert results[0] == results[1]
    assert results[0][0][-1] == 0
    assert len(results[0][1]) == len(frame.unique())


@pytest.mark.parametrize("after", [True, False], ids=["append-done", "append-never-ran"])
def test_a_rolled_back_step_leaves_no_key_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, after: bool) -> None:
    """The rows of a failed step are not stored, so their keys must not count as stored for the next try,
    whether the step failed after its append (the store's count gives it away) or before (nothing did)."""
    import liftwatch.store_sql as sql

    pts = make_points(40)
    with Store(tmp_path / "s.duckdb") as s:
        assert s.keys.active
        real = sql.append_rows

        def failing(*args: object, **kwargs: object) -> None:
            if after:
                real(*args, **kwargs)  # type: ignore[arg-type]
            raise RuntimeError("disk full")

        monkeypatch.setattr("liftwatch.store_ingest.append_rows", failing)
        with pytest.raises(RuntimeError, match="disk full"):
            s.ingest_table(pts)
        monkeypatch.setattr("liftwatch.store_ingest.append_rows", real)
        assert s.info()["points"] == 0
        assert s.ingest_table(pts) == 40


def test_rows_written_behind_the_sets_back_are_seen(tmp_path: Path) -> None:
    """A row appended by anything but the sets' own path (here plain SQL) changes the stored count: the sets
    are dropped and reloaded, so that row is not stored twice."""
    pts = make_points(30)
    with Store(tmp_path / "s.duckdb") as s:
        assert s.ingest_table(pts.slice(0, 10)) == 10
        s.con.execute("INSERT INTO point_rows SELECT * FROM point_rows LIMIT 0")  # nothing: the sets stay
        other = Store.__new__(Store)  # the same connection, another writer object without the sets
        other.__dict__.update(s.__dict__)
        other.keys = StoredKeys(budget=0)
        assert other.ingest_table(pts.slice(10, 10)) == 10
        assert s.ingest_table(pts) == 10  # only the last ten are new
        assert s.info()["points"] == 30


def test_a_step_too_big_for_the_budget_goes_to_duckdb_and_the_set_never_answers_for_it(tmp_path: Path) -> None:
    """Day B is too many keys for the budget; a step spanning A and B is answered by DuckDB, after which
    the set must not answer for day A from what it held before that step."""
    day_a = make_points(10, start=datetime(2025, 1, 1, 12, tzinfo=UTC))
    day_b = make_points(40, start=datetime(2025, 1, 2, 12, tzinfo=UTC), asset="bbbbbb")
    later_a = make_points(10, start=datetime(2025, 1, 1, 13, tzinfo=UTC), asset="cccccc")
    with Store(tmp_path / "s.duckdb") as s:
        s.keys = StoredKeys(budget=30 * 14)
        assert s.ingest_table(day_b) == 40  # its keys outgrow the budget: day B stays with DuckDB from now on
        assert s.keys.nbytes == 0
        assert s.ingest_table(day_a) == 10
        assert s.keys.nbytes > 0  # day A's keys are held
        assert s.ingest_table(pl.concat([later_a, day_b])) == 10  # A and B together: too many, DuckDB answers
        assert s.keys.nbytes == 0
        assert s.ingest_table(later_a) == 0  # reloaded from the store, not answered from a stale set
        assert s.info()["points"] == 60


def test_only_the_days_near_the_step_are_held(tmp_path: Path) -> None:
    """A feed that runs for days keeps a few days' keys, not all it has seen; a day it left, met again,
    is reloaded from the store (so its rows are still not stored twice)."""
    first = make_points(20, start=datetime(2025, 1, 1, 12, tzinfo=UTC), asset="000001")
    with Store(tmp_path / "s.duckdb") as s:
        for day in range(1, 8):
            s.ingest_table(make_points(20, start=datetime(2025, 1, day, 12, tzinfo=UTC), asset=f"{day:06x}"))
        assert len(s.keys._days) <= 3 and s.keys.nbytes < 10_000
        assert s.ingest_table(first) == 0
        assert s.info()["points"] == 140
