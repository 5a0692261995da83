"""Build FLIGHT_SCHEMA flights and coverage points for verdict tests (no tracks engine needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.schema import FLIGHT_SCHEMA

T0 = datetime(2024, 12, 10, 8, 0, tzinfo=UTC)


def flight(
    asset_id: str,
    dep: str | None,
    arr: str | None,
    when: datetime,
    *,
    type_code: str | None = "IL76",
    country: str | None = "RU",
    domain: str = "air",
    ending: str = "landed",
    candidates: list[tuple[str, float]] | None = None,
    registration: str | None = None,
    classification: str = "state",
    hours: float = 4.0,
    callsign: str | None = "RFF7012",
) -> dict[str, Any]:
    """One flights-table row with sensible defaults."""
    end = when + timedelta(hours=hours)
    cands = [{"site_id": s, "prob": p, "distance_km": 10.0} for s, p in (candidates or [])]
    if not cands and arr is not None:
        cands = [{"site_id": arr, "prob": 1.0, "distance_km": 1.0}]
    return {
        "flight_id": f"{asset_id}-{when:%Y%m%dT%H%M%SZ}",
        "domain": domain,
        "asset_id": asset_id,
        "callsigns": [callsign] if callsign else [],
        "registration": registration,
        "type_code": type_code,
        "country": country,
        "operator": None,
        "classification": classification,
        "first_ts": when,
        "last_ts": end,
        "dep_site": dep,
        "dep_time": when if dep else None,
        "dep_conf": 0.9 if dep else None,
        "start_kind": "takeoff" if dep else "in_air",
        "arr_site": arr,
        "arr_time": end if ending == "landed" else None,
        "arr_conf": 0.9 if arr else None,
        "ending": ending,
        "arr_candidates": cands,
        "distance_km": 2000.0,
        "duration_s": hours * 3600,
        "n_points": 500,
        "last_lat": None,
        "last_lon": None,
        "last_alt_ft": None,
        "geometry": None,
        "evidence": "{}",
    }


def flights_table(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=FLIGHT_SCHEMA)


def coverage_points(
    lat: float, lon: float, start: datetime, days: int, *, per_day: int = 30, domain: str = "air", asset: str = "4b1805"
) -> pl.DataFrame:
    """Other traffic seen near (lat, lon) every day of a window: what 'good coverage' looks like."""
    n = days * per_day
    ts = [start + timedelta(days=i // per_day, minutes=10 * (i % per_day)) for i in range(n)]
    rng = np.random.default_rng(1)
    return pl.DataFrame(
        {
            "source": ["test"] * n,
            "domain": [domain] * n,
            "asset_id": [asset] * n,
            "ts": ts,
            "lat": (lat + rng.uniform(-0.2, 0.2, n)).tolist(),
            "lon": (lon + rng.uniform(-0.2, 0.2, n)).tolist(),
            "alt_baro_ft": [30000.0] * n,
        }
    )
