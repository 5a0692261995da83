"""How Russian declines a place name, read back to the nominative the kb holds.

Russian declines place names wherever they stand ("Тартус", "в Тартусе", "из Тартуса"); the kb holds the
nominative. A noun declines by its stem class, and an adjective has endings no noun has: "Балтийского"
(of the Baltic) is not a case of "Балтийск" (the town), whose genitive is "Балтийска". So a kb name is
matched only in the case forms of its own declension, not with every ending Russian has, and a nominative
guessed from a case form is accepted by the callers only where it is a name the kb holds exactly: these are
guesses of a grammar, not of a spelling.

One module for both layers: the kb reads a declined town, country or capital with it (``kb.place_forms``,
``kb.town_airport``), and the claim extractor reads the place phrases of an article with it
(``claims.place_lookup``, ``claims.places``), so a name the one layer reads in a case form the other reads too.
Keys are lower-case with "ё" and "й" folded to "е" and "и" (:func:`fold`), words separated by single spaces.

Hand-written: ``pymorphy3`` was measured for this (``benchmarks/claims_libraries.py``) and lemmatises
toponyms it does not know to wrong lemmas ("Сещи" -> "сестать"); the declension of a proper noun by its
stem class is a short table.
"""

from __future__ import annotations

import re

_CYRILLIC_PHRASE = re.compile(r"[а-яе]+(?:[ \-][а-яе]+)*")


def fold(text: str) -> str:
    """The key this module reads: lower case, "ё" and "й" folded, separators collapsed to one space."""
    low = text.strip().lower().replace("ё", "е").replace("й", "и")
    return re.sub(r"\s+", " ", low)


def nominatives(text: str) -> list[str]:
    """Every nominative reading of a Cyrillic place name in an oblique case, most likely first: an ending
    stripped (:func:`ru_variants`), a short name of the -а/-я declension (:func:`ru_short_variants`), a noun's
    soft sign, fleeting vowel or plural and adjectives declined word by word (:func:`ru_nominatives`), and a name
    that is itself an adjective ("Грозном" -> "Грозный", "Северного" -> "Северный"). Empty for a name not in
    Cyrillic. The caller accepts a reading only as a name the kb holds exactly."""
    key = fold(text)
    if not _CYRILLIC_PHRASE.fullmatch(key):
        return []
    out = [*ru_variants(key), *ru_short_variants(key), *ru_nominatives(key), *_adjective_name(key)]
    return [r for r in dict.fromkeys(out) if r != key]


def _adjective_name(key: str) -> list[str]:
    """The nominatives of a one-word name that declines as an adjective (a town "Грозный", an airfield
    "Северный"): :func:`ru_nominatives` reads an adjective only before a noun."""
    m = _RU_ADJ_KEY.fullmatch(key)
    return [m.group(1) + e for e in _RU_ADJ_NOMINATIVES.get(m.group(2), ())] if m else []


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


_RU_ADJ = re.compile(r"[а-яё]{3,}(?:ый|ий|ой|ая|яя|ое|ее|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ые|ие|ых|их|ыми|ими)", re.I)


def ru_adjective_phrase(phrase: str) -> bool:
    """Every word of a Cyrillic phrase is an adjective form ("Гибралтарский", "Военно-морского",
    "Балтийского"): it qualifies the noun that follows (a strait, a fleet), it names no place by itself."""
    words = [w for w in re.split(r"[\s\-]+", phrase.strip()) if w]
    return bool(words) and all(_RU_ADJ.fullmatch(w) or w.lower() in ("военно", "северо", "юго") for w in words)


# an adjective's ending in a key (``norm_key`` folds "й" to "и"), and the nominatives it may stand for
_RU_ADJ_KEY = re.compile(
    r"([а-яе]{3,}?)(ого|его|ому|ему|ыми|ими|ых|их|ым|им|ои|еи|ую|юю|ая|яя|ые|ие|ыи|ии|ое|ее|ом|ем)"
)
_RU_ADJ_NOMINATIVES = {
    **dict.fromkeys(("ого", "его", "ому", "ему", "ом", "ем"), ("ыи", "ии", "ои", "ое", "ее")),  # masculine, neuter
    **dict.fromkeys(("ои", "еи", "ую", "юю"), ("ая", "яя", "ыи")),  # feminine (folded "ой" also a masculine nominative)
    **dict.fromkeys(("ых", "их", "ыми", "ими"), ("ые", "ие")),  # plural
    **dict.fromkeys(("ым", "им"), ("ые", "ие", "ыи", "ии")),  # plural dative or masculine instrumental
}
_RU_VOWELS = set("аеиоуыэюя")
# "Республики Судан", "Исламской Республики Иран": the state's form of government before its name
_RU_REPUBLIC = re.compile(r"^(?:\S+ )?республик\w* (?=\S)")


def _noun_nominatives(word: str) -> list[str]:
    """The nominatives a Russian noun's case form may stand for, beyond :func:`ru_variants`: a soft sign
    ("израиля" -> "израиль"), a fleeting vowel ("египта" -> "египет"), a plural ("эмиратов" -> "эмираты") and
    a three-letter consonant stem ("чада" -> "чад")."""
    out = ru_variants(word)
    if re.search(r"[ео]и$", word) and len(word) > 5:  # the instrumental with "й" folded: "аравиеи", "москвои"
        out += [word[:-3] + "ия"] if word.endswith("иеи") else [word[:-2] + "а", word[:-2] + "я"]
    for end in ("ями", "ами", "ов", "ев", "ам", "ям", "ах", "ях", "ем", "ом", "я", "ю", "е", "а", "у", "и", "ы"):
        if not word.endswith(end) or len(word) - len(end) < 3:
            continue
        stem = word[: -len(end)]
        if end in ("ов", "ам", "ах", "ами"):
            out.append(stem + "ы")
        if end in ("ев", "ям", "ях", "ями"):
            out.append(stem + "и")
        if end in ("я", "ю", "е", "ем"):
            out.append(stem + "ь")
        if end in ("а", "у", "е", "ом") and stem[-1] not in _RU_VOWELS and stem[-2] not in _RU_VOWELS:
            out.append(stem[:-1] + "е" + stem[-1])  # a vowel the other cases drop: Египет, Египта
        if end in ("а", "у", "е", "ом") and len(stem) == 3 and stem[-1] not in _RU_VOWELS:
            out.append(stem)  # a consonant stem too short for ru_variants: Чад, Чада
    return list(dict.fromkeys(out))


def ru_nominatives(key: str) -> list[str]:
    """Nominative readings of a Russian place phrase (a ``norm_key``) in an oblique case that
    :func:`ru_variants`, which strips one ending from the end of the phrase, does not reach: a name of one
    word that declines otherwise (:func:`_noun_nominatives`), and a name of adjectives and a noun declined word
    by word ("северной кореи" -> "северная корея", "объединенных арабских эмиратов" -> "объединенные арабские
    эмираты", "южного судана" -> "южныи судан"), with a form of government before a state's name left out
    ("республики судан" -> "судан"). The caller accepts a reading only as an exact kb name: these are guesses
    of a grammar, not of a spelling."""
    if not re.fullmatch(r"[а-яе ]+", key):
        return []
    phrases = [key]
    m = _RU_REPUBLIC.match(key)
    if m:
        phrases.append(key[m.end() :])
    out: list[str] = []
    for phrase in phrases:
        words = phrase.split()
        if not words or len(words) > 4:
            continue
        options: list[list[str]] = []
        for i, word in enumerate(words):
            adj = _RU_ADJ_KEY.fullmatch(word) if i < len(words) - 1 else None
            if adj:
                forms = [word, *(adj.group(1) + e for e in _RU_ADJ_NOMINATIVES.get(adj.group(2), ()))]
            else:
                forms = _noun_nominatives(word)
                if i and re.search(r"[ыи]х$", words[i - 1]) and word[-1] not in _RU_VOWELS:
                    forms = [word + "ы", word + "и", *forms]  # a plural's genitive without ending: "Минеральных Вод"
            options.append(forms[:12])
        readings = [""]
        for forms in options:
            readings = [f"{r} {f}".strip() for r in readings for f in forms][:64]
        out += readings
    return [r for r in dict.fromkeys(out) if r != key]
