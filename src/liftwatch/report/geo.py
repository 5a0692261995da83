"""Flights, dark-ending projections and sites as RFC 7946 GeoJSON features (shared by the map and exports).

Per-flight work here is per *flight* (hundreds to thousands of rows), not per point: the stored geometry is
already simplified by the trajectory engine, and is decoded in one vectorised ``json_decode``.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import polars as pl

from liftwatch.analytics.corridors import SEP, UNKNOWN

# Colour-blind-friendly qualitative palette (Okabe-Ito, then Tableau) for the busiest corridors.
PALETTE = (
    "#d55e00",
    "#0072b2",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
    "#8c564b",
    "#9467bd",
    "#bcbd22",
    "#17becf",
)
OTHER_COLOR = "#888888"

Feature = dict[str, Any]


def _jsonable(v: Any) -> Any:
    if isinstance(v, datetime | date):
        return v.isoformat()
    if isinstance(v, float) and v != v:  # NaN is not JSON
        return None
    return v


def flight_corridor_expr() -> pl.Expr:
    """Each flight's best-guess site corridor ``dep->arr`` (top-1 destination for dark endings)."""
    return (pl.coalesce("dep_site", pl.lit(UNKNOWN)) + SEP + pl.coalesce("arr_site", pl.lit(UNKNOWN))).alias("corridor")


def corridor_colors(corridors: list[str], n: int = len(PALETTE)) -> dict[str, str]:
    """First ``n`` corridors (caller orders by importance) get palette colours, the rest grey."""
    return {c: (PALETTE[i] if i < n else OTHER_COLOR) for i, c in enumerate(corridors)}


def candidates_text(cands: list[dict[str, Any]] | None) -> str:
    """``al-khadim 0.72, benina 0.18`` — ranked destinations as the evidence table shows them."""
    if not cands:
        return ""
    ranked = sorted(cands, key=lambda c: -(c.get("prob") or 0.0))
    return ", ".join(f"{c['site_id']} {float(c.get('prob') or 0.0):.2f}" for c in ranked)


_PROPS = (
    "flight_id",
    "asset_id",
    "registration",
    "type_code",
    "classification",
    "country",
    "operator",
    "dep_site",
    "dep_site_guess",
    "dep_conf",
    "start_kind",
    "arr_site",
    "arr_site_guess",
    "ending",
    "first_ts",
    "last_ts",
    "arr_conf",
    "distance_km",
    "lift_typical_t",
    "type_status",
    "home_site",
    "role",
)


VERTEX_BUDGET = 1_000_000  # vertices across all tracks of one page of features (bounds memory per page)
MAX_VERTICES = 500  # per track, however few tracks there are
MIN_VERTICES = 8


def vertices_per_track(n_tracks: int, budget: int = VERTEX_BUDGET) -> int:
    """Vertex cap per track so that ``n_tracks`` tracks fit ``budget`` (between MIN and MAX_VERTICES)."""
    return max(MIN_VERTICES, min(MAX_VERTICES, budget // max(1, n_tracks)))


def _thin(coords: pl.Expr, cap: int) -> pl.Expr:
    """Every k-th vertex so at most ``cap`` remain, plus the last one (where the track ended matters)."""
    step = pl.max_horizontal(pl.lit(1), (coords.list.len() / (cap - 1)).ceil().cast(pl.Int64))
    thinned = coords.list.gather_every(step)
    last = coords.list.slice(-1, 1)
    needs_last = (coords.list.len() - 1) % step != 0
    return pl.when(needs_last).then(thinned.list.concat(last)).otherwise(thinned)


def flight_features(flights: pl.DataFrame, colors: dict[str, str], max_vertices: int = MAX_VERTICES) -> list[Feature]:
    """One LineString feature per flight (a Point when only one vertex survived simplification).

    Tracks are thinned to ``max_vertices`` (vectorised) so a page of features has a bounded size whatever
    the stored geometry holds.
    """
    if flights.is_empty():
        return []
    from liftwatch.tracks.guesses import with_guesses

    # popups show a guessed site as a guess, not as the flight's site
    f = with_guesses(flights.with_columns(flight_corridor_expr()))
    f = f.with_columns(
        _thin(pl.col("geometry").str.json_decode(pl.List(pl.List(pl.Float64))), max(2, max_vertices)).alias("_coords"),
        pl.col("callsigns").list.join(" ").alias("callsign"),
    )
    cols = [c for c in _PROPS if c in f.columns]
    out: list[Feature] = []
    for row in f.select(*cols, "corridor", "callsign", "_coords", "arr_candidates").iter_rows(named=True):
        coords = [[round(p[0], 5), round(p[1], 5)] for p in (row["_coords"] or []) if p and len(p) >= 2]
        if not coords:
            continue
        props = {k: _jsonable(row[k]) for k in cols}
        props["corridor"] = row["corridor"]
        props["callsign"] = row["callsign"] or ""
        props["color"] = colors.get(row["corridor"], OTHER_COLOR)
        props["candidates"] = candidates_text(row["arr_candidates"])
        props["kind"] = "flight"
        geom = (
            {"type": "LineString", "coordinates": coords}
            if len(coords) >= 2
            else {"type": "Point", "coordinates": coords[0]}
        )
        out.append({"type": "Feature", "geometry": geom, "properties": props})
    return out


def projection_features(flights: pl.DataFrame, sites: pl.DataFrame, colors: dict[str, str]) -> list[Feature]:
    """Dashed projections from a dark flight's last position to each ranked destination (prob on the line)."""
    if flights.is_empty() or sites.is_empty():
        return []
    dark = (
        flights.filter((pl.col("ending").fill_null("") != "landed") & (pl.col("arr_candidates").list.len() > 0))
        .with_columns(flight_corridor_expr())
        .select("flight_id", "corridor", "ending", "last_lat", "last_lon", "arr_candidates")
        .explode("arr_candidates")
        .unnest("arr_candidates")
        .join(sites.select("site_id", "lat", "lon"), on="site_id", how="inner")
        .filter(pl.col("last_lat").is_not_null() & pl.col("last_lon").is_not_null())
        .with_columns(pl.col("prob").rank("ordinal", descending=True).over("flight_id").alias("rank"))
        .sort("flight_id", "rank")
    )
    out: list[Feature] = []
    for r in dark.iter_rows(named=True):
        out.append(
            {
                "type": "Feature",
                "geometry": {
                    "type": "LineString",
                    "coordinates": [
                        [round(r["last_lon"], 5), round(r["last_lat"], 5)],
                        [round(r["lon"], 5), round(r["lat"], 5)],
                    ],
                },
                "properties": {
                    "kind": "dark_projection",
                    "flight_id": r["flight_id"],
                    "ending": r["ending"],
                    "site_id": r["site_id"],
                    "rank": int(r["rank"]),
                    "prob": round(float(r["prob"] or 0.0), 3),
                    "color": colors.get(r["corridor"], OTHER_COLOR),
                },
            }
        )
    return out


def site_features(sites: pl.DataFrame) -> list[Feature]:
    """Sites as Points with name, kind, country and the controlling actor during the report period."""
    out: list[Feature] = []
    cols = [c for c in ("site_id", "name", "country", "controller", "flights") if c in sites.columns]
    for r in sites.iter_rows(named=True):
        if r["lat"] is None or r["lon"] is None:
            continue
        out.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(r["lon"], 5), round(r["lat"], 5)]},
                "properties": {"kind": "site", "site_kind": r.get("kind"), **{c: _jsonable(r[c]) for c in cols}},
            }
        )
    return out


def feature_collection(*groups: list[Feature]) -> dict[str, Any]:
    feats: list[Feature] = [f for g in groups for f in g]
    return {"type": "FeatureCollection", "features": feats}


_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_safe(json_text: str) -> str:
    """JSON text made inert inside a ``<script>`` element.

    Escaping only ``</`` is not enough: ``<!--`` followed by ``<script`` switches the HTML parser into the
    "script data double escaped" state, where the real ``</script>`` no longer ends the element, and U+2028/2029
    end a line in older JavaScript. ``<``, ``>`` and ``&`` can only occur inside JSON strings, so writing them
    as ``\\u003c``-style escapes changes no value.
    """
    return json_text.translate(_SCRIPT_SAFE)


def dumps(obj: Any) -> str:
    """Compact JSON safe to embed in a ``<script>`` element (see :func:`script_safe`)."""
    return script_safe(json.dumps(obj, separators=(",", ":"), ensure_ascii=False))
