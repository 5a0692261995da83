"""A return told with the delivery it ends: "landed back at X after delivering aid to Y" is two movements.

English tells a round trip from its end: "the C-130 landed back at Chaklala after delivering relief goods to
Iran", "the ship returned to Karachi after unloading its cargo in Aden", "flew home after dropping off the team
at Y". The words after "after" tell a delivery the carrier made at Y; the verb of return tells the way back. The
corpus reads both (rule 26: a movement "back" to a place has that place as the origin of the outbound leg and the
goal of the return): the outbound leg, from X to Y, and the return, from Y to X. The clause reader gives Y the
role its cue gives it (``DELIVERY_ORIGIN``: where the carrier delivered is where it came from), so one claim
reads Y to X: the return. Here the outbound leg is added, with the same carriers, actor, count and dates (the
text dates the trip by its return).

Where the clause tells the carrier's origin before "after" ("left Fiji for China after delivering supplies to
Tonga"), Y was reached on an earlier leg and is no origin of this one: it is taken out of the claim's origins.

Also where a carrier comes back "after six months in the Red Sea" or "after a deployment in the Arabian Sea": the
place of the stay is where the return began (``STAY_ORIGIN``), and the stay adds no leg.

Written from the grammar of English returns (a verb of return, "after" and a participle of delivering), not from
one report's wording; tested on invented sentences (``tests/claims/test_return_trips.py``).
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from liftwatch.claims.model import Claim, Place

if TYPE_CHECKING:  # the cues below are read by ``cues.py``, which ``sentences.py`` imports
    from liftwatch.claims.sentences import Sentence

_DELIVERING = (
    r"(?:after|following)\s+(?:having\s+)?(?:delivering|delivered|dropping\s+off|dropped\s+off|unloading|unloaded|"
    r"offloading|offloaded|bringing|brought)"
)
# the load between the participle and the place's preposition: words, never a verb of motion or a new clause
_LOAD = (
    r"(?:(?!(?:landed|arrived|flew|flown|sailed|returned|headed|left|departed|docked|then|before)\b)"
    r"[\w'’-]+\s+){0,10}"
)
# a role cue (``cues.ORIGIN_CUES``): the place a carrier delivered to before the clause's movement is where that
# movement began; greedy, so that the last preposition before the place is the cue ("for the earthquake-hit
# areas of Iran")
DELIVERY_ORIGIN = rf"{_DELIVERING}\s+{_LOAD}(?:to|for|of|in|at|into)"
# a role cue (``cues.ORIGIN_CUES``): "after six months in the Red Sea", "following a deployment in the Arabian Sea"
STAY_ORIGIN = (
    r"(?:after|following)\s+(?:(?:a|an|the|its|their|her|his)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:months?|weeks?|deployments?|tours?|patrols?|stays?)\s+(?:(?:of\s+)?(?:[\w'’-]+\s+){0,3}?)(?:in|off)"
)

_DELIVERY = re.compile(rf"\b{_DELIVERING}\b", re.I)
# a verb of return before the delivery: "returned (to)", "landed back at", "flew home"
_RETURN = re.compile(
    r"\b(?:return(?:ed|ing|s)?|(?:landed|flew|flown|flying|arrived|arriving|came|coming|sailed|sailing|headed|heading|"
    r"went|going|touched\s+down)\s+(?:back|home))\b",
    re.I,
)


def _key(p: Place) -> tuple[str, str]:
    return (p.kind, p.id or p.text)


def _copy(p: Place) -> Place:
    return dataclasses.replace(p, qualifiers=list(p.qualifiers))


def return_trips(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> list[Claim]:
    """The outbound leg of every return told with its delivery (see the module docstring), added to its
    sentence's claims; returns the claims added (for the article's list)."""
    added: list[Claim] = []
    for sent, made in zip(sentences, per_sentence, strict=True):
        after = _DELIVERY.search(sent.text)
        if after is None or not made:
            continue
        cut = sent.start + after.start()
        told = {_key(r.mention.place) for r in sent.roles if r.role is not None and r.mention.start < cut}
        delivered = {
            _key(r.mention.place)
            for r in sent.roles
            if r.role == "origin" and r.mention.start >= sent.start + after.end()
        }
        if not delivered:
            continue
        back = _RETURN.search(sent.text, 0, after.start()) is not None
        new: list[Claim] = []
        for c in made:
            ys = [p for p in c.origin if _key(p) in delivered]
            if not ys:
                continue
            if any(_key(p) in told for p in c.origin):
                c.origin = [p for p in c.origin if _key(p) not in delivered]  # reached on an earlier leg
                continue
            if not back or len(c.destination) > 1:
                continue
            out = c.copy(
                origin=[_copy(p) for p in c.destination],
                destination=[_copy(p) for p in ys],
                via=[],
                possible=[],
                assets=[dataclasses.replace(a) for a in c.assets],
            )
            new.append(out)
        made += new
        added += new
    return added
