"""A claim's place as its carrier can use it: a ship's place is a port, an aircraft's an airfield.

Reporting names a town ("docked in Tobruk", "from Latakia") and leaves the kind of site to the reader; the kb
holds the town's airport and its port as different sites, so the place is swapped for the nearest site of the
carrier's kind, and a ship's town the kb knows only as an airport is its port (``kb.port_of``), else the city,
else unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from liftwatch.claims.model import Place
from liftwatch.claims.places import AIR_KINDS, SEA_KINDS, Gazetteer
from liftwatch.claims.textkey import norm_key
from liftwatch.geodesy import haversine_km
from liftwatch.kb.cities import cities_named
from liftwatch.kb.sites import airportsdata_rows

_AIRPORT_WORD = re.compile(r"airport|airfield|aéroport|аэропорт|مطار", re.I)


def for_domain(gaz: Gazetteer, place: Place, domain: str | None) -> Place:
    """Swap a site for the nearest one of the right kind (≤ 35 km): "Tobruk" for a ship is the port."""
    if place.kind != "site" or domain is None or place.id is None:
        return place
    want = AIR_KINDS if domain == "air" else SEA_KINDS
    if place.site_kind in want:
        return place
    me = gaz.curated_rows.get(place.id) or _row(gaz.kb.site(place.id))
    best: tuple[float, str] | None = None
    for sid, row in gaz.curated_rows.items():
        if row["kind"] not in want:
            continue
        d = _km(me["lat"], me["lon"], row["lat"], row["lon"])
        if d <= 35.0 and (best is None or d < best[0]):
            best = (d, sid)
    if best is None:
        return (_port_of(gaz, place) or _port_city(gaz, place)) if domain == "sea" else place
    out = gaz.site_place(best[1], place.text, f"{place.note}; {domain} site {best[0]:.0f} km from {place.name}")
    out.qualifiers = list(place.qualifiers)
    return out


def _port_of(gaz: Gazetteer, place: Place) -> Place | None:
    """The port the kb files under the airport's city ("à Qingdao": 38 km from its airport), ``kb.port_of``."""
    ref = gaz.kb.port_of(place.id) if place.id and hasattr(gaz.kb, "port_of") else None
    if ref is None:
        return None
    out = gaz.site_place(ref.id, place.text, f"{place.note}; kb.port_of: the port of {place.name}")
    out.qualifiers = list(place.qualifiers)
    return out


def _port_city(gaz: Gazetteer, place: Place) -> Place:
    """A ship's place the kb knows only as an airport ("to Havana", "в Гавану", "إلى هافانا"; the kb has no
    port there) is the city the airport serves, by its airfield's city name: the ship went to the city, not to
    its airport. Kept as the airport when the name was matched loosely (a fuzzy or romanised guess is not sure
    to be that city) or when the text itself says airport."""
    if "fuzzy" in place.note or "romanised" in place.note or _AIRPORT_WORD.search(place.text):
        return place
    site = gaz.kb.site(place.id) if place.id else None
    icao = getattr(site, "icao", None)
    row = airportsdata_rows().get(icao) if icao else None
    city = (row or {}).get("city") or ""
    if not city or norm_key(city) in ("", norm_key(getattr(site, "name", "") or "")):
        return place
    named = [c for c in cities_named(city) if c.country == getattr(site, "country", None)]
    if not named or len(named[0].site_ids) < 2:
        # a city of one airfield is that airfield by another name: the ship's place is a port the kb does
        # not hold, so it is unknown (the evidence says it cannot check it) rather than the airport
        note = f"{place.note}; a ship's place the kb knows only as the airport {place.name}: no port there"
        return Place(place.text, "unknown", None, place.text.strip(), note=note)
    out = gaz.city_place(place.id or "", place.text)
    key = norm_key(city)
    note = f"{place.note}; a ship's place the kb knows as an airport: the city of {place.name}"
    return replace(out, id=f"city:{key}", name=city, region_ids=(f"city:{key}",), note=note)


def _row(site: Any) -> dict[str, Any]:
    return {"lat": site.lat, "lon": site.lon, "kind": site.kind}


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(haversine_km(lat1, lon1, lat2, lon2))
