"""The analysis behind a report, computed without writing anything: :func:`analyse` -> :class:`Analysis`.

Split from writing (:func:`liftwatch.report.write_report`) so a notebook gets the same corridor tables,
alerts and summary the report shows, as objects, and can look before deciding to write a folder.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import polars as pl

from liftwatch.analytics import (
    Alert,
    alerts_frame,
    as_flights,
    corridor_table,
    coverage_factor,
    destination_legs,
    detect_changes,
    filter_legs,
    flight_lift,
    observed_days,
    top_corridor,
)
from liftwatch.analytics.corridors import SEP, SiteRegions
from liftwatch.claims import ClaimResult
from liftwatch.errors import InvalidValueError
from liftwatch.report.kbview import region_names

MIL = "military/state"
COVERAGE_CHOICES = ("background",)


@dataclass(frozen=True)
class AnalysisOptions:
    """What shapes an analysis, as one immutable value: the window, the scope and the knowledge to use.

    One object instead of the same dozen keywords on :func:`analyse`, :func:`~liftwatch.report.build_report`
    and the library's ``LiftWatch.analyse``: a caller builds it once, can derive a variant with
    :meth:`replace` (another window, another corridor) and every layer reads the same fields.

    ``start``/``end`` (end exclusive) default to the flights' span. ``origin``/``destination``/``region`` are
    site or region ids (see :func:`liftwatch.analytics.filter_legs`). ``coverage``: ``"background"`` (the
    default) normalises change detection by the civil traffic seen each day, so a day when receivers heard half
    the usual traffic halves every corridor's expected count; a ``day``/``coverage`` frame of your own, or None
    for none (every observed day counts alike). ``observed``: the
    days (``day``) the data holds anything on (:func:`liftwatch.analytics.observed_days` of every stored flight,
    before any scope); change detection leaves the other days out. Default: the days of the flights analysed.
    ``site_regions``/``types`` replace the knowledge base's site regions and aircraft types (tests, what-ifs).
    """

    start: date | None = None
    end: date | None = None
    title: str = "liftwatch report"
    scope: str = "all flights"
    origin: Sequence[str] | None = None  # held as tuples
    destination: Sequence[str] | None = None
    region: Sequence[str] | None = None
    claims: Sequence[ClaimResult] = ()
    baseline_end: date | None = None
    coverage: str | pl.DataFrame | None = "background"
    observed: pl.DataFrame | None = None
    site_regions: SiteRegions | None = None
    types: pl.DataFrame | None = None

    def __post_init__(self) -> None:
        # lists given for the id filters and claims become tuples, so the value really cannot change
        for name in ("origin", "destination", "region"):
            ids = getattr(self, name)
            if ids is not None and not isinstance(ids, tuple):
                object.__setattr__(self, name, tuple(ids))
        if not isinstance(self.claims, tuple):
            object.__setattr__(self, "claims", tuple(self.claims))
        if isinstance(self.coverage, str) and self.coverage not in COVERAGE_CHOICES:
            raise InvalidValueError("coverage", self.coverage, (*COVERAGE_CHOICES, "a day/coverage DataFrame"))

    def replace(self, **changes: Any) -> AnalysisOptions:
        """A copy with ``changes`` applied (field names as above)."""
        return dataclasses.replace(self, **changes)


def asset_class_expr() -> pl.Expr:
    """Military and state flights are one analytic class (state transport is how militaries move cargo).

    Ship voyages share the flights table; they get their own classes (``military/state (sea)``) so a sealift
    never inflates an airlift corridor's counts or tonnage.
    """
    c = pl.col("classification").fill_null("unknown")
    base = pl.when(c.is_in(["military", "state"])).then(pl.lit(MIL)).otherwise(c)
    sea = pl.col("domain").fill_null("air") == "sea"
    return pl.when(sea).then(base + pl.lit(" (sea)")).otherwise(base).alias("asset_class")


def _window(flights: pl.DataFrame, start: date | None, end: date | None) -> tuple[date, date]:
    if start is None or end is None:
        if flights.is_empty():
            today = datetime.now(UTC).date()
            return start or today - timedelta(days=14), end or today
        lo, hi = flights["first_ts"].min(), flights["first_ts"].max()
        assert isinstance(lo, datetime) and isinstance(hi, datetime)
        return start or lo.date(), end or hi.date() + timedelta(days=1)
    return start, end


def _mil_first(table: pl.DataFrame) -> pl.DataFrame:
    """Military/state corridors (air, then sea) first: what the report is about; each group by expected flights."""
    key = (
        pl.when(pl.col("asset_class") == MIL)
        .then(0)
        .when(pl.col("asset_class").str.starts_with(MIL))
        .then(1)
        .otherwise(2)
    ).alias("_other")
    return (
        table.with_columns(key)
        .sort(["_other", "flights_expected", "corridor"], descending=[False, True, False])
        .drop("_other")
    )


@dataclass
class Analysis:
    """Corridors, lift, alerts and headline numbers for one window and scope (no files written)."""

    title: str
    scope: str
    start: date  # first day
    end: date  # day after the last (exclusive)
    flights: pl.DataFrame  # the flights in scope, with lift and asset class
    legs: pl.DataFrame  # origin/destination legs (dark flights spread over candidates)
    region_corridors: pl.DataFrame
    site_corridors: pl.DataFrame
    military_region_corridors: pl.DataFrame
    military_site_corridors: pl.DataFrame
    lift: pl.DataFrame  # military/state site corridors by aircraft type
    weekly: pl.DataFrame  # military/state region corridors by week
    alerts: list[Alert] = field(default_factory=list)
    summary: dict[str, Any] = field(default_factory=dict)
    claims: list[ClaimResult] = field(default_factory=list)
    coverage: pl.DataFrame | None = None

    @property
    def alerts_table(self) -> pl.DataFrame:
        return alerts_frame(self.alerts)

    def __repr__(self) -> str:
        s = self.summary
        top = s.get("top_military_region_corridor_name") or "none"
        return (
            f"Analysis({self.scope}: {s.get('flights', 0):,} flights {s.get('start')} to {s.get('end')}, "
            f"top military corridor {top}, {len(self.alerts)} alerts, {len(self.claims)} claims)"
        )

    def _repr_html_(self) -> str:
        from html import escape

        s = self.summary
        head = (
            f"<b>{escape(self.title)}</b> &mdash; {escape(self.scope)}: {s.get('flights', 0):,} flights, "
            f"{escape(str(s.get('start')))} to {escape(str(s.get('end')))}, {len(self.alerts)} alerts"
        )
        cols = ["corridor", "asset_class", "flights_expected", "flights_dark_expected", "tonnes_expected", "assets"]
        table = self.region_corridors.select([c for c in cols if c in self.region_corridors.columns]).head(10)
        return f"<div>{head}</div>" + table._repr_html_()


def analyse(flights: pl.DataFrame, options: AnalysisOptions | None = None) -> Analysis:
    """Corridor tables, lift, change alerts and the summary for ``flights`` (pure: reads and writes nothing).

    ``options`` (:class:`AnalysisOptions`; default: all flights over their whole span) sets window and scope.
    """
    o = options or AnalysisOptions()
    title, scope, baseline_end, site_regions, types = o.title, o.scope, o.baseline_end, o.site_regions, o.types
    flights = as_flights(flights)
    start, end = _window(flights, o.start, o.end)
    t_lo = datetime(start.year, start.month, start.day, tzinfo=UTC)
    t_hi = datetime(end.year, end.month, end.day, tzinfo=UTC)
    in_window = flights.filter((pl.col("first_ts") >= t_lo) & (pl.col("first_ts") < t_hi))

    legs = destination_legs(in_window, site_regions=site_regions, types=types).with_columns(asset_class_expr())
    legs = filter_legs(legs, origin=o.origin, destination=o.destination, region=o.region)
    ids = legs["flight_id"].unique()
    roles = (
        legs.sort("rank", nulls_last=True).unique("flight_id", keep="first").select("flight_id", "home_site", "role")
    )
    chosen = (
        flight_lift(in_window.filter(pl.col("flight_id").is_in(ids.implode())), types)
        .with_columns(asset_class_expr())
        .join(roles, on="flight_id", how="left")
    )

    region_tab = _mil_first(corridor_table(legs, level="region", by=["asset_class"]))
    site_tab = _mil_first(corridor_table(legs, level="site", by=["asset_class"]))
    mil_legs = legs.filter(pl.col("asset_class") == MIL)
    mil_region = corridor_table(mil_legs, level="region")
    mil_site = corridor_table(mil_legs, level="site")
    lift_tab = corridor_table(mil_legs, level="site", by=["type_code"])
    weekly_tab = corridor_table(mil_legs, level="region", period="week")

    cov: pl.DataFrame | None
    if isinstance(o.coverage, str):  # "background" (checked by AnalysisOptions)
        cov = coverage_factor(in_window.filter(pl.col("classification") == "civil"))
    elif isinstance(o.coverage, pl.DataFrame):
        cov = o.coverage
    else:
        cov = None
    seen = o.observed if o.observed is not None else observed_days(flights)
    alerts = [
        a
        for level in ("region", "site")
        for a in detect_changes(
            legs, start, end, baseline_end=baseline_end, level=level, by=("asset_class",), coverage=cov, observed=seen
        )
    ]

    names = region_names()

    def pretty(corridor: str) -> str:
        a, _, b = corridor.partition(SEP)
        return f"{names.get(a, a)} → {names.get(b, b)}"

    top_r = top_corridor(mil_region)
    top_s = top_corridor(mil_site)
    summary: dict[str, Any] = {
        "title": title,
        "scope": scope,
        "start": start.isoformat(),
        "end": (end - timedelta(days=1)).isoformat(),
        "flights": chosen.height,
        "military_state_flights": int((chosen["asset_class"] == MIL).sum()),
        "dark_flights": int((chosen["ending"] == "dark").sum()),
        "out_of_coverage_flights": int((chosen["ending"] == "out_of_coverage").sum()),
        "unknown_type_flights": int((chosen["type_status"] != "known").sum()),
        "top_military_region_corridor": top_r,
        "top_military_site_corridor": top_s,
        "top_military_region_corridor_name": pretty(str(top_r["corridor"])) if top_r else None,
        "alerts": len(alerts),
        "surges": sum(a.kind == "surge" for a in alerts),
        "new_corridors": sum(a.kind == "new_corridor" for a in alerts),
        "coverage_normalised": cov is not None,
        "baseline": (
            f"{start.isoformat()} to "
            f"{((baseline_end or start + timedelta(days=max(3, (end - start).days // 2))) - timedelta(days=1)).isoformat()}"
        ),
    }
    return Analysis(
        title=title,
        scope=scope,
        start=start,
        end=end,
        flights=chosen,
        legs=legs,
        region_corridors=region_tab,
        site_corridors=site_tab,
        military_region_corridors=mil_region,
        military_site_corridors=mil_site,
        lift=lift_tab,
        weekly=weekly_tab,
        alerts=alerts,
        summary=summary,
        claims=list(o.claims),
        coverage=cov,
    )
