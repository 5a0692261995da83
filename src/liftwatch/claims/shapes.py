"""Sentence shapes where the words just before a place do not say its role, read over the kb's multilingual
names and the lexicon's actors and verbs: a capital named with its country ("Burkina Faso's capital,
Ouagadougou", "столицы Нигера, города Ниамей"), an Arabic clause that opens on its arrival verb and ends on the
place however long the subject between, and two movements by two actors joined by "and" in one sentence.

Rules, like the rest of the sentence reading (``sentences.py``), because each is a short pattern of how reports
are written that no parser offline handles across the four languages.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import MOVE
from liftwatch.claims.filler import fill_ok
from liftwatch.claims.lexicon import ACTORS

# "Burkina Faso's capital, Ouagadougou", "la capitale du Niger, Niamey", "столицы ЦАР, города Банги",
# "العاصمة التشادية انجامينا": the capital named after its country is the place the movement went to; the
# country only says where the capital is. Between the two mentions, or before the country and a comma after (the
# Arabic comma as the Latin one: "إلى عاصمة بوركينا فاسو ، واغادوغو").
CAPITAL_WORD = r"(?:capital(?:e)?(?:\s+city)?|столиц\w*)"
_CAPITAL_BETWEEN = re.compile(
    rf"(?:['’]s\s+|\s*,?\s*)(?:(?:its|the|sa|la|their)\s+)?(?:[\w-]+\s+)?{CAPITAL_WORD}\s*,?\s*"
    r"(?:(?:the\s+)?city\s+of\s+|la\s+ville\s+de\s+|город\w*\s+|مدينة\s+)?",
    re.I,
)
_CAPITAL_BEFORE = re.compile(
    rf"{CAPITAL_WORD}\s+(?:(?:of|de|du|des|d['’])\s+)?(?:the\s+|la\s+|l['’])?$|{AR_WORD_START}(?:[وبل]|لل)?(?:ال)?عاصمة\s+$",
    re.I,
)
# "Burkina Faso's capital, Ouagadougou", "capitale du Niger, Niamey", "столицы ЦАР, города Банги": a name right
# after the word capital (and its country) stands where a place must stand, with or without a route cue
AFTER_CAPITAL = re.compile(
    rf"(?:\b[A-ZА-ЯЁ][\w-]+\s+)?\b{CAPITAL_WORD}\s*(?:(?:of|de|du|d['’])\s+(?:the\s+|la\s+|l['’])?[\w'’ -]{{2,40}}?|[А-ЯЁ][\w-]+)?\s*,?\s*"
    r"(?:(?:the\s+)?city\s+of\s+|la\s+ville\s+de\s+|город\w*\s+)?$",
    re.I,
)
_CAPITAL_AFTER = re.compile(r"\s*[,،]\s*(?:(?:the\s+)?city\s+of\s+|la\s+ville\s+de\s+|город\w*\s+)?", re.I)


def capital_named_after(before_country: str, between: str) -> bool:
    """The place after a country is its capital named with it: "<country>'s capital, <city>" (``between``),
    or "the capital of <country>, <city>" (``before_country`` ends on "capital of")."""
    if _CAPITAL_BETWEEN.fullmatch(between):
        return True
    return _CAPITAL_AFTER.fullmatch(between) is not None and _CAPITAL_BEFORE.search(before_country[-40:]) is not None


# Arabic puts the verb first and the place last: "حطت 15 طائرة شحن روسية على الأقل تقل معدات خلال أسبوعين في
# قاعدة ...", "تهبط كل صباح طائرة شحن ... في قاعدة حميميم": an arrival verb opening the clause makes the place
# after its "في"/"على" where the carriers arrived, however long the subject between them
_AR_ARRIVAL_VERB = re.compile(
    rf"{AR_WORD_START}[وف]?(?:هبط|حط|وصل|رس[تا]|رسو|ت?هبط|ي?هبط|تحط|يحط|تصل|يصل|ترسو|يرسو|استقر)[\u0600-\u064A]{{0,3}}"
    rf"{AR_WORD_END}"
)
# (not "من طراز" / "من نوع": "of the type", how Arabic names the carrier's model inside the subject)
_AR_OTHER_CUE = re.compile(
    rf"{AR_WORD_START}(?:من(?!\s+(?:ال)?(?:طراز|نوع))|إلى|الى|عبر|نحو|باتجاه|متجه\S*|قادم\S*){AR_WORD_END}"
)
# "شحنة من المعدات", "عدد من الطائرات": a quantity's "من" (of) inside the subject, no origin
_AR_PARTITIVE = re.compile(rf"{AR_WORD_START}(?:شحن(?:ة|ات)|عدد|مجموعة|كمي(?:ة|ات)|العديد|الكثير)\s+من{AR_WORD_END}")
_AR_AT = re.compile(rf"{AR_WORD_START}(?:في|على)\s+|{AR_WORD_START}[وف]?ب\s*$")


def ar_arrival(text: str, a: int, prev_end: int = 0) -> bool:
    """The place at ``a`` ends an Arabic verb-first arrival clause (see ``_AR_ARRIVAL_VERB``); a place named
    since the verb ("قادمة من قاعدة X في مطار Y") leaves only the words after it to be checked for another cue."""
    lo = max(0, a - 240)
    pre = text[lo:a]
    ats = list(_AR_AT.finditer(pre))
    at = ats[-1] if ats else None
    fill = pre[at.end() :] if at is not None else ""
    if at is None or len(fill.split()) > 4 or (fill.strip() and not fill_ok(fill)):
        return False
    verbs = list(_AR_ARRIVAL_VERB.finditer(pre[: at.start()]))
    if not verbs:
        return False
    between = _AR_PARTITIVE.sub(" ", pre[max(verbs[-1].end(), prev_end - lo) : at.start()])
    return not _AR_OTHER_CUE.search(between) and not re.search(r"[.!?؟،؛:]", between)


# "Turkey sent C-130s to Misrata, and the UAE flew Il-76s to Al-Khadim", "Турецкие C-130 прилетели в Мисурату, а
# эмиратские Ил-76 — в Аль-Хадим": two movements by two actors joined by "and" are two claims
_AND = re.compile(r",?\s+(?:and|et|а|и)\s+|،\s*(?=و?[\u0600-\u06FF])|\s+(?=و[\u0600-\u06FF]{3,})", re.I)


def _first_actor(segment: str) -> str | None:
    found = [(m.start(), act.name) for act in ACTORS if (m := act.pattern.search(segment)) is not None]
    return min(found)[1] if found else None


def actor_cuts(text: str, a: int, b: int) -> list[int]:
    """Cuts before an "and" whose clause opens on another actor than the one before it, each side moving."""
    out: list[int] = []
    last = a
    for m in _AND.finditer(text, a, b):
        before, after = text[last : m.start()], text[m.end() : b]
        opener = _first_actor(after[:50])
        first = _first_actor(before)
        if opener is None or first is None or opener == first:
            continue
        if MOVE.search(before) and MOVE.search(after):
            out.append(m.end())
            last = m.end()
    return out
