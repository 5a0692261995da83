"""Incremental flight splitting and events for live points: take-off, landing, new flight, going dark.

The batch flight builder (``liftwatch.tracks``) needs a whole track; a live feed needs a decision per batch.
So this keeps one small state per aircraft and applies simple, documented rules to each batch, vectorised
over the batch's points (the Python loop runs over the aircraft present in a batch, never over points):

* a new flight starts after a reception gap > 30 min, or > 10 min with the aircraft low (< 3000 ft or on the
  ground) on both sides (OPDI's split rules, see docs/tracks.md);
* **take-off**: a ground -> airborne transition, or a new flight whose first fix is low (< 3000 ft) and
  within 15 km of a known site; the departure site is the nearest knowledge-base site within 15 km;
* **landing**: airborne -> ground;
* **dark**: an airborne aircraft silent for ``dark_after_s`` while another aircraft was received within
  ~0.5 degree of its last fix within an hour of it, before or after (the receivers covered that airspace, so
  silence means the transponder, not the coverage, stopped). A cell keeps only each aircraft's latest time,
  so "before" means another aircraft's latest visit there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

NEW_FLIGHT_GAP_S = 1800.0
LOW_GAP_S = 600.0
LOW_FT = 3000.0
SITE_KM = 15.0
CELL_DEG = 0.5
MAX_ASSETS = 20_000  # aircraft states kept; beyond it the longest-silent are forgotten (flood of invented addresses)


@dataclass
class AssetState:
    asset_id: str
    flight_id: str
    first_ts: float
    last_ts: float
    last_lat: float | None = None
    last_lon: float | None = None
    last_alt: float | None = None
    last_pos_ts: float | None = None
    on_ground: bool = False
    callsigns: list[str] = field(default_factory=list)
    dep_site: str | None = None
    dep_time: float | None = None
    start_kind: str = "in_air"
    n_points: int = 0
    dark_reported: bool = False


@dataclass
class FlightEvent:
    kind: str  # takeoff | landing | dark | new_flight
    asset_id: str
    flight_id: str
    ts: float
    lat: float | None
    lon: float | None
    alt_ft: float | None
    site: str | None = None
    state: AssetState | None = None  # the flight as it was when the event happened (it may have ended since)

    @property
    def when(self) -> datetime:
        return datetime.fromtimestamp(self.ts, tz=UTC)


def _flight_id(asset: str, ts: float) -> str:
    return f"{asset}-{datetime.fromtimestamp(ts, tz=UTC):%Y%m%dT%H%M%SZ}"


def _nearest_site(lat: float, lon: float) -> str | None:
    try:
        from liftwatch import kb

        hits = kb.nearest_sites(lat, lon, radius_km=SITE_KM, limit=1)
    except Exception:  # the knowledge base is optional for live watching
        return None
    return hits[0][0].site_id if hits else None


class FlightTracker:
    """Per-aircraft live state; ``update(points)`` returns events, ``check_dark(now)`` the silent ones."""

    def __init__(
        self,
        *,
        dark_after_s: float = 600.0,
        coverage_window_s: float = 3600.0,
        site_lookup: object = None,
        max_assets: int = MAX_ASSETS,
    ) -> None:
        self.max_assets = max_assets
        self.evicted = 0
        self.dark_after_s = dark_after_s
        self.coverage_window_s = coverage_window_s
        self.assets: dict[str, AssetState] = {}
        self._cells: dict[tuple[int, int], dict[str, float]] = {}
        self._site = site_lookup if callable(site_lookup) else _nearest_site
        self.now = 0.0
        self._last_prune = 0.0

    def update(self, points: pa.Table) -> list[FlightEvent]:
        if points.num_rows == 0:
            return []
        df = pl.from_arrow(points.select(["asset_id", "ts", "lat", "lon", "alt_baro_ft", "on_ground", "callsign"]))
        assert isinstance(df, pl.DataFrame)
        df = df.with_columns(t=pl.col("ts").dt.epoch("us").cast(pl.Float64) / 1e6).sort(
            "asset_id", "t", maintain_order=True
        )
        self.now = max(self.now, float(df["t"].max() or 0.0))  # type: ignore[arg-type]
        self._update_coverage(df)
        pos = df.filter(pl.col("lat").is_not_null())
        # ground/air transitions inside the batch, per aircraft (vectorised)
        pos = pos.with_columns(
            ground=pl.col("on_ground").fill_null(False),
            prev_ground=pl.col("on_ground").fill_null(False).shift(1).over("asset_id"),
            prev_t=pl.col("t").shift(1).over("asset_id"),
        )
        changes = pos.filter(pl.col("prev_ground").is_not_null() & (pl.col("ground") != pl.col("prev_ground")))
        firsts = pos.group_by("asset_id", maintain_order=True).first()
        lasts = df.group_by("asset_id", maintain_order=True).agg(
            pl.col("t").max().alias("t_last"),
            pl.col("t").min().alias("t_first"),
            pl.col("callsign").drop_nulls().unique(maintain_order=True).alias("cs"),
            pl.len().alias("n"),
        )
        last_pos = pos.group_by("asset_id", maintain_order=True).last()
        events: list[FlightEvent] = []
        fmap = {r["asset_id"]: r for r in firsts.iter_rows(named=True)}
        pmap = {r["asset_id"]: r for r in last_pos.iter_rows(named=True)}
        cmap: dict[str, list[dict[str, Any]]] = {}
        for r in changes.iter_rows(named=True):
            cmap.setdefault(r["asset_id"], []).append(r)
        for r in lasts.iter_rows(named=True):
            events.extend(
                self._update_asset(r, fmap.get(r["asset_id"]), pmap.get(r["asset_id"]), cmap.get(r["asset_id"], []))
            )
        if len(self.assets) > self.max_assets:
            self._evict()
        return events

    def _evict(self) -> None:
        """Bounded memory whatever the feed: forget the longest-silent aircraft down to 90 % of ``max_assets``
        (and their coverage entries). Time-based pruning alone waits hours of feed time; a flood of invented
        addresses fills memory in seconds."""
        keep = int(self.max_assets * 0.9)
        order = sorted(self.assets.items(), key=lambda kv: kv[1].last_ts, reverse=True)
        self.assets = dict(order[:keep])
        self.evicted += len(order) - keep
        for cell in list(self._cells):
            fresh = {a: t for a, t in self._cells[cell].items() if a in self.assets}
            if fresh:
                self._cells[cell] = fresh
            else:
                del self._cells[cell]

    def _update_asset(
        self,
        agg: dict[str, Any],
        first: dict[str, Any] | None,
        last: dict[str, Any] | None,
        changes: list[dict[str, Any]],
    ) -> list[FlightEvent]:
        asset = str(agg["asset_id"])
        t_first, t_last = float(agg["t_first"]), float(agg["t_last"])
        st = self.assets.get(asset)
        events: list[FlightEvent] = []
        first_ground = bool(first["ground"]) if first is not None else None
        first_alt = first["alt_baro_ft"] if first is not None else None
        if (
            st is not None
            and not st.dark_reported
            and not st.on_ground
            and st.last_lat is not None
            and st.last_lon is not None
            and t_first - st.last_ts >= self.dark_after_s
            and self.covered_near(st.last_lat, st.last_lon, st.last_ts, asset)
        ):
            # silent long enough before this batch (a replay or a late batch can outrun the periodic check)
            events.append(self._dark(st))
        if st is not None and st.dark_reported and t_first > st.last_ts:
            st.dark_reported = False  # heard again
        new_flight = st is None
        if st is not None:
            gap = t_first - st.last_ts
            low_before = st.on_ground or (st.last_alt is not None and st.last_alt < LOW_FT)
            low_after = bool(first_ground) or (isinstance(first_alt, float) and first_alt < LOW_FT)
            new_flight = gap > NEW_FLIGHT_GAP_S or (gap > LOW_GAP_S and low_before and low_after)
        if new_flight:
            st = AssetState(asset, _flight_id(asset, t_first), t_first, t_first)
            self.assets[asset] = st
            events.append(FlightEvent("new_flight", asset, st.flight_id, t_first, None, None, None))
            if first is not None and not first_ground and isinstance(first_alt, float) and first_alt < LOW_FT:
                site = self._site(float(first["lat"]), float(first["lon"]))
                if site is not None:
                    events.append(self._takeoff(st, first, site))
        assert st is not None
        if first is not None and not new_flight and st.last_lat is not None and st.on_ground != first_ground:
            changes = [{**first, "ground": first_ground}, *changes]  # the state changed across the batch boundary
        for ch in changes:
            if ch["ground"]:
                site = self._site(float(ch["lat"]), float(ch["lon"]))
                events.append(
                    FlightEvent(
                        "landing", asset, st.flight_id, float(ch["t"]), ch["lat"], ch["lon"], ch["alt_baro_ft"], site
                    )
                )
            else:
                # a take-off after a ground stop starts a new flight
                if st.n_points > 0 and st.dep_time is not None:
                    st = AssetState(asset, _flight_id(asset, float(ch["t"])), float(ch["t"]), float(ch["t"]))
                    self.assets[asset] = st
                site = self._site(float(ch["lat"]), float(ch["lon"]))
                events.append(self._takeoff(st, ch, site))
        st.last_ts = max(st.last_ts, t_last)
        st.n_points += int(agg["n"])
        for cs in agg["cs"]:
            if cs not in st.callsigns:
                st.callsigns.append(cs)
        if last is not None:
            st.last_lat, st.last_lon = float(last["lat"]), float(last["lon"])
            st.last_alt = last["alt_baro_ft"] if isinstance(last["alt_baro_ft"], float) else st.last_alt
            st.last_pos_ts = float(last["t"])
            st.on_ground = bool(last["ground"])
        return events

    def _takeoff(self, st: AssetState, row: dict[str, Any], site: str | None) -> FlightEvent:
        st.dep_site, st.dep_time, st.start_kind = site, float(row["t"]), "takeoff"
        return FlightEvent(
            "takeoff",
            st.asset_id,
            st.flight_id,
            float(row["t"]),
            row["lat"],
            row["lon"],
            row["alt_baro_ft"],
            site,
        )

    def _dark(self, st: AssetState) -> FlightEvent:
        st.dark_reported = True
        return FlightEvent(
            "dark", st.asset_id, st.flight_id, st.last_ts, st.last_lat, st.last_lon, st.last_alt, state=replace(st)
        )

    # -- coverage and darkness ------------------------------------------------------------------------
    def _update_coverage(self, df: pl.DataFrame) -> None:
        cells = (
            df.filter(pl.col("lat").is_not_null())
            .with_columns(
                cy=(pl.col("lat") / CELL_DEG).floor().cast(pl.Int32),
                cx=(pl.col("lon") / CELL_DEG).floor().cast(pl.Int32),
            )
            .group_by("cy", "cx", "asset_id")
            .agg(pl.col("t").max())
        )
        for cy, cx, asset, t in cells.iter_rows():
            self._cells.setdefault((cy, cx), {})[asset] = t

    def covered_near(self, lat: float, lon: float, when: float, exclude: str) -> bool:
        """Was another aircraft received within ~0.5 degree of (lat, lon) within ``coverage_window_s`` of
        ``when`` (before or after)? Then the receivers covered that airspace and silence is the transponder's."""
        cy, cx = int(np.floor(lat / CELL_DEG)), int(np.floor(lon / CELL_DEG))
        for dy in (-1, 0, 1):
            for dx in (-1, 0, 1):
                for asset, t in self._cells.get((cy + dy, cx + dx), {}).items():
                    if asset != exclude and abs(t - when) <= self.coverage_window_s:
                        return True
        return False

    def check_dark(self, now: float | None = None) -> list[FlightEvent]:
        now = self.now if now is None else now
        out: list[FlightEvent] = []
        for st in self.assets.values():
            if st.dark_reported or st.on_ground or st.last_lat is None or st.last_lon is None:
                continue
            if now - st.last_ts < self.dark_after_s:
                continue
            if self.covered_near(st.last_lat, st.last_lon, st.last_ts, st.asset_id):
                out.append(self._dark(st))
        if now - self._last_prune >= 30.0:
            self._prune(now)
            self._last_prune = now
        return out

    def _prune(self, now: float, keep_s: float = 2 * 3600.0) -> None:
        """Bounded memory: forget aircraft older than ``keep_s`` and coverage older than the coverage window."""
        for asset in [a for a, st in self.assets.items() if now - st.last_ts > keep_s]:
            del self.assets[asset]
        cover_s = max(keep_s, self.coverage_window_s)
        for cell in list(self._cells):
            fresh = {a: t for a, t in self._cells[cell].items() if now - t <= cover_s}
            if fresh:
                self._cells[cell] = fresh
            else:
                del self._cells[cell]
