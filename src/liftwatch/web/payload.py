"""Library results -> the compact JSON the browser draws (no analysis here: shapes and names only).

Tracks are sent as ``[lon, lat]`` lists simplified (Douglas-Peucker) to about one screen pixel at the map's
zoom: at zoom 4 a straight 60-vertex cruise becomes a handful of vertices, which is what lets thousands of
tracks travel and draw quickly. The stored geometry is already
simplified by the trajectory engine; this only removes detail the screen cannot show.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from liftwatch import kb
from liftwatch.flights import Flight, track_coords
from liftwatch.tracks.guesses import with_guesses

TILE_PX = 256
MAX_ZOOM = 18.0  # the map's deepest zoom: a pixel there is ~0.5 m, finer than any fix


def pixel_degrees(zoom: float) -> float:
    """Degrees of longitude one screen pixel spans at a Web-Mercator zoom level."""
    return float(360.0 / (TILE_PX * 2.0 ** max(0.0, min(zoom, MAX_ZOOM))))


def simplify(coords: list[list[float]] | npt.NDArray[np.float64], tolerance: float) -> list[list[float]]:
    """Douglas-Peucker: drop vertices closer than ``tolerance`` degrees to the line kept (ends always kept).

    Iterative (an explicit stack) with the distances of each span computed in one NumPy expression; tracks
    arrive here already decimated to at most a few hundred vertices, so this is cheap per flight.
    """
    a = np.asarray(coords, dtype=np.float64).reshape(-1, 2) if len(coords) else np.empty((0, 2))
    if len(a) <= 2 or tolerance <= 0:
        return [[round(float(x), 5), round(float(y), 5)] for x, y in a]
    keep = np.zeros(len(a), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(a) - 1)]
    while stack:
        i, j = stack.pop()
        if j <= i + 1:
            continue
        seg = a[j] - a[i]
        rel = a[i + 1 : j] - a[i]
        length = float(np.hypot(seg[0], seg[1]))
        if length == 0.0:
            d = np.hypot(rel[:, 0], rel[:, 1])
        else:
            d = np.abs(seg[0] * rel[:, 1] - seg[1] * rel[:, 0]) / length
        k = int(np.argmax(d))
        if d[k] > tolerance:
            m = i + 1 + k
            keep[m] = True
            stack += [(i, m), (m, j)]
    out = np.round(a[keep], 4)
    return [[float(x), float(y)] for x, y in out]


def _epoch(v: object) -> float | None:
    return v.timestamp() if isinstance(v, datetime) else None


def _iso(v: object) -> str | None:
    return v.isoformat() if isinstance(v, datetime | date) else None


def site_point(site_id: str, when: datetime | date | None = None) -> dict[str, Any] | None:
    """A site's name, position and (at ``when``) controlling actor; None for ids the knowledge base lacks."""
    try:
        s = kb.site(site_id)
    except KeyError:
        return None
    controller = kb.controller_at(site_id, when) if when is not None else None
    return {
        "id": s.site_id,
        "name": s.name,
        "lat": s.lat,
        "lon": s.lon,
        "country": s.country,
        "kind": s.kind,
        "controller": controller,
    }


def flight_item(r: dict[str, Any], tolerance: float) -> dict[str, Any]:
    """One flights-table row as the browser draws it (track simplified to ``tolerance`` degrees)."""
    cands = sorted(r.get("arr_candidates") or [], key=lambda c: -(c.get("prob") or 0.0))
    conf = r.get("arr_conf")
    return {
        "id": r["flight_id"],
        "asset": r["asset_id"],
        "callsign": " ".join(c for c in (r.get("callsigns") or []) if c),
        "reg": r.get("registration"),
        "type": r.get("type_code"),
        "country": r.get("country"),
        "cls": r.get("classification") or "unknown",
        "domain": r.get("domain"),
        # a site below the confidence threshold is drawn as a guess ("al-khadim?"), as every display shows it
        "dep": r.get("dep_site") or r.get("dep_site_guess"),
        "arr": r.get("arr_site") or r.get("arr_site_guess"),
        "dep_guess": r.get("dep_site_guess") is not None,
        "arr_guess": r.get("arr_site_guess") is not None,
        "ending": r.get("ending"),
        "conf": round(float(conf), 3) if conf is not None else None,
        "t0": r["_t0"] if "_t0" in r else _epoch(r.get("first_ts")),
        "t1": r["_t1"] if "_t1" in r else _epoch(r.get("last_ts")),
        "last": [r["last_lon"], r["last_lat"]] if r.get("last_lat") is not None else None,
        "cands": [
            {"site": c["site_id"], "prob": round(float(c["prob"] or 0.0), 3), "km": c.get("distance_km")} for c in cands
        ]
        if r.get("ending") != "landed"
        else [],
        "coords": simplify(r["_coords"] if "_coords" in r else track_coords(r.get("geometry")), tolerance),
    }


def sites_of(items: list[dict[str, Any]], when: datetime | date | None) -> dict[str, Any]:
    """Every known site the flights touch (ends and candidates), with its controller at ``when``."""
    ids = {sid for it in items for sid in (it["dep"], it["arr"], *(c["site"] for c in it["cands"])) if sid}
    out: dict[str, Any] = {}
    for sid in sorted(ids):
        p = site_point(sid, when)
        if p is not None:
            out[sid] = p
    return out


def flights_payload(page: pl.DataFrame, *, zoom: float = 5.0, at: datetime | date | None = None) -> dict[str, Any]:
    """Tracks of one page of flights, their dark-ending candidates and the sites they touch."""
    tol = pixel_degrees(zoom)
    # decode geometry and epoch times for the whole page at once (not per row)
    # (nested lists -> Python objects is the slow part of a page, so coordinates go through NumPy slices)
    coords = page["geometry"].str.json_decode(pl.List(pl.List(pl.Float64)))
    lengths = coords.list.len().fill_null(0).to_numpy()
    flat = coords.explode()  # an empty or null list explodes to one null row
    lon = flat.list.get(0, null_on_oob=True).to_numpy()
    lat = flat.list.get(1, null_on_oob=True).to_numpy()
    ends = np.cumsum(np.maximum(lengths, 1))
    starts = ends - np.maximum(lengths, 1)
    prepared = with_guesses(page.drop("evidence", "geometry", strict=False)).with_columns(
        (pl.col("first_ts").dt.epoch("ms") / 1000.0).alias("_t0"),
        (pl.col("last_ts").dt.epoch("ms") / 1000.0).alias("_t1"),
    )
    items = []
    for k, r in enumerate(prepared.iter_rows(named=True)):
        a, b = int(starts[k]), int(starts[k] + lengths[k])
        xy = np.column_stack([lon[a:b], lat[a:b]]) if lengths[k] else np.empty((0, 2))
        r["_coords"] = xy[~np.isnan(xy).any(axis=1)] if len(xy) else xy
        items.append(flight_item(r, tol))
    when = at
    if when is None and page.height:
        last = page["last_ts"].max()
        when = last if isinstance(last, datetime) else None
    return {"flights": items, "sites": sites_of(items, when)}


def shown_row(f: Flight) -> dict[str, Any]:
    """The flight's row as every display shows it: a site below the confidence threshold moved to its
    ``*_site_guess`` column, an arrival time estimated from a guess dropped (:func:`with_guesses`)."""
    return with_guesses(pl.DataFrame([f.row])).row(0, named=True)


def flight_detail(f: Flight, shown: dict[str, Any] | None = None) -> dict[str, Any]:
    """One flight for its page: header fields, full track with altitude/speed, candidates, sites (``shown``: the
    row from :func:`shown_row` when the caller already has it)."""
    track = f.track
    item = flight_item(shown if shown is not None else shown_row(f), 0.0)
    profile: dict[str, list[Any]] = {"t": [], "alt": [], "gs": []}
    if track.height and {"ts", "lat", "lon"} <= set(track.columns):
        profile["t"] = [v.timestamp() if isinstance(v, datetime) else None for v in track["ts"].to_list()]
        if "alt_baro_ft" in track.columns:
            profile["alt"] = track["alt_baro_ft"].to_list()
        if "gs_kt" in track.columns:
            profile["gs"] = track["gs_kt"].to_list()
        pts = [
            [round(lon, 5), round(lat, 5)]
            for lat, lon in zip(track["lat"].to_list(), track["lon"].to_list(), strict=True)
            if lat is not None and lon is not None
        ]
        if len(pts) >= 2:
            item["coords"] = simplify(pts, pixel_degrees(14))
    return {"flight": item, "sites": sites_of([item], f.first_ts), "profile": profile}


def evidence_rows(evidence: dict[str, Any]) -> list[tuple[str, str]]:
    """A flight's evidence JSON flattened to (key, value text) rows for a table."""
    out: list[tuple[str, str]] = []

    def walk(prefix: str, v: Any) -> None:
        if isinstance(v, dict):
            for k, sub in v.items():
                walk(f"{prefix}.{k}" if prefix else str(k), sub)
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            for i, sub in enumerate(v):
                walk(f"{prefix}[{i}]", sub)
        else:
            out.append((prefix, v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)))

    walk("", evidence)
    return out


def iso(v: object) -> str | None:
    return _iso(v)
