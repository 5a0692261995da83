"""French adjectives of nationality that the filler's endings (``filler._FR_FILLER``: -ien, -ais, -ain, -ane) miss.

A French place noun is described by the state's adjective after it ("le port nord-coréen de Rajin", "la ville
côtière turque de Mersin", "la ville portuaire chinoise de Qingdao", "l'aéroport guinéen de Conakry"): the
adjective belongs to the place named next, as "syrienne" does, and must not break the link between a cue and the
name. Told by form where French builds them (-éen/-éenne, -ois/-oise, a compass prefix joined by a hyphen), and by
a short list for the irregular ones (turc/turque, grec/grecque, belge, suisse). The plural "russes" was measured
and left out: "les ports russes de la mer Noire" then gave the sea a role meant for the ports (1 right field for 6
filled on the development corpus); the singular "russe" is ``cues.FILLER``'s.
"""

from __future__ import annotations

import re

FR_DEMONYM = re.compile(
    r"(?:(?:nord|sud|est|ouest)-)?"
    r"(?:[a-zéèï]{3,}(?:éen|éenne|éens|éennes|ois|oise|oises|ien|ienne|iens|iennes|ais|aise|aises|ain|aine|ains|aines)"
    r"|turc|turcs|turque|turques|grec|grecs|grecque|grecques|belges?|suisses?|malgaches?|tchèques?|khmers?)"
)
