"""A place as an aircraft or a ship uses it: an airfield for an aircraft, a port or naval base for a ship.

Reporting names a town and leaves the kind of site to the reader: "landed in Latakia" is Hmeimim (Bassel al-Assad
airport), "docked in Latakia" the port; "a frigate reached Cartagena" is Spain's naval base, "a flight to
Cartagena" Colombia's airport. :func:`~liftwatch.kb.places.resolve_place` takes ``carrier="air"`` or ``"sea"`` and
answers through this module:

* among same-named places of both kinds that lie far apart (an airfield worth the name and a port more than
  :data:`~liftwatch.kb.ports.PORT_MAX_KM` apart, "Cartagena"), the carrier chooses; without a carrier the name is
  ambiguous, because either answer would be silently wrong for the other carrier. Same-named places of one town
  (Latakia's port and Hmeimim's "Latakia Airport") keep the kb's ranking;
* a resolved site of the other kind is swapped for its town's site of the carrier's kind: a ship's airport city is
  its port (:func:`~liftwatch.kb.ports.port_of`), an aircraft's port town its airfield (:func:`airfield_of`), both
  by the town's name within ``PORT_MAX_KM``, never by distance alone; where the kb holds none the name is unknown
  for that carrier (a :class:`~liftwatch.errors.PlaceError` saying so) rather than the other kind's site;
* a city, country or land region keeps only the sites of the carrier's kind (a city's port is no airfield).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Literal

import numpy as np

from liftwatch.errors import PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._text import name_key, norm_key
from liftwatch.kb.cities import City, cities_named, prominent
from liftwatch.kb.sites import SEA_KINDS, airportsdata_rows, site, sites

if TYPE_CHECKING:
    from liftwatch.kb.place_refs import PlaceRef

Carrier = Literal["air", "sea"]
CARRIERS: tuple[str, ...] = ("air", "sea")
#: How far a town's airfield and port may lie apart and still be one town's (Qingdao's port is 38 km from its
#: airport); the same figure as :data:`liftwatch.kb.ports.PORT_MAX_KM`.
TOWN_KM = 60.0
_MIN_KEY = 4  # "Bar", "Ras": shorter town keys match too many names by accident


def carrier_of_kind(kind: str) -> Carrier:
    """The carrier a site of this kind serves: ports and naval bases ships, every other kind aircraft."""
    return "sea" if kind in SEA_KINDS else "air"


def check_carrier(carrier: str | None) -> Carrier | None:
    """``carrier`` validated ("air", "sea" or None); anything else is a ValueError naming the choices."""
    if carrier is None or carrier in CARRIERS:
        return carrier  # type: ignore[return-value]
    raise ValueError(f"carrier {carrier!r} is not one of {', '.join(CARRIERS)}")


@cache
def _site_arrays() -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """Site ids, latitudes, longitudes and a ship-site mask of every kb site, for vectorised distances."""
    frame = sites()
    ids = frame["site_id"].to_list()
    sea = frame["kind"].is_in(list(SEA_KINDS)).fill_null(False).to_numpy()
    return ids, frame["lat"].to_numpy(), frame["lon"].to_numpy(), sea


def _far_apart(air: list[str], sea: list[str], km: float = TOWN_KM) -> bool:
    """Every airfield of ``air`` lies more than ``km`` from every port of ``sea`` (vectorised)."""
    a = [site(s) for s in air]
    for s in (site(x) for x in sea):
        d = haversine_km(np.array([x.lat for x in a]), np.array([x.lon for x in a]), s.lat, s.lon)
        if float(np.min(d)) <= km:
            return False
    return True


def _city_carrier(city: City) -> Carrier:
    """A same-named place's carrier: a place of ports only serves ships, any other aircraft."""
    kinds = {site(s).kind for s in city.site_ids}
    return "sea" if kinds and kinds <= SEA_KINDS else "air"


def choose_by_carrier(text: str, places: list[City], carrier: Carrier | None) -> list[City]:
    """Same-named places (ranked, best first) narrowed by the carrier. Only an airfield worth naming (curated,
    large or medium, in a kb region: :func:`~liftwatch.kb.cities.prominent`) competes with a port, so a namesake
    strip does not make a port's name ambiguous. Without a carrier, an airfield and a port far apart are an
    ambiguity listing both."""
    by = {c.id: _city_carrier(c) for c in places}
    air = [c for c in places if by[c.id] == "air" and prominent(c)]
    sea = [c for c in places if by[c.id] == "sea"]
    if carrier == "sea" and not sea and len(places) > 1:
        # a ship's town of a name several towns share is one with a port: "Georgetown" is George Town's airport on
        # Grand Cayman first, but the kb's Georgetown port is Guyana's, beside Cheddi Jagan airport
        # (a town with a curated port first: the World Port Index lists a harbour at many a namesake town)
        return (
            [c for c in places if _has_port(text, c, index=False)]
            or [c for c in places if _has_port(text, c)]
            or places
        )
    if not air or not sea:
        return places
    if carrier is not None:
        return [c for c in places if by[c.id] == carrier] or places
    if not _far_apart([s for c in air for s in c.site_ids], [s for c in sea for s in c.site_ids]):
        return places  # one town's airfield and port (Latakia): the kb's ranking decides
    labels = tuple(f"{site(c.site_ids[0]).name} (site {c.site_ids[0]}, for {by[c.id]})" for c in (air[0], sea[0]))
    raise PlaceError(text, "ambiguous (an airfield and a port far apart; give the carrier, air or sea)", labels)


def _has_port(text: str, city: City, index: bool = True) -> bool:
    """Whether the kb holds a port of this town's name near its airfields (:func:`~liftwatch.kb.ports.port_of`;
    ``index=False``: a curated one)."""
    from liftwatch.kb.place_refs import _city_ref
    from liftwatch.kb.ports import port_of

    return port_of(_city_ref(text, city, "alias"), index=index) is not None


def _town_keys(names: list[str]) -> set[str]:
    """A place's names as a town's name: without generic words ("Latakia Airport" -> latakia) and as written."""
    return {k for n in names for k in (name_key(n), norm_key(n)) if len(k) >= _MIN_KEY}


def _carries(name: str, town: str) -> bool:
    """``name`` begins or ends with the town's name ("latakiaairport", "porttoulon")."""
    return name.startswith(town) or name.endswith(town)


def _site_names(site_id: str) -> list[str]:
    """A site's names and, for an airport-table field, the city it is filed under ("Toulon/Hyeres/...")."""
    s = site(site_id)
    names = [s.name, *s.aliases]
    row = airportsdata_rows().get(s.icao or "") if s.icao else None
    if row and row.get("city"):
        names += [part for part in str(row["city"]).split("/") if part.strip()]
    return names


def named_as_town(text: str, site_id: str) -> bool:
    """Whether ``text`` is, as written, the town's name one of the site's own names begins or ends with ("Tobruk" for
    the port of Tobruk through "Tobruk port", "Latakia" for Hmeimim through "Latakia Airport"), not another site's
    name it was swapped from ("Hmeimim" for the port of Latakia) nor a name with its own kind of site ("Tobruk port"
    for the air base)."""
    town = norm_key(text)
    return len(town) >= _MIN_KEY and any(_carries(k, town) for k in _town_keys(_site_names(site_id)))


def airfield_of(site_id: str, text: str = "", max_km: float = TOWN_KM) -> str | None:
    """The airfield a port's town name means for an aircraft: the nearest air site within ``max_km`` whose own
    names carry the town's ("Port of Latakia" -> Hmeimim, "Latakia Airport"; "Naval port of Toulon" ->
    Toulon-Hyères), or None. Distances to every kb site are computed at once; names decide, never distance alone."""
    keys = _town_keys([text, *_site_names(site_id)])
    ids, lat, lon, sea = _site_arrays()
    me = site(site_id)
    dist = haversine_km(lat, lon, me.lat, me.lon)
    near = np.flatnonzero((dist <= max_km) & ~sea)
    for i in near[np.argsort(dist[near], kind="stable")]:
        theirs = _town_keys(_site_names(ids[i]))
        if any(_carries(t, k) or _carries(k, t) for t in theirs for k in keys):
            return str(ids[i])
    return None


def for_carrier(ref: PlaceRef, carrier: Carrier) -> PlaceRef:
    """``ref`` as the carrier uses it (see the module docstring); a site the kb cannot swap is a PlaceError."""
    from liftwatch.kb.place_refs import _site_ref
    from liftwatch.kb.ports import port_of

    if ref.kind == "site":
        kind = site(ref.id).kind
        if carrier_of_kind(kind) == carrier:
            return ref
        if carrier == "sea":
            other = _unshared(ref.text, port_of(ref))
        else:
            found = airfield_of(ref.id, ref.text)
            other = _site_ref(ref.text, found, ref.matched, ref.score) if found else None
        if other is None:
            what = "port or naval base" if carrier == "sea" else "airfield"
            raise PlaceError(
                ref.text, f"unknown for carrier {carrier} (the kb holds no {what} of this name)", (str(ref),)
            )
        return replace(other, matched=ref.matched, score=ref.score)
    if ref.kind == "city" and carrier == "sea":
        port = _unshared(ref.text, port_of(ref))
        return replace(port, matched=ref.matched, score=ref.score) if port else ref
    if ref.kind == "city":
        ref = city_airport(
            replace(ref, site_ids=tuple(s for s in ref.site_ids if carrier_of_kind(site(s).kind) == "air"))
        )
        if ref.kind == "site":
            return ref
    if ref.kind == "region" and ref.region_ids and _is_water(ref.id):
        return ref
    if ref.kind == "country" and carrier == "sea":
        capital = _capital_port(ref)
        if capital is not None:
            return replace(capital, matched=ref.matched, score=ref.score)
    kept = tuple(s for s in ref.site_ids if carrier_of_kind(site(s).kind) == carrier)
    return replace(ref, site_ids=kept)


def _unshared(text: str, port: PlaceRef | None) -> PlaceRef | None:
    """``port`` as a ship's reading of ``text``, unless ``port`` is a World Port Index harbour and the index holds
    harbours of that very name in other countries too: then the town the airport tables rank first chose it (a
    large airport makes British Columbia's Victoria the bare "Victoria"), which says nothing of the harbour a ship
    meant (the Seychelles' Port Victoria, Labuan's, ...), so the name is ambiguous and lists them. A curated port
    stays the reading: the kb curates the ports of the theatre it watches."""
    from liftwatch.kb.port_index import is_index_id, namesakes

    if port is None or not is_index_id(port.id):
        return port
    ports = dict.fromkeys([port.id, *namesakes(text)])
    if len({site(p).country for p in ports}) < 2:
        return port
    raise PlaceError(
        text,
        "ambiguous (harbours of several countries carry the name; name the country)",
        tuple(f"{site(p).name}, {site(p).country} (site {p})" for p in ports),
        tuple(ports),
    )


def city_airport(ref: PlaceRef) -> PlaceRef:
    """An aircraft's city of one airport beside air bases of names of their own: that airport ("Adana": Adana
    Airport, LTAF, not Incirlik, which reporting names by its own name); a city of one field worth the name (curated,
    a large or medium airport, in a kb region) among small strips: that field ("Dover": Dover AFB, not the private
    strips of other Dovers). A city of several airports (Moscow, Tripoli) or of air bases only stays what it is:
    choosing among them would be a guess."""
    from liftwatch.kb.place_refs import _site_ref

    if ref.kind != "city" or len(ref.site_ids) < 2:
        return ref
    from liftwatch.kb.lookup import prominent_site

    named = _curated_as(ref.text, ref.site_ids)
    if len(named) == 1:  # "Tver": the kb curated Migalovo under the town's bare name, not the civil Zmeyevo
        return replace(_site_ref(ref.text, named[0], ref.matched, ref.score), text=ref.text)
    worth = [s for s in ref.site_ids if prominent_site(s)]
    if len(worth) == 1:  # "Dover": Dover AFB, the one field worth the name among the towns' private strips
        return replace(_site_ref(ref.text, worth[0], ref.matched, ref.score), text=ref.text)
    kinds = {s: site(s).kind for s in ref.site_ids}
    airports = [s for s, k in kinds.items() if k == "airport"]
    if len(airports) != 1 or any(k not in ("air_base", "heliport") for s, k in kinds.items() if s != airports[0]):
        return ref
    town = {norm_key(ref.text), norm_key(ref.name.split(",")[0])} - {""}
    others = [s for s in ref.site_ids if s != airports[0]]
    if any(_carries(name_key(n), t) for s in others for n in (site(s).name, *site(s).aliases) for t in town):
        return ref  # "Riyadh Air Base" beside Riyadh's airport: the name means both
    return replace(_site_ref(ref.text, airports[0], ref.matched, ref.score), text=ref.text)


def _curated_as(text: str, site_ids: tuple[str, ...]) -> list[str]:
    """The one curated site among ``site_ids`` that carries ``text`` itself as an alias, when no other of them is
    curated or has scheduled service: a curator's word that the bare town name means that field ("Tver": Migalovo,
    not the small civil Zmeyevo), which the airport table's ranking cannot know. Where another field of the town is
    curated too (Tripoli's Mitiga, Minsk's Machulishchy) or is an airport with scheduled flights (Ulyanovsk's
    Baratayevka beside Vostochny) the name stays the city: which field is meant is the text's to say."""
    from liftwatch.kb.lookup import _index

    key = norm_key(text)
    rank = _index().rank
    curated = [s for s in site_ids if rank.get(s, (1,))[0] == 0]
    if not key or len(curated) != 1 or key not in {norm_key(a) for a in site(curated[0]).aliases}:
        return []
    if any((site(s).icao or "") in _scheduled_fields() for s in site_ids if s != curated[0]):
        return []
    return curated


@cache
def _scheduled_fields() -> frozenset[str]:
    """ICAO codes of the fields OurAirports marks as having scheduled service."""
    from liftwatch.kb.runways import airfields

    df = airfields()
    return frozenset(str(c) for c in df.filter(df["scheduled"] == 1)["icao"].to_list())


def capital_airfield(ref: PlaceRef) -> PlaceRef | None:
    """The airfield of a country's capital named like it ("aéroport de Djibouti": Djibouti-Ambouli, filed under
    "Djibouti City"), or None when the airport table files none, or several, under the country's name."""
    from liftwatch.kb.countries import countries
    from liftwatch.kb.place_refs import _site_ref

    iso2 = ref.id.split(":", 1)[-1]
    if iso2 not in countries():
        return None
    names = {norm_key(n) for n in [ref.text, *countries()[iso2].aliases]} - {""}
    towns = _airfields_by_town()
    found = sorted({icao for n in names for _, icao in towns.get((iso2, n), ())})
    if len(found) != 1:
        return None
    return _site_ref(ref.text, site(found[0]).site_id, ref.matched, ref.score)


def _capital_port(ref: PlaceRef) -> PlaceRef | None:
    """A ship's port of a country named like its capital ("Djibouti", "Джибути", "Алжир", "Kuwait"): the port whose
    own name carries the city's (:func:`~liftwatch.kb.ports.port_of`), or None. Without a carrier the name is the
    country, as a state's name is everywhere; a ship is bound for a port, and the country's ports are several
    ("Djibouti" holds Djibouti's and Doraleh's) while "arrived in Djibouti" means the one the city's name is."""
    from liftwatch.kb.countries import countries
    from liftwatch.kb.place_forms import country_code
    from liftwatch.kb.place_refs import _site_ref
    from liftwatch.kb.ports import port_of

    iso2 = ref.id.split(":", 1)[-1]
    if country_code(ref.text.strip()) != iso2:  # "воды Кувейта", "Kuwait's waters": the state's waters, no harbour
        return None
    names = {norm_key(n) for n in [ref.text, *countries()[iso2].aliases]} - {""}
    towns = _airfields_by_town()
    # the capital's airfields, filed under the country's name, in the airport table's order
    for _, icao in sorted(hit for n in names for hit in towns.get((iso2, n), ())):
        port = port_of(_site_ref(ref.text, site(icao).site_id, ref.matched))
        if port is not None:
            return port
    # the capital the kb's city tables give the country's very name ("Алжир", "الجزائر": Algiers and Algeria)
    for city in cities_named(ref.text):
        if city.country != iso2:
            continue
        for sid in city.site_ids:
            port = port_of(_site_ref(ref.text, site(sid).site_id, ref.matched))
            if port is not None:
                return port
    return None


@cache
def _airfields_by_town() -> dict[tuple[str, str], list[tuple[int, str]]]:
    """(ISO2, the town's key without a trailing "City": "Djibouti City", "Kuwait City") -> (row number, ICAO) of
    the airport table's fields there: built once, so that a country's name read for a ship does not scan the
    whole table."""
    out: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for i, (icao, row) in enumerate(airportsdata_rows().items()):
        city = re.sub(r"[\s-]+city$", "", str(row.get("city") or ""), flags=re.I)
        key = norm_key(city)
        if key:
            out.setdefault((str(row.get("country") or ""), key), []).append((i, icao))
    return out


def _is_water(region_id: str) -> bool:
    from liftwatch.kb.regions import regions

    region = regions().get(region_id)
    return region is not None and region.is_water
