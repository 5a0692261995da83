"""The store's memory of the row keys it holds, by UTC day, so a step's de-duplication costs what
the step holds, not what the store holds.

Exact de-duplication asks, for every incoming row, whether its ``row_key`` is stored. Asked of DuckDB, the
answer is a scan of the stored keys of the step's time span (:data:`liftwatch.store_sql.SEEN_SQL`): for a
globe_history day archive every step spans the whole day, so each step scans everything stored of that day
before it, and a day of global traffic (tens of millions of points) costs more per point the further its
ingest gets (measured in ``docs/benchmarks.md``). Held in memory, the same answer is one hash probe a row.

A row's key hashes its content, ``ts`` included, so identical rows fall on the same UTC day: the set answers
for a day once that day's stored keys are loaded into it (one scan, on the first step that touches the day)
and every row appended since went through it. The set is a cache and may be dropped at any time:

* **Memory is bounded** by ``LIFTWATCH_KEY_MEMORY`` (default 2 GiB: 11-23 bytes a key, so 93-190 M keys,
  a day of global traffic): a step whose days would not fit is answered by DuckDB's scan, as before,
  exactly; days whose keys outgrow it while ingesting are left to DuckDB from then on (never reloaded). Only
  the days within one day of the step's are kept: a feed that runs for weeks, or a month of archives ingested
  in order, holds a few days' keys, not all it has seen.
* **Never ahead of the store**: before each step the stored rows are compared with what the set accounts
  for (the row count, which DuckDB keeps without a scan, and whether the last step's append completed); a
  rolled-back step, or rows written by anything else, drops the set, to be reloaded from what is stored.

The set itself is C (``csrc/keyset.c``: why there); without the extension built, or with ``LIFTWATCH_NATIVE=0``,
every step takes DuckDB's scan, with the same rows kept.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime, timedelta
from types import ModuleType
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.errors import LiftwatchError
from liftwatch.io.native import turned_off

if TYPE_CHECKING:
    from liftwatch._keyset import KeySet

_built: ModuleType | None
try:
    from liftwatch import _keyset as _built
except ImportError:  # not built (no compiler at install time): DuckDB answers every step
    _built = None

ENV_KEY_MEMORY = "LIFTWATCH_KEY_MEMORY"
DEFAULT_KEY_MEMORY = "2GiB"
DAY_US = 86_400_000_000
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_UNITS = {"": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12}
_UNITS.update({"kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40})


def memory_budget(text: str | None = None) -> int:
    """Bytes the key sets may hold: ``LIFTWATCH_KEY_MEMORY`` (e.g. ``1GiB``, ``512MB``; ``0`` turns them off)."""
    raw = (os.environ.get(ENV_KEY_MEMORY, DEFAULT_KEY_MEMORY) if text is None else text).strip()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*([KMGT]i?B|B)?", raw, flags=re.IGNORECASE)
    if m is None:
        raise LiftwatchError(
            f"{ENV_KEY_MEMORY}={raw!r}: expected a size such as 1GiB, 512MB or 0 (units: {', '.join(_UNITS)})"
        )
    return int(float(m.group(1)) * _UNITS[(m.group(2) or "").lower()])


class StoredKeys:
    """The keys of the days of ``points`` an ingest touches, in one set (see the module docstring).

    Used by one thread at a time: the store's writer.
    """

    def __init__(self, budget: int | None = None) -> None:
        self.budget = memory_budget() if budget is None else budget
        self.active = _built is not None and not turned_off() and self.budget > 0
        self._set: KeySet | None = None
        self._days: set[int] = set()  # UTC days (since the epoch) whose stored keys are all in the set
        self._too_big: set[int] = set()  # days whose keys outgrew the budget: DuckDB answers for them
        self._expected: int | None = None  # rows in ``points`` the set agrees with
        self._unsettled = False  # keys were added for rows whose append has not been confirmed

    def clear(self) -> None:
        """Forget every key (they are reloaded from the store when next needed)."""
        self._set = None
        self._days.clear()

    @property
    def nbytes(self) -> int:
        return 0 if self._set is None else int(self._set.nbytes)

    def fresh(self, con: duckdb.DuckDBPyConnection, table: pa.Table) -> np.ndarray | None:
        """For a keyed slice: which rows are the first of their key and not stored, or None when the days it
        spans are too many keys for the budget (then DuckDB must answer, and the set holds nothing).

        The rows marked new count as stored from now on: :meth:`appended` must follow once they are (when there
        are any).
        """
        self._sync(con)
        ts = table.column("ts")
        lo, hi = (int(x.value) // DAY_US for x in pc.min_max(ts).values())
        if hi - lo < 8:
            days = list(range(lo, hi + 1))  # a day the slice skips costs a load, not a wrong answer
        else:
            days = np.unique(pc.cast(ts, pa.int64()).to_numpy() // DAY_US).tolist()
        held = self._load(con, days)
        if held is None:
            return None
        keys = np.ascontiguousarray(table.column("row_key").to_numpy(), dtype=np.uint64)
        self._unsettled = True  # before the set changes: a failure from here on leaves it to be reloaded
        keep = np.frombuffer(held.add_new(keys), dtype=np.bool_)
        self._unsettled = bool(keep.any())  # nothing new: no append follows, the set agrees with the store
        if held.nbytes > self.budget:  # grown past the budget: these days go to DuckDB from now on (no reloads)
            self._too_big.update(self._days)
            self.clear()
        return keep

    def appended(self, rows: int) -> None:
        """The rows :meth:`fresh` let through are in ``points`` now (in the open transaction)."""
        if self._expected is not None:
            self._expected += rows
        self._unsettled = False

    def _sync(self, con: duckdb.DuckDBPyConnection) -> None:
        """Forget every key unless the store holds exactly the rows the set accounts for."""
        stored = _count(con)
        if self._unsettled or self._expected != stored:
            self.clear()
            self._expected = stored
            self._unsettled = False

    def _load(self, con: duckdb.DuckDBPyConnection, days: list[int]) -> KeySet | None:
        """The set with every key stored on ``days``; None (and nothing held) when they do not fit."""
        if self._too_big.intersection(days):
            self.clear()
            return None
        lo, hi = min(days), max(days)
        if any(d < lo - 1 or d > hi + 1 for d in self._days):  # the ingest moved on (a live feed, the next
            self.clear()  # day's archive): keys of days it left go, the step's own are reloaded
        todo = [d for d in days if d not in self._days]
        if not todo and self._set is not None:
            return self._set
        spans = [[_EPOCH + timedelta(days=d), _EPOCH + timedelta(days=d + 1)] for d in todo]
        counts = [int(con.execute(_COUNT_DAY, span).fetchall()[0][0]) for span in spans]
        held = len(self._set) if self._set is not None else 0
        if (held + sum(counts)) * _BYTES_PER_KEY > self.budget and held:
            self.clear()  # make room: the days of this slice come first
            return self._load(con, days)
        if sum(counts) * _BYTES_PER_KEY > self.budget:
            self.clear()  # this step's rows will not pass through the set: it must not answer for them later
            return None
        if self._set is None:
            assert _built is not None
            self._set = _built.KeySet()
        for span, n in zip(spans, counts, strict=True):
            if n:  # streamed: a day of the world's keys is never held twice (as Arrow and in the set)
                for batch in con.sql(_KEYS_DAY, params=span).to_arrow_reader(1 << 20):
                    self._set.add(np.ascontiguousarray(batch.column(0).to_numpy(), dtype=np.uint64))
        self._days.update(todo)
        return self._set


_COUNT_DAY = "SELECT count(*) FROM points WHERE ts >= ? AND ts < ?"
_KEYS_DAY = "SELECT row_key FROM points WHERE ts >= ? AND ts < ?"
_BYTES_PER_KEY = 23  # the set's table at its lowest load, 0.35 (csrc/keyset.c)


def _count(con: duckdb.DuckDBPyConnection) -> int:
    return int(con.execute("SELECT count(*) FROM points").fetchall()[0][0])


__all__ = ["DEFAULT_KEY_MEMORY", "ENV_KEY_MEMORY", "StoredKeys", "memory_budget"]
