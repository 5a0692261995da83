"""The length of a voyage told beside its one day: "arrived on 23 June after a 14-day voyage", "completing a three-day
journey", "après un voyage de 35 heures", "после 14-дневного перехода", "بعد رحلة استمرت ثلاثة أيام".

A voyage told by its arrival day and its length began that many days before; told by its departure day and its
length, it ended that many days after. The window is then the voyage the text measures, not the one day it names
(rule 23 of the corpus: where the text gives two days for one movement, the window spans both). Kept apart from
``windows``, which weighs dates, because it reads a phrase of the sentence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from liftwatch.claims.counts import number_value
from liftwatch.claims.departures import ARRIVAL, DEPARTURE, NEAR
from liftwatch.claims.timeparse import TimeSpan

_N = r"(?P<n>\d{1,3}|[^\W\d_]+)"
_VOYAGE = r"(?:voyage|journey|transit|trip|crossing|passage|sail)"
_LENGTH = re.compile(
    rf"\b{_N}[- ](?P<unit>day|hour|week)s?[- ](?:long\s+)?{_VOYAGE}\b"
    rf"|\b(?:voyage|traversée|navigation|trajet)\s+de\s+(?P<n2>\d{{1,3}}|[^\W\d_]+)\s+(?P<unit2>jours|heures|semaines)\b"
    r"|(?<!\w)(?P<n3>\d{1,3})-?(?P<unit3>дневн|суточн|часов)\w*\s+(?:переход|плавани|поход|рейс)\w*"
    r"|(?:رحلة|إبحار)\s+(?:استمرت|دامت)\s+(?P<n4>\S+)\s+(?P<unit4>أيام|يوما|ساعة|أسابيع)",
    re.I,
)


def _days(m: re.Match[str]) -> int | None:
    word = next(m.group(g) for g in ("n", "n2", "n3", "n4") if m.group(g))
    unit = next(m.group(g) for g in ("unit", "unit2", "unit3", "unit4") if m.group(g)).lower()
    n = number_value(word)  # digits in any script, or a number word of the four languages
    if not n:
        return None
    if unit.startswith(("hour", "heure", "час", "ساع")):
        return -(-n // 24)
    return n * (7 if unit.startswith(("week", "semaine", "أسابيع")) else 1)


def voyage_span(sentences: list[str], spans: list[TimeSpan]) -> tuple[date, date] | None:
    """The voyage ``sentences`` measure ("after a 14-day voyage") around ``spans``, a claim's one date: back from
    it where a verb of arriving stands beside it, on from it where a verb of leaving does. None where no length is
    told, the claim has several dates, or neither verb dates the day."""
    t = spans[0]
    if len({(u.start, u.end) for u in spans}) != 1 or t.start is None:
        return None
    lengths = [d for s in sentences for m in _LENGTH.finditer(s) if (d := _days(m))]
    if len(set(lengths)) != 1:
        return None
    day = t.start
    last = t.end or day
    for s in sentences:
        at = s.find(t.text)
        if at < 0:
            continue
        near = s[max(0, at - NEAR) : at + len(t.text) + NEAR]
        if DEPARTURE.search(near):
            return day, day + timedelta(days=lengths[0])
        if ARRIVAL.search(near):
            return last - timedelta(days=lengths[0]), last
    return None
