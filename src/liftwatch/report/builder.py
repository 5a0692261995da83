"""Write the analyst's report: an :class:`~liftwatch.report.analysis.Analysis` in, a folder out.

What to show and in what order is decided here (HTML report, offline map, plots, exports); the numbers come
from :func:`liftwatch.report.analysis.analyse`. Nothing here reaches the network: the map inlines Leaflet and
a bundled Natural Earth outline layer, so the folder can be zipped and opened on an air-gapped laptop.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import polars as pl

from liftwatch.analytics import Alert, daily_series
from liftwatch.analytics.corridors import UNKNOWN
from liftwatch.claims import ClaimResult, report_section_html
from liftwatch.report import geo, render
from liftwatch.report.analysis import MIL, Analysis, AnalysisOptions, analyse
from liftwatch.report.exports import write_attribution, write_geojson_pages, write_kml, write_tables
from liftwatch.report.kbview import SiteBook, region_names
from liftwatch.report.plots import daily_plot

EVIDENCE_ROWS = 500
PAGE_FLIGHTS = 2000  # flights turned into GeoJSON features at a time


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


def _claims_html(claims: Sequence[ClaimResult] | None) -> str | None:
    """The claims section, when some claims were checked."""
    if not claims:
        return None
    return str(report_section_html(list(claims)))


def _evenly(frame: pl.DataFrame, n: int) -> pl.DataFrame:
    """``n`` rows evenly spaced through ``frame`` (in its order)."""
    if frame.height <= n:
        return frame
    if n <= 0:
        return frame.head(0)
    step = frame.height / n
    return frame[[int(i * step) for i in range(n)]]


def _map_selection(chosen: pl.DataFrame, cap: int) -> tuple[pl.DataFrame, int]:
    """Flights drawn on the map: every non-civil one first, then civil ones evenly spaced in time, ``cap`` in
    all (non-civil ones are thinned evenly too when they alone exceed it); returns (drawn, left out)."""
    if chosen.height <= cap:
        return chosen, 0
    civil = pl.col("classification").fill_null("") == "civil"
    keep = _evenly(chosen.filter(~civil).sort("first_ts"), cap)
    rest = _evenly(chosen.filter(civil).sort("first_ts"), cap - keep.height)
    drawn = pl.concat([keep, rest], how="vertical_relaxed")
    return drawn, chosen.height - drawn.height


def _geojson_pages(
    chosen: pl.DataFrame, sites: pl.DataFrame, colors: dict[str, str], site_feats: list[geo.Feature]
) -> Iterator[list[geo.Feature]]:
    """Every flight and projection as features, ``PAGE_FLIGHTS`` flights at a time, then the sites."""
    per_track = geo.vertices_per_track(PAGE_FLIGHTS)
    for page in chosen.iter_slices(PAGE_FLIGHTS):
        yield geo.flight_features(page, colors, per_track) + geo.projection_features(page, sites, colors)
    yield site_feats


def build_report(
    flights: pl.DataFrame,
    out_dir: str | Path,
    options: AnalysisOptions | None = None,
    *,
    sitebook: SiteBook | None = None,
    tiles: bool = False,
    max_map_flights: int = 5000,
    attributions: Sequence[dict[str, str]] = (),
) -> ReportResult:
    """:func:`~liftwatch.report.analysis.analyse` with ``options`` then :func:`write_report` (the rest as there)."""
    analysis = analyse(flights, options)
    return write_report(
        analysis, out_dir, sitebook=sitebook, tiles=tiles, max_map_flights=max_map_flights, attributions=attributions
    )


def write_report(
    analysis: Analysis,
    out_dir: str | Path,
    *,
    sitebook: SiteBook | None = None,
    tiles: bool = False,
    max_map_flights: int = 5000,
    attributions: Sequence[dict[str, str]] = (),
) -> ReportResult:
    """Write ``report.html``, ``map.html``, plots and exports of ``analysis`` to ``out_dir``.

    ``max_map_flights`` caps the tracks drawn on the map and written to KML (non-civil flights first; civil
    ones fill the rest) so the page stays light in a browser and memory stays bounded; GeoJSON, CSV and
    Parquet always hold every flight.
    ``attributions`` (``Store.attributions()``: source, licence, attribution text) are printed on the report and
    the map, put into the GeoJSON and written as ``ATTRIBUTION.txt`` beside the exports, as the data's
    licences (ODbL for adsb.lol) ask.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    an = analysis
    start, end, title = an.start, an.end, an.title
    chosen, legs, alerts, summary = an.flights, an.legs, an.alerts, an.summary
    region_tab, site_tab, lift_tab, weekly_tab = an.region_corridors, an.site_corridors, an.lift, an.weekly
    mil_legs = legs.filter(pl.col("asset_class") == MIL)
    mil_region = an.military_region_corridors
    t_hi = datetime(end.year, end.month, end.day, tzinfo=UTC)

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

    # Memory stays bounded however many flights there are: the map (and KML, which cannot be streamed) get at
    # most ``max_map_flights`` tracks thinned to a shared vertex budget; GeoJSON holds every flight, written
    # page by page; CSV/Parquet hold every flight without geometry arrays in Python.
    drawn, not_drawn = _map_selection(chosen, max_map_flights)
    f_feats = geo.flight_features(drawn, colors, geo.vertices_per_track(drawn.height))
    p_feats = geo.projection_features(drawn, sites, colors)
    s_feats = geo.site_features(sites)
    files: dict[str, Path] = {}
    notices = [a["attribution"] for a in attributions]
    if attributions:
        files["ATTRIBUTION.txt"] = write_attribution(out / "ATTRIBUTION.txt", attributions)
    files["geojson"] = write_geojson_pages(  # the licences travel with the file (an RFC 7946 foreign member)
        out / "flights.geojson", _geojson_pages(chosen, sites, colors, s_feats), attribution=notices or None
    )
    files["kml"] = write_kml(out / "flights.kml", f_feats, p_feats, s_feats, name=title)
    alerts_tab = an.alerts_table
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
    from liftwatch.tracks.guesses import with_guesses

    evidence = with_guesses(evidence)  # a site below the confidence threshold is shown as a guess
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
        claims_html=_claims_html(an.claims),
        region_names=names,
        unknown=UNKNOWN,
        attributions=list(attributions),
    )
    html = render.write_report(out / "report.html", ctx)
    map_html = render.write_map(
        out / "map.html",
        title=title,
        flights=f_feats,
        not_drawn=not_drawn,
        projections=p_feats,
        sites=s_feats,
        legend=[(c, colors[c]) for c in list(colors)[: len(geo.PALETTE)]],
        tiles=tiles,
        attribution=" ".join(a["attribution"] for a in attributions),
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
