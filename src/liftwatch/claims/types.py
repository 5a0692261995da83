"""Aircraft types named in text, in any of the ways reporting names them, resolved through the kb.

The kb's ``aircraft_types`` rows ("Ilyushin Il-76MD/TD (Candid)") give, for each ICAO designator, the
manufacturer, the designation and the NATO reporting name. From them this module builds one pattern per
type that accepts the designation in Latin or Cyrillic script ("Il-76MD", "IL76", "Ил-76МД"), the
manufacturer with a bare number ("Antonov 124", "أنتونوف 124"), the reporting name ("Candid",
"Fulcrum") and, separately, manufacturer-only mentions ("Ilyushin-type planes", "Tupolevs", "an
Antonov plane") that stand for every kb type of that maker. A row's ``aliases`` ("Stratotanker", "MRTT",
"KC-10", "Ми-17") name it too, and are tried first: "Boeing 747-8F" is the 747-8's alias before it is any 747.
Adding a type to the kb adds it here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from liftwatch.claims.ar_words import AR_WORD_START

# Latin designation prefix -> Cyrillic and Arabic spellings used in Russian and Arabic reporting.
_PREFIX_SCRIPTS = {
    # "II-76": two capital i's for the l, as the type is often typed (the two look alike in most fonts)
    "il": ("Ил", "II", "إيل", "اي\\.?\\s?ال", "آي\\.?\\s?إل", "إل"),
    "an": ("Ан", "إيه\\.?\\s?إن", "أن", "آن"),
    # a prefix spelled by Arabic letter names starts an Arabic word, so that the end of another word ("التي يو...",
    # "يومي 17") is not read as one
    "tu": ("Ту", "تو", rf"{AR_WORD_START}تي\.?\s?يو"),
    # "إم.آي-24", "ام اي-8": the Latin letters spelled by their Arabic names, as "آي إل" spells Il
    "mi": (rf"{AR_WORD_START}[إا]م\.?\s?[آا]ي",),
    "su": ("Су", "سو"),
    "mig": ("МиГ", "ميغ", "ميج"),
    # Western designations as Russian and Arabic reporting spell them: "С-130" (Cyrillic Es), "سي-17",
    # "А400М", "إيه 400 إم"
    "c": ("С", "Си", "سي", "سى"),
    "a": ("А", "إيه", "ايه", "أيه"),
}
# what no designation may follow: a Latin or Cyrillic letter or a digit (an Arabic letter may: Arabic text fuses the
# next word to a Latin designation, "إليوشنIl-76", "وCN-235")
_FUSED = "[A-Za-zА-Яа-яЁё0-9]"
# where a type's name can start: each pattern begins with a letter or digit after no such character (``(?<![\w])``,
# ``\b``, a preceding "the " or, for a designation, ``(?<!_FUSED)``), so the whole alternation need not be tried
# at any other place in a sentence
_TYPE_START = rf"(?<!{_FUSED})(?=\w)"
# Popular names a kb row gives after the designation ("Antonov An-124-100 Ruslan", "Lockheed C-130H Hercules"),
# with the spellings of other-language reporting; a name that is also a common word ("Atlas") is left out.
_POPULAR: dict[str, tuple[str, ...]] = {
    "Ruslan": ("Ruslan", "Руслан\\w*", "رسلان", "روسلان"),
    "Hercules": ("Hercules", "Hercule", "Геркулес\\w*", "هيركوليز", "هركوليز", "هيركوليس", "هركول"),
    "Globemaster": ("Globemaster", "Глоубмастер\\w*", "غلوبماستر"),
    "Antei": ("Antei", "Antey", "Антей", "Антея"),
}
# Manufacturer spellings in English, French, Russian and Arabic reporting.
MAKERS: dict[str, tuple[str, ...]] = {
    "Ilyushin": (
        "Ilyushin",
        "Iliouchine",
        "Illiouchine",
        "Ilyouchine",
        "Illyouchine",
        "Iliushin",
        "Iljuschin",
        "Ильюшин",
        "Илюшин",
        "إليوشن",
        "إليوشين",
        "اليوشن",
        "اليوشين",
        "يوشن",  # colloquial (Libyan) clipping
        "ايليوشن",
    ),
    "Antonov": ("Antonov", "Антонов", "أنتونوف", "انتونوف", "إنتونوف", "أنتينوف", "انتينوف"),
    "Tupolev": ("Tupolev", "Toupolev", "Туполев", "توبوليف", "توبولوف"),
    "Sukhoi": ("Sukhoi", "Soukhoï", "Soukhoi", "Сухой", "سوخوي"),
    "Mikoyan": ("Mikoyan", "Микоян"),
    "Boeing": ("Boeing", "Боинг", "بوينغ", "بوينج"),
    "Lockheed": ("Lockheed", "Lockheed Martin"),
    "Airbus": ("Airbus",),
}
_NAME = re.compile(r"^(?P<maker>[A-Z][a-z]+(?:\s+Martin)?)\s+(?P<token>(?P<prefix>[A-Za-z]+)-?(?P<num>\d+)[\w-]*)")
_BARE = re.compile(r"^(?P<maker>Boeing)\s+(?P<num>\d{3})\b")
_NATO = re.compile(r"\(([A-Z][a-z]+)(?:-[A-Z])?\)")


@dataclass(frozen=True)
class TypeKind:
    label: str  # "Il-76"
    type_code: str  # "IL76"
    category: str  # kb category: cargo | airliner | military_other | ...
    maker: str | None
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class MakerKind:
    label: str  # "Ilyushin"
    type_codes: tuple[str, ...]
    cargo_only: bool
    pattern: re.Pattern[str]


def _type_pattern(maker: str | None, prefix: str, num: str, nato: str | None, popular: tuple[str, ...] = ()) -> str:
    spellings = [re.escape(prefix), *list(_PREFIX_SCRIPTS.get(prefix.lower(), ()))]
    pre = "|".join(spellings)
    # "Il-76", "IL76", "Il 76", "Ил-76МД", "إيل-62 إم"; a following digit would be another type (An-12 vs An-124).
    # A one-letter prefix with a short number takes no space: "с 5 по 7 марта" and "с 17 марта" are dates, not
    # a C-5 or a C-17 (the Cyrillic Es spells the C).
    # A hyphen may be followed by a space ("C- 130", "تي يو- 160"), as hand-typed reporting spaces it.
    sep = r"[-‑]?" if len(prefix) == 1 and len(num) <= 2 else r"(?:[-‑]\s?|\s)?"
    alts = [rf"(?<!{_FUSED})(?:{pre}){sep}{num}(?!\d)[\w-]*"]
    if maker:
        makers = "|".join(re.escape(m) for m in MAKERS.get(maker, (maker,)))
        alts.insert(0, rf"(?<![\w])(?:{makers})[\s-]+(?:(?:{pre})[-\s]?)?{num}(?!\d)[\w-]*")
    if nato:
        alts.append(rf"\b{nato}s?\b")
    if popular:  # "«Руслан»", "a Hercules", "طائرة هيركوليز": the popular name alone names the type
        alts.append(rf"(?<![\w])(?:{'|'.join(popular)})(?![\w])")
    return "|".join(alts)


def _alias_pattern(aliases: list[str]) -> str:
    """A kb row's aliases as whole words: "KC-10" also as "KC10" (never "KC 10"), "Super Galaxy" also as
    "Super-Galaxy"; one ending in a digit takes a variant suffix ("KC-10A", "Mi-171Sh") but no further digit;
    a trailing ``*`` takes any ending ("Стратотанкер*": "Стратотанкера", "Стратотанкеров")."""
    alts = []
    for alias in sorted(aliases, key=len, reverse=True):
        stem = alias.rstrip("*")
        body = "".join(r"[-‑]?" if ch == "-" else r"[\s-]+" if ch == " " else re.escape(ch) for ch in stem)
        tail = r"\w*" if alias.endswith("*") else r"(?!\d)[\w-]*" if stem[-1].isdigit() else r"(?!\w)"
        alts.append(rf"(?<![\w]){body}{tail}")
    return "|".join(alts)


@cache
def type_kinds() -> tuple[TypeKind, ...]:
    """One recogniser per kb aircraft type that has a manufacturer-and-number name or aliases."""
    from liftwatch import kb

    out = []
    named: list[TypeKind] = []
    for row in kb.aircraft_types().iter_rows(named=True):
        kinds = _row_kinds(row)
        if row["aliases"]:
            label = kinds[0].label if kinds else row["aliases"][0]
            maker = kinds[0].maker if kinds else None
            pat = re.compile(_alias_pattern(row["aliases"]), re.I)
            named.append(TypeKind(label, row["type_code"], row["category"], maker, pat))
        out.extend(kinds)
    # aliases first ("Boeing 747-8F" before any "Boeing 747"), then longer numbers first ("An-124" before "An-12")
    return (*sorted(named, key=lambda k: -len(k.pattern.pattern)), *sorted(out, key=lambda k: -len(k.label)))


def _row_kinds(row: dict[str, Any]) -> list[TypeKind]:
    """The recogniser of one kb row's name (none when the name is no maker-and-number name)."""
    name = str(row["name"])
    m = _NAME.match(name)
    if m is None:
        bare = _BARE.match(name)
        if bare is None:
            return []
        # "Boeing 747-400/400F": a maker and a number, no letter prefix -> "Boeing 747", "Боинг-747",
        # "بوينغ 747" (and "بوينغ 400-747": the variant typed before the model in right-to-left text)
        maker, num = bare.group("maker"), bare.group("num")
        makers = "|".join(re.escape(x) for x in MAKERS.get(maker, (maker,)))
        pat = rf"(?<![\w])(?:{makers})[\s-]+(?:\d{{3}}-)?{num}(?!\d)[\w/-]*"
        if num.startswith("7"):
            # "a cargo 747 airliner", "The 747 landed": the jet's number alone, after an article or
            # "cargo", names it as well as the maker's name does
            pat += rf"|(?:(?<=\b[Cc]argo )|(?<=\b[Tt]he )|(?<=\b[Aa] )|(?<=\bthis )|(?<=\bits )){num}(?![\d\w-])"
        return [TypeKind(f"{maker} {num}", row["type_code"], row["category"], maker, re.compile(pat, re.I))]
    maker, prefix, num = m.group("maker"), m.group("prefix"), m.group("num")
    nato = _NATO.search(name)
    # the designation as the maker writes it when it has no hyphen ("A400M", "A330-200" -> "A330"), else
    # prefix-number ("Il-76MD/TD" -> "Il-76", "C-130H" -> "C-130")
    token = m.group("token")
    joined = re.match(r"[A-Za-z]+\d+[A-Za-z]*", token)
    label = joined.group(0) if joined else f"{prefix}-{num}"
    rest = name[m.end() :]
    popular = tuple(p for word, spellings in _POPULAR.items() if re.search(rf"\b{word}\b", rest) for p in spellings)
    pat = _type_pattern(maker, prefix, num, nato.group(1) if nato else None, popular)
    return [TypeKind(label, row["type_code"], row["category"], maker, re.compile(pat, re.I))]


@cache
def maker_kinds() -> tuple[MakerKind, ...]:
    """Manufacturer-only mentions: "Ilyushin-type planes", "Tupolevs", "an Antonov plane"."""
    from liftwatch import kb

    types = kb.aircraft_types()
    out = []
    for maker, spellings in MAKERS.items():
        rows = [r for r in types.iter_rows(named=True) if r["name"].startswith(maker)]
        if not rows:
            continue
        cargo = tuple(r["type_code"] for r in rows if r["category"] == "cargo")
        codes = cargo or tuple(r["type_code"] for r in rows)
        names = "|".join(re.escape(s) for s in spellings)
        pat = re.compile(rf"(?<![\w])(?:{names})(?:s\b|[-\s]+type\b|\b)", re.I)
        out.append(MakerKind(maker, codes, bool(cargo), pat))
    return tuple(out)


def _alternation() -> str:
    """All type patterns as one alternation, each a named group (``t`` and its index in :func:`type_kinds`)."""
    return "|".join(f"(?P<t{i}>{k.pattern.pattern})" for i, k in enumerate(type_kinds()))


@cache
def _combined() -> re.Pattern[str]:
    """All type patterns in one alternation (one pass over a sentence instead of one per type), tried only where a
    name can start (:data:`_TYPE_START`): the alternatives are hundreds, and most places in a sentence are none."""
    return re.compile(f"{_TYPE_START}(?:{_alternation()})", re.I)


def find_types(text: str) -> list[tuple[int, int, TypeKind]]:
    """Every kb type named in ``text`` (non-overlapping, in order; "An-124" wins over "An-12")."""
    kinds = type_kinds()
    out = []
    for m in _combined().finditer(text):
        if m.lastgroup:
            out.append((m.start(), m.end(), kinds[int(m.lastgroup[1:])]))
    return out


def find_makers(text: str, taken: list[tuple[int, int]]) -> list[tuple[int, int, MakerKind]]:
    """Manufacturer-only mentions not already part of a type mention."""
    out = []
    for kind in maker_kinds():
        for m in kind.pattern.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                out.append((m.start(), m.end(), kind))
    return sorted(out, key=lambda x: x[0])
