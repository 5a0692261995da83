"""A place told again as "the same": "a third left Izmir to the same destination" goes where the one before went.

"Two aircraft left Konya for Libya, and a third left Izmir to the same destination", "un autre avion a décollé
d'Istres vers la même destination", "ещё один самолёт вылетел туда же", "طائرة أخرى هبطت في المطار ذاته": the
clause names its goal by pointing back at the one told before it. Read alone it has no goal and, having an origin
of its own, it stays apart from the movement it points at: a movement with half its route. The goal (or, for
"from the same base", the origin) of the last movement told before it in the text is its own.

Only a clause that has no place in that role takes one, and only from a claim told before it (in its sentence or
an earlier one). Written from the grammar of the four languages, tested on invented sentences
(``tests/claims/test_same_place.py``).
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.model import Claim
from liftwatch.claims.sentences import Sentence

_NOUN_EN = r"(?:destination|airport|air\s*base|airfield|base|port|harbou?r|place)"
_NOUN_FR = r"(?:destination|aéroport|base(?:\s+aérienne)?|port|endroit)"
_NOUN_AR = r"(?:الوجهة|المطار|القاعدة|الميناء|المكان)"
_SAME_TO = re.compile(
    rf"\b(?:to|towards|for|at|in)\s+the\s+same\s+{_NOUN_EN}\b|"
    rf"\b(?:vers|à|pour|dans|sur)\s+(?:la\s+même|le\s+même)\s+{_NOUN_FR}\b|\bau\s+même\s+{_NOUN_FR}\b|"
    r"\bтуда\s+же\b|\bв\s+тот\s+же\s+(?:аэропорт|порт|пункт|город)\b|"
    rf"(?:إلى|الى|في)\s+{_NOUN_AR}\s+(?:ذاته|ذاتها|نفسه|نفسها)",
    re.I,
)
_SAME_FROM = re.compile(
    rf"\bfrom\s+the\s+same\s+{_NOUN_EN}\b|\b(?:depuis|de)\s+(?:la\s+même|le\s+même)\s+{_NOUN_FR}\b|"
    rf"\bdu\s+même\s+{_NOUN_FR}\b|\bоттуда\s+же\b|\bиз\s+того\s+же\s+(?:аэропорта|порта|пункта|города)\b|"
    rf"من\s+{_NOUN_AR}\s+(?:ذاته|ذاتها|نفسه|نفسها)",
    re.I,
)


# the Arabic "self" that makes a noun "the same" ("المطار ذاته"), which the name reader may take for a place
_SELF = re.compile(r"^(?:ذاته|ذاتها|نفسه|نفسها)$")


def same_place(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """Give a claim whose sentence names its goal (or its origin) as "the same" the goal (origin) of the last
    claim told before it."""
    told: list[Claim] = []
    for sent, made in zip(sentences, per_sentence, strict=True):
        for role, pat in (("destination", _SAME_TO), ("origin", _SAME_FROM)):
            if not pat.search(sent.text):
                continue
            for k, c in enumerate(made):
                setattr(c, role, [p for p in getattr(c, role) if not _SELF.match(p.text.strip())])
                if getattr(c, role):
                    continue
                before = [x for x in told + made[:k] if getattr(x, role)]
                if not before:
                    continue
                places = getattr(before[-1], role)
                setattr(c, role, [dataclasses.replace(p, qualifiers=list(p.qualifiers)) for p in places])
        told += made
