"""French forces French reporting names without their state: France's.

**The air force, bare, after a carrier.**
French reporting names its own air force without its state ("un A340 de l'armée de l'Air a décollé de Roissy",
"un deuxième avion de l'armée de l'air a posé ses roues en Irak", "le premier C-130J de l'armée de l'air"), and
every other state's with it ("de l'armée de l'air russe", "de l'armée de l'air du Tchad", read by
:mod:`liftwatch.claims.known_movers`). The state's military aircraft is its state's (the annotation's rule 6), so the
bare name after a carrier names France as the mover. Only after a carrier: "le chef d'état-major de l'armée de
l'air" or "le service de presse de l'armée de l'Air" speak for a force, they do not fly for it.

**The forces stationed overseas, by their names.** France's forces in its overseas territories and its bases abroad
have names of their own, and reporting uses them alone ("les deux CASA des FAZSOI", "les FANC ont appareillé le
D'Entrecasteaux", "un Casa des Forces armées en Guyane", "un Transall des Éléments français au Tchad (EFT)"): each
names France as "la Marine nationale" does. Their abbreviations are read in capitals only ("FAG", a common
word's letters elsewhere, is read in its full name only).
"""

from __future__ import annotations

import re

from liftwatch.claims.known_movers import state_mover, state_table
from liftwatch.claims.lexicon import Actor
from liftwatch.kb._text import norm_key

# a carrier: a carrier noun or a type written with a figure ("A340", "A 340", "C-130J Super Hercules", "C135 FR"), at most a
# few words between it and "de l'armée de l'air" ("l'avion de transport stratégique de l'armée de l'Air")
_BARE = re.compile(
    r"(?:\b(?:avions?|appareils?|aéronefs?|quadriréacteurs?|biréacteurs?|ravitailleurs?)|"
    r"\b[A-Z][\w-]*\s?\d[\w-]*)(?:\s+[\w-]+){0,4}?\s+de\s+l['’]"
    r"(?P<force>[Aa]rmée\s+de\s+l['’][Aa]ir)\b(?!\s*(?:et|&)\s)"
)
# what names another state after the force: "du Tchad", "de la Côte d'Ivoire", "royale marocaine"
_STATE_AFTER = re.compile(r"\s+(?:du|de\s+la|de\s+l['’]|des|d['’])\s*[A-ZÀ-Þ]|\s+royale\b")
_WORD_AFTER = re.compile(r"\s+([\w-]+)")
_OVERSEAS = re.compile(
    r"\b(?:FAZSOI|FANC|Fanc|FAPF|FFDj|FFCI|FFEAU|EFT|EFG|EFS|"
    r"[Ff]orces\s+armées\s+(?:dans\s+la\s+zone\s+sud\s+de\s+l['’]océan\s+[Ii]ndien|de\s+(?:la\s+)?Nouvelle-Calédonie|"
    r"en\s+(?:Nouvelle-Calédonie|Polynésie\s+française|Guyane)|aux\s+Antilles)|"
    r"[Ff]orces\s+françaises\s+(?:stationnées\s+)?(?:à|aux|au|en)\s+(?:Djibouti|Côte\s+d['’]Ivoire|Émirats|Gabon|Sénégal)|"
    r"[ÉE]léments\s+français\s+(?:au|du|en)\s+(?:Tchad|Gabon|Sénégal))\b"
)


def _france() -> Actor:
    """France's mover (the lexicon's where it has one)."""
    return state_mover("FR", "France")


def french_forces(text: str) -> list[tuple[int, int, Actor]]:
    """France's forces named without their state: the air force bare after a carrier, the forces stationed
    overseas by their names; as France, on the force's span."""
    _, key, _, _ = state_table()
    out = [(m.start(), m.end(), _france()) for m in _OVERSEAS.finditer(text)]
    for m in _BARE.finditer(text):
        after = text[m.end("force") : m.end("force") + 40]
        if _STATE_AFTER.match(after):
            continue
        word = _WORD_AFTER.match(after)
        if word is not None and norm_key(word.group(1)) in key:  # "de l'armée de l'air russe": Russia's
            continue
        out.append((m.start("force"), m.end("force"), _france()))
    return sorted(out, key=lambda x: x[0])
