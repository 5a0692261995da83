"""The navy a warship's name is marked with: "HMS Trent", "INS Gharial", "HNLMS Pelikaan", "le PHA Dixmude".

A navy writes its own ships' names after a prefix of its own (HMS: the Royal Navy; USS and USNS: the US Navy;
HNLMS: the Dutch navy; INS: the Indian navy; TCG: the Turkish navy), and reporting in every language copies it
("le HMS Trent a quitté Gibraltar", "وصلت السفينة HMS Lancaster"). A warship is its state's (the annotation's
rule 6), so the prefix names the mover where the sentence names no state: the carrier's own mark, not its flag.
The French navy marks its ships by a type designation instead, in brackets or before the name ("le
porte-hélicoptères amphibie (PHA) Mistral", "le BCR Somme", "le patrouilleur de haute mer (PHM) Commandant
Birot"); only the designations no other navy uses are read ("FREMM" is also Italy's, Morocco's and Egypt's).

A prefix is the weakest of the movers: a state the sentence names by its forces or adjective is read first, so
:func:`liftwatch.claims.mover.mover` takes a mark only when no other actor qualifies the carrier. "HMS" is two
navies' mark (the Royal Navy's, and the Royal Saudi Navy's in Saudi reporting: "le HMS Riyadh" after "le navire
Makkah de la marine saoudienne"); it is read last, after the story's actor has been carried to the claims that
name none (:func:`shared_marks`), and then as the Royal Navy's.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.claims.known_movers import state_mover, state_table
from liftwatch.claims.lexicon import Actor
from liftwatch.claims.model import Claim

# marks two navies write, each with the state it names where the story names no other
_SHARED = {"HMS": "GB"}
# prefix -> ISO2 of the navy's state; prefixes another navy shares ("BNS": Bangladesh and Belgium, "HS") are left
# out, and "INS" is India's (Israel's few "INS" ships are rarely named so in this theatre's reporting)
_PREFIXES = {
    "RFA": "GB",
    "USS": "US",
    "USNS": "US",
    "USCGC": "US",
    "HMAS": "AU",
    "HMCS": "CA",
    "HMNZS": "NZ",
    "HNLMS": "NL",
    "INS": "IN",
    "TCG": "TR",
    "ITS": "IT",
    "FGS": "DE",
    "ESPS": "ES",
    "RFS": "RU",
    "PNS": "PK",
    "ROKS": "KR",
    "HDMS": "DK",
    "HNoMS": "NO",
    "HSwMS": "SE",
    "NRP": "PT",
    "ORP": "PL",
    "KRI": "ID",
    "BRP": "PH",
}
# the French navy's type designations before a ship's name ("(PHA) Dixmude", "le BATRAL Jacques Cartier")
_FR_DESIGNATIONS = (
    "PHA",
    "BPC",
    "PHM",
    "BCR",
    "BRF",
    "BATRAL",
    "Batral",
    "FLF",
    "FDI",
    "FASM",
    "BSAOM",
    "BSAM",
    "BSAH",
    "PSP",
    "PLG",
    "SNLE",
)
# the mark, then the name: a capital, or a quote before it ("HMS Trent", "(PHM) « Commandant Ducuing »",
# "l'USS Nimitz"); "les BPC égyptiens" has no name after the mark and stays unread
_NAME_AFTER = r"\)?[ \t]+(?:[«\"“'‘][ \t]*)?[A-Z\u00c0-\u00de]"


@cache
def _pattern() -> re.Pattern[str]:
    marks = sorted([*_PREFIXES, *_FR_DESIGNATIONS], key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?P<mark>{'|'.join(marks)})(?={_NAME_AFTER})")


def _actor(iso: str, mark: str) -> Actor | None:
    """The mover of the state ``iso`` (its hand-written one where the lexicon has it)."""
    return state_mover(iso, mark) if iso in state_table()[2] else None


def hull_states(text: str) -> list[tuple[int, int, Actor]]:
    """The states whose navies' marks stand before a ship's name in ``text``, as movers on the mark's span."""
    out: list[tuple[int, int, Actor]] = []
    for m in _pattern().finditer(text):
        mark = m.group("mark")
        actor = _actor(_PREFIXES.get(mark, "FR"), mark)
        if actor is not None:
            out.append((m.start(), m.end(), actor))
    return out


_SHARED_MARK = re.compile(rf"(?<![\w-])(?P<mark>{'|'.join(_SHARED)})[ \t]+[A-Z\u00c0-\u00de]")


def shared_marks(claims: list[Claim]) -> None:
    """A claim still without an actor whose ships all bear a mark two navies write ("HMS Trent") is the navy's
    that the mark names where the story names no other (the Royal Navy's)."""
    for c in claims:
        if c.actor is not None:
            continue
        # every ship the claim names bears the mark: "HMS Somerset followed our corvette Boikiy" moves the Boikiy too
        marks = [_SHARED_MARK.match(a.text or a.label) for a in c.assets if a.ship_name]
        found = marks[0] if marks and all(marks) else None
        actor = _actor(_SHARED[found.group("mark")], found.group("mark")) if found is not None else None
        if actor is not None:
            c.actor, c.actor_countries, c.actor_operators = actor.name, actor.countries, actor.operators
