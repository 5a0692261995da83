"""A name the text calls a base: "la base d'Orange", "la base aérienne d'Évreux", "Orange air base", "авиабаза
Орандж" name the air base of that name, not the town's airport or the city.

The name alone is read as its town (``kb.resolve_place("Orange")`` is Orange, New South Wales: the larger field
with scheduled service), and the words "base" or "air base" around it are not part of the name the reader found.
They say which of the kb's sites of that name is meant: where the kb holds exactly one air base by that very name
(``kb.base_names.air_bases_named``), the mention is that base. A name with no such base, or with several, keeps its
reading.
"""

from __future__ import annotations

import re
from dataclasses import replace

from liftwatch import kb as kb_module
from liftwatch.claims.ar_words import AR_WORD_START
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.kb.base_names import air_bases_named

# the base word before a name: French "base (aérienne) de", "base d'", Russian "авиабаза", Arabic "قاعدة"
_BEFORE = re.compile(
    r"(?:\bbases?(?:\s+(?:a[ée]rienne|militaire)s?)?\s+(?:de\s+(?:la\s+|l['’]\s*)?|d['’]\s*)|"
    rf"\bавиабаз[а-яё]*\s+|{AR_WORD_START}قاعدة\s+)$",
    re.I,
)
# the base words after a name: "Orange air base", "Orange Air Force Base", "Orange AFB"
_AFTER = re.compile(r"^\s+(?:air\s*base|air\s+force\s+base|AFB)\b", re.I)


def _called_base(text: str, m: Mention) -> bool:
    return bool(_BEFORE.search(text[max(0, m.start - 40) : m.start]) or _AFTER.match(text[m.end : m.end + 25]))


def as_named_base(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The mentions, each one the text calls a base read as the kb's one air base of its name (see the module
    docstring); a mention already read as an air base, or not as a site or a city, is left as it is. Only the
    bundled kb knows its sites' kinds and names this way: a gazetteer over another kb (a test's stand-in) reads as
    it did."""
    if gaz.kb is not kb_module:
        return mentions
    out: list[Mention] = []
    for m in mentions:
        p = m.place
        town = p.kind == "site" or (p.kind == "region" and (p.id or "").startswith("city:"))
        if town and p.site_kind != "air_base" and _called_base(text, m):
            found = air_bases_named(p.text)
            if len(found) == 1:
                base = gaz.site_place(
                    found[0], p.text, f"{p.note}; the air base of that name (the text calls it a base)"
                )
                m = replace(m, place=replace(base, qualifiers=list(p.qualifiers)))
        out.append(m)
    return out
