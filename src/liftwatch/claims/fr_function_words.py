"""French words a sentence starts with that are never a place's name, though capitalised there.

A capitalised word right after a role cue is taken as a name (``candidates.py``), and French starts a sentence or a
clause with an article, a pronoun, a determiner or a preposition ("... à Tartous. Les médias ont rapporté", "Il est
arrivé", "Dans la nuit"): read as a name, "Les" came back as Leis Airport in Ohio, "Dans" as Dan's Airport, "Il"
and "Ces" as unknown places given the role of the cue before them. These words alone never name a
place; a name that starts with one ("Le Caire", "La Valette", "Le Havre", "Les Sables-d'Olonne") is longer than the
word and is still read, so only the word standing alone is refused.

Hand-written: a closed class of French grammar words, short and stable.
"""

from __future__ import annotations

FR_NOT_NAMES = frozenset(
    {
        # articles and determiners
        "le", "la", "les", "l'", "l’", "un", "une", "des", "du", "ce", "cet", "cette", "ces", "son", "sa", "ses",
        "leur", "leurs", "notre", "nos", "votre", "vos", "tout", "tous", "toute", "toutes", "aucun", "aucune",
        "chaque", "plusieurs", "certains", "certaines",
        # personal pronouns
        "il", "ils", "elle", "elles", "on", "nous", "vous", "je", "cela", "ceci", "celui", "celle", "ceux",
        # prepositions and conjunctions a sentence opens with
        "dans", "en", "sous", "selon", "depuis", "après", "avant", "pendant", "lors", "avec", "sans", "pour",
        "par", "entre", "vers", "mais", "et", "ou", "donc", "puis", "ainsi", "alors", "enfin", "cependant",
        "toutefois", "pourtant", "outre", "parmi", "malgré",
    }
)  # fmt: skip


def fr_function_word(phrase: str) -> bool:
    """Whether ``phrase`` is one French article, pronoun, determiner or preposition, however capitalised ("Les",
    "Il", "Dans"): no place's name, only the word a sentence starts with."""
    return phrase.strip().lower() in FR_NOT_NAMES
