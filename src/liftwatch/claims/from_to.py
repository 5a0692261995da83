"""A French route told by its two ends: "des vols de Téhéran à Beyrouth", "une ligne allant de Machulishchi à
Ekaterinbourg", "des armes de la Corée du Nord vers la Russie", "du Soudan vers l'Arabie saoudite".

French has no word for "from" that says only that: "de" is also the genitive ("l'aéroport de Bamako", "l'ambassade
de Russie à Khartoum"), so ``cues.ORIGIN_CUES`` cannot hold it alone. Joined to a goal, though, "de X ... Y" is the
route's start: after "de X", "vers Y" (always a heading) makes X the place left; "à Y"/"au Y" does so only where a
word of motion or a route noun governs the "de" ("vols de", "ligne allant de", "le trajet de"), since "de X à Y"
is also a genitive followed by a place where ("la base de Tartous à la Russie"). A name after "à" that only says
where the first one is ("l'aéroport de Caracas au Venezuela") is its qualifier and makes no route. A whole state
as the start needs the verb of motion even before "vers" ("évacués du Soudan vers l'Arabie saoudite"), since after
a noun of people "de" tells where they are from ("34 blessés de Somalie vers la Turquie"), and never starts a route
with "à" ("une ligne du Bélarus au Kazakhstan" was measured: the state where the annotation names the base in it).
Names the kb's aliases did not find are read as places where they stand as such a start or goal
(``candidates.candidate_mentions``), as after any cue.

Rules over the roles the cues gave (``sentences.assign_roles``), as ``routes.dashed_route`` is; tested on invented
sentences in ``tests/claims/test_round_after_set23_fr.py``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from liftwatch.claims.cues import MOVE
from liftwatch.claims.filler import fill_ok

if TYPE_CHECKING:
    from liftwatch.claims.model import Place
    from liftwatch.claims.sentences import Sentence

# the "de" of a route's start, then the words up to the place (the filler rules decide what may stand there)
_OF = re.compile(r"(?<![\w-])(?:de|du|des|d['’])(?=\s|(?<=['’]))", re.I)
# what joins the start to the goal: "vers", "en direction de", "à destination de" are always a heading; "à", "au",
# "jusqu'à", "pour" only after a word of motion
_HEADING = r"vers|(?:en\s+direction|à\s+destination)\s+(?:de|du|des|d['’])"
_TO_WORD = r"jusqu['’](?:à|au|aux)|à|au|aux|pour"
_ARTICLE = r"\s*(?:(?:la|le|les)\s+|l['’])?"
_TOWARDS = re.compile(rf"\s*,?\s*(?:{_HEADING}){_ARTICLE}", re.I)
_TO = re.compile(rf"\s*,?\s*(?:{_TO_WORD}){_ARTICLE}", re.I)
# a route noun or a verb of going before "de" ("vols de", "la ligne allant de", "le trajet de", "transportés de")
_ROUTE_WORD = re.compile(
    r"\b(?:vols?|lignes?|liaisons?|trajets?|itinéraires?|routes?|rotations?|navettes?|voyages?|traversées?|"
    r"allers?(?:-retours?)?|allant|allée?s?|pont\s+aérien)\b",
    re.I,
)


def _start_of_route(pre: str, need_motion: bool) -> bool:
    """Whether ``pre`` (the clause's words before a place) ends with "de" and filler ("de la base aérienne de"),
    and, when ``need_motion``, a route noun or a verb of motion stands among the four words before that "de"."""
    for m in _OF.finditer(pre):
        fill = pre[m.end() :]
        if len(fill.split()) > 6 or not fill_ok(fill):
            continue
        if not need_motion:
            return True
        before = " ".join(pre[: m.start()].split()[-4:])
        return bool(_ROUTE_WORD.search(before) or MOVE.search(before))
    return False


# a goal named after the join: a capitalised word, with its article
_GOAL_AFTER = re.compile(r"[A-ZÀ-ÖØ-Þ]")


def opens_route(text: str, a: int, b: int) -> bool:
    """Whether the name ``text[a:b]`` (not yet known as a place) opens a French route "de X vers/à Y": the name
    is then a place, as a name after a cue is (``candidates.candidate_mentions``)."""
    after = text[b : b + 60]
    towards = _TOWARDS.match(after)
    to = towards or _TO.match(after)
    if to is None or not _GOAL_AFTER.match(after, to.end()):
        return False
    return _start_of_route(text[max(0, a - 80) : a], need_motion=towards is None)


# the route's start and its join, right before the goal: "de la base de Machulishchi à " + "Ekaterinbourg"
_START_BEFORE = re.compile(
    r"(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:du|de|des)\s+[A-ZÀ-ÖØ-Þ][\w'’-]*)?)"
    rf"(?P<join>\s*,?\s*(?:{_HEADING}|{_TO_WORD}){_ARTICLE})$"
)


def ends_route(text: str, a: int) -> bool:
    """Whether a name starting at ``a`` is the goal of a French route "de X vers/à Y" whose start is named just
    before it."""
    m = _START_BEFORE.search(text[max(0, a - 80) : a])
    if m is None:
        return False
    start = max(0, a - 80) + m.start("name")
    return opens_route(text, start, start + len(m.group("name")))


def _whole_country(place: Place) -> bool:
    """A state or a region as a whole (not a city told by its ``city:`` key, not a site)."""
    return place.kind == "region" and not (place.id or "").startswith("city:")


def french_from_to(sentence: Sentence) -> None:
    """Give the start of a French route "de X vers/à Y" (see the module docstring) the origin, and its goal the
    destination where the cues gave it none."""
    roles, text = sentence.roles, sentence.text
    for i in range(len(roles) - 1):
        first, goal = roles[i], roles[i + 1]
        if first.role is not None or first.head is not None or goal.head is not None:
            continue
        if goal.role not in (None, "destination"):
            continue
        a = first.mention.start - sentence.start
        gap = text[first.mention.end - sentence.start : goal.mention.start - sentence.start]
        pre = text[max(0, a - 80) : a]
        if _TOWARDS.fullmatch(gap):
            # "de 34 blessés de Somalie vers la Turquie": a state after a noun of people says where they are from,
            # the route needs its verb of motion ("évacués du Soudan vers l'Arabie saoudite")
            need_motion = _whole_country(first.mention.place)
        elif _TO.fullmatch(gap) and not _whole_country(first.mention.place):
            need_motion = True  # "du Bélarus au Kazakhstan": two states may be a relation as well as a route
        else:
            continue
        if _start_of_route(pre, need_motion):
            first.role, goal.role = "origin", "destination"
