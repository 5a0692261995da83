"""A carrier that lands somewhere and leaves again: two movements, the arrival and the departure.

Reporting tells a turnaround in one clause ("arrived and departed from X", "filmés à l'atterrissage et au
décollage à X", "приземлился и взлетел в X", "هبطت وأقلعت من X") or adds the departure with no place of its
own after the arrival ("landed at X ..., before departing westward", "est arrivé à X avant de repartir",
"приземлился в X и через час улетел", "هبطت في X ثم أقلعت"). Either way the place is where one movement ends and
the next begins, and a check against tracks looks for both: the landing (X as destination) and the take-off (X
as origin). The sentence reader gives the place one role only, so the other movement is added here, with the
same carriers, actor, dates and count.

Written from the grammar of the four languages (a coordinated pair of an arrival and a departure verb, or a
departure verb with no place after it), not from the wording of one report.
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.sentences import Sentence

# an arrival and a departure verb coordinated, one place for both
_BOTH = re.compile(
    r"\b(?:arrived|landed|touched\s+down)\s+and\s+(?:then\s+|later\s+)?(?:departed|left|took\s+off)\b|"
    r"\blanding\s+and\s+take-?off\b|\blandings?\s+and\s+(?:take-?offs?|departures?)\b|\barrivals?\s+and\s+departures?\b|"
    r"\batterri\w*\s+(?:et|puis)\s+(?:a\s+|ont\s+|est\s+|sont\s+)?(?:re)?(?:décoll|parti)\w*|"
    r"\bà\s+l['’]atterrissage\s+et\s+au\s+décollage\b|\batterrissages?\s+et\s+(?:des?\s+|aux?\s+)?décollages?\b|"
    r"\bприземл\w+\s+и\s+(?:сразу\s+)?(?:взлет|взлёт|вылет|улет)\w*|\bпосадк\w+\s+и\s+взл[её]т\w*|"
    r"\bприлет\w+\s+и\s+(?:у|вы)лет\w*|"
    r"(?:ت|ي)?هبط\S*\s+و\s*(?:ت|ي)?[أا]?قلع\S*|(?:ال)?هبوط\s+و\s*(?:ال)?إقلاع|(?:ت|ي)?وصل\S*\s+و\s*(?:ت|ي)?غادر\S*",
    re.I,
)
# a departure verb after the arrival, with no place of its own (a direction word or a time may follow)
_LEFT_AGAIN = re.compile(
    r"\b(?:before|then|and(?:\s+then)?|later)\s+(?:\w+\s+){0,2}?"
    r"(?:departing|leaving|taking\s+off|departed|left|took\s+off|flew\s+out|flying\s+out)\b"
    r"(?!\s+(?:for|to|towards|from|the|its|a|an)\b)|"
    r"\b(?:avant\s+de|puis|et)\s+(?:est\s+|a\s+|sont\s+|ont\s+)?(?:repartir|reparti\w*|redécoll\w+|décoll\w+)\b"
    r"(?!\s+(?:pour|vers|à\s+destination|de|du|d['’]))|"
    r"\b(?:и|затем|потом|после\s+чего)\s+(?:\S+\s+){0,3}?(?:улетел\w*|вылетел\w*|взлетел\w*)\b"
    r"(?!\s+(?:в|во|на|из|к|обратно)\b)|"
    r"(?:ثم|قبل\s+أن|و)\s*(?:ت|ي)?(?:غادر|[أا]قلع)\S*(?!\s+(?:إلى|الى|نحو|باتجاه|متجه\S*|من)\b)",
    re.I,
)


def _copy(p: Place) -> Place:
    return dataclasses.replace(p, qualifiers=list(p.qualifiers))


def _same(a: Place, b: Place) -> bool:
    return (a.kind, a.id or a.text) == (b.kind, b.id or b.text)


def turnarounds(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> list[Claim]:
    """The other movement of every turnaround told in a sentence, added to that sentence's claims; returns the
    claims added (for the article's list)."""
    added: list[Claim] = []
    for sent, made in zip(sentences, per_sentence, strict=True):
        if not made:
            continue
        both = _BOTH.search(sent.text) is not None
        again = _LEFT_AGAIN.search(sent.text)
        new: list[Claim] = []
        for c in made:
            places = c.origin + c.destination + c.via + c.possible
            if both and len(places) == 1:
                (x,) = places
                other = (
                    {"origin": [], "destination": [_copy(x)]} if c.origin else {"origin": [_copy(x)], "destination": []}
                )
            elif again is not None and len(c.destination) == 1 and not c.via and not c.possible:
                x = c.destination[0]
                where = sent.text.find(x.text) if x.text else -1
                if where < 0 or again.start() < where:
                    continue  # the departure is told before the arrival: not this one's turnaround
                other = {"origin": [_copy(x)], "destination": []}
            else:
                continue
            if any(
                any(_same(p, q) for q in getattr(d, role)) for d in made + new for role, ps in other.items() for p in ps
            ):
                continue  # the sentence already made that movement
            new.append(c.copy(via=[], possible=[], assets=[dataclasses.replace(a) for a in c.assets], **other))
        made += new
        added += new
    return added
