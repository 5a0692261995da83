"""A call at a port told as a span of days: "font escale au port de Cotonou du 23 au 26 octobre", "port call in
Djibouti from 2 to 4 August", "стоянка в Тартусе с 24 по 26 сентября", "زيارة ... من 8 إلى 13 أكتوبر".

The days of a call are the stay, not the voyage: the ships arrived by its first day, and the movement the text
claims (the arrival at that port) is dated by it, not by the day they left again (rule 56 of the corpus: a call
"dated" ends the window with the arrival). The test is grammatical, as in ``departures``: a word of a call beside
the claim's one date, that date a span of a few days with two day numbers (a month or a season is no call's span).
Kept apart from ``windows``, which only weighs dates, because it reads the words of the sentence.
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.ar_words import AR_WORD_START
from liftwatch.claims.date_context import beside, one_date
from liftwatch.claims.timeparse import TimeSpan

# words of a call at a port: the noun or the verb ("escale", "port call", "called at", "заход", "стоянка", "زيارة",
# "رست")
CALL = re.compile(
    r"\b(?:escales?|port\s+calls?|call(?:ed|ing)?\s+at|заход\w*|стоянк\w*)\b"
    rf"|{AR_WORD_START}(?:و|ف)?(?:زيارة|رس[تا]|رست)",
    re.I,
)
NEAR = 80  # characters either side of the date where the word of the call is
_LONGEST_CALL = 14  # days: a longer span is a deployment or a tour, not a call
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def call_arrival(sentences: list[str], spans: list[TimeSpan]) -> date | None:
    """The first day of a port call that ``spans``, a claim's one date, give as a span of days beside a word of a
    call in ``sentences``: the day the ships had arrived. None where the claim has several dates, its date is one
    day, a long span or a span without two day numbers ("en octobre", "mi-juin"), or no word of a call stands beside
    it."""
    if not one_date(spans):
        return None
    t = spans[0]
    if t.start is None or t.end is None or not 0 < (t.end - t.start).days <= _LONGEST_CALL:
        return None
    if len(_DAY_NUMBER.findall(t.text)) < 2:
        return None
    if any(CALL.search(around) for around in beside(sentences, t, NEAR)):
        return t.start
    return None
