"""The days the data holds anything on: what change detection counts as days at all.

A store may join collections years apart (a receiver's afternoon in 2017, a day of Paris traffic in 2021). The
years between are not years without flights, they are years nobody listened; counted as zeros, any corridor
seen on the one day someone listened would be "new". Kept apart from :mod:`liftwatch.analytics.surge` so that
taking the record (every scope does, before it narrows the flights) does not load the statistics.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import polars as pl

__all__ = ["observed_days", "observed_index"]


def observed_days(flights: pl.DataFrame, *, time_col: str = "first_ts") -> pl.DataFrame:
    """The days (``day``) on which ``flights`` (all of them: every class, both domains, before any scope is
    applied) hold anything: the data's own record of when it was collected."""
    return flights.select(pl.col(time_col).dt.date().alias("day")).unique().sort("day")


def observed_index(observed: pl.DataFrame | None, start: date, n: int) -> np.ndarray:
    """Offsets from ``start`` of the days in ``observed`` within ``n`` days (all ``n`` when None)."""
    if observed is None:
        return np.arange(n)
    offsets = observed["day"].cast(pl.Int64).to_numpy() - (start - date(1970, 1, 1)).days
    return np.unique(offsets[(offsets >= 0) & (offsets < n)]).astype(np.int64)
