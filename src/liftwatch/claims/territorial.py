"""A state's waters named by its adjective: "entered Venezuelan waters", "les eaux territoriales vénézuéliennes",
"в венесуэльские территориальные воды", "المياه الإقليمية الفنزويلية".

Reporting on ships often says where a voyage ended by whose waters the ship entered, not by a port. The adjective
is no place name, so neither the kb's aliases nor the capitalised-name reader find it, and the movement is left with
no place at all. The place is the state itself (its ``country:`` region): a check against tracks looks at the
state's coast. The adjectives are the roster's (``roster.state_adjectives``: every state's English, French,
Russian and Arabic adjective), so any state's waters are read, not a list written for one report.
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.known_movers import state_table
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.claims.roster import state_adjectives
from liftwatch.kb._text import norm_key

# the waters noun and the word that should be a state's adjective: before it in English and Russian, after it in
# French and Arabic ("territorial" / "территориальные" / "الإقليمية" may stand between)
_WATERS = re.compile(
    r"(?P<en>[A-Z][\w-]+)\s+(?:territorial\s+)?waters\b"
    r"|\beaux\s+(?:territoriales\s+)?(?P<fr>[\w-]+)"
    r"|(?<![\w-])(?P<ru>[а-яё-]+)\s+(?:территориальн\w+\s+)?вод(?:ы|ах|ам|ами)?(?![\w-])"
    r"|(?<![\u0600-\u06FF])المياه\s+(?:الإقليمية\s+)?(?P<ar>[\u0600-\u06FF]+)",
)


def waters_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """The waters of a state the text names by its adjective, each as a mention of the state (the span: the whole
    phrase, so no other reader takes its words)."""
    pattern, lookup = state_adjectives()
    english = state_table()[2]
    out: list[Mention] = []
    for m in _WATERS.finditer(text):
        group = next(g for g in ("en", "fr", "ru", "ar") if m.group(g))
        adj = pattern.fullmatch(m.group(group))
        if adj is None:
            continue
        form = adj.group("lat") or adj.group("ru") or adj.group("ar")
        iso = lookup.get(norm_key(form))
        place = gaz.lookup(english[iso]) if iso in english else None
        if place is None:
            continue
        out.append(Mention(m.start(), m.end(), dataclasses.replace(place, text=m.group(0)), "candidate"))
    return out
