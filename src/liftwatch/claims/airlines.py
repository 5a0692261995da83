"""Airlines and operators named as the ones flying, and companies named as an aircraft's owner.

Reporting names an airline by the noun that says what it is, then its name, in every language: "the airline
Qeshm Fars Air", "la compagnie aérienne syrienne Cham Wings Airlines", "самолёт российской авиакомпании «X»",
"طائرة شحن تابعة لشركة الطيران Qeshm Fars Air", or by the verb of flying it: "exploité par X"; English also
puts the noun after the name ("the Azerbaijani Silk Way airline").
Such a name need not end in "Airlines" or be in the kb's list of airlines, which is all the shape-based
finder (:func:`~liftwatch.claims.attribution.operators`) and the kb's list
(:func:`~liftwatch.claims.known_operators.known_operators`) catch. The noun makes it the one flying (rule 9 of the
corpus: the airline is the actor when no state is said to send the flight).

Owning is not flying: an aircraft "belonging to", "registered to", "owned by" a company, "appartenant à",
"принадлежащий", "التابعة لشركة" names its owner (rule 8: a private company's carrier has the company as
owner, and no actor unless the text makes the company the one moving it), so such a company is never taken
for the mover, and a sentence saying whose the aircraft just named is ("cet avion appartient à la société X")
gives the movement its owner. The ownership phrases are the ones :func:`~liftwatch.claims.ship_owners.owners` reads
for ships. An aircraft's owner read from the movement's own sentence was measured and left out: it named more
wrong owners than right ones, on the part of the corpus the rules were written from and on the part held back.
"""

from __future__ import annotations

import re

from liftwatch.claims.lexicon import ACTORS
from liftwatch.claims.place_names import COUNTRIES
from liftwatch.claims.ship_owners import owners
from liftwatch.claims.textkey import norm_key
from liftwatch.kb.nationalities import nationality_adjectives

# the noun saying a company flies or carries: "airline", "compagnie aérienne", "авиакомпания", "شركة الطيران"
# (in lower case: "Airline Transport Incorporation FZC" is a name, not the noun before one)
_NOUN = (
    r"(?:\b(?:airline|air\s+carrier|cargo\s+airline|charter\s+(?:company|operator|airline)|"
    r"(?:air[-\s])?(?:cargo|freight)\s+(?:company|operator|carrier)|"
    r"compagnie\s+aérienne|compagnie\s+de\s+fret(?:\s+aérien)?|transporteur\s+aérien|"
    r"авиакомпани\w*|авиаперевозчик\w*|авиаоператор\w*)"
    r"|(?:لشركة|شركة)\s+(?:ال)?طيران)"
)

# the verb of flying it: "opéré par", "exploité par". English "operated by", "flown by", "chartered from" before
# any capitalised name were measured and left out: on the held-back part they made an operator of what was no
# mover and split a movement in two ("operated by" before an airline-shaped name stays a mover's cue,
# ``claims.mover``); Arabic "تشغّلها شركة X" too: where a state sends the flight the operator is its owner (rule 9)
_VERB = r"(?i:\b(?:opéré|exploité)e?s?\s+par)"
# between the noun and the name: a few lower-case descriptive words ("syrienne", "de fret aérien", "الإيرانية"),
# never a word of a clause going on ("the airline said on Monday")
_GOES_ON = (
    r"(?:said|says|has|had|have|was|were|is|are|will|would|also|on|in|at|to|from|for|with|and|that|which|a|an|"
    r"est|sont|a|ont|qui|que|dans|en|sur|pour|avec|par|au|aux|et|le|la|les|в|на|из|и|что|по)\b"
)
_BETWEEN = rf"(?:\s+(?!{_GOES_ON})(?:[a-zà-ÿа-яё][\w-]*|d['’]|ال[\u0600-\u06FF]+)){{0,3}}?"
# the name: in quotes (any script), or capitalised Latin words ("Qeshm Fars Air", "Cham Wings Airlines")
_NAME = (
    r"\s*(?:[«\"“„](?P<quoted>[^«»\"“”„\n]{2,40})[»\"”“]"
    r"|(?P<latin>[A-Z][\w&.-]*(?:[ \t]+(?:[A-Z][\w&.-]*|[a-z]+(?=[»\"”]))){0,3}))"
)
_NAMED = re.compile(rf"(?:{_NOUN}|{_VERB}){_BETWEEN}{_NAME}")
# English also puts the noun after the name ("the plane belonging to the Azerbaijani Silk Way airline", "a Fly Sky
# cargo airline Il-76"): capitalised words right before the noun, less a nationality or determiner leading them
_NAMED_BEFORE_NOUN = re.compile(
    r"(?P<latin>[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})[ \t]+(?:cargo[ \t]+)?(?:airline|air[ \t]+carrier|"
    r"charter[ \t]+(?:company|operator))\b"
)
_LEADING = frozenset({"The", "A", "An", "This", "That", "Its", "Their", "Another", "Same"})
# what follows such a noun without being a name: a state's forces, a ministry, a country
_NOT_A_COMPANY = re.compile(
    r"\b(?:Air\s+Forces?|Army|Navy|Ministry|Government|Forces|Armed|Guard|ВВС|ВКС|МЧС|Минобороны)\b", re.I
)
# the phrases of owning, not flying ("registered to", "appartient à", "принадлежит", "التابعة لشركة")
OWNING = re.compile(
    r"(?i:owned\s+by|belong(?:s|ing)?\s+to|registered\s+to|the\s+owner\s+is|owner\s+is|appartenant\s+à|"
    r"appartien\w*\s+à|propriété\s+de|принадлеж\w*)|(?:[تي]ملكها|(?:ال)?(?:تابعة|مملوكة)\s*ل|مسجلة\s+(?:لصالح|باسم))"
)
# a company the text names as an owner only after words of owning, at most this far before its name
_OWNING_REACH = 90


def airline_names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of every airline or operator named after the noun or verb that says it flies."""
    out = []
    for m in _NAMED.finditer(text):
        group = "quoted" if m.group("quoted") else "latin"
        name = m.group(group).strip(" .,")
        if not name or _NOT_A_COMPANY.search(name) or norm_key(name) in _COUNTRY_KEYS:
            continue
        if any(actor.pattern.fullmatch(name) for actor in ACTORS):
            continue  # "operated by Russia": a state, found by the movers' own rules
        out.append((m.start(group), m.end(group), name))
    for m in _NAMED_BEFORE_NOUN.finditer(text):
        words, start = m.group("latin").split(), m.start("latin")
        while words and (words[0] in _LEADING or words[0].lower() in nationality_adjectives()):
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else m.end("latin")
            words = words[1:]
        name = " ".join(words)
        if not name or _NOT_A_COMPANY.search(name) or norm_key(name) in _COUNTRY_KEYS:
            continue
        if any(actor.pattern.fullmatch(name) for actor in ACTORS) or any(s < m.end() and start < e for s, e, _ in out):
            continue
        out.append((start, m.end("latin"), name))
    return out


def owned_by(text: str, start: int) -> bool:
    """The company named at ``start`` follows words of owning ("belonging to the ...", "appartient à la société
    russe de fret aérien"), not words of flying: it is the aircraft's owner, not its mover."""
    before = text[max(0, start - _OWNING_REACH) : start]
    ends = [m.end() for m in OWNING.finditer(before)]
    return bool(ends) and not re.search(r"[.;!?]|\b(?:and|et|и|و)\s", before[ends[-1] :])


def owning_companies(text: str) -> list[str]:
    """The companies ``text`` names by words of owning (:func:`~liftwatch.claims.ship_owners.owners`' phrases less
    those of operating), each once."""
    found = (name for pos, name in owners(text) if OWNING.match(text, pos) and not _NOT_A_COMPANY.search(name))
    return list(dict.fromkeys(found))


_COUNTRY_KEYS = frozenset(norm_key(k) for k in COUNTRIES)
