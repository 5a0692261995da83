"""Alias-aware, fuzzy site lookup in any script ("Khmeimim", "حميميم", "Хмеймим", "Al-Khadem", "OSLK").

Order: exact site id, ICAO/IATA code typed as a code (3-4 capitals/digits), exact normalised alias, exact name
without generic words ("Gao" = "Gao Airport"), exact transliteration-folded alias, then rapidfuzz over the
folded aliases. A code typed in lower case ("gao") is only a fuzzy candidate (score 90), below any name. Curated sites win ties over airportsdata rows, which carry only their
English name and city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from liftwatch.geodesy import haversine_km
from liftwatch.kb._text import (
    STOPWORDS,
    fuzzy_key,
    generic_only,
    keys,
    name_key,
    name_words,
    norm_key,
    phonetic_key,
    phonetic_word,
    skeleton,
)
from liftwatch.kb.runways import airfields
from liftwatch.kb.script_classes import scripts, sharing_keys
from liftwatch.kb.sites import Site, _code_index, _row_index, site, sites

_KIND_RANK = {"air_base": 0, "naval_base": 0, "airport": 1, "port": 1, "airstrip": 2, "heliport": 3}
# OurAirports class: among fields sharing a name, the one people mean is the big one ("Heathrow" is London's,
# not a Texas ranch strip of that name)
_CLASS_RANK = {"large_airport": 0, "medium_airport": 1, "small_airport": 2, "seaplane_base": 2, "heliport": 3}
PHONETIC_SCORE = 97.0  # a name matching phonetically ("Khmeimim" = "Hmeimim"); fuzzy hits score below it
# a small field matching only by sound is a candidate, not an answer ("Durres" sounds like Dorris, California)
MINOR_PHONETIC_SCORE = 88.0
_MIN_SHORT_NAME = 3  # "Paris-Orly Airport" is also "Orly"; shorter remainders are initials, not names
# "Leonardo da Vinci (Fiumicino)", "Istres Le Tube/Istres Air Base": each part is a name people use
_NAME_PARTS = re.compile(r"\s+-\s+|\s*/\s*|[–—()]")
_BASE_NUMBER = re.compile(r"\bBA\s*\d+\b")  # a French air base's number ("BA 125") names nothing by itself
# "Al Shaheed Muwaffaq Salti Air Base", "Shiraz Shahid Dastghaib International Airport": the honorific "martyr"
# leads the official name, reporting drops it ("Muwaffaq Salti", "Dastghaib")
_HONORIFIC = re.compile(r"\b(?:shah[ei]{1,2}d|chahid|martyr)\b", re.IGNORECASE)
_HONORIFIC_WORDS = frozenset({"shaheed", "shahid", "shahed", "shaheid", "chahid", "martyr"})


@dataclass(frozen=True)
class _AliasIndex:
    exact: dict[str, list[str]]
    names: dict[str, list[str]]  # name without generic words ("gao" for "Gao Airport")
    phonetic: dict[str, list[str]]
    keys: list[str]  # distinct fuzzy (word-preserving phonetic) keys, parallel to key_sites
    key_sites: list[list[str]]
    rank: dict[str, tuple[int, int, int, int]]


@cache
def _index() -> _AliasIndex:
    frame = sites()
    ids = frame["site_id"].to_list()
    names = frame["name"].to_list()
    aliases = frame["aliases"].to_list()
    curated = frame["curated"].to_list()
    iata = frame["iata"].to_list()
    kinds = frame["kind"].to_list()
    icaos = frame["icao"].to_list()
    classes = dict(airfields().select("icao", "type").iter_rows())
    exact: dict[str, list[str]] = {}
    plain: dict[str, list[str]] = {}
    phon: dict[str, list[str]] = {}
    fuzzy: dict[str, list[str]] = {}
    rank: dict[str, tuple[int, int, int, int]] = {}
    for sid, name, al, cur, code, kind, icao in zip(ids, names, aliases, curated, iata, kinds, icaos, strict=True):
        size = _CLASS_RANK.get(classes.get(icao or sid, ""), 2)
        rank[sid] = (0 if cur else 1, size, 0 if code else 1, _KIND_RANK.get(kind, 2))
        seen: set[str] = set()
        for text in (name, *_alias_parts(al or [], cur)):
            k, p, f, n = keys(text)
            if not k or k in seen:
                continue
            seen.add(k)
            exact.setdefault(k, []).append(sid)
            if n != k:
                plain.setdefault(n, []).append(sid)
            phon.setdefault(p, []).append(sid)
            fuzzy.setdefault(f, []).append(sid)
        if not cur:  # curated sites list their short names as aliases already
            for short in _short_names(name, al or []):
                key = "".join(short)
                plain.setdefault(key, []).append(sid)
                phon.setdefault(phonetic_word(key), []).append(sid)
                fuzzy.setdefault(" ".join(phonetic_word(w) for w in short), []).append(sid)
    return _AliasIndex(exact, plain, phon, list(fuzzy), list(fuzzy.values()), rank)


def _short_names(name: str, aliases: list[str]) -> list[list[str]]:
    """The name's words without its leading city, as people say it: "London Heathrow Airport" -> heathrow.

    Airport names in the bundled tables lead with the city they serve (their other alias) or set a second name
    off with a dash or parentheses ("Leonardo Da Vinci (Fiumicino)"), and an analyst writes "Orly", "Gatwick"
    or "Fiumicino"; without this, "Orly" found a US farm strip whose town, Worley, sounds alike. A leading
    honorific ("Al Shaheed Muwaffaq Salti Air Base") is dropped as reporting drops it ("Muwaffaq Salti").
    """
    name = _BASE_NUMBER.sub(" ", name)
    lead = name[:24].casefold()
    cities = [a for a in aliases if a != name and lead.startswith(a[:4].casefold())]  # cheap test first
    split = _NAME_PARTS.search(name) is not None
    honoured = _HONORIFIC.search(name) is not None
    if not cities and not split and not honoured:
        return []
    # once split, the first part is a name of its own too ("North Island Nas" of "North Island Nas (Halsey
    # Field) Airport": the base is "North Island" in reporting)
    pieces = [p for p in _NAME_PARTS.split(name) if p.strip() and not generic_only(p)] if split else []
    out = [part for piece in pieces if len("".join(part := name_words(piece))) >= 4]
    full = name_words(name)
    for alias in cities:
        city = name_words(alias)
        if city and len(full) > len(city) and full[: len(city)] == city:
            rest = full[len(city) :]
            if len("".join(rest)) >= _MIN_SHORT_NAME:
                out.append(rest)
    if honoured:  # each form again without the honorific it leads with
        out += [bare for part in (full, *out) if (bare := _without_honorific(part))]
    return out


def _without_honorific(words: list[str]) -> list[str] | None:
    """The name's words after a leading "Shaheed"/"Shahid"/"Martyr" ("al" is folded away already), if a name
    of 4+ letters remains."""
    i = 0
    while i < len(words) and words[i] in _HONORIFIC_WORDS:
        i += 1
    rest = words[i:]
    return rest if i and len("".join(rest)) >= 4 else None


def _alias_parts(aliases: list[str], curated: bool) -> list[str]:
    """The aliases, and each part of an airport table's slash-joined city ("Istres/Le Tube", "Evreux/Fauville"),
    which names the field by either town; curated aliases are listed one by one already."""
    if curated:
        return aliases
    out = list(aliases)
    for alias in aliases:
        if "/" in alias:
            out.extend(part for p in alias.split("/") if len(part := p.strip()) >= 4)
    return out


CODE_AS_TYPED = re.compile(r"[A-Z0-9]{3,4}")  # how an ICAO/IATA code looks when someone means a code


def _code_as_typed(query: str) -> str | None:
    """Site id for ``query`` if it is written as an ICAO/IATA code ("HLLB", "BEN"), not as a word ("Gao")."""
    return _code_index().get(query) if CODE_AS_TYPED.fullmatch(query) else None


def _best(site_ids: list[str]) -> list[str]:
    idx = _index()
    return sorted(dict.fromkeys(site_ids), key=lambda s: idx.rank.get(s, (9, 9, 9, 9)))


@cache
def _in_region() -> frozenset[str]:
    frame = sites()
    return frozenset(frame.filter(frame["region"].is_not_null())["site_id"].to_list())


def prominent_site(site_id: str) -> bool:
    """A site worth naming on a match by sound alone: curated, a large or medium airport, or in a kb region.

    Transliterations fold vowels and doubled letters, so thousands of small strips share a key with some name
    in the news ("Durres" and Dorris, California; "Deir" and Dair); only these are likely meant.
    """
    curated, size = _index().rank.get(site_id, (9, 9, 9, 9))[:2]
    return curated == 0 or size <= 1 or site_id in _in_region()


def spelled_like(text: str, site_id: str) -> bool:
    """Whether ``text`` is a near spelling of the site's name or one of its aliases, letter for letter (before
    any transliteration folding): "Butte Valey Airport" is, "Durres" (for Dorris) is not."""
    key = norm_key(text)
    s = site(site_id)
    # an airport-table field's aliases are its name and the town it is filed under; the town is no name of the
    # field's own ("Kossei" is not Lz Mustang Airport for being spelt like Kosse, Texas, its town)
    names = (s.name, *s.aliases) if s.curated else (s.name,)
    return any(fuzz.WRatio(key, k) >= 90 for k in (norm_key(n) for n in names) if k)


def search_sites(text: str, limit: int = 5) -> list[tuple[Site, float]]:
    """Best matching sites with scores in [0, 100], best first (distinct sites)."""
    query = text.strip()
    if not query:
        return []
    if limit <= _CACHED_LIMIT:
        return list(_ranked(query)[:limit])
    return _search(query, limit)


#: Up to this many answers a search is computed once and kept (:func:`_ranked`): the fuzzy pass over every
#: alias costs tens of milliseconds, and free text asks the same names again and again (a word in each of its
#: Russian case forms, in each sentence, in each article of a corpus). Its fuzzy candidates (50) do not depend
#: on the limit below this, so a shorter answer is a prefix of the longer one.
_CACHED_LIMIT = 5


@lru_cache(maxsize=100_000)
def _ranked(query: str) -> tuple[tuple[Site, float], ...]:
    return tuple(_search(query, _CACHED_LIMIT))


def _search(query: str, limit: int) -> list[tuple[Site, float]]:
    scored: dict[str, float] = {}

    def add(sid: str, score: float) -> None:
        if score > scored.get(sid, -1.0):
            scored[sid] = score

    if query in _row_index():
        add(query, 100.0)
    code = _code_as_typed(query)
    if code:
        add(code, 100.0)
    elif (folded := _code_index().get(query.upper())) and len(query) in (3, 4):
        add(folded, 90.0)  # "gao": maybe the code GAO, but below any site actually named so
    idx = _index()
    key = norm_key(query)
    if key:
        for sid in idx.exact.get(key, []):
            add(sid, 100.0)
        pkey = phonetic_key(query)
        for sid in idx.phonetic.get(pkey, []):
            add(sid, PHONETIC_SCORE if prominent_site(sid) or spelled_like(query, sid) else MINOR_PHONETIC_SCORE)
        for sid, score in _fuzzy_scores(fuzzy_key(query), max(50, limit * 10)):
            add(sid, score)
    rank = idx.rank
    ordered = sorted(scored.items(), key=lambda kv: (-round(kv[1], 1), rank.get(kv[0], (9, 9, 9, 9))))
    return [(site(sid), round(score, 1)) for sid, score in ordered[:limit]]


@lru_cache(maxsize=100_000)
def _fuzzy_scores(fkey: str, n: int) -> tuple[tuple[str, float], ...]:
    """The fuzzy pass of a search: (site id, score) for the sites of the ``n`` fuzzy keys closest to ``fkey``, in
    the order they are found. It depends on the folded key alone, so it is computed once for all the spellings that
    fold alike ("Хмеймим", "ХМЕЙМИМ") and for every article that names the place: a pass over the 37,000 keys
    costs tens of milliseconds."""
    idx = _index()
    choices, positions = _fuzzy_choices(scripts(fkey))
    out: list[tuple[str, float]] = []
    for _key, score, at in process.extract(fkey, choices, scorer=fuzz.WRatio, limit=n, score_cutoff=60):
        pos = positions[at]
        # WRatio forgives partial matches ("heathrow" in "london heathrow"); blend in plain ratio so that
        # whole-name matches rank above substring matches, and keep fuzzy hits below exact ones.
        # An alias shorter than the query gets credit only for whole matching words (token_set), not for
        # being a substring ("mimi" inside "himimin").
        alias = idx.keys[pos]
        plain = float(fuzz.ratio(fkey, alias))
        base = float(score) if len(alias) >= len(fkey) else max(plain, 0.95 * fuzz.token_set_ratio(fkey, alias))
        if not _words_kept(fkey, alias):
            base = min(base, UNKEPT_SCORE)
        out.extend((sid, min(96.0, 0.8 * base + 0.2 * plain)) for sid in idx.key_sites[pos])
    return tuple(out)


@lru_cache(maxsize=32)
def _fuzzy_choices(query_scripts: frozenset[str]) -> tuple[list[str], list[int]]:
    """The fuzzy keys a query written in ``query_scripts`` can match, and their positions in the index
    (:func:`liftwatch.kb.script_classes.sharing_keys`: a Cyrillic or Arabic query is not scored against the
    36,000 Latin names of the airport table, which was nine tenths of reading a Russian article). A key sharing no
    character with the query but the spaces between words scores far under the pass's cutoff (60)."""
    return sharing_keys(_index().keys, query_scripts)


#: A fuzzy hit that drops a word of the name or changes a short word's consonants scores at most this, below
#: :func:`resolve_site`'s threshold: "sur Gaza" is not Sur Airport (the French "sur" matched, "Gaza" left out),
#: "Gaza" not Garza Airport (one inserted consonant makes another name), though both score 87-89 by letters.
UNKEPT_SCORE = 70.0
_SHORT_WORD = 5  # words this short are another name when a consonant changes; longer ones may be misspelt


@cache
def _generic_keys() -> tuple[str, ...]:
    return tuple(sorted({phonetic_word(w) for w in STOPWORDS}))


def _words_kept(query: str, alias: str) -> bool:
    """Every word of the (fuzzy-key) query has a counterpart among the alias's words: at least 80 % alike and,
    for two short words, with the same consonants ("gaza" vs "garza" differ, "hmeimim" vs "hmeymim" do not). A
    misspelt generic word ("airbse") needs none."""
    have = alias.split()
    return all(_generic_word(w) or any(_same_word(w, a) for a in have) for w in query.split())


@cache
def _generic_word(w: str) -> bool:
    """A (fuzzy-key) word at least 80 % alike a generic word ("airbse"): asked of the query's words for each of the
    fuzzy pass's fifty hits, and a function of the word alone, so it is computed once per word."""
    return any(fuzz.ratio(w, g) >= 80 for g in _generic_keys())


def _same_word(w: str, a: str) -> bool:
    """At least 80 % alike and, when both are short, with the same consonants."""
    return fuzz.ratio(w, a) >= 80 and (max(len(w), len(a)) > _SHORT_WORD or skeleton(w) == skeleton(a))


def exact_hits(aliased: list[str], named: list[str]) -> list[str]:
    """Sites a query names exactly: a curated site's own alias first (the gazetteer's choice: "Latakia" is the
    port, though the air base lists "Latakia Airport"); otherwise an airport table's alias ("Tyndall", the town of
    a South Dakota strip) and a name without its generic words ("Tyndall Afb Airport") count alike, so the more
    prominent field wins rather than the table looked at first."""
    rank = _index().rank
    curated = [sid for sid in aliased if rank[sid][0] == 0]
    return curated or list(dict.fromkeys([*aliased, *named]))


def shared_alias(aliased: list[str]) -> tuple[str, ...]:
    """The curated sites of two or more countries that carry one alias ("Port of Tripoli": Libya's and Lebanon's),
    or ``()``. Such a name is ambiguous alone: which country's is for the text to say ("ميناء طرابلس اللبناني"
    is an alias of one of them), and a silent pick would put a voyage in the wrong country."""
    rank = _index().rank
    curated = tuple(dict.fromkeys(sid for sid in aliased if rank[sid][0] == 0))
    if len(curated) < 2:
        return ()
    from liftwatch.kb.sites import site

    return curated if len({site(sid).country for sid in curated}) > 1 else ()


def _exact(text: str) -> str | None:
    """Site id for an exact id / code / alias / transliteration match (no fuzzy search), best-ranked first."""
    query = text.strip()
    if not query:
        return None
    if query in _row_index():
        return query
    code = _code_as_typed(query)
    if code:  # "SIRT" is a code, "Sirt" a name (Sirte); "GAO" is Guantánamo, "Gao" the town in Mali
        return code
    idx = _index()
    key = norm_key(query)
    if key and shared_alias(idx.exact.get(key, [])):
        return None  # "Port of Tripoli": Libya's or Lebanon's, the name alone does not say
    hits = exact_hits(idx.exact.get(key, []), idx.names.get(name_key(query), [])) if key else []
    if not hits:
        hits = idx.phonetic.get(phonetic_key(query), []) if key else []
    return _best(hits)[0] if hits else None


#: Maghreb and Arabic words for a landform that begin many place names ("Sebkha El Melah", "Sabkhat al-Jabbul"):
#: a salt flat, alone, is no town; folded for transliteration they read as other names ("Sebkha" as Sebha, Libya),
#: so alone they are read by their exact names only
LANDFORM_WORDS = frozenset({"sebkha", "sabkha", "sebkhet", "sabkhat", "sebkhat", "sabkhet", "sebkra"})


def resolve_site(text: str, min_score: float = 80.0) -> Site | None:
    """The single best site for a name/alias/code in any script, or None if nothing scores >= ``min_score``.

    Exact matches (id, ICAO/IATA, alias, transliteration) return without the fuzzy pass, so resolving known
    names costs microseconds; only unknown spellings pay for rapidfuzz over all aliases.
    """
    key = norm_key(text.strip())
    if key in LANDFORM_WORDS:
        return None  # "à Sebkha": a salt flat, not the town it folds onto (Sebha, Libya)
    exact = _exact(text)
    if exact is not None:
        return site(exact)
    if key and shared_alias(_index().exact.get(key, [])):  # two countries' sites: no single best
        return None
    found = search_sites(text, limit=1)
    if not found or found[0][1] < min_score:
        return None
    return found[0][0]


def resolve_site_ids(texts: list[str]) -> list[str | None]:
    """Vector form of :func:`resolve_site` returning ids (duplicates resolved once)."""
    uniq = {t: (s.site_id if (s := resolve_site(t)) else None) for t in dict.fromkeys(texts)}
    return [uniq[t] for t in texts]


def nearest_sites(lat: float, lon: float, radius_km: float = 30.0, limit: int = 5) -> list[tuple[Site, float]]:
    """Sites within ``radius_km`` of a point, nearest first, as (site, distance_km)."""
    frame = sites()
    dist = haversine_km(frame["lat"].to_numpy(), frame["lon"].to_numpy(), lat, lon)
    order = np.argsort(dist)[:limit]
    ids = frame["site_id"].to_list()
    return [(site(ids[i]), float(dist[i])) for i in order if dist[i] <= radius_km]
