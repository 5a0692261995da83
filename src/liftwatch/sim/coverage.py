"""Receiver coverage: where a transponder would be heard if it were on.

The model is line-of-sight from a list of feeder sites (the community networks' real geography: dense in
Cyprus, Turkey, Israel, Greece, Egypt's coast; a single feeder in Benghazi; none in central Libya or over
open sea far from coasts). Range is the radio horizon of antenna and target heights, capped at 250 NM, so
high aircraft are heard further: exactly the effect that lets an analyst tell "switched off over a covered
area" from "flew out of coverage". Ships use the same stations with a sea-level target (about 40 NM), plus
sparse satellite AIS fixes anywhere.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from liftwatch.geodesy import EARTH_RADIUS_KM, KM_PER_NM, unit_vectors

# (name, lat, lon, antenna height ft)
RECEIVERS: tuple[tuple[str, float, float, float], ...] = (
    ("Larnaca", 34.90, 33.60, 300.0),
    ("Paphos", 34.78, 32.42, 600.0),
    ("Troodos", 34.93, 32.86, 3000.0),
    ("Adana", 37.00, 35.30, 200.0),
    ("Antakya", 36.20, 36.16, 1200.0),
    ("Antalya", 36.90, 30.70, 300.0),
    ("Istanbul", 41.00, 28.90, 300.0),
    ("Izmir", 38.40, 27.10, 300.0),
    ("Beirut", 33.85, 35.50, 500.0),
    ("Haifa", 32.80, 35.00, 1000.0),
    ("Tel Aviv", 32.08, 34.80, 300.0),
    ("Amman", 31.95, 35.93, 2500.0),
    ("Alexandria", 31.20, 29.90, 200.0),
    ("Cairo", 30.05, 31.25, 300.0),
    ("Marsa Matruh", 31.35, 27.24, 150.0),
    ("Heraklion", 35.33, 25.13, 300.0),
    ("Rhodes", 36.40, 28.20, 300.0),
    ("Athens", 37.98, 23.73, 500.0),
    ("Thessaloniki", 40.60, 22.95, 300.0),
    ("Malta", 35.90, 14.50, 300.0),
    ("Catania", 37.50, 15.07, 300.0),
    ("Tunis", 36.80, 10.18, 300.0),
    ("Tripoli", 32.88, 13.19, 200.0),
    ("Misrata", 32.37, 15.09, 150.0),
    ("Benghazi", 32.11, 20.08, 200.0),
    ("Tobruk", 32.07, 23.95, 150.0),
    ("Moscow", 55.75, 37.60, 500.0),
    ("Rostov", 47.23, 39.70, 300.0),
    ("Mineralnye Vody", 44.22, 43.10, 1500.0),
    ("Volgograd", 48.70, 44.50, 300.0),
)

MAX_RANGE_NM = 250.0


def horizon_nm(antenna_ft: npt.ArrayLike, target_ft: npt.ArrayLike) -> npt.NDArray[np.float64]:
    """Radio line-of-sight distance (4/3 Earth): 1.23 * (sqrt(h1) + sqrt(h2)) NM with heights in feet."""
    h1 = np.sqrt(np.maximum(np.asarray(antenna_ft, dtype=np.float64), 0.0))
    h2 = np.sqrt(np.maximum(np.asarray(target_ft, dtype=np.float64), 0.0))
    return np.asarray(np.minimum(1.23 * (h1 + h2), MAX_RANGE_NM), dtype=np.float64)


_RX = np.asarray([(r[1], r[2], r[3]) for r in RECEIVERS], dtype=np.float64)
_RXU = unit_vectors(_RX[:, 0], _RX[:, 1])


def covered(lat: npt.ArrayLike, lon: npt.ArrayLike, alt_ft: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """True where at least one receiver is within radio horizon of the target (vectorised over points)."""
    la = np.asarray(lat, dtype=np.float64)
    if la.size == 0:
        return np.zeros(0, dtype=bool)
    u = unit_vectors(la, np.asarray(lon, dtype=np.float64))
    cosang = np.clip(u @ _RXU.T, -1.0, 1.0)  # (n, receivers)
    dist_nm = np.arccos(cosang) * EARTH_RADIUS_KM / KM_PER_NM
    reach = horizon_nm(_RX[None, :, 2], np.asarray(alt_ft, dtype=np.float64)[:, None] + 50.0)
    return np.asarray((dist_nm <= reach).any(axis=1), dtype=bool)
