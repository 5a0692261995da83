"""A clause that tells the way back: its own leg, or the goal of the leg before it.

"L'avion est arrivé à Bangui depuis Khartoum, et est reparti pour Khartoum": the clause opened by a verb or a
participle of return is the same carrier's next leg, leaving from where the clause before ended, with that
clause's carriers, actor and dates where it names none. After a departure with no goal ("left Belarus, heading
back to Russia") the return is that leg's goal, not a leg. English returns told with the delivery they end
("landed back at X after delivering aid to Y") are ``claims.return_trips``. A French return told after "avant de"
("..., avant de retourner dans la région de Moscou") also says where the first leg came from (``came_from``).
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.clauses import BACK_FR, RETURN_PARTICIPLE, RETURN_VERB
from liftwatch.claims.model import Claim
from liftwatch.claims.sentences import Sentence

_RETURN = re.compile(
    rf"^\W*(?:(?:and|et|а|и|ثم|و)\s*(?:(?:est|a|sont|ont|then|later|затем|потом|ثم)\s+)?{RETURN_VERB}|"
    rf"{RETURN_PARTICIPLE})",
    re.I,
)


def participle_return(made: list[Claim], prev: list[Claim]) -> list[Claim]:
    """The claims of a clause opened on a participle of return ("..., returning to Tehran", "before returning to
    Larnaca"), given the claims of the clause before it. After a leg that reached a goal the return is a leg of its
    own (kept, ``return_legs`` gives it its origin); after a departure with no goal ("left Belarus, heading back to
    Russia") it is that leg's goal (folded into it); after a clause that claims nothing (a plan: "will continue
    with planned stops ... before returning to Vladivostok") it claims nothing either."""
    if not prev:
        return []
    last = prev[-1]
    if last.destination or last.possible:
        return made
    for c in made:
        last.destination += [p for p in c.destination if p not in last.destination]
        last.via += [p for p in c.via if p not in last.via]
    return []


# a French clause of going back after "avant de" ("..., avant de retourner dans la région de Moscou"): the verb says
# the carrier goes back where it came from
_BACK_HOME = re.compile(rf"^\W*{BACK_FR}", re.I)


def came_from(made: list[Claim], prev: list[Claim], clause: str) -> None:
    """ "Un Il-62M a fait escale à Lattaquié avant de retourner dans la région de Moscou": a carrier that goes back
    to a place came from it (rule 26), so the leg before the return, its origin untold, starts where the return
    ends. Only with one goal told for the return, and only where the leg before it reached a goal of its own."""
    if not prev or not _BACK_HOME.match(clause):
        return
    last = prev[-1]
    goals = {(p.kind, p.id or p.text) for c in made for p in c.destination}
    if last.origin or not last.destination or len(goals) != 1:
        return
    home = next(p for c in made for p in c.destination)
    last.origin = [dataclasses.replace(home, qualifiers=list(home.qualifiers))]


def return_legs(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """ "L'avion est arrivé à Bangui depuis Khartoum, et est reparti pour Khartoum": the return clause is the
    same carrier's next leg, leaving from where the clause before ended."""
    for i in range(1, len(sentences)):
        if not (sentences[i].continues and _RETURN.match(sentences[i].text)) or not per_sentence[i - 1]:
            continue
        prev = per_sentence[i - 1][-1]
        for c in per_sentence[i]:
            if not c.origin and prev.destination:
                last = prev.destination[-1]
                c.origin = [dataclasses.replace(last, qualifiers=list(last.qualifiers))]
            if not c.assets:
                c.assets = [dataclasses.replace(a) for a in prev.assets]
            if c.actor is None and prev.actor is not None:
                c.actor, c.actor_countries, c.actor_operators = prev.actor, prev.actor_countries, prev.actor_operators
            if not c.times:
                c.times = list(prev.times)
