"""A city's port: where a ship that "arrived in Qingdao" berthed, when the name alone resolves to the airport.

A bare city name is the city's airport (``resolve_place("Mogadishu")`` is Aden Adde International), because
flights are most of what the kb's places are asked for. A voyage's endpoint is a port, though, and reporting
names it by its city ("arrived in Mogadishu", "вошёл в Порт-Саид", "accosté à Qingdao", "رست في طرطوس").
:func:`port_of` answers which kb port (or naval base) that city's name stands for at sea: one whose own name
carries the city's ("Qingdao port", "Port of Mogadishu", "Tartus naval facility") and that lies within
``max_km`` of the place's airfields. A port is not taken by distance alone: a ship bound for an airport's city
is not bound for whatever harbour happens to be near that airport (the claim extractor's own nearest-berth
rule covers a berth a few km away).
"""

from __future__ import annotations

from functools import cache

import numpy as np

from liftwatch.errors import PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._text import norm_key
from liftwatch.kb.place_refs import PlaceRef, _site_ref
from liftwatch.kb.places import resolve_place
from liftwatch.kb.sites import airportsdata_rows, site, sites

PORT_KINDS = ("port", "naval_base")
#: How far a city's port may lie from its airfields: Qingdao's port is 38 km from Jiaodong airport, which
#: replaced Liuting in 2021; Port Sudan's 6 km. Farther than this a port is another town's.
PORT_MAX_KM = 60.0
_MIN_NAME = 4  # a city key shorter than this ("Bar", "Ras") matches too many port names by accident


@cache
def _ports() -> tuple[tuple[str, float, float, tuple[str, ...]], ...]:
    """(site_id, lat, lon, name keys) of every kb port and naval base."""
    df = sites().filter(sites()["kind"].is_in(list(PORT_KINDS)))
    return tuple(
        (r["site_id"], r["lat"], r["lon"], tuple({norm_key(n) for n in [r["name"], *r["aliases"]]} - {""}))
        for r in df.iter_rows(named=True)
    )


def _city_keys(ref: PlaceRef) -> set[str]:
    """The names the place's city goes by: the typed text, the place's name and, for airfields, the city the
    airport table files them under ("Qingdao" for Qingdao Jiaodong International Airport)."""
    names = {ref.text, ref.name.split(",")[0]}
    if ref.kind == "site":
        s = site(ref.id)
        row = airportsdata_rows().get(s.icao or "") if s.icao else None
        if row and row.get("city"):
            names |= {part for part in str(row["city"]).split("/")}
    return {k for k in (norm_key(n) for n in names) if len(k) >= _MIN_NAME}


def port_of(place: PlaceRef | str, max_km: float = PORT_MAX_KM) -> PlaceRef | None:
    """The kb port a city or airport's name means for a ship, or ``None`` when the kb holds none.

    ``place`` is a :class:`PlaceRef` or a name (resolved with :func:`resolve_place`; an unknown or ambiguous name
    is ``None``). A port or naval base is itself. A site or city gives the nearest port whose name carries the
    city's name and which lies within ``max_km`` of one of its airfields ("Mogadishu" -> ``mogadishu-port``,
    "Qingdao" -> ``qingdao-port``); a region or country gives ``None`` (it holds its ports already).
    """
    if isinstance(place, str):
        try:
            place = resolve_place(place)
        except PlaceError:
            return None
    if place.kind not in ("site", "city"):
        return None
    if place.kind == "site" and site(place.id).kind in PORT_KINDS:
        return place
    keys = _city_keys(place)
    where = [site(s) for s in place.site_ids]
    if not keys or not where:
        return None
    lat = np.array([s.lat for s in where])
    lon = np.array([s.lon for s in where])
    best: tuple[float, str] | None = None
    for sid, plat, plon, names in _ports():
        if not any(n.startswith(k) or n.endswith(k) for n in names for k in keys):
            continue
        d = float(np.min(haversine_km(lat, lon, plat, plon)))
        if d <= max_km and (best is None or d < best[0]):
            best = (d, sid)
    return _site_ref(place.text, best[1], "alias") if best else None
