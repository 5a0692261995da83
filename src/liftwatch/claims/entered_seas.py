"""A sea a carrier is told entering: its goal when the text tells none beyond, else a stage on the way, no place.

The annotation's rule 52: "entered the Mediterranean", "вошёл в Чёрное море", "ودخلت مياه البحر الأبيض المتوسط",
"est entrée en mer Noire" with no goal told beyond is where the text follows the carrier to, its destination; a
strait or canal passed stays a via. Where the text tells a goal beyond the sea (the next sentence's "heading for
Tartus"), the sea is a stage on the way there and no place of the claim, as where one clause names both. The sea
is marked as entered when its clause is read, so that merging can tell a sea on the way from a second goal.

A sea entered with no passage beside it is left without a role when its clause is read (``strait_told``): most often
another sentence tells the goal beyond it. Where no clause of the whole article tells any goal, that reason is gone,
and rule 52 makes the sea the destination (``goal_where_none_beyond``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Protocol

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import Mention
from liftwatch.claims.water import is_passage


class _Placed(Protocol):
    """A clause's place with its role (``sentences.Role``)."""

    role: str | None
    mention: Mention


class _Clause(Protocol):
    """A clause with its places' roles (``sentences.Sentence``)."""

    @property
    def text(self) -> str: ...

    @property
    def roles(self) -> Sequence[_Placed]: ...


ENTERED_NOTE = "a sea entered"
# how far apart (characters) a strait passed and the sea entered are told as one transit
_BESIDE = 60


def entered(place: Place) -> Place:
    """``place`` marked as a sea the carrier is told entering."""
    return replace(place, note=f"{place.note}; {ENTERED_NOTE}" if place.note else ENTERED_NOTE)


def is_entered(place: Place) -> bool:
    return ENTERED_NOTE in place.note


def strait_told(sea: _Placed, roles: Sequence[_Placed]) -> bool:
    """Whether the clause tells a strait or canal passed (a via) beside the sea entered: "passed the Bosphorus and
    entered the Mediterranean", "вошёл в Средиземное море через Суэцкий канал" tell a transit whose end is the sea.
    A sea entered with no passage beside it ("entered the Black Sea on Tuesday", "after entering the Black Sea, ...
    will enter Sevastopol"), or with one named only further on ("est entrée en mer Noire, ont annoncé les sites qui
    surveillent le passage par le Bosphore"), is more often a stage of a voyage whose goal another sentence tells,
    or a sighting, than the goal itself."""
    return any(
        r.role == "via"
        and is_passage(r.mention.place)
        and max(r.mention.start - sea.mention.end, sea.mention.start - r.mention.end) <= _BESIDE
        for r in roles
    )


def goals_beyond(places: list[Place]) -> list[Place]:
    """The destinations that are no sea merely entered."""
    return [p for p in places if not is_entered(p)]


def goals_agree(xs: list[Place], ys: list[Place], agree: Callable[[list[Place], list[Place]], bool]) -> bool:
    """Whether two claims' destinations allow one movement, by the test ``agree``: a sea entered and a goal beyond
    it are one voyage; goals beyond the seas are tested against each other, and two seas entered alone likewise."""
    gx, gy = goals_beyond(xs), goals_beyond(ys)
    if gx and gy:
        return agree(gx, gy)
    return True if gx or gy else agree(xs, ys)


def seas_on_the_way(c: Claim) -> None:
    """Take out of the claim's destinations each sea entered that a goal beyond it makes a stage on the way, as a
    clause that names both drops it ("через Босфор в Средиземное море, в сирийский порт Тартус")."""
    if any(is_entered(p) for p in c.destination) and goals_beyond(c.destination):
        c.destination = goals_beyond(c.destination)


def goal_where_none_beyond(clauses: Sequence[_Clause], moving: Callable[[str], bool]) -> None:
    """Give each sea entered alone (marked, left with no role by its clause) the destination role where no clause of
    the article that tells a movement (``moving``, the reader's test of a verb of motion) tells a goal (rule 52: "HMS
    Echo had entered the Black Sea", the article naming no port or state it sailed on to). One goal told in any
    movement, even another carrier's, keeps every such sea without a role, as before: a sea entered on the way to a
    port another sentence names is no place of the claim, and an article of several movements is where that happens.
    A goal in a clause of no movement ("contribute to the Black Sea region's security") is no voyage's end."""
    placed = [r for c in clauses if moving(c.text) for r in c.roles]
    if any(r.role == "destination" and not is_entered(r.mention.place) for r in placed):
        return
    for r in (r for c in clauses for r in c.roles):
        if r.role is None and is_entered(r.mention.place):
            r.role = "destination"
