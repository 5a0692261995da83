"""Named regions (polygons and site groups) used as origins and destinations ("Syria" -> "eastern Libya"),
and the seas, gulfs, straits and canals ships pass ("Red Sea", "Bosphorus").

A water region (``kind`` other than "land") is a place for *points* (a ship's AIS position, an aircraft over the
sea), never for sites: no airfield or port belongs to it, whatever its polygon touches, so a coastal airport is
never counted as "from the Red Sea". :func:`region_of_site`, :func:`sites_in_region` and the gazetteer's region
column skip water regions, and a flight or voyage endpoint naming one is an error
(:func:`liftwatch.kb.endpoints.resolve_endpoint`).

Why hand-written point-in-polygon: the polygons are a few dozen small hand-made rings, so an even-odd ray cast
vectorised over points with NumPy (plus a bounding-box prefilter) is fast and avoids a GEOS dependency
(shapely) for something this small. Data: ``data/kb/regions.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import data_path, read_toml
from liftwatch.kb._text import norm_key

Ring = list[tuple[float, float]]

#: What a region is: land (countries, sub-regions, site groups) or one of the kinds of water.
REGION_KINDS: tuple[str, ...] = ("land", "sea", "gulf", "strait", "canal", "cape")
#: Water a ship passes through rather than sails into (a stop on the route, not a destination); a cape's region
#: is the water off it that a ship rounding it passes ("round the Cape of Good Hope").
PASSAGE_KINDS: frozenset[str] = frozenset({"strait", "canal", "cape"})


@dataclass(frozen=True)
class Region:
    """A named region: ``polygon`` ([(lon, lat), ...], closed) and/or explicit ``site_ids``.

    ``rank`` 0 = sub-region, 1 = country, 2 = broad area/site group, 3 = continent or grouping of states by
    country list (Europe, the Middle East, the Gulf states); lower is more specific. A region with
    ``within`` set only contains points that are also inside that parent region. ``kind`` is "land" or the
    kind of water ("sea", "gulf", "strait", "canal", "cape": the water off a cape that ships round): a water
    region holds points, never sites. ``holes`` are rings cut out of the region (the large islands of a sea): a
    point inside one is not in the region.
    """

    id: str
    name: str
    aliases: list[str]
    site_ids: list[str]
    polygon: Ring | None
    rank: int = 1
    within: str | None = None
    countries: list[str] = field(default_factory=list)
    extra_polygons: list[Ring] = field(default_factory=list)
    source: str = ""
    kind: str = "land"
    holes: list[Ring] = field(default_factory=list)

    @property
    def is_water(self) -> bool:
        """A sea, gulf, strait or canal: a region of points (AIS positions), never of airfields or ports."""
        return self.kind != "land"

    @property
    def is_passage(self) -> bool:
        """A strait, canal or cape: passed through (or rounded) on the way, not sailed into."""
        return self.kind in PASSAGE_KINDS

    def __hash__(self) -> int:  # list fields are not hashable; a region is identified by its id
        return hash(("region", self.id))

    @property
    def rings(self) -> list[Ring]:
        """All polygon rings (main polygon first)."""
        return ([self.polygon] if self.polygon else []) + list(self.extra_polygons)


def _ring(value: object, where: str) -> Ring:
    if not isinstance(value, list) or len(value) < 4:
        raise KnowledgeBaseError(f"{where}: polygon needs at least 4 [lon, lat] pairs")
    ring: Ring = []
    for pt in value:
        if not (isinstance(pt, list) and len(pt) == 2 and all(isinstance(x, int | float) for x in pt)):
            raise KnowledgeBaseError(f"{where}: polygon point {pt!r} is not [lon, lat]")
        lon, lat = float(pt[0]), float(pt[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            raise KnowledgeBaseError(f"{where}: polygon point {pt!r} out of range")
        ring.append((lon, lat))
    return ring


@cache
def regions() -> dict[str, Region]:
    """All regions by id, ordered most specific first (rank, then polygon area, then number of countries)."""
    path = data_path("regions.toml")
    doc = read_toml(path)
    out: list[Region] = []
    for i, raw in enumerate(doc.get("region", []), start=1):
        where = f"{path}: region #{i} ({raw.get('id', '?')})"
        if "id" not in raw or "name" not in raw:
            raise KnowledgeBaseError(f"{where}: id and name are required")
        polygon = _ring(raw["polygon"], where) if "polygon" in raw else None
        extras = [_ring(r, where) for r in raw.get("extra_polygons", [])]
        holes = [_ring(r, where) for r in raw.get("holes", [])]
        kind = str(raw.get("kind", "land"))
        if kind not in REGION_KINDS:
            raise KnowledgeBaseError(f"{where}: kind {kind!r} is not one of {', '.join(REGION_KINDS)}")
        out.append(
            Region(
                id=str(raw["id"]),
                name=str(raw["name"]),
                aliases=[str(a) for a in raw.get("aliases", [])],
                site_ids=[str(s) for s in raw.get("sites", [])],
                polygon=polygon,
                rank=int(raw.get("rank", 1)),
                within=raw.get("within"),
                countries=[str(c) for c in raw.get("countries", [])],
                extra_polygons=extras,
                source=str(raw.get("source", "")),
                kind=kind,
                holes=holes,
            )
        )
    ids = {r.id for r in out}
    kinds = {r.id: r.is_water for r in out}
    for r in out:
        if r.within and r.within not in ids:
            raise KnowledgeBaseError(f"{path}: region {r.id!r} is within unknown region {r.within!r}")
        if r.is_water and (r.site_ids or r.countries):
            raise KnowledgeBaseError(f"{path}: water region {r.id!r} cannot list sites or countries")
        if r.within and kinds[r.within] != r.is_water:
            raise KnowledgeBaseError(f"{path}: region {r.id!r} and its parent {r.within!r} are not both land or water")
    out.sort(key=lambda r: (r.rank, _area(r), len(r.countries)))
    return {r.id: r for r in out}


def _ring_area(ring: Ring) -> float:
    xs = np.array([p[0] for p in ring])
    ys = np.array([p[1] for p in ring])
    return 0.5 * abs(float(np.dot(xs, np.roll(ys, 1)) - np.dot(ys, np.roll(xs, 1))))


def _area(region: Region) -> float:
    return sum(_ring_area(r) for r in region.rings) - sum(_ring_area(h) for h in region.holes)


def _in_ring(lat: np.ndarray, lon: np.ndarray, ring: Ring) -> np.ndarray:
    """Even-odd ray casting, vectorised over points; O(points x edges) after a bbox prefilter."""
    xs = np.array([p[0] for p in ring])
    ys = np.array([p[1] for p in ring])
    inside = np.zeros(lat.shape, dtype=bool)
    box = (lon >= xs.min()) & (lon <= xs.max()) & (lat >= ys.min()) & (lat <= ys.max())
    if not box.any():
        return inside
    px, py = lon[box], lat[box]
    acc = np.zeros(px.shape, dtype=bool)
    x0, y0 = xs[-1], ys[-1]
    for x1, y1 in zip(xs, ys, strict=True):
        crosses = (y1 > py) != (y0 > py)
        with np.errstate(divide="ignore", invalid="ignore"):
            xint = x1 + (py - y1) * (x0 - x1) / (y0 - y1)
        acc ^= crosses & (px < xint)
        x0, y0 = x1, y1
    inside[box] = acc
    return inside


def _contains(region: Region, lat: np.ndarray, lon: np.ndarray, cache_: dict[str, np.ndarray]) -> np.ndarray:
    if region.id in cache_:
        return cache_[region.id]
    mask = np.zeros(lat.shape, dtype=bool)
    for ring in region.rings:
        mask |= _in_ring(lat, lon, ring)
    for hole in region.holes:
        mask &= ~_in_ring(lat, lon, hole)
    if region.within:
        mask &= _contains(regions()[region.within], lat, lon, cache_)
    cache_[region.id] = mask
    return mask


def points_in_region(region_id: str, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    """Boolean mask of points inside the region's polygon(s) (False everywhere for pure site groups)."""
    lat_a = np.asarray(lat, dtype=np.float64)
    lon_a = np.asarray(lon, dtype=np.float64)
    return _contains(regions()[region_id], lat_a, lon_a, {})


def regions_of_points(lat: np.ndarray, lon: np.ndarray, *, water: bool = True) -> np.ndarray:
    """Most specific polygon region id for each point (object array of str or None). Vectorised.

    ``water=False`` leaves seas, gulfs, straits and canals out (a site's region is never water).
    """
    lat_a = np.asarray(lat, dtype=np.float64)
    lon_a = np.asarray(lon, dtype=np.float64)
    out = np.full(lat_a.shape, None, dtype=object)
    unplaced = np.isfinite(lat_a) & np.isfinite(lon_a)
    memo: dict[str, np.ndarray] = {}
    for region in regions().values():  # most specific first
        if not region.rings or not unplaced.any() or (region.is_water and not water):
            continue
        hit = _contains(region, lat_a, lon_a, memo) & unplaced
        out[hit] = region.id
        unplaced &= ~hit
    return out


def region_of_point(lat: float, lon: float) -> str | None:
    """Most specific polygon region containing one point, or None."""
    res = regions_of_points(np.array([lat]), np.array([lon]))[0]
    return None if res is None else str(res)


def region_of_site(site_id: str) -> list[str]:
    """Ids of all regions containing the site, most specific first (memoised; a fresh list each call).

    A site belongs to a region if it is listed in the region's site group, its ISO2 country is one of the
    region's ``countries``, its curated ``region`` is the region (or a sub-region of it), or its coordinates
    fall inside the polygon. Water regions never hold sites (a coastal airfield is not "in the Red Sea").
    """
    return list(_region_of_site(site_id))


@cache
def _region_of_site(site_id: str) -> tuple[str, ...]:
    from liftwatch.kb.sites import site

    s = site(site_id)
    regs = regions()
    hits: set[str] = set()
    mask_cache: dict[str, np.ndarray] = {}
    lat, lon = np.array([s.lat]), np.array([s.lon])
    for r in regs.values():
        if r.is_water:
            continue
        if (
            s.site_id in r.site_ids
            or (s.country and s.country in r.countries)
            or (r.rings and bool(_contains(r, lat, lon, mask_cache)[0]))
        ):
            hits.add(r.id)
    if s.region in regs:
        hits.add(s.region)
        parent = regs[s.region].within
        while parent:
            hits.add(parent)
            parent = regs[parent].within
    # a curated region overrides polygon guesses between sibling sub-regions (e.g. near the 18.5E line)
    if s.region in regs and regs[s.region].within:
        siblings = {r.id for r in regs.values() if r.within == regs[s.region].within and r.id != s.region}
        hits -= siblings
    return tuple(rid for rid in regs if rid in hits)


@cache
def _region_alias_index() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in regions().values():
        for text in (r.id, r.name, *r.aliases):
            out.setdefault(norm_key(text), r.id)
    return out


def resolve_region(text: str) -> Region | None:
    """Region by id, name or alias in any script ("eastern Libya", "Cyrenaica", "Сирия"); fuzzy fallback."""
    from rapidfuzz import fuzz, process

    idx = _region_alias_index()
    key = norm_key(text)
    if not key:
        return None
    if key in idx:
        return regions()[idx[key]]
    best = process.extractOne(key, list(idx), scorer=fuzz.ratio, score_cutoff=85)
    return regions()[idx[best[0]]] if best else None


def sites_in_region(region_id: str, curated_only: bool = False) -> list[str]:
    """Ids of all sites belonging to a region (polygon, country list or site group), curated sites first.

    Uses the same membership rules as :func:`region_of_site` but vectorised over the whole gazetteer; a water
    region has none.
    """
    import polars as pl

    from liftwatch.kb.sites import sites

    region = regions()[region_id]
    if region.is_water:
        return []
    frame = sites().filter(pl.col("curated")) if curated_only else sites()
    lat, lon = frame["lat"].to_numpy(), frame["lon"].to_numpy()
    member = points_in_region(region_id, lat, lon) if region.rings else np.zeros(frame.height, dtype=bool)
    ids = frame["site_id"].to_numpy()
    member |= np.isin(ids, region.site_ids)
    if region.countries:
        member |= frame["country"].is_in(region.countries).fill_null(False).to_numpy()
    sub = {r.id for r in regions().values() if r.within == region_id} | {region_id}
    member |= frame["region"].is_in(list(sub)).fill_null(False).to_numpy()
    if region.within:  # a curated site explicitly placed in a sibling sub-region is not a member
        siblings = [r.id for r in regions().values() if r.within == region.within and r.id != region_id]
        member &= ~frame["region"].is_in(siblings).fill_null(False).to_numpy()
    return [str(s) for s in ids[member]]
