"""Distances between kb sites and cited coordinates, for the tests that check a curated site against its
second source."""

from __future__ import annotations

from liftwatch import kb
from liftwatch.geodesy import haversine_km


def km_to(site_id: str, lat: float, lon: float) -> float:
    """Great-circle km from a kb site to a coordinate."""
    s = kb.site(site_id)
    return float(haversine_km(s.lat, s.lon, lat, lon))


def km(a: str, b: str) -> float:
    """Great-circle km between two kb sites."""
    sb = kb.site(b)
    return km_to(a, sb.lat, sb.lon)
