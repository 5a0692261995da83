"""An airport named by its town and a generic word: "مطار عدن الدولي", "aéroport de Manille", "аэропорт Дананг".

The airport tables are English: a field's name without its generic words ("Aden International Airport" -> Aden)
is what the resolver compares, so the English "Aden airport" finds the field while the Arabic, French or Russian
phrase, whose town the kb knows only as a city name, found nothing. A phrase of airfield words and one name is
that name's airfields: the town as the kb resolves it (its city's airfields, or its one airfield; a port town's
airfield), never a port. A field actually named so ("Moscow Airport", a strip in Idaho) is found before this step
and keeps its name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from liftwatch.errors import PlaceError
from liftwatch.kb._text import norm_key

if TYPE_CHECKING:
    from liftwatch.kb.place_refs import PlaceRef

# the words that say "airfield" (folded as norm_key folds them), and the particles between them and the town
AIRFIELD_WORDS = frozenset(
    {
        "airport", "airfield", "aerodrome", "international", "intl", "aeroport", "aeroports", "aerodromo",
        "aeropuerto", "مطار", "الدولي", "دولي", "аэропорт", "аэропорта", "аэропорту", "аэродром", "аэродрома",
        "международныи", "международного",
    }
)  # fmt: skip
_PARTICLES = frozenset({"de", "d", "of", "the", "l", "du"})
_SPLIT = re.compile(r"[\s\-’']+")


def town_airport(text: str) -> PlaceRef | None:
    """The airfields of the town ``text`` names with airfield words, or None (no such word, no town, a region)."""
    from liftwatch.kb.carriers import for_carrier
    from liftwatch.kb.places import _exact

    words = [w for w in _SPLIT.split(text.strip()) if w]
    kept = [w for w in words if norm_key(w) not in AIRFIELD_WORDS]
    if len(kept) == len(words) or not any(norm_key(w) not in _PARTICLES for w in kept):
        return None
    while kept and norm_key(kept[0]) in _PARTICLES:
        kept = kept[1:]
    town = " ".join(kept)
    ref = _exact(town)
    if ref is None or ref.kind not in ("site", "city"):
        return None
    try:
        air = for_carrier(ref, "air")
    except PlaceError:  # a port town with no airfield of its name: no airport
        return None
    if not air.site_ids:
        return None
    if air.kind == "city" and len(air.site_ids) == 1:
        from liftwatch.kb.place_refs import _site_ref

        air = _site_ref(text, air.site_ids[0], ref.matched, ref.score)
    return replace(air, text=text)
