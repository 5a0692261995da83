"""A state named by its form of government ("the Kingdom of Saudi Arabia", "le Sultanat d'Oman") or by its dotted
initials ("the U.S."), as the claim check finds it in a sentence.

Capitalised words propose a place after a cue, and the "of" in "the Sultanate of Oman" or the dot in "U.S." would cut
the name to "Sultanate" or "U": these patterns keep the whole name one candidate, and the kb reads the state from it
(``kb.countries.resolve_country``). Dotted initials also qualify a noun ("U.S. officials"), where they name no place.
"""

from __future__ import annotations

import re

from liftwatch.kb.countries import resolve_country

# the form word, the adjectives that leave the state the same ("Islamic", "hachémite"), and the name after it; then a
# state's dotted initials ("U.S.", "U.K.", "U.A.E.")
STATE_NAME = (
    r"(?:(?:Islamic|Hashemite|Arab|Federal|People['’]s|Bolivarian|Plurinational)\s+)?"
    r"(?:Kingdom|Sultanate|Republic|Emirate|Federation|Principality|Grand\s+Duchy)\s+of\s+(?:the\s+)?"
    r"[A-Z][\w'’\-]*(?:[ \t]+[A-Z][\w'’\-]*){0,2}"
    r"|(?:Royaume|Sultanat|République|Émirat|Fédération|Principauté|Grand-Duché)"
    r"(?:\s+(?:islamique|hachémite|arabe|fédérale|populaire|bolivarienne))?"
    r"\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|d['’]|de\s+)[A-ZÀ-ÖØ-Þ][\w'’\-]*"
    r"|\b(?:[A-Z]\.){2,4}(?![\w.])"
)
DOTTED_STATE = re.compile(r"(?:[A-Z]\.){2,4}")
# what may follow initials that end their noun phrase: a punctuation mark, the text's end, or a word that opens no
# noun ("from the U.S. to Lviv", "in the U.K., then")
_ENDS_NOUN_PHRASE = re.compile(
    r"\s*(?:$|[,;:)!?—–]|\s(?:to|toward|towards|into|on|in|at|and|or|via|for|from|last|after|before|with|since|"
    r"during|then|but|as|where|while|earlier|this|over|through|until|by)\b)"
)


def initials_end_noun_phrase(text: str, end: int) -> bool:
    """True when the dotted initials ending at ``end`` stand for the state ("from the U.S. to Lviv"); False when a
    name or a noun follows that they qualify ("U.S. officials", "the U.S. Department of Defense", "U.S.-made")."""
    return _ENDS_NOUN_PHRASE.match(text, end) is not None


def names_state(phrase: str) -> bool:
    """True when the kb reads ``phrase`` as a state, a form of government before its name included ("le Royaume
    d'Arabie saoudite")."""
    return resolve_country(phrase) is not None
