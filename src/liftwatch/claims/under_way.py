"""A dated position on a voyage the text says goes on: "docked at Suva on December 10 ... on its way back to China",
"est arrivé à Port Moresby le 13 septembre direction Bougainville", "sur sa voie de retour à Severomorsk, est entré
dans la Manche le 24 janvier", "в пятницу ... следуя в Мраморное море", "في طريقها إلى ميناء مصراتة".

The day of a call, a strait or a sighting on the way is not when the voyage happened: it was under way before it
(its start untold) and after it, to the report (rule 56 of the corpus: a position dated during a voyage whose start
the text does not tell opens the window empty and ends it with the report where the voyage is under way). The window
runs from the day it was seen, which the data show, to the report. The test is
grammatical: a word that the voyage goes on beyond the dated place beside the claim's one date. A voyage the text
says was stopped there (a seizure, an interception, a boarding) ended on that day and keeps it.
Kept apart from ``windows``, which only weighs dates, because it reads the words of the sentence.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_START
from liftwatch.claims.date_context import beside, one_date
from liftwatch.claims.timeparse import TimeSpan

# words that the voyage goes on beyond the place it was seen at: "on its way (back) to", "en route", "heading for",
# "bound for", "direction", "sur sa voie de retour", "pour retourner", "à destination de", "на пути", "по пути",
# "направлялся", "следуя", "في طريقها", "متجهة"
GOING_ON = re.compile(
    r"\b(?:on\s+(?:its|their|her)\s+way|en\s+route|on\s+the\s+way|heading\s+(?:for|to)|bound\s+for|"
    r"on\s+(?:its|their)\s+return)\b"
    r"|\b(?:direction|voie\s+de\s+retour|pour\s+retourner|à\s+destination)\b"
    r"|(?<!\w)(?:на\s+пути|по\s+пути|направля\w+|следу\w+\s+в)(?!\w)"
    rf"|{AR_WORD_START}(?:في\s+طريق\w*|متجه\w*)",
    re.I,
)

# a voyage stopped where it was seen: seized, intercepted, boarded, detained
STOPPED = re.compile(
    r"\b(?:seiz\w*|intercept\w*|boarded|captured|detained|arraisonn\w*|saisi\w*|intercept[ée]\w*)\b"
    r"|(?<!\w)(?:захват\w*|задерж\w*|перехват\w*)(?!\w)"
    rf"|{AR_WORD_START}(?:و|ف)?(?:ضبط\w*|اعتراض|اعترض\w*|احتجز\w*|احتجاز|صادر\w*)",
    re.I,
)

NEAR = 100  # characters either side of the date where the word of going on is


def going_on(sentences: list[str], spans: list[TimeSpan]) -> bool:
    """Whether ``spans``, a claim's one day, are a position on a voyage that ``sentences`` say went on beyond it
    (:data:`GOING_ON` beside the date) and do not say was stopped there (:data:`STOPPED`): the voyage was under way
    on that day and after it, to the report."""
    if not one_date(spans):
        return False
    if any(STOPPED.search(s) for s in sentences):
        return False
    t = spans[0]
    if t.start is None or (t.end is not None and t.end != t.start):
        return False  # a month or a span is no position's day
    return any(GOING_ON.search(around) for around in beside(sentences, t, NEAR))
