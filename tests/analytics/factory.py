"""Hand-built flights (FLIGHT_SCHEMA) with known answers, used until/besides the trajectory engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import polars as pl

from liftwatch.analytics import as_flights

TYPES = pl.DataFrame(
    {
        "type_code": ["IL76", "A124", "A320", "SU24"],
        "payload_low_t": [20.0, 40.0, 5.0, None],
        "payload_typical_t": [30.0, 60.0, 10.0, None],
        "payload_max_t": [47.0, 120.0, 16.0, None],
    }
)

REGIONS: dict[str, list[str]] = {
    "hmeimim": ["syria"],
    "al-khadim": ["eastern-libya", "libya"],
    "benina": ["eastern-libya", "libya"],
    "al-jufra": ["central-libya", "libya"],
    "LCLK": ["CY"],
    "LLBG": ["IL"],
    "OLBA": ["LB"],
}

SITES = {
    "hmeimim": (35.401, 35.949),
    "al-khadim": (32.153, 20.595),
    "benina": (32.097, 20.269),
    "al-jufra": (29.198, 16.001),
    "LCLK": (34.875, 33.625),
    "LLBG": (32.011, 34.887),
    "OLBA": (33.821, 35.488),
}

T0 = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)  # a Monday


def flight(
    fid: str,
    dep: str | None,
    arr: str | None,
    when: datetime,
    *,
    type_code: str | None = "IL76",
    ending: str = "landed",
    cands: list[tuple[str, float]] | None = None,
    classification: str = "military",
    asset: str | None = None,
    country: str = "RU",
    operator: str | None = "224th Flight Unit",
) -> dict[str, Any]:
    """One flight row; geometry is a straight line between the two sites (or towards the top candidate)."""
    a = SITES.get(dep or "", (34.0, 30.0))
    end_site = arr or (cands[0][0] if cands else None)
    b = SITES.get(end_site or "", (33.0, 25.0))
    if ending != "landed":  # stops 60 % of the way
        b = (a[0] + 0.6 * (b[0] - a[0]), a[1] + 0.6 * (b[1] - a[1]))
    geom = [[a[1], a[0]], [(a[1] + b[1]) / 2, (a[0] + b[0]) / 2], [b[1], b[0]]]
    return {
        "flight_id": fid,
        "domain": "air",
        "asset_id": asset or fid.split("-")[0],
        "callsigns": ["RFF7001"],
        "registration": "RA-78830",
        "type_code": type_code,
        "country": country,
        "operator": operator,
        "classification": classification,
        "first_ts": when,
        "last_ts": when + timedelta(hours=4),
        "dep_site": dep,
        "dep_time": when,
        "dep_conf": 0.95,
        "start_kind": "takeoff",
        "arr_site": arr if ending == "landed" else (cands[0][0] if cands else None),
        "arr_time": when + timedelta(hours=4) if ending == "landed" else None,
        "arr_conf": 0.9 if ending == "landed" else (cands[0][1] if cands else None),
        "ending": ending,
        "arr_candidates": [{"site_id": s, "prob": p, "distance_km": 100.0} for s, p in (cands or [])],
        "distance_km": 1500.0,
        "duration_s": 14400.0,
        "n_points": 300,
        "last_lat": b[0],
        "last_lon": b[1],
        "last_alt_ft": 0.0 if ending == "landed" else 18000.0,
        "geometry": str(geom).replace(" ", ""),
        "evidence": "{}",
    }


def frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    return as_flights(pl.DataFrame(rows, infer_schema_length=None))


def series_flights(
    counts: np.ndarray,
    dep: str,
    arr: str,
    *,
    prefix: str,
    classification: str = "civil",
    type_code: str = "A320",
    start: datetime = T0,
) -> list[dict[str, Any]]:
    """Flights realising a daily count series on one corridor (one airframe per flight id)."""
    rows = []
    for day, k in enumerate(counts):
        for j in range(int(k)):
            when = start + timedelta(days=day, minutes=37 * j)
            rows.append(
                flight(
                    f"{prefix}{day:03d}{j:02d}-x", dep, arr, when, type_code=type_code, classification=classification
                )
            )
    return rows
