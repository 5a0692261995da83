"""One vocabulary for places: any site or region name, in any script, to a :class:`PlaceRef`.

Every command, the notebook API, the report and the filters resolve place names here, so "OSLK",
"Khmeimim", "hmeimim" and "Хмеймим" select the same flights everywhere. Exact matches win in a fixed
order (region id, site id, ICAO/IATA code, region alias, site alias, transliteration); only then is a fuzzy
match tried, and it must be clearly better than the runner-up. An unknown or ambiguous name raises
:class:`~liftwatch.errors.PlaceError` listing the candidates: a silent guess would filter on the wrong
airfield and return a plausible, wrong, answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

from rapidfuzz import fuzz, process

from liftwatch.errors import PlaceError
from liftwatch.kb._text import norm_key, phonetic_key
from liftwatch.kb.lookup import _best, _index, search_sites
from liftwatch.kb.regions import _region_alias_index, region_of_site, regions, sites_in_region
from liftwatch.kb.sites import _code_index, _row_index, site

PlaceKind = Literal["site", "region"]
MatchKind = Literal["id", "code", "alias", "transliteration", "fuzzy"]

MIN_FUZZY_SCORE = 90.0  # below this a fuzzy hit is a guess ("militray" -> Melita Airport), not a spelling variant
MIN_MARGIN = 3.0  # a fuzzy winner must beat the next distinct place by this much


@dataclass(frozen=True)
class PlaceRef:
    """A resolved place: what was typed, what it means, and how sure the match is."""

    text: str
    kind: PlaceKind
    id: str  # site id or region id
    name: str
    site_ids: tuple[str, ...]  # the site itself, or every kb site in the region
    region_ids: tuple[str, ...]  # the region itself, or the regions the site lies in
    matched: MatchKind
    score: float  # 100 for exact matches

    @property
    def ids(self) -> tuple[str, ...]:
        """The one id analytics filters take (a site id or a region id; legs carry both)."""
        return (self.id,)

    def __str__(self) -> str:
        return f"{self.name} ({self.kind} {self.id})"

    def __repr__(self) -> str:
        extra = f", {len(self.site_ids)} sites" if self.kind == "region" else ""
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


def _exact(text: str) -> PlaceRef | None:
    t = text.strip()
    if t in regions():
        return _region_ref(text, t, "id")
    if t in _row_index():
        return _site_ref(text, t, "id")
    code = _code_index().get(t.upper())
    if code and t.isupper():  # "SIRT" is a code, "Sirt" a name (Sirte)
        return _site_ref(text, code, "code")
    key = norm_key(t)
    if not key:
        return None
    region = _region_alias_index().get(key)
    if region:
        return _region_ref(text, region, "alias")
    idx = _index()
    hits = idx.exact.get(key)
    if hits:
        return _site_ref(text, _best(hits)[0], "alias")
    hits = idx.phonetic.get(phonetic_key(t))
    if hits:
        return _site_ref(text, _best(hits)[0], "transliteration")
    if code:
        return _site_ref(text, code, "code")
    return None


def place_candidates(text: str, limit: int = 5) -> list[tuple[PlaceKind, str, str, float]]:
    """Closest sites and regions to ``text`` as (kind, id, name, score), best first (for error messages too)."""
    out: list[tuple[PlaceKind, str, str, float]] = [
        ("site", s.site_id, s.name, float(score)) for s, score in search_sites(text, limit=limit)
    ]
    key = norm_key(text)
    if key:
        alias_index = _region_alias_index()
        seen: set[str] = set()
        for alias, score, _ in process.extract(key, list(alias_index), scorer=fuzz.WRatio, limit=limit * 3):
            rid = alias_index[alias]
            if rid not in seen:
                seen.add(rid)
                out.append(("region", rid, regions()[rid].name, round(float(score), 1)))
    out.sort(key=lambda c: -c[3])
    return out[:limit]


def resolve_place(text: str) -> PlaceRef:
    """The site or region ``text`` names; raises PlaceError (with candidates) when unknown or ambiguous."""
    if not text or not text.strip():
        raise PlaceError(text, "empty")
    exact = _exact(text)
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
    return _site_ref(text, pid, "fuzzy", score) if kind == "site" else _region_ref(text, pid, "fuzzy", score)
