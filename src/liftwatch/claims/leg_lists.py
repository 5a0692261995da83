"""A list of counted legs whose verb and goal come last: every item lands where the list says.

"So far, 41 flights from the UAE, 13 from Turkey, four from China and one from Jordan have landed in Pakistan",
"12 vols depuis la France, trois depuis l'Italie ont atterri au Mali", "18 рейсов из Китая, два из Ирана прибыли
в Пакистан": ``clauses.py`` cuts such a list into one clause per item, so that each is a movement of its own,
counted by its number. The first item keeps the sentence's subject; when the verb and the destination close the
list, only the last clause holds the destination, and every other item would be a movement to nowhere. The
destination of the last clause is the whole list's: it is given to every item of the same sentence that names
none (an item with a destination of its own keeps it).

Written from how such tallies are phrased in any language (counts, each with its origin, and one verb for all),
not from one report's wording.
"""

from __future__ import annotations

import dataclasses

from liftwatch.claims.clauses import counted_item
from liftwatch.claims.model import Claim
from liftwatch.claims.sentences import Sentence


def _runs(sentences: list[Sentence]) -> list[list[int]]:
    """Indices of the clauses of each sentence that was cut into at least two items of a counted list."""
    runs: list[list[int]] = []
    for i, sent in enumerate(sentences):
        if sent.continues and runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [r for r in runs if sum(counted_item(sentences[i].text) is not None for i in r[1:]) >= 2]


def share_list_destination(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """Give the destination the last clause of a list of counted legs names to the list's items that name none
    (see the module docstring). Each item gets its own copy of the places."""
    for run in _runs(sentences):
        last = per_sentence[run[-1]]
        told = {tuple((p.kind, p.id or p.text) for p in c.destination) for c in last}
        if len(told) != 1 or not last[0].destination:
            continue  # no goal closes the list, or its claims disagree on it
        for i in run[:-1]:
            for c in per_sentence[i]:
                if not c.destination and not c.possible and c.origin:
                    c.destination = [dataclasses.replace(p) for p in last[0].destination]
