"""A strait passed, told in Russian by its verbal noun or by the verb of overcoming: "во время прохождения пролива
Дарданеллы", "суда с трудом преодолевали пролив"; in English by "pass" with the strait as its object ("began to
pass the Black Sea straits", "passed the Great Belt").

``cues.MOVE`` reads the Russian verbs of passing by prefix and root ("прошёл", "проходит", "проход"), but the
verbal noun "прохождение" changes the root's consonant ("ход" -> "хожд"), and "преодолеть" (to overcome, to get
through) is the verb reporting uses for a strait hard to pass; with neither read, a clause that tells only the
passage made no movement, and the strait no via. Here both are movement words and cues of a via, the strait being
their object with no preposition (the genitive after the noun, the accusative after the verb), as "transited" is in
English.

Measured and left out: the idioms of heading ("a mis le cap sur", "ont pris la direction de", "set course for"):
on the development part they named more goals that were plans or that made a claim of their own beside the voyage
they belong to (right 5 fields for 18 filled in French) than right ones.
"""

from __future__ import annotations

# the passage as a movement word (``cues.MOVE``); English "pass" only before the passage it names, as "passed" alone
# also passes a law, a test or a day
STRAIT_MOVES = (
    r"\b(?:преодоле\w+|прохождени\w+)|"
    r"\b(?:began\s+(?:to\s+)?)?pass(?:ed|es|ing)?(?=\s+(?:the\s+)?(?-i:(?:[A-Z][\w-]+\s+){0,3}"
    r"(?:Straits?\b|straits\b|Bosp|Dardanelles|Channel\b|Canal\b|Belt\b)))"
)

# the strait after the noun or the verb (``cues.VIA_CUES``)
STRAIT_VIA_CUES = (r"(?:во\s+время\s+|при\s+|после\s+)?прохождени\w+", r"преодоле\w+")
