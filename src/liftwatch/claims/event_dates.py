"""A date the text gives to another event than the movement: "the twin earthquakes on Feb. 6", "the October 7th
attacks", "Cyclone Idai made landfall at Beira on 15th March", "commissioned on 14 Feb 1997", "après le terrible
attentat du 14 octobre", "après la double explosion survenue mardi dernier", "землетрясения 6 февраля",
"بعد هجوم حماس في السابع من أكتوبر".

Reporters date the disaster, the attack or the ship's commissioning that a movement answers or follows, and that date
is no day of the movement: a movement that answers a dated event runs from that event (rule 49 of the corpus), and
one the text does not date happened by the report (rule 4), so where the event's date is the only one the claim's
sentences give, the window runs from it to the report, which is right for both readings; where the sentences also
date the movement itself ("landed on Thursday ... after the explosion of Tuesday"), the event's date is left out.
The test is the event's word beside the date: a noun of a disaster, an attack or an explosion, or a verb that tells
one (struck, made landfall, erupted, commissioned), before the date with no verb of going between them, or the noun
straight after it. Words that also tell the movement ("occurred", "took place", "crashed", "sank", "was delivered",
"launched") are not read: a carrier's crash is its own movement's day.

Hand-written: no library marks which noun a date in running text belongs to, in four languages.
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.departures import ARRIVAL, DEPARTURE
from liftwatch.claims.timeparse import TimeSpan

# nouns of events that are no movement: disasters, attacks, explosions, a coup, an invasion
_NOUNS = (
    r"attacks?|air\s*strikes?|earthquakes?|quakes?|tsunami|cyclone|hurricane|typhoon|storm|floods?|flooding|landslide|"
    r"eruption|explosions?|blasts?|bombings?|massacre|coup|invasion|outbreak|shooting|incident|disaster|collapse|"
    r"attaques?|attentats?|séismes?|tremblement\s+de\s+terre|ouragan|tempête|inondations?|incendie|"
    r"coup\s+d['’]état|catastrophe|drame|effondrement|frappes?|"
    r"нападени\w*|атак\w*|землетрясени\w*|цунами|циклон\w*|ураган\w*|наводнени\w*|взрыв\w*|пожар\w*|"
    r"переворот\w*|вторжени\w*"
)
_AR_NOUNS = (
    r"هجوم|الهجوم|هجمات|الهجمات|غارة|غارات|زلزال|الزلزال|زلزالي|الزلزالين|إعصار|الإعصار|العاصفة|عاصفة|فيضانات|"
    r"الفيضانات|سيول|السيول|انفجار|الانفجار|انفجاري|انقلاب|الانقلاب|غزو|العدوان|طوفان"
)
# verbs that tell such an event, or a ship's build and entry into service
_VERBS = (
    r"struck|made\s+landfall|erupted|broke\s+out|exploded|(?:was|were)\s+(?:commissioned|decommissioned|built)|"
    r"commissioned|entered\s+service|a\s+frappé|s['’]est\s+produite?|survenue?s?|mise?\s+en\s+service|"
    r"admise?\s+au\s+service|обрушил\w*|спущен\w*\s+на\s+воду|вступил\w*\s+в\s+строй|введен\w*\s+в\s+(?:строй|состав)"
)
_AR_VERBS = r"اندلع\w*|دخلت\s+الخدمة|دخل\s+الخدمة"
_EVENT = re.compile(
    rf"(?<![^\W\d_])(?:{_NOUNS}|{_VERBS})(?![^\W\d_])|{AR_WORD_START}(?:ال|و|ب|ل)?(?:{_AR_NOUNS}|{_AR_VERBS}){AR_WORD_END}",
    re.I,
)
_NOUN_AFTER = re.compile(
    rf"\W{{0,3}}(?:(?<![^\W\d_])(?:{_NOUNS})(?![^\W\d_])|{AR_WORD_START}(?:{_AR_NOUNS}){AR_WORD_END})",
    re.I,
)
# verbs of going that, between the event's word and the date, make the date the movement's ("after the quake, the
# plane flew to Adana on 8 February")
_GOING = re.compile(
    r"\b(?:flew|flown|sailed|transited|crossed|passed|delivered|dispatched|sent|deployed|evacuated|airlifted|"
    r"carried|transported|shipped|envoyée?s?|déployée?s?|acheminée?s?|transportée?s?|évacuée?s?|volé|posée?s?)\b"
    r"|(?<!\w)(?:доставил\w*|перебросил\w*|направил\w*|вылетел\w*|летел\w*|прош[её]л\w*|прошл[аио]|"
    r"отправил\w*)(?!\w)"
    r"|(?:نقل\w*|أرسل\w*|ارسل\w*|حطت|أقلت|تقل)",
    re.I,
)
_SENTENCE_END = re.compile(r"[.;!?؟\n]")
# "since" before the event's word: the count runs from the event ("منذ أن ضربهما الزلزال في 6 فبراير", "since the
# quake struck on 6 February"): what is counted runs from the event to the report, beside the movement's own dates
_SINCE = re.compile(r"(?:\b(?:since|depuis)|(?<!\w)с\s+(?:тех\s+пор|момента)|منذ)(?:\s+\S+){0,3}\s*$", re.I)
_BEFORE = 45  # characters before the date within which the event's word stands


def _event_word_before(before: str) -> str | None:
    """ "event" where ``before``, the words right before a date, end with an event's word and no verb of going
    after it; "since" where "since" comes before that word ("since the quake struck on 6 February"); else None."""
    for m in _EVENT.finditer(before):
        gap = before[m.end() :]
        if not (_SENTENCE_END.search(gap) or ARRIVAL.search(gap) or DEPARTURE.search(gap) or _GOING.search(gap)):
            return "since" if _SINCE.search(before[: m.start()]) else "event"
    return None


def event_date(sentences: list[str], t: TimeSpan) -> str | None:
    """Whether the date ``t``, one of a claim's told in ``sentences``, is another event's (a disaster, an attack,
    an explosion, a ship's commissioning): "event" where the event's word stands before it with no verb of going
    between, or its noun right after it ("the Feb. 6 earthquake", "October 7th attacks"); "since" where "since"
    governs the event ("منذ العدوان ... خلال أكتوبر 2023", "since the quake struck on 6 February"): what is counted
    runs from the event to the report. None for a date of the movement."""
    for s in sentences:
        at = s.find(t.text)
        if at < 0:
            continue
        found = _event_word_before(s[max(0, at - _BEFORE) : at])
        if found is not None:
            return found
        return "event" if _NOUN_AFTER.match(s, at + len(t.text)) is not None else None
    return None


def event_dated(sentences: list[str], spans: list[TimeSpan], pub: date | None) -> tuple[list[TimeSpan], bool]:
    """A claim's dates ``spans`` without the dates of other events (:func:`event_date`), and whether the events
    were all the sentences dated. Where the sentences date the movement too, the event's date is left out ("landed
    on Thursday ... after the explosion of Tuesday"); where the event's dates are all they give, the movement runs
    from the earliest to the report ``pub`` (rule 49: a movement that answers a dated event runs from that event;
    rule 4: an undated one happened by the report); an event "since" governs runs to the report beside the
    movement's own dates ("arrived on Friday, 97 flights since the quake struck on 6 February")."""
    if pub is None:
        return spans, False
    marked = [(t, None if t.kind == "since" or t.start is None else event_date(sentences, t)) for t in spans]
    to_report = [
        (TimeSpan(t.start, pub, t.text, "since", t.pos), m)
        for t, m in marked
        if m is not None and t.start is not None and t.start <= pub
    ]
    if not to_report:
        return spans, False
    own = [t for t, m in marked if m is None]
    if own:
        return own + [t for t, m in to_report if m == "since"], False
    return [min((t for t, _ in to_report), key=lambda t: t.start or pub)], True
