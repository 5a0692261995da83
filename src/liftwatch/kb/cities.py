"""Cities served by several airfields ("Moscow": Sheremetyevo, Domodedovo, Vnukovo, Bykovo, Chkalovsky, ...).

An analyst filtering on ``--dest Moscow`` means any Moscow airfield: picking one (the old behaviour picked
Bykovo) silently drops most flights. The city of each airfield comes from airportsdata's ``city`` column
(OurAirports' municipality), which also covers fields the curated gazetteer replaces (Mitiga is in Tripoli).

Same-named places (Cairo in Egypt and Georgia; Alexandria in Egypt and Virginia; Athens, Paris, London...) are
told apart by :func:`city_key`, the principle site ranking uses: the place an analyst means is the one
(1) holding curated sites of this theatre, then (2) lying in one of the kb's regions, then (3) served by the
largest field (OurAirports class: a large airport beats medium ones, which beat strips), then (4) with more
scheduled (IATA-coded) fields, then (5) more fields. Only a tie on all of these is an ambiguity the caller
reports with the candidates ("San Jose": Costa Rica and California).

airportsdata is English only and spells some cities unlike the press ("Napoli", "Odesa"), and files one city's
fields under several spellings (Belgrade Nikola Tesla under "Belgrad", a strip under "Belgrade", Batajnica air
base under its suburb): ``data/kb/city_names.csv`` lists the Russian, Arabic and French names of the cities this
theatre's reporting names, and joins a city's airportsdata spellings into one city (Dakar's two airports, one
filed under Diass) and, where a ship's destination is written as the city, its curated port ("Port Sudan").
Such a name joins the same ranking (it never overrides it): "Odessa" is Odesa, Ukraine (a medium airport)
before Odessa, Texas (strips) by the rule above, not by the table.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import numpy as np
from rapidfuzz import fuzz

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import data_path, read_csv
from liftwatch.kb._text import norm_key, phonetic_key
from liftwatch.kb.runways import FIELD_TYPES, airfields
from liftwatch.kb.sites import _code_index, _row_index, airportsdata_rows, sites

# The hand table first (the theatre's cities, checked name by name), then the CLDR exemplar cities
# (``scripts/cldr_city_names.py``: capitals and large cities worldwide in French, Russian and Arabic).
NAME_TABLES: tuple[str, ...] = ("city_names.csv", "city_names_cldr.csv")
_NO_CLASS = len(FIELD_TYPES)  # a field OurAirports does not list (closed, private): below every class


@dataclass(frozen=True)
class City:
    """Every kb site of one city: ``key`` is the normalised name, ``country`` the ISO2 code.

    A city with one airfield appears only as a ranking candidate against same-named cities (the resolver then
    returns that airfield as a site).
    """

    key: str
    name: str
    country: str
    site_ids: tuple[str, ...]  # curated sites first, then by ICAO code
    curated: int  # how many of them are curated sites
    with_iata: int  # how many have an IATA code
    best_class: int = _NO_CLASS  # index in FIELD_TYPES of its largest field (0 = large_airport)
    in_region: bool = False  # any of its sites lies in a kb region

    @property
    def id(self) -> str:
        """Stable place id, e.g. ``city:RU:moscow``."""
        return f"city:{self.country}:{self.key}"


@cache
def _site_facts() -> tuple[list[bool], list[bool], list[bool], list[int]]:
    """Per sites() row: curated, has IATA, lies in a kb region, OurAirports class index."""
    frame = sites()
    rank = {t: i for i, t in enumerate(FIELD_TYPES)}
    classes = {icao: rank.get(t, _NO_CLASS) for icao, t in airfields().select("icao", "type").iter_rows()}
    size = [
        classes.get(icao or sid, _NO_CLASS)
        for sid, icao in zip(frame["site_id"].to_list(), frame["icao"].to_list(), strict=True)
    ]
    return (
        [bool(x) for x in frame["curated"].to_list()],
        [bool(x) for x in frame["iata"].to_list()],
        [x is not None for x in frame["region"].to_list()],
        size,
    )


def make_city(key: str, name: str, country: str, members: set[str] | tuple[str, ...]) -> City:
    """A :class:`City` over kb site ids, with the facts :func:`city_key` ranks on."""
    rows = _row_index()
    curated, iata, region, size = _site_facts()
    ids = sorted(set(members), key=lambda s: (not curated[rows[s]], s))
    return City(
        key,
        name,
        country,
        tuple(ids),
        sum(curated[rows[s]] for s in ids),
        sum(iata[rows[s]] for s in ids),
        min(size[rows[s]] for s in ids),
        any(region[rows[s]] for s in ids),
    )


@cache
def _raw_cities() -> dict[tuple[str, str], list[str]]:
    """(airportsdata city, ISO2) -> ICAO codes of its fields."""
    raw: dict[tuple[str, str], list[str]] = defaultdict(list)
    for icao, row in airportsdata_rows().items():
        if row["city"] and row["country"]:
            raw[(row["city"], row["country"])].append(icao)
    return dict(raw)


# Two spellings of one city in the airport table: same country, the same consonant skeleton ("ch" read as the
# "kh" it transliterates: Archangelsk, Arkhangelsk), the same first letter and phonetic keys at least this alike
# (Easton and Weston, Quellon and Queilen, East and West Sale stay apart), with fields this close to each other.
_SPELLING_RATIO = 85.0
_NOT_CONSONANT = re.compile(r"[^a-z]|[aeiouyw]")
_DOUBLED = re.compile(r"(.)\1+")
_SPELLING_KM = 30.0


_FOLD_PAIRS = (("ch", "h"), ("kh", "h"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ph", "f"))


def _spelling_key(name: str) -> str:
    """The consonant skeleton of an airport-table city name (Latin): ``skeleton``'s folds by plain string
    operations, which over the table's 17,000 names costs a tenth of calling it, with "ch" read as "kh"."""
    t = unicodedata.normalize("NFKD", name.lower()).encode("ascii", "ignore").decode()
    for a, b in _FOLD_PAIRS:
        t = t.replace(a, b)
    t = _NOT_CONSONANT.sub("", t.replace("c", "k").replace("q", "k").replace("x", "ks"))
    return _DOUBLED.sub(r"\1", t)


def _near(a: list[str], b: list[str], rows: dict[str, dict[str, str]]) -> bool:
    """Any field of ``a`` within ``_SPELLING_KM`` of any field of ``b`` (equirectangular; a few fields each)."""
    pa = np.radians([[float(rows[i]["lat"]), float(rows[i]["lon"])] for i in a])
    pb = np.radians([[float(rows[i]["lat"]), float(rows[i]["lon"])] for i in b])
    dlat = pa[:, None, 0] - pb[None, :, 0]
    dlon = (pa[:, None, 1] - pb[None, :, 1]) * np.cos(pa[:, None, 0])
    return bool((6371.0 * np.hypot(dlat, dlon)).min() <= _SPELLING_KM)


@cache
def _spellings() -> dict[tuple[str, str], list[str]]:
    """(airportsdata city, ISO2) -> ICAO codes of its fields and of the fields the table files under another
    spelling of the same city.

    OurAirports files Arkhangelsk's main airport (Talagi) under "Archangelsk" and its small Vaskovo field under
    "Arkhangelsk", Nashik's airport under "Nasik" and a strip under "Nashik", Milan's Linate and Malpensa under
    "Milan" and two small fields under "Milano": read as written, a spelling would name the small field alone,
    so a city name would pick a strip over the city's main airport. Joined, the city is all its fields, as any
    city of several fields is. 26 pairs of spellings join this way (Petropavlovsk-Kamchatskiy/-Kamchatsky,
    Ulaanbaatar/Ulan Bator, Isfahan/Esfahan, Tallahassee/Tallahasse, ...).
    """
    raw = _raw_cities()
    rows = airportsdata_rows()
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, country in raw:
        key = _spelling_key(name)
        if len(key) >= 3:
            by_key[(key, country)].append(name)
    out = dict(raw)
    for (_, country), names in by_key.items():
        if len(names) < 2:
            continue
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                pa, pb = phonetic_key(a), phonetic_key(b)
                if (
                    pa[:1] == pb[:1]
                    and norm_key(a) != norm_key(b)
                    and fuzz.ratio(pa, pb) >= _SPELLING_RATIO
                    and _near(raw[(a, country)], raw[(b, country)], rows)
                ):
                    out[(a, country)] = sorted({*out[(a, country)], *raw[(b, country)]})
                    out[(b, country)] = sorted({*out[(b, country)], *raw[(a, country)]})
    return out


@cache
def _cities() -> dict[str, list[City]]:
    """norm_key(city name) -> cities of that name with two or more kb sites (any country).

    Grouped on the raw (city, country) pair first, so only the ~3,400 names shared by several airfields are
    normalised and become :class:`City` objects (a one-airfield city is that airfield's alias).
    """
    codes = _code_index()
    norm: dict[str, str] = {}
    groups: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for (name, country), icaos in _spellings().items():
        if len(icaos) < 2:  # a one-airfield city is that airfield's alias; skipping it saves most of the folding
            continue
        key = norm.get(name)
        if key is None:
            key = norm[name] = norm_key(name)
        if key:
            groups.setdefault((key, country), (name.strip(), set()))[1].update(codes[i] for i in icaos if i in codes)
    out: dict[str, list[City]] = defaultdict(list)
    for (key, country), (name, members) in groups.items():
        if len(members) >= 2:
            out[key].append(make_city(key, name, country, members))
    return dict(out)


def rank_cities(cities: list[City]) -> list[City]:
    """Same-named places, most likely meant first (see the module docstring)."""
    return sorted(cities, key=lambda c: (*city_key(c), c.country, c.site_ids))


def city_key(city: City) -> tuple[int, int, int, int, int]:
    """The ranking key of :func:`rank_cities` (equal keys = the name is ambiguous between those places)."""
    return (-(city.curated > 0), -city.in_region, city.best_class, -city.with_iata, -len(city.site_ids))


@cache
def _named_cities() -> dict[str, list[City]]:
    """norm_key(other-language name) -> the cities of the name tables (``NAME_TABLES``) so named."""
    codes = _code_index()
    frame = sites()
    curated = set(frame.filter(frame["curated"])["site_id"].to_list())
    out: dict[str, list[City]] = defaultdict(list)
    rows = [(table, i, row) for table in NAME_TABLES for i, row in enumerate(read_csv(table), start=2)]
    for table, i, row in rows:
        where = f"{data_path(table)}:{i}"
        spellings = [c.strip() for c in row["city"].split("|") if c.strip()]
        country = row["country"].strip()
        members: set[str] = set()
        for spelling in spellings:  # airportsdata files one city's fields under several spellings (Belgrad)
            if spelling in curated:  # the city's port ("Port Sudan" for a ship): no airport table lists it
                members.add(spelling)
                continue
            found = {codes[c] for c in _spellings().get((spelling, country), []) if c in codes}
            if not found:
                raise KnowledgeBaseError(f"{where}: airportsdata has no field in city {spelling!r}, {country}")
            members |= found
        if not spellings:
            raise KnowledgeBaseError(f"{where}: empty city")
        city = spellings[0]
        target = make_city(norm_key(city), city, country, members)
        for name in (city, *row["names"].split("|")):
            key = norm_key(name)
            if key and target not in out[key]:
                out[key].append(target)
    return dict(out)


def cities_named(text: str) -> list[City]:
    """Places called ``text`` exactly (normalised): cities with several airfields, and the cities of
    ``data/kb/city_names.csv`` with that name in another language (which may have one airfield), best first."""
    key = norm_key(text)
    if not key:
        return []
    found = {c.id: c for c in _cities().get(key, [])}
    for c in _named_cities().get(key, []):
        prev = found.get(c.id)  # the table's city holds the airport table's one, and any other spelling's fields
        # or port; two tables naming the same city (the hand table and the CLDR one) add up
        found[c.id] = c if prev is None else make_city(c.key, c.name, c.country, {*prev.site_ids, *c.site_ids})
    return rank_cities(list(found.values()))


# "Frankfurt am Main", "Rostov-on-Don", "Frankfurt an der Oder", "Châlons-en-Champagne": the press names such a
# city by its head alone
_QUALIFIED = re.compile(
    r"^(?P<head>.{3,}?)[\s-]+(?:am|an|im|in|ob|bei|on|upon|na|sur|sous|sul|en|del)[\s-]+\S.*$", re.IGNORECASE
)


@cache
def city_heads() -> dict[str, list[City]]:
    """norm_key(head) -> the cities whose airport-table name is that head with a qualifier ("frankfurt" ->
    Frankfurt am Main, "rostov" -> Rostov-on-Don), for a name no city or airfield carries whole."""
    codes = _code_index()
    out: dict[str, list[City]] = defaultdict(list)
    for (name, country), icaos in _raw_cities().items():
        m = _QUALIFIED.match(name.strip())
        members = {codes[i] for i in icaos if i in codes}
        key = norm_key(m.group("head")) if m else ""
        if key and members:
            out[key].append(make_city(norm_key(name), name.strip(), country, members))
    return dict(out)


def prominent(city: City) -> bool:
    """A city worth a guess by sound: it holds a curated site, lies in a kb region or has a large or medium
    airport. A small US town that sounds like a name in the news ("Dorris" for Durrës) is not."""
    return city.curated > 0 or city.in_region or city.best_class <= 1


@cache
def city_phonetic() -> dict[str, str]:
    """phonetic_key -> city key, for multi-airfield cities named with 5+ letters ("Tripoly", "Moskva")."""
    return {phonetic_key(k): k for k in city_names() if len(k) >= 5}


@cache
def city_names() -> list[str]:
    """Normalised names of cities with several airfields, and other-language city names (for fuzzy lists)."""
    return list(dict.fromkeys([*_cities(), *_named_cities()]))
