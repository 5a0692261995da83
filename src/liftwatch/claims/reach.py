"""Could a named ship have been where a claim puts it, given where the data saw it?

"The Asian Dynasty docked at Tartus on 11 January" while AIS has the same ship off Charleston that morning is
not "no evidence": no ship covers 9,000 km in a day, so the claim is contradicted whether or not any receiver
covers Tartus. Each fix of the named asset in the window rules out the times it could not have reached the
claimed place at the fastest speed its domain allows; when the ruled-out times cover the whole window (with its
tolerance), the claim is impossible as stated. The speeds are generous on purpose (35 kn at sea, faster than
any cargo ship or landing ship sails), so the check only fires where no reading of the data leaves room.

Written here because it is a few interval sums over one asset's fixes (NumPy), not a trajectory library's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np
import polars as pl

from liftwatch.geodesy import haversine_km
from liftwatch.store import Store

MAX_KMH = {"sea": 35 * 1.852, "air": 1000.0}  # faster than any carrier of the domain travels


@dataclass(frozen=True)
class OutOfReach:
    """A fix that shows the asset could not have been at the claimed place in the claimed window."""

    role: str  # "origin", "destination" or "via"
    place: str
    asset_id: str
    ts: datetime
    lat: float
    lon: float
    km: float  # from the fix to the nearest site of the place
    kmh: float  # the domain's top speed

    def describe(self, name: str) -> str:
        return (
            f"{name} was tracked {self.km:,.0f} km from {self.place} at {self.ts:%Y-%m-%d %H:%M} UTC "
            f"({self.lat:.2f}, {self.lon:.2f}): even at {self.kmh:.0f} km/h it could not have been at the "
            f"claimed {self.role} within the window"
        )


def out_of_reach(
    store: Store,
    asset_ids: list[str],
    role: str,
    place: str,
    site_lat: np.ndarray,
    site_lon: np.ndarray,
    window: tuple[datetime, datetime],
    *,
    domain: str = "sea",
) -> OutOfReach | None:
    """The fix that rules the claim out, or None when some time in ``window`` leaves every fix in reach."""
    if not asset_ids or site_lat.size == 0:
        return None
    start, end = window
    fixes = store.sql(
        "SELECT asset_id, ts, lat, lon FROM points WHERE asset_id IN (SELECT unnest(?)) AND domain = ? "
        "AND ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ) AND lat IS NOT NULL AND lon IS NOT NULL",
        [asset_ids, domain, start, end],
    )
    if fixes.height == 0:
        return None
    kmh = MAX_KMH.get(domain, MAX_KMH["air"])
    for asset_id, one in fixes.sort("ts").group_by("asset_id", maintain_order=True):
        hit = _ruled_out(one, site_lat, site_lon, start, end, kmh)
        if hit is not None:
            row = one.row(hit, named=True)
            km = float(haversine_km(row["lat"], row["lon"], site_lat, site_lon).min())
            return OutOfReach(role, place, str(asset_id[0]), row["ts"], row["lat"], row["lon"], km, kmh)
    return None


def _ruled_out(
    fixes: pl.DataFrame, site_lat: np.ndarray, site_lon: np.ndarray, start: datetime, end: datetime, kmh: float
) -> int | None:
    """Index of the fix nearest the place, when the fixes together exclude every time of [start, end]; a fix at
    distance D at time t excludes the times within D / kmh hours of t."""
    lat = fixes["lat"].to_numpy()
    lon = fixes["lon"].to_numpy()
    km = np.min(haversine_km(lat[:, None], lon[:, None], site_lat[None, :], site_lon[None, :]), axis=1)
    t = (fixes["ts"].dt.epoch("ms").to_numpy() / 3.6e6).astype(np.float64)  # hours
    reach = km / kmh
    lo, hi = t - reach, t + reach
    a, b = start.timestamp() / 3600.0, end.timestamp() / 3600.0
    order = np.argsort(lo)
    lo, hi = lo[order], np.maximum.accumulate(hi[order])
    # the excluded intervals cover [a, b] when the first starts before a, none leaves a gap, and they reach b
    gaps = lo[1:] > hi[:-1]
    covered = lo[0] <= a and hi[-1] >= b and not np.any(gaps & (lo[1:] > a) & (hi[:-1] < b))
    if not covered:
        return None
    return int(np.argmin(km))
