"""The analyst's scope — days, corridor, region, watch list, baseline — turned into the flights and the
:class:`~liftwatch.report.AnalysisOptions` an analysis runs on, the same for ``liftwatch report``, the web
pages and a notebook (:meth:`liftwatch.LiftWatch.analyse`, ``corridors``, ``changes``).

Days are inclusive for the user ("1 to 31 January") and half-open inside (``[first, day after last)``); the
conversion lives here once.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl

from liftwatch import kb
from liftwatch.analytics.observed import observed_days
from liftwatch.errors import InvalidValueError
from liftwatch.filters import TimeLike, as_utc, split_corridor
from liftwatch.kb.endpoints import resolve_endpoint
from liftwatch.store import Store

if TYPE_CHECKING:
    from liftwatch.report import AnalysisOptions  # the analysis itself (SciPy, claims) loads only to run one

__all__ = ["change_window", "day_window", "first_day", "flights_between", "scoped_options"]


def day_window(start: TimeLike | None, end: TimeLike | None) -> tuple[date | None, date | None]:
    """Inclusive first/last days -> (first day, day after the last) as the analysis takes them; a last day
    before the first is an error (a report of nothing would look like a quiet period)."""
    d0 = as_utc(start, "start").date() if start is not None else None
    d1 = as_utc(end, "end").date() + timedelta(days=1) if end is not None else None
    if d0 is not None and d1 is not None and d1 <= d0:
        raise InvalidValueError("end", f"{d1 - timedelta(days=1)}", (f"a day on or after the first day {d0}",))
    return d0, d1


def first_day(flights: pl.DataFrame) -> date:
    """The day the first stored flight was first seen."""
    first = flights["first_ts"].min()
    assert isinstance(first, datetime)
    return first.date()


def flights_between(store: Store, start: TimeLike | None, end: TimeLike | None) -> pl.DataFrame:
    """Stored flights first seen between ``start`` and ``end`` (days, inclusive; either may be open)."""
    d0, d1 = day_window(start, end)
    flights = store.flights()
    if d0:
        flights = flights.filter(pl.col("first_ts").dt.date() >= d0)
    if d1:
        flights = flights.filter(pl.col("first_ts").dt.date() < d1)
    return flights


def change_window(
    flights: pl.DataFrame, start: TimeLike | None, end: TimeLike | None, baseline_end: TimeLike | None
) -> tuple[date, date, date | None]:
    """(first day, day after the last, end of the baseline) for change detection over non-empty ``flights``:
    the days asked for, else the span of the flights."""
    d0, d1 = day_window(start, end)
    first = d0 or first_day(flights)
    last_ts = flights["last_ts"].max()
    assert isinstance(last_ts, datetime)
    last = d1 or last_ts.date() + timedelta(days=1)
    b_end = as_utc(baseline_end, "baseline_end").date() if baseline_end is not None else None
    return first, last, b_end


def scoped_options(
    flights: pl.DataFrame,
    base: AnalysisOptions,
    *,
    start: TimeLike | None = None,
    end: TimeLike | None = None,
    corridor: str | None = None,
    region: str | None = None,
    watchlist: str | os.PathLike[str] | None = None,
    baseline_days: int | None = None,
    coverage: bool | None = None,
    title: str | None = None,
) -> tuple[pl.DataFrame, AnalysisOptions]:
    """The flights to analyse (narrowed by the watch list) and ``base`` refined by the scope keywords.

    ``corridor`` is ``"FROM:TO"`` and ``region`` one place, each a site or region name resolved like
    everywhere else; the scope is spelled out in the options so the report says what it covers.
    """
    d0, d1 = day_window(start, end)
    scope: list[str] = []
    origin, destination, regions = base.origin, base.destination, base.region
    if corridor:
        a, b = split_corridor(corridor)
        origin = resolve_endpoint(a).ids if a else None
        destination = resolve_endpoint(b).ids if b else None
        scope.append(f"corridor {a or 'anywhere'} → {b or 'anywhere'}")
    if region:
        regions = resolve_endpoint(region).ids
        scope.append(f"region {region}")
    observed = base.observed if base.observed is not None else observed_days(flights)  # before the watch list
    if watchlist is not None:
        matched = kb.load_watchlist(Path(watchlist)).match_flights(flights, only_matched=True)
        flights = flights.filter(pl.col("flight_id").is_in(matched["flight_id"].unique().implode()))
        scope.append(f"watchlist {Path(watchlist).name}")
    baseline_end = base.baseline_end
    if baseline_days:
        first = d0 or base.start or first_day(flights)
        baseline_end = first + timedelta(days=baseline_days)
    chosen = base.replace(
        start=d0 or base.start,
        end=d1 or base.end,
        title=base.title if title is None else title,
        scope=", ".join(scope) or base.scope,
        origin=origin,
        destination=destination,
        region=regions,
        baseline_end=baseline_end,
        coverage=base.coverage if coverage is None else ("background" if coverage else None),
        observed=observed,
    )
    return flights, chosen
