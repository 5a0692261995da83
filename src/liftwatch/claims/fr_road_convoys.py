"""A French clause that tells a road convoy's leg, with no aircraft or ship in it, claims no movement.

The extractor tracks carriers by air and by sea. French reporting of a withdrawal or a delivery tells the road legs
beside the flights in the same words of leaving and heading ("des convois routiers quittent la BAP de Niamey pour
N'Djamena", "un convoi logistique a quitté la base en direction du Cameroun", "acheminés par voie terrestre"): read
as a movement, such a clause made a claim with no carrier, its places as the ends of a flight. The convoy is named
by what makes it one on land: "routier", "terrestre", "logistique", "de camions", or a way "par la route", "par
voie terrestre/routière". A clause that also names an aircraft or a ship ("400 rotations par A400M et cinquante
convois routiers") keeps its claim, since the carrier named is read.

Hand-written: a few French noun phrases, as the other cue lists (``cues.py``).
"""

from __future__ import annotations

import re

ROAD_CONVOY = re.compile(
    r"\bconvois?\s+(?:militaires?\s+)?(?:routiers?|terrestres?|logistiques?|de\s+(?:camions|véhicules|poids\s+lourds))\b"
    r"|\bpar\s+(?:la\s+)?route\b|\bpar\s+voie\s+(?:terrestre|routière)\b|\bpar\s+camions?\b",
    re.I,
)


def road_convoy_only(clause: str, carriers: int) -> bool:
    """Whether ``clause`` tells a movement by road only: it names a road convoy or a way by road, and none of the
    ``carriers`` (aircraft or ships) the asset reader found in it."""
    return carriers == 0 and ROAD_CONVOY.search(clause) is not None
