"""Numbers before a carrier that count no carriers.

The count reader (:mod:`liftwatch.claims.counts`) takes a number before a carrier's noun as the carriers moved; some
numbers there close a figure of another kind, or count a group only one of whose carriers the sentence moves, and
counted, each fills a count the text never gives:

- the minutes of a clock: "at 15:30 the aircraft took off", "at 11.15 the plane landed";
- a class's designation: "the Type 45 destroyer", "a Type 23 frigate", "Project 22160", "корабль проекта 20380";
- the group one carrier is picked out of: "as one of the three warships, the X sailed", "the X is one of two Iranian
  ships", "l'un des deux navires", "один из трёх кораблей".

Measured and left out (``docs/claim-rounds.md``, the round after set 54 on wrong fields predicted): the day of an English
date ("on April 27 to send", "since August 6 showed") and "the first of five tankers": the wrong count had kept
the claim apart from another, and without it the two merged and lost right fields.
"""

from __future__ import annotations

import re

_PART_OF_FIGURE = re.compile(r"(?:\d[:.]|(?<![\w-])(?:[Tt]ype|[Pp]roje[ct]t?|[Пп]роекта?)\s+)$")

# "one of the three warships", "l'un des deux navires", "один из трёх кораблей": the number counts the group one
# carrier is picked out of, and the sentence tells that one's movement
_ONE_OF = re.compile(
    r"(?<![\w-])(?:one\s+of(?:\s+the)?|(?:один|одна|одно)\s+из|l['’]une?\s+des)\s+$",
    re.I,
)


def part_of_figure(before: str, number: str) -> bool:
    """Whether ``number``, which the text ``before`` leads up to, is digits that end a clock or a class's
    designation rather than count carriers. A number in words is never such a part."""
    return number[:1].isdigit() and _PART_OF_FIGURE.search(before[-24:]) is not None


def one_of_a_group(before: str) -> bool:
    """Whether the number that the text ``before`` leads up to counts the group a single carrier is picked out of
    ("As one of the three warships, the X sailed"): the carrier moved alone, so the number is no count of the
    movement. The count reader's own nouns ("one of four flights") were already read so; this reaches a number
    before any carrier ("one of two Iranian ships")."""
    return _ONE_OF.search(before[-40:]) is not None
