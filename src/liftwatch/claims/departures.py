"""A movement dated only by its departure: "left Baltiysk on December 13", "a quitté Mourmansk le 4 janvier",
"вышел из Севастополя 5 июля", "غادرت ميناء طرطوس في 22 سبتمبر".

The day a carrier left is when the voyage began, not when it happened: a voyage whose arrival the text does not
tell was under way from that day to the report (rule 49 of the corpus: "runs from the departure to the report").
Reporters tell departures this way in all four languages, with the date beside the verb of leaving, so the test is
grammatical: a verb of leaving next to the claim's one date, and no verb of arriving beside that date. An arrival
the sentences tell without a day of its own ("left Zhoushan on June 28 ... will arrive in Port Moresby", "Самолёт
вылетел из России 22 октября. ... прибыл самолёт") happened by the report, as any undated past movement does (rule
4), so the voyage still runs from the departure to the report.
The day an operation, an airlift, an evacuation or a long voyage began is read the same way ("began the evacuation
of weapons from Tartus on January 27", "ont débuté le vendredi 20 août", "похода, начавшегося 1 октября"): what began
that day, its end untold, was under way from it to the report.
Kept apart from ``windows`` because it reads the words of the sentence, where ``windows`` only weighs dates.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.date_context import one_date
from liftwatch.claims.timeparse import TimeSpan

# verbs of leaving (past forms, participles, the "-ing" of "leaving"): the date beside one is the day it began
DEPARTURE = re.compile(
    r"\b(?:left|departed|departing|leaving|sailed\s+(?:from|out)|set\s+(?:sail|off|out)|took\s+off|taken\s+off|"
    r"exited|weighed\s+anchor|cast\s+off|began\s+(?:its|their|her)\s+(?:voyage|journey|transit))\b"
    r"|\b(?:quitt[éeè]\w*|(?:est|sont)\s+partie?s?|d[ée]coll[ée]\w*|appareill[ée]\w*|lev[ée]\w*\s+l['’]ancre|"
    r"entam[ée]\w*|pris\s+la\s+mer|pris\s+son\s+envol)\b"
    # the participle alone at the head of its clause: "Partie de Toulon le 19 février, la frégate ...", ", partis du
    # port le 3 mai," (not the noun: "une partie des navires")
    r"|(?:^|(?<=[,;(]\s)|(?<=[.!?]\s)|(?<=[—–]\s))parti(?:e|s|es)?\s+(?:de|du|des|d['’]|depuis)\b"
    r"|(?<!\w)(?:вы(?:шел|шла|шли|шло|летел\w*)|уш(?:[её]л|ла|ли)|покинул\w*|отплыл\w*|отчалил\w*|отправил\w*|"
    r"снял\w*\s+с\s+якор\w*|взлетел\w*)(?!\w)"
    rf"|{AR_WORD_START}(?:و|ف)?(?:غادر\w*|خرج\w*|أقلع\w*|اقلع\w*|انطلق\w*|أبحر\w*|ابحر\w*|أقلعت|مغادر\w*)",
    re.I,
)

# verbs of arriving: a sentence that tells the arrival dates the movement by it, not by the departure
ARRIVAL = re.compile(
    r"\b(?:arriv\w*|reached|reaching|docked|docking|landed|moored|berthed|entered|entering|called\s+at|"
    r"put\s+in|returned)\b"
    r"|\b(?:arriv[ée]\w*|atterri\w*|accost[ée]\w*|amarr[ée]\w*|(?:est|sont|a|ont)\s+entr[ée]\w*|rejoint|"
    r"gagn[ée]\w*\s+le\s+port|rentr[ée]\w*)\b"
    r"|(?<!\w)(?:прибыл\w*|прилетел\w*|приземлил\w*|заш(?:ел|ёл|ла|ло|ли)|вош(?:ел|ёл|ла|ло|ли)|"
    r"пришвартовал\w*|доставил\w*|вернул\w*)(?!\w)"
    rf"|{AR_WORD_START}(?:و|ف)?(?:وصل\w*|هبط\w*|حطت|رس[تا]|رست|دخل\w*|عاد(?:ت|وا)?{AR_WORD_END}|بلغ\w*)",
    re.I,
)

# verbs of beginning: the date beside one, outside the date's own words ("в начале февраля", "since the start of
# March" are dates, not a beginning told), is the day an operation, an airlift or a voyage began; the genitive
# "начала" after a preposition ("с начала года") is the noun
BEGINNING = re.compile(
    r"\b(?:began|begun|commenced|started|launched|kicked\s+off|got\s+under\s*way)\b"
    r"|\b(?:d[ée]but(?:ée?s?|e|ent)|commenc(?:ée?s?|e|ent)|lancée?s?|engagée?s?)\b"
    r"|(?<!\w)(?<!с\s)(?<!со\s)(?<!до\s)(?<!от\s)(?<!в\s)(?:начал(?:ся|ась|ось|ись|а|и)?|начавш\w*|стартовал\w*)(?!\w)"
    rf"|{AR_WORD_START}(?:و|ف)?(?:بدأ(?:ت|وا)?|بدات){AR_WORD_END}",
    re.I,
)

NEAR = 100  # characters either side of the date where its verb is (the date and its verb share a clause)
# characters after the date within which a verb of arriving dates the arrival ("left on 14 June and arrived in
# Tartus"); before the date, a verb of arriving as far as the verb of leaving may be ("took off from Hmeimim and
# landed at Al-Jufra last week") shares its date
_ARRIVAL_AFTER = 40


def departure_dated(sentences: list[str], spans: list[TimeSpan]) -> bool:
    """Whether ``spans``, the dates of a claim told in ``sentences``, are one date, the day of a departure or of a
    beginning (:data:`BEGINNING`), in a claim whose sentences date no arrival: the voyage was under way from that
    day. A verb of arriving beside the date, before it or just after it, makes it the arrival's day too ("left
    Tartus and arrived in Baltiysk on 13 December", "left on 13 December and arrived in Baltiysk"); one told
    elsewhere without a day leaves the departure's date the only one the movement has."""
    if not one_date(spans):
        return False
    departed = False
    for t in spans:
        for s in sentences:
            at = s.find(t.text)
            if at < 0:
                continue
            end = at + len(t.text)
            if ARRIVAL.search(s[max(0, at - NEAR) : end + _ARRIVAL_AFTER]):
                return False
            departed = (
                departed
                or DEPARTURE.search(s[max(0, at - NEAR) : end + NEAR]) is not None
                or BEGINNING.search(s[max(0, at - NEAR) : at]) is not None
                or BEGINNING.search(s[end : end + NEAR]) is not None
            )
    return departed


def departure_told(sentences: list[str]) -> bool:
    """Whether ``sentences``, a claim's, tell a departure or a beginning (:data:`DEPARTURE`, :data:`BEGINNING`) and
    no arrival (:data:`ARRIVAL`) anywhere: for a claim they do not date, dated by the article's one date ("Самолёт
    Ил-76 вылетел из Чкаловского" on a page whose one date is 20 April), the voyage the claim tells began that day
    and, its arrival untold, was under way to the report, as :func:`departure_dated`'s is."""
    text = " ".join(sentences)
    return (DEPARTURE.search(text) is not None or BEGINNING.search(text) is not None) and ARRIVAL.search(text) is None
