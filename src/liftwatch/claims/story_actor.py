"""The actor a story told before its movement: "La Marine nationale a déployé ... . Le bâtiment a quitté Toulon".

A claim whose own sentences name no actor, and that no earlier claim handed one to (``context.carry_actor``),
continues the story the text told before it. When everything before the claim names one actor only, that
actor is the one the movement belongs to: a state or force named as the subject of an announcement ("L'armée
allemande a annoncé ramener ..."), of a headline, or qualifying a ship earlier ("la flotte russe"). Where the
text before names two actors or more (a sender and the state it helps, a reporter and the mover, a rival
navy), which one the movement is told of is a reading this rule does not make, and the claim keeps none.
Nor is a merchant ship's story carried: a tanker or a cargo ship is its company's (rules 6 and 8), and the
state the text named before it ("the Russian shadow fleet", "российский сухогруз") is its flag, its cargo's
owner or its port, not its mover. Arabic is left out: a state's bare name there is as often the place a
movement goes to ("... اليابان" as the destination of a visit) as its mover, and carrying it filled more
wrong actors than right ones in the annotated excerpts. An actor named right after a verb of reporting
("..., inform the Romanian Naval Forces") tells the story: it is its source, not one of the actors told.

French reporting on France's own forces names them once, anywhere in the story and often after the movement or
as the one who tells it ("la frégate Aconit a retrouvé Toulon ... », rappelle la Marine nationale", "les équipages
de la Marine nationale", "des navires français"): where the text names France's forces and no other actor at all,
every carrier the claim names that is no merchant ship is France's (the annotation's rules 6 and 41), even where
the force is named after the claim or only as its teller. A claim with no carrier, or with carriers of both
domains, is left alone.
"""

from __future__ import annotations

import re

from liftwatch.claims.known_movers import state_mover
from liftwatch.claims.lexicon import Actor
from liftwatch.claims.model import Claim
from liftwatch.claims.mover import actor_spans

__all__ = ["carry_told_actor"]

# a merchant ship named in the story: tanker, cargo ship, bulk carrier, container ship, the shadow fleet
_MERCHANT = re.compile(
    r"\b(?:tankers?|cargo\s+(?:ships?|vessels?)|freighters?|bulk\s+carriers?|container\s+ships?|merchant\s+"
    r"(?:ships?|vessels?)|shadow\s+fleet|ro-ro|pétroliers?|(?:le|un|du|au|les|des)\s+cargos?\b|navires?\s+cargos?|"
    r"vraquiers?|porte-conteneurs|navires?\s+(?:marchands?|de\s+commerce)|flotte\s+fantôme|"
    r"танкер\w*|сухогруз\w*|контейнеровоз\w*|балкер\w*|тенево\w+\s+флот\w*|торгов\w+\s+суд\w*)\b|"
    r"ناقل(?:ة|ات)|سفين(?:ة|تي)\s+(?:ال)?شحن|سفن\s+(?:ال)?شحن|(?:ال)?سفين(?:ة|تي)\s+(?:ال)?تجاري|حاويات",
    re.I,
)


# the teller, not the told: an actor right after a verb of reporting ("..., inform the Romanian Naval Forces",
# "according to the", "selon la", "сообщает") is the story's source
_TELLS = re.compile(
    r"(?:\b(?:informs?|said|says|reported|reports|announced|according\s+to|selon|a\s+(?:annoncé|indiqué|précisé)|"
    r"сообщает|сообщил[аи]?|заявил[аи]?|по\s+данным))\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]\s*)?$",
    re.I,
)
_ARABIC = re.compile(r"[\u0600-\u06FF]")


# France's own forces, as French reporting names them with no other state's name: "la Marine nationale", "la
# marine française", "les armées françaises", "l'armée de l'Air" (not followed by another state: "du Tchad",
# "algérienne"), "des navires français", "militaires français"
_OWN_FORCES = re.compile(
    r"\b(?:Marine\s+nationale|marine\s+française|armées?\s+françaises?|forces\s+(?:armées\s+)?françaises|"
    r"[Aa]rmée\s+de\s+l['’][Aa]ir(?!\s+(?:du|de\s+la|des|d['’]|[a-zé]+(?:ne|en|ain|ais|ois|ien)s?\b))|"
    r"navires?\s+français|bâtiments?\s+français|militaires\s+français)\b"
)


def _own_forces_only(text: str) -> Actor | None:
    """France, where the text names France's own forces ("la Marine nationale", "les armées françaises") and no
    other actor: French reporting on its own forces names the force once, often after the movement, and every
    military carrier of the story is theirs."""
    if not _OWN_FORCES.search(text):
        return None
    named = {a.name for _, _, a in actor_spans(text)}
    return state_mover("FR", "France") if named <= {"France"} else None


def _start(text: str, claim: Claim) -> int | None:
    found = [text.find(s) for s in claim.sentences if s]
    found = [p for p in found if p >= 0]
    return min(found) if found else None


def carry_told_actor(claims: list[Claim], text: str) -> None:
    """Give a claim with no actor the one actor the text names before its sentences, if it names one only; in a
    story that names France's own forces and no other actor, France (``_own_forces_only``)."""
    own = _own_forces_only(text)  # a reading of the whole text: the same for every claim
    for c in claims:
        if c.actor is not None or not c.sentences or any(_ARABIC.search(x) for x in c.sentences):
            continue
        at = _start(text, c)
        if at is None:
            continue
        if own is not None and c.domain is not None and not _MERCHANT.search(" ".join(c.sentences)):
            c.actor, c.actor_countries, c.actor_operators = own.name, own.countries, own.operators
            c.actor_carried = True
            continue
        if any(actor_spans(s) for s in c.sentences):
            continue  # its own sentences name someone the mover rules chose not to read as the mover
        if c.domain != "air" and _MERCHANT.search(text[: at + sum(len(x) for x in c.sentences)]):
            continue  # a merchant ship's story: the state named before is its flag or its cargo's, rule 8
        before = {a.name: a for s, _, a in actor_spans(text[:at]) if not _TELLS.search(text[max(0, s - 40) : s])}
        if len(before) != 1:
            continue
        told = next(iter(before.values()))
        c.actor, c.actor_countries, c.actor_operators = told.name, told.countries, told.operators
        c.actor_carried = True
