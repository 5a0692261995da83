"""Find place names in text and resolve them through the knowledge base.

The gazetteer is the knowledge base itself: every alias of every curated site and region (any script) is
compiled into one case-insensitive pattern, so "Khmeimim", "Humaymim", "حميميم" and "Хмеймим" all land on
``hmeimim`` without a model. Names the pattern does not know but that stand where a place must stand
("flights to Bamako") go through ``kb.resolve_place`` (the resolver every command uses; fuzzy, all
airports, ambiguous names refused); what still fails is returned as an *unknown place* so the claim keeps
it. Region phrases like "bases controlled by
Haftar" become the set of sites that force controlled on the date (``kb.controller_at``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from functools import cache
from types import ModuleType
from typing import Any

import numpy as np

from liftwatch import kb as kb_module
from liftwatch.claims.lexicon import Actor
from liftwatch.claims.model import Place
from liftwatch.claims.morph import (
    declines_to,
    romanised_plausible,
    ru_adjective_phrase,
    ru_alias_regex,
    ru_short_variants,
    ru_variants,
)
from liftwatch.claims.place_names import CITY_ANCHORS, CITY_NAMES, COUNTRIES
from liftwatch.claims.plausible import plausible, sounds_like
from liftwatch.claims.textkey import fold as fold
from liftwatch.claims.textkey import norm_key as norm_key
from liftwatch.claims.translit import (
    FRENCH_SPEAKING,
    cyrillic_to_latin,
    french_spellings,
    has_arabic,
    has_cyrillic,
    kb_skeletons,
)
from liftwatch.errors import PlaceError
from liftwatch.kb.sound_index import sounds_like as kb_sounds_like

_ICAO_ID = re.compile(r"^[A-Z0-9]{3,4}$")
_SUFFIX = (
    r"(?:\s+(?:air\s*base|airbase|air\s+field|airfield|airport|international\s+airport|naval\s+base|"
    r"naval\s+facility|naval\s+port|port|harbou?r|military\s+base|base))?"
)
# the country names under the same key as a looked-up phrase ("й" folds to "и": "центральноафриканской")
_COUNTRY_KEYS: dict[str, str] = {}
AIR_KINDS = {"airport", "air_base", "airstrip", "heliport"}
SEA_KINDS = {"naval_base", "port"}


def _alias_regex(alias: str) -> str:
    """An alias as a pattern; a one-word Russian name also in the case forms of its declension ("Сирия":
    "Сирию", "Сирии"; ``morph.ru_alias_regex``), since Russian inflects place names wherever they stand."""
    words = [p for p in re.split(r"[\s\-‐–_]+", fold(alias).strip()) if p]
    if len(words) == 1 and (ru := ru_alias_regex(words[0])) is not None:
        return ru
    parts = [re.escape(p) for p in words]
    return r"[\s\-‐–]*".join(parts) if len(parts) > 1 else (parts[0] if parts else "")


@dataclass
class Mention:
    """A place found in the text at [start, end)."""

    start: int
    end: int
    place: Place
    source: str  # gazetteer | controlled | candidate | model


_AR_AMBIGUOUS_COUNTRY = frozenset({"مالي"})
SOUND_NOTE = "sounds like a kb name (kb.sound_index):"
_AMBIGUOUS = object()  # kb.resolve_place found several equally likely places


class Gazetteer:
    """Knowledge-base lookups the extractor and the evidence engine need, built once per process."""

    def __init__(self, kb: ModuleType | Any | None = None) -> None:
        self.kb = kb if kb is not None else kb_module
        sites = self.kb.sites()
        self.sites = sites
        ids = sites["site_id"].to_list()
        if "curated" in sites.columns:  # the kb marks its hand-curated rows; else curated ids are slugs
            self.curated = sites.filter(sites["curated"].fill_null(False))["site_id"].to_list()
        else:
            self.curated = [s for s in ids if not _ICAO_ID.match(s)]
        self.curated_rows: dict[str, dict[str, Any]] = {
            r["site_id"]: r for r in sites.filter(sites["site_id"].is_in(self.curated)).iter_rows(named=True)
        }
        self.regions: dict[str, Any] = dict(self.kb.regions())
        self._keys: dict[str, tuple[str, str]] = {}
        alternatives: list[str] = []
        for sid, row in self.curated_rows.items():
            for alias in [row["name"], sid, *(row.get("aliases") or [])]:
                self._add(alias, ("site", sid), alternatives)
        for rid, reg in self.regions.items():
            if getattr(reg, "is_water", False):
                continue  # claims.water finds seas and straits (and knows the Black Sea Fleet is no sea)
            broad = getattr(reg, "rank", 0) >= 3
            for alias in [reg.name, *(reg.aliases or [])]:
                # a continent or grouping of states is looked for everywhere only in Arabic script (no capitals
                # propose it); in Latin and Cyrillic its capital proposes it where it stands as a place, so that
                # "Africa Corps" or "Europe's" press is no destination
                if not broad or has_arabic(alias):
                    self._add(alias, ("region", rid), alternatives)
        # cities of several airfields written in Arabic script ("ميناء سان بطرسبورغ"): Arabic has no capitals to
        # propose them as candidates, so the pattern finds them (the Latin and Cyrillic forms double as actors)
        alternatives += [_alias_regex(k) for k in CITY_ANCHORS if has_arabic(k)]
        # a country written in Arabic script, wherever it stands ("في ألمانيا", "وتركيا"): Arabic has no capitals
        # to propose it as a candidate; "مالي" stays out (also "financial", "Malian"), found after a cue only
        alternatives += [_alias_regex(k) for k in COUNTRIES if has_arabic(k) and k not in _AR_AMBIGUOUS_COUNTRY]
        alternatives.sort(key=len, reverse=True)
        body = "|".join(alternatives) or r"(?!)"
        # an Arabic name may carry a one-letter proclitic ("وقاعدة الخادم", "بنغازي" after "ب")
        self._pattern = re.compile(rf"(?:(?<![\w])|(?<=(?<![\w])[وفبل]))(?:{body})(?![\w]){_SUFFIX}", re.I)
        self._region_sites: dict[str, tuple[str, ...]] = {}
        self._lookups: dict[tuple[str, str | None], Place | None] = {}  # one kb resolution per phrase and carrier

    def _add(self, alias: str | None, target: tuple[str, str], alts: list[str]) -> None:
        if not alias or len(alias.strip()) < 3:
            return
        key = norm_key(alias)
        if not key or (key in self._keys and self._keys[key][0] == "site"):
            return  # a site wins over a region with the same name ("Tobruk")
        new = key not in self._keys
        self._keys[key] = target
        if new:
            alts.append(_alias_regex(alias))

    # -- places -----------------------------------------------------------------------------------------
    def site_place(self, site_id: str, text: str, note: str) -> Place:
        site = self.kb.site(site_id)
        regions = tuple(self.kb.region_of_site(site_id))
        return Place(text, "site", site_id, site.name, self.harbour(site), regions, site.kind, note)

    def harbour(self, site: Any) -> tuple[str, ...]:
        """A port or naval base and the other berths of the same harbour (within 5 km).

        Tartus naval facility and Tartus commercial port are 2 km apart; a voyage's call is assigned to the
        nearer berth, so a claim naming either must accept both.
        """
        if site.kind not in ("port", "naval_base"):
            return (site.site_id,)
        near = [
            s.site_id
            for s, _ in self.kb.nearest_sites(site.lat, site.lon, radius_km=5.0, limit=10)
            if s.kind in ("port", "naval_base")
        ]
        return tuple(dict.fromkeys([site.site_id, *near]))

    def region_place(self, region_id: str, text: str, note: str) -> Place:
        reg = self.regions[region_id]
        return Place(text, "region", region_id, reg.name, self.region_sites(region_id), (region_id,), None, note)

    def region_sites(self, region_id: str) -> tuple[str, ...]:
        """Every kb site in a region: listed members, sites tagged with it, and sites inside its polygon."""
        if region_id in self._region_sites:
            return self._region_sites[region_id]
        reg = self.regions[region_id]
        out = set(reg.site_ids or [])
        if "region" in self.sites.columns:
            out |= set(self.sites.filter(self.sites["region"] == region_id)["site_id"].to_list())
        out |= {s for s in self.curated if region_id in self.kb.region_of_site(s)}
        if reg.polygon and not getattr(reg, "is_water", False):  # a sea holds no site, whatever its ring touches
            from matplotlib.path import Path as MplPath

            pts = np.column_stack([self.sites["lon"].to_numpy(), self.sites["lat"].to_numpy()])
            inside = MplPath(np.asarray(reg.polygon, dtype=np.float64)).contains_points(pts)
            out |= set(np.asarray(self.sites["site_id"].to_list(), dtype=object)[inside].tolist())
        self._region_sites[region_id] = tuple(sorted(out))
        return self._region_sites[region_id]

    def lookup(self, text: str, carrier: str | None = None) -> Place | None:
        """Exact alias lookup (any script), then the kb's own resolvers (fuzzy, every airport).

        A fuzzy site hit is only accepted when every distinctive word of the phrase is close to a word of
        the site's names: the kb resolver is tuned for recall ("Mali" would otherwise become Malé's airport).
        ``carrier`` ("air" or "sea") is the kind of carrier using the place, once the claim knows it
        (:func:`~liftwatch.claims.domain_places.read_for_carrier`). One resolution per (phrase, carrier).
        """
        key = (text, carrier)
        if key in self._lookups:
            hit_place = self._lookups[key]
            return None if hit_place is None else replace(hit_place, qualifiers=list(hit_place.qualifiers))
        if len(self._lookups) > 50_000:
            self._lookups.clear()
        if carrier is None:
            found = self._lookup(text)
        else:
            from liftwatch.claims.domain_places import read_for_carrier  # it reads the plain lookup first

            found = read_for_carrier(self, text, carrier)
        self._lookups[key] = found
        return None if found is None else replace(found, qualifiers=list(found.qualifiers))

    def _lookup(self, text: str) -> Place | None:
        key = norm_key(re.sub(_SUFFIX + "$", "", text, flags=re.I))
        for variant in ru_variants(key):
            hit = self._keys.get(variant)
            if hit is not None:
                return self._key_place(hit, text)
        if has_cyrillic(key) and ru_adjective_phrase(key):
            return None  # "Балтийского флота", "Гибралтарский пролив": an adjective qualifies the noun after it
        for variant in ru_variants(key):
            if variant in CITY_ANCHORS:
                return self.city_place(CITY_ANCHORS[variant], text)
        for variant in ru_variants(key):
            if variant in _COUNTRY_KEYS and self.kb.resolve_region(variant) is None:
                return self.country_place(
                    _COUNTRY_KEYS[variant], text
                )  # before the airport resolver: "Sudan" is no airport
        resolve_place = getattr(self.kb, "resolve_place", None)
        # a name by ear is the last resort: every exact reading of the name first; a stem counts only when the
        # word as written sounds like nothing ("Альтай" is two Altays: no guess at Alta, Norway, for "альта-а"),
        # and it must be one place whatever case ending is stripped
        by_sound: dict[str | None, Place] = {}
        unsure = False
        for variant in ru_variants(key):
            if resolve_place is not None:
                found = self._resolve_place(resolve_place, variant, text)
                unsure |= found is _AMBIGUOUS
                if isinstance(found, Place) and found.note.startswith(SOUND_NOTE):
                    if declines_to(key, variant) and (variant == key or not self._sounds(key)):
                        by_sound.setdefault(found.id, found)
                    continue
                if isinstance(found, Place):
                    return found
                continue
            reg = self.kb.resolve_region(variant)
            if reg is not None:
                return self.region_place(reg.id, text, f"kb.resolve_region({variant!r})")
            site = self.kb.resolve_site(variant)
            if site is not None and plausible(variant, site):
                return self.site_place(site.site_id, text, f"kb.resolve_site({variant!r})")
        for variant in ru_variants(key):
            if variant in _COUNTRY_KEYS:
                return self.country_place(_COUNTRY_KEYS[variant], text)
        if len(by_sound) == 1 and not unsure:
            return next(iter(by_sound.values()))
        short = self._short_name(text, key)
        return short if short is not None else self._cross_script(text, key)

    def _key_place(self, hit: tuple[str, str], text: str) -> Place:
        """The place of one of the gazetteer's own alias keys: a site's or a region's."""
        kind, ident = hit
        return self.site_place(ident, text, "alias") if kind == "site" else self.region_place(ident, text, "alias")

    def _short_name(self, text: str, key: str) -> Place | None:
        """A four-letter Russian name in a case form ("в Сану": Sanaa, "Сана"), as an exact kb name only: its
        three-letter stem is too short for :func:`ru_variants`, and romanised as written it met a code's town
        ("sanu": San Juan's airport, SANU)."""
        resolve_place = getattr(self.kb, "resolve_place", None)
        for variant in ru_short_variants(key):
            hit = self._keys.get(variant)
            if hit is not None:
                return self._key_place(hit, text)
            if variant in CITY_ANCHORS:
                return self.city_place(CITY_ANCHORS[variant], text)
            if resolve_place is None:
                continue
            try:
                exact = resolve_place(variant).matched in ("id", "alias", "name")
            except PlaceError:
                continue
            found = self._resolve_place(resolve_place, variant, text) if exact else None
            if isinstance(found, Place):
                return found
        return None

    def _cross_script(self, text: str, key: str) -> Place | None:
        """A Cyrillic or Arabic name the kb knows only in Latin script (``translit``): "Барановичи" ->
        Baranavichi Air Base, "بني وليد" -> Bani Walid Airport. Only for the kb module itself (a test kb
        has no airportsdata rows to cross to)."""
        if self.kb is not kb_module:
            return None
        if has_cyrillic(key):
            for variant in ru_variants(key):
                latin = cyrillic_to_latin(variant)
                site = self.kb.resolve_site(latin)
                close = site is not None and (plausible(latin, site) or sounds_like(latin, site))
                if close and romanised_plausible(latin, site):
                    return self.site_place(site.site_id, text, f"romanised {latin!r}: kb.resolve_site")
            return self._french_by_sound(text, key)
        if has_arabic(text):
            sid = kb_skeletons().lookup(re.sub(_SUFFIX + "$", "", text, flags=re.I))
            if sid is not None:
                return self.site_place(sid, text, "Arabic consonant skeleton of a kb name")
        return None

    def _french_by_sound(self, text: str, key: str) -> Place | None:
        """A French name Russian writes by sound ("Истр", "Тулузу"): a spelling ``translit.french_spellings``
        proposes that is a word of a French-speaking site's name, exactly."""
        for variant in ru_variants(key):
            for spelling in french_spellings(cyrillic_to_latin(variant)):
                site = self.kb.resolve_site(spelling)
                words = set(re.split(r"[^a-z]+", fold(getattr(site, "name", "") or "").lower()))
                if site is not None and site.country in FRENCH_SPEAKING and spelling in words:
                    return self.site_place(site.site_id, text, f"French spelling {spelling!r} of {variant!r}")
        return None

    def _sounds(self, key: str) -> bool:
        """``key`` as written sounds like some kb name (``kb.sound_index``; False for a stand-in kb)."""
        return self.kb is kb_module and bool(kb_sounds_like(key))

    def _resolve_place(self, resolve_place: Any, variant: str, text: str) -> Place | object | None:
        """The library's one place resolver (``kb.resolve_place``) for a name the gazetteer's own aliases,
        cities and countries do not know: the claim then means what a ``--region``/``--site`` filter with
        the same name means. An ambiguous name is no place ("Mansila" is no more Manila, AR than Manila,
        Philippines: ``_AMBIGUOUS``); a site hit must still look like the name (``plausible``: "Gao" is no
        IATA code here)."""
        try:
            ref = resolve_place(variant)
        except PlaceError as e:
            if str(e).startswith("ambiguous"):
                return _AMBIGUOUS
            # below the command line's fuzzy threshold, yet standing where a place must stand ("из Мпоко"):
            # the site resolver's best guess, if it looks like the name
            site = self.kb.resolve_site(variant)
            if site is not None and plausible(variant, site):
                return self.site_place(site.site_id, text, f"kb.resolve_site({variant!r})")
            return None
        note = f"kb.resolve_place({variant!r}): {ref.matched}"
        if ref.matched == "sound":
            if not _sound_allowed(text):
                return None
            note = f"{SOUND_NOTE} {variant!r}: {ref.name}"
        if ref.kind == "region" and ref.id in self.regions:
            return self.region_place(ref.id, text, note)
        if ref.kind in ("country", "city") and ref.matched == "fuzzy":
            return None  # free text is no typo'd command line: "مدينة" (city) is not the Vatican City
        if ref.kind == "country" and ref.id:
            return self.country_place(ref.id.split(":", 1)[-1], text)
        if ref.kind == "city":
            # a city the gazetteer has no anchor for: in reporting "landed in Nairobi" names the city's main
            # airport, which the site resolver picks (the airfield that carries the city's name or code); a
            # city's exact name in another script ("كاراكاس") or its sound ("Гамбург") is looked up by its kb name
            name = ref.name.split(",")[0] if ref.matched in ("alias", "sound") else variant
            site = self.kb.resolve_site(name)
            if site is not None and site.site_id in ref.ids and plausible(name, site):
                return self.site_place(site.site_id, text, f"{note}; main airport kb.resolve_site({variant!r})")
            return None
        site = self.kb.site(ref.id) if ref.kind == "site" else None  # an exact name ("نيامي") needs no likeness
        # a name by ear ("Жешув") was compared by its sound key (``kb.sound_index``), no letter likeness to ask for
        by_name = ref.matched in ("alias", "sound")
        if site is not None and (by_name or plausible(variant, site) or _after_town(variant, site)):
            return self.site_place(ref.id, text, note)
        return None

    def city_place(self, anchor: str, text: str) -> Place:
        """A city with several airfields ("Moscow"): every kb airfield and port within 60 km of its anchor."""
        site = self.kb.site(anchor)
        nearest = getattr(self.kb, "nearest_sites", None)
        ids = [anchor]
        if site is not None and nearest is not None:
            ids = [
                s.site_id
                for s, _ in nearest(site.lat, site.lon, radius_km=60.0, limit=40)
                if s.kind in AIR_KINDS | SEA_KINDS
            ]
        key = CITY_NAMES.get(anchor, norm_key(text))
        note = f"city: {len(ids)} kb airfields and ports within 60 km of {anchor}"
        return Place(
            text,
            "region",
            f"city:{key}",
            text.strip(),
            tuple(sorted(set(ids) | {anchor})),
            (f"city:{key}",),
            None,
            note,
        )

    def country_place(self, iso2: str, text: str) -> Place:
        """A country the kb has no region for: the kb sites registered there."""
        ids = self.sites.filter(self.sites["country"] == iso2)["site_id"].to_list()
        note = f"country {iso2}: {len(ids)} kb sites (no kb region)"
        if not ids:
            return Place(text, "unknown", None, text, note=note)
        return Place(
            text, "region", f"country:{iso2}", text.strip(), tuple(sorted(ids)), (f"country:{iso2}",), None, note
        )

    def mentions(self, text: str) -> list[Mention]:
        """Known sites and regions named anywhere in ``text``."""
        out = []
        for m in self._pattern.finditer(fold(text)):
            place = self.lookup(text[m.start() : m.end()])
            if place is not None:
                out.append(Mention(m.start(), m.end(), place, "gazetteer"))
        return out

    def controlled(self, actor: Actor, when: date | None, text: str) -> Place:
        """The sites ``actor`` controlled on ``when`` (today if unknown), as one place."""
        at = datetime.combine(when or date.today(), datetime.min.time(), tzinfo=UTC)
        keys = {actor.name.lower(), *actor.operators}
        keys |= {w.strip("()").lower() for w in re.split(r"[\s/]+", actor.name) if len(w) > 2}
        hits: list[str] = []
        names: set[str] = set()
        for sid in self.curated:
            ctrl = self.kb.controller_at(sid, at)
            if ctrl and any(k in ctrl.lower() for k in keys):
                hits.append(sid)
                names.add(ctrl)
        label = f"sites controlled by {' / '.join(sorted(names)) or actor.name}"
        note = f"kb.controller_at on {at:%Y-%m-%d}: {len(hits)} sites"
        if not hits:
            return Place(text, "unknown", None, label, note=note + " (none known)")
        return Place(text, "controlled", actor.name, label, tuple(sorted(hits)), (), None, note)

    def site_latlon(self, site_ids: tuple[str, ...] | list[str]) -> tuple[np.ndarray, np.ndarray]:
        rows = self.sites.filter(self.sites["site_id"].is_in(list(site_ids)))
        return rows["lat"].to_numpy(), rows["lon"].to_numpy()


def _sound_allowed(text: str) -> bool:
    """Whether a phrase of running text may be a place by its sound: Russian capitalises a place's name, so a
    lower-case Cyrillic word ("сообщил") is a common word whatever it sounds like; Arabic has no capitals, and
    relies on the sound index's own guards (common words, lengths, written long vowels)."""
    first = re.search(r"[^\W\d_]", text)
    return first is None or not has_cyrillic(first.group(0)) or first.group(0).isupper()


def _after_town(phrase: str, site: Any) -> bool:
    """ "roissy charles de gaulle": a town, then a name of two or more words that looks like the site's."""
    words = phrase.split()
    return len(words) > 2 and plausible(" ".join(words[1:]), site)


_COUNTRY_KEYS.update({norm_key(k): v for k, v in COUNTRIES.items()})


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over ``liftwatch.kb`` (compiling ~1000 aliases once)."""
    return Gazetteer()
