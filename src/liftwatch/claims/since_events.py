"""A span opened by "since" an event the text dates: "since Moscow began its assault on Ukraine in February", "since
a dispute broke out last month", "depuis le début de la guerre civile, qui a débuté en avril 2023", "منذ اندلاع
الحرب منتصف أبريل 2023".

"Since" straight before a date ("since April", "depuis le 5 mars", "منذ 25 مارس") is read where the date is
(``relative.SINCE``). Reporters as often put the event between the two: the start, the outbreak or the beginning of
a war, an operation or an airlift, and its date after it. What the sentence counts since then (flights landed, tonnes
delivered, an air bridge going on) runs from that date to the report, as "since <date>" does (rule 4 of the corpus: a
voyage or a practice still under way ends with the report). The test is the words of beginning after "since": a
noun of starting ("the start of", "le début de", "اندلاع", "بداية") or a verb of starting ("began", "broke out"),
within the clause that holds the date; "since" an event that is no beginning ("since Dunkirk", "since late last
year") is left to the reading of the date itself. Russian's "с момента" and "с начала" are not read: on the
development corpus they named the day a force left or a base reopened, which dates no movement counted since.
"""

from __future__ import annotations

import re

# "since" and the words of a beginning after it, then no end of a clause up to the date (the search ends where the
# date begins)
SINCE_EVENT = re.compile(
    r"(?:\bsince\s+(?:the\s+)?(?:start|beginning|outbreak|onset|launch)\s+of\b"
    r"|\bsince\s+(?:[\w’'-]+\s+){1,8}?(?:began|broke\s+out|erupted|started)\b)[^.;:!?\n]{0,60}$"
    r"|\bdepuis\s+(?:le\s+|la\s+|l['’]\s*)?(?:début|déclenchement|lancement|éclatement|commencement)\b[^.;:!?\n]{0,70}$"
    r"|(?<![^\W\d_])منذ\s+(?:اندلاع|بداية|بدء|انطلاق|أن\s+(?:بدأ|اندلع)\w*)(?![^\W\d_])[^.؛:!?\n]{0,70}$",
    re.I,
)
_REACH = 140  # characters before the date searched for "since" and its event


def since_event(text: str, pos: int) -> bool:
    """Whether the date at ``pos`` of ``text`` closes "since <the beginning of an event>": the date is when it
    began, and the span it opens runs to the report."""
    return SINCE_EVENT.search(text[max(0, pos - _REACH) : pos]) is not None
