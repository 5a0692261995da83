"""What a resolved place name is (:class:`PlaceRef`) and how each kind of place becomes one.

:mod:`liftwatch.kb.places` decides *which* place a name means; the steps it calls on (the town-airport, sound and
carrier readings) and the fuzzy fallback all hand back the same record, built here, so a site, region, country or
city looks alike whichever step found it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from liftwatch.kb.cities import City
from liftwatch.kb.countries import countries
from liftwatch.kb.place_guard import PlaceKind
from liftwatch.kb.regions import region_of_site, regions, sites_in_region
from liftwatch.kb.sites import site, sites

MatchKind = Literal["id", "code", "alias", "name", "transliteration", "sound", "fuzzy"]


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
