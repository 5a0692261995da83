"""Small synthetic tracks and a tiny site table for the tracks tests (no kb/sim needed)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, bearing_deg, destination, haversine_km
from liftwatch.schema import conform, points_frame

T0 = datetime(2025, 3, 1, 6, 0, tzinfo=UTC)

SITES = pl.DataFrame(
    {
        "site_id": ["hmeimim", "OSLK", "al-khadim", "benina", "HLLT", "LCLK", "OLBA"],
        "name": ["Hmeimim", "Bassel Al-Assad Intl", "Al-Khadim", "Benina", "Tobruk", "Larnaca", "Beirut"],
        "kind": ["air_base", "airport", "air_base", "airport", "airport", "airport", "airport"],
        "lat": [35.4011, 35.4011, 32.5250, 32.0968, 31.8610, 34.8751, 33.8209],
        "lon": [35.9487, 35.9487, 20.8800, 20.2695, 23.9070, 33.6249, 35.4884],
        "elevation_ft": [157.0, 157.0, 1000.0, 433.0, 519.0, 8.0, 87.0],
        "runway_headings": [
            [353.0, 173.0],
            [353.0, 173.0],
            [330.0, 150.0],
            [334.0, 154.0],
            [65.0, 245.0],
            [222.0, 42.0],
            [160.0, 340.0],
        ],
        "country": ["SY", "SY", "LY", "LY", "LY", "CY", "LB"],
        "region": ["syria", "syria", "eastern-libya", "eastern-libya", "eastern-libya", None, None],
        "icao": ["OSLK", "OSLK", None, "HLLB", "HLLT", "LCLK", "OLBA"],
        "iata": [None, "LTK", None, "BEN", "TOB", "LCA", "BEY"],
        "aliases": [[], [], [], [], [], [], []],
        "source": ["curated", "airportsdata", "curated", "curated", "airportsdata", "airportsdata", "airportsdata"],
    }
)


def site(sid: str) -> tuple[float, float, float]:
    r = SITES.filter(pl.col("site_id") == sid).row(0, named=True)
    return r["lat"], r["lon"], r["elevation_ft"]


def fly(
    asset: str,
    dep: str,
    arr: str,
    t0: datetime = T0,
    *,
    kt: float = 420.0,
    cruise_ft: float = 30000.0,
    dt_s: float = 10.0,
    ground_s: float = 300.0,
    callsign: str | None = "RFF7012",
    type_code: str | None = "IL76",
    dark_below_ft: float | None = None,
    start_above_ft: float | None = None,
    gap: tuple[float, float] | None = None,
) -> pl.DataFrame:
    """A great-circle flight with taxi, climb, cruise and a 3° descent; optionally cut (dark) or gapped.

    ``gap`` = (start fraction, end fraction) of the airborne distance with no fixes.
    """
    la0, lo0, e0 = site(dep)
    la1, lo1, e1 = site(arr)
    dist = float(haversine_km(la0, lo0, la1, lo1))
    brg = float(bearing_deg(la0, lo0, la1, lo1))
    v_kms = kt * KM_PER_NM / 3600.0
    t_air = dist / v_kms
    n_g = int(ground_s / dt_s)
    ta = np.arange(0.0, t_air, dt_s)
    s = ta * v_kms
    climb_ft_per_km = 2000.0 / (v_kms * 60.0)  # 2000 fpm
    glide_ft_per_km = 318.0 / KM_PER_NM
    alt = np.minimum.reduce([np.full_like(s, cruise_ft), e0 + s * climb_ft_per_km, e1 + (dist - s) * glide_ft_per_km])
    lat, lon = destination(np.full_like(s, la0), np.full_like(s, lo0), np.full_like(s, brg), s)
    vr = np.gradient(alt, ta) * 60.0 if ta.size > 1 else np.zeros_like(ta)
    keep = np.ones_like(s, dtype=bool)
    if gap is not None:
        keep &= ~((s >= gap[0] * dist) & (s <= gap[1] * dist))
    tail_ground = True
    if dark_below_ft is not None:
        past_top = s > dist / 2
        keep &= ~(past_top & (alt < dark_below_ft))
        tail_ground = False
    head_ground = True
    if start_above_ft is not None:
        keep &= ~((s < dist / 2) & (alt < start_above_ft))
        head_ground = False
    t = ta[keep] + (n_g * dt_s if head_ground else 0.0)
    frames = []
    if head_ground:
        frames.append(_ground(asset, la0, lo0, t0, np.arange(n_g) * dt_s, callsign, type_code))
    frames.append(
        pl.DataFrame(
            {
                "ts": [t0 + timedelta(seconds=float(x)) for x in t],
                "lat": lat[keep],
                "lon": lon[keep],
                "alt_baro_ft": alt[keep],
                "gs_kt": np.full(t.size, kt),
                "track_deg": np.full(t.size, brg),
                "vrate_fpm": vr[keep],
                "on_ground": np.zeros(t.size, dtype=bool),
            }
        ).with_columns(
            pl.lit(asset).alias("asset_id"), pl.lit(callsign).alias("callsign"), pl.lit(type_code).alias("type_code")
        )
    )
    if tail_ground:
        t_end = (n_g * dt_s) + t_air
        frames.append(_ground(asset, la1, lo1, t0, t_end + np.arange(n_g) * dt_s, callsign, type_code))
    df = pl.concat(frames, how="diagonal_relaxed").with_columns(
        pl.lit("test").alias("source"), pl.lit("air").alias("domain")
    )
    return points_frame(conform(df))


def _ground(
    asset: str, lat: float, lon: float, t0: datetime, t: np.ndarray, cs: str | None, tc: str | None
) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "ts": [t0 + timedelta(seconds=float(x)) for x in t],
            "lat": np.full(t.size, lat) + np.linspace(0, 0.005, t.size),
            "lon": np.full(t.size, lon),
            "gs_kt": np.full(t.size, 8.0),
            "on_ground": np.ones(t.size, dtype=bool),
        }
    ).with_columns(pl.lit(asset).alias("asset_id"), pl.lit(cs).alias("callsign"), pl.lit(tc).alias("type_code"))


def points(*frames: pl.DataFrame) -> pl.DataFrame:
    return pl.concat(frames, how="diagonal_relaxed").sort("asset_id", "ts")
