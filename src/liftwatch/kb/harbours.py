"""Ports of one harbour: a naval base and the commercial port beside it are one place to a ship's track.

Tartus naval facility and Tartus commercial port lie 2 km apart, Tobruk's port and its naval quay closer still. A
ship's call is assigned to the nearer of the two, so a user who asks for the voyages of "Tartus" means both: the
sea pipeline pools them when it only infers a call (:func:`liftwatch.sea.portcalls.harbour_of`), and a voyage filter
widens a port to its harbour (:func:`same_harbour`). One distance serves both.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np

from liftwatch.geodesy import haversine_km

HARBOUR_KM = 5.0  # ports this close share one harbour


@cache
def _sea_points() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Every curated port and naval base and every index harbour: ids, latitudes, longitudes."""
    import polars as pl

    from liftwatch.kb.port_index import index_port_frame
    from liftwatch.kb.sites import SEA_KINDS, sites

    cur = sites().filter(pl.col("kind").is_in(list(SEA_KINDS))).drop_nulls(["lat", "lon"])
    both = pl.concat([cur.select("site_id", "lat", "lon"), index_port_frame().select("site_id", "lat", "lon")])
    ids = tuple(both["site_id"].to_list())
    lat = both["lat"].to_numpy()
    lon = both["lon"].to_numpy()
    return ids, lat, lon


def same_harbour(site_ids: Iterable[str], km: float = HARBOUR_KM) -> tuple[str, ...]:
    """``site_ids`` (in their order) and after them every port or naval base within ``km`` of one of them that is a
    port or naval base itself; airfields and unknown ids pass through unwidened."""
    given = list(dict.fromkeys(site_ids))
    ids, lat, lon = _sea_points()
    pos = {sid: i for i, sid in enumerate(ids)}
    rows = [pos[s] for s in given if s in pos]
    if not rows:
        return tuple(given)
    d = haversine_km(lat[rows][:, None], lon[rows][:, None], lat[None, :], lon[None, :])  # a few ports x thousands
    near = np.flatnonzero((d <= km).any(axis=0))
    return tuple(dict.fromkeys([*given, *(ids[i] for i in near)]))
