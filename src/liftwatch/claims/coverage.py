"""Was a place observed at all in a time window? Counts receiver points near it, in DuckDB.

"No flights seen" means two very different things depending on whether anything was seen there: with no
points at all the data simply does not cover the place ("no evidence, no coverage"); with points on most
days, silence is informative ("no evidence despite coverage", and for claims of repeated movements, a
contradiction). The test is deliberately simple and explicit: points within a box of ``margin_deg`` around
each of the place's sites (a region's sites; at most ``max_sites`` of them), in the window, of the claim's
domain; *good* when at least half the days have points and there are at least ``min_points`` of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np

from liftwatch.claims.model import Place
from liftwatch.claims.places import Gazetteer
from liftwatch.store import Store

GOOD_DAY_FRACTION = 0.5
MIN_POINTS = 20


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


@dataclass
class Coverage:
    """How well the data covers one place in the window."""

    place: str
    level: str  # none | sparse | good | unknown
    points: int = 0
    assets: int = 0
    days_with_data: int = 0
    days: int = 0

    def describe(self) -> str:
        if self.level == "unknown":
            return f"{self.place}: coverage unknown (place not in the knowledge base)"
        if self.level == "none":
            return f"{self.place}: no coverage (no points nearby in {_days(self.days)})"
        return (
            f"{self.place}: {self.level} coverage ({self.points:,} points from {self.assets} "
            f"asset{'s' if self.assets != 1 else ''} on {self.days_with_data}/{_days(self.days)})"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "place": self.place,
            "level": self.level,
            "points": self.points,
            "assets": self.assets,
            "days_with_data": self.days_with_data,
            "days": self.days,
        }


def coverage(
    store: Store,
    place: Place,
    start: datetime | None,
    end: datetime | None,
    gaz: Gazetteer,
    *,
    domain: str | None = None,
    margin_deg: float = 0.5,
    max_sites: int = 60,
) -> Coverage:
    """Points near ``place`` in [start, end) (whole store when no window)."""
    if not place.known or not place.site_ids:
        return Coverage(place.label(), "unknown")
    lat, lon = gaz.site_latlon(place.site_ids[:max_sites])
    ok = np.isfinite(lat) & np.isfinite(lon)
    lat, lon = lat[ok], lon[ok]
    if lat.size == 0:
        return Coverage(place.label(), "unknown")
    boxes = " OR ".join(
        f"(lat BETWEEN {a - margin_deg:.4f} AND {a + margin_deg:.4f} AND lon BETWEEN {o - margin_deg:.4f} AND {o + margin_deg:.4f})"
        for a, o in zip(lat.tolist(), lon.tolist(), strict=True)
    )
    clauses = [f"({boxes})"]
    params: list[Any] = []
    if start is not None and end is not None:
        clauses.append("ts >= CAST(? AS TIMESTAMPTZ) AND ts < CAST(? AS TIMESTAMPTZ)")
        params += [start, end]
    if domain:
        clauses.append("domain = ?")
        params.append(domain)
    row = store.sql(
        "SELECT count(*) AS n, count(DISTINCT asset_id) AS a, count(DISTINCT CAST(ts AS DATE)) AS d "
        f"FROM points WHERE {' AND '.join(clauses)}",
        params,
    ).row(0)
    if start is not None and end is not None:
        days = max(1, round((end - start).total_seconds() / 86400))
    else:
        span = store.sql("SELECT count(DISTINCT CAST(ts AS DATE)) AS d FROM points").row(0)
        days = max(1, int(span[0] or 0))
    n, assets, with_data = int(row[0] or 0), int(row[1] or 0), int(row[2] or 0)
    if n == 0:
        level = "none"
    elif with_data >= GOOD_DAY_FRACTION * days and n >= MIN_POINTS:
        level = "good"
    else:
        level = "sparse"
    return Coverage(place.label(), level, n, assets, with_data, days)
