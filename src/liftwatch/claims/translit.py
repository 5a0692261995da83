"""Cross-script keys for place names the knowledge base knows only in Latin script.

The kb carries Arabic and Cyrillic aliases for its curated sites, but its ~28,000 airportsdata rows have only
their English names: "Барановичи" or "بني وليد" find nothing, although "Baranavichi Air Base" and "Bani
Walid Airport" are there. Two ways across, both deterministic:

* Cyrillic -> Latin by the common (BGN/PCGN-like) romanisation; the result goes through the usual resolver
  and must still look like the site's name (``places._plausible``, edit ratio 85 per word), so the vowel
  choices of Belarusian or Ukrainian spellings ("Baranavichi") are absorbed by the fuzzy match.
* Arabic has no written short vowels, so the comparison is on consonant skeletons: both the Arabic name and
  every kb name are reduced to their consonants (long vowels, alif/ya, waw inside a word and Latin vowels
  dropped, digraphs folded: kh->h, sh->s, q->k), and a skeleton of at least five consonants that exactly one site's name has is
  a hit, among the sites of countries that write Arabic (a name written in Arabic script names a place
  there; elsewhere a short skeleton is too weak: "أم جرس" is not Majors Airport, Texas). Shorter or
  shared skeletons are refused: a wrong airport is worse than an unknown place.

Hand-written because transliteration libraries (Unidecode, anyascii) romanise Arabic letter by letter
without the skeleton folding the comparison needs, and the Cyrillic table is fifteen lines.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from liftwatch.kb.sites import AIR_KINDS, SEA_KINDS
from liftwatch.kb.sounds import ARABIC_COUNTRIES

_CYR = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ў": "u",
}  # fmt: skip

# Arabic consonants -> the Latin letter a skeleton keeps; "" drops a letter (vowel carriers, hamza, ayn).
_AR = {
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "h", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "g", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "ة": "", "و": "", "ي": "", "ى": "", "ا": "", "أ": "",
    "إ": "", "آ": "", "ء": "", "ئ": "", "ؤ": "", "پ": "p", "گ": "g", "چ": "j",
}  # fmt: skip
_LATIN_FOLD = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ch", "j"), ("q", "k"), ("c", "k"))
_GENERIC = {
    "airport", "air", "base", "airbase", "airfield", "airstrip", "international", "intl", "regional",
    "municipal", "field", "military", "naval", "the", "of", "new", "old",
}  # fmt: skip
_AR_GENERIC = {"مطار", "قاعدة", "قاعده", "الجوية", "الجويه", "الدولي", "ميناء", "مدينة", "مدينه"}
_AR_ARTICLE = re.compile(r"^(?:ال|بال|وال)(?=\S{2,})")


def cyrillic_to_latin(text: str) -> str:
    """Romanise Cyrillic letters; other characters are kept."""
    return "".join(_CYR.get(ch, _CYR.get(ch.lower(), ch)) for ch in text.lower())


# Where a place's name is French: Russian writes it by sound, and the romanised sound is not the spelling
FRENCH_SPEAKING = frozenset(["FR", "BE", "CH", "LU", "MC", "RE", "GF", "GP", "MQ", "NC", "PF", "YT", "PM"])
_SILENT_ENDINGS = ("", "s", "es", "e", "x", "t", "d")


def french_spellings(latin: str) -> list[str]:
    """Spellings a romanised Russian rendering of a one-word French name may stand for: Russian writes French
    "ou" as "у", an "s" between vowels as "з", a mute final "e" of a feminine name as "а", and drops silent
    final letters ("Истр" Istres, "Тулуза" Toulouse, "Нант" Nantes, "Орлеан" Orléans). The caller keeps a
    spelling only where it is, exactly, a word of a French-speaking site's name."""
    if not re.fullmatch(r"[a-z]{3,}", latin):
        return []
    stems = {latin}
    stems |= {re.sub(r"(?<!o)u", "ou", w) for w in stems}
    stems |= {re.sub(r"(?<=[aeiou])z(?=[aeiou])", "s", w) for w in stems}
    stems |= {w[:-1] + "e" for w in stems if w.endswith("a")}
    out = {w + end for w in stems for end in _SILENT_ENDINGS}
    out.discard(latin)
    return sorted(out)


def has_cyrillic(text: str) -> bool:
    return re.search(r"[а-яёіў]", text, re.I) is not None


def has_arabic(text: str) -> bool:
    return re.search(r"[\u0600-\u06FF]", text) is not None


def arabic_skeleton(text: str) -> str:
    """Consonant skeleton of an Arabic place name, generic words ("مطار", "الجوية") and articles dropped."""
    words = [_AR_ARTICLE.sub("", w) for w in re.split(r"[\s\-_]+", text.strip()) if w and w not in _AR_GENERIC]
    # a word-initial waw is a consonant ("وليد" Walid); inside a word it is a long vowel
    return "".join(("w" if w.startswith("و") else "") + "".join(_AR.get(ch, "") for ch in w) for w in words)


def latin_skeleton(text: str) -> str:
    """Consonant skeleton of a Latin place name: generic words, vowels, y and w dropped, digraphs folded."""
    words = [w for w in re.split(r"[^a-z]+", text.lower()) if w and w not in _GENERIC]
    if words and words[0] in ("al", "el", "ad", "as", "ash", "ar", "at", "az"):
        words = words[1:]
    out = []
    for w in words:
        for a, b in _LATIN_FOLD:
            w = w.replace(a, b)
        out.append(w[:1].replace("w", "W") + w[1:] if w.startswith("w") else w)
    out = [re.sub(r"[aeiouyw]", "", w).replace("W", "w") for w in out]
    return re.sub(r"(.)\1+", r"\1", "".join(out))


class SkeletonIndex:
    """Skeleton -> site ids over (site id, name) pairs; a skeleton two sites share resolves to nothing."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        found: dict[str, set[str]] = defaultdict(set)
        for sid, name in names:
            sk = latin_skeleton(name)
            if len(sk) >= 5:
                found[sk].add(sid)
        self._found = dict(found)

    def lookup(self, arabic: str) -> str | None:
        sk = re.sub(r"(.)\1+", r"\1", arabic_skeleton(arabic))
        if len(sk) < 5:
            return None
        ids = self._found.get(sk, set())
        return next(iter(ids)) if len(ids) == 1 else None


@cache
def kb_skeletons() -> SkeletonIndex:
    """The index over every kb site's name and Latin aliases (built once, ~28,000 names)."""
    from liftwatch.kb import sites

    frame = sites()
    pairs: list[tuple[str, str]] = []
    cols = (frame[c].to_list() for c in ("site_id", "name", "aliases", "country"))
    for sid, name, aliases, country in zip(*cols, strict=True):
        if country not in ARABIC_COUNTRIES:
            continue
        pairs.append((sid, name))
        pairs += [(sid, a) for a in (aliases or []) if a.isascii()]
    return SkeletonIndex(pairs)


@cache
def french_site_words() -> frozenset[str]:
    """Every word of a French-speaking site's name, folded: a spelling ``french_spellings`` proposes can only be
    kept when it is one of them, so the others need no fuzzy search over every alias (most proposals of a
    common Russian word are no name at all)."""
    from liftwatch.claims.textkey import fold
    from liftwatch.kb import sites

    frame = sites()
    words: set[str] = set()
    for name, country in zip(frame["name"].to_list(), frame["country"].to_list(), strict=True):
        if country in FRENCH_SPEAKING:
            words.update(re.split(r"[^a-z]+", fold(name or "").lower()))
    return frozenset(words)


@cache
def country_skeletons(iso2: str, sea: bool) -> dict[str, frozenset[str]]:
    """Skeleton -> site ids among one country's airfields (``sea`` False) or ports (True), short skeletons
    included: inside one named country a name as short as "غاو" (Gao) is told apart from the others."""
    from liftwatch.kb import sites

    frame = sites()
    rows = frame.filter(frame["country"] == iso2)
    found: dict[str, set[str]] = defaultdict(set)
    kinds = SEA_KINDS if sea else AIR_KINDS
    for sid, name, aliases, kind in zip(
        *(rows[c].to_list() for c in ("site_id", "name", "aliases", "kind")), strict=True
    ):
        if kind not in kinds:
            continue
        for n in [name, *(a for a in (aliases or []) if a.isascii())]:
            sk = latin_skeleton(n)
            if sk:
                found[sk].add(sid)
    return {k: frozenset(v) for k, v in found.items()}


def skeleton_in_countries(arabic: str, countries: Iterable[str], sea: bool) -> str | None:
    """The one site of the named ``countries`` whose name has the consonant skeleton of ``arabic`` (an Arabic
    name after "مطار"/"قاعدة"/"ميناء"), or None when none or several have it. The country the text names is
    what makes a short skeleton safe: "مطار غاو، شمال مالي" is Gao, not one of the world's many G- airfields."""
    sk = re.sub(r"(.)\1+", r"\1", arabic_skeleton(arabic))
    if not sk:
        return None
    ids: set[str] = set()
    for iso2 in countries:
        ids |= country_skeletons(iso2, sea).get(sk, frozenset())
    return next(iter(ids)) if len(ids) == 1 else None


_CODE = re.compile(r"^[A-Z0-9]{3,4}$")


def romanised_plausible(latin: str, site: Any) -> bool:
    """A romanised Cyrillic name is a kb site only when each of its words has the consonant skeleton of a
    word of the site's name or aliases (codes excluded): "baranovichi" ~ "Baranavichi", but "bosfor" is
    not "Botsford" and "lidu" is not the code LIDU. (The caller also asks for a close spelling.)"""
    want = [latin_skeleton(w) for w in re.split(r"[^a-z]+", latin.lower()) if len(w) >= 3]
    want = [w for w in want if w]
    have: set[str] = set()
    for name in [site.name, *(getattr(site, "aliases", None) or [])]:
        if not name or _CODE.match(name):
            continue
        have |= {latin_skeleton(w) for w in re.split(r"[^A-Za-z]+", name) if len(w) >= 3}
    return bool(want) and all(w in have for w in want)
