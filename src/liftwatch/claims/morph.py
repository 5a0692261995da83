"""Word forms: how Russian inflects a place name, and when a romanised name really is a kb name.

Russian declines place names wherever they stand ("Тартус", "в Тартусе", "из Тартуса"); the kb holds the
nominative. A noun declines by its stem class, and an adjective has endings no noun has: "Балтийского"
(of the Baltic) is not a case of "Балтийск" (the town), whose genitive is "Балтийска". So a kb name is
matched only in the case forms of its own declension, not with every ending Russian has.

A Cyrillic name the kb knows only in Latin script is romanised and checked against the kb's names; the
romanisation of vowels varies (Belarusian "Baranavichi" for "Барановичи") but consonants do not, so the
romanised name must have the same consonant skeleton as a word of the site's names. A code (ICAO, IATA)
is never a match for a word written in Cyrillic: "Лиду" romanises to "lidu", which is an Italian airfield's
ICAO code, not Lida.

Hand-written: ``pymorphy3`` was measured for this (``benchmarks/claims_libraries.py``) and lemmatises
toponyms it does not know to wrong lemmas ("Сещи" -> "сестать"); the declension of a proper noun by its
stem class is a short table.
"""

from __future__ import annotations

import re
from typing import Any

from liftwatch.claims.translit import latin_skeleton

# Every ending the lookup may strip from an inflected name to reach the nominative ("Хмеймима" -> "Хмеймим").
RU_ENDINGS = (
    "ами",
    "ями",
    "ого",
    "ему",
    "ой",
    "ей",
    "ом",
    "ем",
    "ам",
    "ям",
    "ах",
    "ях",
    "а",
    "я",
    "у",
    "ю",
    "е",
    "ы",
    "и",
)
# Case endings of a singular proper noun by the last letter of its nominative (what replaces it, or follows
# a consonant): masculine consonant stems (Тартус -> Тартуса, Тартусу, Тартусом, Тартусе), feminine -а/-я
# (Москва -> Москвы, Москве, Москву, Москвой), -ия (Сирия -> Сирии, Сирию, Сирией), soft sign (Русь, Керчь).
_DECLENSION = {
    "consonant": ("а", "у", "ом", "е"),
    "а": ("а", "ы", "и", "е", "у", "ой", "ою"),
    "я": ("я", "и", "е", "ю", "ей", "ею"),
    "ия": ("ия", "ии", "ию", "ией"),
    "ь": ("ь", "я", "ю", "ем", "е", "и", "ью"),
    "ы": ("ы", "ов", "ам", "ами", "ах"),  # plural names: "Чебоксары"
    "и": ("и", "ей", "ям", "ями", "ях", "ов", "ам", "ах"),  # "Барановичи", "Мачулищи" -> "Мачулищах"
}


def ru_alias_regex(word: str) -> str | None:
    """The pattern for a one-word Cyrillic kb name in each of its case forms, or None if it is no Russian
    noun of four letters or more (then the caller matches it as written)."""
    if not re.fullmatch(r"[а-яё]{4,}", word, re.I):
        return None
    low = word.lower()
    if low.endswith("ия"):
        stem, cls = word[:-2], "ия"
    elif low[-1] in "аяьыи":
        stem, cls = word[:-1], low[-1]
    elif low[-1] in "оеу":
        return re.escape(word)  # indeclinable ("Бенгази" is -и; "Сочи"-like names too; "Бамако", "Туапсе")
    else:
        stem, cls = word, "consonant"
    if cls == "consonant":
        return re.escape(stem) + "(?:" + "|".join(_DECLENSION[cls]) + ")?"
    return re.escape(stem) + "(?:" + "|".join(_DECLENSION[cls]) + ")"


def ru_variants(key: str) -> list[str]:
    """The phrase, then (for Cyrillic) with a case ending removed: "Хмеймима" -> "Хмеймим", "Ливию" -> "Ливия"."""
    out = [key]
    if re.search(r"[а-яё]", key):
        for end in RU_ENDINGS:
            if key.endswith(end) and len(key) - len(end) >= 4:
                stem = key[: -len(end)]
                out += [stem, stem + "я", stem + "а", stem + "и"]  # Ливию -> Ливия, Москву -> Москва, Сещах -> Сещи
    return list(dict.fromkeys(out))


# the endings of the -а/-я declension's oblique cases ("в Сану", "из Саны", "в Сане", "Саной")
_SHORT_ENDINGS = ("ой", "ей", "ою", "ею", "у", "ю", "е", "ы", "и")


def ru_short_variants(key: str) -> list[str]:
    """The nominative of a four-letter name of the -а/-я declension from its case form: "сану" -> "сана", "лиду" ->
    "лида". :func:`ru_variants` strips no ending that leaves fewer than four letters (too many short words would
    become names), so such a name's case forms were never read as the name; the caller accepts these only as an
    exact kb name, never by sound or likeness."""
    if not re.fullmatch(r"[а-яё]+", key):
        return []
    out: list[str] = []
    for end in _SHORT_ENDINGS:
        if key.endswith(end) and len(key) - len(end) == 3:
            stem = key[: -len(end)]
            out += [v for v in (stem + "а", stem + "я") if declines_to(key, v)]
    return list(dict.fromkeys(out))


def declines_to(key: str, variant: str) -> bool:
    """``key`` is ``variant`` itself or one of its case forms by its own declension: "тулузу" of "тулуза",
    "жешуве" of "жешув", but not "виктора" of "викторя" (a stem with an ending :func:`ru_variants` guessed,
    which a name matched by its sound alone must not rest on: "Викторя" sounds like Victoria)."""
    if key == variant:
        return True
    pattern = ru_alias_regex(variant)
    return pattern is not None and re.fullmatch(pattern, key, re.I) is not None


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


_RU_ADJ = re.compile(r"[а-яё]{3,}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими)", re.I)


def ru_adjective_phrase(phrase: str) -> bool:
    """Every word of a Cyrillic phrase is an adjective form ("Гибралтарский", "Военно-морского",
    "Балтийского"): it qualifies the noun that follows (a strait, a fleet), it names no place by itself."""
    words = [w for w in re.split(r"[\s\-]+", phrase.strip()) if w]
    return bool(words) and all(_RU_ADJ.fullmatch(w) or w.lower() in ("военно", "северо", "юго") for w in words)
