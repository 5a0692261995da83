"""Items of a bulleted list under a sentence of movement that ends on a colon.

Reporting lists a movement's parts as bullets with no verb of their own::

    Russian aircraft continued to fly to the airfields of Belarus in September:
      • 1 An-26 and 8 Il-76 to Baranavichy airfield.
      • One An-12 to Lida airfield.

Each item moves by the lead sentence's verb (as an item of a counted list does: ``clauses.counted_item``), so a
bullet with a place in a role is read as a movement though it names no verb. Only a bullet (•, ▪, ‣, a dash or an
asterisk) opening its line counts, and only while the lines between it and the lead sentence are bullets too: a
paragraph after the list is read on its own.
"""

from __future__ import annotations

import re

from liftwatch.claims.cues import MOVE

_BULLET = re.compile(r"^[ \t]*[•▪‣◦*–-][ \t]+\S")


def listed_under_movement(text: str, start: int) -> bool:
    """Whether the sentence starting at ``start`` of ``text`` opens a bullet line of a list whose lead sentence (the
    last line before the list) tells a movement and ends on a colon."""
    line_start = text.rfind("\n", 0, start) + 1
    opening = text[line_start:start].strip()
    if not _BULLET.match(text[line_start : text.find("\n", start) % (len(text) + 1)]) or len(opening) > 1:
        return False  # not a bullet line, or a sentence inside the line after the first
    lines = text[:line_start].rstrip("\n").split("\n")
    while lines and (_BULLET.match(lines[-1]) or not lines[-1].strip()):
        lines.pop()
    lead = lines[-1].rstrip() if lines else ""
    return lead.endswith(":") and MOVE.search(lead) is not None
