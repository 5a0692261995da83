"""Routes told one after the other in one sentence, each from its own origin to its own goal: one movement each.

"Two cargo planes flew from Cairo to Tripoli and from Cairo to Benghazi", "un avion de Niamey vers Bamako et un autre
de Niamey vers Gao", "самолёты из Москвы в Минск и из Москвы в Брест", "طائرة من عمان إلى بيروت، وطائرة أخرى من عمان
إلى دمشق": the sentence tells two legs, each with its own origin and destination (the corpus's rule 2: a leg of its
own, not a stop). Read as one claim, both goals pile onto one movement, which then stands for two.

The split needs the grammar to say so: every route is an origin straight followed by its destination, the second
route opened by a coordinator ("and", "et", "и", "а также", "و", with at most a carrier noun: "، وطائرة أخرى") and a
cue of origin ("from", "de", "из", "من"), and the routes end at different places. The same route told twice ("from
Iran to Russia ... from Iran to Russia") and a route with a stop ("from A to B, then to C") stay one claim.

A count the sentence gives for the carriers of all the routes together is split only when it equals the number of
routes (two planes on two routes: one each); otherwise the parts keep no count, the text not saying how the carriers
were shared. Tested on invented sentences (``tests/claims/test_series_legs.py``).
"""

from __future__ import annotations

import re

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.sentence_splits import split_by_sentence
from liftwatch.claims.sentences import Sentence

# what lies between one route's destination and the next route's origin: a coordinator, at most a few words (the
# carrier of the second route: "and another plane", "، وطائرة أخرى"), and a cue of origin
_NEXT_ROUTE = re.compile(
    r"^[\s,،]*(?:and|et|и|а\s+также|а|و)(?:\s+|(?=\S))(?:[^\s,.;،]+\s+){0,3}?"
    r"(?:from|de|d['’]|du|des|depuis|из|от|с|من)\s*(?:the\s+|la\s+|le\s+|l['’])?$",
    re.I,
)


def routes(sent: Sentence) -> list[tuple[Place, Place]]:
    """The (origin, destination) routes a sentence tells one after the other (see module docstring); empty when it
    does not tell at least two routes ending at different places."""
    heads = [r for r in sent.roles if r.head is None and r.role in ("origin", "destination")]
    if len(heads) < 4 or len(heads) % 2:
        return []
    out: list[tuple[Place, Place]] = []
    for i in range(0, len(heads), 2):
        o, d = heads[i], heads[i + 1]
        if o.role != "origin" or d.role != "destination":
            return []
        if i:
            gap = sent.text[heads[i - 1].mention.end - sent.start : o.mention.start - sent.start]
            if not _NEXT_ROUTE.match(gap):
                return []
        out.append((o.mention.place, d.mention.place))
    goals = {(d.kind, d.id or d.text) for _, d in out}
    return out if len(goals) == len(out) else []


def _pick(places: list[Place], mention: Place) -> list[Place]:
    """The claim's places told by ``mention``: by the words, since adapting a place to the carrier's kind may have
    changed its key."""
    return [p for p in places if p.text == mention.text]


def split_routes(claim: Claim, legs: list[tuple[Place, Place]]) -> list[Claim]:
    """One claim per route of ``legs``, each with its own origin and destination and the claim's other places; the
    claim as it is when its places are not the routes' (another reading already changed them)."""
    parts: list[Claim] = []
    for origin, goal in legs:
        o, d = _pick(claim.origin, origin), _pick(claim.destination, goal)
        if not o or not d:
            return [claim]
        part = claim.copy(origin=o, destination=d)
        if claim.min_count == claim.max_count == len(legs):
            part.min_count = part.max_count = 1
        elif claim.min_count is not None or claim.max_count is not None:
            part.min_count = part.max_count = None
            part.count_text = ""
        parts.append(part)
    return parts


def split_paired_routes(claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """Every claim told by one sentence of routes told one after the other, split into one claim per route."""
    return split_by_sentence(claims, sentences, routes, split_routes)
