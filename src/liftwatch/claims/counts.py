"""How many movements a sentence claims, with its bounds, and how often ("up to 8 flights per day").

A count is a number (digits or a number word in English, French, Russian or Arabic) before a movement
or carrier noun ("five flights", "at least four Il-76 planes", "не менее восьми военных самолётов",
"trois vols", "ثلاث رحلات"); its qualifier sets the bounds: "at least / no fewer than / не менее /
au moins" give a minimum, "up to / до / jusqu'à" a maximum, "more than" a strict minimum, a bare number
both. "N round trips" are 2N legs. A rate is a count "per day / a day / daily / в сутки / par jour /
يوميا". Hand-written: number words and bounds in four languages are a short list, and the result must
say which words it came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import MOVE
from liftwatch.claims.date_patterns import ARABIC_MONTH_NAMES
from liftwatch.claims.figure_parts import one_of_a_group, part_of_figure
from liftwatch.claims.rate_periods import per_other_period

_WORDS: dict[str, int] = {
    # English
    "one": 1, "a single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a dozen": 12, "dozens of": 24,
    "a couple of": 2, "a pair of": 2, "thirteen": 13, "fourteen": 14, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "thirty": 30, "forty": 40, "fifty": 50,
    # French
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8, "neuf": 9,
    "dix": 10, "douze": 12, "quinze": 15, "vingt": 20, "une dizaine de": 10, "une douzaine de": 12,
    "onze": 11, "treize": 13, "quatorze": 14, "seize": 16, "trente": 30, "quarante": 40, "cinquante": 50,
    # Russian (nominative and the genitive after "не менее", "более"); "один" and its genders, like French "un",
    # are read as a count only where a caller already knows a number stands there (an item of a list, a roster)
    "один": 1, "одна": 1, "одно": 1, "два": 2, "две": 2, "двух": 2, "три": 3, "трёх": 3, "трех": 3, "четыре": 4, "четырёх": 4, "четырех": 4,
    "пять": 5, "пяти": 5, "шесть": 6, "шести": 6, "семь": 7, "семи": 7, "восемь": 8, "восьми": 8,
    "девять": 9, "девяти": 9, "десять": 10, "десяти": 10,
    # the instrumental ("двумя самолётами") and the teens and tens in nominative and genitive ("both" is no
    # count: it points back at carriers already named, each its own claim)
    "двумя": 2, "тремя": 3, "четырьмя": 4, "пятью": 5, "шестью": 6,
    "одиннадцать": 11, "одиннадцати": 11, "двенадцать": 12, "двенадцати": 12, "пятнадцать": 15,
    "пятнадцати": 15, "двадцать": 20, "двадцати": 20, "тридцать": 30, "тридцати": 30,
    # Arabic
    "اثنتين": 2, "اثنين": 2, "طائرتين": 2, "رحلتين": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4,
    "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "تسع": 9,
    "عشر": 10, "عشرة": 10, "واحدة": 1, "اثنان": 2, "اثنتان": 2, "ثمان": 8, "تسعة": 9, "عشرين": 20,
    "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50, "خمسون": 50,
}  # fmt: skip
# the Arabic teens, a unit then "ten" in either gender ("إحدى عشرة طائرة", "اثنتا عشرة رحلة", "خمسة عشر"): read
# whole, before "عشرة" alone (ten) takes their second word
_AR_UNITS = {
    1: ("إحدى", "احدى", "أحد", "احد"), 2: ("اثنتا", "اثنا", "اثنتي", "اثني"), 3: ("ثلاث", "ثلاثة"), 4: ("أربع", "أربعة"),
    5: ("خمس", "خمسة"), 6: ("ست", "ستة"), 7: ("سبع", "سبعة"), 8: ("ثماني", "ثمانية"), 9: ("تسع", "تسعة"),
}  # fmt: skip
_WORDS.update({f"{unit} {ten}": 10 + n for n, units in _AR_UNITS.items() for unit in units for ten in ("عشرة", "عشر")})
# a ten and a unit told as one number ("twenty-seven", "vingt-sept", "trente et un", "двадцать семь", "سبعة وعشرون"):
# read whole, before the ten alone takes the first word and leaves the unit out of the count
_TENS: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    20: (("twenty",), ("vingt",), ("двадцать", "двадцати"), ("عشرين", "عشرون")),
    30: (("thirty",), ("trente",), ("тридцать", "тридцати"), ("ثلاثين", "ثلاثون")),
    40: (("forty",), ("quarante",), ("сорок", "сорока"), ("أربعين", "أربعون")),
    50: (("fifty",), ("cinquante",), ("пятьдесят", "пятидесяти"), ("خمسين", "خمسون")),
}
_UNITS: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    1: (("one",), ("et un", "et une"), ("один", "одна", "одного", "одной"), ("واحد", "واحدة")),
    2: (("two",), ("deux",), ("два", "две", "двух"), ("اثنان", "اثنين", "اثنتان", "اثنتين")),
    3: (("three",), ("trois",), ("три", "трёх", "трех"), ("ثلاث", "ثلاثة")),
    4: (("four",), ("quatre",), ("четыре", "четырёх", "четырех"), ("أربع", "أربعة")),
    5: (("five",), ("cinq",), ("пять", "пяти"), ("خمس", "خمسة")),
    6: (("six",), ("six",), ("шесть", "шести"), ("ست", "ستة")),
    7: (("seven",), ("sept",), ("семь", "семи"), ("سبع", "سبعة")),
    8: (("eight",), ("huit",), ("восемь", "восьми"), ("ثماني", "ثمانية", "ثمان")),
    9: (("nine",), ("neuf",), ("девять", "девяти"), ("تسع", "تسعة")),
}
for _ten, _ten_words in _TENS.items():
    for _unit, _unit_words in _UNITS.items():
        for _t in _ten_words[0]:
            _WORDS.update({f"{_t}-{u}": _ten + _unit for u in _unit_words[0]})
            _WORDS.update({f"{_t} {u}": _ten + _unit for u in _unit_words[0]})
        for _t in _ten_words[1]:
            _WORDS.update({f"{_t}-{u.replace(' ', '-')}": _ten + _unit for u in _unit_words[1]})
            _WORDS.update({f"{_t} {u}": _ten + _unit for u in _unit_words[1]})
        _WORDS.update({f"{t} {u}": _ten + _unit for t in _ten_words[2] for u in _unit_words[2]})
        _WORDS.update({f"{u} و{t}": _ten + _unit for t in _ten_words[3] for u in _unit_words[3]})
# "dozens of" is at least two dozen (a lower bound, not an exact figure): "dozens of cargo planes". French "des
# dizaines de", Russian "десятки" and Arabic "عشرات" are no count: they stand for carriers the text does not number
# ("десятки других самолётов") or goes on to number ("عشرات من طائرات الشحن ... 86 رحلة")
_DOZENS = {"dozens of": 24}
_WORDS.update(_DOZENS)
# a pair as two carriers ("пара самолётов", "пару бортов"); "N pairs" and "N dozen" multiply the figure before them
# ("три пары штурмовиков" 6, "quatre douzaines de vols" 48, "two dozen flights" 24)
_WORDS.update({"пара": 2, "пару": 2})
_TIMES_OF = {"пары": 2, "пар": 2, "douzaines": 12, "douzaine": 12, "dozen": 12}
_MULT = r"(?:\s+(?P<mult>" + "|".join(_TIMES_OF) + r")(?![\w-]))?"
# a number told in words, restated in digits in brackets ("quatre (04) avions", "أربع (04) طائرات"): one number
_RESTATED = r"(?:\s*\(\s*\d{1,3}\s*\))?"
# words that are an article or a pronoun as often as a number ("un avion", "один из", "ست" a lady): never a count
# found on their own
_NOT_ALONE = frozenset({"un", "une", "ست", "один", "одна", "одно"})
_TIMES = {"twice": 2, "three times": 3, "four times": 4, "дважды": 2, "трижды": 3, "четырежды": 4, "مرتين": 2}
_NUM = (
    # "1,200 flights", "1\u202f200 vols": a thousands separator is part of the number, not a list's comma
    r"(?P<n>\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?![\d,])|\d{1,3}|[٠-٩]{1,3}|"
    + "|".join(re.escape(w) for w in sorted(_WORDS, key=len, reverse=True) if w not in _NOT_ALONE)
    # "ست" (six, also "lady") right before a counted Arabic noun: "ست طائرات"
    + r"|ست(?=\s+(?:طائر|رحل|سفن|ناقلات|فرقاطات|مدمرات|بوارج|غواصات|قاذفات|مقاتلات))"
    + r")"
    # "с 9 по 16 июля целых 15 машин", "le 3 mars deux avions": a day of the month is no count
    + r"(?!\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|fevr|avr|mai|juin|juil|août|aout|déc|"
    r"янв|фев|мар|апр|ма[яй]|июн|июл|авг|сен|окт|ноя|дек|"
    + "|".join(sorted(ARABIC_MONTH_NAMES, key=len, reverse=True))
    + r")[\w.]*(?:\s|$|[,.;،]))"
)
_MIN = (
    r"(?P<min>at\s+least|no\s+fewer\s+than|a\s+minimum\s+of|не\s+менее|не\s+меньше|по\s+меньшей\s+мере|"
    r"как\s+минимум|au\s+moins|pas\s+moins\s+de|ما\s+لا\s+يقل\s+عن|على\s+الأقل)"
)
_MORE = r"(?P<more>more\s+than|over|upwards\s+of|более|больше|свыше|plus\s+de|أكثر\s+من)"
_MAX = r"(?P<max>up\s+to|as\s+many\s+as|до|jusqu'à|jusqu’à|حتى)"
_ABOUT = r"(?P<about>about|around|some|roughly|nearly|almost|около|порядка|environ|près\s+de|نحو|حوالي)"
_NOUN = (
    r"(?P<noun>round[-\s]trips?(?:\s+flights)?|flights|sorties|trips|rotations|voyages|deliveries|planes|aircraft|"
    # an airdrop is a flight to its drop zone: "44 airdrops", "trois largages", "пять сбросов"
    r"air[-\s]?drops|largages|сброс(?:ов|а)|"
    r"airlifters|transports|shipments|port\s+calls|boards|ships|vessels|freighters|landings|"
    # French bombers and frigates counted by their kind ("quatre bombardiers", "deux frégates"); not helicopters,
    # which are as often the load a ship or a plane carries as carriers themselves
    r"bombardiers|frégates|"
    r"vols|avions(?:-cargos?)?|avions\s+cargos?|cargos|gros[-\s]porteurs|appareils|rotations|passages|livraisons|navires|"
    r"рейс\w*|самол[её]т\w*|борт\w*|транспортник\w*|вылет\w*|суд(?:на|ов)|корабл\w*|"
    r"воздушн\w+\s+машин\w*|летательн\w+\s+аппарат\w*|"
    # the ships of Russian and Arabic by their kind: "пять танкеров", "три фрегата"; "خمس ناقلات", "ثلاث فرقاطات"
    r"танкер(?:а|ов)|фрегат(?:а|ов)|эсминц(?:а|ев)|"
    # and by the abbreviations Russian reporting counts warships with: "четыре БДК", "два СДК", "три МРК"
    r"(?-i:БДК|СДК|МДК|МРК|РКР|АПЛ|ДЭПЛ|ТАКР)|подводн\w+\s+лод(?:ки|ок)|сухогруз(?:а|ов)|крейсер(?:а|ов)|корвет(?:а|ов)|"
    r"رحل(?:ة|ات)|طائر(?:ة|ات)|سفن|ناقلات|فرقاطات|مدمرات|بوارج|غواصات|قاذفات|مقاتلات|"
    # the singular Arabic counts with from eleven on ("15 سفينة", "12 ناقلة نفط"), warships as "pieces" ("6 قطع
    # حربية", "ثلاث قطع بحرية"), cruisers and shipments
    r"سفينة|ناقلة|قطع(?:ة)?\s+(?:ال)?(?:حربية|بحرية)|طرادات|شحنات)"
)
# up to four words between the number and the noun: "four Il-76 planes", "шесть военно-транспортных самолетов"
_GAP = r"(?:\s+(?:[\w-]+|[«“\"][^»”\"]+[»”\"])){0,4}?\s+"
_COUNT = re.compile(
    rf"(?<![\w-])(?:(?:{_MIN}|{_MORE}|{_MAX}|{_ABOUT})\s+)?{_NUM}{_RESTATED}{_MULT}{_GAP}{_NOUN}"
    rf"(?P<rate>\s+(?:\w+\s+){{0,2}}?(?:per\s+day|a\s+day|each\s+day|daily|в\s+сутки|в\s+день|ежедневно|"
    rf"par\s+jour|chaque\s+jour|quotidiens?|يومي[اًا]*))?",
    re.I,
)
# Arabic puts the number after the noun: "رحلة واحدة يومياً", "أكثر من رحلة واحدة يومياً"
_AR_COUNT = re.compile(
    r"(?P<more>أكثر\s+من\s+)?(?P<noun>رحل(?:ة|ات)|طائر(?:ة|ات)|سفن)\s+(?:\S+\s+){0,2}?(?P<n>"
    + "|".join(re.escape(w) for w in _WORDS if re.match(r"[\u0600-\u06FF]", w))
    + r")(?P<rate>\s+يومي[اًا]*)?"
)
# Arabic counts two by the dual of the noun itself, as the subject or object of a movement verb ("وصلت سفينتان",
# "هبطت طائرتا شحن", "أرسلت طائرتي شحن"); a definite dual ("القطعتين") or one in a sentence that describes rather than moves points back
# at carriers already counted
_AR_AIR_DUAL_STEMS = "طائرت|رحلت"  # aircraft and flights
_AR_DUAL = re.compile(
    rf"{AR_WORD_START}(?:سفينت|{_AR_AIR_DUAL_STEMS}|فرقاطت|مدمرت|ناقلت|غواصت|قطعت|قاذفت|مقاتلت)(?:ان|ين|ا|ي){AR_WORD_END}"
)
_AR_AIR_DUAL = re.compile(rf"{AR_WORD_START}(?:{_AR_AIR_DUAL_STEMS})(?:ان|ين|ا|ي){AR_WORD_END}")
# a verb of movement in the feminine dual says its subject is two carriers, however the carriers are named before it
# ("السفينتان عبرتا المضيق", "أقلعت الطائرتان ... وهبطتا", "طائرتا شحن ... حطتا في مطار"): the dual of the verb
# is a count of its own, where the noun's dual is definite or out of reach
_AR_DUAL_VERB = re.compile(
    rf"{AR_WORD_START}[وف]?(?:وصل|هبط|أقلع|اقلع|غادر|عبر|دخل|رس|حط|عاد|توقف|انطلق|أبحر|ابحر|توجه|اتجه)تا{AR_WORD_END}"
)
# Arabic puts "at least" after the counted noun phrase: "15 طائرة شحن روسية على الأقل"
_AR_MIN_AFTER = re.compile(r"^(?:\s+\S+){0,3}?\s+(?:على\s+الأقل|على\s+الاقل)")
_TIMES_RX = re.compile(r"(?<![\w-])(?P<w>" + "|".join(_TIMES) + r")(?![\w-])", re.I)
_EVERY_DAY = re.compile(
    r"(?P<n>one|a|an|un|une)\s+(?:\w+[\s-]+){0,3}?(?:plane|aircraft|flight|avion(?:-cargo)?)\s+(?:\w+\s+){0,3}?"
    r"(?:every|each|chaque)\s+(?:day|morning|matin|jour)",
    re.I,
)


@dataclass(frozen=True)
class Count:
    """A claimed number of movements (legs) or a claimed daily rate, with the words it came from."""

    min: int | None
    max: int | None
    rate_min: float | None
    rate_max: float | None
    text: str


def number_value(word: str) -> int:
    """The value of a number written in digits (any script) or in words of the four languages; 0 when unknown."""
    w = re.sub(r"\s+", " ", word.lower().strip())
    w = re.sub(r"(?<=\d)[,\s](?=\d{3})", "", w.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    return int(w) if w.isdigit() else _WORDS.get(w, 0)


# "one of" a group: the number is a pronoun picking a single carrier out, which a singular never counts
_PARTITIVE_ONE = re.compile(r"(?:one|один|одна|одно|l['’]une?|une?)\s+(?:of|из|des|d['’]entre)(?!\w)", re.I)
_SITE_NUMBER = re.compile(r"(?:radar|رادار)\s*$", re.I)


# a number followed by a unit of length, weight or speed measures the carrier, it counts nothing: "the 169 meter long
# Newnew Polar Bear", "a 300-tonne cargo", "120-metre frigates"
_MEASURE_AFTER = re.compile(
    r"[\s-]*(?:meters?|metres?|m|feet|foot|ft|tons?|tonnes?|t|kilomet(?:er|re)s?|km|miles?|knots?|kt)\b", re.I
)


def _counted(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_COUNT`` whose number counts, not a measure ("the 169 meter long X sailed with two
    vessels": the search goes on after the length, and finds "two vessels") nor a clock's, a date's or a class's
    (:func:`part_of_figure`: "on April 27 to send five planes" goes on to "five planes")."""
    pos = 0
    while (m := _COUNT.search(text, pos)) is not None:
        if _MEASURE_AFTER.match(text, m.end("n")) or part_of_figure(text[: m.start("n")], m.group("n")):
            pos = m.end("n")
            continue
        yield m
        pos = m.end()


def _times_of(m: re.Match[str]) -> int:
    """How many carriers one unit of the figure stands for: 2 for "pairs", 12 for "dozen", else 1."""
    return _TIMES_OF[m.group("mult").lower()] if m.group("mult") else 1


def _is_dozens(m: re.Match[str]) -> bool:
    """Whether the figure is "dozens" (a lower bound of two dozen), not a number told exactly."""
    return re.sub(r"\s+", " ", m.group("n").lower()) in _DOZENS and not m.group("mult")


def find_counts(text: str) -> list[Count]:
    """Every count or rate in a sentence, in order."""
    out: list[Count] = []
    for m in _counted(text):
        if _SITE_NUMBER.search(text[max(0, m.start() - 12) : m.start()]):
            continue  # "فلايت رادار 24", "Flightradar 24": the number is the tracking site's name
        if re.search(r"\b(?:is|was|are|were|as)\s+$", text[: m.start()]) and re.match(
            r"\S+\s+of\b", m.group(0)[m.start("n") - m.start() :]
        ):
            continue  # "the Sparta IV is one of four ships owned by ...": describes the fleet, counts no movement
        if re.search(
            r"\b(?:(?:the\s+)?(?:first|second|last|one|another)\s+of(?:\s+the)?|(?:первый|первая|один|одна|второй|последний)\s+из|"
            r"(?:l['’]un|le\s+premier|la\s+première|le\s+dernier)\s+des|(?:أول|أحد|إحدى)(?:\s+ال)?)\s*$",
            text[: m.start()],
            re.I,
        ):
            continue  # "первый из четырёх самолётов", "the first of four flights": one of them moved, not all
        if _PARTITIVE_ONE.match(text, m.start("n")):
            continue  # "one of the cargo planes", "Один из них": a singular singled out of a group counts nothing
        if not m.group("rate") and per_other_period(text[m.end() :]):
            continue  # "up to 10 flights a month", "до 20 рейсов в месяц": a rate no field holds (``rate_periods``)
        n = number_value(m.group("n"))
        if n <= 0 or (n > 500 and not m.group("rate") and not re.search(r"\d[,\u00a0\u202f]\d", m.group("n"))):
            continue  # a bare number that large is a year or a tonnage; one written with separators is a count
        if re.match(r"round", m.group("noun"), re.I):
            n *= 2
        n *= _times_of(m)
        lo: int | None
        hi: int | None
        if _is_dozens(m) and not (m.group("max") or m.group("rate")):
            lo, hi = n, None  # "dozens of planes": at least 24, however it is bounded
        elif m.group("min") or (not (m.group("more") or m.group("max")) and _AR_MIN_AFTER.match(text[m.end() :])):
            lo, hi = n, None
        elif m.group("more"):
            lo, hi = n + (0 if m.group("rate") else 1), None
        elif m.group("max"):
            lo, hi = None, n
        else:
            lo, hi = n, n
        if m.group("rate"):
            if m.group("max"):
                out.append(Count(None, None, None, float(n), m.group(0).strip()))
            elif m.group("more") or m.group("min"):
                out.append(Count(None, None, float(n), None, m.group(0).strip()))
            else:
                out.append(Count(None, None, float(n), float(n), m.group(0).strip()))
            continue
        out.append(Count(lo, hi, None, None, m.group(0).strip()))
    for m in _AR_COUNT.finditer(text):
        if not m.group("rate") and per_other_period(text[m.end() :]):
            continue
        n = number_value(m.group("n"))
        if m.group("rate"):
            # "أكثر من رحلة واحدة يومياً": more than one a day (a lower bound); "رحلة واحدة يومياً": one a day
            out.append(Count(None, None, float(n), None if m.group("more") else float(n), m.group(0).strip()))
        elif m.group("more") or _AR_MIN_AFTER.match(text[m.end() :]):
            # "أكثر من رحلتين", "طائرة شحن روسية واحدة على الأقل": a lower bound, not an exact count
            out.append(Count(n + 1 if m.group("more") else n, None, None, None, m.group(0)))
        else:
            out.append(Count(n, n, None, None, m.group(0)))
    if not out:
        for m in _AR_DUAL.finditer(text):
            if MOVE.search(text[max(0, m.start() - 25) : m.start()]) or MOVE.match(
                text[m.end() : m.end() + 25].strip()
            ):
                out.append(Count(2, 2, None, None, m.group(0)))
                break
        else:
            # an indefinite dual of aircraft or flights is two carriers new to the story wherever the sentence's
            # verb of movement stands ("طائرتا شحن عسكرية تابعة للقوات الجوية قد حطت", "رحلتان جويتان انطلقت من
            # بغداد"); two ships are as often told at anchor in a port they came to before the story
            if (air := _AR_AIR_DUAL.search(text)) is not None and MOVE.search(text):
                out.append(Count(2, 2, None, None, air.group(0)))
    if not out and (dual := _AR_DUAL_VERB.search(text)) is not None:
        out.append(Count(2, 2, None, None, dual.group(0)))
    for m in _TIMES_RX.finditer(text):
        if per_other_period(" " + text[m.end() :].lstrip()):
            continue  # "twice a week": a rate, no count
        n = _TIMES[m.group("w").lower()]
        out.append(Count(n, n, None, None, m.group(0)))
    for m in _EVERY_DAY.finditer(text):
        out.append(Count(None, None, 1.0, 1.0, m.group(0)))
    return out


def best(counts: list[Count]) -> Count | None:
    """The sentence's count: the largest explicit one (a rate is kept alongside)."""
    legs = [c for c in counts if c.min is not None or c.max is not None]
    if not legs:
        return None
    return max(legs, key=lambda c: (c.min or 0, c.max or 0))


def best_rate(counts: list[Count]) -> Count | None:
    rates = [c for c in counts if c.rate_min is not None or c.rate_max is not None]
    return rates[0] if rates else None


_BEFORE_TYPE = re.compile(r"(?<![\w-])" + _NUM + r"(?:\s+[\w-]+)?\s+$", re.I)
# a number right before a carrier the sentence names, with a bound and up to two describing words: "two
# Il-76", "at least three Russian warships", "trois Il-76", "два Ил-76", "пять российских БДК"
_BEFORE_CARRIER = re.compile(
    rf"(?<![\w-])(?:(?:{_MIN}|{_MORE}|{_MAX}|{_ABOUT})\s+)?{_NUM}{_RESTATED}{_MULT}(?:\s+[\w-]+){{0,2}}?\s+$", re.I
)
_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|juil|août|déc)[a-zéû.]*\s+$", re.I
)

# a number in digits before a singular unit noun is the unit's name ("No 6 Squadron", "99 Squadron", "36 Sqn"): a
# count of squadrons takes the plural ("two squadrons"), so the singular after a figure never counts carriers
_UNIT_NUMBER = re.compile(r"(?<=\d)\s+(?:Squadron|Sqn|Wing|Flight|Group)\b")


def count_before(text: str, spans: list[tuple[int, int]]) -> Count | None:
    """The count a number gives the first carrier it stands right before ("two Il-76 landed", "trois navires
    russes"), with its bound; a day of the month ("February 28 Il-76s") is no count."""
    for s, _ in spans:
        pre = text[max(0, s - 60) : s]
        m = _BEFORE_CARRIER.search(pre)
        if m is None or _MONTH_BEFORE.search(pre[: m.start("n")]) or _SITE_NUMBER.search(pre[: m.start("n")]):
            continue
        if _MEASURE_AFTER.match(pre, m.end("n")):
            continue  # "the 169 meter long X": the ship's length
        if _PARTITIVE_ONE.match(pre, m.start("n")):
            continue  # "one of the cargo planes": a singular picked out of a group
        if _UNIT_NUMBER.match(pre, m.end("n")):
            continue  # "the No 6 Squadron C-130", "a 99 Squadron C-17": the unit's number, not a count
        if part_of_figure(pre[: m.start("n")], m.group("n")) or one_of_a_group(pre[: m.start()]):
            continue  # "the Type 45 destroyer", "at 15:30 the C-130", "the first of five Iranian tankers": no count
        n = number_value(m.group("n")) * _times_of(m)
        if n <= 0 or n > 500:
            continue
        if m.group("min") or (_is_dozens(m) and not m.group("max")):
            return Count(n, None, None, None, m.group(0).strip())
        if m.group("more"):
            return Count(n + 1, None, None, None, m.group(0).strip())
        if m.group("max"):
            return Count(None, n, None, None, m.group(0).strip())
        return Count(n, n, None, None, m.group(0).strip())
    return None


def figure_before(text: str, start: int) -> tuple[int, str] | None:
    """The number told right before a carrier at ``start`` ("three C-130", "два Ан-124"), with its words; None when
    the carrier opens on no number."""
    m = _BEFORE_TYPE.search(text[max(0, start - 40) : start])
    if m is None or not (value := number_value(m.group("n"))):
        return None
    return value, m.group(0).strip()


def listed_total(text: str, spans: list[tuple[int, int]]) -> Count | None:
    """ "три транспортника Ан-124, два Ан-22 и десять Ил-76", "two Il-76 and three An-124": when two or more
    types are each counted, the movements are their sum (the count before one type is not the total)."""
    parts: list[tuple[int, str]] = []
    for s, _ in spans:
        m = _BEFORE_TYPE.search(text[max(0, s - 40) : s])
        if m is None:
            return None
        parts.append((number_value(m.group("n")), m.group(0).strip()))
    if len(parts) < 2:
        return None
    total = sum(n for n, _ in parts)
    words = " + ".join(t for _, t in parts)
    lead = text[max(0, spans[0][0] - 80) : spans[0][0]].rstrip()
    lead = lead[: len(lead) - len(parts[0][1])]
    if re.search(_MIN + r"\s*$", lead, re.I):  # "по меньшей мере шести МиГ-29 и двух Су-24"
        return Count(total, None, None, None, words)
    if re.search(_MAX + r"\s*$", lead, re.I):
        return Count(None, total, None, None, words)
    return Count(total, total, None, None, words)
