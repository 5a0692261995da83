"""Render the report and map pages from Jinja2 templates into single, self-contained HTML files.

Everything a page needs (CSS, Leaflet, our map script, the outline layer, the data) is inlined, because a
report is mailed around and opened from disk: ``file://`` pages cannot ``fetch`` sibling JSON in Chromium,
and an analyst offline must see the same map as one online.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
import polars as pl

from liftwatch.analytics.surge import Alert
from liftwatch.report.geo import Feature, candidates_text, dumps, script_safe
from liftwatch.report.tables import MIN_EXPECTED, site_table

LEAFLET_VERSION = "1.9.4"


@dataclass
class Context:
    """Everything ``report.html.j2`` shows."""

    summary: dict[str, Any]
    region_corridors: pl.DataFrame
    site_corridors: pl.DataFrame
    lift: pl.DataFrame
    weekly: pl.DataFrame
    alerts: list[Alert]
    evidence: pl.DataFrame
    evidence_omitted: int
    plot_svg: str
    plot_files: list[str]
    export_files: list[str]
    claims_html: str | None = None
    region_names: dict[str, str] = field(default_factory=dict)
    unknown: str = "unknown"
    attributions: list[dict[str, str]] = field(default_factory=list)  # data sources' licence notices


def _static(name: str) -> str:
    return (resources.files("liftwatch.report") / "static" / name).read_text(encoding="utf-8")


@cache
def countries_geojson() -> str:
    """The bundled Natural Earth 110m outlines (public domain), as JSON text."""
    return (resources.files("liftwatch") / "data" / "geo" / "ne_110m_countries.geojson").read_text(encoding="utf-8")


def _num(v: Any, digits: int = 1) -> str:
    if v is None:
        return "–"
    if isinstance(v, int):
        return f"{v:,}"
    try:
        return f"{float(v):,.{digits}f}"
    except (TypeError, ValueError):
        return str(v)


def _when(v: Any) -> str:
    if isinstance(v, datetime):
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%MZ")
    return "" if v is None else str(v)


@cache
def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(Path(str(resources.files("liftwatch.report") / "templates")))),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["num"] = _num
    env.filters["when"] = _when
    env.filters["cands"] = candidates_text
    return env


def write_report(path: Path, ctx: Context) -> Path:
    names = ctx.region_names

    def pretty(corridor: str) -> str:
        a, _, b = corridor.partition("->")
        return f"{names.get(a, a)} → {names.get(b, b)}"

    site_rows, site_omitted = site_table(ctx.site_corridors, limit=60)
    html = (
        _env()
        .get_template("report.html.j2")
        .render(
            c=ctx,
            s=ctx.summary,
            pretty=pretty,
            region_rows=ctx.region_corridors.head(40).to_dicts(),
            site_rows=site_rows.to_dicts(),
            site_omitted=site_omitted,
            site_min_expected=MIN_EXPECTED,
            lift_rows=ctx.lift.to_dicts(),
            weekly_rows=ctx.weekly.to_dicts(),
            evidence_rows=ctx.evidence.to_dicts(),
            css=_static("report.css"),
            generated=datetime.now(UTC).strftime("%Y-%m-%d %H:%MZ"),
        )
    )
    path.write_text(html, encoding="utf-8")
    return path


def write_map(
    path: Path,
    *,
    title: str,
    flights: list[Feature],
    projections: list[Feature],
    sites: list[Feature],
    legend: list[tuple[str, str]],
    tiles: bool = False,
    not_drawn: int = 0,
    attribution: str = "",
) -> Path:
    """The interactive map page: Leaflet + outlines + data, all inline; online tiles only if ``tiles``."""
    data = {
        "flights": {"type": "FeatureCollection", "features": flights},
        "projections": {"type": "FeatureCollection", "features": projections},
        "sites": {"type": "FeatureCollection", "features": sites},
        "legend": legend,
        "tiles": bool(tiles),
        "not_drawn": int(not_drawn),
    }
    html = (
        _env()
        .get_template("map.html.j2")
        .render(
            title=title,
            leaflet_css=_static("leaflet.css"),
            leaflet_js=_static("leaflet.js"),
            map_js=_static("map.js"),
            countries=script_safe(countries_geojson()),
            data=dumps(data),
            leaflet_version=LEAFLET_VERSION,
            attribution=attribution,
        )
    )
    path.write_text(html, encoding="utf-8")
    return path
