"""A city's port: where a ship that "arrived in Qingdao" berthed, when the name alone resolves to the airport.

A bare city name is the city's airport (``resolve_place("Mogadishu")`` is Aden Adde International), because
flights are most of what the kb's places are asked for. A voyage's endpoint is a port, though, and reporting
names it by its city ("arrived in Mogadishu", "вошёл в Порт-Саид", "accosté à Qingdao", "رست في طرطوس").
:func:`port_of` answers which kb port (or naval base) that city's name stands for at sea: one whose own name
carries the city's ("Qingdao port", "Port of Mogadishu", "Tartus naval facility") and that lies within
``max_km`` of the place's airfields. A port is not taken by distance alone: a ship bound for an airport's city
is not bound for whatever harbour happens to be near that airport (the claim extractor's own nearest-berth
rule covers a berth a few km away). Where no curated port answers, the World Port Index tier may
(:mod:`liftwatch.kb.port_index`: "Haifa" is the index's Haifa, ``wpi-45080``), under the same rule; a curated port
always wins.
"""

from __future__ import annotations

import re

import numpy as np

from liftwatch.errors import PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._text import _folded as _folded_text
from liftwatch.kb._text import name_key, norm_key
from liftwatch.kb.place_refs import PlaceRef, _site_ref
from liftwatch.kb.places import resolve_place
from liftwatch.kb.port_index import carries, curated_ports, port_near
from liftwatch.kb.sites import SEA_KINDS, airportsdata_rows, site

#: How far a city's port may lie from its airfields: Qingdao's port is 38 km from Jiaodong airport, which
#: replaced Liuting in 2021; Port Sudan's 6 km. Farther than this a port is another town's.
PORT_MAX_KM = 60.0
#: Words that make a name an airfield's ("Komaki Air Base", "aéroport de Haïfa", "аэропорт", "مطار"), folded
_AIR_WORDS = frozenset(
    [
        "airport",
        "airbase",
        "air",
        "airfield",
        "aerodrome",
        "aeroport",
        "aerienne",
        "afb",
        "raf",
        "аэропорт",
        "авиабаза",
        "аэродром",
        "مطار",
        "جويه",
    ]
)
_MIN_NAME = 4  # a city key shorter than this ("Bar", "Ras") matches too many port names by accident


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


def _index_keys(ref: PlaceRef) -> set[str]:
    """The names a World Port Index port must carry for this place: the typed text and the place's own name
    without generic words ("Duqm" of "Duqm International Airport"), not the town the airport table files a field
    under (Komaki's air base is filed under Nagoya, whose harbour is no port of Komaki's); none when the text
    names an airfield ("Komaki Air Base"): a ship does not berth at one."""
    if _AIR_WORDS & set(re.split(r"[\W_]+", _folded_text(ref.text))):
        return set()
    return {k for k in (norm_key(ref.text), name_key(ref.name.split(",")[0])) if len(k) >= _MIN_NAME}


def port_of(place: PlaceRef | str, max_km: float = PORT_MAX_KM, index: bool = True) -> PlaceRef | None:
    """The kb port a city or airport's name means for a ship, or ``None`` when the kb holds none.

    ``place`` is a :class:`PlaceRef` or a name (resolved with :func:`resolve_place`; an unknown or ambiguous name
    is ``None``). A port or naval base is itself. A site or city gives the nearest port whose name carries the
    city's name and which lies within ``max_km`` of one of its airfields ("Mogadishu" -> ``mogadishu-port``,
    "Qingdao" -> ``qingdao-port``), else the World Port Index port so named and placed ("Haifa" -> ``wpi-45080``);
    a region or country gives ``None`` (it holds its ports already). ``index=False`` asks the curated ports only.
    """
    if isinstance(place, str):
        try:
            place = resolve_place(place)
        except PlaceError:
            return None
    if place.kind not in ("site", "city"):
        return None
    if place.kind == "site" and site(place.id).kind in SEA_KINDS:
        return place
    keys = _city_keys(place)
    where = [site(s) for s in place.site_ids]
    if not keys or not where:
        return None
    lat = np.array([s.lat for s in where])
    lon = np.array([s.lon for s in where])
    best: tuple[float, str] | None = None
    harbour_near = False  # a curated commercial port within reach, whatever its name
    for sid, plat, plon, names in curated_ports():
        d = float(np.min(haversine_km(lat, lon, plat, plon)))
        if d > max_km:
            continue
        harbour_near = harbour_near or site(sid).kind == "port"
        if carries(names, keys) and (best is None or d < best[0]):
            best = (d, sid)
    if best is not None:
        return _site_ref(place.text, best[1], "alias")
    # the World Port Index only where the kb curates no commercial port of the town: a city whose curated ports carry
    # other names (Istanbul: Ambarlı, Haydarpaşa; Abu Dhabi: Khalifa Port) leaves the choice to the text, not to the
    # index's entry for the town. A navy's base is no town's harbour: Simon's Town's naval base by Cape Town and the
    # Northern Fleet's by Murmansk leave a ship's Cape Town and Murmansk to the index's harbours of those names
    if harbour_near or not index:
        return None
    found = port_near(_index_keys(place), lat, lon, max_km)
    return _site_ref(place.text, found, "alias") if found else None
