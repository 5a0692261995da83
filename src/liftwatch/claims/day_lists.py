"""Two days joined by a conjunction: two movements, one on each day.

"The plane landed in Moscow on May 21 and 24", "l'avion a atterri à Vnoukovo les 21 et 24 mai", "самолёт
приземлялся во Внуково 21 и 24 мая", "هبطت الطائرة في موسكو يومي 21 و24 مايو": a carrier that arrives (or leaves)
on two days made two movements. The date reader reads "21 and 24 May" as it reads "21-24 May", one span from the
first day to the last, since a range and a list share their month; a span is right for a range ("between 21 and 24
May", "du 21 au 24 mai", "с 21 по 24 мая") and wrong for a list, whose movement happened on each day, not on any day
between them. A list is told by its conjunction ("and", "et", "и", "و") where no "between", "from", "entre", "du",
"с", "بين" opens it.

Only a claim of one carrier is cut (no count, or a count of one): "two ships arrived on 21 and 24 May" may be one
ship each day or both on both, which the sentence does not say. Written from the grammar of dates in general and
tested on invented sentences (``tests/claims/test_day_lists.py``).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from liftwatch.claims.model import Claim
from liftwatch.claims.timeparse import TimeSpan

# a list of two days of one month: "21 and 24", "21 et 24", "21 и 24", "21 و24", "21 و 24"
_TWO_DAYS = re.compile(r"(?<!\d)([0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|et(?:\s+le)?|и|و)\s*([0-3]?\d)(?!\d)", re.I)
# what opens a range, not a list
_RANGE = re.compile(
    r"^\s*(?:between|from|entre|du|с|со|между|بين|من)\b|(?:between|from|entre|du|с|со|между|بين|من)\s*$", re.I
)
# one night told by the two days it joins: "on the night of 27 and 28 April", "dans la nuit du 3 au 4", "в ночь
# на", "ليلة 27 و28"
_NIGHT = re.compile(r"(?:night|nuit|ночь|ночью|ليلة)\s+(?:of\s+)?(?:the\s+)?(?:du\s+|с\s+|на\s+)?(?:on\s+)?$", re.I)


def two_days(span: TimeSpan, before: str = "") -> tuple[date, date] | None:
    """The two days a span read as a range was told as a list of ("May 21 and 24"), or None. ``before``: the
    words before the span in its sentence ("between", "entre le", "the night of")."""
    if span.kind != "explicit" or span.start is None or span.end is None or span.start >= span.end:
        return None
    m = _TWO_DAYS.search(span.text)
    lead = before + span.text[: m.start()] if m else ""
    if m is None or _RANGE.search(span.text[: m.start()]) or _RANGE.search(before[-12:]) or _NIGHT.search(lead):
        return None
    first, last = int(m.group(1)), int(m.group(2))
    if (first, last) != (span.start.day, span.end.day) or (span.end - span.start).days > 31:
        return None
    return span.start, span.end


# the sentence speaks of its carriers in the plural ("Il-76 aircraft flew ... switching off their transponders"):
# several carriers on two days, which the sentence does not share out
_PLURAL_CARRIERS = re.compile(r"(?<![^\W\d_])(?:their|they|leurs?|ils|elles|их|они)(?![^\W\d_])", re.I)


def split_days(claim: Claim, text: str) -> list[Claim]:
    """Two claims, one per day, where the claim's only date is two days told as a list and it moves one carrier;
    else the claim itself."""
    dated = [t for t in claim.times if t.kind == "explicit"]
    if len(dated) != 1 or (claim.max_count or 1) != 1 or (claim.carriers or 1) != 1:
        return [claim]
    if _PLURAL_CARRIERS.search(text):
        return [claim]
    span = dated[0]
    days = two_days(span, text[max(0, span.pos - 20) : span.pos])
    if days is None:
        return [claim]
    rest = [t for t in claim.times if t is not span]
    return [claim.copy(times=[*rest, dataclasses.replace(span, start=d, end=d)]) for d in days]
