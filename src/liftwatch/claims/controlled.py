"""Places named by who holds them: "bases controlled by Haftar", "LNA-held airfields".

Such a phrase names no site, but the gazetteer knows which sites a force controlled on a date (``kb`` control
periods), so the mention stands for those sites as they were when the article was written.
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.lexicon import ACTORS
from liftwatch.claims.places import Gazetteer, Mention

CONTROLLED = re.compile(
    r"\b(?P<what>bases?|air\s*bases?|airfields?|facilities|areas?|territory|territories|sites|positions|strongholds)"
    r"\s+(?:controlled|held|run|operated|used)\s+by\s+"
    r"|\b(?P<who2>[A-Z][\w-]*)[-\s](?:controlled|held)\s+(?P<what2>bases?|airfields?|areas?|territory|eastern\s+Libya)\b",
)


def controlled_mentions(text: str, gaz: Gazetteer, when: date | None) -> list[Mention]:
    """ "bases controlled by Haftar", "LNA-held airfields" -> the sites that force controlled on the date."""
    out = []
    for m in CONTROLLED.finditer(text):
        if m.group("who2"):
            who_start, who = m.start("who2"), m.group("who2")
            end = m.end()
        else:
            who_start = m.end()
            who = re.split(r"[,.;:()]", text[m.end() : m.end() + 80])[0]
        hit = min(
            ((am.start(), am.end(), act) for act in ACTORS if (am := act.pattern.search(who))),
            key=lambda x: x[0],
            default=None,
        )
        if hit is None:
            continue
        if not m.group("who2"):
            end = who_start + hit[1]
        out.append(Mention(m.start(), end, gaz.controlled(hit[2], when, text[m.start() : end]), "controlled"))
    return out
