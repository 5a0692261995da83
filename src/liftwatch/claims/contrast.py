"""What a contrast negates is not claimed: the words after "instead of" are read as if they were not there.

"The transports flew together instead of a series of flights by a single plane", "بدلاً من طائرة واحدة", "au
lieu d'un seul avion", "вместо одного самолёта": the count, carrier or place after the contrast is the one the
text says did *not* fly, so it must give the claim no count and no carrier and never become a claim of its own.
The negated words are blanked (replaced by as many spaces, so every offset stays) before any reader sees the
text. They run to the end of their phrase: a punctuation mark, or a movement verb further on, which is the
claim's own ("Вместо одного самолёта прилетели три"); a verb right after the contrast is the negated one
("instead of flying to Paris").
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.cues import MOVE

# the contrasts of English, French, Russian and Arabic that negate what follows them
_CONTRAST = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|au\s+lieu\s+de|plutôt\s+que(?:\s+de)?|"
    r"вместо(?:\s+того,?\s+чтобы)?)(?!\w)|\b(?:au\s+lieu\s+d|plutôt\s+qu)['’]|"
    rf"{AR_WORD_START}(?:بدلا|بدلاً|عوضا|عوضاً)\s+(?:من|عن){AR_WORD_END}",
    re.I,
)
# where the negated phrase ends at the latest
_PHRASE_END = re.compile(r"[,;:.!?()\[\]«»\"“”،؛]|\s[-–—]\s")
# words MOVE takes that are nouns of movement, part of the negated phrase ("a series of flights"), not its end
_MOVE_NOUN = re.compile(
    r"(?:flights?|sorties|rotations?|(?:round[-\s])?trips?|voyages?|destinations?|crossings?|movements?|shipments?|"
    r"vols?|escale|passages?|рейс\w*|полет\w*|пол[её]т\w*|перевозк\w*|доставк\w*|رحلات|رحلة|نقل|عبر)$",
    re.I,
)
# a contrast opening its sentence or clause: its noun phrase also ends where a place of the claim begins
_OPENS = re.compile(r"(?:^|[.,;:!?،؛]\s*|\n\s*)$")
# a preposition of place or direction: the end of a negated noun phrase that opens its clause
_PLACE_PREP = re.compile(
    r"\s(?=(?:to|from|at|into|for|towards?|à|au|aux|vers|pour|depuis|в|во|на|из|до|إلى|الى|نحو)\s)", re.I
)
# the negated words are a verb phrase when they open with an infinitive or gerund ("instead of flying to Paris",
# "au lieu de se poser à Paris", "вместо того чтобы лететь в Париж", "بدلاً من أن تهبط"): they run to the
# punctuation. Otherwise they are a noun phrase ("a single plane"), ended by the claim's own verb or place.
_VERB_PHRASE = re.compile(
    r"\s*(?:[^\W\d]+ing\b|(?:se\s+|s['’])?(?!(?:quatre|autre|notre|votre|leur)\b)[^\W\d]{2,}(?:er|ir|re)\b|"
    r"(?:того,?\s+)?чтобы\b|[^\W\d]+(?:ть|ти|ться)\b|أن\s)",
    re.I,
)
# an auxiliary before the claim's own verb belongs to it ("au lieu d'un seul, trois ont atterri")
_AUXILIARY = re.compile(r"(?:\b(?:ont|a|est|sont|have|has|had|was|were|is|are)\s+)$", re.I)


def _aux(before: str) -> str:
    m = _AUXILIARY.search(before)
    return m.group(0) if m else ""


def mask_contrasts(text: str) -> str:
    """``text`` with what each contrast negates blanked out (same length: offsets stay)."""
    out = text
    for m in _CONTRAST.finditer(text):
        start = m.end()
        end_m = _PHRASE_END.search(text, start)
        end = end_m.start() if end_m else len(text)
        verbs = [v for v in MOVE.finditer(text, start, end) if not _MOVE_NOUN.match(v.group(0))]
        if not _VERB_PHRASE.match(text, start, end):
            # a noun phrase ("a single plane", "одного самолёта"): it ends where the claim's own verb or a
            # place of the claim's begins ("Вместо одного Ил-76 в Белград прилетели три")
            stops = [v.start() - len(_aux(text[start : v.start()])) for v in verbs[:1]]
            if _OPENS.search(text, 0, m.start()):  # "Вместо одного Ил-76 в Белград прилетели три"
                stops += [p.start() for p in _PLACE_PREP.finditer(text, start, end)][:1]
            end = min([end, *stops])
        out = out[:start] + re.sub(r"\S", " ", out[start:end]) + out[end:]
    return out
