"""A claim split into several by what its one sentence tells apart (parallel counted kinds, routes in a row).

A claim told by a single sentence may stand for several movements that sentence keeps apart; each reading of the
sentence (``parallel_kinds``, ``paired_routes``) says how, and the claim is split by it. Claims keep the text of
their sentences, not the sentences, so the sentence is found by its text, and it is read once however many claims
it told.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from liftwatch.claims.model import Claim
from liftwatch.claims.sentences import Sentence

T = TypeVar("T")


def split_by_sentence(
    claims: list[Claim],
    sentences: list[Sentence],
    read: Callable[[Sentence], list[T]],
    split: Callable[[Claim, list[T]], list[Claim]],
) -> list[Claim]:
    """Every claim told by one sentence, split by ``split`` with what ``read`` finds in that sentence; a claim of
    several sentences, or whose sentence ``read`` finds nothing in, stays as it is."""
    by_text = {s.text.strip(): s for s in sentences}
    found: dict[str, list[T]] = {}
    out: list[Claim] = []
    for c in claims:
        sent = by_text.get(c.sentences[0]) if len(c.sentences) == 1 else None
        if sent is None:
            out.append(c)
            continue
        if sent.text not in found:
            found[sent.text] = read(sent)
        parts = found[sent.text]
        out += split(c, parts) if parts else [c]
    return out
