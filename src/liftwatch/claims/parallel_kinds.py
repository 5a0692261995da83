"""Kinds counted one after the other, each with places of its own: one movement per kind.

"Türkiye deployed three C-130 for evacuating the citizens from Wadi Sayidna and two A400M from Port Sudan", "trois
Il-76 vers Bangui et deux An-124 vers Bamako", "два Ил-76 из Хмеймима и один Ан-124 из Чкаловского": one sentence
tells two movements in parallel, each a kind with its own figure (rule 18 of ``tests/data/articles/README.md``) and
its own leg. Read as one claim, the counts add up ("three + two") and the places of both legs pile onto one movement,
which then merges with whatever shares any of them. Split here, before merging, each kind keeps its own figure and
the places told after it (up to the next kind); places told before the first kind (the shared subject's "from
Russia") belong to all of them.

The split needs the grammar to be unambiguous: every kind opens on a figure of its own, and every kind's stretch of
the sentence names a place of its own. "Two Il-76 and three An-124 flew to Latakia" (the place after the last kind
only) tells both kinds on one route: a make-up (``group_makeup.py``) or one claim, not this split.

Written from the grammar of parallel counted legs in general, tested on invented sentences
(``tests/claims/test_parallel_kinds.py``).
"""

from __future__ import annotations

from typing import NamedTuple

from liftwatch.claims.assets import find_assets
from liftwatch.claims.counts import figure_before
from liftwatch.claims.lexicon import CLASS_ASSETS
from liftwatch.claims.model import AssetRef, Claim, Place
from liftwatch.claims.sentence_splits import split_by_sentence
from liftwatch.claims.sentences import Sentence

_ROLES = ("origin", "destination", "via", "possible")


def _same(p: Place, q: Place) -> bool:
    """The claim's place is the mention's: by the words, since adapting a place to the carrier's kind ("Port Sudan"
    the port or the airport) may have changed its key."""
    return p.text == q.text


class Leg(NamedTuple):
    """One kind of a sentence of parallel legs: its carrier, its figure and words, the places of its stretch."""

    asset: AssetRef
    figure: int
    words: str
    places: list[Place]


def parallel_legs(sent: Sentence) -> list[Leg]:
    """The kinds a sentence counts one after the other, each with places of its own; empty when the sentence does
    not tell parallel legs (see module docstring)."""
    text = sent.text
    kinds = [(a, x) for a, _, x in find_assets(text) if x.label not in CLASS_ASSETS]
    if len(kinds) < 2 or len({x.label for _, x in kinds}) != len(kinds):
        return []
    figures = [figure_before(text, a) for a, _ in kinds]
    placed = [(r.mention.start - sent.start, r.mention.place) for r in sent.roles if r.role and r.head is None]
    bounds = [a for a, _ in kinds] + [len(text)]
    own = [[p for at, p in placed if bounds[i] <= at < bounds[i + 1]] for i in range(len(kinds))]
    if not all(own):
        return []
    legs = []
    for (_, asset), figure, places in zip(kinds, figures, own, strict=True):
        if figure is None:
            return []
        legs.append(Leg(asset, figure[0], figure[1], places))
    return legs


def _own_places(part: Claim, claim: Claim, leg: Leg, legs: list[Leg]) -> None:
    """``part`` keeps of ``claim``'s places those of its own leg and those no leg holds (told before the kinds)."""
    others = [p for x in legs for p in x.places]
    for role in _ROLES:
        kept = [
            p
            for p in getattr(claim, role)
            if any(_same(p, q) for q in leg.places) or not any(_same(p, q) for q in others)
        ]
        setattr(part, role, kept)


def split_parallel_kinds(claim: Claim, legs: list[Leg]) -> list[Claim]:
    """The claim told by a sentence of parallel ``legs``: one claim per kind, each with its figure and leg; a claim
    of one of the kinds (a make-up already split it) keeps its own leg's places only."""
    labels = [a.label for a in claim.assets if a.label not in CLASS_ASSETS]
    mine = [x for x in legs if x.asset.label in labels]
    if not mine or len(mine) != len(labels):
        return [claim]
    if len(mine) == 1:
        part = claim.copy()
        _own_places(part, claim, mine[0], legs)
        return [part]
    out: list[Claim] = []
    for leg in mine:
        part = claim.copy(assets=[leg.asset], min_count=leg.figure, max_count=leg.figure, count_text=leg.words)
        part.carriers = None
        _own_places(part, claim, leg, legs)
        out.append(part)
    return out


def split_parallel(claims: list[Claim], sentences: list[Sentence]) -> list[Claim]:
    """Every claim told by one sentence, split by kind where that sentence tells parallel counted legs."""
    return split_by_sentence(claims, sentences, parallel_legs, split_parallel_kinds)
