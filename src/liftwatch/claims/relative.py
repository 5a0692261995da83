"""Relative dates in news text, anchored on the publication date: "over the past week", "on Sunday",
"earlier this month", "three days ago", "ces derniers jours", "три дня назад", "منذ ثلاثة أيام".

Reporters date most movements this way rather than with a calendar date, in every language the extractor
reads; the window is what the phrase means counted back from the day the article was published. Hand-written
for the same reason as ``timeparse`` (spans inside running text, no locale downloads).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_NUM_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "few": 3, "several": 3, "couple of": 2,
}  # fmt: skip
_WEEKDAYS = [d.lower() for d in calendar.day_name]
# weekday words in French, Russian (accusative after "в") and Arabic -> 0 = Monday
WEEKDAY_WORDS: dict[str, int] = {d: i for i, d in enumerate(_WEEKDAYS)}
for _i, _names in enumerate(
    (
        ("lundi", "понедельник", "الاثنين", "الإثنين"),
        ("mardi", "вторник", "الثلاثاء"),
        ("mercredi", "среду", "среда", "الأربعاء", "الاربعاء"),
        ("jeudi", "четверг", "الخميس"),
        ("vendredi", "пятницу", "пятница", "الجمعة"),
        ("samedi", "субботу", "суббота", "السبت"),
        ("dimanche", "воскресенье", "الأحد", "الاحد"),
    )
):
    for _n in _names:
        WEEKDAY_WORDS[_n] = _i
_WD_ALT = "|".join(sorted(WEEKDAY_WORDS, key=len, reverse=True))
# the nouns "накануне" governs as a preposition, "on the eve of" an event ("накануне визита", "накануне Дня ВМФ",
# "накануне прибытия"): the eve of an event dates nothing by itself; nor does the day a statement was made
_EVE_NOUNS = (
    r"визит|праздн|выбор|саммит|учени|нов|дн|дня|нач|встреч|переговор|годовщин|заседан|приезд|прибыти|прил[её]т|"
    r"старт|открыти|парад|референдум|голосовани|войн|вторжени|операци|совещани|форум|конференци|"
    # "накануне сообщили", "накануне заявили": when a statement was made, which dates no movement
    r"сообщ|заяв|объяв|рассказ"
)


# Calendar-relative phrases in French, Russian and Arabic, as (which, unit): "last" = the previous calendar
# unit, "this" = from its start to publication, "past" = the N days before publication, "recent" = the week
# before publication, "earlier" = from the unit's start to publication
_PHRASES: dict[str, tuple[str, str]] = {
    # French
    "le mois dernier": ("last", "month"), "le mois passé": ("last", "month"), "ce mois-ci": ("this", "month"),
    "plus tôt ce mois-ci": ("this", "month"), "au début du mois": ("this", "month"), "ce mois": ("this", "month"),
    "la semaine passée": ("last", "week"), "la semaine écoulée": ("past", "week"), "cette semaine": ("this", "week"),
    "le week-end dernier": ("last", "weekend"), "le week-end passé": ("last", "weekend"),
    "ces derniers jours": ("recent", "day"), "ces dernières semaines": ("recent", "week"),
    "l'année dernière": ("last", "year"), "l’année dernière": ("last", "year"), "l'an dernier": ("last", "year"),
    "l’an dernier": ("last", "year"), "cette année": ("this", "year"),
    # Russian
    "в прошлом месяце": ("last", "month"), "в минувшем месяце": ("last", "month"), "в этом месяце": ("this", "month"),
    "в текущем месяце": ("this", "month"), "в начале этого месяца": ("this", "month"), "в начале месяца": ("this", "month"),
    "на минувшей неделе": ("last", "week"), "на прошедшей неделе": ("last", "week"), "на этой неделе": ("this", "week"),
    "на текущей неделе": ("this", "week"), "за прошедшую неделю": ("past", "week"), "за минувшую неделю": ("past", "week"),
    "в минувшие выходные": ("last", "weekend"), "в прошлые выходные": ("last", "weekend"),
    "в последние дни": ("recent", "day"), "в последние несколько дней": ("recent", "day"),
    "в последние недели": ("recent", "week"), "в прошлом году": ("last", "year"), "в этом году": ("this", "year"),
    # Arabic
    "الشهر الماضي": ("last", "month"), "الشهر المنصرم": ("last", "month"), "هذا الشهر": ("this", "month"),
    "الشهر الجاري": ("this", "month"), "في وقت سابق من هذا الشهر": ("this", "month"), "مطلع الشهر الجاري": ("this", "month"),
    "الأسبوع المنصرم": ("last", "week"), "هذا الأسبوع": ("this", "week"), "الأسبوع الجاري": ("this", "week"),
    "نهاية الأسبوع الماضي": ("last", "weekend"), "عطلة نهاية الأسبوع الماضي": ("last", "weekend"),
    "الأيام الأخيرة": ("recent", "day"), "الأسابيع الأخيرة": ("recent", "week"),
    "العام الماضي": ("last", "year"), "العام المنصرم": ("last", "year"), "هذا العام": ("this", "year"),
    "العام الجاري": ("this", "year"),
    # the same units called "current" (الحالي), "passed" (الفائت), by "year" as سنة, and "since the start of" one
    # ("منذ بداية العام", "с начала года"): from the unit's first day to publication
    "الشهر الحالي": ("this", "month"), "الأسبوع الحالي": ("this", "week"), "العام الحالي": ("this", "year"),
    "السنة الحالية": ("this", "year"), "هذه السنة": ("this", "year"), "السنة الجارية": ("this", "year"),
    "الشهر الفائت": ("last", "month"), "الأسبوع الفائت": ("last", "week"), "العام الفائت": ("last", "year"),
    "السنة الماضية": ("last", "year"), "السنة الفائتة": ("last", "year"),
    "منذ بداية الشهر": ("this", "month"), "منذ مطلع الشهر": ("this", "month"), "منذ بداية العام": ("this", "year"),
    "منذ مطلع العام": ("this", "year"), "منذ بداية السنة": ("this", "year"), "منذ مطلع السنة": ("this", "year"),
    "منذ بداية الأسبوع": ("this", "week"),
    "с начала месяца": ("this", "month"), "с начала этого месяца": ("this", "month"),
    "с начала текущего месяца": ("this", "month"), "с начала года": ("this", "year"),
    "с начала этого года": ("this", "year"), "с начала текущего года": ("this", "year"),
    "с начала недели": ("this", "week"), "с начала этой недели": ("this", "week"),
    "в текущем году": ("this", "year"), "в минувшем году": ("last", "year"), "в прошедшем году": ("last", "year"),
}  # fmt: skip
_PHRASE_ALT = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PHRASES, key=len, reverse=True))
# "N units ago" in French, Russian and Arabic ("il y a trois jours", "две недели назад", "منذ ثلاثة أيام"), with
# Arabic's dual ("منذ يومين", "خلال أسبوعين"): a count of days, weeks or months back from publication
_UNIT_WORDS = (
    r"jours?|semaines?|mois|дн(?:я|ей)|день|сутки|суток|недел[июь]|месяц(?:а|ев)?|أيام|يوما|يومًا|أسابيع|أشهر|شهور"
)
_AR_DUAL_UNITS = {"يومين": 2, "أسبوعين": 14, "شهرين": 60}

RELATIVE = re.compile(
    r"\b(?P<phrase>"
    rf"(?P<ml>{_PHRASE_ALT})"
    rf"|il\s+y\s+a\s+(?P<fra>\w+)\s+(?P<fraunit>{_UNIT_WORDS})"
    rf"|(?P<rua>\w+)\s+(?P<ruaunit>{_UNIT_WORDS})\s+назад"
    rf"|(?P<ara>منذ|خلال)\s+(?:(?P<aran>\S+)\s+(?P<araunit>{_UNIT_WORDS})|(?P<ardual>يومين|أسبوعين|شهرين))"
    # "قبل ثلاثة أيام", "قبل يومين", "قبل أسبوع" (ago: one day), not "قبل ثلاثة أيام من وصولها" (before an event)
    rf"|قبل\s+(?:(?P<arbn>\S+)\s+(?P<arbunit>{_UNIT_WORDS})|(?P<arbdual>يومين|أسبوعين|شهرين)|(?P<arbone>أسبوع|شهر))"
    r"(?!\s+(?:من|على)(?![^\W\d_]))"
    r"|"
    r"(?:(?:over|in|during|within|for)\s+)?the\s+(?:past|last|previous)\s+(?P<n>\d+|[a-z]+(?:\s+of)?)?\s*"
    r"(?P<unit>hours?|days?|weeks?|months?|years?)"
    # "خلال الساعات الأربع والعشرين الماضية", "الـ48 ساعة الماضية", "الأيام الماضية" (the past hours/days)
    r"|(?:خلال\s+|في\s+)?(?:الـ\s*)?(?P<arn>\d+\s+)?(?P<arunit>الساعات|ساعة|الأيام|يوما|الأسابيع)\s+(?:[\u0600-\u06FF]+\s+){0,3}?الماضي(?:ة)?"
    r"|in\s+recent\s+(?P<runit>days|weeks|months)"
    # "arrived over the weekend", "this past weekend": the last Saturday and Sunday before publication
    r"|(?P<weekend>(?:over|at|during|on)\s+the\s+weekend|this\s+past\s+weekend)"
    r"|(?P<lastunit>last|this|past)\s+(?P<lu>week|month|weekend|year)"
    r"|earlier\s+this\s+(?P<eu>week|month|year)"
    r"|(?P<lastweek>la\s+semaine\s+derni[èe]re|на\s+прошлой\s+неделе|الأسبوع\s+الماضي)"
    # "the day before yesterday", "avant-hier", "позавчера", "أول من أمس" / "أمس الأول": before "yesterday" and
    # "أمس", which the alternation would otherwise take alone
    r"|(?P<daybefore>the\s+day\s+before\s+yesterday|avant[-\s]hier|позавчера|أول\s+(?:من\s+)?أمس|أمس\s+الأول)"
    r"|(?P<dayword>yesterday|today|overnight|last\s+night|tonight|this\s+(?:morning|afternoon|evening)|"
    r"aujourd['’]hui|hier(?:\s+soir)?|сегодня|вчера|اليوم|أمس|"
    # "Накануне в Турцию прибыл первый самолет": the day before the report, as "вчера"; not "накануне визита", the
    # eve of an event the text names, which is no date
    r"накануне(?!\s+(?:" + _EVE_NOUNS + r")\w*)|"
    # "dimanche dernier", "الأحد الماضي", "в прошлое воскресенье": the one before, as "last Sunday" (before
    # the bare weekday, which the alternation would otherwise take first)
    r"(?:le\s+)?(?P<wd3>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+derni(?:er|ère)|"
    r"(?:يوم\s+)?(?P<wd4>الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|الأحد|الاحد)\s+الماضي|"
    r"в\s+прошл\w+\s+(?P<wd5>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|"
    r"(?:on\s+(?:last\s+)?|в\s+|во\s+|يوم\s+|le\s+)?(?P<wd>" + _WD_ALT + r")"
    r"|last\s+(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
    r"|(?P<ago>\d+|[a-z]+)\s+(?P<agounit>days?|weeks?|months?)\s+ago"
    r"|(?:au\s+cours\s+des|pendant\s+les|ces)\s+(?P<fn>\w+)\s+derni(?:ers|ères|eres)\s+(?P<funit>heures|jours|semaines|mois)"
    # "за последние три дня", "за минувшие три недели", "в течение последних десяти дней", "менее чем за месяц",
    # "в течение суток": counted back from publication; "менее чем за месяц после" counts from an event instead
    r"|(?:(?:за|в\s+течение)\s+(?:последн|минувш|прошедш)\w+|(?:менее|меньше)\s+чем\s+за|в\s+течение(?=\s+сут))"
    r"\s+(?:(?P<rn>\w+)\s+)?(?P<rnunit>сут\w*|дн\w*|недел\w*|месяц\w*|час\w*)(?!\s+(?:после|до|с\s+момента)(?!\w))"
    # "خلال آخر 9 أيام", "في آخر ثلاثة أسابيع": the last N days, weeks or months before publication
    r"|(?:خلال|في)\s+(?:آخر|اخر)\s+(?P<arln>\d+|\S+)\s+(?P<arlunit>أيام|يوما|يومًا|أسابيع|أشهر|شهور|ساعة|ساعات)"
    # "depuis trois jours", "pendant deux semaines", "en l'espace de deux mois" (within the last two months)
    r"|(?:(?:depuis|pendant)\s+|en\s+l['’]espace\s+d(?:e\s+|['’]\s*))(?P<dn>\w+)\s+(?P<dunit>jours|semaines|mois)"
    r")(?![^\W\d_])",
    re.I,
)
# a weekday told as the coming one: "next Saturday", "mardi prochain", "в следующий четверг", "الخميس المقبل",
# "غدًا الأحد" (tomorrow, Sunday): the words before it, or after it
_COMING_BEFORE = re.compile(r"(?:\bnext|\bв\s+следующ\w+|(?<![^\W\d_])(?:غدا|غدًا|غداً|غد))\s+(?:يوم\s+)?$", re.I)
_COMING_AFTER = re.compile(r"\s+(?:prochaine?|المقبل|القادم)(?![^\W\d_])", re.I)


def coming_weekday(text: str, start: int, end: int) -> bool:
    """Whether the weekday matched at ``start``-``end`` of ``text`` is told as the one to come ("next Saturday",
    "mardi prochain", "в следующий четверг", "الخميس المقبل", "غدًا الأحد"): a plan, the first such day after
    publication, not the last one before it as a bare weekday is."""
    return (
        _COMING_BEFORE.search(text[max(0, start - 24) : start]) is not None
        or _COMING_AFTER.match(text, end) is not None
    )


# what opens a span that runs to publication: "since", "starting (from)", "depuis (la)", "à partir de", "(начиная) с",
# "منذ", "بدءا من", "ابتداء من", "اعتبارا من"; an article may stand before the date ("depuis la mi-août", "since the")
SINCE = re.compile(
    r"(?:\b(?:since|starting(?:\s+(?:from|in))?|from|as\s+of|depuis|à\s+partir\s+d[eu']?|dès)(?:\s+(?:the|la|le|l['’]))?"
    r"|(?<![^\W\d_])(?:начиная\s+)?со?|منذ|(?:بدءا|بدءًا|بدءاً|ابتداء|ابتداءً|اعتبارا|اعتباراً)\s+من)\s*$",
    re.I,
)
_FOREIGN_NUM = {
    "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "dix": 10, "quinze": 15,
    "двое": 2, "трое": 3, "двух": 2, "трех": 3, "трёх": 3, "пяти": 5, "семи": 7, "десяти": 10,
    "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "десять": 10, "несколько": 3,
    "quelques": 3, "une": 1, "un": 1, "ثلاثة": 3, "ثلاث": 3, "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6,
    "سبعة": 7, "عشرة": 10, "عدة": 3, "بضعة": 3, "ست": 6, "سبع": 7, "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9,
}  # fmt: skip


def _count(word: str | None) -> int:
    if not word:
        return 1
    w = word.strip().lower()
    if w.isdigit():
        return int(w)
    return _NUM_WORDS.get(w, _NUM_WORDS.get(w.replace(" of", ""), 1))


def _back(pub: date, n: int, unit_days: int) -> date:
    """``n`` units before ``pub``; months and years counted on the calendar ("the past 18 months" from 26 February
    2021 opens on 26 August 2019, not 540 days back), the day clamped to the month's last."""
    if unit_days not in (30, 365):
        return pub - timedelta(days=n * unit_days)
    months = n * (12 if unit_days == 365 else 1)
    y, m = divmod(pub.year * 12 + pub.month - 1 - months, 12)
    return date(y, m + 1, min(pub.day, calendar.monthrange(y, m + 1)[1]))


def relative_span(m: re.Match[str], pub: date) -> tuple[date, date] | None:
    g = m.groupdict()
    unit_days = {"day": 1, "week": 7, "month": 30, "year": 365}
    if g.get("unit"):
        n = _count(g.get("n"))
        unit = g["unit"].lower().rstrip("s")
        if unit == "hour":  # "the past 24 hours": the day before publication and publication day
            return pub - timedelta(days=max(1, -(-n // 24))), pub
        return _back(pub, n, unit_days[unit]), pub
    if g.get("arunit"):
        u = g["arunit"]
        n = int(g["arn"]) if g.get("arn") else 0
        if "ساع" in u:
            return pub - timedelta(days=max(1, -(-n // 24))), pub
        return pub - timedelta(days=(n or 7) * (7 if "أسابيع" in u else 1)), pub
    if g.get("weekend"):
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7 or 7)
        return saturday, saturday + timedelta(days=1)
    if g.get("runit"):
        return pub - timedelta(days={"days": 7, "weeks": 28, "months": 90}[g["runit"].lower()]), pub
    if g.get("lastunit"):
        which, unit = g["lastunit"].lower(), g["lu"].lower()
        monday = pub - timedelta(days=pub.weekday())
        if unit == "week":
            return (monday - timedelta(days=7), monday - timedelta(days=1)) if which == "last" else (monday, pub)
        if unit == "weekend":
            sat = monday - timedelta(days=2) if which == "last" else monday + timedelta(days=5)
            return sat, sat + timedelta(days=1)
        if unit == "month":
            if which == "this":
                return pub.replace(day=1), pub
            if which == "past":
                return pub - timedelta(days=30), pub
            prev_end = pub.replace(day=1) - timedelta(days=1)
            return prev_end.replace(day=1), prev_end
        if which == "this":
            return date(pub.year, 1, 1), pub
        if which == "past":
            return pub - timedelta(days=365), pub
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
    if g.get("eu"):
        unit = g["eu"].lower()
        start = {
            "week": pub - timedelta(days=pub.weekday()),
            "month": pub.replace(day=1),
            "year": date(pub.year, 1, 1),
        }[unit]
        return start, pub
    if g.get("lastweek"):
        monday = pub - timedelta(days=pub.weekday())
        return monday - timedelta(days=7), monday - timedelta(days=1)
    for key, unit_key in (("fn", "funit"), ("rn", "rnunit"), ("dn", "dunit")):
        if g.get(unit_key):
            n = _FOREIGN_NUM.get((g.get(key) or "").lower()) or _count(g.get(key)) if g.get(key) else 1
            u = g[unit_key].lower()
            if u.startswith(("heure", "час")):  # "за последние 24 часа": the day before and publication day
                return pub - timedelta(days=max(1, -(-n // 24))), pub
            days = (
                30
                if u.startswith(("mois", "месяц"))
                else 7
                if u.startswith(("sem", "недел"))
                else 0
                if u.startswith("час")
                else 1
            )
            return _back(pub, n, days), pub
    if g.get("daybefore"):
        return pub - timedelta(days=2), pub - timedelta(days=2)
    if g.get("dayword"):
        word = re.sub(r"\s+", " ", g["dayword"].lower())
        if word in ("yesterday", "вчера", "أمس", "last night", "hier", "hier soir", "накануне"):
            return pub - timedelta(days=1), pub - timedelta(days=1)
        if word in (
            "today",
            "overnight",
            "tonight",
            "aujourd'hui",
            "aujourd’hui",
            "сегодня",
            "اليوم",
        ) or word.startswith("this "):
            return pub - timedelta(days=1 if word == "overnight" else 0), pub
        last = next((g[k] for k in ("wd2", "wd3", "wd4", "wd5") if g.get(k)), None)
        wd = (g.get("wd") or last or "").lower()
        idx = WEEKDAY_WORDS.get(wd)
        if idx is None:
            return None
        # the most recent such day up to publication: "on Saturday" in a Saturday paper is that day;
        # "last Saturday" is the one before
        back = (pub.weekday() - idx) % 7 or (7 if last else 0)
        d = pub - timedelta(days=back)
        if not last and coming_weekday(m.string, m.start(), m.end()):
            ahead = (idx - pub.weekday()) % 7 or 7
            return pub + timedelta(days=ahead), pub + timedelta(days=ahead)  # still to come: dates nothing done
        if SINCE.search(m.string[max(0, m.start() - 12) : m.start()]):
            return d, pub  # "since Monday"
        return d, d
    if g.get("ago"):
        n = _count(g["ago"])
        d = _back(pub, n, unit_days[g["agounit"].lower().rstrip("s")])
        return d, d
    if g.get("ml"):
        which, unit = _PHRASES[re.sub(r"\s+", " ", g["ml"].lower())]
        return _calendar(which, unit, pub)
    if g.get("arlunit"):
        word = g["arln"].lower()
        n = int(word) if word.isdigit() else _FOREIGN_NUM.get(word, 0)
        if n <= 0:
            return None
        if g["arlunit"].startswith("ساع"):
            return pub - timedelta(days=max(1, -(-n // 24))), pub
        return _back(pub, n, _unit_days(g["arlunit"])), pub
    for key, unit_key in (("fra", "fraunit"), ("rua", "ruaunit"), ("aran", "araunit")):
        if g.get(unit_key):
            word = g[key].lower()
            n = int(word) if word.isdigit() else _FOREIGN_NUM.get(word, 0)
            if n <= 0:
                return None
            d = _back(pub, n, _unit_days(g[unit_key]))
            # Arabic "منذ" is "ago" and "for … now", "خلال" is "within": the span up to publication
            return (d, pub) if key == "aran" else (d, d)
    if g.get("ardual"):
        return pub - timedelta(days=_AR_DUAL_UNITS[g["ardual"]]), pub
    if g.get("arbunit") or g.get("arbdual") or g.get("arbone"):
        if g.get("arbdual"):
            back = _AR_DUAL_UNITS[g["arbdual"]]
        elif g.get("arbone"):
            back = _unit_days(g["arbone"])
        else:
            word = g["arbn"].lower()
            n = int(word) if word.isdigit() else _FOREIGN_NUM.get(word, 0)
            if n <= 0:
                return None
            back = n * _unit_days(g["arbunit"])
        return pub - timedelta(days=back), pub - timedelta(days=back)
    return None


# the groups of ``RELATIVE`` whose phrase is a length counted back from publication ("over the past six months", "in
# recent weeks", "за последние три дня", "خلال أسبوعين"), not a calendar unit ("this year", "earlier this month")
_COUNTED_BACK = ("unit", "arunit", "runit", "funit", "rnunit", "dunit", "ardual", "aran", "arln")


def counted_back(phrase: str) -> bool:
    """Whether a relative phrase is a length of time counted back from the day of publication, so that it moves
    with that day: "the past two months", "ces dernières semaines" (a calendar unit, "this year", "le mois dernier",
    starts where the calendar does, whatever the day)."""
    m = RELATIVE.search(phrase)
    if m is None:
        return False
    if m.group("ml"):
        return _PHRASES[re.sub(r"\s+", " ", m.group("ml").lower())][0] in ("past", "recent")
    if m.group("lastunit"):
        return m.group("lastunit").lower() == "past"
    return any(m.group(g) for g in _COUNTED_BACK)


def _unit_days(word: str) -> int:
    w = word.lower()
    if w.startswith(("sem", "недел", "أسابيع", "أسبوع")):
        return 7
    if w.startswith(("mois", "месяц", "أشهر", "شهور", "شهر")):
        return 30
    return 1


def _calendar(which: str, unit: str, pub: date) -> tuple[date, date]:
    """The span of a calendar-relative phrase ("le mois dernier", "на этой неделе", "الأيام الأخيرة")."""
    monday = pub - timedelta(days=pub.weekday())
    if which == "recent":
        return pub - timedelta(days=7 if unit == "day" else 28), pub
    if which == "past":
        return pub - timedelta(days={"week": 7, "month": 30, "year": 365}.get(unit, 1)), pub
    if unit == "week":
        return (monday - timedelta(days=7), monday - timedelta(days=1)) if which == "last" else (monday, pub)
    if unit == "weekend":
        sat = monday - timedelta(days=2)
        return sat, sat + timedelta(days=1)
    if unit == "month":
        if which == "last":
            prev_end = pub.replace(day=1) - timedelta(days=1)
            return prev_end.replace(day=1), prev_end
        return pub.replace(day=1), pub
    if which == "last":
        return date(pub.year - 1, 1, 1), date(pub.year - 1, 12, 31)
    return date(pub.year, 1, 1), pub
