"""Name normalisation for alias lookup across Latin, Arabic and Cyrillic spellings.

Why hand-written: transliterations of the same place differ in ways no general library folds
(``Khmeimim``/``Hmeimim``, ``al-Khadem``/``Al Khadim``, ``الخادم``/``خادم``, ``Аль-Хадим``/``Хадим``). Two keys are
produced: :func:`norm_key` (diacritics, case, articles, punctuation and Arabic letter variants folded) for exact
lookups, and :func:`phonetic_key` (additionally folds common transliteration choices) for a second exact pass
and for fuzzy scoring with rapidfuzz.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_ARABIC_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ئ": "ي",
        "ؤ": "و",
        "ة": "ه",
        "ـ": "",  # tatweel
        "ё": "е",
        "й": "и",
        "ı": "i",  # Turkish dotless i, which NFKD leaves alone: "Akıncı" is "Akinci"
        "ø": "o",  # Danish/Norwegian o-slash, also left alone by NFKD: "Korsør" is "Korsor"
        "ł": "l",  # Polish l-stroke: "Łódź" is "Lodz"
        "đ": "d",  # South Slavic d-stroke: "Đakovo" is "Djakovo"'s "Dakovo"
    }
)
# the marks that sit on an Arabic letter (short vowels, tanween, shadda, sukun, the superscript alif): news text
# writes them here and there ("السّعوديّة", "عُمان"), so names and cues are matched with them taken out
AR_VOWEL_MARKS = re.compile(r"[\u064b-\u0652\u0670]")
# Leading articles: Arabic "al-/el-/ad-/ash-..." in Latin script, the Arabic "ال", and their Cyrillic forms.
_LATIN_ARTICLE = re.compile(r"(^|[\s(])(?:al|el|al|as|ash|ad|ar|at|az)[-\s'’]+(?=\w)")
_CYR_ARTICLE = re.compile(r"(^|[\s(])(?:аль|эль|ал|эл|аш|эш|ас|эс|ад|эд|ат|эт|ар|эр|аз|эз)-(?=\w)")
_AR_ARTICLE = re.compile(r"(^|\s)(?:وال|بال|لل|ال)(?=\w{2,})")
_NON_WORD = re.compile(r"[\W_]+")

# Ordered: longer patterns first. Folds spelling choices of Latin transliterations of Arabic/Russian names.
_PHONETIC = (
    ("kh", "h"),
    ("gh", "g"),
    ("dh", "d"),
    ("th", "t"),
    ("sh", "s"),
    ("ch", "c"),
    ("ou", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ey", "i"),
    ("ay", "ai"),
    ("y", "i"),
    ("q", "k"),
    ("w", "u"),
    ("e", "i"),
    ("o", "u"),
)
_DOUBLE = re.compile(r"(.)\1+")


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)


def strip_diacritics(text: str) -> str:
    """Remove combining marks (Latin accents, Arabic harakat) after NFKD decomposition."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _folded(text: str) -> str:
    # the article patterns' group 1 always takes part (empty at the start), so ``_first_group`` writes what the
    # template "\1" wrote; a function is not parsed as a template on every call (hundreds of thousands of names)
    if text.isascii():  # fast path: most airportsdata names
        return _LATIN_ARTICLE.sub(_first_group, text.lower())
    t = strip_diacritics(text).casefold().translate(_ARABIC_FOLD)
    t = _LATIN_ARTICLE.sub(_first_group, t)
    t = _CYR_ARTICLE.sub(_first_group, t)
    return _AR_ARTICLE.sub(_first_group, t)


def keys(text: str) -> tuple[str, str, str, str]:
    """(norm_key, phonetic_key, fuzzy_key, name_key) computed with a single folding pass (to build indexes)."""
    folded = _folded(text)
    norm = _NON_WORD.sub("", folded)
    words = [w for w in _NON_WORD.split(folded) if w]
    kept = [w for w in words if w not in STOPWORDS] or words
    return norm, _phonetic_word(norm), " ".join(_phonetic_word(w) for w in kept), "".join(kept)


def norm_key(text: str) -> str:
    """Canonical key: casefolded, no diacritics/articles/punctuation, Arabic letter variants folded."""
    return _NON_WORD.sub("", _folded(text))


@lru_cache(maxsize=200_000)
def _phonetic_word(word: str) -> str:
    for a, b in _PHONETIC:
        word = word.replace(a, b)
    return _DOUBLE.sub(_first_group, word)


# Generic words that make every airfield look alike to a fuzzy scorer (folded forms, all scripts).
STOPWORDS = frozenset(
    [
        "airport",
        "airbase",
        "air",
        "base",
        "international",
        "intl",
        "airfield",
        "aerodrome",
        "regional",
        "municipal",
        "field",
        "the",
        "of",
        "de",
        "d",
        "aeroport",
        "aerienne",
        "base",
        "navale",
        "naval",
        "facility",
        "مطار",
        "قاعده",
        "جويه",
        "دولي",
        "الجويه",
        "الدولي",
        "аэропорт",
        "авиабаза",
        "аэродром",
        "международныи",
        # military designators in the airport tables' names ("Nellis Afb Airport", "RAF Leuchars", "Powidz
        # Military Air Base", "Redstone Army Air Field", "North Island Nas", "Eareckson Air Station"): reporting names the base by its
        # place ("Nellis", "Leuchars"), and without these words the place matched a farm strip of that name
        "afb",
        "ab",  # "Pratica di Mare AB", "Ramstein AB": Air Base abbreviated as the US and NATO write it
        "force",
        "raf",
        "raaf",
        "rcaf",
        "paf",  # "PAF Base Samungli", "PAF Base Nur Khan": the Pakistan Air Force's bases, as "RAF Leuchars"
        "reserve",  # "March Air Reserve Base" is March ARB (KRIV), not Reserve Airport (KT16) in Louisiana
        "nas",
        "angb",
        "arb",
        "jrb",
        "aaf",
        "mcas",
        "cfb",
        "army",
        "military",
        "station",
    ]
)


def name_key(text: str) -> str:
    """norm_key without generic words ("Gao Airport" -> "gao"): a name as people say it, not phonetic."""
    words = [w for w in _NON_WORD.split(_folded(text)) if w]
    return "".join([w for w in words if w not in STOPWORDS] or words)


def name_words(text: str) -> list[str]:
    """The folded words of a name without generic words (what :func:`name_key` joins)."""
    words = [w for w in _NON_WORD.split(_folded(text)) if w]
    return [w for w in words if w not in STOPWORDS] or words


def generic_only(text: str) -> bool:
    """True when every word of ``text`` is generic ("International Airport"): no name at all."""
    return all(w in STOPWORDS for w in _NON_WORD.split(_folded(text)) if w)


def phonetic_word(word: str) -> str:
    """:func:`phonetic_key` of text already folded to one word (a joined :func:`name_words`)."""
    return _phonetic_word(word)


def fuzzy_key(text: str) -> str:
    """Word-preserving phonetic key without generic words, for token-aware fuzzy scoring ("london heatrou")."""
    words = [w for w in _NON_WORD.split(_folded(text)) if w]
    kept = [w for w in words if w not in STOPWORDS] or words
    return " ".join(_phonetic_word(w) for w in kept)


def phonetic_key(text: str) -> str:
    """Looser key for Latin transliterations (``Khmeimim`` == ``Hmeimim``, ``Khadem`` == ``Khadim``)."""
    return _phonetic_word(norm_key(text))


# Romanisation for :func:`skeleton` only: Cyrillic by the common (BGN/PCGN-like) table; Arabic by consonant,
# since Arabic writes no short vowels (long vowels and their carriers drop out like Latin vowels do).
_TO_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезиклмнопрстуфыэі", "abvgdeziklmnoprstufyei", strict=True)),
        "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu",
        "я": "ya", "ў": "u", "є": "ye", "ї": "yi",
        "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "d", "ر": "r", "ز": "z",
        "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "k",
        "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "", "ي": "", "ا": "", "ء": "",
    }
)  # fmt: skip
_SKELETON_FOLD = (("kh", "h"), ("gh", "g"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("ch", "k"), ("ph", "f"))
_VOWELS = re.compile(r"[aeiouyw]")


def skeleton(text: str) -> str:
    """Consonant skeleton of a name in any script, in Latin letters ("Каир", "Cairo" -> "kr"; "Иран" -> "rn").

    Fuzzy scores compare letters, so across scripts or with short names they pair unrelated places (WRatio
    scores "каир" against "иран" at 90); two spellings of one name keep their consonants in order, which is the
    safeguard a fuzzy country, region or city match must pass.
    """
    t = _folded(text).translate(_TO_LATIN)
    t = "".join(w for w in _NON_WORD.split(t) if w)
    for a, b in _SKELETON_FOLD:
        t = t.replace(a, b)
    t = t.replace("c", "k").replace("q", "k").replace("x", "ks")
    return _DOUBLE.sub(_first_group, _VOWELS.sub("", t))
