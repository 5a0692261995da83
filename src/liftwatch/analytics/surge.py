"""Change detection on corridors: is a route getting busier, or is it new?

Why these methods (written here rather than taken from a library: none of statsmodels/ruptures offers a
count CUSUM with an exposure offset and fractional, probability-weighted counts, and the whole thing is a few
vectorised lines):

* **Baseline** per corridor from the daily counts of a baseline window: a **negative binomial** whose
  dispersion is estimated by the method of moments (``r = Σ(μc)² / Σ((y-μc)² - μc)``), because flight counts
  are over-dispersed (schedules, weather, bursts); when the sample shows no over-dispersion it falls back to
  **Poisson**.
* **Coverage normalisation**: a per-day exposure factor ``c_t`` (e.g. background traffic observed that day
  relative to its median) multiplies the expected count, ``E[y_t] = μ·c_t``. A receiver outage then lowers the
  expectation instead of looking like a drop (or, on recovery, a surge).
* **Surge alert**: a one-sided **NB likelihood-ratio CUSUM** for a rise from ``μ0`` to
  ``μ1 = max(ratio·μ0, μ0 + min_jump)``; the alarm fires when ``S_t = max(0, S_{t-1} + llr_t)`` crosses ``h``.
  The estimated change start is the day after the CUSUM last stood at zero. An alarm is kept only when the
  count from that start on is itself improbable under the baseline (NB/Poisson tail ``p < alpha``) — this
  guards against alarms caused by a baseline rate that happened to be estimated low.
* **Days without data are not days**: a store may join collections years apart (one receiver's afternoon in
  2017, a day of Paris traffic in 2021). Given the days the data holds anything at all (``observed``), the
  series keeps only those: three years in which nobody listened are not three years without flights, and a
  corridor seen on the only day anyone listened to its region is not "new" against them.
* **New corridor**: no flights in the baseline, at least ``min_new`` expected flights after, and that count
  improbable under the Jeffreys posterior predictive of a zero-count baseline.

Counts may be fractional (sums of dark-destination probabilities); the log-likelihood ratio is linear in the
count, so the CUSUM handles them as they are; tail probabilities use the rounded count.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

import numpy as np
import polars as pl
from scipy import stats

from liftwatch.analytics.changestats import (
    Baseline,
    changepoint,
    cusum,
    fit_baseline,
    predictive_tail,
)
from liftwatch.analytics.corridors import UNKNOWN
from liftwatch.analytics.keys import SEP, Level, corridor_keys
from liftwatch.analytics.observed import observed_index
from liftwatch.analytics.partials import daily_partial


@dataclass
class Alert:
    """One change the analyst should look at, with the evidence for it."""

    kind: Literal["surge", "new_corridor"]
    corridor: str
    origin: str
    destination: str
    level: str
    start: date  # estimated first day of the change
    alerted_on: date  # day the detector crossed its threshold
    rate_before: float  # flights/day, coverage-normalised
    rate_after: float
    flights_before: float  # expected flights in the baseline window
    flights_after: float  # expected flights from ``start`` to the end
    statistic: float  # CUSUM value at the alarm (surge) or -log10 p (new corridor)
    threshold: float
    p_value: float
    model: str
    dispersion: float | None
    baseline_start: date
    baseline_end: date  # exclusive
    flight_ids: list[str] = field(default_factory=list)
    group: str | None = None  # e.g. the classification the series was restricted to
    baseline_days: int = 0  # days of the baseline the data holds anything on (the others are not counted)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for k in ("start", "alerted_on", "baseline_start", "baseline_end"):
            d[k] = d[k].isoformat()
        return d

    @property
    def summary(self) -> str:
        if self.kind == "new_corridor":
            return (
                f"new corridor {self.corridor}: {self.flights_after:.1f} flights since {self.start} "
                f"(none in {self.baseline_days} observed days of the baseline {self.baseline_start}.."
                f"{self.baseline_end}), p={self.p_value:.2g}"
            )
        return (
            f"surge on {self.corridor} from {self.start}: {self.rate_before:.2f} -> {self.rate_after:.2f} "
            f"flights/day (CUSUM {self.statistic:.1f} > {self.threshold:g} on {self.alerted_on}, p={self.p_value:.2g})"
        )


def daily_series(
    legs: pl.DataFrame,
    start: date,
    end: date,
    *,
    level: Level = "site",
    by: tuple[str, ...] = (),
) -> pl.DataFrame:
    """Dense daily counts per corridor: one row per corridor with ``counts`` (list, one value per day).

    ``end`` is exclusive. Days without flights are zeros, so every series has the same length.
    """
    return series_from_daily(daily_partial(legs, level=level, by=by), start, end, level=level, by=by)


def series_from_daily(
    daily: pl.DataFrame, start: date, end: date, *, level: Level = "site", by: tuple[str, ...] = ()
) -> pl.DataFrame:
    """:func:`daily_series` from expected flights per corridor and day (``y``), e.g. a reduced partial."""
    o, d = corridor_keys(level)
    n = (end - start).days
    keys = [o, d, *by]
    daily = daily.filter((pl.col("day") >= start) & (pl.col("day") < end))
    days = pl.DataFrame({"day": pl.date_range(start, end - timedelta(days=1), "1d", eager=True)})
    grid = daily.select(keys).unique().join(days, how="cross")
    dense = grid.join(daily, on=[*keys, "day"], how="left").with_columns(pl.col("y").fill_null(0.0))
    out = dense.sort("day").group_by(keys, maintain_order=True).agg(pl.col("y").alias("counts"))
    out = out.rename({o: "origin", d: "destination"}) if level == "region" else out
    assert all(len(c) == n for c in out["counts"].to_list()) or out.is_empty()
    return out.with_columns((pl.col("origin") + SEP + pl.col("destination")).alias("corridor"))


def coverage_factor(points_or_flights: pl.DataFrame, *, time_col: str = "first_ts") -> pl.DataFrame:
    """Per-day observation coverage relative to the median day: ``day``, ``coverage`` (1.0 = typical).

    Feed it background traffic (e.g. civil flights, or all observed points) so that a day when receivers saw
    half the usual traffic halves the expected count of every corridor.
    """
    daily = points_or_flights.group_by(pl.col(time_col).dt.date().alias("day")).agg(pl.len().alias("n")).sort("day")
    med_v = daily["n"].median() if daily.height else None
    med = float(med_v) if isinstance(med_v, int | float) else 0.0
    return daily.select("day", (pl.col("n") / med if med > 0 else pl.lit(1.0)).cast(pl.Float64).alias("coverage"))


def _exposure(coverage: pl.DataFrame | None, start: date, n: int, floor: float = 0.1) -> np.ndarray:
    if coverage is None or coverage.is_empty():
        return np.ones(n)
    days = pl.DataFrame({"day": pl.date_range(start, start + timedelta(days=n - 1), "1d", eager=True)})
    c = days.join(coverage.select("day", "coverage"), on="day", how="left")["coverage"].fill_null(1.0).to_numpy()
    return np.asarray(np.clip(c.astype(float), floor, None))


@dataclass(frozen=True)
class Finding:
    """What :func:`assess_series` found in one daily series (indices are day offsets)."""

    kind: Literal["surge", "new_corridor"]
    t_start: int
    t_alarm: int
    statistic: float
    threshold: float
    p_value: float
    rate_before: float
    rate_after: float
    flights_after: float
    baseline: Baseline
    model: str


def assess_series(
    y: np.ndarray,
    exposure: np.ndarray | None,
    baseline_days: int,
    *,
    h: float = 4.0,
    ratio: float = 2.0,
    min_jump: float = 0.5,
    alpha: float = 0.005,
    min_after: float = 3.0,
    min_new: float = 3.0,
) -> Finding | None:
    """Decide whether one corridor's daily series shows a surge or is a new corridor (None = stable).

    ``y[:baseline_days]`` is the baseline window. See the module docstring for the tests applied.
    """
    y = np.asarray(y, dtype=float)
    expo = np.ones_like(y) if exposure is None else np.asarray(exposure, dtype=float)
    bdays = baseline_days
    base = fit_baseline(y[:bdays], expo[:bdays])
    if base.flights <= 0.5:  # (almost) nothing in the baseline: the new-corridor question
        tail_y = y[bdays:]
        total = float(tail_y.sum())
        if total < min_new:
            return None
        # Jeffreys posterior predictive of a zero-count baseline: NB(0.5, B/(B+A)) on exposure sums.
        eb, ea = float(expo[:bdays].sum()), float(expo[bdays:].sum())
        p = float(stats.nbinom.sf(math.ceil(total - 1e-9) - 1, 0.5, eb / (eb + ea)))
        if p >= alpha:
            return None
        first = bdays + int(np.argmax(tail_y > 0))
        alarm = bdays + int(np.argmax(np.cumsum(tail_y) >= min_new))
        return Finding(
            kind="new_corridor",
            t_start=first,
            t_alarm=alarm,
            statistic=-math.log10(max(p, 1e-300)),
            threshold=-math.log10(alpha),
            p_value=p,
            rate_before=base.mu,
            rate_after=float(y[first:].sum() / expo[first:].sum()),
            flights_after=float(y[first:].sum()),
            baseline=base,
            model="poisson (Jeffreys predictive)",
        )
    s, run_start = cusum(y, base, expo, ratio=ratio, min_jump=min_jump)
    over = np.nonzero(s > h)[0]
    if len(over) == 0:
        return None
    t_alarm = int(over[0])
    t0 = changepoint(y, expo, lo=min(int(run_start[t_alarm]), bdays), hi=t_alarm)
    after = float(y[t0:].sum())
    p = predictive_tail(after, base, float(expo[t0:].sum()), len(y) - t0)
    if after < min_after or p >= alpha:
        return None
    pre_c = float(expo[:t0].sum())
    return Finding(
        kind="surge",
        t_start=t0,
        t_alarm=t_alarm,
        statistic=float(s[t_alarm]),
        threshold=h,
        p_value=p,
        rate_before=float(y[:t0].sum() / pre_c) if pre_c > 0 else base.mu,
        rate_after=float(after / expo[t0:].sum()),
        flights_after=after,
        baseline=base,
        model=base.model,
    )


def detect_changes(
    legs: pl.DataFrame,
    start: date,
    end: date,
    *,
    baseline_end: date | None = None,
    level: Level = "site",
    by: tuple[str, ...] = (),
    coverage: pl.DataFrame | None = None,
    observed: pl.DataFrame | None = None,
    **params: float,
) -> list[Alert]:
    """Surge and new-corridor alerts for every corridor in ``legs`` over ``[start, end)``.

    The baseline is ``[start, baseline_end)`` (default: the first half, at least 3 days). The CUSUM runs over
    the whole window (a surge that starts late in the baseline still accumulates evidence). ``observed``: the
    days (``day``) the data holds anything on, of every kind, not just ``legs``
    (:func:`~liftwatch.analytics.observed.observed_days`); the others are left out of the series. ``params``
    go to :func:`assess_series` (``h``, ``ratio``, ``min_jump``, ``alpha``, ``min_after``, ``min_new``).
    """
    daily = daily_partial(legs, level=level, by=by)
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
    return finish_alerts(found, [[alert_legs(legs, sel, end)] for _, sel in found])


Selector = dict[str, Any]  # the corridor (and group) an alert is about, and its first day


def alerts_from_daily(
    daily: pl.DataFrame,
    start: date,
    end: date,
    *,
    baseline_end: date | None = None,
    level: Level = "site",
    by: tuple[str, ...] = (),
    coverage: pl.DataFrame | None = None,
    observed: pl.DataFrame | None = None,
    **params: float,
) -> list[tuple[Alert, Selector]]:
    """Alerts (flight ids not yet filled) from expected flights per corridor and day (:func:`daily_partial`,
    of the whole table or merged from partitions), each with what selects its flights: the dense daily series
    of every corridor, assessed one corridor at a time (each vectorised over its days)."""
    n = (end - start).days
    if n < 4:
        return []
    bdays = (baseline_end - start).days if baseline_end else max(3, n // 2)
    bdays = min(max(bdays, 1), n - 1)
    b_end = start + timedelta(days=bdays)
    kept = observed_index(observed, start, n)  # the days the series keeps
    b_kept = int((kept < bdays).sum())
    if b_kept < 1 or b_kept >= kept.size:  # nothing heard in the baseline, or after it: nothing to compare
        return []
    expo = _exposure(coverage, start, n)[kept]
    o, d = corridor_keys(level)
    series = series_from_daily(daily, start, end, level=level, by=by)
    out: list[tuple[Alert, Selector]] = []
    for row in series.iter_rows(named=True):  # one iteration per corridor, each vectorised over days
        if row["origin"] == UNKNOWN or row["destination"] == UNKNOWN:
            continue
        found = assess_series(np.asarray(row["counts"], dtype=float)[kept], expo, b_kept, **params)
        if found is None:
            continue
        since = start + timedelta(days=int(kept[found.t_start]))
        sel: Selector = {o: row["origin"], d: row["destination"], **{b: row[b] for b in by}, "_since": since}
        alert = Alert(
            kind=found.kind,
            corridor=row["corridor"],
            origin=row["origin"],
            destination=row["destination"],
            level=level,
            start=since,
            alerted_on=start + timedelta(days=int(kept[found.t_alarm])),
            rate_before=found.rate_before,
            rate_after=found.rate_after,
            flights_before=found.baseline.flights,
            flights_after=found.flights_after,
            statistic=found.statistic,
            threshold=found.threshold,
            p_value=found.p_value,
            model=found.model,
            dispersion=found.baseline.size,
            baseline_start=start,
            baseline_end=b_end,
            group=" ".join(str(row[b]) for b in by) or None,
            baseline_days=b_kept,
        )
        out.append((alert, sel))
    return out


def alert_legs(legs: pl.DataFrame, sel: Selector, end: date) -> pl.DataFrame:
    """The legs behind one alert (its corridor and group, from its first day to the end), in legs order."""
    cond = (pl.col("day") >= sel["_since"]) & (pl.col("day") < end)
    for k, v in sel.items():
        if k != "_since":
            cond &= pl.col(k) == v
    return legs.filter(cond)


def merged_flight_ids(parts: list[pl.DataFrame]) -> list[str]:
    """Flight ids of an alert's legs gathered from one or many partitions, first seen first (by first time,
    flight id, then destination rank: the order of :func:`~liftwatch.analytics.corridors.destination_legs`)."""
    rows = pl.concat([p.select("first_ts", "flight_id", "rank") for p in parts])
    return (
        rows.sort("first_ts", "flight_id", "rank", nulls_last=True)["flight_id"].unique(maintain_order=True).to_list()
    )


def finish_alerts(found: list[tuple[Alert, Selector]], legs: list[list[pl.DataFrame]]) -> list[Alert]:
    """Alerts with their flight ids (from each alert's legs, in one or many parts), surges first, then by
    start and strength."""
    alerts = []
    for (alert, _), parts in zip(found, legs, strict=True):
        alert.flight_ids = merged_flight_ids(parts)
        alerts.append(alert)
    alerts.sort(key=lambda a: (a.kind != "surge", a.start, -a.statistic))
    return alerts


def alerts_frame(alerts: list[Alert]) -> pl.DataFrame:
    """Alerts as a table (for CSV/Parquet export and the report)."""
    if not alerts:
        return pl.DataFrame(
            schema={"kind": pl.String, "corridor": pl.String, "start": pl.Date, "alerted_on": pl.Date},
        )
    rows = []
    for a in alerts:
        d = asdict(a)
        d["n_flights"] = len(a.flight_ids)
        d["flight_ids"] = ",".join(a.flight_ids)
        rows.append(d)
    return pl.DataFrame(rows)
