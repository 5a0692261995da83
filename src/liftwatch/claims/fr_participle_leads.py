"""A French participle of motion opening a sentence, read apart from the name after it.

French opens a sentence on a participle that tells where the carrier came from or went ("Parti de Brest le 3 mai,
le navire ...", "Reliant Lyon à Tunis, l'avion ..."). The participle is capitalised there, and the reading of
names joins capitalised words by a space or by "de" ("Golfe d'Aden", "Sidi Barrani"): "Parti de Brest" and
"Reliant Lyon" came out as one name the kb does not know, which stood after no cue, so the place was dropped and
the movement lost its origin or its route. The participle with its "de" is a role cue (``sentences.cue_role``
reads "parti de" as an origin, "reliant" as a route's first end); read apart, the name after it is the place.

Only a word in a participle's form (a past participle in -é/-i/-u, agreed or not, or a present participle in
-ant) that the cue reader takes as a cue, opening the text, a line or a sentence, and that names no place itself:
"Benghazi" or "Bangui" opening a sentence stay names, and "Between April" is no French participle.

Hand-written: one shape of French sentence openings, checked by the cue reader the rest of the extractor uses.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from liftwatch.claims.sentences import cue_role

# the participle, then what joined it to the name: a space, "de"/"du"/"des" or an elided "d'"
_LEAD = re.compile(
    r"(?P<word>[A-ZÀ-Þ][a-zà-ÿ]+(?:[éiu]e?s?|ant))(?P<join>[ \t]+(?:(?:de|du|des)[ \t]+|d['’])?)(?=[A-ZÀ-Þ])"
)
# what may stand before a sentence's first word: the text's start, a line break, a sentence's end, an opening quote
_OPENING = re.compile(r"(?:^|[.!?»:\n]\s*|[«\"“(]\s*)$")


def participle_lead(text: str, start: int, names_place: Callable[[str], bool]) -> int:
    """How many characters of the capitalised run at ``start`` are a sentence's opening participle of motion and
    what joins it to the name after ("Parti de " in "Parti de Brest"): 0 when the run opens on no such
    participle. ``names_place`` says whether a word alone is a place the kb knows (then it is the name)."""
    m = _LEAD.match(text, start)
    if m is None or not _OPENING.search(text[max(0, start - 4) : start]):
        return 0
    if names_place(m.group("word")) or cue_role(m.group(0)) is None:
        return 0
    return m.end() - start
