"""A ship's port the kb's own reading of a name misses: a port phrase round a town's name, and a town the kb knows
only by another script's name whose port only the World Port Index holds.

The index is in Latin script and asked by exact names (:func:`~liftwatch.kb.port_index.port_named`), so a ship's
"Fujairah" reached the index's Al Fujayrah while "الفجيرة", which the kb reads as Fujairah's airport, found no port,
and "ميناء إزمير" ("the port of Izmir") none either, though "إزمير" alone was a ship's Izmir. Both readings here are
tried only after the others failed (:func:`~liftwatch.kb.places.resolve_place` with ``carrier="sea"``), and both
end at a port or naval base, never at the town's airfield:

* a port phrase ("ميناء X", "порт X", "port of X", "X port", "Bandar-e X") is the port the town's name means for a
  ship, when it means one;
* a Russian town's name in an oblique case ("в Сурабайе", "порту Феодосии") is the index port its nominative names
  exactly ("Сурабайя", "Феодосия"), as the kb reads its own declined names (:func:`~liftwatch.kb.place_forms.declined`);
* a town's name that the kb reads as an airfield (the town's one airport, or a city of the city tables with one
  airfield) is the index port named as that airfield's town in Latin script: the airfield's own name without its
  generic words ("Fujairah" of "Fujairah International Airport") or the city the typed name is another language's
  name of ("Aqaba" for "العقبة"), within :data:`~liftwatch.kb.ports.PORT_MAX_KM` of the airfield. Not the city the
  airport table files a field under: Komaki's air base is filed under Nagoya, whose harbour is no port of Komaki's.

Neither takes a town the kb found only by a fuzzy match: a port is not guessed from a name that merely looks like
another (the World Port Index tier is never fuzzy either).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from liftwatch.errors import PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._text import name_words
from liftwatch.kb.carriers import carrier_of_kind
from liftwatch.kb.cities import cities_named
from liftwatch.kb.place_refs import PlaceRef, _site_ref
from liftwatch.kb.port_index import port_named, town_in_phrase
from liftwatch.kb.ports import PORT_MAX_KM
from liftwatch.kb.ru_forms import nominatives
from liftwatch.kb.sites import site


def town_port(text: str) -> PlaceRef | None:
    """The port a ship's port phrase names by its town ("ميناء إزمير": the port of Izmir; "Bandar-e Jask": Jask's),
    or None when ``text`` is no port phrase or its town means no port for a ship."""
    from liftwatch.kb.places import resolve_place

    town = town_in_phrase(text)
    if not town:
        return None
    try:
        ref = resolve_place(town, carrier="sea")
    except PlaceError:
        return None
    if ref.kind != "site" or ref.matched == "fuzzy" or carrier_of_kind(site(ref.id).kind) != "sea":
        return None
    return replace(ref, text=text)


def declined_index_port(text: str) -> PlaceRef | None:
    """The World Port Index port a Russian town's name in an oblique case names, alone or in a port phrase ("в
    Сурабайе", "порту Феодосии": Surabaya's, Feodosiya's), by the name's nominatives, exactly; or None."""
    town = town_in_phrase(text) or text
    for nominative in nominatives(town.strip()):
        found = port_named(nominative)
        if found is not None:
            return _site_ref(text, found, "alias")
    return None


def index_port_of_town(text: str) -> PlaceRef | None:
    """The World Port Index port of the town whose airfield ``text`` names in another script ("الفجيرة": Al
    Fujayrah, beside Fujairah's airport), or None."""
    from liftwatch.kb.places import resolve_place

    try:
        ref = resolve_place(text)
    except PlaceError:
        return None
    if ref.kind != "site" or ref.matched == "fuzzy":
        return None
    field = site(ref.id)
    if carrier_of_kind(field.kind) == "sea":
        return None
    towns = [" ".join(name_words(field.name)), *(c.name for c in cities_named(text))]
    for town in dict.fromkeys(towns):
        found = port_named(town)
        if found is None:
            continue
        port = site(found)
        near = haversine_km(np.array([field.lat]), np.array([field.lon]), port.lat, port.lon)
        if float(near[0]) <= PORT_MAX_KM:
            return _site_ref(text, found, "alias")
    return None
