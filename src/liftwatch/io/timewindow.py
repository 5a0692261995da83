"""The one time window every reader, the live feed and the store accept: 1990-01-01 to a day after now.

Why a window at all: one ``inf``, ``1e300`` or year-5138 timestamp in a recording used to reach the store,
and every later query that does time arithmetic on it (``info``, ``flights build``) overflowed. No navigation
feed liftwatch reads existed before 1990 (ADS-B and AIS are both younger), and a record dated in the future
is a broken clock; a day of slack absorbs receivers whose clocks run ahead and time-zone slips. Rows outside
the window are rejects (reason ``TIME_REASON``), never errors, so the good rows of the file are kept.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io.base import RejectLog

TIME_MIN = datetime(1990, 1, 1, tzinfo=UTC)
TIME_MIN_S = TIME_MIN.timestamp()
FUTURE_SLACK_S = 86_400.0
TIME_REASON = "time outside 1990-01-01 .. now + 1 day"


def time_max_s(now: float | None = None) -> float:
    """Latest accepted epoch second (now + one day)."""
    return (time.time() if now is None else now) + FUTURE_SLACK_S


def in_window_s(ts: np.ndarray, now: float | None = None) -> np.ndarray:
    """Boolean mask of epoch seconds inside the window (NaN and infinities are outside)."""
    t = np.asarray(ts, dtype=np.float64)
    with np.errstate(invalid="ignore"):
        return np.isfinite(t) & (t >= TIME_MIN_S) & (t <= time_max_s(now))


def filter_table(
    table: pa.Table, rejects: RejectLog | None = None, path: str = "", now: float | None = None
) -> pa.Table:
    """Drop the rows of a canonical point table whose ``ts`` is outside the window (counted as rejects)."""
    if table.num_rows == 0:
        return table
    ts = table.column("ts")
    if ts.type != pa.timestamp("us", tz="UTC"):
        ts = pc.cast(ts, pa.timestamp("us", tz="UTC"), safe=False)
    us = pc.cast(ts, pa.int64())
    lo, hi = int(TIME_MIN_S * 1_000_000), int(time_max_s(now) * 1_000_000)
    ok = pc.and_(pc.greater_equal(us, lo), pc.less_equal(us, hi))
    ok = pc.fill_null(ok, False)
    bad = table.num_rows - int(pc.sum(ok).as_py() or 0)
    if bad == 0:
        return table
    if rejects is not None:
        rejects.add(path, "rows", TIME_REASON)
        if bad > 1:
            rejects.counts[TIME_REASON] += bad - 1
    return table.filter(ok)
