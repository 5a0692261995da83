"""The words and patterns of explicit dates in four languages: month names (English, French, Russian case forms,
Arabic of the East, the Levant and the Maghreb), digits, and the ordered regular expressions of dates and ranges.

Kept apart from :mod:`liftwatch.claims.timeparse`, which resolves what these patterns find against a publication
date: the tables grow with every language form a text shows, the resolution rules do not.
"""

from __future__ import annotations

import calendar
import re

MONTHS: dict[str, int] = {}
for _i, _name in enumerate(calendar.month_name):
    if _i:
        MONTHS[_name.lower()] = _i
        MONTHS[_name[:3].lower()] = _i
MONTHS["sept"] = 9
# French, Russian (nominative, genitive and prepositional: "в июле") and Arabic month names: Egyptian/Gulf, Levantine (with and without
# the article on the ordinal: "كانون الثاني", "كانون ثاني") and Maghrebi ("جانفي", "أفريل", "جويلية", "أوت").
_ARABIC_MONTHS = (
    ("يناير", "كانون الثاني", "كانون ثاني", "جانفي", "جانفييه"),
    ("فبراير", "شباط", "فيفري", "فبرير"),
    ("مارس", "آذار"),
    ("أبريل", "إبريل", "نيسان", "أفريل"),
    ("مايو", "أيار", "ماي"),
    ("يونيو", "يونيه", "حزيران", "جوان"),
    ("يوليو", "يوليه", "تموز", "جويلية", "يوليوز"),
    ("أغسطس", "آب", "أوت", "غشت"),
    ("سبتمبر", "أيلول", "شتنبر"),
    ("أكتوبر", "تشرين الأول", "تشرين أول"),
    ("نوفمبر", "تشرين الثاني", "تشرين ثاني", "نونبر"),
    ("ديسمبر", "كانون الأول", "كانون أول", "دجنبر"),
)
_ALEF = str.maketrans("أإآ", "ااا")
ARABIC_MONTH_NAMES = frozenset(n for names in _ARABIC_MONTHS for name in names for n in (name, name.translate(_ALEF)))
_FOREIGN_MONTHS = tuple(
    (*latin, *dict.fromkeys(n for name in arabic for n in (name, name.translate(_ALEF))))
    for latin, arabic in zip(
        (
            ("janvier", "январь", "января", "январе"),
            ("février", "fevrier", "февраль", "февраля", "феврале"),
            ("mars", "март", "марта", "марте"),
            ("avril", "апрель", "апреля", "апреле"),
            ("mai", "май", "мая", "мае"),
            ("juin", "июнь", "июня", "июне"),
            ("juillet", "июль", "июля", "июле"),
            ("août", "aout", "август", "августа", "августе"),
            ("septembre", "сентябрь", "сентября", "сентябре"),
            ("octobre", "октябрь", "октября", "октябре"),
            ("novembre", "ноябрь", "ноября", "ноябре"),
            ("décembre", "decembre", "декабрь", "декабря", "декабре"),
        ),
        _ARABIC_MONTHS,
        strict=True,
    )
)
for _i, _names in enumerate(_FOREIGN_MONTHS, 1):
    for _n in _names:
        MONTHS[_n] = _i
# Eastern Arabic and Persian digits ("١٢ مارس ٢٠٢٤"): read as the digits they are, one character for one, so
# every offset into the text stays the same
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)

_MON = (
    r"(?P<{g}>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|"
    + "|".join(sorted((n for ns in _FOREIGN_MONTHS for n in ns), key=len, reverse=True))
    + r")(?:/[\u0600-\u06FF]+(?:\s[\u0600-\u06FF]+)?)?\.?"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th|er)?"
# Arabic may mark a year as of the common era, "2023م" (ميلادي), written to the digits
_YEAR = r"(?P<{g}>(?:19|20)\d\d)(?:م(?![^\W\d_]))?"


def _m(g: str) -> str:
    return _MON.format(g=g)


def _d(g: str) -> str:
    return _DAY.format(g=g)


def _y(g: str) -> str:
    return _YEAR.format(g=g)


# "to" between two days of one month, in the four languages; Arabic joins them by "إلى" or "حتى" as well as "و"
# ("في الفترة من 8 إلى 13 أكتوبر")
_DASH = r"\s*(?:-|–|—|to|until|till|through|and|et(?:\s+le)?|au|по|и|و|إلى|الى|حتى)\s*"

# Arabic days of the month written as ordinal words ("في السابع عشر من سبتمبر", "الأول من شهر يناير"): the
# masculine ordinal of "يوم", with or without hamza on the first; 21st-29th as "<unit> والعشرين"
_AR_UNITS = ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")
AR_ORDINAL_DAYS: dict[str, int] = {
    **{u: i for i, u in enumerate(_AR_UNITS, 1)},
    "الاول": 1,
    "العاشر": 10,
    "الحادي عشر": 11,
    **{f"{u} عشر": 10 + i for i, u in enumerate(_AR_UNITS[1:], 2)},
    "العشرين": 20,
    "الحادي والعشرين": 21,
    **{f"{u} والعشرين": 20 + i for i, u in enumerate(_AR_UNITS[1:], 2)},
    "الثلاثين": 30,
    "الحادي والثلاثين": 31,
}
_AR_ORDINAL = "|".join(sorted(AR_ORDINAL_DAYS, key=len, reverse=True))
# Russian days of the month written as ordinal words, in the genitive of a date ("восьмого ноября", "двадцать
# первого декабря") and the nominative that names a day ("восьмое ноября", "в ночь на третье марта"); "ё" is
# read as "е"
_RU_STEMS = (
    "перв", "втор", "трет", "четверт", "пят", "шест", "седьм", "восьм", "девят", "десят", "одиннадцат", "двенадцат",
    "тринадцат", "четырнадцат", "пятнадцат", "шестнадцат", "семнадцат", "восемнадцат", "девятнадцат", "двадцат",
)  # fmt: skip


def _ru_forms(stem: str) -> tuple[str, ...]:
    return (stem + "ьего", stem + "ье") if stem == "трет" else (stem + "ого", stem + "ое")


RU_ORDINAL_DAYS: dict[str, int] = {
    **{form: i for i, stem in enumerate(_RU_STEMS, 1) for form in _ru_forms(stem)},
    **{f"двадцать {form}": 20 + i for i, stem in enumerate(_RU_STEMS[:9], 1) for form in _ru_forms(stem)},
    **{form: 30 for form in _ru_forms("тридцат")},
    **{f"тридцать {form}": 31 for form in _ru_forms("перв")},
}
_RU_ORDINAL = "|".join(sorted((re.escape(k).replace("е", "[её]") for k in RU_ORDINAL_DAYS), key=len, reverse=True))
# Order matters: ranges before single dates so "10-14 December" is one span, not "14 December".
PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")),
    ("numeric", re.compile(r"\b(?P<a>[0-3]?\d)[./](?P<b>[0-3]?\d)[./](?P<y>(?:19|20)\d\d)\b")),
    (
        "dmy_range",
        re.compile(
            rf"\b(?:between\s+|from\s+|entre\s+le\s+|du\s+|с\s+|بين\s+|من\s+)?{_d('d1')}(?:\s+{_m('m1')})?{_DASH}{_d('d2')}\s*(?:of\s+)?{_m('m2')}"
            rf"(?:,?\s+{_y('y')})?\b",
            re.I,
        ),
    ),
    (
        "mdy_range",
        re.compile(
            rf"\b(?:between\s+|from\s+)?{_m('m1')}\s+{_d('d1')}{_DASH}(?:{_m('m2')}\s+)?{_d('d2')}"
            rf"(?:,?\s+{_y('y')})?\b",
            re.I,
        ),
    ),
    # a share of a named month, before the day patterns (the Arabic ordinal would read "النصف الأول من سبتمبر" as
    # the first of September): "the first half of September", "la deuxième quinzaine d'août", "во второй декаде
    # октября", "на последней неделе мая", "خلال الثلث الأول من شهر يناير", "العشر الأواخر من رمضان" (timeparse
    # resolves the ordinal and the unit: ``month_share``)
    (
        "month_share",
        re.compile(
            rf"(?<![^\W\d_])(?P<share>"
            rf"(?:the\s+)?(?:first|second|third|fourth|last|final)\s+(?:half|third|week|ten\s+days|fortnight)\s+of|"
            rf"(?:la\s+|le\s+)?(?:premi[eè]re?|deuxi[eè]me|seconde?|troisi[eè]me|quatri[eè]me|derni[eè]re?)\s+"
            rf"(?:moiti[eé]|quinzaine|semaine|d[eé]cade|tiers)\s+(?:du\s+mois\s+)?(?:de|d['’]|du)|"
            rf"(?:(?:в|во|на|за)\s+)?(?:перв|втор|трет|четв[её]рт|последн)\w*\s+(?:половин|декад|недел|трет)\w*(?:\s+месяца)?|"
            rf"(?:النصف|الثلث|الأسبوع|الاسبوع|العشر|العشرة\s+أيام|الأيام\s+العشرة)\s+"
            rf"(?:الأول|الاول|الأولى|الثاني|الثالث|الرابع|الأخير|الاخير|الأواخر|الاواخر|الأوائل)\s+من(?:\s+شهر)?"
            rf")\s*{_m('m')}(?:[,،]?\s+(?:года\s+|عام\s+|سنة\s+)?{_y('y')})?(?![^\W\d_])",
            re.I,
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"(?:\b|(?<=ال)|(?<=الـ))(?<!\d){_d('d')}\s*(?:of\s+|من\s+(?:شهر\s+)?|شهر\s+)?{_m('m')}"
            rf"(?:[,،]?\s+(?:года\s+|عام\s+|سنة\s+)?{_y('y')})?(?![^\W\d_])",
            re.I,
        ),
    ),
    # "the seventeenth of September": only with "من" before the month, and never the ordinal that ends a Levantine
    # month's name ("كانون الأول", "تشرين الثاني")
    (
        "ar_ordinal",
        re.compile(
            rf"(?<![^\W\d_])(?<!كانون )(?<!تشرين )(?P<o>{_AR_ORDINAL})\s+من\s+(?:شهر\s+)?{_m('m')}"
            rf"(?:[,،]?\s+(?:عام\s+|سنة\s+)?{_y('y')})?(?![^\W\d_])",
        ),
    ),
    (
        "ru_ordinal",
        re.compile(
            rf"(?<![^\W\d_])(?P<o>{_RU_ORDINAL})\s+{_m('m')}(?:\s+{_y('y')})?(?![^\W\d_])",
            re.I,
        ),
    ),
    ("mdy", re.compile(rf"\b{_m('m')}\s+{_d('d')}(?!\d)(?:,?\s+{_y('y')})?\b", re.I)),
    (
        "part_month",
        re.compile(
            rf"\b(?P<part>early|mid|middle of|late|end of|beginning of|start of|début|mi|fin|"
            rf"(?:в\s+)?(?:начал[ео]|середин[еы]|конц[еа])|أوائل|مطلع|بداية|منتصف|أواخر|نهاية)"
            # French names the month after "de", "d'" or "du mois de": "fin de mars", "début d'août", "à la fin du
            # mois de novembre", "au début du mois d'avril"
            rf"(?:\s+(?:du\s+mois\s+)?(?:de|du|شهر)[-\s]+|\s+(?:du\s+mois\s+)?d['’]\s*|[-\s]+){_m('m')}"
            rf"(?:\s+{_y('y')})?\b",
            re.I,
        ),
    ),
    # two months joined, the span from the first's first day to the second's last: "in July and August", "from
    # December 2023 to February 2024", "entre juillet et septembre", "с июля по сентябрь", "في يوليو وأغسطس"
    (
        "month_range",
        re.compile(
            rf"\b(?:between\s+|from\s+|in\s+|during\s+|entre\s+|de\s+|en\s+|d['’]|с\s+|в\s+|во\s+|من\s+|بين\s+|في\s+|خلال\s+)?"
            rf"(?:(?:شهري|شهر)\s+)?{_m('m1')}(?:[,،]?\s+(?:عام\s+|سنة\s+)?{_y('y1')}(?:\s+(?:года|г\.))?)?"
            rf"\s*(?:-|–|—|to|until|till|through|and|et|à|au|по|до|и|و|إلى|الى|حتى)\s*(?:(?:in|en|в|во|شهر)\s+)?"
            rf"{_m('m2')}(?:[,،]?\s+(?:года\s+|عام\s+|سنة\s+)?{_y('y')})?(?![^\W\d_])",
            re.I,
        ),
    ),
    # a month named after a preposition, in the four languages: "in July", "en juillet", "в июле", "في يوليو";
    # "since" in each ("since December", "depuis décembre", "с декабря", "منذ ديسمبر") opens a span to publication
    (
        "month",
        re.compile(
            rf"(?<![^\W\d_])(?:(?:in|during|throughout|since|by|en|durant|pendant|в|во|"
            rf"в\s+течение|في|خلال|depuis|с|منذ)(?:\s+شهر)?\s+"
            # French names a month as "the month of" with its article: "au mois de mai", "depuis le mois d'août",
            # "au cours du mois de mars", "pendant le mois de juin" (the "since" before the article is read by
            # ``relative.SINCE``)
            rf"|(?:au|le|du|ce)\s+mois\s+d(?:e\s+|['’]\s*)){_m('m')}(?:[,،]?\s+(?:года\s+|عام\s+|سنة\s+)?{_y('y')})?(?![^\W\d_])",
            re.I,
        ),
    ),
    ("month_year", re.compile(rf"\b{_m('m')}\s+{_y('y')}\b", re.I)),
    # a day of the month named without its month, which is the publication's: "le 26 au soir", "on the 26th,",
    # "26-го числа", "يوم 26 من الشهر"; only where nothing that could be counted follows the number
    (
        "day_only",
        re.compile(
            r"(?:\ble\s+(?P<d1>[0-3]?\d|1er)(?=\s*(?:[,.;)]|au\s|à\s|dans\s|vers\s|et\s|$))"
            r"|\bon\s+the\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)(?=\s*(?:[,.;)]|at\s|and\s|in\s|$))"
            r"|(?<!\d)(?P<d3>[0-3]?\d)-?го\s+числа\b"
            r"|يوم\s+(?P<d4>[0-3]?\d)\s+من\s+(?:الشهر|هذا\s+الشهر|الشهر\s+الجاري))",
            re.I,
        ),
    ),
]
