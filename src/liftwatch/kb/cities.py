"""Cities served by several airfields ("Moscow": Sheremetyevo, Domodedovo, Vnukovo, Bykovo, Chkalovsky, ...).

An analyst filtering on ``--dest Moscow`` means any Moscow airfield: picking one (the old behaviour picked
Bykovo) silently drops most flights. The city of each airfield comes from airportsdata's ``city`` column
(OurAirports' municipality), which also covers fields the curated gazetteer replaces (Mitiga is in Tripoli).
Same-named cities in different countries (Tripoli in Libya, Lebanon and Greece; Moscow in Russia and Idaho)
are told apart by :func:`rank_cities`: a city holding curated sites of this theatre, then more airfields with
an IATA code (scheduled service), then more airfields; a tie is an ambiguity the caller reports.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from liftwatch.kb._text import norm_key, phonetic_key
from liftwatch.kb.sites import _code_index, _row_index, airportsdata_rows, sites

# Other-script and other-language names of multi-airfield cities in this theatre (airportsdata is English only).
CITY_ALIASES: dict[str, tuple[str, ...]] = {
    "moscow": ("Москва", "Moskva", "Moscou", "موسكو"),
    "tripoli": ("Триполи", "Tarabulus", "طرابلس"),
    "saintpetersburg": ("Санкт-Петербург", "St Petersburg", "St. Petersburg", "Saint-Pétersbourg", "سانت بطرسبرغ"),
    "minsk": ("Минск", "Мінск", "مينسك"),
}


@dataclass(frozen=True)
class City:
    """Every kb site of one city: ``key`` is the normalised name, ``country`` the ISO2 code."""

    key: str
    name: str
    country: str
    site_ids: tuple[str, ...]  # curated sites first, then by ICAO code
    curated: int  # how many of them are curated sites
    with_iata: int  # how many have an IATA code

    @property
    def id(self) -> str:
        """Stable place id, e.g. ``city:RU:moscow``."""
        return f"city:{self.country}:{self.key}"


@cache
def _cities() -> dict[str, list[City]]:
    """norm_key(city name) -> cities of that name with two or more kb sites (any country), best ranked first.

    Grouped on the raw (city, country) pair first, so only the ~3,400 names shared by several airfields are
    normalised and become :class:`City` objects (a one-airfield city is that airfield's alias).
    """
    raw: dict[tuple[str, str], list[str]] = defaultdict(list)
    for icao, row in airportsdata_rows().items():
        if row["city"] and row["country"]:
            raw[(row["city"], row["country"])].append(icao)
    codes = _code_index()
    norm: dict[str, str] = {}
    groups: dict[tuple[str, str], tuple[str, set[str]]] = {}
    for (name, country), icaos in raw.items():
        if len(icaos) < 2:  # a one-airfield city is that airfield's alias; skipping it saves most of the folding
            continue
        key = norm.get(name)
        if key is None:
            key = norm[name] = norm_key(name)
        if key:
            groups.setdefault((key, country), (name.strip(), set()))[1].update(codes[i] for i in icaos if i in codes)
    rows = _row_index()
    frame = sites()
    curated = frame["curated"].to_list()
    iata = frame["iata"].to_list()
    out: dict[str, list[City]] = defaultdict(list)
    for (key, country), (name, members) in groups.items():
        if len(members) < 2:
            continue
        ids = sorted(members, key=lambda s: (not curated[rows[s]], s))
        n_cur = sum(bool(curated[rows[s]]) for s in ids)
        out[key].append(City(key, name, country, tuple(ids), n_cur, sum(bool(iata[rows[s]]) for s in ids)))
    return {k: rank_cities(v) for k, v in out.items()}


def rank_cities(cities: list[City]) -> list[City]:
    """Same-named cities, most likely meant first (curated sites, then scheduled airfields, then airfields)."""
    return sorted(cities, key=lambda c: (*city_key(c), c.country))


def city_key(city: City) -> tuple[int, int, int]:
    """The ranking key of :func:`rank_cities` (equal keys = the name is ambiguous between those cities)."""
    return (-(city.curated > 0), -city.with_iata, -len(city.site_ids))


@cache
def _alias_keys() -> dict[str, str]:
    return {norm_key(a): key for key, names in CITY_ALIASES.items() for a in names}


def cities_named(text: str) -> list[City]:
    """Multi-airfield cities called ``text`` exactly (normalised, or a listed other-script name), best first."""
    key = norm_key(text)
    key = _alias_keys().get(key, key)
    return list(_cities().get(key, [])) if key else []


@cache
def city_phonetic() -> dict[str, str]:
    """phonetic_key -> city key, for multi-airfield cities named with 5+ letters ("Tripoly", "Moskva")."""
    return {phonetic_key(k): k for k in city_names() if len(k) >= 5}


@cache
def city_names() -> list[str]:
    """Normalised names of cities with several airfields (for fuzzy candidate lists)."""
    return list(_cities())
