"""Companies named as a carrier's owner or operator, and their spellings across scripts.

Reporting names the same company as "Oboronlogistika", "Оборонлогистика" and "أوبورون لوجيستيكا", or an airline
as "Fars Air Qeshm" and "Qeshm Fars Air". A name compared as written parts them; :func:`company` folds every
spelling the kb knows to one company, so that two annotations of one text, or an extraction and its gold, meet
whatever script each wrote the name in. The spellings live in ``data/kb/companies.csv`` (shipping lines, charter
airlines, state agencies) and, for airlines with an ICAO designator, in ``data/kb/callsigns.csv`` (its operator
and ``names`` columns): one lookup reads both, so a spelling added to either is folded everywhere.

Why hand-written: transliterations of company names follow no rule a library applies (Latin "Zitotrans" is
Cyrillic "Цитотранс"), so the kb lists them; the lookup only normalises case, diacritics, Arabic letter variants
and legal forms ("LLC", "ООО", "شركة"), which no name on its own distinguishes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import data_path, opt_str, read_csv
from liftwatch.kb._text import norm_key

CompanyKind = Literal["airline", "shipping", "agency"]
_KINDS: tuple[CompanyKind, ...] = ("airline", "shipping", "agency")

# Legal forms and company nouns around a name: they tell no company from another ("SK-YUG LLC" is "SK-Yug",
# "ООО «Трансморфлот»" is "Трансморфлот", "شركة سيلك واي" is "سيلك واي").
_LEGAL = re.compile(
    r"^(?:the\s+|company\s+|компания\s+|компании\s+|авиакомпания\s+|авиакомпании\s+|ооо\s+|оао\s+|ао\s+|пао\s+|"
    r"شركة\s+|الشركة\s+|société\s+|la\s+société\s+|compagnie\s+)+"
    r"|(?:\s+(?:llc|ltd|limited|jsc|ojsc|inc|co|company|gmbh|sa|sarl))+\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Company:
    """A company the kb knows: its id, English name, kind, country of registration (ISO 3166 alpha-2), and the
    state whose company it is where that is documented (rule 8 of the gold corpus: a state line's carrier is the
    state's)."""

    id: str
    name: str
    kind: CompanyKind
    country: str | None
    state: str | None
    aliases: tuple[str, ...]
    source: str


def _key(name: str) -> str:
    bare = _LEGAL.sub("", name.strip().strip(" \"'«»“”„").strip()).strip(" \"'«»“”„")
    return norm_key(bare or name)


@cache
def companies() -> tuple[Company, ...]:
    """Every company of ``companies.csv`` and every civil operator of ``callsigns.csv``, in file order."""
    out: list[Company] = []
    for i, row in enumerate(read_csv("companies.csv"), start=2):
        kind = row["kind"].strip()
        if kind not in _KINDS:
            raise KnowledgeBaseError(
                f"{data_path('companies.csv')}:{i}: kind {kind!r} is not one of {', '.join(_KINDS)}"
            )
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        out.append(
            Company(
                id=row["id"].strip(),
                name=row["name"].strip(),
                kind=kind,
                country=opt_str(row["country"]),
                state=opt_str(row["state"]),
                aliases=aliases,
                source=row["source"].strip(),
            )
        )
    for row in read_csv("callsigns.csv"):
        name = row["operator"].strip()
        if row["classification"] != "civil" or not name:
            continue
        aliases = tuple(a.strip() for a in (row.get("names") or "").split("|") if a.strip())
        out.append(
            Company(
                id=re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
                name=name,
                kind="airline",
                country=opt_str(row["country"]),
                state=None,
                aliases=aliases,
                source=row["source"].strip(),
            )
        )
    return tuple(out)


@cache
def _by_key() -> dict[str, Company]:
    index: dict[str, Company] = {}
    for c in companies():
        for spelling in (c.name, *c.aliases):
            key = _key(spelling)
            other = index.get(key)
            if other is not None and other.id != c.id:
                raise KnowledgeBaseError(f"company spelling {spelling!r} names both {other.id} and {c.id}")
            index[key] = c
    return index


def company(name: str) -> Company | None:
    """The kb's company written ``name`` in any script the kb lists, or None for a name it does not know."""
    if not name or not name.strip():
        return None
    return _by_key().get(_key(name))
