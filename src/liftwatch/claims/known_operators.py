"""The airlines and charter operators the knowledge base lists, as movers, and whose state each flies for.

An airline or charter operator the kb lists with its ICAO designator ("a Cham Wings A320", "an Aviacon Zitotrans
Il-76") is a mover by its name alone, without the "Airlines" the shape-based finder needs; the flights it flies carry
its name as their operator. Its state (the country it is registered in, for the states with a hand-written mover)
lets "a Russian cargo plane" and "operated by Aviacon Zitotrans" be one movement. Apart from ``known_movers.py``
(states by their forces) because the two read different kb tables for different jobs.

Data: ``data/kb/callsigns.csv`` (civil operators, their other names and registration country). Hand-written: no
library lists which operator names in running text are a carrier's operator and not a common word or a place.
"""

from __future__ import annotations

import csv
import re
from functools import cache

from liftwatch.claims.known_movers import state_table
from liftwatch.claims.lexicon import ACTOR_PARENT, ACTORS
from liftwatch.kb._data import data_path
from liftwatch.kb._text import norm_key
from liftwatch.kb.countries import countries

_GENERIC_OPERATOR = re.compile(r"\s+(?:Airlines|Airways|Air\s+Lines|Aviation|Israel\s+Airlines)$")


@cache
def _operators() -> tuple[re.Pattern[str], dict[str, str]]:
    """(one pattern for the kb's civil operators by full or short name, matched name -> the kb's name)."""
    with data_path("callsigns.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["classification"] == "civil" and r["operator"]]
    place_words = {norm_key(a) for c in countries().values() for a in (*c.aliases, *c.english)}
    names: dict[str, str] = {}
    for r in rows:
        full = r["operator"].strip()
        if norm_key(full) in place_words:  # "Emirates" is also the country
            continue
        names[full] = full
        short = _GENERIC_OPERATOR.sub("", full)
        first = short.split()[0]
        # a one-word short name must look like no common word or other name ("Volga-Dnepr", "S7"; not
        # "Aegean", the sea, or "Pegasus", the KC-46's name)
        distinctive = len(short.split()) > 1 or re.search(r"[-\d]", short) is not None
        if short != full and distinctive and norm_key(first) not in place_words and not _is_adjective(first):
            names[short] = full
        for other in (r.get("names") or "").split("|"):  # the kb's other names ("Afriqiyah", "Африкия")
            if other.strip():
                names[other.strip()] = full
    alt = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"\b(?:{alt})\b"), {norm_key(n): full for n, full in names.items()}


# first words of airline names that say whose or where, not which: Libya's adjective (its movers are factions,
# so it is not among the states' names) and the generic "Royal ...", "Middle East ..."
_NOT_A_NAME = {"Libyan", "Royal", "Middle"}


def _is_adjective(word: str) -> bool:
    """A country's adjective or name ("Syrian Arab", "Turkish"), or a word of :data:`_NOT_A_NAME`: an airline
    is not known by it alone."""
    _, key, _, _ = state_table()
    return norm_key(word) in key or word in _NOT_A_NAME


def known_operators(text: str) -> list[tuple[int, int, str]]:
    """The kb's airlines and charter operators named in ``text``, by the kb's name."""
    pattern, names = _operators()
    return [(m.start(), m.end(), names[norm_key(m.group(0))]) for m in pattern.finditer(text)]


@cache
def _operator_states() -> dict[str, str]:
    """The state each kb airline is registered in, for the states with a hand-written mover (Aviacon
    Zitotrans: Russia), so that "a Russian cargo plane" and "operated by Aviacon Zitotrans" are one movement."""
    hand = {a.countries[0]: a.name for a in ACTORS if a.kind == "state" and len(a.countries) == 1}
    with data_path("callsigns.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["classification"] == "civil" and r["operator"]]
    return {r["operator"].strip(): hand[r["country"]] for r in rows if r["country"] in hand}


def parent_of(actor: str | None) -> str | None:
    """The actor a mover acts for: a proxy's sponsor (``lexicon.ACTOR_PARENT``) or a kb airline's state."""
    if not actor:
        return None
    return ACTOR_PARENT.get(actor) or _operator_states().get(actor)
