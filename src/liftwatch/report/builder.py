"""Build the analyst's report: flights in, a folder out (HTML report, offline map, plots, exports).

The computation (corridors, lift, alerts) is done by :mod:`liftwatch.analytics`; this module only chooses
what to show, in what order, and writes it. Nothing here reaches the network: the map inlines Leaflet and a
bundled Natural Earth outline layer, so the folder can be zipped and opened on an air-gapped laptop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from liftwatch.analytics import (
    Alert,
    alerts_frame,
    as_flights,
    corridor_table,
    coverage_factor,
    daily_series,
    destination_legs,
    detect_changes,
    filter_legs,
    flight_lift,
    top_corridor,
)
from liftwatch.analytics.corridors import SEP, UNKNOWN, SiteRegions
from liftwatch.claims import report_section_html
from liftwatch.report import geo, render
from liftwatch.report.exports import write_geojson, write_kml, write_tables
from liftwatch.report.kbview import SiteBook, region_names
from liftwatch.report.plots import daily_plot

MIL = "military/state"
EVIDENCE_ROWS = 500


@dataclass
class ReportResult:
    """Where the report went and the headline numbers (the CLI prints these; tests check them)."""

    out_dir: Path
    html: Path
    map_html: Path
    files: dict[str, Path] = field(default_factory=dict)
    summary: dict[str, Any] = field(default_factory=dict)
    alerts: list[Alert] = field(default_factory=list)
    region_corridors: pl.DataFrame = field(default_factory=pl.DataFrame)
    site_corridors: pl.DataFrame = field(default_factory=pl.DataFrame)


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


def _claims_html(claims: Sequence[Any] | None) -> str | None:
    """The claims engineer's section, when both the module and some results are there."""
    if not claims:
        return None
    return str(report_section_html(list(claims)))


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


def _map_subset(features: list[geo.Feature], cap: int) -> tuple[list[geo.Feature], int]:
    """Every non-civil track, then civil tracks (evenly spaced in time) up to ``cap``; returns (drawn, left out)."""
    if len(features) <= cap:
        return features, 0
    keep = [f for f in features if f["properties"].get("classification") != "civil"]
    civil = [f for f in features if f["properties"].get("classification") == "civil"]
    room = max(0, cap - len(keep))
    if room and civil:
        step = len(civil) / room
        keep += [civil[int(i * step)] for i in range(min(room, len(civil)))]
    return keep, len(features) - len(keep)


def build_report(
    flights: pl.DataFrame,
    out_dir: str | Path,
    *,
    start: date | None = None,
    end: date | None = None,
    title: str = "liftwatch report",
    scope: str = "all flights",
    origin: Sequence[str] | None = None,
    destination: Sequence[str] | None = None,
    region: Sequence[str] | None = None,
    claims: Sequence[Any] | None = None,
    baseline_end: date | None = None,
    coverage: str | pl.DataFrame | None = None,
    site_regions: SiteRegions | None = None,
    types: pl.DataFrame | None = None,
    sitebook: SiteBook | None = None,
    tiles: bool = False,
    max_map_flights: int = 5000,
) -> ReportResult:
    """Write ``report.html``, ``map.html``, plots and exports to ``out_dir``; return paths and headline numbers.

    ``start``/``end`` (end exclusive) default to the flights' span. ``origin``/``destination``/``region`` are
    site or region ids (see :func:`liftwatch.analytics.filter_legs`). ``coverage``: ``"background"`` to
    normalise change detection by daily civil traffic, a ``day``/``coverage`` frame, or None.
    ``max_map_flights`` caps the tracks drawn on the map (every non-civil flight is drawn; civil ones fill the
    rest) so the page stays light in a browser; the exports always hold every flight.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    flights = as_flights(flights)
    start, end = _window(flights, start, end)
    t_lo = datetime(start.year, start.month, start.day, tzinfo=UTC)
    t_hi = datetime(end.year, end.month, end.day, tzinfo=UTC)
    in_window = flights.filter((pl.col("first_ts") >= t_lo) & (pl.col("first_ts") < t_hi))

    legs = destination_legs(in_window, site_regions=site_regions, types=types).with_columns(asset_class_expr())
    legs = filter_legs(legs, origin=origin, destination=destination, region=region)
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
    if isinstance(coverage, str) and coverage == "background":
        cov = coverage_factor(in_window.filter(pl.col("classification") == "civil"))
    elif isinstance(coverage, pl.DataFrame):
        cov = coverage
    else:
        cov = None
    alerts = detect_changes(
        legs, start, end, baseline_end=baseline_end, level="region", by=("asset_class",), coverage=cov
    ) + detect_changes(legs, start, end, baseline_end=baseline_end, level="site", by=("asset_class",), coverage=cov)

    # Colours: military/state site corridors first (by expected flights), then the rest.
    order = (
        chosen.with_columns(geo.flight_corridor_expr())
        .group_by("corridor", "asset_class")
        .agg(pl.len().alias("n"), (pl.col("role") != "return").fill_null(True).mean().alias("_loaded"))
        .with_columns((pl.col("asset_class") == MIL).alias("_mil"), (pl.col("_loaded") >= 0.5).alias("_loaded"))
        .sort(["_mil", "_loaded", "n", "corridor"], descending=[True, True, True, False])
    )
    colors = geo.corridor_colors(order["corridor"].unique(maintain_order=True).to_list())

    site_ids = set(chosen["dep_site"].drop_nulls().to_list()) | set(chosen["arr_site"].drop_nulls().to_list())
    cand_sites = chosen.select(pl.col("arr_candidates").list.eval(pl.element().struct.field("site_id"))).explode(
        "arr_candidates"
    )
    site_ids |= set(cand_sites["arr_candidates"].drop_nulls().to_list())
    book = sitebook or SiteBook.from_kb(site_ids)
    sites = book.frame(site_ids, t_hi - timedelta(seconds=1))
    touches = (
        pl.concat(
            [chosen.select(pl.col("dep_site").alias("site_id")), chosen.select(pl.col("arr_site").alias("site_id"))]
        )
        .group_by("site_id")
        .agg(pl.len().alias("flights"))
    )
    sites = sites.join(touches, on="site_id", how="left").with_columns(pl.col("flights").fill_null(0))

    f_feats = geo.flight_features(chosen, colors)
    p_feats = geo.projection_features(chosen, sites, colors)
    s_feats = geo.site_features(sites)
    files: dict[str, Path] = {}
    files["geojson"] = write_geojson(out / "flights.geojson", geo.feature_collection(f_feats, p_feats, s_feats))
    files["kml"] = write_kml(out / "flights.kml", f_feats, p_feats, s_feats, name=title)
    alerts_tab = alerts_frame(alerts)
    for p in write_tables(
        out,
        {
            "flights": chosen,
            "corridors": region_tab,
            "site_corridors": site_tab,
            "alerts": alerts_tab,
            "military_weekly": weekly_tab,
        },
    ):
        files[p.name] = p

    names = region_names()

    def pretty(corridor: str) -> str:
        a, _, b = corridor.partition(SEP)
        return f"{names.get(a, a)} → {names.get(b, b)}"

    mil_series = daily_series(mil_legs, start, end, level="region")
    all_series = daily_series(legs, start, end, level="region", by=("asset_class",)).with_columns(
        (pl.col("corridor") + " (" + pl.col("asset_class") + ")").alias("corridor")
    )
    region_colors = geo.corridor_colors(mil_region["corridor"].to_list())
    png1, svg1, svg1_text = daily_plot(
        mil_series,
        start,
        region_colors,
        [a for a in alerts if a.level == "region" and a.group == MIL],
        out / "military_corridors_daily",
        title="Military/state flights per day by region corridor",
    )
    png2, svg2, _ = daily_plot(
        all_series, start, {}, [], out / "all_corridors_daily", title="All flights per day by region corridor"
    )
    files.update({p.name: p for p in (png1, svg1, png2, svg2)})

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

    alert_ids = {i for a in alerts for i in a.flight_ids}
    priority = (
        pl.when(pl.col("asset_class") == MIL)
        .then(0)
        .when(pl.col("flight_id").is_in(list(alert_ids)))
        .then(1)
        .otherwise(2)
        .alias("_prio")
    )
    evidence = (
        chosen.filter((pl.col("asset_class") != "civil") | pl.col("flight_id").is_in(list(alert_ids)))
        .with_columns(priority)
        .sort("_prio", "first_ts")
        .head(EVIDENCE_ROWS)
        .drop("_prio")
    )
    ctx = render.Context(
        summary=summary,
        region_corridors=region_tab,
        site_corridors=site_tab,
        lift=lift_tab,
        weekly=weekly_tab,
        alerts=alerts,
        evidence=evidence,
        evidence_omitted=chosen.height - evidence.height,
        plot_svg=svg1_text,
        plot_files=[png1.name, svg1.name, png2.name, svg2.name],
        export_files=sorted(p.name for k, p in files.items() if k not in (png1.name, svg1.name, png2.name, svg2.name)),
        claims_html=_claims_html(claims),
        region_names=names,
        unknown=UNKNOWN,
    )
    html = render.write_report(out / "report.html", ctx)
    map_feats, not_drawn = _map_subset(f_feats, max_map_flights)
    map_html = render.write_map(
        out / "map.html",
        title=title,
        flights=map_feats,
        not_drawn=not_drawn,
        projections=p_feats,
        sites=s_feats,
        legend=[(c, colors[c]) for c in list(colors)[: len(geo.PALETTE)]],
        tiles=tiles,
    )
    files["report"], files["map"] = html, map_html
    return ReportResult(
        out_dir=out,
        html=html,
        map_html=map_html,
        files=files,
        summary=summary,
        alerts=alerts,
        region_corridors=region_tab,
        site_corridors=site_tab,
    )
