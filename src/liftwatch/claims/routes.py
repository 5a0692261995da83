"""Routes as reporting writes them: a route noun followed by dashed names ("on the route Urumqi (ZWWW) - Minsk
(UMMS)", "по маршруту Новороссийск – Тартус – Новороссийск"), and a round trip told once ("and back",
"allers-retours", "туда и обратно", "ذهابا وإيابا"), which is two legs.

Rules over a sentence's place mentions and its words, as the rest of the role reading is: a dash between two
names after a route noun is the route's order, and the few round-trip phrases of four languages are a list.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.model import Claim

if TYPE_CHECKING:
    from liftwatch.claims.sentences import Sentence

# "on the route Urumqi (ZWWW) - Minsk (UMMS)", "по маршруту Новороссийск – Тартус – Новороссийск", "sur la ligne
# Bamako - Ouagadougou", "le vol Téhéran-Moscou", "على خط طهران - دمشق": a route written with dashes after a route noun
# is origin, stops and destination in order; a route that ends where it began is a round trip
ROUTE_NOUN = re.compile(
    r"(?:\broute|\bмаршрут\w*|\btrajet|\bligne|\bl['’]axe|\bitinéraire|\bcorridor|\bрейс\w*|\bvols?|\bliaisons?|"
    r"\bflights?|"
    rf"{AR_WORD_START}(?:خط|مسار){AR_WORD_END})\s*[\"«“]?\s*$",
    re.I,
)
_DASH = re.compile(r"\s*(?:\([^()]{1,12}\)\s*|\)\s*)?[-–—]\s*")
# a route noun after the dashed names: "the Tehran-Moscow route", "a Tehran-Moscow flight", "Moscow–Damascus flights"
ROUTE_AFTER = re.compile(
    r"^\s*(?:(?:air|sea|shipping|cargo|supply|charter)\s+)?(?:route|flights?|line|corridor|air\s*bridge|run|"
    r"service|connection|link|sorties?|voyages?|crossings?|rotations?)\b",
    re.I,
)


def dashed_route(sentence: Sentence) -> None:
    """Roles for a dashed route after a route noun (see ``ROUTE_NOUN``) or before one (``ROUTE_AFTER``: "the
    Tehran-Moscow route"); the roles the cues gave are replaced."""
    text = sentence.text
    heads = [r for r in sentence.roles if r.head is None]
    for i, first in enumerate(heads):
        a = first.mention.start - sentence.start
        chain = [first]
        for nxt in heads[i + 1 :]:
            last = chain[-1]
            tails = [r for r in sentence.roles if r.head is not None and r.head == sentence.roles.index(last)]
            end = max([last.mention.end, *(t.mention.end for t in tails)]) - sentence.start
            if not _DASH.fullmatch(text[end : nxt.mention.start - sentence.start]):
                break
            chain.append(nxt)
        last_end = chain[-1].mention.end - sentence.start
        noun = ROUTE_NOUN.search(text[max(0, a - 30) : a]) or ROUTE_AFTER.match(text[last_end:])
        if len(chain) < 2 or not noun:
            continue
        if len(chain) >= 3 and chain[-1].mention.place.id == chain[0].mention.place.id:
            sentence.round_trip = True
            chain[-1].role = None
            chain = chain[:-1]
        for k, r in enumerate(chain):
            r.role = "origin" if k == 0 else "destination" if k == len(chain) - 1 else "via"
        return


# "four flights on the route Urumqi - Minsk and back", "plusieurs allers-retours entre le Mali et Ouagadougou",
# "туда и обратно", "ذهابا وإيابا": the movement is told once and went both ways. ("N round trips between X and Y"
# stays one claim of 2N legs, as ``counts`` reads it.)
ROUND_TRIP = re.compile(
    r"\b(?:and|&)\s+back\b(?!\s+(?:to|in|at|from|home)\b)|\bthere\s+and\s+back\b|"
    r"\bback\s+and\s+forth\b|\ballers?[-\s]+(?:et\s+)?retours?\b|\bтуда\s+и\s+обратно\b|"
    r"\bи\s+обратно\b|ذهاب(?:ا|اً)?\s+و(?:إياب|اياب)(?:ا|اً)?",
    re.I,
)


def return_of(claim: Claim) -> Claim | None:
    """The leg back of a round trip told once: one origin and one destination swapped, the same carriers, actor,
    dates and count (a round trip is two legs, each flown as often as the trip). None when the claim has no
    single origin and destination to swap, or stops on the way (which way they are passed is not said)."""
    if len(claim.origin) != 1 or len(claim.destination) != 1 or claim.via or claim.possible:
        return None
    origin, dest = claim.origin[0], claim.destination[0]
    return claim.copy(
        origin=[dataclasses.replace(dest, qualifiers=list(dest.qualifiers))],
        destination=[dataclasses.replace(origin, qualifiers=list(origin.qualifiers))],
        assets=[dataclasses.replace(a) for a in claim.assets],
    )
