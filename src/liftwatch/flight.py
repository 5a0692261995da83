"""One stored flight as a notebook object: :class:`Flight`, and the store reference flights share.

Modelled on traffic's ``Flight`` (``_repr_html_``, ``__geo_interface__``, ``plot``) but backed by the store:
points are read only for ``Flight.track`` and cached on the flight. Plotting is kept apart from computing
(as movingpandas does): ``plot`` draws what the data frame already holds. The lazy collection that yields
flights is :class:`liftwatch.flights.Flights`.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from functools import cached_property
from html import escape
from typing import TYPE_CHECKING, Any

import polars as pl

from liftwatch import kb
from liftwatch.errors import LiftwatchError
from liftwatch.kb.sites import Site
from liftwatch.store import Store
from liftwatch.tracks.clean import clean_points
from liftwatch.tracks.guesses import DEFAULT_MIN_CONFIDENCE, check_min_confidence

if TYPE_CHECKING:
    from matplotlib.axes import Axes

SVG_W, SVG_H = 320, 200


class StoreRef:
    """The store a notebook session opened; objects created from it keep this, not the store itself.

    After ``lw.close()`` every object that needs the database says so clearly instead of leaking DuckDB's
    ``ConnectionException``; what was already read (rows, cached tracks) stays usable.
    """

    def __init__(self, store: Store) -> None:
        self._store: Store | None = store
        self.path = store.path

    @property
    def store(self) -> Store:
        if self._store is None:
            raise LiftwatchError(
                f"{self.path}: this liftwatch database was closed; open it again with liftwatch.open()"
            )
        return self._store

    @property
    def closed(self) -> bool:
        return self._store is None

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def track_coords(geometry: object) -> list[list[float]]:
    """``[[lon, lat], ...]`` of a stored flight's ``geometry`` (empty when missing or unreadable)."""
    if not isinstance(geometry, str) or not geometry:
        return []
    try:
        raw = json.loads(geometry)
    except ValueError:
        return []
    return [[float(p[0]), float(p[1])] for p in raw if isinstance(p, list) and len(p) >= 2]


def svg(lines: list[list[list[float]]], width: int = SVG_W, height: int = SVG_H) -> str:
    """A small equirectangular SVG of some tracks (lon/lat coordinate lists), scaled to fit with a margin."""
    pts = [p for line in lines for p in line]
    if not pts:
        return ""
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    x0, x1, y0, y1 = min(lons), max(lons), min(lats), max(lats)
    span = max(x1 - x0, y1 - y0, 0.05)
    scale = min((width - 20) / span, (height - 20) / span)

    def xy(p: list[float]) -> str:
        return f"{10 + (p[0] - x0) * scale:.1f},{height - 10 - (p[1] - y0) * scale:.1f}"

    paths = "".join(
        f'<polyline fill="none" stroke="#c0392b" stroke-width="1.5" points="{" ".join(xy(p) for p in line)}"/>'
        for line in lines
        if line
    )
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" style="background:#f4f6f8">{paths}</svg>'


def _site(site_id: object) -> Site | None:
    if not isinstance(site_id, str) or not site_id:
        return None
    try:
        return kb.site(site_id)
    except KeyError:  # an id the knowledge base does not (or no longer) know
        return None


class Flight:
    """One stored flight or voyage; attributes mirror the flights table (``flight.arr_site``, ``.ending``)."""

    def __init__(self, row: dict[str, Any], ref: StoreRef | None = None) -> None:
        self.row = row
        self._ref = ref

    def __getattr__(self, name: str) -> object:
        row = self.__dict__.get("row", {})
        if name in row:
            return row[name]
        raise AttributeError(name)

    @property
    def id(self) -> str:
        return str(self.row["flight_id"])

    @property
    def asset_id(self) -> str:
        return str(self.row["asset_id"])

    @property
    def first_ts(self) -> datetime:
        value: datetime = self.row["first_ts"]
        return value

    @property
    def last_ts(self) -> datetime:
        value: datetime = self.row["last_ts"]
        return value

    @property
    def callsigns(self) -> list[str]:
        return list(self.row.get("callsigns") or [])

    @property
    def ending(self) -> str | None:
        value = self.row.get("ending")
        return str(value) if value is not None else None

    @cached_property
    def track(self) -> pl.DataFrame:
        """The flight's cleaned points, read from the store and cleaned as the pipeline did (once, then cached)."""
        if self._ref is None:
            raise LiftwatchError("this Flight is not attached to a store")
        pts = self._ref.store.points(
            assets=[self.asset_id], start=self.first_ts, end=self.last_ts + timedelta(microseconds=1)
        )
        cleaned, _ = clean_points(pts)
        return cleaned

    @property
    def coordinates(self) -> list[list[float]]:
        """The stored simplified track as [lon, lat] pairs (no store access)."""
        return track_coords(self.row.get("geometry"))

    @property
    def __geo_interface__(self) -> dict[str, Any]:
        """GeoJSON Feature of the simplified track (shapely, geopandas and folium read this)."""
        coords = self.coordinates
        geom: dict[str, Any] = (
            {"type": "LineString", "coordinates": coords}
            if len(coords) >= 2
            else {"type": "Point", "coordinates": coords[0] if coords else []}
        )
        keep = ("flight_id", "asset_id", "domain", "classification", "dep_site", "arr_site", "ending", "arr_conf")
        props = {k: self.row.get(k) for k in keep}
        props["first_ts"], props["last_ts"] = self.first_ts.isoformat(), self.last_ts.isoformat()
        props["callsigns"] = self.callsigns
        return {"type": "Feature", "geometry": geom, "properties": props}

    def neighbours(self) -> tuple[Flight | None, Flight | None]:
        """The same airframe's previous and next stored flights (what it did before and after this one)."""
        if self._ref is None:
            raise LiftwatchError("this Flight is not attached to a store")
        store = self._ref.store
        before = store.sql(
            "SELECT * FROM flights WHERE asset_id = ? AND first_ts < ? ORDER BY first_ts DESC LIMIT 1",
            [self.asset_id, self.first_ts],
        )
        after = store.sql(
            "SELECT * FROM flights WHERE asset_id = ? AND first_ts > ? ORDER BY first_ts LIMIT 1",
            [self.asset_id, self.first_ts],
        )
        return tuple(Flight(df.row(0, named=True), self._ref) if df.height else None for df in (before, after))  # type: ignore[return-value]

    def _confident(self, side: str, min_confidence: float) -> str | None:
        check_min_confidence(min_confidence)
        site = self.row.get(f"{side}_site")
        conf = self.row.get(f"{side}_conf")
        return site if isinstance(site, str) and (conf or 0.0) >= min_confidence else None

    def landing_site(self, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Site | None:
        """The knowledge-base site it landed at, or the probable destination of an airborne end when its
        confidence reaches ``min_confidence`` (pass 0 for the top-1 guess however weak); else None."""
        return _site(self._confident("arr", min_confidence))

    def takeoff_site(self, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Site | None:
        """The site it took off from (or probably came from), when confident enough; else None."""
        return _site(self._confident("dep", min_confidence))

    def _shown(self, side: str) -> str:
        """A site as displays show it: ``SITE`` when confident, ``SITE?`` when only a guess, ``?`` when none."""
        site = self.row.get(f"{side}_site")
        if not site:
            return "?"
        return str(site) if (self.row.get(f"{side}_conf") or 0.0) >= DEFAULT_MIN_CONFIDENCE else f"{site}?"

    def candidates(self) -> pl.DataFrame:
        """Ranked arrival candidates: site_id, prob, distance_km."""
        c = self.row.get("arr_candidates") or []
        return pl.DataFrame(c, schema={"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32})

    def evidence(self) -> dict[str, Any]:
        raw = self.row.get("evidence")
        out = json.loads(raw) if isinstance(raw, str) else {}
        return out if isinstance(out, dict) else {}

    def plot(self, ax: Axes | None = None, **kwargs: Any) -> Axes:
        """Draw the track (lon/lat) with its departure and arrival sites on a Matplotlib axes."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(6, 4))
        coords = self.coordinates
        if coords:
            ax.plot([p[0] for p in coords], [p[1] for p in coords], label=kwargs.pop("label", self.id), **kwargs)
        for s, marker in ((self.takeoff_site(), "^"), (self.landing_site(), "v")):
            if s is not None:
                ax.plot(s.lon, s.lat, marker, color="black")
                ax.annotate(s.name, (s.lon, s.lat), fontsize=8, xytext=(3, 3), textcoords="offset points")
        ax.set_xlabel("longitude")
        ax.set_ylabel("latitude")
        return ax

    def _header(self) -> str:
        r = self.row
        conf = r.get("arr_conf")
        return f"{self.id}: {r.get('start_kind') or ''} {self._shown('dep')} -> {self._shown('arr')}, {self.ending}" + (
            f", conf {conf:.2f}" if isinstance(conf, float) else ""
        )

    def __repr__(self) -> str:
        return f"Flight({self._header()})"

    def _repr_html_(self) -> str:
        r = self.row
        rows = [
            ("callsigns", " ".join(self.callsigns)),
            ("type", r.get("type_code")),
            ("class", r.get("classification")),
            ("from", f"{self._shown('dep')} {r.get('dep_time') or ''}"),
            ("to", f"{self._shown('arr')} {r.get('arr_time') or ''}"),
            ("ending", self.ending),
        ]
        cells = "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v or ''))}</td></tr>" for k, v in rows)
        return (
            f"<div><b>Flight {escape(self.id)}</b><div style='display:flex;gap:1em'>"
            f"<table>{cells}</table>{svg([self.coordinates])}</div></div>"
        )


def get_flight(ref: StoreRef, flight_id: str) -> Flight:
    """One stored flight by id (LiftwatchError naming the id when absent)."""
    df = ref.store.flights("flight_id = ?", [flight_id])
    if df.height == 0:
        raise LiftwatchError(f"no flight {flight_id!r} (run `liftwatch flights build` first?)")
    return Flight(df.row(0, named=True), ref)
