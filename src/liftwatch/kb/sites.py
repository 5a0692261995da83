"""Sites gazetteer: every airport in ``airportsdata`` plus a curated file of military bases, naval bases and ports.

airportsdata (OurAirports-derived, ~28k ICAO-coded fields) supplies coordinates and elevations for the long tail.
The curated ``data/kb/sites.csv`` adds what it lacks or misnames (naval bases, ports, Brak, Tiyas), multilingual
aliases and runway headings, and replaces the airportsdata row with the same ICAO code. Controlling actors with
date ranges come from ``data/kb/controllers.csv``. Everything is loaded once, lazily, and cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

import airportsdata
import polars as pl

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import data_path, opt_float, opt_str, read_csv

SITE_KINDS = ("airport", "air_base", "naval_base", "port", "airstrip", "heliport")
#: Every site kind serves one carrier: ports and naval bases ships, the rest aircraft. One definition, so that a
#: kind added to SITE_KINDS cannot serve aircraft in one layer and nothing in another.
SEA_KINDS = frozenset({"port", "naval_base"})
AIR_KINDS = frozenset(SITE_KINDS) - SEA_KINDS

SITE_SCHEMA: dict[str, pl.DataType] = {
    "site_id": pl.String(),
    "name": pl.String(),
    "kind": pl.String(),
    "lat": pl.Float64(),
    "lon": pl.Float64(),
    "elevation_ft": pl.Float64(),
    "runway_headings": pl.List(pl.Float64()),
    "country": pl.String(),
    "region": pl.String(),
    "icao": pl.String(),
    "iata": pl.String(),
    "aliases": pl.List(pl.String()),
    "source": pl.String(),
    "curated": pl.Boolean(),
}


@dataclass(frozen=True)
class Control:
    """Who controlled a site between ``start`` (inclusive) and ``end`` (exclusive); None = open-ended.

    ``priority`` orders overlapping entries: 2 = de facto operator (e.g. Russia at Hmeimim), 1 = holder/host,
    0 = reported presence only (never returned by :func:`controller_at` if a higher entry applies).
    """

    actor: str
    start: date | None
    end: date | None
    priority: int = 1
    note: str = ""
    source: str = ""

    def covers(self, when: date) -> bool:
        """True if ``when`` falls inside this control period."""
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(frozen=True)
class Site:
    """One site with the columns of :func:`sites` plus its controller history."""

    site_id: str
    name: str
    kind: str
    lat: float
    lon: float
    elevation_ft: float | None
    runway_headings: list[float]
    country: str | None
    region: str | None
    icao: str | None
    iata: str | None
    aliases: list[str]
    source: str
    curated: bool = False
    controllers: list[Control] = field(default_factory=list)

    def __hash__(self) -> int:  # list fields are not hashable; a site is identified by its id
        return hash(("site", self.site_id))

    def __repr__(self) -> str:
        code = f" {self.icao}" if self.icao and self.icao != self.site_id else ""
        where = ", ".join(x for x in (self.region, self.country) if x)
        return f"Site({self.site_id!r}{code}: {self.name}, {self.kind}, {self.lat:.4f} {self.lon:.4f}, {where})"


_KIND_PATTERNS = (
    (re.compile(r"heli(port|pad)|hospital", re.I), "heliport"),
    (re.compile(r"air ?base|\bAB\b|air force|airfield \(mil|naval air|\bRAF\b|\bNAS\b", re.I), "air_base"),
    (re.compile(r"strip|landing|field$", re.I), "airstrip"),
)


def _airport_kind(name: str) -> str:
    """Guess the kind of an airportsdata row from its name (airportsdata carries no type column)."""
    for pattern, kind in _KIND_PATTERNS:
        if pattern.search(name):
            return kind
    return "airport"


def _airport_kind_expr(name: pl.Expr) -> pl.Expr:
    """:func:`_airport_kind` vectorised (same patterns, first match wins): 28k names in milliseconds."""
    expr: pl.Expr = pl.lit("airport")
    for pattern, kind in reversed(_KIND_PATTERNS):
        expr = pl.when(name.str.contains("(?i)" + pattern.pattern)).then(pl.lit(kind)).otherwise(expr)
    return expr


def _parse_date(text: str | None, where: str) -> date | None:
    value = opt_str(text)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: bad date {value!r} (want YYYY-MM-DD)") from exc


@cache
def _curated_rows() -> list[dict[str, Any]]:
    """Parsed and validated rows of the curated sites file."""
    path = data_path("sites.csv")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for i, row in enumerate(read_csv("sites.csv"), start=2):
        where = f"{path}:{i}"
        sid = row["site_id"].strip()
        if not sid or sid in seen:
            raise KnowledgeBaseError(f"{where}: empty or duplicate site_id {sid!r}")
        seen.add(sid)
        if row["kind"] not in SITE_KINDS:
            raise KnowledgeBaseError(f"{where}: kind {row['kind']!r} not one of {SITE_KINDS}")
        lat, lon = opt_float(row["lat"], where), opt_float(row["lon"], where)
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise KnowledgeBaseError(f"{where}: missing or out-of-range lat/lon")
        headings = [float(h) for h in row["runway_headings"].split(";") if h.strip()]
        if any(not 0 <= h < 360 for h in headings):
            raise KnowledgeBaseError(f"{where}: runway heading outside [0, 360)")
        if not opt_str(row["source"]):
            raise KnowledgeBaseError(f"{where}: source is required")
        aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
        out.append(
            {
                "site_id": sid,
                "name": row["name"].strip(),
                "kind": row["kind"],
                "lat": lat,
                "lon": lon,
                "elevation_ft": opt_float(row["elevation_ft"], where),
                "runway_headings": headings,
                "country": opt_str(row["country"]),
                "region": opt_str(row["region"]),
                "icao": opt_str(row["icao"]),
                "iata": opt_str(row["iata"]),
                "aliases": aliases,
                "source": row["source"].strip(),
                "curated": True,
            }
        )
    return out


@cache
def _controllers() -> dict[str, list[Control]]:
    path = data_path("controllers.csv")
    known = {r["site_id"] for r in _curated_rows()}
    out: dict[str, list[Control]] = {}
    for i, row in enumerate(read_csv("controllers.csv"), start=2):
        where = f"{path}:{i}"
        sid = row["site_id"].strip()
        if sid not in known:
            raise KnowledgeBaseError(f"{where}: unknown site_id {sid!r}")
        try:
            priority = int(row["priority"] or 1)
        except ValueError as exc:
            raise KnowledgeBaseError(f"{where}: priority must be an integer") from exc
        ctl = Control(
            actor=row["actor"].strip(),
            start=_parse_date(row["start"], where),
            end=_parse_date(row["end"], where),
            priority=priority,
            note=row["note"].strip(),
            source=row["source"].strip(),
        )
        if ctl.start and ctl.end and ctl.end <= ctl.start:
            raise KnowledgeBaseError(f"{where}: end before start")
        out.setdefault(sid, []).append(ctl)
    for lst in out.values():
        lst.sort(key=lambda c: c.start or date.min)
    return out


@cache
def airportsdata_rows() -> dict[str, Any]:
    """airportsdata keyed by ICAO, parsed once (the gazetteer and the city index both read it)."""
    return dict(airportsdata.load("ICAO"))


@cache
def airfield_names() -> dict[str, tuple[str, ...]]:
    """Extra names of airportsdata fields (``data/kb/airfield_names.csv``), keyed by ICAO.

    Naming a field is kept apart from curating it: a curated row weighs more as a dark flight's candidate
    destination, so a field that only lacked its Arabic or Russian name would otherwise move the analytics.
    """
    known = airportsdata_rows()
    out: dict[str, tuple[str, ...]] = {}
    for i, row in enumerate(read_csv("airfield_names.csv"), start=2):
        icao = (row.get("icao") or "").strip()
        names = tuple(n.strip() for n in (row.get("names") or "").split("|") if n.strip())
        if icao not in known:
            raise KnowledgeBaseError(f"airfield_names.csv row {i}: {icao!r} is not an airportsdata ICAO code")
        if not names:
            raise KnowledgeBaseError(f"airfield_names.csv row {i}: no names for {icao}")
        if icao in out:
            raise KnowledgeBaseError(f"airfield_names.csv row {i}: {icao} listed twice")
        out[icao] = names
    return out


def _airportsdata_frame(exclude_icao: set[str]) -> pl.DataFrame:
    """All airportsdata fields as site rows (site_id = ICAO), minus those the curated file replaces."""
    named = airfield_names()
    clash = sorted(set(named) & exclude_icao)
    if clash:
        raise KnowledgeBaseError(
            f"airfield_names.csv names {', '.join(clash)}, which sites.csv curates: put the names in the curated row"
        )
    rows = [v for k, v in airportsdata_rows().items() if k not in exclude_icao]
    raw = pl.DataFrame(
        {
            "icao": [r["icao"] for r in rows],
            "iata": [r["iata"] or None for r in rows],
            "name": [r["name"] for r in rows],
            "city": [r["city"] or None for r in rows],
            "country": [r["country"] or None for r in rows],
            "elevation_ft": [float(r["elevation"]) if r["elevation"] is not None else None for r in rows],
            "lat": [float(r["lat"]) for r in rows],
            "lon": [float(r["lon"]) for r in rows],
            "extra": [list(named.get(r["icao"], ())) for r in rows],
        }
    )
    return raw.select(
        pl.col("icao").alias("site_id"),
        "name",
        _airport_kind_expr(pl.col("name")).alias("kind"),
        "lat",
        "lon",
        "elevation_ft",
        pl.lit([], dtype=pl.List(pl.Float64)).alias("runway_headings"),
        "country",
        pl.lit(None, dtype=pl.String).alias("region"),
        "icao",
        "iata",
        pl.concat_list(pl.col("name"), pl.col("city"), pl.col("extra")).list.drop_nulls().alias("aliases"),
        pl.lit("airportsdata (OurAirports-derived), version " + str(airportsdata.__version__)).alias("source"),
        pl.lit(False).alias("curated"),
    )


@cache
def sites() -> pl.DataFrame:
    """All known sites as one frame (columns in ``SITE_SCHEMA``); curated rows first.

    Regions of airportsdata rows are computed from the region polygons (most specific region containing the
    field, never a sea); curated rows carry a hand-checked region.
    """
    from liftwatch.kb.regions import regions_of_points

    curated_rows = _curated_rows()
    curated = pl.DataFrame(curated_rows, schema=SITE_SCHEMA)
    replaced = {r["icao"] for r in curated_rows if r["icao"]}
    others = _airportsdata_frame(replaced)
    region = regions_of_points(others["lat"].to_numpy(), others["lon"].to_numpy(), water=False)
    others = others.with_columns(pl.Series("region", region.tolist(), dtype=pl.String))
    return pl.concat([curated, others.select(list(SITE_SCHEMA))], how="vertical").cast(SITE_SCHEMA)  # type: ignore[arg-type]


@cache
def _row_index() -> dict[str, int]:
    return {sid: i for i, sid in enumerate(sites()["site_id"].to_list())}


@cache
def _code_index() -> dict[str, str]:
    """ICAO and IATA codes -> site_id (curated rows win because they come first)."""
    frame = sites()
    out: dict[str, str] = {}
    for col in ("icao", "iata"):
        for code, sid in zip(frame[col].to_list(), frame["site_id"].to_list(), strict=True):
            if code and code.upper() not in out:
                out[code.upper()] = sid
    return out


@cache
def site(site_id: str) -> Site:
    """The site with this id (curated slug or ICAO code); ICAO/IATA codes of curated sites also work.

    A World Port Index port's id (``wpi-45080``, :mod:`liftwatch.kb.port_index`) works too, though the tier is
    not in :func:`sites`. Raises KeyError for unknown ids so that callers passing ids from data notice typos.
    """
    idx = _row_index().get(site_id)
    if idx is None:
        alt = _code_index().get(site_id.upper())
        if alt is None:
            from liftwatch.kb.port_index import index_site

            found = index_site(site_id)
            if found is None:
                raise KeyError(f"unknown site_id {site_id!r}")
            return found
        idx = _row_index()[alt]
    row = sites().row(idx, named=True)
    return Site(
        site_id=row["site_id"],
        name=row["name"],
        kind=row["kind"],
        lat=row["lat"],
        lon=row["lon"],
        elevation_ft=row["elevation_ft"],
        runway_headings=list(row["runway_headings"] or []),
        country=row["country"],
        region=row["region"],
        icao=row["icao"],
        iata=row["iata"],
        aliases=list(row["aliases"] or []),
        source=row["source"],
        curated=bool(row["curated"]),
        controllers=list(_controllers().get(row["site_id"], [])),
    )


def controller_at(site_id: str, when: datetime | date) -> str | None:
    """The actor controlling ``site_id`` at ``when`` (highest priority, then latest start), or None if unknown."""
    day = when.astimezone(UTC).date() if isinstance(when, datetime) and when.tzinfo else when
    if isinstance(day, datetime):
        day = day.date()
    entries = [c for c in site(site_id).controllers if c.covers(day)]
    if not entries:
        return None
    best = max(entries, key=lambda c: (c.priority, c.start or date.min))
    return best.actor


@cache
def host_states() -> dict[str, frozenset[str]]:
    """For every curated site with a controller history: the ISO2 codes of the states that have held or hosted it,
    read from the actors' names ("Russia", "UAE (hosted by LNA)", "US-led coalition (United States)"); actors that
    are no state (a party, a militia) add nothing. Dates are ignored on purpose: a navy keeps using a base it once
    held or leased (Russia's fleet at Sevastopol and Tartus under either host), which is what a prior on where a
    ship goes needs."""
    from liftwatch.kb.place_forms import country_code

    out: dict[str, frozenset[str]] = {}
    for sid, entries in _controllers().items():
        codes = set()
        for c in entries:
            for name in (c.actor.split(" (")[0], *re.findall(r"\(([^)]*)\)", c.actor)):
                code = country_code(name.strip())
                if code is not None:
                    codes.add(code)
        out[sid] = frozenset(codes)
    return out
