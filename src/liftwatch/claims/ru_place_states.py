"""A Russian state's name after a preposition is a place, not a mover.

"после землетрясения в Турции и Сирии", "доставкам грузов из России в Сирию через территорию Турции", "не смогли
приземлиться в Газиантепе на юге Турции": a state named by its noun in a prepositional phrase is where something
happens or goes, whether or not the sentence gives that place a role; the mover is a state named as the subject
("Россия перебрасывает"), by an adjective on the carrier ("российский военный самолёт") or by its forces ("ВМФ
России"). The annotation's rule 16 gives aircraft said only to come from a state no actor, and the place readers
keep every such state as a place. Only a capitalised noun counts (an adjective, "российский", is read by the
other rules), and at most two lowercase words may stand between the preposition and the name ("через территорию",
"на юге", "в северной части").
"""

from __future__ import annotations

import re

_PREPOSITION_BEFORE = re.compile(
    r"(?:^|[\s(«\"])(?:в|во|из|изо|на|через|до|к|ко|от|ото|у|около|возле|вблизи|над|по|под|против|между)"
    r"\s+(?:[а-яё-]+\s+){0,2}$",
    re.I,
)
_CAPITALISED_NOUN = re.compile(r"[А-ЯЁ][а-яё]+")


def state_as_place(text: str, start: int, end: int) -> bool:
    """Whether the state's name ``text[start:end]`` is a noun in a prepositional phrase ("в Турции", "из России",
    "через территорию Турции"): a place, not the movement's actor."""
    word = text[start:end]
    if _CAPITALISED_NOUN.fullmatch(word) is None or re.search(r"ск\w*$", word):
        return False
    before = text[max(0, start - 60) : start]
    m = _PREPOSITION_BEFORE.search(before)
    if m is None:
        return False
    between = before[m.end() - len(before) :] if m.end() < len(before) else ""
    return not any(w[:1].isupper() for w in between.split())
