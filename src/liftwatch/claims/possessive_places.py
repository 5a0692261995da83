"""A place named after its owner's possessive: "arrived in Russia's Far Eastern port of Vladivostok", "landed in
Libya's strategic Sirte city", "between the UAE and Chad's Amdjarass Airport".

English puts the state or city that holds a place between the role cue and the place. Role reading takes the words
right before a place, and a possessive with an adjective or two after it is neither a cue nor filler, so the place
got no role and the movement could be lost. Two cases are read here:

- the possessor is itself a place the gazetteer found ("Russia's", "Libya's"): the place it holds takes the
  possessor's role when at most three words stand between, none of them a cue or a verb of motion (``owned_gap``;
  with nothing between, the sentence reader did so already);
- the possessor is a name the gazetteer did not take as a place (a state told in a form it leaves to other
  readers, a city named only as the owner of its airport) inside a list or a route's two ends ("between the UAE
  and Chad's Amdjarass Airport"): the possessive phrase is set aside and the coordination read
  (``without_possessor``). After a bare cue ("returned from Saudi Arabia's Jeddah") the same reading was measured
  and left out: the places came right, but the movements they completed were merged into others or taken for a
  second leg's goal, and fewer fields were right.

Hand-written because the forms are few and a parser of English possessives is not among the project's
dependencies.
"""

from __future__ import annotations

import re

from liftwatch.claims.cues import MOVE

# "'s" and up to three words before the place: adjectives and a facility noun ("Far Eastern port of", "strategic")
_GAP = re.compile(r"['’]s\s+((?:[\w-]+\s+){0,3}?)", re.I)
# a capitalised name of one to three words with its possessive, then the gap, at the end of the words before a place
_NAMED_POSSESSOR = re.compile(r"(?:(?<=\s)|^)(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['’]s\s+((?:[\w-]+\s+){0,3}?)$")
# words that say the gap is a clause of its own, not the possessed place's description
_NOT_DESCRIPTION = re.compile(
    r"\b(?:to|from|for|in|at|into|via|through|towards?|and|or|but|who|which|that|said|says|is|was|are|were|has|"
    r"had|have)\b",
    re.I,
)


def _describes(words: str) -> bool:
    """Whether ``words`` (between a possessive and a place) only describe the place: no cue, no verb."""
    return not _NOT_DESCRIPTION.search(words) and not MOVE.search(words)


def owned_gap(between: str) -> bool:
    """Whether ``between`` (the text from a place's end to the next place) is its possessive and at most three
    describing words: "'s ", "'s strategic ", "'s Far Eastern port of "."""
    m = _GAP.fullmatch(between)
    return m is not None and _describes(m.group(1))


def owned_after(name: str, between: str) -> bool:
    """Whether the place after ``name`` is owned by it: ``owned_gap`` with the possessive read either in
    ``between`` or at the end of ``name`` ("Pakistan's" then " southern ": a reader of capitalised names keeps the
    "'s" with the name it ends, and the describing words alone are left between)."""
    if re.search(r"['’]s$", name) and not re.match(r"['’]s\b", between):
        between = "'s" + between
    return owned_gap(between)


def without_possessor(pre: str) -> str | None:
    """``pre`` (the words before a place) without the possessive name that ends it ("returned from Saudi
    Arabia's " -> "returned from "), or None when it ends with no such name."""
    m = _NAMED_POSSESSOR.search(pre)
    if m is None or not _describes(m.group(1)):
        return None
    return pre[: m.start()]
