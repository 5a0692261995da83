"""One vocabulary for places: any site, city, country or region name, in any script, to a :class:`PlaceRef`.

Every command, the notebook API, the report and the filters resolve place names here, so "OSLK",
"Khmeimim", "hmeimim" and "Хмеймим" select the same flights everywhere. Exact matches win in a fixed order:

1. region id, site id;
2. a country abbreviation or ISO2 code typed in capitals ("CAR", "UAE", "ML");
3. an ICAO/IATA code, only when typed as a code (3-4 capital letters/digits: "HLLB", "OTHH", "HL59"): "Gao"
   and "Sirt" are names, not the codes GAO (Guantánamo) or SIRT;
4. a region alias ("eastern Libya", "Syria");
5. a country name in any listed form ("Mali", "Sudan", "Central African Republic"); a country the kb has a
   region for becomes that region, any other the country itself (every kb site registered there);
6. a city served by several airfields ("Moscow", "Tripoli"), or named in another language ("Каир"): the
   city, i.e. all its airfields; same-named places (cities and one-airfield towns) ranked by
   :func:`~liftwatch.kb.cities.city_key` (curated, in a kb region, largest field, ...), a tie is ambiguous;
7. a site alias, then a site name without generic words ("Gao" = "Gao Airport"), then a transliteration.

Only then is a fuzzy match tried over sites, regions, countries and cities, and it must be clearly better than
the runner-up (a name with a water word, "Adriatic Sea", "golfe d'Ormuz", "Охотское море", is compared with
sites and cities without that word: "Sea" does not make Shea Field a candidate for a sea); a fuzzy country, region or city must also keep the name's consonant skeleton ("Рим" is not
Saint Pierre and Miquelon). An unknown or ambiguous name raises :class:`~liftwatch.errors.PlaceError` listing the
candidates: a silent guess would filter on the wrong airfield and return a plausible, wrong, answer.

A sea, gulf, strait or canal ("Red Sea", "Bosphorus") resolves to its water region, a region of points (AIS
positions) that holds no site. :func:`resolve_endpoint` is what a flight or voyage filter calls: a water region
as an origin or destination is an error saying so, because no flight or voyage starts or ends in a sea and
answering with its coastal airfields would count "from the Red Sea" flights that took off from Jeddah.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from rapidfuzz import fuzz, process

from liftwatch.errors import PlaceError
from liftwatch.kb._text import name_key, norm_key, phonetic_key
from liftwatch.kb.carriers import Carrier, check_carrier, choose_by_carrier, for_carrier
from liftwatch.kb.cities import (
    City,
    cities_named,
    city_heads,
    city_key,
    city_names,
    city_phonetic,
    make_city,
    prominent,
    rank_cities,
)
from liftwatch.kb.countries import countries, country_keys, country_phonetic, resolve_country
from liftwatch.kb.lookup import (
    PHONETIC_SCORE,
    _best,
    _index,
    exact_hits,
    prominent_site,
    search_sites,
    spelled_like,
)
from liftwatch.kb.place_guard import PlaceKind, place_skeletons, text_skeletons
from liftwatch.kb.regions import _region_alias_index, region_of_site, regions, sites_in_region
from liftwatch.kb.sites import _code_index, _row_index, site, sites
from liftwatch.kb.sound_index import place_by_sound
from liftwatch.kb.town_airport import town_airport

MatchKind = Literal["id", "code", "alias", "name", "transliteration", "sound", "fuzzy"]

MIN_FUZZY_SCORE = 90.0  # below this a fuzzy hit is a guess ("militray" -> Melita Airport), not a spelling variant
MIN_MARGIN = 3.0  # a fuzzy winner must beat the next distinct place by this much
CODE_AS_TYPED = re.compile(r"[A-Z0-9]{3,4}")  # how an ICAO/IATA code looks when someone means a code
# the generic word of a water body in the four languages ("Sea", "golfe d'", "море", "مضيق"): a sea-like name
_WATER_WORD = re.compile(
    r"(?<![\w-])(?:seas?|ocean|gulf|bay|straits?|channel|canal|mer|océan|golfe|baie|détroits?|manche)(?![\w-])"
    r"(?:\s+(?:of|de|du|des|d['’]))?|"
    r"(?<![\w-])(?:мор[еяюи]\w*|океан\w*|залив\w*|пролив\w*|канал\w*)(?![\w-])|"
    r"(?<!\S)(?:ال)?(?:بحر|محيط|خليج|مضيق|مضائق|قناة)(?!\S)",
    re.I,
)


@dataclass(frozen=True)
class PlaceRef:
    """A resolved place: what was typed, what it means, and how sure the match is.

    ``kind`` is "site" (one airfield, base or port), "region" (a kb region: polygon, country list or site group),
    "country" (a country the kb has no region for: every kb site registered there, ``id`` = ``country:ML``) or
    "city" (a city with several airfields: all of them, ``id`` = ``city:RU:moscow``).
    """

    text: str
    kind: PlaceKind
    id: str  # site id, region id, country:ISO2 or city:ISO2:name
    name: str
    site_ids: tuple[str, ...]  # the site itself, or every kb site in the region / country / city
    region_ids: tuple[str, ...]  # the region itself, or the regions the place lies in
    matched: MatchKind
    score: float  # 100 for exact matches

    @property
    def ids(self) -> tuple[str, ...]:
        """The ids analytics filters take: a site or region id (legs carry both), or a country's/city's sites."""
        return self.site_ids if self.kind in ("country", "city") else (self.id,)

    def __str__(self) -> str:
        return f"{self.name} ({self.kind} {self.id})"

    def __repr__(self) -> str:
        extra = f", {len(self.site_ids)} sites" if self.kind != "site" else ""
        return (
            f"PlaceRef({self.text!r} -> {self.kind} {self.id!r} {self.name!r}, {self.matched} {self.score:.0f}{extra})"
        )


def _site_ref(text: str, site_id: str, matched: MatchKind, score: float = 100.0) -> PlaceRef:
    s = site(site_id)
    return PlaceRef(text, "site", s.site_id, s.name, (s.site_id,), tuple(region_of_site(s.site_id)), matched, score)


@cache
def _region_sites(region_id: str) -> tuple[str, ...]:
    return tuple(sites_in_region(region_id))


def _region_ref(text: str, region_id: str, matched: MatchKind, score: float = 100.0) -> PlaceRef:
    r = regions()[region_id]
    return PlaceRef(text, "region", r.id, r.name, _region_sites(r.id), (r.id,), matched, score)


@cache
def _country_region(iso2: str) -> str | None:
    """The kb region that is exactly this country ("SY" -> syria), if there is one."""
    for r in regions().values():
        if r.rank == 1 and r.countries == [iso2]:
            return r.id
    return None


@cache
def _country_sites(iso2: str) -> tuple[str, ...]:
    frame = sites()
    ids = frame["site_id"].to_list()
    mask = (frame["country"] == iso2).fill_null(False).to_list()
    return tuple(sid for sid, hit in zip(ids, mask, strict=True) if hit)  # curated rows come first


def _country_ref(text: str, iso2: str, matched: MatchKind, score: float = 100.0) -> PlaceRef:
    region = _country_region(iso2)
    if region is not None:
        return _region_ref(text, region, matched, score)
    within = tuple(r.id for r in regions().values() if iso2 in r.countries)
    name = countries()[iso2].name
    return PlaceRef(text, "country", f"country:{iso2}", name, _country_sites(iso2), within, matched, score)


def _city_ref(text: str, city: City, matched: MatchKind, score: float = 100.0) -> PlaceRef:
    within = {r for sid in city.site_ids for r in region_of_site(sid)}
    country = countries().get(city.country)
    name = f"{city.name}, {country.name if country else city.country}"
    ordered = tuple(rid for rid in regions() if rid in within)
    return PlaceRef(text, "city", city.id, name, city.site_ids, ordered, matched, score)


def _city_label(city: City) -> str:
    if len(city.site_ids) == 1:
        return f"{site(city.site_ids[0]).name}, {city.country} (site {city.site_ids[0]})"
    return f"{city.name}, {city.country} (city {city.id}: {', '.join(city.site_ids[:8])})"


def _exact(text: str, carrier: Carrier | None = None) -> PlaceRef | None:
    t = text.strip()
    if t in regions():
        return _region_ref(text, t, "id")
    if t in _row_index():
        return _site_ref(text, t, "id")
    as_code = bool(CODE_AS_TYPED.fullmatch(t)) or (len(t) == 2 and t.isalpha() and t.isupper())
    country = resolve_country(t)
    if as_code and country is not None:  # "CAR" is the Central African Republic, "ML" Mali
        return _country_ref(text, country.code, "alias")
    code = _code_index().get(t) if as_code else None
    if code:  # "SIRT" is a code, "Sirt" a name (Sirte); "GAO" is Guantánamo, "Gao" the town in Mali
        return _site_ref(text, code, "code")
    key = norm_key(t)
    if not key:
        return None
    region = _region_alias_index().get(key)
    if region:
        return _region_ref(text, region, "alias")
    if country is not None:
        return _country_ref(text, country.code, "alias")
    idx = _index()
    named = cities_named(t)
    if named:  # airfields named so outside these cities compete too ("Naples": Napoli's airport, not Florida)
        cities = {c.id for c in named}
        covered = {sid for c in named for sid in c.site_ids}
        for sid in dict.fromkeys([*idx.exact.get(key, []), *idx.names.get(name_key(t), [])]):
            if sid not in covered:
                named.append(make_city(key, site(sid).name, site(sid).country or "", (sid,)))
        # on a tie the city so named wins over an airfield whose name only carries the word ("Managua": the
        # capital's airport, not Quepos Managua in Costa Rica); an airfield and a port far apart, the carrier
        ranked = choose_by_carrier(text, rank_cities(named), carrier)
        return _city(text, ranked, "alias", prefer=cities)
    aliased = idx.exact.get(key, [])
    hits = exact_hits(aliased, idx.names.get(name_key(t), []))
    if len(hits) > 1:
        alike = choose_by_carrier(
            text, [make_city(key, site(s).name, site(s).country or "", (s,)) for s in hits], carrier
        )
        hits = [c.site_ids[0] for c in alike]
    if hits:
        best = _one_site(text, hits)
        return _site_ref(text, best, "alias" if best in aliased else "name")
    at_town = town_airport(t)  # "مطار عدن الدولي", "aéroport de Manille": the town's airfields
    if at_town is not None:
        return replace(at_town, text=text)
    headed = city_heads().get(key)
    if headed:  # "Frankfurt": Frankfurt am Main, before anything that merely sounds like it (Frankfort, Kentucky)
        return _city(text, rank_cities(headed), "name")
    pkey = phonetic_key(t)  # transliterations: countries and cities before single sites ("Malii" is not Malé)
    if pkey in country_phonetic():
        return _country_ref(text, country_phonetic()[pkey], "transliteration")
    if pkey in city_phonetic():
        sounding = [c for c in cities_named(city_phonetic()[pkey]) if prominent(c)]
        city = _city(text, sounding, "transliteration")
        if city is not None:
            return city
    by_sound = [sid for sid in idx.phonetic.get(pkey, []) if prominent_site(sid)]
    if by_sound:
        return _site_ref(text, _best(by_sound)[0], "transliteration")
    return place_by_sound(text)


def _one_site(text: str, hits: list[str]) -> str:
    """The site a name shared by several means: the most prominent (curated, then the larger field); fields
    alike in every respect ("Bennington": three small US strips) are an ambiguity listing them."""
    ranked = _best(hits)
    rank = _index().rank
    tied = [sid for sid in ranked if rank.get(sid) == rank.get(ranked[0])]
    if len(tied) > 1:
        raise PlaceError(text, "ambiguous", tuple(f"{site(sid).name} (site {sid})" for sid in tied[:8]))
    return ranked[0]


def _city(text: str, cities: list[City], matched: MatchKind, prefer: set[str] | None = None) -> PlaceRef | None:
    """The most likely of same-named places (ranked by :func:`~liftwatch.kb.cities.city_key`); equally likely
    ones are an ambiguity listing them all, unless exactly one of them is ``prefer``red. A winner with one
    airfield is that airfield (a site)."""
    if not cities:
        return None
    tied = [c for c in cities if city_key(c) == city_key(cities[0])]
    preferred = [c for c in tied if prefer and c.id in prefer]
    if len(tied) > 1 and len(preferred) == 1:
        tied = cities = preferred
    if len(tied) > 1:
        raise PlaceError(text, "ambiguous", tuple(_city_label(c) for c in tied))
    if len(cities[0].site_ids) == 1:
        return _site_ref(text, cities[0].site_ids[0], matched)
    return _city_ref(text, cities[0], matched)


def _extract(key: str, choices: dict[str, str], limit: int) -> list[tuple[str, float]]:
    """Best distinct targets of ``choices`` (alias key -> target id) for ``key`` by WRatio."""
    out: dict[str, float] = {}
    for alias, score, _ in process.extract(key, list(choices), scorer=fuzz.WRatio, limit=limit * 3):
        if len(alias) < len(key):  # a short alias inside a longer word is no match ("cina" in "fiumicino")
            score = max(fuzz.ratio(key, alias), 0.95 * fuzz.token_set_ratio(key, alias))
        out[choices[alias]] = max(out.get(choices[alias], 0.0), round(float(score), 1))
    return sorted(out.items(), key=lambda kv: -kv[1])[:limit]


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
        for rid, score in _extract(key, _region_alias_index(), limit):
            out.append(("region", rid, regions()[rid].name, score))
        key = norm_key(named) or key
        for iso2, score in _extract(key, country_keys(), limit):
            if _country_region(iso2) is None:  # a country the kb has a region for is listed as that region
                out.append(("country", f"country:{iso2}", countries()[iso2].name, score))
        for name, score in _extract(key, {k: k for k in city_names()}, limit):
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


def resolve_place(text: str, carrier: Carrier | None = None) -> PlaceRef:
    """The site, region, country or city ``text`` names; raises PlaceError (with candidates) when unknown or
    ambiguous (a city name shared by equally likely cities is ambiguous too). ``carrier`` ("air" or "sea") says
    who uses the place: an aircraft's place is an airfield, a ship's a port (:mod:`liftwatch.kb.carriers`)."""
    mode = check_carrier(carrier)
    ref = _resolve(text, mode)
    return ref if mode is None else for_carrier(ref, mode)


def _resolve(text: str, carrier: Carrier | None) -> PlaceRef:
    if not text or not text.strip():
        raise PlaceError(text, "empty")
    exact = _exact(text, carrier) or _after_town(text)
    by_ear = ("transliteration", "sound")
    if exact is not None and exact.matched in by_ear and _without_water_word(text) != text.strip():
        region = regions().get(exact.id) if exact.kind == "region" else None
        if region is None or not region.is_water:
            exact = None  # "Ross Sea" sounds like "Russia" once its space is folded away: a sea is no land
    if exact is not None:
        return exact
    cands = place_candidates(text)
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
    fuzzy = kind != "site" or score < PHONETIC_SCORE  # a site's spelling variant ("Hmeymim") scores this or more
    if fuzzy and not text_skeletons(text) & place_skeletons(kind, pid):
        # a fuzzy match must keep the name's consonants: "Каир" (Cairo) is not "Иран", "Mersin" (a Turkish port)
        # is not Mersing Airport in Malaysia, "Kronstadt" not Kroonstad in South Africa
        raise PlaceError(text, "unknown", listed)
    return _candidate_ref(text, kind, pid, score)


def _after_town(text: str) -> PlaceRef | None:
    """An airport written after its town, as the French press writes it ("Roissy-Charles-de-Gaulle", "Paris-Charles
    de Gaulle"): the airport's own name of two or more words, exactly, after one word. One word after the town is
    too weak a name ("Saint-Denis" is no field called Denis)."""
    parts = re.split(r"[\s\-]+", text.strip(), maxsplit=1)
    if len(parts) < 2 or len(re.split(r"[\s\-]+", parts[1])) < 2:
        return None
    rest = parts[1]
    ref = _exact(rest)
    if ref is None or ref.kind != "site" or ref.matched not in ("name", "alias"):
        return None
    return replace(ref, text=text)


def resolve_endpoint(text: str) -> PlaceRef:
    """The place a flight or voyage starts or ends at, or passes (:func:`resolve_place`), refusing water.

    A sea, gulf, strait or canal holds no airfield or port, so "flights from the Red Sea" can only mean flights
    from coastal airfields the user did not name, or nothing: the error says so and names what to use instead
    (a port or airfield on its shore, or the region as an area of AIS points, ``fetch --region``), rather than
    returning a silent empty or a silent choice of coast.
    """
    ref = resolve_place(text)
    region = regions().get(ref.id) if ref.kind == "region" else None
    if region is not None and region.is_water:
        raise WaterEndpointError(text, region.id)
    return ref


class WaterEndpointError(PlaceError):
    """A sea, gulf, strait or canal named where a flight or voyage origin or destination is expected."""

    def __init__(self, text: str, region_id: str) -> None:
        region = regions()[region_id]
        super().__init__(text, "water", (f"{region.name} (region {region.id})",))
        self.region_id = region_id
        self.args = (
            f"{text!r} is the {region.kind} {region.name} (region {region.id}): no airfield or port lies in it, so it "
            "is no flight or voyage origin or destination: name a port or airfield on its shore; the points inside it "
            f"(AIS positions) are selected as an area (`liftwatch fetch --region {region.id}`)",
        )
