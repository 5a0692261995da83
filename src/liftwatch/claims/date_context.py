"""The words around a claim's date: the test several window rules share.

``departures``, ``port_calls`` and ``under_way`` each read a grammatical word (of leaving, of a call, of a voyage going
on) beside the claim's one date; they share what "one date" is and where "beside" ends, here.
"""

from __future__ import annotations

from collections.abc import Iterator

from liftwatch.claims.timeparse import TimeSpan


def one_date(spans: list[TimeSpan]) -> bool:
    """``spans`` are one date, however often the text repeats it."""
    return len({(t.start, t.end) for t in spans}) == 1


def beside(sentences: list[str], t: TimeSpan, near: int) -> Iterator[str]:
    """The text within ``near`` characters either side of ``t`` in each of ``sentences`` that tells it."""
    for s in sentences:
        at = s.find(t.text)
        if at >= 0:
            yield s[max(0, at - near) : at + len(t.text) + near]
