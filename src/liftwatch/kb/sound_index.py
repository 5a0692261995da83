"""Which kb names a Cyrillic or Arabic place name sounds like (:mod:`liftwatch.kb.sounds`), with its guards.

A false place is worse than none: a claim pinned to the wrong airfield is checked against the wrong flights and
looks refuted or confirmed for no reason. So the sound match is the last exact step of place resolution, and:

* only names the kb would give an analyst are compared: curated sites, large and medium airports (OurAirports
  class), air bases, naval bases and ports, by their names, aliases (the airport table's city among them), the
  parts of their names ("Istres" of "Istres/Le Tube", "Frankfurt" of "Frankfurt am Main") and the local
  spelling of their town (``airfield_local_names.csv``: "Köln", "Rzeszów"); a grass strip sharing a sound is
  never a candidate;
* a Cyrillic name needs four letters or more and a key of three, an Arabic one three letters and two written
  consonants, and all its vowels written, as a foreign name by ear is (:func:`~liftwatch.kb.sounds.arabic_pattern`);
  unwritten short vowels are allowed only towards a place of the Arabic-writing world and with five written
  consonants or more: Arabic words grow from three-consonant roots and prefixes, so a shorter unvowelled name
  is too often a common word too ("حساب", account, has the skeleton of Khasab, "تقدم", progress, of
  Taqaddum); a place of the Arabic-writing world is never reached by a name written by ear;
* frequent Russian and Arabic words (``COMMON_WORDS``: verbs and nouns of reporting, months, weekdays) never
  resolve, whatever they sound like;
* a curated site that lists its own names in the query's script is left out: its curator wrote every name it
  goes by there ("Дунай" is the Danube before the port of Dunai);
* the caller resolves each Latin name it returns as the kb resolves that name, and two different places
  sounding alike are an ambiguity, never a choice (a curated site alone among them excepted).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

import polars as pl

from liftwatch.errors import PlaceError
from liftwatch.kb._data import read_csv
from liftwatch.kb.lookup import PHONETIC_SCORE, _index
from liftwatch.kb.runways import airfields
from liftwatch.kb.sites import sites
from liftwatch.kb.sounds import (
    GROUP_OF,
    NATIVE_COUNTRIES,
    STRICT_VOWELS,
    arabic_pattern,
    cyrillic_doubled,
    cyrillic_key,
    doubled,
    has_arabic,
    has_cyrillic,
    latin_keys,
)

if TYPE_CHECKING:
    from liftwatch.kb.place_refs import PlaceRef

MIN_CYRILLIC_LETTERS = 4
MIN_KEY = 3
MIN_ARABIC_LETTERS = 3
MIN_ARABIC_CONSONANTS = 2
# Arabic words grow from three-consonant roots, with a prefix or two ("تقدم", progress, is t-q-d-m): an unvowelled
# name of fewer consonants is too often a common word too (the threshold the consonant skeletons of
# ``claims.translit`` use)
MIN_NATIVE_CONSONANTS = 5
_ELIGIBLE_CLASSES = ("large_airport", "medium_airport")
_ELIGIBLE_KINDS = ("air_base", "naval_base", "port")
_PARTS = re.compile(r"\s+-\s+|\s*/\s*|[–—()]")
# a town named with its river or region in lower-case words ("Frankfurt am Main", "Newcastle upon Tyne")
_LEADING_TOWN = re.compile(r"([A-Z]\w{3,}) (?:am|an der|upon|on|sur|sul|de la|del) [A-Z]")

# Frequent words of Russian and Arabic reporting that must never become places, whatever they sound like
# (nominative and the case forms a place position produces), and the commonest first names (Мария is no Mary
# Airport, Георгий no George Airport). Lower case; Arabic with hamza seats as written.
_COMMON_TEXT = """
    сообщил сообщила сообщили сообщает самолет самолёт самолета самолёта самолеты борт борта рейс рейса рейсы
    груз груза военные военных министерство минобороны данным данные заявил заявила время года году день дня
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря январь февраль март апрель
    май июнь июль август сентябрь октябрь ноябрь декабрь понедельник вторник среда среду четверг пятница пятницу
    суббота субботу воскресенье базы база базу порта порт аэропорт аэропорта город города страны страна москва
    россия сирия ливия затем около после более менее также кроме через между перед الطائرة الطائرات طائرة طائرات
    وزارة الوزارة الدفاع قال قالت أفاد أفادت ذكرت مصدر مصادر يوم اليوم أمس يناير فبراير مارس أبريل ابريل مايو
    يونيو يوليو أغسطس اغسطس سبتمبر أكتوبر اكتوبر نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول
    تشرين الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت عسكرية عسكري شحنة شحنات رحلة رحلات مطار قاعدة
    ميناء مدينة بعد قبل خلال بين عند حيث التي الذي وقد كما ليس كان كانت قد إلى على عن مع منذ حتى أيضا دول دولة
    دور بيت سير وزن هنا لنا لدى لكن فهي وهي وهو أكثر أقصى أطول أصلا أربع أربعة إجراء أجرى أجراه أثار إطار إعلام
    أركان أمس أول أكبر أقل أفضل أحد أخرى أمام إثر أنه أنها إنه كيف روس باغ سقوط بوينغ بوينج إيرباص أنتونوف
    إليوشن توبوليف غيورغي طيران боинг эйрбас антонов ильюшин туполев сухой атак была годы далее забрать зоне
    какие крайней мере монастырь море морей моря один порту самой родина родину родины родине родиной баррелей войны война после года около армия
    армии флот флота войска войск компания компании агентство агентства источник источники александр алексей
    андрей анна антон борис вадим валерий василий виктор виктория владимир георгий григорий денис дмитрий
    евгений егор екатерина елена иван игорь илья ирина кирилл константин леонид максим мария михаил наталья
    николай олег ольга павел петр роман сергей светлана татьяна юрий ярослав محمد أحمد علي حسن حسين خالد عمر
    سعيد مصطفى إبراهيم يوسف جورج ميخائيل فلاديمير سيرغي دونالد
"""
COMMON_WORDS = frozenset(_COMMON_TEXT.split())


# hamza seats, taa marbuta, alif maqsura, yo: written either way, compared as one letter
_FOLD_SEATS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي", "ё": "е"})


_COMMON = frozenset(w.translate(_FOLD_SEATS) for w in COMMON_WORDS)


@dataclass(frozen=True)
class SoundHit:
    """A kb Latin name a foreign rendering sounds like: the name as written, and the site it belongs to."""

    name: str
    site_id: str
    key: str


@cache
def _eligible() -> pl.DataFrame:
    """(site_id, country, curated, name) for every name form of the sites a sound match may reach."""
    frame = sites()
    big = airfields().filter(pl.col("type").is_in(_ELIGIBLE_CLASSES))["icao"]
    keep = frame.filter(
        pl.col("curated").fill_null(False)
        | pl.col("kind").is_in(_ELIGIBLE_KINDS)
        | pl.col("icao").is_in(big.implode())
        | pl.col("site_id").is_in(big.implode())
    )
    local = {row["icao"]: row["names"].split("|") for row in read_csv("airfield_local_names.csv")}
    rows: list[tuple[str, str | None, str, bool, bool]] = []
    for sid, country, name, aliases in keep.select("site_id", "country", "name", "aliases").iter_rows():
        cyrillic = any(has_cyrillic(a) for a in aliases or [])
        arabic = any(has_arabic(a) for a in aliases or [])
        forms: list[str] = []
        for n in [name, *(aliases or []), *local.get(sid, [])]:
            if not n or has_cyrillic(n) or has_arabic(n):
                continue
            forms.append(n)
            forms += [p.strip() for p in _PARTS.split(n) if len(p.strip()) >= 3]
            lead = _LEADING_TOWN.match(n)  # "Frankfurt am Main": "Frankfurt"
            if lead:
                forms.append(lead.group(1))
        for form in dict.fromkeys(forms):
            rows.append((sid, country, form, cyrillic, arabic))
    schema = {"site_id": pl.Utf8, "country": pl.Utf8, "name": pl.Utf8, "cyrillic": pl.Boolean, "arabic": pl.Boolean}
    return pl.DataFrame(rows, schema=schema, orient="row")


@cache
def _keyed(arabic: bool = False) -> pl.DataFrame:
    """(key, name, site_id, ...) over every eligible name form: the vectorised Latin side of the comparison,
    spelt for comparison with Cyrillic or with ``arabic`` script (:func:`~liftwatch.kb.sounds.latin_keys`)."""
    forms = _eligible()
    keys = latin_keys(forms["name"].to_list(), forms["country"].to_list(), arabic=arabic)
    joined = keys.join(forms.with_row_index("row").with_columns(pl.col("row").cast(pl.Int64)), on="row")
    short = pl.col("key").str.len_chars() >= MIN_KEY
    return joined.filter(short).select("key", "raw", "name", "site_id", "country", "cyrillic", "arabic").unique()


@cache
def _by_key(script: str) -> dict[str, list[tuple[str, str, str | None, frozenset[str]]]]:
    """key -> (name, site id, country), for names written in ``script`` (a site whose kb row lists its own
    names in that script is left out: its curator wrote every name it goes by there, and left some out on
    purpose: "Дунай" is the Danube before it is the port of Dunai)."""
    out: dict[str, list[tuple[str, str, str | None, frozenset[str]]]] = {}
    frame = _keyed(arabic=script == "arabic").filter(~pl.col(script)).sort("key", "site_id", "name")
    for key, raw, name, sid, country in frame.select("key", "raw", "name", "site_id", "country").iter_rows():
        out.setdefault(key, []).append((name, sid, country, doubled(raw)))
    return out


def _letters(text: str) -> str:
    return re.sub(r"[^\w]|[\d_]", "", text)


def sounds_like(text: str) -> list[SoundHit]:
    """The eligible kb names a Cyrillic or Arabic place name sounds like (empty when a guard refuses it).

    The caller decides what the names mean (:func:`liftwatch.kb.places.resolve_place` resolves each as typed)
    and refuses an ambiguity."""
    words = [w.translate(_FOLD_SEATS) for w in re.split(r"[\s\-‐–_]+", text.strip().lower()) if w]
    if not words or any(w in _COMMON or re.sub("^(?:ال|و|ب|ل|ف)", "", w) in _COMMON for w in words):
        return []
    if has_cyrillic(text) and not has_arabic(text):
        if len(_letters(text)) < MIN_CYRILLIC_LETTERS:
            return []
        key = cyrillic_key(text)
        if len(key) < MIN_KEY:
            return []
        twice = cyrillic_doubled(text)  # a consonant Russian doubles is doubled in the name's spelling too
        strict = cyrillic_key(text, strict=True)  # о and у as written, for spellings that say which (Кобан, Cobán)
        index = _by_key("cyrillic")
        entries = [
            *index.get(strict, []),
            *(e for e in index.get(key, []) if GROUP_OF.get(e[2] or "") not in STRICT_VOWELS),
        ]
        return list(dict.fromkeys(SoundHit(name, sid, key) for name, sid, _, d in entries if twice <= d))
    if has_arabic(text) and not has_cyrillic(text):
        found = arabic_pattern(text)
        bare = re.sub(r"^(?:ال|لل)", "", _letters(text))
        if len(bare) < MIN_ARABIC_LETTERS or (found is not None and found[1] < MIN_ARABIC_CONSONANTS):
            return []
        hits = _arabic_hits(found[0], within=NATIVE_COUNTRIES, inside=False) if found else []
        unvowelled = arabic_pattern(text, unwritten=True)
        if unvowelled is not None and unvowelled[1] >= MIN_NATIVE_CONSONANTS:
            hits += _arabic_hits(unvowelled[0], within=NATIVE_COUNTRIES, inside=True)
        return list(dict.fromkeys(hits))
    return []


@cache
def _key_series() -> pl.Series:
    return pl.Series("key", sorted(_by_key("arabic")))


def _arabic_hits(pattern: str, within: frozenset[str], inside: bool) -> list[SoundHit]:
    """The names whose key ``pattern`` matches, of places ``inside`` the countries ``within`` or outside them."""
    keys = _key_series()
    matched = keys.filter(keys.str.contains(pattern)).to_list()  # one vectorised pass over every key
    return [
        SoundHit(name, sid, key)
        for key in matched
        for name, sid, country, _ in _by_key("arabic")[key]
        if (country in within) == inside
    ]


def place_by_sound(text: str) -> PlaceRef | None:
    """A Cyrillic or Arabic name that sounds like a kb Latin name ("Жешув" Rzeszow, "أسوان" Aswan;
    :mod:`~liftwatch.kb.sound_index`, which also refuses common words and short names).

    Each Latin name it sounds like means what the kb makes of that name typed as it is ("Тулуза": "Toulouse",
    Blagnac, though Francazal lists the city too), when that covers the site the name belongs to; a name the kb
    does not resolve so ("Köln") is its site; a name that means another place outright is no hit ("Armenia",
    the Colombian town, is the country). Of several places, one holding all the others wins (the city of
    Hamburg holds Hamburg Airport), else a curated site alone among them, else the kb's own ranking of sites
    (curated, then the larger field); places equal on all of these resolve to nothing by sound (a coin flip would
    be a confident wrong place), and the resolver's later steps, which compare spellings, go on as before.
    """
    from liftwatch.kb.place_refs import _site_ref
    from liftwatch.kb.places import _exact, _one_site  # the resolver this step is part of

    if not (has_cyrillic(text) or has_arabic(text)):
        return None  # a Latin name is the resolver's own business (and resolving one here would loop)
    hits = sounds_like(text)
    if not hits:
        return None
    covering: dict[str, PlaceRef] = {}
    unnamed: list[str] = []  # sites whose name means nothing else to the kb ("Köln")
    for name in dict.fromkeys(h.name for h in hits):
        try:
            ref = _exact(name)
        except PlaceError:
            continue  # the Latin name is itself ambiguous
        own = [h.site_id for h in hits if h.name == name]
        if ref is not None and any(sid in ref.site_ids for sid in own):
            covering.setdefault(ref.id, ref)
        elif ref is None or ref.matched == "transliteration":
            unnamed += own  # a name the kb reads as nothing, or only as a spelling of another place's name
        # else the name means another place outright ("Armenia", a Colombian town's, is the country)
    every = {sid for r in covering.values() for sid in r.site_ids}
    # "Hamburg" (the city) holds what "Hamburg Airport" names: the broader place is the one the bare name means
    broad = [r for r in covering.values() if every <= set(r.site_ids)]
    curated = [r for r in covering.values() if r.kind == "site" and _index().rank[r.id][0] == 0]
    for found in (broad, curated):
        if len(found) == 1:
            return replace(found[0], text=text, matched="sound", score=PHONETIC_SCORE)
    if covering or not unnamed:
        return None  # several places sound alike: no guess (the later, spelling-based steps may still know it)
    try:
        best = _one_site(text, unnamed)
    except PlaceError:
        return None  # equal fields behind one sound ("Альтай": Altai Airport and Altay Air Base)
    return _site_ref(text, best, "sound", PHONETIC_SCORE)
