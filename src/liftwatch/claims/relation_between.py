"""What lies between two parties is no route: "a defense pact signed between Egypt and Somalia", "les relations
militaires entre la Chine et l'Égypte", "joint exercises between China and Egypt".

The noun of a relation (a pact, relations, exercises, cooperation) governs "between X and Y" across the words
that qualify it: an adjective ("militaires", "bilateral"), a participle ("signed", "conclu", "подписанное"). Read
as a route, its two parties become the origin and goal of the sentence's movement (an Egyptian ship's origin
"Egypt" from the pact, a Chinese flight's from the relations). Only words of motion end the noun's reach: "the war
flights shuttled between Moscow and Latakia" is a route, told by "flights shuttled". ``sentences.py`` keeps the
relation noun right before "between" in its own guard; this module reads the qualified noun.
"""

from __future__ import annotations

import re

from liftwatch.claims.cues import MOVE

# the nouns of a relation between two parties, in English, French, Russian and Arabic
_RELATION = (
    r"talks|negotiations|meetings?|summit|agreements?|deal|accords?|pacts?|treat(?:y|ies)|partnerships?|"
    r"war|conflict|relations(?:hip)?|ties|tensions|dialogue|cooperation|co-operation|exercises?|drills?|"
    r"négociations|pourparlers|rencontres?|entretiens?|guerre|conflit|relations|coopération|pactes?|traités?|"
    r"partenariats?|exercices?|manœuvres?|accords?|"
    r"переговор\w*|встреч\w*|соглашени\w*|договор\w*|войн\w*|конфликт\w*|отношени\w*|напряжённост\w*|"
    r"сотрудничеств\w*|учени\w*|"
    r"(?:ال)?مفاوضات|(?:ال)?محادثات|لقاء|(?:ال)?اتفاق\S*|(?:ال)?حرب|(?:ال)?علاقات|(?:ال)?توتر|(?:ال)?قمة|"
    r"(?:ال)?تعاون|(?:ال)?تدريبات|(?:ال)?مناورات|(?:ال)?معاهدة"
)
# the noun, then one or two qualifying words, right before the cue
_QUALIFIED = re.compile(rf"(?<![\w-])(?:{_RELATION})(?P<qual>(?:\s+[^\W\d][\w'’-]*){{1,2}})\s*$", re.I)


def relation_between(before: str) -> bool:
    """Whether the words ``before`` a "between" end with a relation's noun and the words that qualify it, none of
    them a word of motion."""
    m = _QUALIFIED.search(before)
    return m is not None and MOVE.search(m.group("qual")) is None
