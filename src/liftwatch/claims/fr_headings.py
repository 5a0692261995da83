"""French headings told with a bare noun, and a French take-off told again.

French reporting elides the preposition of a heading: "a quitté Toulon mardi, direction la mer Rouge", "Il redécolle
ensuite destination N'Djaména", "Destination le Mozambique" stand for "en direction de" and "à destination de", which
``cues.py`` reads. With the goal named right after the bare noun (a capital or an article before one), the noun is a
cue of the destination and a word of motion, as "Direction :" with its colon already was (``motion_forms.py``); after
a determiner or a preposition ("sa destination", "la direction", "en direction de", "changé de direction") the noun
is no heading and is left to the cues that read it.

The iterative prefix on a verb of taking off is read too ("Il redécolle ensuite", "a redécollé pour Moscou"): the
stem alone in ``cues.MOVE`` matched only at a word's start, so a second take-off told so was no movement.

Measured and left out: "prendre la mer" and "reprendre la mer" (to put to sea) as a word of motion, +3 right fields
for +6 filled on the French fitting part (a ship's class read as an aircraft type in one of its two excerpts);
``docs/claim-rounds.md``. Hand-written for the same reason as ``cues.py``.
"""

from __future__ import annotations

# the bare noun before its goal: not after a determiner, a preposition or "comme" ("sa destination", "en direction
# de", "comme destination")
_BARE_NOUN = (
    r"(?<![\w'’])(?<!\ben\s)(?<!\bà\s)(?<!\bla\s)(?<!\bsa\s)(?<!\bune\s)(?<!\bleur\s)(?<!\bde\s)(?<!\bpour\s)"
    r"(?<!\bcomme\s)(?<!\bcette\s)(?<!\bma\s)(?<!\bnotre\s)(?<!\bvotre\s)(?<!\bquelle\s)"
    r"(?:[Dd]irection|[Dd]estination)"
)
# as a cue of the destination (read on the words before a place): the place right after it, or after an article
BARE_HEADING = rf"{_BARE_NOUN}(?=\s+(?:l['’]|(?:la|le|les)\s+)?$)"
# as a word of motion: the goal named right after it, capitalised or after an article (so "la direction générale
# de" and a heading with no place after it are none)
_BARE_HEADING_MOVE = rf"{_BARE_NOUN}\s+(?=(?:l['’]|(?:la|le|les)\s+)?(?-i:[A-ZÀ-ÖØ-Þ]))"

# the iterative prefix on "décoller": "redécolle", "a redécollé", "redécollant"
TAKE_OFF_AGAIN = r"redécoll\w*"

FR_HEADING_MOVES = rf"{_BARE_HEADING_MOVE}|\b{TAKE_OFF_AGAIN}\b"
