"""A French or Arabic state's name in a place phrase, a state's adjective on a place, and a capital telling the
hour are the place's or the clock's, not the mover's.

"l'avion a stationné aux Émirats arabes unis", "عبرت سفينة حربية روسية مضيق البوسفور في تركيا", "ستعبر مضيق
البوسفور التركي", "أقلعت نحو مدينة اسطنبول التركية", "la base émiratie al-Khadem", "عند الساعة 23:40 بتوقيت
موسكو", "à 20 h 25 heure de Moscou": a state named as where something happens or goes, or as whose a base, port,
strait or city is, is a place (the annotation's rule 7: no actor where the text describes only a place; rule 16:
a flight said only to come from a state names none), and a capital's time zone is no state at all. The Russian
form of the first is ``claims.ru_place_states``; this module reads French and Arabic, whose movers come after the
verb as often as before it, so the subject-first reading that keeps English clean does not keep them.

Only a state's noun counts after a preposition (French names are capitalised, French adjectives not; an Arabic
adjective ends in its nisba), and "تابعة لـ" ("belonging to") is whose the carrier is, not a place. Hand-written:
these are a few prepositions and place nouns per language that no parser here labels.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_CHAR

# a French preposition of place, with its article, right before the state's name ("en Turquie", "aux Émirats",
# "vers la Russie", "à destination de la Turquie")
_FR_PLACE_BEFORE = re.compile(
    r"(?:^|[\s(«\"'’])(?:en|au|aux|à|vers|depuis|via|dans|(?:à\s+)?destination\s+(?:de|du|des|d['’])|"
    r"en\s+direction\s+(?:de|du|des|d['’])|en\s+provenance\s+(?:de|du|des|d['’]))\s*(?:la\s+|le\s+|les\s+|l['’])?$",
    re.I,
)
# a span that is a force with its state ("Marine nationale du Maroc", "Forces armées ..."), not a state's name
_FORCE_WORD = re.compile(r"(?:Marine|Arm[ée]e|Forces?|Aviation|Flotte|Garde|Air|Navy|Royal)\b", re.I)
# a French place noun right before a state's adjective ("la base émiratie", "le port syrien", "l'aéroport russe")
_FR_PLACE_NOUN = re.compile(
    r"\b(?:bases?|ports?|aéroports?|aérodromes?|côtes?|eaux|territoires?|capitale|ville|détroit|frontière)"
    r"(?:\s+(?:aérienne|navale|militaire|aériennes|navales|militaires))?\s+$",
    re.I,
)
# an Arabic preposition of place as a word of its own ("في تركيا", "إلى روسيا", "نحو إيران"; not "من", also the
# agent of giving: "طائرة مساعدات مقدمة من روسيا"), or the time zone
# ("بتوقيت موسكو")
_AR_PLACE_BEFORE = re.compile(r"(?:^|\s)(?:في|إلى|الى|نحو|عبر|باتجاه|اتجاه|داخل|قرب|بتوقيت|توقيت)\s+$")
# "بتركيا", "لروسيا": a preposition joined to the name; "ل" after "تابعة" is whose the carrier is
_AR_JOINED = re.compile(rf"(?:^|[^{AR_WORD_CHAR}])[وف]?[بل]$")
_AR_BELONGING = re.compile(r"(?:تابع|مملوك)\S*\s+\S*$")
# an Arabic place noun right before a state's adjective ("مضيق البوسفور" is read by its mention; these are the
# nouns: "السواحل الروسية", "ميناء روسي", "الأراضي التركية", "المياه الإقليمية الإيرانية")
_AR_PLACE_NOUN = re.compile(
    rf"(?:^|[^{AR_WORD_CHAR}])(?:ال)?(?:ميناء|موانئ|مطار|مطارات|قاعدة|قواعد|سواحل|ساحل|مياه|أراضي|اراضي|عاصمة|"
    r"مدينة|مضيق|حدود|أجواء|اجواء)(?:\s+(?:ال)?(?:إقليمية|اقليمية|جوية|بحرية|عسكرية))?\s+$"
)
# an Arabic adjective of nationality: the nisba ending ("التركي", "الروسية", "إيرانيتين")
_AR_NISBA = re.compile(rf"ي(?:ة|تان|تين|ين|ون)?(?![{AR_WORD_CHAR}])\Z")
# a capital telling the hour ("Moscow time", "heure de Moscou", "по московскому времени" is an adjective and read
# by no state rule)
_TIME_AFTER = re.compile(r"\A[\s,]*(?:time|\(?time\)?)\b", re.I)
_TIME_BEFORE = re.compile(r"\bheure\s+(?:de|d['’])\s*$", re.I)


def state_in_place_phrase(text: str, start: int, end: int, place_ends: frozenset[int] = frozenset()) -> bool:
    """Whether the state named by ``text[start:end]`` is a place or a clock, not a mover: its French or Arabic noun
    after a preposition of place, its adjective right after a place noun or a place the sentence names (``place_ends``:
    where the sentence's place mentions end, in ``text``'s offsets), or a capital telling the hour."""
    word = text[start:end]
    before = text[max(0, start - 60) : start]
    if _TIME_AFTER.match(text[end : end + 12]) or _TIME_BEFORE.search(before):
        return True
    if re.search(r"[\u0600-\u06ff]", word):
        # one word: a span of several is a carrier or a force with its state ("سفينة حربية روسية"), read as a mover
        return len(word.split()) == 1 and _arabic_place(text, start, word, before, place_ends)
    if re.search(r"[A-Za-zÀ-ÿ]", word) is None:
        return False
    if word[:1].isupper():
        return _FORCE_WORD.match(word) is None and _FR_PLACE_BEFORE.search(before) is not None
    if len(word.split()) > 1:
        return False
    return _FR_PLACE_NOUN.search(before) is not None or _after_place(text, start, place_ends)


def _arabic_place(text: str, start: int, word: str, before: str, place_ends: frozenset[int]) -> bool:
    if _AR_NISBA.search(word):
        return _AR_PLACE_NOUN.search(before) is not None or _after_place(text, start, place_ends)
    if _AR_PLACE_BEFORE.search(before):
        return True
    return _AR_JOINED.search(before) is not None and not (before.endswith("ل") and _AR_BELONGING.search(before))


def _after_place(text: str, start: int, place_ends: frozenset[int]) -> bool:
    """The adjective follows a place mention with only spaces between ("اسطنبول التركية", "Tartous syrien")."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i < start and i in place_ends
