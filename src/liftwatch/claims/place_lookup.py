"""A place phrase of a claim to a place: the gazetteer's own aliases first, then the kb's resolver, with the
guards running text needs.

Names the gazetteer's pattern does not know but that stand where a place must stand ("flights to Bamako") go
through ``kb.resolve_place`` (the resolver every command uses; fuzzy, all airports, ambiguous names refused),
after the Russian case forms of the phrase (``kb.ru_forms.ru_variants``) met no alias, city or country; a Cyrillic or
Arabic name the kb knows only in Latin script is romanised or matched by its consonants. What still fails is no
place, and the caller keeps it as an *unknown place*.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import ModuleType
from typing import Any

from liftwatch import kb as kb_module
from liftwatch.claims.model import Place
from liftwatch.claims.place_builders import PlaceBuilder
from liftwatch.claims.place_names import CITY_ANCHORS, COUNTRIES
from liftwatch.claims.plausible import names_wholly, plausible, sounds_like
from liftwatch.claims.textkey import fold, norm_key
from liftwatch.claims.translit import (
    FRENCH_SPEAKING,
    cyrillic_to_latin,
    french_site_words,
    french_spellings,
    has_arabic,
    has_cyrillic,
    kb_skeletons,
    romanised_plausible,
)
from liftwatch.errors import PlaceError
from liftwatch.kb.lookup import CODE_AS_TYPED
from liftwatch.kb.ru_forms import (
    declines_to,
    ru_adjective_phrase,
    ru_nominatives,
    ru_short_variants,
    ru_variants,
)
from liftwatch.kb.sound_index import COMMON_WORDS
from liftwatch.kb.sound_index import sounds_like as kb_sounds_like

_SUFFIX = (
    r"(?:\s+(?:air\s*base|airbase|air\s+field|airfield|airport|international\s+airport|naval\s+base|"
    r"naval\s+facility|naval\s+port|port|harbou?r|military\s+base|base))?"
)
_SUFFIX_AT_END = re.compile(_SUFFIX + "$", re.I)
# the country names under the same key as a looked-up phrase ("й" folds to "и": "центральноафриканской")
_COUNTRY_KEYS: dict[str, str] = {}
SOUND_NOTE = "sounds like a kb name (kb.sound_index):"
_AMBIGUOUS = object()  # kb.resolve_place found several equally likely places
AMBIGUOUS = _AMBIGUOUS  # what ``_resolve_place`` answers for such a name, for readers of a carrier's place


class PlaceLookup(PlaceBuilder):
    """Phrase-to-place lookups over the gazetteer's alias keys and the kb's resolvers, one per phrase and carrier."""

    def __init__(self, kb: ModuleType | Any | None = None) -> None:
        super().__init__(kb)
        self._keys: dict[str, tuple[str, str]] = {}  # alias key -> ("site" | "region", id), filled by the gazetteer
        self._lookups: dict[tuple[str, str | None], Place | None] = {}  # one kb resolution per phrase and carrier
        # alias keys that are only a site's code ("lire" of LIRE): read only where the text writes a code
        self._code_keys: set[str] = set()

    def _hit(self, key: str, text: str) -> tuple[str, str] | None:
        """The gazetteer's alias key ``key`` for ``text``; a key that is only an airfield's code counts only when
        ``text`` is written as a code ("LIRE", not the French verb "lire" of a link's caption "à lire")."""
        if key in self._code_keys and not CODE_AS_TYPED.fullmatch(text.strip()):
            return None
        return self._keys.get(key)

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
        key = norm_key(without_site_word(text))
        for variant in ru_variants(key):
            hit = self._hit(variant, text)
            if hit is not None:
                return self._key_place(hit, text)
        if has_cyrillic(key) and ru_adjective_phrase(key):
            # "Балтийского флота", "Гибралтарский пролив": an adjective qualifies the noun after it; but a
            # country's name that declines like an adjective ("Китая": Китай) is still the country
            return self._nominative(text, key, countries_only=True)
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
        short = self._short_name(text, key) or self._nominative(text, key)
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
            hit = self._hit(variant, text)
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

    def _nominative(self, text: str, key: str, *, countries_only: bool = False) -> Place | None:
        """A Russian name in a case form only its grammar reaches (``kb.ru_forms.ru_nominatives``: "из Чада",
        "Израиля", "Египта", "в Северную Корею", "Объединённых Арабских Эмиратов", "Республики Судан"), as an
        exact kb name only, never by likeness or sound; ``countries_only`` for a word that also reads as an
        adjective, which names a country only ("Китая"; "Балтийского" is no case of the town Балтийск)."""
        resolve_place = getattr(self.kb, "resolve_place", None)
        for variant in ru_nominatives(key):
            if not countries_only:
                hit = self._hit(variant, text)
                if hit is not None:
                    return self._key_place(hit, text)
                if variant in CITY_ANCHORS:
                    return self.city_place(CITY_ANCHORS[variant], text)
            if variant in _COUNTRY_KEYS:
                return self.country_place(_COUNTRY_KEYS[variant], text)
            if resolve_place is None:
                continue
            try:
                ref = resolve_place(variant)
            except PlaceError:
                continue
            # a name of several words may also be met by its sound ("Минеральные Воды"): the words are specific
            exact = ref.matched in ("id", "alias", "name") or (ref.matched == "sound" and " " in variant)
            if not exact or (countries_only and ref.kind != "country"):
                continue
            found = self._resolve_place(resolve_place, variant, text)
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
            if key in COMMON_WORDS:  # "на Родину" is home, not Rudine airfield romanised
                return None
            for variant in ru_variants(key):
                latin = cyrillic_to_latin(variant)
                site = self.kb.resolve_site(latin)
                close = site is not None and (plausible(latin, site) or sounds_like(latin, site))
                if close and romanised_plausible(latin, site):
                    return self.site_place(site.site_id, text, f"romanised {latin!r}: kb.resolve_site")
            return self._french_by_sound(text, key)
        if has_arabic(text):
            sid = kb_skeletons().lookup(without_site_word(text))
            if sid is not None:
                return self.site_place(sid, text, "Arabic consonant skeleton of a kb name")
        return None

    def _french_by_sound(self, text: str, key: str) -> Place | None:
        """A French name Russian writes by sound ("Истр", "Тулузу"): a spelling ``translit.french_spellings``
        proposes that is a word of a French-speaking site's name, exactly."""
        for variant in ru_variants(key):
            for spelling in french_spellings(cyrillic_to_latin(variant)):
                if spelling not in french_site_words():
                    continue
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
            if site is not None and plausible(variant, site) and names_wholly(variant, site):
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


def without_site_word(text: str) -> str:
    """``text`` without the kind of site it ends with ("Hmeimim air base" -> "Hmeimim"): the name is looked up,
    the kind word only says what the writer thought it was."""
    return _SUFFIX_AT_END.sub("", text)


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
