"""User watchlists: TOML rules matched against flights (after the fact) or points (live).

A rule matches when *every* criterion it specifies matches (AND across fields, OR within a field's list):

```toml
[[rule]]
name = "Russian state airlift to eastern Libya"
callsigns = ["^RFF", "^RSD"]            # regular expressions, case-insensitive
types = ["IL76", "A124"]                # ICAO designators
countries = ["RU"]                      # ISO2 (fused country from the KB classifier)
classification = ["military", "state"]  # military | state | civil | unknown
addresses = ["1546a2"]                  # ICAO hex or MMSI
registrations = ["RA-78*", "RF-*"]      # exact or glob
sites = ["Khmeimim", "al-Khadem"]       # any spelling: departure or arrival at one of these sites/regions
corridors = [{from = "hmeimim", to = "eastern Libya"}]   # site, region, country or city at each end
radius_km = 30                          # points only: how close to a site counts as "at" it
```

Matching is columnar (Polars expressions per rule); site/region names are resolved once at load time, and a
bad rule raises :class:`KnowledgeBaseError` naming the file, the rule and the field.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl

from liftwatch.errors import KnowledgeBaseError, PlaceError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._data import read_toml
from liftwatch.kb.assets import CLASSIFICATIONS, classify_frame
from liftwatch.kb.places import resolve_place
from liftwatch.kb.regions import points_in_region, region_of_site
from liftwatch.kb.sites import site

RULE_FIELDS = (
    "name",
    "description",
    "addresses",
    "registrations",
    "callsigns",
    "types",
    "countries",
    "sites",
    "corridors",
    "classification",
    "radius_km",
)


@dataclass(frozen=True)
class Place:
    """A resolved site, region or site group (a country or city: ``group`` = its place id, ``site_ids`` its
    sites) from a rule; exactly one of ``site_id``, ``region_id`` and ``group`` is set."""

    text: str
    site_id: str | None = None
    region_id: str | None = None
    group: str | None = None
    site_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.site_id or self.region_id or self.group or self.text


@dataclass(frozen=True)
class Rule:
    """One validated watchlist rule."""

    name: str
    description: str = ""
    addresses: tuple[str, ...] = ()
    registrations: tuple[str, ...] = ()
    callsigns: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    sites: tuple[Place, ...] = ()
    corridors: tuple[tuple[Place, Place], ...] = ()
    classification: tuple[str, ...] = ()
    radius_km: float = 30.0

    @property
    def callsign_regex(self) -> str | None:
        return "(?i)" + "|".join(f"(?:{p})" for p in self.callsigns) if self.callsigns else None

    @property
    def registration_regex(self) -> str | None:
        if not self.registrations:
            return None
        return (
            "^(?:"
            + "|".join(
                fnmatch.translate(r.upper()).removesuffix("\\Z").replace("(?s:", "(?:") for r in self.registrations
            )
            + ")$"
        )


def _err(path: Path, rule: str, fld: str, msg: str) -> KnowledgeBaseError:
    return KnowledgeBaseError(f"{path}: rule {rule!r}: field {fld!r}: {msg}")


def _str_list(raw: dict[str, Any], fld: str, path: Path, rule: str) -> tuple[str, ...]:
    value = raw.get(fld, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _err(path, rule, fld, "must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _place(text: str, path: Path, rule: str, fld: str) -> Place:
    """Resolve a name the way every command does (:func:`liftwatch.kb.places.resolve_place`)."""
    try:
        ref = resolve_place(text)
    except PlaceError as exc:
        raise _err(path, rule, fld, str(exc)) from None
    if ref.kind == "region":
        return Place(text, region_id=ref.id)
    if ref.kind == "site":
        return Place(text, site_id=ref.id)
    return Place(text, group=ref.id, site_ids=ref.site_ids)  # a country or a city: any of its sites


def _rule(raw: Any, index: int, path: Path) -> Rule:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{path}: rule #{index} must be a table ([[rule]])")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KnowledgeBaseError(f"{path}: rule #{index}: field 'name' is required")
    unknown = sorted(set(raw) - set(RULE_FIELDS))
    if unknown:
        raise _err(path, name, unknown[0], f"unknown field (allowed: {', '.join(RULE_FIELDS)})")
    addresses = tuple(a.lower() for a in _str_list(raw, "addresses", path, name))
    for a in addresses:
        if not re.fullmatch(r"[0-9a-f]{6}|\d{9}", a):
            raise _err(path, name, "addresses", f"{a!r} is neither a 6-digit ICAO hex nor a 9-digit MMSI")
    callsigns = _str_list(raw, "callsigns", path, name)
    for c in callsigns:
        try:
            re.compile(c)
        except re.error as exc:
            raise _err(path, name, "callsigns", f"bad regular expression {c!r}: {exc}") from exc
    countries = tuple(c.upper() for c in _str_list(raw, "countries", path, name))
    for c in countries:
        if not re.fullmatch(r"[A-Z]{2}", c):
            raise _err(path, name, "countries", f"{c!r} is not an ISO 3166 alpha-2 code")
    classification = tuple(c.lower() for c in _str_list(raw, "classification", path, name))
    for c in classification:
        if c not in CLASSIFICATIONS:
            raise _err(path, name, "classification", f"{c!r} not one of {CLASSIFICATIONS}")
    places = tuple(_place(s, path, name, "sites") for s in _str_list(raw, "sites", path, name))
    corridors_raw = raw.get("corridors", [])
    if not isinstance(corridors_raw, list):
        raise _err(path, name, "corridors", "must be a list of {from = ..., to = ...} tables")
    corridors = []
    for c in corridors_raw:
        if not (isinstance(c, dict) and set(c) == {"from", "to"} and all(isinstance(v, str) for v in c.values())):
            raise _err(
                path,
                name,
                "corridors",
                f'{c!r} must be {{from = "place", to = "place"}} (site, region, country or city)',
            )
        corridors.append((_place(c["from"], path, name, "corridors"), _place(c["to"], path, name, "corridors")))
    radius = raw.get("radius_km", 30.0)
    if not isinstance(radius, int | float) or not 0 < radius <= 500:
        raise _err(path, name, "radius_km", "must be a number in (0, 500]")
    rule = Rule(
        name=name.strip(),
        description=str(raw.get("description", "")),
        addresses=addresses,
        registrations=tuple(r.upper() for r in _str_list(raw, "registrations", path, name)),
        callsigns=callsigns,
        types=tuple(t.upper() for t in _str_list(raw, "types", path, name)),
        countries=countries,
        sites=places,
        corridors=tuple(corridors),
        classification=classification,
        radius_km=float(radius),
    )
    if not any((rule.addresses, rule.registrations, rule.callsigns, rule.types, rule.countries, rule.sites,
                rule.corridors, rule.classification)):  # fmt: skip
        raise KnowledgeBaseError(f"{path}: rule {name!r} has no criteria (it would match everything)")
    return rule


def _place_mask(col: str, place: Place, site_regions: pl.Expr) -> pl.Expr:
    """Flights whose ``col`` site is the place (site) or lies in it (region)."""
    if place.site_id:
        return (pl.col(col) == place.site_id).fill_null(False)
    if place.group:
        return pl.col(col).is_in(list(place.site_ids)).fill_null(False)
    return site_regions.list.contains(pl.lit(place.region_id)).fill_null(False)


@dataclass
class Watchlist:
    """Validated rules loaded from a TOML file."""

    path: Path
    rules: list[Rule] = field(default_factory=list)

    def _identity_masks(self, rule: Rule, frame: pl.DataFrame, callsign_col: str) -> list[pl.Expr]:
        masks: list[pl.Expr] = []
        if rule.addresses:
            masks.append(pl.col("asset_id").str.to_lowercase().is_in(list(rule.addresses)))
        if rule.registrations and (rx := rule.registration_regex):
            masks.append(pl.col("registration").str.to_uppercase().str.contains(rx))
        if rule.callsigns and (crx := rule.callsign_regex):
            if frame.schema.get(callsign_col) == pl.List(pl.String):
                masks.append(pl.col(callsign_col).list.eval(pl.element().str.contains(crx)).list.any())
            else:
                masks.append(pl.col(callsign_col).str.contains(crx))
        if rule.types:
            masks.append(pl.col("type_code").str.to_uppercase().is_in(list(rule.types)))
        if rule.countries:
            masks.append(pl.col("country").is_in(list(rule.countries)))
        if rule.classification:
            masks.append(pl.col("classification").is_in(list(rule.classification)))
        return [m.fill_null(False) for m in masks]

    @staticmethod
    def _with_identity(frame: pl.DataFrame, callsign_col: str) -> pl.DataFrame:
        """Ensure country/classification columns exist (from the KB classifier) without touching other columns."""
        need = [c for c in ("country", "classification") if c not in frame.columns]
        if not need:
            return frame
        keys = pl.DataFrame(
            {
                "asset_id": frame["asset_id"] if "asset_id" in frame.columns else None,
                "registration": frame["registration"] if "registration" in frame.columns else None,
                "callsign": (
                    frame[callsign_col].list.first()
                    if frame.schema.get(callsign_col) == pl.List(pl.String)
                    else frame[callsign_col]
                    if callsign_col in frame.columns
                    else None
                ),
                "type_code": frame["type_code"] if "type_code" in frame.columns else None,
            }
        )
        classified = classify_frame(keys.with_columns(pl.all().cast(pl.String)))
        return frame.with_columns(*(classified[c] for c in need))

    def match_flights(self, flights: pl.DataFrame, only_matched: bool = False) -> pl.DataFrame:
        """Add ``watch_rules`` (list of matched rule names) to a flights frame (FLIGHT_SCHEMA columns)."""
        frame = self._with_identity(
            _ensure(flights, ("asset_id", "registration", "type_code", "dep_site", "arr_site")),
            "callsigns" if "callsigns" in flights.columns else "callsign",
        )
        cs_col = "callsigns" if "callsigns" in frame.columns else "callsign"
        if cs_col not in frame.columns:
            frame = frame.with_columns(pl.lit(None, dtype=pl.String).alias("callsign"))
        # regions of every distinct departure/arrival site, computed once
        ids = [s for s in set(frame["dep_site"].drop_nulls()) | set(frame["arr_site"].drop_nulls())]
        lookup = pl.DataFrame(
            {"sid": ids, "regs": [_safe_regions(s) for s in ids]}, schema={"sid": pl.String, "regs": pl.List(pl.String)}
        )
        frame = frame.join(
            lookup.rename({"sid": "dep_site", "regs": "__dep_regs"}), on="dep_site", how="left", maintain_order="left"
        )
        frame = frame.join(
            lookup.rename({"sid": "arr_site", "regs": "__arr_regs"}), on="arr_site", how="left", maintain_order="left"
        )
        hits = []
        for rule in self.rules:
            masks = self._identity_masks(rule, frame, cs_col)
            if rule.sites:
                masks.append(
                    pl.any_horizontal(
                        [
                            _place_mask("dep_site", p, pl.col("__dep_regs"))
                            | _place_mask("arr_site", p, pl.col("__arr_regs"))
                            for p in rule.sites
                        ]
                    )
                )
            if rule.corridors:
                masks.append(
                    pl.any_horizontal(
                        [
                            _place_mask("dep_site", a, pl.col("__dep_regs"))
                            & _place_mask("arr_site", b, pl.col("__arr_regs"))
                            for a, b in rule.corridors
                        ]
                    )
                )
            hits.append(pl.when(pl.all_horizontal(masks)).then(pl.lit(rule.name)).otherwise(None))
        out = frame.with_columns(
            watch_rules=pl.concat_list(hits).list.drop_nulls() if hits else pl.lit([], dtype=pl.List(pl.String))
        ).drop("__dep_regs", "__arr_regs")
        out = out.select([*[c for c in flights.columns], *[c for c in out.columns if c not in flights.columns]])
        return out.filter(pl.col("watch_rules").list.len() > 0) if only_matched else out

    def match_points(self, points: pl.DataFrame, only_matched: bool = False) -> pl.DataFrame:
        """Add ``watch_rules`` to a points frame (canonical point columns). Corridors are flight-level and are
        ignored here; ``sites`` match points within the rule's ``radius_km`` of a site or inside a region."""
        frame = self._with_identity(_ensure(points, ("asset_id", "registration", "type_code", "callsign")), "callsign")
        lat = frame["lat"].to_numpy() if "lat" in frame.columns else np.full(frame.height, np.nan)
        lon = frame["lon"].to_numpy() if "lon" in frame.columns else np.full(frame.height, np.nan)
        hits = []
        for rule in self.rules:
            masks = self._identity_masks(rule, frame, "callsign")
            if rule.sites:
                near = np.zeros(frame.height, dtype=bool)
                for p in rule.sites:
                    for sid in (p.site_id,) if p.site_id else p.site_ids:
                        s = site(sid)
                        near |= haversine_km(lat, lon, s.lat, s.lon) <= rule.radius_km
                    if p.region_id:
                        near |= points_in_region(p.region_id, lat, lon)
                masks.append(pl.lit(pl.Series(near)))
            if not masks:  # corridor-only rule: never matches single points
                continue
            hits.append(pl.when(pl.all_horizontal(masks)).then(pl.lit(rule.name)).otherwise(None))
        out = frame.with_columns(
            watch_rules=pl.concat_list(hits).list.drop_nulls() if hits else pl.lit([], dtype=pl.List(pl.String))
        )
        return out.filter(pl.col("watch_rules").list.len() > 0) if only_matched else out


def _ensure(frame: pl.DataFrame, cols: tuple[str, ...]) -> pl.DataFrame:
    missing = [pl.lit(None, dtype=pl.String).alias(c) for c in cols if c not in frame.columns]
    return frame.with_columns(missing) if missing else frame


def _safe_regions(site_id: str) -> list[str]:
    try:
        return region_of_site(site_id)
    except KeyError:
        return []


def load_watchlist(path: str | Path) -> Watchlist:
    """Load and validate a watchlist TOML file (see module docstring for the format)."""
    p = Path(path)
    doc = read_toml(p)
    extra = sorted(set(doc) - {"rule"})
    if extra:
        raise KnowledgeBaseError(f"{p}: unknown top-level key {extra[0]!r} (rules go in [[rule]] tables)")
    raw_rules = doc.get("rule", [])
    if not isinstance(raw_rules, list):
        raise KnowledgeBaseError(f"{p}: 'rule' must be a table array ([[rule]])")
    if not raw_rules:
        raise KnowledgeBaseError(f"{p}: no [[rule]] tables found")
    rules = [_rule(r, i, p) for i, r in enumerate(raw_rules, start=1)]
    names = [r.name for r in rules]
    dup = next((n for n in names if names.count(n) > 1), None)
    if dup:
        raise KnowledgeBaseError(f"{p}: rule {dup!r}: field 'name': duplicate rule name")
    return Watchlist(path=p, rules=rules)


def example_watchlist_path() -> Path:
    """The bundled example watchlist (``data/kb/watchlist.example.toml``)."""
    from liftwatch.kb._data import data_path

    return data_path("watchlist.example.toml")
