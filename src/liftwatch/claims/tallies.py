"""A running total is no movement: the words after "bringing the number of ... to" are read as not there.

"... crossed the Suez Canal, bringing the number of Russian warships in the Mediterranean to 10: the cruiser X,
the destroyer Y, ...", "ليصل عدد القطع البحرية الروسية في البحر المتوسط إلى 10 قطع هي ...", "portant à 12 le
nombre de navires", "доведя число кораблей до 10": the total counts what is now present, a stay, and the units
it lists one by one were already there. Read as a clause of the sentence, its verb ("to bring to", "يصل" *to
reach*) is taken for one of motion, every unit it names becomes a carrier of a movement of its own and its number
the count of the movement the sentence tells. So the tally, from its cue to the end of the sentence, is blanked
(replaced by as many spaces, so every offset stays) before any reader sees the text, as a contrast's negated
words are (``contrast.py``).

The cue is grammar, not vocabulary of one report: a verb of raising or bringing a total in the form that
attaches a result to the clause before it (a participle, "ce qui porte", a gerund, Arabic's لـ of result), then
the noun of a number or total. A total as a sentence's own predicate ("بلغ إجمالي عدد الرحلات خلال يناير 21
رحلة", "porte à 47 le nombre d'Espagnols évacués") counts movements and stays. What the sentence says before the
tally (the movement that made the total grow) is kept.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START

_TOTAL_NOUN_EN = r"(?:total\s+)?(?:number|total|tally|count|strength)"
_TOTAL_NOUN_FR = r"(?:nombre|total|effectif)"
# the cue of a running total, in English, French, Russian and Arabic
_TALLY = re.compile(
    r"\b(?:bringing|raising|taking|pushing|increasing)\s+"
    rf"(?:the|their|its)\s+{_TOTAL_NOUN_EN}\b"
    r"|\b(?:ce\s+qui\s+(?:porte|portait|fait\s+passer|fait\s+monter)|portant)\s+"
    rf"(?:(?:ainsi\s+)?(?:à|a)\s+[\w\s]{{1,20}}?\s+)?(?:ainsi\s+)?(?:le|leur|son)\s+(?:\w+\s+)?{_TOTAL_NOUN_FR}\b"
    r"|(?<!\w)(?:доведя|доводя|увеличив)\s+(?:\w+\s+)?(?:число|количество|численность)(?!\w)"
    # "ليصل عدد السفن" (construct: *the number of the ships*), never "وصل عدد من الطائرات" (*a number of
    # aircraft arrived*), a movement
    rf"|{AR_WORD_START}(?:ل(?:ي|ت)(?:صل|رتفع|بلغ)|وبذلك\s+(?:ي|ت)(?:صل|رتفع|بلغ))\s+"
    rf"(?:إجمالي\s+)?(?:عدد|مجموع|حصيلة){AR_WORD_END}(?!\s+من{AR_WORD_END})",
    re.I,
)
# where the tally ends: the end of its sentence or line
_SENTENCE_END = re.compile(r"[.!?؛\n](?=\s|$)")


def mask_tallies(text: str) -> str:
    """``text`` with each running total and the units it lists blanked out (same length: offsets stay)."""
    out = text
    for m in _TALLY.finditer(text):
        end_m = _SENTENCE_END.search(text, m.end())
        end = end_m.start() if end_m else len(text)
        out = out[: m.start()] + re.sub(r"\S", " ", out[m.start() : end]) + out[end:]
    return out
