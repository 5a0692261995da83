"""French ways of saying where a carrier was sent or arrived that the plain cues ("arrivé à", "déployé en") miss.

French tells a dispatch with the past participle of its verb of sending and the preposition of the goal ("ont été
transférés en Biélorussie", "1 500 militaires ont été dépêchés en Méditerranée orientale", "expédiés au Mali"),
where ``cues.DEST_CUES`` had only the participles of arriving and delivering. It puts a time or a parenthesis
between a verb of arriving or mooring and its preposition ("a accosté dimanche au port d'Alger", "arrivera quant à
lui dans la Méditerranée", "a mouillé hier soir dans le port de"), as it does for the verbs of leaving
(``leaving_forms.py``). Each cue ends with the preposition, so the filler rules (``filler.py``) still decide what
may stand between it and the name.
"""

from __future__ import annotations

from liftwatch.claims.leaving_forms import FR_WHEN

# the goal's preposition after a verb of sending or arriving
_TO = r"\s+(?:à|au|aux|en|dans|sur)"
# a parenthesis that sets the subject against another one ("quant à lui", "pour sa part", "de son côté")
_ASIDE = r"(?:\s*,?\s+(?:quant\s+à\s+(?:lui|elle|eux|elles)|pour\s+sa\s+part|de\s+son\s+côté),?)"

FR_ARRIVAL_CUES = (
    # the participle of a verb of sending: where it sent the carrier or the people ("transférés en Biélorussie",
    # "dépêchés en Méditerranée", "redéployé à Gao", "convoyés jusqu'au", "projetés au Tchad"); "livrée", "déployée",
    # "acheminée" are ``cues.DEST_CUES``'s already
    r"(?:transfér|dépêch|expédi|redéploy)(?:é|ée|és|ées)" + FR_WHEN + "*" + _TO,
    # a verb of arriving or mooring, a time or a parenthesis, then the goal's preposition ("a accosté dimanche 14
    # septembre au", "arrivera quant à lui dans", "ont mouillé hier dans", "arrive ce matin à"); the past
    # participles of "arriver" with any adverbial are ``cues.DEST_CUES``'s
    r"(?:arriv(?:e|ent|era|eront|ait|aient|a)|accost\w+|mouill\w+|amarr\w+)(?:" + FR_WHEN + "|" + _ASIDE + ")+" + _TO,
)
