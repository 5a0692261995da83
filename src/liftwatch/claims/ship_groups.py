"""A naval group told by its make-up in a sentence of its own: the group's movements are its named ships'.

"The fleet docked at Port Sudan. The fleet comprises the destroyer X and the supply ship Y": English reporting
names a group of warships ("fleet", "flotilla", "task force", "squadron", "convoy") where it moves and says in
another sentence which ships make it up ("comprises", "consists of", "is made up of", "is composed of"). Read
sentence by sentence, the movement had no carrier and took whatever the article named elsewhere. A movement whose
sentence names the group and no carrier of its own is the named ships' of the make-up, all of them together (rule
51 of ``tests/data/articles/README.md``: ships named together sail as one claim, counted).

A make-up that names no ship ("also composed of a destroyer and a logistical vessel") gives nothing, and a
movement that names carriers of its own keeps them. Tested on invented sentences
(``tests/claims/test_round_after_set30_en.py``).
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.assets import find_assets
from liftwatch.claims.model import AssetRef, Claim
from liftwatch.claims.sentences import Sentence

_GROUP = r"(?:fleet|flotilla|task\s+force|task\s+group|squadron|convoy|naval\s+group|detachment)"
_GROUP_NOUN = re.compile(rf"\b{_GROUP}\b", re.I)
# the group, then (up to a few words on) the verb that tells what it is made of
_MADE_OF = re.compile(
    rf"\b{_GROUP}\b[^.;]{{0,60}}?\b(?:comprises|comprised|consists\s+of|consisted\s+of|(?:is|was)\s+made\s+up\s+of|"
    r"(?:is|was)\s+composed\s+of|includes|included)\b",
    re.I,
)


def _members(sentences: list[Sentence]) -> list[AssetRef]:
    """The named ships of the one make-up sentence the article tells; none when it tells none or several."""
    found: list[list[AssetRef]] = []
    for sent in sentences:
        m = _MADE_OF.search(sent.text)
        if m is None:
            continue
        ships = [a for s, _, a in find_assets(sent.text) if s >= m.end() and a.ship_name]
        if len(ships) >= 2:
            found.append(ships)
    return found[0] if len(found) == 1 else []


def group_members(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """Give a movement told of a group, with no carrier of its own, the ships its make-up names."""
    ships = _members(sentences)
    if not ships:
        return
    for sent, made in zip(sentences, per_sentence, strict=True):
        if _MADE_OF.search(sent.text) or not _GROUP_NOUN.search(sent.text):
            continue
        for c in made:
            if not c.assets:
                c.assets = [dataclasses.replace(a) for a in ships]
                if c.min_count is None:
                    c.min_count = c.max_count = len(ships)
