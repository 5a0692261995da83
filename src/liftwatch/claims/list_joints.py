"""How a place's name joins a list of places: the words between two names that make the second share the first's
role, whether a list goes on after a name, and a French listed name's article.

A list of stops or goals ("called at Limassol, Alexandria and Benghazi", "vers le Royaume-Uni, l'Allemagne et la
Belgique") gives every name after the first the role of the first; the reader of candidate names
(:mod:`liftwatch.claims.candidates`) asks these forms whether a capitalised word after a place is one more item of
the list or the start of another clause. Hand-written: the joining words of four languages.
"""

from __future__ import annotations

import re

# what joins a name to the place before it so that it shares that place's role: a comma (Latin or Arabic "،"),
# "and", "or" ("Bosaso and Berbera", "et la Libye", "and the Middle East"), or a next stop told with "then" and no
# preposition of its own ("to Germany, then Qatar", "vers Malte, puis la Libye"; the role is settled in
# ``sentences``); a bare space joins only an Arabic "و" + name. French lists a name with its article after a comma
# as after "et" ("vers le Royaume-Uni, l'Allemagne, la Belgique").
JOINED_TO_PLACE = re.compile(
    r"(?:\s*,?\s*(?:(?:and|et)\s+)?(?:then|puis|ensuite)\s+(?:(?:the|le|la|les)\s+|l['’])?"
    r"|\s*[,،]\s*(?:and\s+)?(?:(?:le|la|les)\s+|l['’])?|\s+(?:and|or|et|ou|и|или)\s+(?:(?:the|le|la|les)\s+|l['’])?|\s+)$"
)
# a name inside a route list that goes on to another name ("called at Limassol, Alexandria and Benghazi", "via
# Ceuta, La Valette et Karachi") is one more stop even when the kb does not know it
LIST_GOES_ON = re.compile(
    r"\s*(?:,\s*(?:and\s+|et\s+|и\s+)?|\s+(?:and|or|et|ou|и|или)\s+)(?:the\s+|(?:le|la|les)\s+|l['’])?[A-ZÀ-ÖØ-ÞА-ЯЁ]"
)
# the French article of a name listed after a comma, at the end of the joining words
_FR_ARTICLE_END = re.compile(r"(?<=[,،])\s*(?:(?:le|la|les)\s+|l['’])$")
# the end of a sentence or clause right after a name: the list closes there
_LIST_ENDS = re.compile(r"\s*(?:[.;:)!?]|$)")


# a short note in brackets after a listed name, its country or its kind ("Lisbon (Portugal) and Sal", "Гиссар
# (Таджикистан) и Кант (Киргизия)", "Lagos (Nigeria), Accra (Ghana)"): the list goes on after it as after the name
_NOTE_AFTER_NAME = re.compile(r"\s*\([^()\n]{1,40}\)$")


def end_before_note(text: str, end: int) -> int:
    """Where the name before ``end`` ends when a bracketed note closes at ``end`` (``end`` itself if none): the
    note says which place the name is, and the next name of the list joins the name, not the note."""
    note = _NOTE_AFTER_NAME.search(text[max(0, end - 45) : end])
    return end - len(note.group(0)) if note is not None else end


def after_note(gap: str) -> str:
    """The words between two listed names without the first one's bracketed note (" (Portugal) and " -> " and ")."""
    note = re.match(r"\s*\([^()\n]{1,40}\)", gap)
    return gap[note.end() :] if note is not None else gap


def listed_article(joiner: str) -> int:
    """The length of the French article that ends ``joiner`` (a :data:`JOINED_TO_PLACE` match) after a comma, 0 if
    none: "Royaume-Uni, l'Allemagne" is listed by its comma, the article being the name's own."""
    found = _FR_ARTICLE_END.search(joiner)
    return len(found.group(0)) if found is not None else 0


def list_closes(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` stands as an item of a list: another item follows, or the sentence or
    clause ends. After a place and a comma, a name with its article and a verb next ("à Bamako, la Russie a
    envoyé") is the next clause's subject, no listed place."""
    return LIST_GOES_ON.match(text, end) is not None or _LIST_ENDS.match(text, end) is not None
