"""Find place names in text and resolve them through the knowledge base.

The gazetteer is the knowledge base itself: every alias of every curated site and region (any script) is
compiled into one case-insensitive pattern, so "Khmeimim", "Humaymim", "حميميم" and "Хмеймим" all land on
``hmeimim`` without a model. What a found phrase means is :mod:`liftwatch.claims.place_lookup` (aliases, Russian
case forms, ``kb.resolve_place``, other scripts); what a place id stands for (its sites) is
:mod:`liftwatch.claims.place_builders`. :class:`Gazetteer` joins the three, and ``SOUND_NOTE``, ``fold`` and
``norm_key`` stay importable from here, the path the extractor and its tests use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any

from liftwatch import kb as shipped_kb
from liftwatch.claims.model import Place
from liftwatch.claims.place_lookup import _SUFFIX, PlaceLookup, without_site_word
from liftwatch.claims.place_lookup import SOUND_NOTE as SOUND_NOTE
from liftwatch.claims.place_names import CITY_ANCHORS, COUNTRIES
from liftwatch.claims.shared_places import by_country
from liftwatch.claims.textkey import fold as fold
from liftwatch.claims.textkey import norm_key as norm_key
from liftwatch.claims.translit import has_arabic
from liftwatch.errors import PlaceError
from liftwatch.kb.countries import AR_STATE_FORM
from liftwatch.kb.lookup import CODE_AS_TYPED
from liftwatch.kb.ru_forms import ru_alias_regex


def site_country(place: Place, handle: Any = None) -> str | None:
    """The country the kb puts the site ``place`` in (None for a place with no id or one the kb does not hold).

    Two readings ask it, both about whether places lie in one country: a ship's "<country>" read as its port, and
    "<base>, <city>" read as the base's address. ``handle`` is the kb the caller resolved with (a test's stand-in
    kb answers for its own invented sites); by default the shipped one.
    """
    if not place.id:
        return None
    try:
        found = (handle or shipped_kb).site(place.id)
    except (KeyError, LookupError, PlaceError):
        return None
    country = getattr(found, "country", None)
    return str(country) if country else None


def _alias_regex(alias: str) -> str:
    """An alias as a pattern; a one-word Russian name also in the case forms of its declension ("Сирия":
    "Сирию", "Сирии"; ``kb.ru_forms.ru_alias_regex``), since Russian inflects place names wherever they stand."""
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


class Gazetteer(PlaceLookup):
    """Knowledge-base lookups the extractor and the evidence engine need, built once per process."""

    def __init__(self, kb: ModuleType | Any | None = None) -> None:
        super().__init__(kb)
        alternatives: list[str] = []
        # alias key -> {site id: ISO2} of a name curated sites of several countries share (claims.shared_places)
        self._shared: dict[str, dict[str, str]] = {}
        for sid, row in self.curated_rows.items():
            for alias in [row["name"], sid, *(row.get("aliases") or [])]:
                self._add(alias, ("site", sid), alternatives)
            if CODE_AS_TYPED.fullmatch(sid) and not any(
                norm_key(a) == norm_key(sid) for a in [row["name"], *(row.get("aliases") or [])]
            ):
                self._code_keys.add(norm_key(sid))  # "LIRE" is a code, "lire" a French verb
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
        ar_names = [k for k in COUNTRIES if has_arabic(k)]
        alternatives += [_alias_regex(k) for k in ar_names if k not in _AR_AMBIGUOUS_COUNTRY]
        alternatives.sort(key=len, reverse=True)
        # a state after its form of government ("إلى دولة السودان", "جمهورية مالي"): one name, the form word in it,
        # so that the cue before it reaches the state (``kb.countries`` reads the state); "مالي" too, the form word
        # making it the state
        ar_states = sorted((_alias_regex(k) for k in ar_names), key=len, reverse=True)
        states = f"{AR_STATE_FORM}(?:{'|'.join(ar_states)})" if ar_states else ""
        body = "|".join([states, *alternatives] if states else alternatives) or r"(?!)"
        # an Arabic name may carry a one-letter proclitic ("وقاعدة الخادم", "بنغازي" after "ب")
        self._pattern = re.compile(rf"(?:(?<![\w])|(?<=(?<![\w])[وفبل]))(?:{body})(?![\w]){_SUFFIX}", re.I)

    def _add(self, alias: str | None, target: tuple[str, str], alts: list[str]) -> None:
        """Add an alias to the pattern and the alias keys, noting a name curated sites of several countries share.

        The shared names are found here, not asked of ``kb.lookup.shared_alias``: the gazetteer reads whatever kb
        it is given (the tests' stand-in has no kb index) and :meth:`mentions` looks them up by the claims' key
        (words kept apart: "port of tripoli"), not the kb's. On the real kb both find the same names
        (``tests/claims/test_shared_places.py``)."""
        if not alias or len(alias.strip()) < 3:
            return
        key = norm_key(alias)
        if key and target[0] == "site" and self._keys.get(key, ("", ""))[0] == "site":
            first = self._keys[key][1]
            countries = {first: self.curated_rows[first]["country"], **self._shared.get(key, {})}
            countries[target[1]] = self.curated_rows[target[1]]["country"]
            if len(set(countries.values())) > 1:  # "ميناء طرابلس": Libya's and Lebanon's (kb.lookup.shared_alias)
                self._shared[key] = countries
        if not key or (key in self._keys and self._keys[key][0] == "site"):
            return  # a site wins over a region with the same name ("Tobruk")
        new = key not in self._keys
        self._keys[key] = target
        if new:
            alts.append(_alias_regex(alias))

    def mentions(self, text: str) -> list[Mention]:
        """Known sites and regions named anywhere in ``text``."""
        out = []
        for m in self._pattern.finditer(fold(text)):
            phrase = text[m.start() : m.end()]
            place = self.lookup(phrase)
            shared = self._shared.get(norm_key(phrase)) or self._shared.get(norm_key(without_site_word(phrase)))
            if place is not None and shared and place.id in shared:
                # a name two countries' ports share: the one of the country the text names, else none
                chosen = by_country(text, shared)
                place = None if chosen is None else self.site_place(chosen, phrase, "alias; the country the text names")
            if place is not None:
                out.append(Mention(m.start(), m.end(), place, "gazetteer"))
        return out


@cache
def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer over ``liftwatch.kb`` (compiling ~1000 aliases once)."""
    return Gazetteer()
