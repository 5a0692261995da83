"""A claim's place as its carrier can use it: a ship's place is a port, an aircraft's an airfield.

Reporting names a town ("docked in Tobruk", "from Latakia") and leaves the kind of site to the reader; the kb
holds the town's airport and its port as different sites, so the place is swapped for the nearest site of the
carrier's kind, and a ship's town the kb knows only as an airport is its port (``kb.port_of``), else the city,
else unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial
from typing import Any

from liftwatch.claims.model import Place
from liftwatch.claims.place_lookup import AMBIGUOUS, SOUND_NOTE, PlaceLookup, without_site_word
from liftwatch.claims.places import Gazetteer, site_country
from liftwatch.claims.textkey import norm_key
from liftwatch.errors import PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb.cities import cities_named
from liftwatch.kb.ru_forms import ru_variants
from liftwatch.kb.sites import AIR_KINDS, SEA_KINDS, airportsdata_rows

_AIRPORT_WORD = re.compile(r"airport|airfield|aéroport|аэропорт|مطار", re.I)


AMBIGUOUS_NOTE = "kb.resolve_place: ambiguous for carrier"


def for_carrier(gaz: Gazetteer, place: Place, domain: str | None, home: tuple[str, ...] = ()) -> Place:
    """A claim's place read again once the claim's carrier is known (:meth:`Gazetteer.lookup` with the
    carrier: "Lattaquié" is Hmeimim for an aircraft, "Cartagena" Spain's naval base for a frigate, where the
    carrier-free reading was the other kind's site or no place at all), then :func:`for_domain`. Only a place
    the name's own lookup made is read again: one a rule chose otherwise (a site named elsewhere in the
    article, an Arabic skeleton within a country) keeps its choice. A name the carrier leaves shared between
    countries is the one of the country named after it, else the one of the actor's own state (``home``, ISO
    codes)."""
    by_town = domain == "sea" and (_is_city(place) or _is_country(place))
    if domain in ("air", "sea") and (place.kind in ("site", "unknown") or by_town):
        plain = gaz.lookup(place.text)
        made_here = (plain is None and place.kind == "unknown") or (plain is not None and plain.id == place.id)
        found = gaz.lookup(place.text, domain) if made_here else None
        if found is not None and found.note.startswith(AMBIGUOUS_NOTE) and place.qualifiers:
            found = _of_named_country(gaz, replace(found, qualifiers=list(place.qualifiers)), domain) or found
        if found is not None and found.note.startswith(AMBIGUOUS_NOTE) and home:
            found = _of_home_state(gaz, found, domain, home) or found
        if found is not None and found.id != place.id:
            place = replace(found, qualifiers=list(place.qualifiers))
    return for_domain(gaz, place, domain)


def _of_named_country(gaz: Gazetteer, place: Place, carrier: str) -> Place | None:
    """Of the sites a name is ambiguous between for the carrier ("Victoria" for a ship), the one of the country the
    words set off after the name say ("Victoria, Seychelles"), or None."""
    from liftwatch.claims.shared_places import by_country

    sites = _ambiguous_sites(gaz, place.text, carrier)
    sid = by_country(" ".join(place.qualifiers), sites) if sites else None
    if sid is not None:
        return gaz.site_place(sid, place.text, f"{place.note}; the country named after it")
    return None


def _of_home_state(gaz: Gazetteer, place: Place, carrier: str, home: tuple[str, ...]) -> Place | None:
    """Of the sites a name is ambiguous between for the carrier, the one in the actor's own state, when exactly
    one is: an Indian ship's "Kochi" is India's Kochi, not Japan's Kochi Ko, a British frigate's "Devonport" is
    Plymouth's, not Tasmania's. A navy's ship sails from and home to its own ports far more often than it calls
    at a foreign one of the same name; a name the text sets off with a country keeps that country
    (:func:`_of_named_country`, tried first). None when no site or several lie in the actor's state."""
    mine = [sid for sid, country in _ambiguous_sites(gaz, place.text, carrier).items() if country in home]
    if len(mine) == 1:
        return gaz.site_place(mine[0], place.text, f"{place.note}; the one in the actor's state")
    return None


def _ambiguous_sites(gaz: Gazetteer, name: str, carrier: str) -> dict[str, str]:
    """The sites ``kb.resolve_place`` leaves a name ambiguous between for the carrier, each with its country (ISO2,
    "" when the kb has none); empty when the name is not ambiguous."""
    try:
        gaz.kb.resolve_place(name, carrier=carrier)
    except PlaceError as e:
        return {sid: gaz.kb.site(sid).country or "" for sid in e.site_ids}
    return {}


def read_for_carrier(gaz: PlaceLookup, text: str, carrier: str) -> Place | None:
    """The phrase as an aircraft (``"air"``) or a ship (``"sea"``) uses it, through ``kb.resolve_place``'s
    ``carrier``: a name the text leaves open between an airfield and a port far apart ("Cartagena": Colombia's
    airport for a flight, Spain's naval base for a frigate) or that the gazetteer reads as a site of the other
    kind ("Севастополя", read as the naval base: Sevastopol's airport for an aircraft). The reading without a
    carrier (:meth:`Gazetteer.lookup`) stands when it is already of the carrier's kind, when it is a city or
    region, or when the kb has no site of that kind by the name (Tartus is a naval facility only, whoever goes
    there). Called through ``Gazetteer.lookup(text, carrier)``, which keeps one answer per (phrase, carrier)."""
    base = gaz.lookup(text)
    want = AIR_KINDS if carrier == "air" else SEA_KINDS
    # a ship's city is its port where the kb holds one (the corpus's rule 20: "left St Petersburg" is the port);
    # an aircraft's city stays the city, its airfield untold
    # and a ship's country named as its capital is named ("Djibouti", "Кувейт", the Russian "Алжир") is the
    # capital's port where the kb reads the name so for a ship (``kb.resolve_place(name, carrier="sea")``)
    ship_city = carrier == "sea" and base is not None and (_is_city(base) or _is_country(base))
    if base is not None and not (
        base.kind == "unknown" or (base.kind == "site" and base.site_kind not in want) or ship_city
    ):
        return base
    resolve_place = getattr(gaz.kb, "resolve_place", None)
    if resolve_place is None:
        return base
    key = norm_key(without_site_word(text))
    shared = False
    for variant in ru_variants(key):
        # the gazetteer's guards on the kb's answer (an ambiguous name is none, a loose match must look alike)
        found = gaz._resolve_place(partial(resolve_place, carrier=carrier), variant, text)
        # a name by ear stays with the reading without a carrier, which weighs it against the name's forms
        if isinstance(found, Place) and found.site_kind in want and not found.note.startswith(SOUND_NOTE):
            # a country's port must lie in it: "Индии" for a ship is no harbour a variant of the name reaches
            if base is not None and _is_country(base) and not _in_country(gaz, found, base):
                continue
            return replace(found, note=f"{found.note} (for carrier {carrier})")
        shared |= found is AMBIGUOUS
    if shared:
        # a ship's town whose harbours of that name lie in several countries ("Victoria": British Columbia's, the
        # Seychelles', Labuan's): the town or airport the airport tables rank first says nothing of the harbour
        return Place(text, "unknown", None, text, note=f"{AMBIGUOUS_NOTE} {carrier!r}")
    if base is not None and base.kind == "site" and base.id:
        # the site the name was read as, swapped by the kb for its town's site of the carrier's kind
        try:
            ref = resolve_place(base.id, carrier=carrier)
        except PlaceError:
            return base
        if ref.kind == "site" and ref.id != base.id:
            return gaz.site_place(ref.id, text, f"{base.note}; the {carrier} site of {base.name} (kb)")
    return base


def _is_city(place: Place) -> bool:
    return place.kind == "region" and (place.id or "").startswith("city:")


def _is_country(place: Place) -> bool:
    return place.kind == "region" and (place.id or "").startswith("country:")


def _in_country(gaz: PlaceLookup, site: Place, country: Place) -> bool:
    """Whether the kb puts ``site`` in ``country`` (a ``country:XX`` place)."""
    found = site_country(site, gaz.kb)
    return found is not None and f"country:{found}" == country.id


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
