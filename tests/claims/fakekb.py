"""Stand-in for ``liftwatch.kb`` with the API subset the claim engine uses, over a dozen sites.

Lets the engine's tests pin behaviour independently of the curated kb data (which other engineers edit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import polars as pl
from rapidfuzz import fuzz, process


@dataclass
class Site:
    site_id: str
    name: str
    kind: str
    lat: float
    lon: float
    country: str
    region: str | None
    aliases: list[str]
    icao: str | None = None
    controllers: list[object] = field(default_factory=list)


@dataclass
class Region:
    id: str
    name: str
    aliases: list[str]
    site_ids: list[str]
    polygon: list[tuple[float, float]] | None = None


_SITES = [
    Site("hmeimim", "Hmeimim Air Base", "air_base", 35.401, 35.949, "SY", "western-syria",
         ["Khmeimim", "Humaymim", "Hmeymim", "حميميم", "Хмеймим", "Basel Al-Assad", "Latakia airport", "OSLK"], "OSLK"),
    Site("tartus", "Tartus naval facility", "naval_base", 34.905, 35.872, "SY", "western-syria",
         ["Tartous", "Tartous naval base", "طرطوس", "Тартус"]),
    Site("latakia-port", "Port of Latakia", "port", 35.52, 35.77, "SY", "western-syria", ["Latakia", "Lattakia"]),
    Site("al-khadim", "Al-Khadim Air Base", "air_base", 32.15, 20.9, "LY", "eastern-libya",
         ["Al-Khadem", "Al Khadim", "Khadim", "الخادم", "Аль-Хадим"]),
    Site("al-jufra", "Al-Jufra Air Base", "air_base", 29.198, 16.0, "LY", "central-libya", ["Jufra", "Al Jufrah", "الجفرة"]),
    Site("benina", "Benina International Airport", "airport", 32.097, 20.269, "LY", "eastern-libya",
         ["Benghazi airport", "Benghazi", "HLLB"], "HLLB"),
    Site("tobruk", "Gamal Abdel Nasser Air Base", "air_base", 31.861, 23.907, "LY", "eastern-libya",
         ["Tobruk", "Tobruk air base", "طبرق"]),
    Site("tobruk-port", "Port of Tobruk", "port", 32.07, 23.98, "LY", "eastern-libya", ["Tobruk port"]),
    Site("benghazi-port", "Port of Benghazi", "port", 32.12, 20.05, "LY", "eastern-libya", ["Benghazi port"]),
    Site("chkalovsky", "Chkalovsky Air Base", "air_base", 55.878, 38.062, "RU", "russia", ["Chkalovskiy", "Чкаловский"]),
    Site("GABS", "Modibo Keita International Airport", "airport", 12.534, -7.95, "ML", None,
         ["Bamako", "Bamako-Senou"], "GABS"),
    # the engine's city anchors (claims.place_names.CITY_ANCHORS) stand for Moscow and St Petersburg
    Site("UUEE", "Sheremetyevo International Airport", "airport", 55.973, 37.415, "RU", "russia", [], "UUEE"),
    Site("ULLI", "Pulkovo Airport", "airport", 59.800, 30.263, "RU", "russia", [], "ULLI"),
]  # fmt: skip
_REGIONS = {
    "syria": Region("syria", "Syria", ["Syrian Arab Republic", "سوريا", "Сирия"], ["hmeimim", "tartus", "latakia-port"]),
    "western-syria": Region("western-syria", "western Syria", ["Syrian coast"], ["hmeimim", "tartus", "latakia-port"]),
    "libya": Region("libya", "Libya", ["ليبيا", "Ливия"],
                    ["al-khadim", "al-jufra", "benina", "tobruk", "tobruk-port", "benghazi-port"]),
    "eastern-libya": Region("eastern-libya", "eastern Libya", ["east Libya", "Cyrenaica"],
                            ["al-khadim", "benina", "tobruk", "tobruk-port", "benghazi-port"]),
    "central-libya": Region("central-libya", "central Libya", [], ["al-jufra"]),
    "western-libya": Region("western-libya", "western Libya", ["Tripolitania"], []),
    "russia": Region("russia", "Russia", ["Russian Federation"], ["chkalovsky"]),
}  # fmt: skip
_PARENT = {"western-syria": "syria", "eastern-libya": "libya", "central-libya": "libya", "western-libya": "libya"}
_CONTROL = {"al-khadim": "LNA (Haftar)", "al-jufra": "LNA (Haftar)", "benina": "LNA (Haftar)", "tobruk": "LNA (Haftar)",
            "hmeimim": "Russia", "tartus": "Russia"}  # fmt: skip


def sites() -> pl.DataFrame:
    cols = ("site_id", "name", "kind", "lat", "lon", "country", "region", "icao")
    return pl.DataFrame([{**{k: getattr(s, k) for k in cols}, "aliases": s.aliases} for s in _SITES])


def site(site_id: str) -> Site:
    return next(s for s in _SITES if s.site_id == site_id)


def regions() -> dict[str, Region]:
    return dict(_REGIONS)


def region_of_site(site_id: str) -> list[str]:
    out, r = [], site(site_id).region
    while r:
        out.append(r)
        r = _PARENT.get(r)
    return out


def _names() -> dict[str, Site]:
    return {a.lower(): s for s in _SITES for a in [s.name, s.site_id, *s.aliases]}


def resolve_site(text: str) -> Site | None:
    names, key = _names(), text.lower().strip()
    if key in names:
        return names[key]
    best = process.extractOne(key, list(names), scorer=fuzz.WRatio, score_cutoff=88)
    return names[best[0]] if best else None


def resolve_region(text: str) -> Region | None:
    key = text.lower().strip()
    for r in _REGIONS.values():
        if key in [r.name.lower(), r.id, *[a.lower() for a in r.aliases]]:
            return r
    return None


def controller_at(site_id: str, when: datetime) -> str | None:
    return _CONTROL.get(site_id)


def aircraft_types() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "type_code": ["IL76", "A124", "AN12", "IL62", "T154", "A320", "C17"],
            "category": ["cargo", "cargo", "cargo", "airliner", "airliner", "airliner", "cargo"],
        }
    )


def known_assets() -> pl.DataFrame:
    return pl.DataFrame(
        {
            "asset_id": ["273311620", "273379740"],
            "registration": ["SPARTA II", "URSA MAJOR"],
            "type_code": [None, None],
            "operator": ["Oboronlogistika", "Oboronlogistika"],
            "country": ["RU", "RU"],
            "role": ["cargo ship", "cargo ship"],
            "source": ["test", "test"],
        }
    )


def nearest_sites(lat: float, lon: float, radius_km: float = 30.0, limit: int = 5) -> list[tuple[Site, float]]:
    """No harbour neighbours in the fake gazetteer."""
    return []
