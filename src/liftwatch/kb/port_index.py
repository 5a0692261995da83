"""The World Port Index tier: some 3,800 harbours a ship's place may name, beyond the kb's curated ports.

The kb's ports are curated one row at a time (``sites.csv``), so a ship that "arrived in Haifa" or "left Duqm" had
no port to reach: its place stayed the city or was unknown. The World Port Index (NGA Publication 150, a US
Government work in the public domain; ``data/kb/world_ports.csv.gz``, written by ``scripts/world_port_index.py``)
lists the world's ports with their names, alternate names, UN/LOCODE and position. This module serves it to a
ship's place only:

* **ids** are ``wpi-<World Port Index Number>`` (``wpi-45080`` is Haifa): NGA's number is on every row and stable
  across editions, while a UN/LOCODE is missing on one row in eight and names a town's ports together.
  :func:`liftwatch.kb.sites.site` answers these ids (a :class:`~liftwatch.kb.sites.Site` of kind ``port``), so a
  claim, a report or the scorer can use them as any site id;
* **not in** :func:`~liftwatch.kb.sites.sites`: the sea analytics rank every port of that frame as a candidate
  harbour for a dark arrival, and a real harbour the simulated ships never call at only lowers those figures (the
  port of Haifa alone moved the dark-arrival log loss from 0.837 to 0.849). The tier resolves names; it makes no
  candidate;
* **a curated port wins**: an index row within :data:`MERGE_KM` of a curated port or naval base whose names carry
  its own (or the reverse) is that curated site, never a second one (the index's "Tartus" is ``tartus``);
* **names match exactly**: folded (:func:`~liftwatch.kb._text.norm_key`) or folded for transliteration
  (:func:`~liftwatch.kb._text.phonetic_key`, "Feodosia" = "Feodosiya", "Souda" = "Soudha"), a Cyrillic name
  romanised first ("Феодосия"), and only names of :data:`MIN_NAME` letters or more; never fuzzy or by sound,
  because 3,800 Latin names would capture ordinary words. A name several index ports share ("Victoria") is none of
  them.

Other languages' names come through the city: the kb knows "Хайфа" and "حيفا" as Haifa, and
:func:`~liftwatch.kb.ports.port_of` then finds the index port named like the city within its distance limit
(:func:`port_near`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import polars as pl

from liftwatch.errors import KnowledgeBaseError
from liftwatch.geodesy import haversine_km
from liftwatch.kb._data import data_path, read_csv
from liftwatch.kb._text import generic_only, norm_key, phonetic_key, phonetic_word
from liftwatch.kb.sites import SEA_KINDS, Site, site, sites

INDEX_FILE = "world_ports.csv.gz"
#: Names of index ports the index itself lacks (a harbour's quarter the press names it by: Izmir's "Alsancak"),
#: added to the port's alternate names; a number the index does not hold is an error
NAMES_FILE = "port_index_names.csv"
ID_PREFIX = "wpi-"
SOURCE = "World Port Index (NGA Publication 150, public domain)"
#: An index row this close to a curated port or naval base of the same name is that site: the index places a port
#: at its town's harbour, a curated row at its own berth (Tartus's naval facility and commercial port are 2 km apart)
MERGE_KM = 10.0
#: Shorter names ("Bar", "Sur", "Ras", "Al") are words of running text in some language; a ship's place is not
#: read from them
MIN_NAME = 4
#: The phrases that name a port by its town ("Port of Haifa", "Haifa port", "порт Феодосия", "ميناء حيفا", "port de
#: Haïfa", and Persian's "Bandar-e Jask", port of Jask): the town's name inside is what the index is asked for
_PORT_PHRASE = re.compile(
    r"^(?:(?:the\s+)?(?:port|harbou?r)\s+of\s+|port\s+(?:de\s+|d['’]\s*)?|порт\s+|ميناء\s+|bandar[\s-]+e[\s-]+)"
    r"(?P<a>.+)$"
    r"|^(?P<b>.+?)\s+(?:port|harbou?r|bay)$",
    re.I,
)


@dataclass(frozen=True)
class _Index:
    """The tier, built once: index sites not merged into curated ones, the merge, and the name keys."""

    sites: dict[str, Site]  # wpi id -> Site, for the rows that are no curated port
    merged: dict[str, str]  # wpi id -> the curated site id it is
    exact: dict[str, tuple[str, ...]]  # norm key -> site ids (curated id for a merged row)
    translit: dict[str, tuple[str, ...]]  # phonetic key -> site ids
    ids: tuple[str, ...]  # the unmerged index sites, in file order, for vectorised distances
    lat: np.ndarray
    lon: np.ndarray
    keys: tuple[tuple[str, ...], ...]  # each unmerged site's name keys (norm)


def is_index_id(site_id: str) -> bool:
    """Whether ``site_id`` has the form of an index port's id (``wpi-45080``)."""
    return site_id.startswith(ID_PREFIX) and site_id[len(ID_PREFIX) :].isdigit()


#: The index files some French harbours under their roadstead ("Rade De Brest", "Rade De Cherbourg"): the town's
#: name after it is the port's name too, as reporting writes it ("arrived in Brest", "в Брест")
_ROADSTEAD = re.compile(r"(?i)^rade\s+(?:de\s+|d['’]\s*)(?P<town>\S.*)$")
#: The index files Japan's ports as "<town> Ko" (Ko, 港, is "port": "Yokosuka Ko", "Maizuru Ko"); reporting writes
#: the town ("arrived in Yokosuka"), so the town's name is the port's name too, as a roadstead's is
_JAPANESE_KO = re.compile(r"^(?P<town>\S.*?)\s+Ko$")


def _names(name: str, alternates: str) -> list[str]:
    names = [name, *(a.strip() for a in alternates.split(";") if a.strip())]
    return names + [m.group("town") for n in names if (m := _ROADSTEAD.match(n) or _JAPANESE_KO.match(n))]


def _site(row: dict[str, str]) -> Site:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (KeyError, ValueError) as exc:
        raise KnowledgeBaseError(f"{data_path(INDEX_FILE)}: port {row.get('wpi')!r}: bad or missing lat/lon") from exc
    if not row.get("wpi", "").isdigit() or not row.get("name"):
        raise KnowledgeBaseError(f"{data_path(INDEX_FILE)}: port {row.get('wpi')!r}: a number and a name are required")
    return Site(
        site_id=ID_PREFIX + row["wpi"],
        name=row["name"],
        kind="port",
        lat=lat,
        lon=lon,
        elevation_ft=None,
        runway_headings=[],
        country=row.get("country") or None,
        region=None,
        icao=None,
        iata=None,
        aliases=[a for a in _names("", row.get("alternates", "")) if a],
        source=SOURCE + (f", UN/LOCODE {row['unlocode']}" if row.get("unlocode") else ""),
        curated=False,
    )


@cache
def curated_ports() -> tuple[tuple[str, float, float, tuple[str, ...]], ...]:
    """(site_id, lat, lon, name keys) of every kb port and naval base (curated: the airport table has none)."""
    df = sites().filter(sites()["kind"].is_in(list(SEA_KINDS)))
    return tuple(
        (r["site_id"], r["lat"], r["lon"], tuple({norm_key(n) for n in [r["name"], *r["aliases"]]} - {""}))
        for r in df.iter_rows(named=True)
    )


def carries(names: tuple[str, ...] | list[str], keys: set[str] | tuple[str, ...]) -> bool:
    """Whether one of the name keys begins or ends with one of ``keys`` ("qingdaogang" carries "qingdao")."""
    return any(n.startswith(k) or n.endswith(k) for n in names for k in keys if len(k) >= MIN_NAME)


#: Words that say "port" in the names of the index and the kb ("Mersa Sfax", "Bandar-e Shahid Rajaee", "Qingdao
#: Gang", "Sfax port"), left out when an index row is compared with a curated port
_PORT_WORDS = frozenset(
    [
        "port",
        "harbor",
        "harbour",
        "mina",
        "mersa",
        "marsa",
        "bandar",
        "e",
        "puerto",
        "porto",
        "gang",
        "terminal",
        "naval",
        "base",
        "facility",
        "the",
        "of",
        "de",
    ]
)
#: An index row this close to a curated port or naval base is that site whatever its name (the index's Arabic
#: "Tarabulus" at the kb's Port of Tripoli, Lebanon): two harbours do not share a point
SAME_POINT_KM = 0.6


def _merge_keys(names: list[str]) -> set[str]:
    """Keys a name is compared by when merging: the whole name, each part in parentheses ("Al Iskandariyh
    (Alexandria)"), each without its port words, "St" written out, and their transliteration-folded forms."""
    parts = [p for n in names for p in (n, *re.findall(r"\(([^)]*)\)", n), re.sub(r"\([^)]*\)", " ", n))]
    out: set[str] = set()
    for part in parts:
        words = [("saint" if w == "st" else w) for w in re.split(r"[\W_]+", part.casefold()) if w]
        for text in (" ".join(words), " ".join(w for w in words if w not in _PORT_WORDS)):
            key = norm_key(text)
            if len(key) >= MIN_NAME:
                out |= {key, phonetic_key(text)}
    return out


@cache
def _curated_merge_keys(site_id: str) -> tuple[str, ...]:
    s = site(site_id)
    return tuple(_merge_keys([s.name, *s.aliases]))


@cache
def _curated_points() -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    ports = curated_ports()
    return tuple(p[0] for p in ports), np.array([p[1] for p in ports]), np.array([p[2] for p in ports])


def _merge_target(s: Site, names: list[str]) -> str | None:
    """The curated port or naval base this index row is: the nearest within :data:`MERGE_KM` whose names carry
    the row's (or the row's its), or any at the same point (:data:`SAME_POINT_KM`). Distances to every curated port
    are computed at once; names are compared only for the few near enough."""
    ids, lat, lon = _curated_points()
    dist = haversine_km(lat, lon, s.lat, s.lon)
    near = np.flatnonzero(dist <= MERGE_KM)
    if not len(near):
        return None
    mine = tuple(_merge_keys(names))
    for i in near[np.argsort(dist[near], kind="stable")]:
        theirs = _curated_merge_keys(ids[i])
        if dist[i] <= SAME_POINT_KM or carries(theirs, mine) or carries(mine, theirs):
            return str(ids[i])
    return None


def _extra_names() -> dict[str, list[str]]:
    """World Port Index number -> the names ``port_index_names.csv`` adds to that port: the index is NGA's file,
    rewritten whole by ``scripts/world_port_index.py``, so the kb's own names of its ports live apart from it."""
    out: dict[str, list[str]] = {}
    for row in read_csv(NAMES_FILE):
        wpi = row.get("wpi", "").removeprefix(ID_PREFIX)
        if not wpi.isdigit() or not row.get("names"):
            raise KnowledgeBaseError(
                f"{data_path(NAMES_FILE)}: port {row.get('wpi')!r}: a number and names are required"
            )
        out.setdefault(wpi, []).extend(n.strip() for n in row["names"].split("|") if n.strip())
    return out


@cache
def _index() -> _Index:
    own: dict[str, Site] = {}
    merged: dict[str, str] = {}
    exact: dict[str, list[str]] = {}
    translit: dict[str, list[str]] = {}
    keys_of: list[tuple[str, ...]] = []
    seen: set[str] = set()
    extra = _extra_names()
    for row in read_csv(INDEX_FILE):
        if row.get("wpi") in extra:
            row = row | {"alternates": "; ".join(filter(None, [row.get("alternates", ""), *extra[row["wpi"]]]))}
        s = _site(row)
        if s.site_id in seen:
            raise KnowledgeBaseError(f"{data_path(INDEX_FILE)}: duplicate port {s.site_id}")
        seen.add(s.site_id)
        names = [n for n in _names(s.name, row.get("alternates", "")) if not generic_only(n)]
        keys = tuple(dict.fromkeys(k for k in map(norm_key, names) if k))
        target = _merge_target(s, names)
        if target is not None:
            merged[s.site_id] = target
        else:
            own[s.site_id] = s
            keys_of.append(keys)
        sid = target or s.site_id
        for k in keys:  # phonetic_key(name) is the phonetic fold of its norm_key
            if len(k) >= MIN_NAME:
                exact.setdefault(k, []).append(sid)
                translit.setdefault(phonetic_word(k), []).append(sid)
    if unknown := sorted(set(extra) - {i.removeprefix(ID_PREFIX) for i in seen}):
        raise KnowledgeBaseError(f"{data_path(NAMES_FILE)}: ports the index does not hold: {unknown}")
    ids = tuple(own)
    return _Index(
        sites=own,
        merged=merged,
        exact={k: tuple(dict.fromkeys(v)) for k, v in exact.items()},
        translit={k: tuple(dict.fromkeys(v)) for k, v in translit.items()},
        ids=ids,
        lat=np.array([own[i].lat for i in ids]),
        lon=np.array([own[i].lon for i in ids]),
        keys=tuple(keys_of),
    )


def index_site(site_id: str) -> Site | None:
    """The index port with this id, or None; a row merged into a curated port is that port (its id works too)."""
    if not is_index_id(site_id):
        return None
    idx = _index()
    found = idx.sites.get(site_id)
    if found is not None:
        return found
    target = idx.merged.get(site_id)
    if target is None:
        return None
    return site(target)


def index_ports() -> dict[str, Site]:
    """The index ports that are no curated port, by id (a copy): what the tier adds to the kb."""
    return dict(_index().sites)


@cache
def index_port_frame() -> pl.DataFrame:
    """The index ports that are no curated port as a table (site_id, name, country, lat, lon), in
    :func:`index_ports`'s order: the one place their coordinates are read into columns, for the harbour test of a
    filter (:mod:`liftwatch.kb.harbours`) and the port list of observed calls (:mod:`liftwatch.sea.portcalls`)."""
    idx = _index().sites.values()
    return pl.DataFrame(
        {
            "site_id": [s.site_id for s in idx],
            "name": [s.name for s in idx],
            "country": [s.country for s in idx],
            "lat": np.array([s.lat for s in idx], dtype=np.float64),
            "lon": np.array([s.lon for s in idx], dtype=np.float64),
        }
    )


def merged_ports() -> dict[str, str]:
    """Index id -> curated site id for the index rows that are a curated port or naval base."""
    return dict(_index().merged)


def town_in_phrase(text: str) -> str | None:
    """The town's name inside a port phrase ("Port of Haifa" -> "Haifa", "Souda Bay" -> "Souda", "ميناء إزمير" ->
    "إزمير"), or None when ``text`` is no port phrase."""
    m = _PORT_PHRASE.match(" ".join(text.split()))
    return (m.group("a") or m.group("b")) if m else None


def _forms(text: str) -> list[str]:
    """The text and the town's name inside a port phrase, then the town's harbour as the index names some ports
    ("Muara Harbor" for Brunei's Muara, "Муара"): a name the index holds only with "Harbor" is the town's name too,
    as reporting writes it ("arrived in Muara")."""
    t = " ".join(text.split())
    inner = town_in_phrase(t)
    town = _romanised(inner or t) or inner or t
    harbours = (
        [f"{town} Harbor", f"{town} Harbour"] if len(norm_key(town)) >= MIN_NAME and not generic_only(town) else []
    )
    return [t, *([inner] if inner else []), *harbours]  # "Bar" stays too short a name for "Bar Harbor"


def _romanised(text: str) -> str | None:
    from liftwatch.kb.sounds import _cyrillic_latin, has_cyrillic

    return _cyrillic_latin(text) if has_cyrillic(text) else None


def port_named(text: str) -> str | None:
    """The one port (a curated id where the index row is a curated port) whose name or alternate name ``text``
    is exactly, folded or folded for transliteration, as written or inside a port phrase; None when none or
    several are, or the name is shorter than :data:`MIN_NAME` letters."""
    idx = _index()
    for form in _forms(text):
        key = norm_key(form)
        if len(key) < MIN_NAME or generic_only(form):
            continue
        found = idx.exact.get(key, ())
        if not found:
            latin = _romanised(form)
            found = idx.translit.get(phonetic_key(latin if latin is not None else form), ())
        if len(found) == 1:
            return found[0]
        if found:
            return None  # several ports of the name: the name alone does not say which
    return None


def name_keys() -> dict[str, str]:
    """Every folded name and alternate name of the tier's ports -> its port's id (a curated id where the row is a
    curated port): the choices a ship's unknown place is matched against when its candidates are listed."""
    return dict(_name_keys())


@cache
def _name_keys() -> dict[str, str]:
    idx = _index()
    out: dict[str, str] = {}
    for key, found in idx.exact.items():
        out.setdefault(key, found[0])
    return out


def namesakes(text: str) -> tuple[str, ...]:
    """Every port (a curated id where the index row is a curated port) whose name or alternate name ``text`` is
    exactly, folded, as written or inside a port phrase or as the index's "X Harbor": the ports a ship's bare
    town name may mean, whatever the airport tables make of the town ("Victoria": Victoria Harbor in British
    Columbia, Victoria on Mahé in the Seychelles, Labuan's Victoria, ...)."""
    idx = _index()
    out: dict[str, None] = {}
    for form in _forms(text):
        key = norm_key(form)
        if len(key) >= MIN_NAME and not generic_only(form):
            out.update(dict.fromkeys(idx.exact.get(key, ())))
    return tuple(out)


def port_near(keys: set[str], lat: np.ndarray, lon: np.ndarray, max_km: float) -> str | None:
    """The nearest index port (not a curated one) whose names carry one of the town ``keys`` and that lies within
    ``max_km`` of one of the points (a city's airfields), or None: the tier's answer to
    :func:`~liftwatch.kb.ports.port_of` where no curated port answers."""
    idx = _index()
    best: tuple[float, str] | None = None
    for i, names in enumerate(idx.keys):
        if not carries(names, keys):
            continue
        d = float(np.min(haversine_km(lat, lon, float(idx.lat[i]), float(idx.lon[i]))))
        if d <= max_km and (best is None or d < best[0]):
            best = (d, idx.ids[i])
    return best[1] if best else None
