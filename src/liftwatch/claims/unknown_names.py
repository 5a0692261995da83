"""Capitalised runs the kb does not know that name no place, and dates glued to a place's name.

A capitalised run after a cue of motion that the kb cannot resolve is kept as an *unknown place* (``candidates.py``).
Where the run is a body ("the Russian Embassy", "UNICEF", "the Iranian Red Crescent"), a people or a nationality
("African", "Chinese-developed", "the Italians"), a ship ("HMS Lancaster") or an armed group ("Hezbollah"), it names
no place: kept, it becomes an origin or a destination the text never gave, which an analyst reads as evidence.
Only runs the kb does not know are judged here, so a place the kb holds is never lost to these forms.

A run that ends in a month or a weekday ("to Jamaica October 3", "in Sudan Sunday") is the place and then the
date: the date is cut off and the place looked up alone. A run whose leading words the kb knows ("in Mombasa Governor
Nassir said") is that place, the capitals having run on into a person's name or a new clause.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import Gazetteer
from liftwatch.kb._text import generic_only
from liftwatch.kb.nationalities import nationality_adjectives

# the note a capitalised run the kb does not resolve carries (``candidates.py``; waters have their own)
UNKNOWN_NOTE = "not in the knowledge base"

# A month or weekday after the name: the date the sentence goes on with. "May" is left out: "Cape May" is a place.
_DATE_TAIL = re.compile(
    r"(?:\s+(?:January|February|March|April|June|July|August|September|Sept|October|November|December|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|janvier|février|avril|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche))+$"
)

# The nouns of a body, an office or a unit in English and French: the run names who acts, not where.
_BODY_WORD = re.compile(
    r"\b(?:Embassy|Ambassade|Department|Ministère|Authority|Autorité|Administration|Crescent|Croissant|"
    r"Cross|Croix|Engineers|Auxiliary|Operations?|Opération|Section|Units?|Minister|Ministre|President|Président|"
    r"Nations|Commonwealth|Management|Trade|Directorate|Brigade|Battalion|Regiment|Squadron|Escadron|Division)\b"
)

# A ship's navy prefix ("HMS Lancaster", "USS Wasp"): the run names a ship (``ships.py`` reads it as one).
_HULL_PREFIX = re.compile(
    r"(?:USS|USNS|HMS|HMCS|HMAS|HMNZS|RFA|INS|PNS|ROKS|HNLMS|HDMS|ESPS|NRP|TCG|KRI|BNS|FGS|ITS|BAP|ARA)\s"
)

# Armed groups and movements a text names beside places ("weapons for Hezbollah"): a party, not a place.
_GROUPS = {"hezbollah", "hizbullah", "hizballah", "houthi", "houthis", "hamas", "taliban"}

# Adjectives of a continent: "African", "European" qualify a noun, as a state's adjective does.
_CONTINENT_ADJECTIVES = {"african", "european", "asian", "africain", "européen", "asiatique"}

# An organisation written in capitals that is no airport code (those have four letters and the kb knows them).
_ACRONYM = re.compile(r"[A-Z]{6,8}")


def without_date_tail(phrase: str) -> str:
    """``phrase`` without the months and weekdays that end it ("Jamaica October" -> "Jamaica"), or ``phrase``
    itself when nothing would be left."""
    m = _DATE_TAIL.search(phrase)
    return phrase[: m.start()] if m is not None and m.start() > 0 else phrase


# words that go on a facility's name: a run whose rest is only these is a facility's whole name ("Grissom Air Force
# Base"), not a place and a name run on, and is left whole
_FACILITY_WORDS = {
    "air", "force", "base", "airbase", "airport", "airfield", "field", "port", "harbour", "harbor", "naval",
    "international", "military", "station", "airstrip", "terminal", "pier", "quay", "dockyard", "bay", "island",
    "islands", "strait", "sea", "gulf", "canal",
}  # fmt: skip


def known_lead(phrase: str, gaz: Gazetteer) -> tuple[str, Place] | None:
    """The longest run of ``phrase``'s leading words that the kb knows, when the whole is unknown: the capitalised
    run went on past the place into a name or a new clause ("in Myanmar Defence Minister ...", "to Addis Ababa
    Bole"). Latin script only, with at least four letters and more than a facility's word; never cut where the words
    after it are only a facility's own ("Dover Air Force Base")."""
    words = phrase.split()
    if len(words) < 2 or not re.fullmatch(r"[A-Za-zÀ-ÿ' .-]+", phrase):
        return None
    for n in range(len(words) - 1, 0, -1):
        lead = " ".join(words[:n])
        if len(lead) < 4 or generic_only(lead) or all(w.lower() in _FACILITY_WORDS for w in words[n:]):
            continue  # "Grissom Air Force Base": the facility's whole name, which other rules read
        place = gaz.lookup(lead)
        if place is not None and place.known:
            return lead, place
    return None


@cache
def _adjectives() -> frozenset[str]:
    return frozenset(nationality_adjectives()) | _CONTINENT_ADJECTIVES


def _nationality_led(phrase: str) -> bool:
    """The run opens with a state's or continent's adjective, or is one in the plural ("Russian Embassy",
    "Chinese-developed", "Sri-Lankan", "Italians")."""
    words = phrase.replace("-", " ").split()
    adjectives = _adjectives()
    for n in (2, 1):  # "Sri Lankan", "South African" before "Sri", "South"
        if len(words) >= n:
            lead = " ".join(words[:n]).lower()
            if lead in adjectives or (len(words) == n and lead.endswith("s") and lead[:-1] in adjectives):
                return True
    return False


def names_no_place(phrase: str) -> bool:
    """Whether a capitalised run the kb does not know names a body, a people, a ship or an armed group rather than
    a place."""
    if _BODY_WORD.search(phrase) or _HULL_PREFIX.match(phrase) or _ACRONYM.fullmatch(phrase):
        return True
    if any(w.lower() in _GROUPS for w in phrase.split()):
        return True
    return _nationality_led(phrase)


def drop_names_of_no_place(claims: list[Claim]) -> list[Claim]:
    """Take out of each claim's places the unknown ones whose name is a body, a people, a ship or an armed group
    (:func:`names_no_place`). A claim keeps its other places (its carrier, date and count are read from the same
    sentence and may be right though one run after a cue is no place); a claim left with no place, no carrier and
    no actor says nothing a reader or the data could check, and is dropped."""
    out = []
    for c in claims:
        had = bool(c.origin or c.destination or c.via or c.possible)
        for role in ("origin", "destination", "via", "possible"):
            places = getattr(c, role)
            kept = [p for p in places if p.known or p.note != UNKNOWN_NOTE or not names_no_place(p.text)]
            if len(kept) != len(places):
                setattr(c, role, kept)
        if c.origin or c.destination or c.via or c.possible or c.assets or c.actor or not had:
            out.append(c)
    return out
