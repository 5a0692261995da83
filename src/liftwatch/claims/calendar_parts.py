"""Seasons and parts of a relative month: "last summer", "l'été 2013", "летом прошлого года", "صيف 2013";
"late last month", "à la fin du mois dernier", "в конце прошлого месяца", "أواخر الشهر الماضي".

Reporters date a voyage or an airlift by its season as often as by its month, and narrow "last month" to its end
or its start the way they narrow a named month ("late June"). The named-month forms are in ``date_patterns``; these
are the ones anchored on the publication date, kept apart from ``relative`` because they resolve against the
calendar (a season spans a year's end; a part of a month is cut from a month span already found), not by counting
days back. Seasons are the meteorological ones of the northern hemisphere, where the reporting's theatres lie:
winter is December to February, spring March to May, summer June to August, autumn September to November.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

# season -> the month it starts in (winter starts in the December of the year before its January)
_SEASON_START = {"winter": 12, "spring": 3, "summer": 6, "autumn": 9}
_SEASON_WORDS: dict[str, str] = {
    "winter": "winter", "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "hiver": "winter", "printemps": "spring", "été": "summer", "ete": "summer", "automne": "autumn",
    "зимой": "winter", "зима": "winter", "зимы": "winter", "весной": "spring", "весна": "spring", "весны": "spring",
    "летом": "summer", "лето": "summer", "лета": "summer", "осенью": "autumn", "осень": "autumn", "осени": "autumn",
    "الشتاء": "winter", "شتاء": "winter", "الربيع": "spring", "ربيع": "spring", "الصيف": "summer", "صيف": "summer",
    "الخريف": "autumn", "خريف": "autumn",
}  # fmt: skip
_SEASON_ALT = "|".join(sorted(map(re.escape, _SEASON_WORDS), key=len, reverse=True))
_YEAR = r"(?P<y>(?:19|20)\d\d)"

# "last summer", "this winter", "l'été dernier", "cet hiver", "прошлым летом", "этой зимой", "летом прошлого года",
# "الصيف الماضي", "هذا الصيف", "صيف العام الماضي"; and a season with its year: "(the) summer (of) 2013", "l'été
# 2013", "летом 2013 года", "صيف 2013", "صيف عام 2013"
SEASON = re.compile(
    r"(?<![^\W\d_])(?:"
    rf"(?P<which>last|this|past)\s+(?P<s1>{_SEASON_ALT})"
    rf"|(?:l['’]|le\s+|l['’]\s*)?(?P<s2>{_SEASON_ALT})\s+(?P<fr_which>dernier|passé)"
    rf"|(?P<fr_this>cet|ce)\s+(?P<s3>{_SEASON_ALT})"
    rf"|(?P<ru_which>прошл\w+|минувш\w+|эт(?:им|ой|ом))\s+(?P<s4>{_SEASON_ALT})"
    rf"|(?P<s5>{_SEASON_ALT})\s+(?P<ru_year>прошлого|этого|текущего)\s+года"
    rf"|(?P<s6>{_SEASON_ALT})\s+(?:العام\s+|السنة\s+)?(?P<ar_which>الماضي|الماضية|المنصرم|الفائت)"
    rf"|(?P<ar_this>هذا)\s+(?P<s7>{_SEASON_ALT})"
    rf"|(?:the\s+)?(?P<s8>{_SEASON_ALT})\s+(?:of\s+|de\s+l['’]année\s+|de\s+|d['’]|عام\s+|سنة\s+)?{_YEAR}(?:\s+года)?"
    r")(?![^\W\d_])",
    re.I,
)


def _season_span(season: str, year: int) -> tuple[date, date]:
    """The season that ends in ``year`` for winter (December of the year before to February), else in it."""
    start_month = _SEASON_START[season]
    if season == "winter":
        return date(year - 1, 12, 1), date(year, 2, calendar.monthrange(year, 2)[1])
    end_month = start_month + 2
    return date(year, start_month, 1), date(year, end_month, calendar.monthrange(year, end_month)[1])


def _winter_year(day: date) -> int:
    """The year of the January of the winter ``day`` falls in or last followed."""
    return day.year + 1 if day.month == 12 else day.year


def season_span(m: re.Match[str], pub: date | None) -> tuple[date, date] | None:
    """The days a match of :data:`SEASON` names: a season with its year, or the last or the current one before
    ``pub``; None when it needs a publication date and has none, or names a season still to come."""
    g = m.groupdict()
    word = next(g[k] for k in ("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8") if g.get(k))
    season = _SEASON_WORDS[word.lower()]
    if g.get("y"):
        return _season_span(season, int(g["y"]))
    if pub is None:
        return None
    last = bool(
        (g.get("which") or "").lower() in ("last", "past")
        or g.get("fr_which")
        or re.match(r"прошл|минувш", g.get("ru_which") or "", re.I)
        or (g.get("ru_year") or "").lower() == "прошлого"
        or g.get("ar_which")
    )
    year = _winter_year(pub) if season == "winter" else pub.year
    start, end = _season_span(season, year)
    if last:
        # the last season of that name wholly before publication: this year's once it is over, else last year's
        if end >= pub:
            start, end = _season_span(season, year - 1)
        return start, end
    if start > pub:  # "this summer" said in spring: a season to come dates no movement that happened
        return None
    return start, min(end, pub)


# the part of a month written before a relative month phrase: "late last month", "the end of last month", "à la
# fin du mois dernier", "au début de ce mois", "в конце прошлого месяца", "أواخر الشهر الماضي", "منتصف الشهر الماضي";
# the genitive and French forms of the month ("du mois dernier", "прошлого месяца") are read here, after a part word
MONTH_PART = re.compile(
    r"(?<![^\W\d_])(?:(?:in|at|by|à|au|dès|в|في)\s+)?(?:the\s+|la\s+|le\s+)?"
    r"(?P<part>early|mid|middle|late|end|beginning|start|début|mi|milieu|fin|начал[ео]|середин[еы]|конц[еа]|"
    r"أوائل|مطلع|بداية|منتصف|أواخر|نهاية)"
    r"(?:\s+of|\s+(?:du|de|d['’]))?[-\s]+(?:the\s+)?"
    r"(?:(?P<last>last\s+month|(?:le\s+)?mois\s+(?:dernier|passé)|прошлого\s+месяца|минувшего\s+месяца|"
    r"الشهر\s+(?:الماضي|المنصرم|الفائت))|(?P<this>this\s+month|(?:ce|du)\s+mois(?:-ci)?|(?:этого|текущего)\s+месяца|"
    r"الشهر\s+(?:الجاري|الحالي)|هذا\s+الشهر))(?![^\W\d_])",
    re.I,
)
_EARLY = ("early", "beginning", "start", "début", "начал", "أوائل", "مطلع", "بداية")
_LATE = ("late", "end", "fin", "конц", "أواخر", "نهاية")


def month_part_days(word: str, y: int, mon: int) -> tuple[date, date]:
    """The days a part word names in a month, named ("late June") or relative ("late last month"): the early part
    is days 1-10, the middle 11-20, the late part 21 to the month's end (the corpus rule)."""
    word = word.lower()
    lo, hi = (
        (1, 10)
        if word.startswith(_EARLY)
        else (21, calendar.monthrange(y, mon)[1])
        if word.startswith(_LATE)
        else (11, 20)
    )
    return date(y, mon, lo), date(y, mon, hi)


def month_part_span(m: re.Match[str], pub: date) -> tuple[date, date] | None:
    """The days of a match of :data:`MONTH_PART` (:func:`month_part_days`), cut at publication for the current
    month."""
    if m.group("last"):
        y, mon = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
    else:
        y, mon = pub.year, pub.month
    start, end = month_part_days(m.group("part"), y, mon)
    if m.group("this"):
        if start > pub:
            return None
        end = min(end, pub)
    return start, end
