"""A sea an end of the movement lies on is no stop on the way: "left Tartus ... in the Mediterranean" has no via.

The annotation's rule 44: a sea or gulf a carrier entered, reached or crossed is a ``via`` only where neither its
origin nor its goal lies on it; the end already says it ("from Baltiysk, through the Baltic" is the voyage from
Baltiysk). A strait or a canal is always a via. Whether a port or an airfield lies on a sea is read from the kb:
the sea's polygon holds no site (a coastal airfield is "not in the Red Sea"), so the test looks around the site,
at points a short way off it in every bearing, vectorised over all bearings and all the end's sites at once.
"""

from __future__ import annotations

import numpy as np

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.water import is_passage, is_water_region
from liftwatch.kb.regions import points_in_region
from liftwatch.kb.sites import site

# how far off a site the sea may begin (km): a port's kb point can sit a few kilometres inland, at its town
_REACH_KM = 35.0
_BEARINGS = np.deg2rad(np.arange(0.0, 360.0, 22.5))
_KM_PER_DEG = 111.2


def _open_water(place: Place) -> bool:
    """A sea or gulf of the kb: water sailed into, not passed through."""
    return place.kind == "region" and is_water_region(place.id) and not is_passage(place)


def _site_points(place: Place) -> tuple[np.ndarray, np.ndarray]:
    lats: list[float] = []
    lons: list[float] = []
    for sid in place.site_ids[:8]:
        try:
            s = site(sid)
        except KeyError:
            continue
        lats.append(s.lat)
        lons.append(s.lon)
    return np.asarray(lats, dtype=np.float64), np.asarray(lons, dtype=np.float64)


def lies_on(sea_id: str, place: Place) -> bool:
    """Whether a site of ``place`` (a port, an airfield, a city's sites) lies within ``_REACH_KM`` of the sea."""
    if place.kind not in ("site", "city"):
        return False
    lat, lon = _site_points(place)
    if not lat.size or not np.isfinite(lat).all():
        return False
    d_lat = (_REACH_KM / _KM_PER_DEG) * np.cos(_BEARINGS)
    d_lon = (_REACH_KM / _KM_PER_DEG) * np.sin(_BEARINGS)
    cos_lat = np.clip(np.cos(np.deg2rad(lat)), 0.05, None)
    plat = (lat[:, None] + d_lat[None, :]).ravel()
    plon = (lon[:, None] + d_lon[None, :] / cos_lat[:, None]).ravel()
    return bool(points_in_region(sea_id, plat, plon).any())


def drop_seas_the_ends_lie_on(claims: list[Claim]) -> None:
    """Take out of each claim's vias a sea or gulf its origin or destination lies on (rule 44)."""
    for c in claims:
        ends = c.origin + c.destination
        if not c.via or not ends:
            continue
        c.via = [v for v in c.via if not (_open_water(v) and any(lies_on(str(v.id), e) for e in ends))]
