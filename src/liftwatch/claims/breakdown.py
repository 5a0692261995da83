"""Counts broken down by period: "24 C-17 flights in October, 33 in November and 41 in December".

A sentence that gives a number of movements for each of several months claims several movements, one a month,
each with its own count and its month as its window; read as one claim it would carry one of the numbers (the
largest) over the hull of the months, which is right for none of them. A stated total the parts add up to
("98 flights since October: 24 in October, 33 in November and 41 in December") stays a claim of its own
beside the parts; so does any other count the sentence gives that is not one of the parts.

The grammar is the same in the four languages: a number, at most a few words naming what is counted (no other
number among them), a preposition of time ("in", "during", "en", "в", "في", "خلال") and a month, with or
without its year. A year written after the last part dates the months before it ("in October, 33 in November
and 41 in December 2023"); a month with no year is placed by the publication date as ``timeparse`` places
it. Hand-written: the pattern is short and the result must say which words each part came from.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from liftwatch.claims.date_patterns import DIGITS, MONTHS
from liftwatch.claims.model import Claim
from liftwatch.claims.timeparse import TimeSpan

# Russian months in every case ("в январе", "за февраль"): the stem is enough
_RU_STEMS = (
    "январ",
    "феврал",
    "март",
    "апрел",
    "ма[йяюе]",
    "июн",
    "июл",
    "август",
    "сентябр",
    "октябр",
    "ноябр",
    "декабр",
)
_MONTH = (
    r"(?P<month>"
    + "|".join(sorted((re.escape(m) for m in MONTHS if len(m) > 3), key=len, reverse=True))
    + "|"
    + "|".join(rf"{s}\w*" for s in _RU_STEMS)
    + r")"
)
_BOUND = r"(?P<bound>at\s+least|more\s+than|over|au\s+moins|plus\s+de|не\s+менее|более|свыше|أكثر\s+من)"
_PART = re.compile(
    # "و15 رحلة": the Arabic conjunction is written on the number
    rf"(?:(?<=[\s(]و)|(?<![\w.,-]))(?:{_BOUND}\s+)?(?P<n>\d{{1,4}})(?![\d.,]\d)"
    # what is counted: a few words, none a number of its own ("C-17" is a word, "33" a number)
    r"(?P<gap>(?:\s+(?!\d+(?:\s|$))\S+){0,6}?)\s+"
    r"(?:in|during|en|au\s+cours\s+d[eu]|в|во|за|في|خلال)\s+"
    r"(?:(?:the\s+)?month\s+of\s+|le\s+mois\s+d['’]?e?\s*|شهر\s+)?"
    rf"{_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w])",
    re.I,
)


@dataclass(frozen=True)
class Part:
    """One period's count: its bounds, the month it covers, and the words it came from."""

    min: int
    max: int | None
    span: TimeSpan
    start: int  # offset of the part's number in the sentence
    end: int


def _month_number(word: str) -> int | None:
    w = word.lower()
    if w in MONTHS:
        return MONTHS[w]
    for i, stem in enumerate(_RU_STEMS, 1):
        if re.match(stem, w):
            return i
    return None


def _year_of(month: int, pub: date | None, default_year: int | None) -> int | None:
    """A month written without its year: the publication's year, unless that puts it after publication."""
    if pub is None:
        return default_year
    return pub.year - 1 if date(pub.year, month, 1) > pub + timedelta(days=31) else pub.year


def period_parts(text: str, pub: date | None, default_year: int | None) -> list[Part]:
    """The per-month counts of a sentence, in text order; empty unless it gives two or more for distinct
    months (one number and one month is an ordinary count with its date)."""
    folded = text.translate(DIGITS)  # Eastern Arabic digits read as digits, one character for one
    found = []
    for m in _PART.finditer(folded):
        if m.group("gap") and re.search(r"[,;:]", m.group("gap")):
            continue  # "24 in October, 33 in November": a part is one phrase, not across the list's commas
        month = _month_number(m.group("month"))
        n = int(m.group("n"))
        if month is None or n <= 0 or 1900 <= n <= 2100:
            continue
        found.append((m, month, n))
    if len(found) < 2:
        return []
    written = [int(m.group("year")) for m, _, _ in found if m.group("year")]
    parts: list[Part] = []
    for m, month, n in found:
        year = (
            int(m.group("year")) if m.group("year") else written[-1] if written else _year_of(month, pub, default_year)
        )
        if year is None:
            return []
        first, last = date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        span = TimeSpan(first, last, m.group(0)[m.start("month") - m.start() :], "explicit", m.start("month"))
        if m.group("bound"):
            strict = re.match(r"more|over|plus|более|свыше|أكثر", m.group("bound"), re.I) is not None
            lo, hi = n + strict, None
        else:
            lo, hi = n, n
        parts.append(Part(lo, hi, span, m.start("n"), m.end()))
    if len({p.span.start for p in parts}) < 2:
        return []
    return parts


def split_by_period(claim: Claim, text: str, pub: date | None, default_year: int | None) -> list[Claim]:
    """``claim`` (read from ``text``) as one claim per month when the sentence breaks its count down by month;
    the claim itself is kept beside the parts only when its count is not one of theirs (a stated total)."""
    parts = period_parts(text, pub, default_year)
    if not parts:
        return [claim]
    out: list[Claim] = []
    pos = text.find(claim.count_text) if claim.count_text else -1
    in_part = pos >= 0 and any(p.start <= pos < p.end for p in parts)
    if claim.count_text and not in_part:
        out.append(claim)
    for p in parts:
        out.append(
            claim.copy(min_count=p.min, max_count=p.max, count_text=text[p.start : p.end].strip(), times=[p.span])
        )
    return out
