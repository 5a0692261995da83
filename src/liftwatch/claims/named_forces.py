"""Forces known by a proper name that holds no state's name or adjective, in the languages reporting writes them.

They name their state as "the French Air Force" does ("six Y-20s of the People's Liberation Army Air Force", "the
PLA Navy's escort taskforce", "a Luftwaffe A400M", "l'armée de l'Air et de l'Espace parachute", "an IDF aircraft",
"an RCAF C-17"); :mod:`liftwatch.claims.known_movers` reads them as their states' movers.
"""

from __future__ import annotations

import re

NAMED_FORCES = {
    r"People['’]s\s+Liberation\s+Army(?:\s+(?:Air\s+Force|Navy))?|PLA(?:AF|N)?": "CN",
    r"[Aa]rmée\s+populaire\s+de\s+libération": "CN",  # "la Marine de l'Armée populaire de libération (APL)"
    r"Luftwaffe|Bundeswehr|Deutsche\s+Marine": "DE",
    # "la Marine nationale" is France's, also as "la Marine Nationale"; "la Marine nationale du Maroc" is Morocco's
    # (the branch with its state, below)
    r"[Aa]rmée\s+de\s+l['’][Aa]ir\s+et\s+de\s+l['’][Ee]space|Marine\s+[Nn]ationale(?!\s+(?:du|de\s+la|de\s+l['’]|des|d['’]))": "FR",
    r"Israel\s+Defen[cs]e\s+Forces|IDF|Tsahal": "IL",
    # the Royal Saudi Navy's ships are "His Majesty's Ship" in Arabic, before the ship's name ("سفينة جلالة الملك
    # «ينبع»", "فرقاطة جلالة الملك الدمام"), as "HMS" is in English
    r"(?:سفين|فرقاط)(?:ة|تا|تي)\s+[«\"“]?جلالة\s+الملك": "SA",
    # Japan's forces by their own names, with or without the state ("an Air Self-Defense Force C-130", "Japan's
    # Self-Defense Force ships", "two Japanese self-defense force ships")
    r"(?:Japan\s+)?(?:Maritime\s+|Air\s+|Ground\s+)?(?i:self-defen[cs]e\s+forces?)|JMSDF|JASDF": "JP",
    r"RCAF": "CA",
    r"RAAF": "AU",
    r"RNZAF": "NZ",
}


def named_force(name: str) -> str | None:
    """The ISO2 of the state whose forces ``name`` (a match of :data:`NAMED_FORCES`) names."""
    return next((iso for rx, iso in NAMED_FORCES.items() if re.fullmatch(rx, name)), None)
