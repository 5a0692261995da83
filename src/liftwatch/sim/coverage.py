"""Receiver coverage: where a transponder would be heard if it were on, and how likely.

The model is line-of-sight from a list of feeder sites (the community networks' real geography: dense in
Cyprus, Turkey, Israel, Greece, Egypt's coast; a single feeder in Benghazi; none in central Libya or over
open sea far from coasts). A receiver hears a target out to the radio horizon of antenna and target heights,
1.23 * (sqrt(h_rx_ft) + sqrt(h_ac_ft)) NM, but never beyond its own maximum range (200-250 NM on real
feeders, set by antenna gain, cable loss and the local skyline), so high aircraft are heard further: the
effect that lets an analyst tell "switched off over a covered area" from "flew out of coverage".

Near the edge a real receiver does not stop at once: weak replies are lost more and more often over the last
~15 % of its reach, so the track of an airliner cruising away thins out before it stops. ``probability``
gives that per-point reception probability (the best receiver's, combined over receivers); ``covered`` is
the geometric truth (any receiver within reach at all). ``reception="ideal"`` keeps the older hard-edged
model (one 250 NM cap for every receiver, probability 1 inside), which reproduces scenarios made with it.

Ships use the same stations with a sea-level target (about 30 NM), plus sparse satellite AIS fixes anywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liftwatch.errors import LiftwatchError
from liftwatch.geodesy import EARTH_RADIUS_KM, KM_PER_NM, unit_vectors

# (name, lat, lon, antenna height ft above sea level, maximum range NM for high traffic)
RECEIVERS: tuple[tuple[str, float, float, float, float], ...] = (
    ("Larnaca", 34.90, 33.60, 300.0, 230.0),
    ("Paphos", 34.78, 32.42, 600.0, 240.0),
    ("Troodos", 34.93, 32.86, 3000.0, 250.0),
    ("Adana", 37.00, 35.30, 200.0, 210.0),
    ("Antakya", 36.20, 36.16, 1200.0, 220.0),
    ("Antalya", 36.90, 30.70, 300.0, 220.0),
    ("Istanbul", 41.00, 28.90, 300.0, 230.0),
    ("Izmir", 38.40, 27.10, 300.0, 220.0),
    ("Beirut", 33.85, 35.50, 500.0, 220.0),
    ("Haifa", 32.80, 35.00, 1000.0, 240.0),
    ("Tel Aviv", 32.08, 34.80, 300.0, 230.0),
    ("Amman", 31.95, 35.93, 2500.0, 250.0),
    ("Alexandria", 31.20, 29.90, 200.0, 210.0),
    ("Cairo", 30.05, 31.25, 300.0, 220.0),
    ("Marsa Matruh", 31.35, 27.24, 150.0, 200.0),
    ("Heraklion", 35.33, 25.13, 300.0, 230.0),
    ("Rhodes", 36.40, 28.20, 300.0, 220.0),
    ("Athens", 37.98, 23.73, 500.0, 240.0),
    ("Thessaloniki", 40.60, 22.95, 300.0, 220.0),
    ("Malta", 35.90, 14.50, 300.0, 230.0),
    ("Catania", 37.50, 15.07, 300.0, 220.0),
    ("Tunis", 36.80, 10.18, 300.0, 220.0),
    ("Tripoli", 32.88, 13.19, 200.0, 210.0),
    ("Misrata", 32.37, 15.09, 150.0, 200.0),
    ("Benghazi", 32.11, 20.08, 200.0, 210.0),
    ("Tobruk", 32.07, 23.95, 150.0, 200.0),
    ("Moscow", 55.75, 37.60, 500.0, 240.0),
    ("Rostov", 47.23, 39.70, 300.0, 220.0),
    ("Mineralnye Vody", 44.22, 43.10, 1500.0, 250.0),
    ("Volgograd", 48.70, 44.50, 300.0, 220.0),
)

MAX_RANGE_NM = 250.0  # the "ideal" model's single cap
RIM_FRACTION = 0.15  # share of a receiver's reach over which reception falls from certain to nothing
RECEPTIONS = ("realistic", "ideal")


def horizon_nm(
    antenna_ft: npt.ArrayLike, target_ft: npt.ArrayLike, max_nm: npt.ArrayLike = MAX_RANGE_NM
) -> npt.NDArray[np.float64]:
    """Radio line-of-sight distance (4/3 Earth): 1.23 * (sqrt(h1) + sqrt(h2)) NM with heights in feet,
    capped at the receiver's maximum range."""
    h1 = np.sqrt(np.maximum(np.asarray(antenna_ft, dtype=np.float64), 0.0))
    h2 = np.sqrt(np.maximum(np.asarray(target_ft, dtype=np.float64), 0.0))
    return np.asarray(np.minimum(1.23 * (h1 + h2), np.asarray(max_nm, dtype=np.float64)), dtype=np.float64)


@dataclass(frozen=True)
class Network:
    """A set of receivers and how their reception fades at the edge (``rim`` = 0: hard edge)."""

    names: tuple[str, ...]
    lat: npt.NDArray[np.float64]
    lon: npt.NDArray[np.float64]
    antenna_ft: npt.NDArray[np.float64]
    max_nm: npt.NDArray[np.float64]
    rim: float

    def _reach_and_distance(
        self, lat: npt.ArrayLike, lon: npt.ArrayLike, alt_ft: npt.ArrayLike
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
        u = unit_vectors(np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64))
        cosang = np.clip(u @ unit_vectors(self.lat, self.lon).T, -1.0, 1.0)  # (n, receivers)
        dist_nm = np.arccos(cosang) * EARTH_RADIUS_KM / KM_PER_NM
        target = np.asarray(alt_ft, dtype=np.float64)[:, None] + 50.0  # +50 ft: antenna on the airframe/mast
        reach = horizon_nm(self.antenna_ft[None, :], target, self.max_nm[None, :])
        return reach, dist_nm

    def probability(self, lat: npt.ArrayLike, lon: npt.ArrayLike, alt_ft: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Chance that at least one receiver hears a reply from each point (0 outside every receiver's reach)."""
        la = np.asarray(lat, dtype=np.float64)
        if la.size == 0 or self.lat.size == 0:
            return np.zeros(la.size, dtype=np.float64)
        reach, dist = self._reach_and_distance(la, lon, alt_ft)
        if self.rim <= 0.0:
            p = (dist <= reach).astype(np.float64)
        else:
            p = np.clip((reach - dist) / (self.rim * reach), 0.0, 1.0)
        return np.asarray(1.0 - np.prod(1.0 - p, axis=1), dtype=np.float64)

    def covered(self, lat: npt.ArrayLike, lon: npt.ArrayLike, alt_ft: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        """True where at least one receiver is within reach of the target (geometric truth)."""
        la = np.asarray(lat, dtype=np.float64)
        if la.size == 0 or self.lat.size == 0:
            return np.zeros(la.size, dtype=bool)
        reach, dist = self._reach_and_distance(la, lon, alt_ft)
        return np.asarray((dist < reach).any(axis=1), dtype=bool)


def network(reception: str = "realistic", receivers: Sequence[str] | None = None) -> Network:
    """The feeder network: all receivers, or only those named (e.g. one home receiver)."""
    if reception not in RECEPTIONS:
        raise LiftwatchError(f"unknown reception model {reception!r}; known: {', '.join(RECEPTIONS)}")
    rows = list(RECEIVERS)
    if receivers is not None:
        by_name = {r[0].lower(): r for r in RECEIVERS}
        unknown = [n for n in receivers if n.lower() not in by_name]
        if unknown:
            raise LiftwatchError(
                f"unknown receiver(s) {', '.join(unknown)}; known: {', '.join(r[0] for r in RECEIVERS)}"
            )
        rows = [by_name[n.lower()] for n in receivers]
    arr = np.asarray([r[1:] for r in rows], dtype=np.float64).reshape(-1, 4)
    ideal = reception == "ideal"
    return Network(
        names=tuple(r[0] for r in rows),
        lat=arr[:, 0],
        lon=arr[:, 1],
        antenna_ft=arr[:, 2],
        max_nm=np.full(len(rows), MAX_RANGE_NM) if ideal else arr[:, 3],
        rim=0.0 if ideal else RIM_FRACTION,
    )


DEFAULT_NETWORK = network()


def covered(lat: npt.ArrayLike, lon: npt.ArrayLike, alt_ft: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """True where at least one receiver of the default network is within reach (vectorised over points)."""
    return DEFAULT_NETWORK.covered(lat, lon, alt_ft)


@dataclass(frozen=True)
class Crop:
    """A data provider's bounding box (OpenSky samples are often cropped ~100 km around a city).

    Nothing outside it is delivered, whatever the receivers heard: a flight leaving the box left the data's
    coverage, it did not go dark.
    """

    lat_min: float
    lon_min: float
    lat_max: float
    lon_max: float

    def __post_init__(self) -> None:
        if not (-90.0 <= self.lat_min < self.lat_max <= 90.0 and -180.0 <= self.lon_min < self.lon_max <= 180.0):
            raise LiftwatchError(
                f"bad crop {self.lat_min},{self.lon_min},{self.lat_max},{self.lon_max}: "
                "want LAT_MIN,LON_MIN,LAT_MAX,LON_MAX with min < max, latitudes in [-90, 90], longitudes in [-180, 180]"
            )

    @classmethod
    def around(cls, lat: float, lon: float, km: float) -> Crop:
        """The box reaching ``km`` north, south, east and west of a point."""
        dlat = km / 111.32
        dlon = km / (111.32 * max(float(np.cos(np.radians(lat))), 1e-6))
        return cls(max(lat - dlat, -90.0), max(lon - dlon, -180.0), min(lat + dlat, 90.0), min(lon + dlon, 180.0))

    @classmethod
    def parse(cls, text: str) -> Crop:
        """``"LAT_MIN,LON_MIN,LAT_MAX,LON_MAX"`` (a box) or ``"LAT,LON,KM"`` (a box around a point)."""
        parts = [p.strip() for p in text.split(",")]
        try:
            vals = [float(p) for p in parts]
        except ValueError:
            vals = []
        if len(vals) == 3 and vals[2] > 0:
            return cls.around(*vals)
        if len(vals) != 4:
            raise LiftwatchError(
                f"bad crop {text!r}: want LAT_MIN,LON_MIN,LAT_MAX,LON_MAX (a box) or LAT,LON,KM (around a point)"
            )
        return cls(*vals)

    def contains(self, lat: npt.ArrayLike, lon: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        la, lo = np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
        inside = (la >= self.lat_min) & (la <= self.lat_max) & (lo >= self.lon_min) & (lo <= self.lon_max)
        return np.asarray(inside, dtype=bool)

    def as_list(self) -> list[float]:
        return [self.lat_min, self.lon_min, self.lat_max, self.lon_max]
