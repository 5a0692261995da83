"""An airport named by its town and a generic word: "مطار عدن الدولي", "aéroport de Manille", "аэропорт Дананг".

The airport tables are English: a field's name without its generic words ("Aden International Airport" -> Aden)
is what the resolver compares, so the English "Aden airport" finds the field while the Arabic, French or Russian
phrase, whose town the kb knows only as a city name, found nothing. A phrase of airfield words and one name is
that name's airfields: the town as the kb resolves it (its city's airfields, or its one airfield; a port town's
airfield), never a port. A field actually named so ("Moscow Airport", a strip in Idaho) is found before this step
and keeps its name.

The phrase may also call the field military or by its state ("مطار العريش العسكري", "مطار حلب السوري": an Arabic
adjective with the article and the nisba ending after the town), name it after a person ("аэропорт Махачкалы имени
Амет-Хана Султана": the person is cut off), set the town off with a preposition ("аэропорт Северный в Грозном",
"Royal Australian Air Force Base in Amberley": the town is what follows it) and decline the town in Russian
("Махачкалы", "Грозном": the nominative is tried), and an Arabic phrase may put "city" before the town
("مطار مدينة حلب", the airport of the city of Aleppo: the word is dropped). A naval base named by its town ("قاعدة
طبرق البحرية", "naval base of Tobruk", "ВМБ Тартус") is the town's port or naval base; an Arabic military one
("قاعدة حميميم العسكرية") is read as the English "military base of X" is, the town's air base (for a ship, its
port). A country named like its capital ("aéroport de Djibouti") is the capital's airfield, as a ship's "Djibouti"
is the capital's port; a country's name that is another
country's city ("مطار عمان": Amman and Oman are one word in Arabic) is that city's airfields.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from liftwatch.errors import PlaceError
from liftwatch.kb._text import norm_key
from liftwatch.kb.ru_forms import declines_to, fold, nominatives

if TYPE_CHECKING:
    from liftwatch.kb.place_refs import PlaceRef

# the words that say "airfield" (folded as norm_key folds them), and the particles between them and the town
AIRFIELD_WORDS = frozenset(
    {
        "airport", "airfield", "aerodrome", "international", "intl", "aeroport", "aeroports", "aerodromo",
        "aeropuerto", "مطار", "الدولي", "دولي", "аэропорт", "аэропорта", "аэропорту", "аэродром", "аэродрома",
        "международныи", "международного",
        # a military field or an air base: "مطار العريش العسكري", "Amberley air base", "авиабаза Энгельс"
        "military", "militaire", "عسكري", "военныи", "военного", "airbase", "авиабаза", "авиабазы", "авиабазе",
        "авиабазу",
    }
)  # fmt: skip
# "base" alone names no airfield ("Wagner base", "the base"): only these phrases do, each read as one word; a
# French base's number goes with the phrase ("base aérienne 123 d'Orléans": the town is Orléans, not "123")
_BASE_PHRASE = re.compile(
    r"(?i)(?<!\w)(?:(?:royal\s+(?:australian|canadian|new\s+zealand)\s+)?air\s+force\s+base|air\s+(?:reserve\s+)?base|"
    r"air\s+station|base\s+a[ée]rienne(?:\s+\d{2,3}(?!\w))?|military\s+(?:air\s*)?base)(?!\w)"
)
# the number a French air base is known by, "base aérienne 115": with the town, it names the one base carrying it
_BASE_NUMBER = re.compile(r"(?i)(?<!\w)base\s+a[ée]rienne\s+(\d{2,3})(?!\w)")
# a base number as the kb's names write it (polars' regex: no look-behind)
_NUMBERED = re.compile(r"(?i)(?:\bBA\s*|base\s+a[ée]rienne\s+|air\s+base\s+)(\d{2,3})\b")
_NAVAL_PHRASE = re.compile(
    r"(?i)(?<!\w)(?:naval\s+(?:base|station|facility)|base\s+navale|военно-морская\s+база)(?!\w)"
)
# the Arabic "قاعدة" (base) is an air base with "الجوية", a naval one with "البحرية", a military one with "العسكرية"
_AR_BASE, _AR_AIR, _AR_NAVAL, _AR_MILITARY = "قاعده", "جويه", "بحريه", "عسكريه"
# the words that say "air base"
_BASE_WORDS = frozenset({"airbase", "авиабаза", "авиабазы", "авиабазе", "авиабазу", _AR_AIR})
# the words that say "naval base" or "port": the town's place for a ship
NAVAL_WORDS = frozenset({"navalbase", _AR_NAVAL, "вмб"})
_PARTICLES = frozenset({"de", "d", "of", "the", "l", "du"})
# the Arabic "city" before the town's name ("مطار مدينة القامشلي", the airport of the city of Qamishli), spelled
# without the article: "المدينة" is Medina's own name
_AR_CITY = frozenset({"مدينة", "مدينه"})
# a preposition before the town ("... in Amberley", "... в Грозном", "... à Nancy", "... في العريش"): the town follows
_BEFORE_TOWN = frozenset({"in", "at", "near", "a", "в", "во", "под", "في"})
_SPLIT = re.compile(r"[\s\-’']+")


def _is_nisba(word: str) -> bool:
    """An Arabic adjective with the article and the nisba ending ("السوري", "الدولي"): it qualifies the field."""
    return word.startswith("ال") and word.endswith("ي") and len(word) > 4


def _town_words(words: list[str]) -> list[str]:
    """The words naming the town: without airfield and naval words, a person's name after "имени", particles,
    and an Arabic adjective after the town; what follows a preposition when one is there."""
    cut = [norm_key(w) for w in words]
    if "имени" in cut:
        words = words[: cut.index("имени")]
    generic = AIRFIELD_WORDS | NAVAL_WORDS | _BASE_WORDS
    kept = [w for w in words if norm_key(w) not in generic]
    keys = [norm_key(w) for w in kept]
    after = [i for i, k in enumerate(keys) if k in _BEFORE_TOWN]
    if after and after[-1] + 1 < len(kept):
        kept = kept[after[-1] + 1 :]
    while kept and norm_key(kept[0]) in _PARTICLES:
        kept = kept[1:]
    if len(kept) > 1 and kept[0] in _AR_CITY:  # "مطار مدينة حلب": the airport of the city of Aleppo
        kept = kept[1:]
    return [kept[0], *(w for w in kept[1:] if not _is_nisba(w))] if kept else []


def _air_base_named(town: str) -> str | None:
    """The one air base whose name carries ``town`` as a word ("Nancy-Ochey (BA 133) Air Base"), or None."""
    from liftwatch.kb.sites import sites

    frame = sites().filter(pl.col("kind") == "air_base")
    hits = frame.filter(pl.col("name").str.contains(rf"(?i)(^|[\s\-/(]){re.escape(town)}($|[\s\-/)])"))
    ids = hits["site_id"].to_list()
    return str(ids[0]) if len(ids) == 1 else None


@cache
def _numbered_sites() -> dict[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The sites whose names carry an air base number ("BA 115", "Air Base 181", "base aérienne 186"), by number:
    each site's id and its names folded (``norm_key``)."""
    from liftwatch.kb.sites import sites

    frame = (
        sites()
        .select("site_id", "name", "aliases")
        .with_columns(joined=pl.concat_str([pl.col("name"), pl.col("aliases").list.join("|")], separator="|"))
        .filter(pl.col("joined").str.contains(_NUMBERED.pattern))
    )
    found: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for sid, name, aliases, joined in frame.iter_rows():
        folded = tuple(norm_key(n) for n in [str(name), *(aliases or [])])
        for number in dict.fromkeys(m.group(1) for m in _NUMBERED.finditer(str(joined))):
            found.setdefault(number, []).append((str(sid), folded))
    return {number: tuple(rows) for number, rows in found.items()}


def _numbered_base(number: str, town: str) -> str | None:
    """The one site whose names carry the French air base number ``number`` ("BA 115", "Air Base 181", "base
    aérienne 186") and the town ``town`` ("Orange-Caritat (BA 115) Air Base"), or None. The number alone is not
    enough (Bamako's own "Air Base 101" is no French base 101), nor the town alone ("Orange" is an Australian
    town's airport before it is the French base)."""
    town_key = norm_key(town)
    if not town_key:
        return None
    hits = [sid for sid, names in _numbered_sites().get(number, ()) if any(town_key in n for n in names)]
    return hits[0] if len(hits) == 1 else None


def _town(town: str, base: bool = False) -> PlaceRef | None:
    """The town as the kb resolves it, a Russian declined form by its nominative; None when it is no town. For
    an air base (``base``) a town the kb finds ambiguous is the one air base carrying its name, if there is one.

    A nominative guessed by the grammar is taken at once where it is a name the kb holds exactly; one the kb finds
    only by its sound is kept as a last resort, and only where the town as written is one of its own case forms
    (``ru_forms.declines_to``): among the many stems a case ending leaves, some sound like other places."""
    from liftwatch.kb.place_refs import _site_ref
    from liftwatch.kb.places import _exact

    guessed = nominatives(town) if re.fullmatch(r"[А-Яа-яЁё]+", town) else []
    by_ear: PlaceRef | None = None
    for t in [town, *guessed]:
        try:
            ref = _exact(t)
        except PlaceError:
            if base:  # "base aérienne de Nancy": of the fields "Nancy" leaves ambiguous, the one air base
                found = _air_base_named(t)
                if found is not None:
                    return _site_ref(t, found, "name")
            continue
        if ref is None or ref.kind not in ("site", "city", "country"):
            continue
        if t == town or ref.matched in ("id", "alias", "name", "code"):
            return ref
        if by_ear is None and declines_to(fold(town), t):
            by_ear = ref
    return by_ear


def _city_called(town: str) -> PlaceRef | None:
    """The one city of a name a country also bears, when the country has no airfield of that name: an airport is
    a town's, so "مطار عمان" (Arabic writes Amman and Oman alike) is Amman's, Oman's being Muscat's."""
    from liftwatch.kb.cities import cities_named
    from liftwatch.kb.place_refs import _city_ref

    named = cities_named(town)
    return _city_ref(town, named[0], "alias") if len(named) == 1 else None


def town_airport(text: str) -> PlaceRef | None:
    """The airfields of the town ``text`` names with airfield words, or None (no such word, no town, a region);
    with naval words ("قاعدة طبرق البحرية") the town's port or naval base."""
    from liftwatch.kb.carriers import capital_airfield, city_airport, for_carrier

    phrased = _NAVAL_PHRASE.sub(" navalbase ", _BASE_PHRASE.sub(" airbase ", text.strip()))
    words = [w for w in _SPLIT.split(phrased) if w]
    keys = {norm_key(w) for w in words}
    if _AR_BASE in keys and keys & {_AR_AIR, _AR_NAVAL, _AR_MILITARY}:  # "قاعدة طبرق البحرية"
        words = [w for w in words if norm_key(w) not in (_AR_BASE, _AR_AIR, _AR_MILITARY)]
        # a military base ("قاعدة حميميم العسكرية") is read as an air base, as the English "military base" is
        keys = {norm_key(w) for w in words} | ({_AR_AIR} if keys & {_AR_AIR, _AR_MILITARY} else set())
    naval = bool(keys & NAVAL_WORDS)
    if not keys & (AIRFIELD_WORDS | NAVAL_WORDS | _BASE_WORDS):
        return None
    kept = _town_words(words)
    if not kept or all(norm_key(w) in _PARTICLES for w in kept):
        return None
    number = _BASE_NUMBER.search(text)
    if number is not None:  # "base aérienne 115 d'Orange": the French base 115 at Orange, not Orange's town
        from liftwatch.kb.place_refs import _site_ref

        found = _numbered_base(number.group(1), " ".join(kept))
        if found is not None:
            return _site_ref(text, found, "alias")
    ref = _town(" ".join(kept), base=bool(keys & _BASE_WORDS))
    if ref is None:
        return None
    if ref.kind == "country":  # "aéroport de Djibouti": the capital's airfield; "مطار عمان": Amman's, not Oman's
        ref = capital_airfield(ref) or _city_called(" ".join(kept))
        if ref is None:
            return None
    try:
        air = for_carrier(ref, "sea" if naval else "air")
    except PlaceError:  # a port town with no airfield of its name: no airport
        return None
    if not air.site_ids:
        return None
    if air.kind == "city" and not naval:
        air = city_airport(air)
    if air.kind == "city" and len(air.site_ids) == 1:
        from liftwatch.kb.place_refs import _site_ref

        air = _site_ref(text, air.site_ids[0], ref.matched, ref.score)
    return replace(air, text=text)


def town_over_name(text: str, named: str) -> PlaceRef | None:
    """The town's airfields (or port) ``text`` names with airfield words, when they should win over ``named``, a
    field whose name (not alias) carries the words: "Moscow airport" names Moscow's airports, not Pullman/Moscow
    Regional in Idaho, whose name carries the word as one of two towns (the town's fields outrank it), and a phrase
    saying the kind of site ("naval base of Tobruk") is the town's site of that kind, not its air base. None when
    the named field stands."""
    at_town = town_airport(text)
    if at_town is None or named in at_town.site_ids:
        return None
    return at_town if _outranks(at_town.site_ids, named) or _other_carrier(at_town.site_ids, named) else None


def _outranks(site_ids: tuple[str, ...], other: str) -> bool:
    """Whether the best of ``site_ids`` ranks before ``other`` by the kb's site ranking (curated, field size)."""
    from liftwatch.kb.lookup import _index

    rank = _index().rank
    worst = (9, 9, 9, 9)
    return min(rank.get(s, worst)[:2] for s in site_ids) < rank.get(other, worst)[:2]


def _other_carrier(site_ids: tuple[str, ...], other: str) -> bool:
    """Whether every site of ``site_ids`` serves the other carrier than ``other`` (a port against an airfield)."""
    from liftwatch.kb.carriers import carrier_of_kind
    from liftwatch.kb.sites import site

    theirs = {carrier_of_kind(site(s).kind) for s in site_ids}
    return len(theirs) == 1 and carrier_of_kind(site(other).kind) not in theirs
