"""Parts of a year: "late 2014", "mid-2016", "fin 2014", "в конце 2014 года", "منذ أواخر عام 2014".

A year narrowed by a part word is a date reporting gives to long-running lifts and to background ("the Syrian
Express has run since late 2014"). The corpus's rule 24 cuts a month into thirds (early 1-10, mid 11-20, late 21
to the end) and its annotators read a year's parts the same way: early is January to April, mid May to August,
late (or the end) September to December. The part words are the month parts' own in each language; "since" before
the part ("since late 2014", "depuis fin 2014", "с конца 2014 года", "منذ أواخر عام 2014") runs to the report.

A year told alone after its preposition ("in 2019", "en 2021", "في عام 2020", "عام 2017") is the whole year (rule 4:
a movement the text dates only by its year has that year). "Since" a year ("since 2018", "depuis 2021", "منذ عام
2011") dates nothing: it tells how far a count or a practice reaches back ("the fourth call since 2007", "has sailed
for the company since 2018"), not when the movement was. A year that tells when a carrier was built or entered
service ("commissioned in 2011", "entré en service en 1993", "المشيدة عام 2000") dates no movement either, and a year
without its preposition is a name's or a figure's ("Kavkaz-2020", "UNSCR 2292 (2016)"). Russian's "в 2014 году" is
not read: on the development corpus it dated no movement right, only a sanctions list's year given to a claim the
sanctioned flights had been merged into.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

YEAR_PART = re.compile(
    r"(?<![^\W\d_])(?:"
    r"(?:the\s+)?(?P<en>early|mid|middle\s+of|late|end\s+of|beginning\s+of|start\s+of)[-\s]+(?:(?:the\s+)?year\s+)?"
    r"|(?:(?:à\s+la|au|à|la|le)\s+)?(?P<fr>début|mi|milieu|fin)[-\s]+(?:(?:de\s+l['’]année|de|d['’])\s*)?"
    r"|(?:в\s+)?(?P<ru>начал[еоа]|середин[еыу]|конц[еау]|кон[её]ц)\s+"
    r"|(?P<ar>أوائل|اوائل|مطلع|بداية|منتصف|أواخر|اواخر|نهاية)\s+(?:(?:عام|العام|سنة)\s+)?"
    r")(?P<y>(?:19|20)\d\d)(?:\s*(?:года|г\.|год))?(?![^\W\d_])",
    re.I,
)

_THIRD = {"early": 0, "beginning": 0, "start": 0, "début": 0, "начал": 0, "أوائل": 0, "اوائل": 0, "مطلع": 0, "بداية": 0,
          "mid": 1, "middle": 1, "mi": 1, "milieu": 1, "середин": 1, "منتصف": 1,
          "late": 2, "end": 2, "fin": 2, "конц": 2, "конец": 2, "конёц": 2, "أواخر": 2, "اواخر": 2, "نهاية": 2}  # fmt: skip


def year_part_span(m: re.Match[str]) -> tuple[date, date] | None:
    """The third of the year the match names: January-April, May-August or September-December."""
    word = (m.group("en") or m.group("fr") or m.group("ru") or m.group("ar") or "").lower().split()[0]
    # the longest part word the match's word starts with (Russian declines it: "в конце", "с конца", "в середине")
    keys = sorted((k for k in _THIRD if word.startswith(k)), key=len, reverse=True)
    if not keys:
        return None
    first = 1 + 4 * _THIRD[keys[0]]
    year = int(m.group("y"))
    end = date(year, 12, 31) if first == 9 else date(year, first + 4, 1) - timedelta(days=1)
    return date(year, first, 1), end


YEAR_ALONE = re.compile(
    r"(?<![^\W\d_])(?:"
    r"(?P<since>since|depuis|منذ)\s+(?:(?:the\s+)?year\s+|l['’]année\s+|(?:عام|العام|سنة)\s+)?"
    r"|(?:in|during|en|في|خلال)\s+(?:(?:the\s+)?year\s+|l['’]année\s+|(?:عام|العام|سنة)\s+)?"
    r"|(?:عام|سنة)\s+"
    r")(?P<y>(?:19|20)\d\d)(?![\w-])",
    re.I,
)
# the words that make a year a carrier's build or entry into service, just before it
_BUILT = re.compile(
    r"(?:commissioned|built|launched|in\s+service|entered\s+service|construit\w*|lancée?s?|mise?s?\s+en\s+service"
    r"|en\s+service|entrée?s?\s+en\s+service|الخدمة|المشيدة|المشيد|بنيت|بُنيت|صنعت|دشنت)\W+(?:\w+\W+){0,2}$",
    re.I,
)


def year_alone_span(m: re.Match[str]) -> tuple[date, date] | None:
    """The whole year a :data:`YEAR_ALONE` match names; None after "since" (matched so that "منذ عام 2011" is not
    read as "عام 2011") and where the year tells a carrier's build or entry into service."""
    if m.group("since") or _BUILT.search(m.string[max(0, m.start() - 60) : m.start()]):
        return None
    year = int(m.group("y"))
    return date(year, 1, 1), date(year, 12, 31)
