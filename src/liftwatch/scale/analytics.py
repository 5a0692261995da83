"""Corridor, lift and surge analytics as a tree reduction over partitions of the flights table.

The flights table is split by the same asset-hash rule as the points (so an airframe's flights stay together,
as the home-base and role inference need); each leaf task expands its flights into weighted legs (with the
whole table's time span) and reduces them to mergeable partial states (:mod:`liftwatch.analytics.partials`);
pairs of partials are merged level by level on the executor until one state remains, which is finished on the
client into the corridor table, or into daily series for surge detection. The flight ids behind each alert are
gathered with one more map over the partitions.

For a fixed partition count the result is the same on any backend and any number of workers; against the
single-process ``corridors()`` it is equal in keys, counts, sets and times and to ~1e-12 relative in summed
floats (they are added in another order).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Executor
from datetime import date, datetime
from typing import Any, TypeVar

import polars as pl

from liftwatch.analytics.corridors import Level, Period, SiteRegions, corridors, destination_legs
from liftwatch.analytics.observed import observed_days
from liftwatch.analytics.partials import (
    corridor_partial,
    daily_partial,
    finish_corridors,
    merge_corridor_partials,
    merge_daily,
)
from liftwatch.analytics.surge import (
    Alert,
    Selector,
    alert_legs,
    alerts_from_daily,
    detect_changes,
    finish_alerts,
)
from liftwatch.partitions import partition_of
from liftwatch.scale.executors import backend, open_executor, ordered_map

T = TypeVar("T")
FLIGHTS_PER_PARTITION = 200_000

__all__ = ["changes_on", "changes_with", "corridors_on", "corridors_with", "flight_partitions", "tree_reduce"]


def flight_partitions(flights: pl.DataFrame, n_partitions: int | None = None) -> list[pl.DataFrame]:
    """The flights split by airframe bucket (``FLIGHTS_PER_PARTITION`` each by default), empty ones dropped."""
    n = n_partitions or max(1, -(-flights.height // FLIGHTS_PER_PARTITION))
    if n == 1 or flights.is_empty():
        return [flights]
    part = pl.Series(partition_of(flights["asset_id"], n))
    return [p for k in range(n) if (p := flights.filter(part == k)).height]


def tree_reduce(executor: Executor, items: list[T], merge: Callable[[T, T], T], window: int = 8) -> T:
    """Merge ``items`` pairwise, level by level, on the executor (a fixed tree: deterministic results)."""
    if not items:
        raise ValueError("nothing to reduce")
    while len(items) > 1:
        pairs = [(items[i], items[i + 1]) for i in range(0, len(items) - 1, 2)]
        merged = list(ordered_map(executor, merge, pairs, window))
        if len(items) % 2:
            merged.append(items[-1])
        items = merged
    return items[0]


def _span(flights: pl.DataFrame) -> tuple[datetime, datetime] | None:
    if flights.is_empty():
        return None
    return flights["first_ts"].min(), flights["last_ts"].max()  # type: ignore[return-value]


def _legs(
    flights: pl.DataFrame, span: Any, site_regions: SiteRegions | None, types: pl.DataFrame | None
) -> pl.DataFrame:
    return destination_legs(flights, site_regions=site_regions, types=types, span=span)


def _corridor_leaf(
    flights: pl.DataFrame, span: Any, opts: dict[str, Any], regions: SiteRegions | None, types: pl.DataFrame | None
) -> pl.DataFrame:
    return corridor_partial(_legs(flights, span, regions, types), **opts)


def _corridor_merge(opts: dict[str, Any]) -> Callable[[pl.DataFrame, pl.DataFrame], pl.DataFrame]:
    return _Merge(merge_corridor_partials, opts)


class _Merge:
    """A picklable merge of two partials (a closure would not travel to a worker process)."""

    def __init__(self, fn: Callable[..., pl.DataFrame], opts: dict[str, Any]) -> None:
        self.fn, self.opts = fn, opts

    def __call__(self, a: pl.DataFrame, b: pl.DataFrame) -> pl.DataFrame:
        return self.fn([a, b], **self.opts)


def corridors_on(
    flights: pl.DataFrame,
    executor: Executor,
    *,
    level: Level = "site",
    by: Sequence[str] = (),
    period: Period = None,
    site_regions: SiteRegions | None = None,
    types: pl.DataFrame | None = None,
    n_partitions: int | None = None,
) -> pl.DataFrame:
    """``corridors(flights, ...)`` as a tree reduction on ``executor``."""
    opts: dict[str, Any] = {"level": level, "by": tuple(by), "period": period}
    span = _span(flights)
    parts = flight_partitions(flights, n_partitions)
    args = [(p, span, opts, site_regions, types) for p in parts]
    leaves = list(ordered_map(executor, _corridor_leaf, args, window=8))
    state = tree_reduce(executor, leaves, _corridor_merge(opts))
    return finish_corridors(state, **opts)


def _daily_leaf(
    flights: pl.DataFrame, span: Any, opts: dict[str, Any], regions: SiteRegions | None, types: pl.DataFrame | None
) -> pl.DataFrame:
    return daily_partial(_legs(flights, span, regions, types), **opts)


def _ids_leaf(
    flights: pl.DataFrame,
    span: Any,
    selectors: list[Selector],
    end: date,
    regions: SiteRegions | None,
    types: pl.DataFrame | None,
) -> list[pl.DataFrame]:
    legs = _legs(flights, span, regions, types)
    return [alert_legs(legs, sel, end).select("first_ts", "flight_id", "rank") for sel in selectors]


def changes_on(
    flights: pl.DataFrame,
    executor: Executor,
    start: date,
    end: date,
    *,
    baseline_end: date | None = None,
    level: Level = "site",
    by: tuple[str, ...] = (),
    coverage: pl.DataFrame | None = None,
    observed: pl.DataFrame | None = None,
    site_regions: SiteRegions | None = None,
    types: pl.DataFrame | None = None,
    n_partitions: int | None = None,
    **params: float,
) -> list[Alert]:
    """``detect_changes(destination_legs(flights), start, end, ...)`` as a tree reduction on ``executor``."""
    opts: dict[str, Any] = {"level": level, "by": by}
    span = _span(flights)
    parts = flight_partitions(flights, n_partitions)
    leaves = list(ordered_map(executor, _daily_leaf, [(p, span, opts, site_regions, types) for p in parts], 8))
    daily = tree_reduce(executor, leaves, _Merge(merge_daily, opts))
    found = alerts_from_daily(
        daily,
        start,
        end,
        baseline_end=baseline_end,
        level=level,
        by=by,
        coverage=coverage,
        observed=observed,
        **params,
    )
    if not found:
        return []
    selectors = [sel for _, sel in found]
    per_part = list(
        ordered_map(executor, _ids_leaf, [(p, span, selectors, end, site_regions, types) for p in parts], 8)
    )
    return finish_alerts(found, [[p[i] for p in per_part] for i in range(len(found))])


def _scaled(workers: int | None, dask: str | None) -> bool:
    """Whether the analytics run as a reduction on other processes."""
    return dask is not None or (workers is not None and workers > 1)


def corridors_with(
    flights: pl.DataFrame,
    *,
    level: Level = "site",
    by: Sequence[str] = (),
    period: Period = None,
    workers: int | None = None,
    dask: str | None = None,
) -> pl.DataFrame:
    """The corridor table on the backend ``workers``/``dask`` name: ``corridors()`` in this process when they
    name none, else :func:`corridors_on` on local workers or a Dask cluster."""
    if not _scaled(workers, dask):
        return corridors(flights, level=level, by=by, period=period)
    with open_executor(backend(workers, dask)) as ex:
        return corridors_on(flights, ex, level=level, by=by, period=period)


def changes_with(
    flights: pl.DataFrame,
    start: date,
    end: date,
    *,
    baseline_end: date | None = None,
    level: Level = "site",
    by: tuple[str, ...] = (),
    workers: int | None = None,
    dask: str | None = None,
) -> list[Alert]:
    """Surges and new corridors on the backend ``workers``/``dask`` name (as :func:`corridors_with`), over the
    days ``flights`` (all of them, before any scope) hold anything on."""
    seen = observed_days(flights)
    if not _scaled(workers, dask):
        legs = destination_legs(flights)
        return detect_changes(legs, start, end, baseline_end=baseline_end, level=level, by=by, observed=seen)
    with open_executor(backend(workers, dask)) as ex:
        return changes_on(flights, ex, start, end, baseline_end=baseline_end, level=level, by=by, observed=seen)
