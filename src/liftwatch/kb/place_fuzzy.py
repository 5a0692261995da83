"""The last step of place resolution: the closest names when no exact reading matched, and when to trust one.

Kept apart from the exact readings (:mod:`liftwatch.kb.places`) because it answers a different question: not
"which place is called so" but "which place was probably meant", with its own thresholds and guards. A fuzzy
answer must score at least :data:`MIN_FUZZY_SCORE`, beat the next distinct place by :data:`MIN_MARGIN` and keep
the name's consonants (:mod:`liftwatch.kb.place_guard`); a name with a water word is compared with sites,
countries and cities without that word, so "Sea" does not make Shea Field a candidate for a sea.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from liftwatch.errors import PlaceError
from liftwatch.kb._text import norm_key
from liftwatch.kb.carriers import Carrier, carrier_of_kind
from liftwatch.kb.cities import cities_named, city_names
from liftwatch.kb.countries import countries, country_keys
from liftwatch.kb.lookup import PHONETIC_SCORE, prominent_site, search_sites, spelled_like
from liftwatch.kb.place_guard import PlaceKind, opposite_direction, place_skeletons, text_skeletons
from liftwatch.kb.place_refs import PlaceRef, _city_ref, _country_ref, _country_region, _region_ref, _site_ref
from liftwatch.kb.regions import _region_alias_index, regions
from liftwatch.kb.script_classes import scripts, sharing_keys
from liftwatch.kb.sites import site

MIN_FUZZY_SCORE = 90.0  # below this a fuzzy hit is a guess ("militray" -> Melita Airport), not a spelling variant
MIN_MARGIN = 3.0  # a fuzzy winner must beat the next distinct place by this much
# the generic word of a water body in the four languages ("Sea", "golfe d'", "море", "مضيق"): a sea-like name
_WATER_WORD = re.compile(
    r"(?<![\w-])(?:seas?|ocean|gulf|bay|straits?|channel|canal|mer|océan|golfe|baie|détroits?|manche)(?![\w-])"
    r"(?:\s+(?:of|de|du|des|d['’]))?|"
    r"(?<![\w-])(?:мор[еяюи]\w*|океан\w*|залив\w*|пролив\w*|канал\w*)(?![\w-])|"
    r"(?<!\S)(?:ال)?(?:بحر|محيط|خليج|مضيق|مضائق|قناة)(?!\S)",
    re.I,
)


def _extract(
    key: str, table: str, limit: int, words: dict[str, frozenset[str]] | None = None
) -> list[tuple[str, float]]:
    """Best distinct targets of the ``table`` of :data:`_TABLES` (alias key -> target id) for ``key`` by WRatio.
    ``words`` (alias key -> the keys of its words) marks a one-word name found only inside a longer word of an
    alias: no match either."""
    choices = _TABLES[table]()
    out: dict[str, float] = {}
    for alias, score in _closest(key, table, limit * 3):
        inside = words is not None and len(alias) > len(key) and key not in words.get(alias, frozenset({key}))
        if len(alias) < len(key) or inside:
            # a short alias inside a longer word is no match ("cina" in "fiumicino"), nor a word inside an alias's
            # longer word ("Восточный", eastern, in "Ближневосточный регион", the Middle East)
            score = max(fuzz.ratio(key, alias), 0.95 * fuzz.token_set_ratio(key, alias))
        out[choices[alias]] = max(out.get(choices[alias], 0.0), round(float(score), 1))
    return sorted(out.items(), key=lambda kv: -kv[1])[:limit]


@cache
def _city_table() -> dict[str, str]:
    return {k: k for k in city_names()}


#: The fuzzy lists of place names (alias key -> region id, ISO2 or city key), by name
_TABLES: dict[str, Callable[[], dict[str, str]]] = {
    "region": _region_alias_index,
    "country": country_keys,
    "city": _city_table,
}


@lru_cache(maxsize=64)
def _aliases(table: str, query_scripts: frozenset[str]) -> list[str]:
    """The alias keys of ``table`` a key written in ``query_scripts`` may share a character with
    (:func:`liftwatch.kb.script_classes.sharing_keys`), in the table's order."""
    return sharing_keys(list(_TABLES[table]()), query_scripts)[0]


@lru_cache(maxsize=100_000)
def _closest(key: str, table: str, n: int) -> tuple[tuple[str, float], ...]:
    """The ``n`` alias keys of ``table`` closest to ``key`` by WRatio, with their scores, as a pass over the whole
    table ranks them (best first, ties in the table's order).

    Kept per key: the same names come back in every case form, sentence and article. A key in Cyrillic or Arabic
    letters is scored against the aliases it shares a script with, a tenth of the table: an alias sharing no
    character with it scores 0. When fewer than ``n`` of those score above 0 the whole table is scored, since the
    full pass would fill its list with aliases scoring 0, in the table's order."""
    narrowed = _aliases(table, scripts(key))
    hits = process.extract(key, narrowed, scorer=fuzz.WRatio, limit=n)
    everything = _aliases(table, frozenset())
    if len(narrowed) < len(everything) and not (len(hits) == n and hits[-1][1] > 0):
        hits = process.extract(key, everything, scorer=fuzz.WRatio, limit=n)
    return tuple((alias, float(score)) for alias, score, _ in hits)


@cache
def _region_alias_words() -> dict[str, frozenset[str]]:
    """Each region alias key -> the keys of its words ("ближневосточныирегион" -> {"ближневосточныи", "регион"})."""
    out: dict[str, frozenset[str]] = {}
    for r in regions().values():
        for alias in (r.id, r.name, *r.aliases):
            out.setdefault(norm_key(alias), frozenset(norm_key(w) for w in re.split(r"[\s\-]+", alias) if w))
    return out


def _without_water_word(text: str) -> str:
    """``text`` without its water words ("Adriatic Sea" -> "Adriatic"), or unchanged when it has none or is
    nothing else."""
    bare = " ".join(_WATER_WORD.sub(" ", text).split())
    return bare if bare and len(bare) >= 3 else text


def place_candidates(text: str, limit: int = 5) -> list[tuple[PlaceKind, str, str, float]]:
    """Closest sites, regions, countries and cities to ``text`` as (kind, id, name, score), best first.

    Regions are compared with the whole name; sites, countries and cities with the name without its water
    word, so a sea's name is not matched to an airstrip through "Sea" (Shea Field) or "Gulf" (Gulf Shores).
    """
    named = _without_water_word(text)
    out: list[tuple[PlaceKind, str, str, float]] = [
        ("site", s.site_id, s.name, float(score)) for s, score in search_sites(named, limit=limit)
    ]
    key = norm_key(text)
    if key:
        one_word = len(text.split()) == 1
        for rid, score in _extract(key, "region", limit, _region_alias_words() if one_word else None):
            out.append(("region", rid, regions()[rid].name, score))
        key = norm_key(named) or key
        for iso2, score in _extract(key, "country", limit):
            if _country_region(iso2) is None:  # a country the kb has a region for is listed as that region
                out.append(("country", f"country:{iso2}", countries()[iso2].name, score))
        for name, score in _extract(key, "city", limit):
            best = cities_named(name)[0]
            if len(best.site_ids) == 1:
                out.append(("site", best.site_ids[0], site(best.site_ids[0]).name, score))
            else:
                out.append(("city", best.id, _city_ref(text, best, "fuzzy").name, score))
    out.sort(key=lambda c: -c[3])
    return out[:limit]


def _candidate_ref(text: str, kind: PlaceKind, pid: str, score: float) -> PlaceRef:
    if kind == "site":
        return _site_ref(text, pid, "fuzzy", score)
    if kind == "region":
        return _region_ref(text, pid, "fuzzy", score)
    if kind == "country":
        return _country_ref(text, pid.split(":", 1)[1], "fuzzy", score)
    _, country, key = pid.split(":", 2)
    city = next(c for c in cities_named(key) if c.country == country)
    return _city_ref(text, city, "fuzzy", score)


def _of_carrier(
    cands: list[tuple[PlaceKind, str, str, float]], carrier: Carrier | None
) -> list[tuple[PlaceKind, str, str, float]]:
    """The candidates a ``carrier`` may use (:func:`_usable`), where the best of them scores as high as the best of
    all: the carrier breaks a tie between a town's airfield and its port ("Sevastopl" for a ship: the naval base, not
    the airport, both 95), never a better spelling of the other kind (:func:`~liftwatch.kb.places.resolve_place` swaps
    that for its town's site of the carrier's kind)."""
    if carrier is None or not cands:
        return cands
    fitting = [c for c in cands if _usable(c, carrier)]
    return fitting if fitting and fitting[0][3] >= cands[0][3] else cands


def _usable(candidate: tuple[PlaceKind, str, str, float], carrier: Carrier) -> bool:
    """Whether the carrier may use the candidate: a site of its kind, or a region, country or city (which hold sites
    of both kinds)."""
    kind, pid, _, _ = candidate
    return kind != "site" or carrier_of_kind(site(pid).kind) == carrier


def fuzzy_place(text: str, carrier: Carrier | None = None) -> PlaceRef:
    """The place ``text`` most likely means when no exact reading matched; PlaceError (with the candidates) when
    the best is too weak, too close to the runner-up, a namesake on land of a water body, a small field that only
    sounds alike, or a match that loses the name's consonants. ``carrier`` ("air", "sea") breaks a tie between
    places of both kinds (:func:`_of_carrier`)."""
    cands = _of_carrier(place_candidates(text), carrier)
    listed = tuple(f"{name} ({kind} {pid}, {score:.0f})" for kind, pid, name, score in cands)
    if not cands or cands[0][3] < MIN_FUZZY_SCORE:
        raise PlaceError(text, "unknown", listed)
    best = cands[0]
    rivals = [c for c in cands[1:] if (c[0], c[1]) != (best[0], best[1])]
    if rivals and best[3] - rivals[0][3] < MIN_MARGIN:
        raise PlaceError(text, "ambiguous", listed)
    kind, pid, _, score = best
    if kind != "region" and _without_water_word(text) != text.strip():
        # "Sea of Okhotsk" is not Okhotsk Airport, "golfe de Syrte" not the air base at Sirte: a water body the kb
        # lacks stays unknown, its namesakes on land listed as candidates
        raise PlaceError(text, "unknown", listed)
    if kind == "site" and score < 100 and not prominent_site(pid) and not spelled_like(text, pid):
        # a small field that only sounds like the name ("Durres": Dorris, California, by its folded key) is a
        # candidate, not an answer; a misspelling of its own name ("Butte Valey Airport") still is
        raise PlaceError(text, "unknown", listed)
    if score < 100 and opposite_direction(text, kind, pid):
        # "western Mediterranean" is not the Eastern Mediterranean: a compass word outweighs two letters
        raise PlaceError(text, "unknown", listed)
    fuzzy = kind != "site" or score < PHONETIC_SCORE  # a site's spelling variant ("Hmeymim") scores this or more
    if fuzzy and not text_skeletons(text) & place_skeletons(kind, pid):
        # a fuzzy match must keep the name's consonants: "Каир" (Cairo) is not "Иран", "Mersin" (a Turkish port)
        # is not Mersing Airport in Malaysia, "Kronstadt" not Kroonstad in South Africa
        raise PlaceError(text, "unknown", listed)
    return _candidate_ref(text, kind, pid, score)


#: How many of the closest names are read before those of the carrier's kind are kept, when an unknown place's
#: candidates are listed for one carrier
_WIDE = 30


def carrier_candidates(text: str, carrier: Carrier, limit: int = 5) -> tuple[str, ...]:
    """The closest places to an unknown ``text`` that a ``carrier`` uses, labelled as :class:`PlaceError` lists them:
    a ship's filter typed "Narnia" lists ports (Narvik), not the airfields the name is closest to, which no voyage can
    start or end at. Sites of the other kind are dropped; for a ship the World Port Index's ports are matched too.
    Only for listing: which place a name resolves to is never decided here."""
    found: dict[str, tuple[PlaceKind, str, str, float]] = {}
    for c in place_candidates(text, limit=_WIDE):
        if _usable(c, carrier):
            found.setdefault(c[1], c)
    key = norm_key(_without_water_word(text))
    if carrier == "sea" and key:
        from liftwatch.kb.port_index import name_keys

        names = name_keys()
        for alias, score, _ in process.extract(key, list(names), scorer=fuzz.WRatio, limit=limit * 3):
            pid = names[alias]
            if pid not in found or found[pid][3] < score:
                found[pid] = ("site", pid, site(pid).name, float(score))
    best = sorted(found.values(), key=lambda c: -c[3])[:limit]
    return tuple(f"{name} ({kind} {pid}, {score:.0f})" for kind, pid, name, score in best)
