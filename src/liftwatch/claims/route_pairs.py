"""A route written as two names joined by a dash: "the Tehran-Moscow route", "a Tehran–Moscow flight", "le vol
Téhéran-Moscou", "рейсы Москва — Дамаск".

Reporting names a route by its two ends joined by a hyphen or a dash, beside a route noun before ("la ligne",
"рейсы", "خط") or after it ("route", "flight", "corridor", "air bridge"). Written tight ("Tehran-Moscow"), the
pair reads as one capitalised name, which no gazetteer knows, so neither end was found. Here a dashed name beside
a route noun that the kb does not know as a whole is cut at each of its dashes, and where both sides are places
the kb knows, both are mentions; ``routes.dashed_route`` then gives the first the origin and the last the
destination. A name with a hyphen of its own ("Oust-Louga–Baltiïsk", "Al-Jufra") is cut only at a dash that leaves
two known places.

Written from the grammar of route names in general and tested on invented sentences
(``tests/claims/test_route_pairs.py``).
"""

from __future__ import annotations

import re

from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.claims.routes import ROUTE_AFTER, ROUTE_NOUN

_CAP = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’]*"
# a run of capitalised words joined by hyphens or dashes, with or without spaces around a dash: "Tehran-Moscow",
# "Oust-Louga–Baltiïsk", "Москва — Дамаск", "Moscow – Latakia"
_DASHED = re.compile(rf"(?<![\w-]){_CAP}(?:\s?[-–—]\s?{_CAP}|[-–—]{_CAP}|\s[–—]\s{_CAP})+(?![\w-])")
_DASH = re.compile(r"\s?[-–—]\s?")


def route_pair_mentions(text: str, gaz: Gazetteer, taken: Taken) -> list[Mention]:
    """The two ends of every dashed route name beside a route noun (see the module docstring) not yet found."""
    out: list[Mention] = []
    for m in _DASHED.finditer(text):
        if not (ROUTE_NOUN.search(text[max(0, m.start() - 30) : m.start()]) or ROUTE_AFTER.match(text[m.end() :])):
            continue
        run = m.group(0)
        if not re.search(r"\s", run) and gaz.lookup(run) is not None:
            continue  # "Ust-Luga", "Al-Jufra": one name (a spaced dash never joins one name's words)
        for d in _DASH.finditer(run):
            left, right = run[: d.start()], run[d.end() :]
            first, second = gaz.lookup(left), gaz.lookup(right)
            if first is None or second is None or first.id == second.id:
                continue
            a, b = m.start(), m.start() + d.start()
            c, e = m.start() + d.end(), m.end()
            for x, y, place in ((a, b, first), (c, e, second)):
                if taken.free(x, y):  # an end the gazetteer found already keeps its mention
                    out.append(Mention(x, y, place, "candidate"))
                    taken.add(x, y)
            break
    return out
