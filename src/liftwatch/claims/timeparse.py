"""Dates in news text: explicit dates and ranges, relative phrases, and the article's publication date.

Written by hand because the libraries that parse dates (dateutil, dateparser) either take one date string
at a time or need locale data downloads, while a claim needs *spans* found inside running text ("between
10 and 14 December", "since early December", "over the past month") anchored on the publication date.
Every span is a closed interval of calendar days (UTC) plus the words it came from, so the analyst can see
why the window is what it is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from liftwatch.claims.calendar_parts import MONTH_PART, SEASON, month_part_days, month_part_span, season_span
from liftwatch.claims.date_patterns import AR_ORDINAL_DAYS, DIGITS, MONTHS, PATTERNS, RU_ORDINAL_DAYS
from liftwatch.claims.intervals import Taken
from liftwatch.claims.relative import RELATIVE, SINCE, WEEKDAY_WORDS, relative_span
from liftwatch.claims.since_events import since_event
from liftwatch.claims.year_parts import YEAR_ALONE, YEAR_PART, year_alone_span, year_part_span

# a date named as still to come: Arabic puts "next" after it ("ديسمبر المقبل", "الشهر القادم")
_COMING = re.compile(r"\s+(?:المقبل|القادم|المقبلة|القادمة)(?![\w])")
_CLOCK = re.compile(
    r"(?:\b(?:at|à|vers|в|около|عند\s+الساعة|الساعة)\s+)(?:[01]?\d|2[0-3])(?:[:.]|\s*h\s*)[0-5]\d(?!\d)"
    r"(?:\s*(?:мск|utc|gmt|z|local\s+time|heure\s+locale|\(?gmt\s*[+-]\d+\)?))?"
    r"|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\s*(?:мск|utc|gmt|z)\b",
    re.I,
)
_PUB_LABEL = re.compile(
    r"^\s*(?:published|posted|updated|date|dated|pubdate|опубликовано|дата|تاريخ\s+النشر|نشر)\s*(?:on|:)?\s*", re.I
)


@dataclass(frozen=True)
class TimeSpan:
    """A closed interval of days named by some words of the text (``start``/``end`` None: unresolved)."""

    start: date | None
    end: date | None
    text: str
    kind: str  # explicit | relative | since | publication
    pos: int = 0  # character offset in the text searched

    def to_dict(self) -> dict[str, str | None]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "text": self.text,
            "kind": self.kind,
        }


def _month(s: str | None) -> int | None:
    return MONTHS.get(s.lower().rstrip(".")) if s else None


def _year_for(month: int, day: int, year: str | None, pub: date | None, default_year: int | None) -> int | None:
    """Year of a date written without one: the publication year, unless that lands well after publication."""
    if year:
        return int(year)
    if pub is not None:
        y = pub.year
        try:
            if date(y, month, min(day, 28)) > pub + timedelta(days=31):
                y -= 1
        except ValueError:
            return None
        return y
    return default_year


def _safe(y: int | None, m: int | None, d: int) -> date | None:
    if y is None or m is None:
        return None
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _explicit(match: re.Match[str], kind: str, pub: date | None, dy: int | None) -> tuple[date, date] | None:
    g = match.groupdict()
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, d) if d else None
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        dd, mm = (a, b) if b <= 12 else (b, a)  # day-first (the usual outside the US) unless impossible
        d = _safe(int(g["y"]), mm, dd)
        return (d, d) if d else None
    if kind in ("dmy_range", "mdy_range"):
        m2 = _month(g.get("m2")) or _month(g.get("m1"))
        m1 = _month(g.get("m1")) or m2
        if m1 is None or m2 is None:
            return None
        y2 = _year_for(m2, int(g["d2"]), g.get("y"), pub, dy)
        y1 = y2 - 1 if (y2 is not None and m1 > m2) else y2
        s, e = _safe(y1, m1, int(g["d1"])), _safe(y2, m2, int(g["d2"]))
        return (s, e) if s and e and s <= e else None
    if kind == "day_only":
        if pub is None:
            return None
        day = int(next(v for k, v in g.items() if k.startswith("d") and v).lower().rstrip("er") or 0)
        # the publication's month, or the month before when that day is still to come
        prev = pub.replace(day=1) - timedelta(days=1)
        at = pub if day <= pub.day else prev
        d = _safe(at.year, at.month, day)
        return (d, d) if d else None
    if kind in ("dmy", "mdy", "ar_ordinal", "ru_ordinal"):
        mo = _month(g["m"])
        if mo is None:
            return None
        if kind == "ar_ordinal":
            day = AR_ORDINAL_DAYS[g["o"]]
        elif kind == "ru_ordinal":
            day = RU_ORDINAL_DAYS[re.sub(r"\s+", " ", g["o"].lower().replace("ё", "е"))]
        else:
            day = int(g["d"])
        y = _year_for(mo, day, g.get("y"), pub, dy)
        d = _safe(y, mo, day)
        return (d, d) if d else None
    if kind == "month_range":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        if m1 is None or m2 is None or m1 == m2:
            return None
        y2 = _year_for(m2, 15, g.get("y"), pub, dy)
        if y2 is None:
            return None
        y1 = int(g["y1"]) if g.get("y1") else (y2 - 1 if m1 > m2 else y2)
        return (date(y1, m1, 1), date(y2, m2, _month_end(y2, m2))) if (y1, m1) < (y2, m2) else None
    mon = _month(g["m"])
    if mon is None:
        return None
    y = _year_for(mon, 15, g.get("y"), pub, dy)
    if y is None:
        return None
    last = _month_end(y, mon)
    if kind == "part_month":
        return month_part_days(re.sub(r"^в\s+", "", g["part"].lower()), y, mon)
    if kind == "month_share":
        return _month_share(g["share"].lower(), y, mon, last)
    return date(y, mon, 1), date(y, mon, last)


# the ordinal and the unit of a share of a month ("the second half of", "во второй декаде", "الثلث الأول من"), each
# list searched in order: "last" before "third" ("the last third of"), a unit word before "third" as a unit ("the
# third week of"); the last of a unit is -1
_SHARE_ORDINAL = (
    (r"\b(?:last|final|derni)|последн|الأخير|الاخير|الأواخر|الاواخر", -1),
    (r"\b(?:first|premi)|перв|الأول|الاول|الأولى|الأوائل", 1),
    (r"\b(?:second|deuxi)|втор|الثاني", 2),
    (r"\b(?:third|troisi)|трет|الثالث", 3),
    (r"\b(?:fourth|quatri)|четв|الرابع", 4),
)
_SHARE_UNIT = (
    (r"half|fortnight|moiti|quinzaine|половин|النصف", 2),
    (r"week|semaine|недел|الأسبوع|الاسبوع", 7),
    (r"ten\s+days|d[eé]cade|tiers|декад|الثلث|العشر|الأيام\s+العشرة", 3),
    (r"third\s+of|трети?\b", 3),
)


def _month_share(words: str, y: int, mon: int, last: int) -> tuple[date, date] | None:
    """A half (1-15, 16-end), a third or ten days (1-10, 11-20, 21-end) or a week (1-7, ..., the last seven days)
    of a month, from the words that name it in the four languages."""
    unit = next((u for rx, u in _SHARE_UNIT if re.search(rx, words)), None)
    n = next((o for rx, o in _SHARE_ORDINAL if re.search(rx, words)), None)
    if unit is None or n is None:
        return None
    if unit == 7:
        if n == -1:
            return date(y, mon, last - 6), date(y, mon, last)
        return date(y, mon, 7 * (n - 1) + 1), date(y, mon, min(7 * n, last))
    cuts = [1, 16, last + 1] if unit == 2 else [1, 11, 21, last + 1]
    i = len(cuts) - 2 if n == -1 else n - 1
    if i >= len(cuts) - 1:
        return None
    return date(y, mon, cuts[i]), date(y, mon, cuts[i + 1] - 1)


# between two weekdays of one span: "between Saturday and Tuesday", "entre samedi à mardi", "du samedi au mardi",
# "من السبت إلى الثلاثاء"
_WEEKDAY_TO = re.compile(r"\s*(?:-|–|—|to|and|until|till|through|à|au|et|jusqu['’]?à|по|до|و|إلى|الى|حتى)\s*", re.I)


def _weekday_ranges(text: str, out: list[TimeSpan]) -> list[TimeSpan]:
    """Two weekdays joined as one span ("between Saturday and Tuesday" in a Saturday paper): each alone is the
    last such day up to publication, which puts Saturday after Tuesday; the first of a span comes before the
    second, so it is the one of the week before."""
    res = list(out)
    for i in range(len(res) - 1):
        a, b = res[i], res[i + 1]
        if a.kind != "relative" or b.kind != "relative" or a.start is None or b.start is None:
            continue
        if a.text.split()[-1].lower() not in WEEKDAY_WORDS or b.text.split()[-1].lower() not in WEEKDAY_WORDS:
            continue
        if a.start > b.start and _WEEKDAY_TO.fullmatch(text, a.pos + len(a.text), b.pos):
            back = timedelta(days=7)
            res[i] = TimeSpan(a.start - back, (a.end or a.start) - back, a.text, a.kind, a.pos)
    return res


# the day after or before the date told last, in French: "Le 13 juin, un avion décolle. Le lendemain, un autre
# suit", "Ils étaient passés la veille par le détroit", "la veille au soir"; not "la veille de l'attaque", "au
# lendemain du sommet", which name an event, not a date
_NEXT_DAY = re.compile(r"\b(?:le\s+lendemain|la\s+veille)\b(?!\s+(?:de|du|des|d['’]))", re.I)


def _next_days(text: str, out: list[TimeSpan]) -> list[TimeSpan]:
    """ "le lendemain" and "la veille" as the day after or before the last single day named before them; a date
    written right after ("Le lendemain, 27 février") names the day itself, and no single day before names none."""
    res = list(out)
    for m in _NEXT_DAY.finditer(text):
        if any(t.pos <= m.start() < t.pos + len(t.text) or 0 <= t.pos - m.end() <= 4 for t in out):
            continue
        days = [
            t for t in out if t.pos + len(t.text) <= m.start() and t.kind == "explicit" and t.start and t.start == t.end
        ]
        if days and days[-1].start is not None:
            day = days[-1].start + timedelta(days=1 if "lendemain" in m.group(0).lower() else -1)
            res.append(TimeSpan(day, day, m.group(0), "explicit", m.start()))
    return sorted(res, key=lambda t: t.pos)


def next_day_spans(text: str, pub: date | None = None, default_year: int | None = None) -> list[TimeSpan]:
    """The days "le lendemain" and "la veille" name in ``text``, read against the dates before them in the whole
    text: a sentence alone does not hold the day they count from. The whole text's dates are read only when one
    of the phrases is there: the extractor asks this of every article."""
    if _NEXT_DAY.search(text) is None:
        return []
    return [t for t in find_times(text, pub, default_year) if _NEXT_DAY.fullmatch(t.text)]


# the "since" the month pattern holds as its preposition ("since December", "depuis décembre", "с декабря",
# "منذ ديسمبر"): the span runs from that month to publication
_SINCE_IN = re.compile(r"(?:since|depuis|с|منذ)\s", re.I)


def _since_before(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` opens a span to the report: "since" straight before it ("since April", "depuis
    le 5 mars") or "since" the beginning of an event the date is of (:func:`since_events.since_event`)."""
    return SINCE.search(text[max(0, pos - 16) : pos]) is not None or since_event(text, pos)


def find_times(text: str, pub: date | None = None, default_year: int | None = None) -> list[TimeSpan]:
    """All time spans in ``text``, in order; overlapping matches keep the earliest-listed (ranges win)."""
    text = text.translate(DIGITS)
    taken = Taken()
    out: list[TimeSpan] = []
    free = taken.free

    for kind, pat in PATTERNS:
        for m in pat.finditer(text):
            if not free(m.start(), m.end()):
                continue
            span = _explicit(m, kind, pub, default_year)
            if _COMING.match(text, m.end()):
                span = None  # "حتى الأول من ديسمبر المقبل": a date still to come dates no movement that happened
            taken.add(m.start(), m.end())
            words = m.group(0).strip()
            since = _since_before(text, m.start()) or (kind == "month" and _SINCE_IN.match(words) is not None)
            if span is None:
                out.append(TimeSpan(None, None, words, "explicit", m.start()))
            elif since:
                out.append(TimeSpan(span[0], pub, words, "since", m.start()))
            else:
                out.append(TimeSpan(span[0], span[1], words, "explicit", m.start()))
    # a season ("last summer", "l'été 2013") and a part of a relative month ("late last month") before the relative
    # phrases, which would take "last month" alone
    for m in SEASON.finditer(text):
        if not free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        span = season_span(m, pub)
        kind = "explicit" if m.group("y") else "relative"
        out.append(TimeSpan(span[0] if span else None, span[1] if span else None, m.group(0).strip(), kind, m.start()))
    for m in YEAR_PART.finditer(text):  # "late 2014", "в конце 2014 года" (``year_parts``)
        ys = year_part_span(m)
        if ys is None or not free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        if _since_before(text, m.start()):
            out.append(TimeSpan(ys[0], pub, m.group(0).strip(), "since", m.start()))
        else:
            out.append(TimeSpan(ys[0], ys[1], m.group(0).strip(), "explicit", m.start()))
    for m in YEAR_ALONE.finditer(text):  # "in 2019", "en 2021", "في عام 2020" (``year_parts``)
        alone = year_alone_span(m)
        if alone is None or not free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        out.append(TimeSpan(alone[0], alone[1], m.group(0).strip(), "explicit", m.start()))
    for m in MONTH_PART.finditer(text):
        span = month_part_span(m, pub) if pub is not None else None
        if span is None or not free(m.start(), m.end()):
            continue  # "by the end of this month": still to come; "this month" alone is read below
        taken.add(m.start(), m.end())
        out.append(TimeSpan(span[0], span[1], m.group(0).strip(), "relative", m.start()))
    for m in RELATIVE.finditer(text):
        if not free(m.start(), m.end()):
            continue
        taken.add(m.start(), m.end())
        span = relative_span(m, pub) if pub is not None else None
        words = m.group(0).strip()
        if span is not None and (span[1] - span[0]).days >= 13 and since_event(text, m.start()):
            # "since a dispute broke out last month": a month, a season or a year; a day counted back ("il y a une
            # semaine") is a day, which a page dated only by its month cannot place
            out.append(TimeSpan(span[0], pub, words, "since", m.start()))
            continue
        out.append(TimeSpan(span[0] if span else None, span[1] if span else None, words, "relative", m.start()))
    if not out and pub is not None:
        # "В 6.15 мск ... вылетел", "landed at 20:55", "à 14h00", "عند الساعة 05:03": a clock time with no date
        # in the text is within the day before publication (a flash report tells today's or last night's)
        for m in _CLOCK.finditer(text):
            out.append(TimeSpan(pub - timedelta(days=1), pub, m.group(0).strip(), "relative", m.start()))
            break
    out.sort(key=lambda t: t.pos)
    out = _next_days(text, _weekday_ranges(text, out))
    # a weekday written next to a date ("on Monday, December 16", "السبت 24 سبتمبر") names that date
    explicit = [(t.pos, t.pos + len(t.text)) for t in out if t.kind in ("explicit", "since")]
    return [
        t
        for t in out
        if not (
            t.kind == "relative"
            and t.text.split()[-1].lower() in WEEKDAY_WORDS
            and any(-4 <= a - (t.pos + len(t.text)) <= 4 or -4 <= t.pos - b <= 4 for a, b in explicit)
        )
    ]


def find_publication_date(text: str) -> TimeSpan | None:
    """The publication date: a labelled line ("Published: ..."), else a date line or dateline near the top.

    In the first three lines, a full date (with year) counts when its line is little more than the date
    ("March 3, 2025", "By J. Smith, 3 March 2025") or is a dateline ("TRIPOLI, Dec 18, 2024 (Reuters) -").
    A date inside a body sentence is an event, never the publication date.
    """
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines:
        lab = _PUB_LABEL.match(ln)
        if lab:
            found = [t for t in find_times(ln[lab.end() :]) if t.start and t.kind == "explicit"]
            if found:
                t = found[0]
                return TimeSpan(t.start, t.start, ln.strip(), "publication", 0)
    for ln in lines[:3]:
        for t in find_times(ln):
            if t.start is None or t.kind != "explicit" or t.start != t.end or not re.search(r"\d{4}", t.text):
                continue
            before, after = ln[: t.pos], ln[t.pos + len(t.text) :]
            rest_words = len(re.findall(r"\w+", before + " " + after))
            dateline = re.fullmatch(r"\s*(?:[A-ZА-ЯЁ][A-ZА-ЯЁ .'-]+,?\s*)?", before) and re.match(
                r"\s*(?:\([^)]*\))?\s*[-–—]", after
            )
            if (rest_words <= 3 and not ln.rstrip().endswith(".")) or dateline:
                return TimeSpan(t.start, t.start, t.text, "publication", 0)
    return None


def years_in(text: str) -> list[int]:
    """Four-digit years written in the text (to date day-month mentions when no publication date is known)."""
    return [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text.translate(DIGITS))]


def publication(text: str) -> tuple[date, bool] | None:
    """A publication date as written, ``YYYY-MM-DD`` or ``YYYY-MM``, as (date, known to its month only).

    A page known only to its month counts as published on its last day, so that a year-less date in the text
    ("26 October") resolves to that month's year as a reader would; pass the flag on to
    :func:`liftwatch.claims.extract` as ``publication_month_only``. None when ``text`` is neither form.
    """
    try:
        return date.fromisoformat(text), False
    except ValueError:
        pass
    m = re.fullmatch(r"(\d{4})-(\d{2})", text.strip())
    if m is None or not 1 <= int(m.group(2)) <= 12:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    return date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1), True
