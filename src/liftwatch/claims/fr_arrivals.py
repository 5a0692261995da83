"""French ways of saying where a carrier arrived that the plain cues ("arrivé à", "a accosté au") miss.

French puts a time or a parenthesis between a verb of arriving or mooring and its preposition ("a accosté dimanche
14 septembre au port d'Alger", "arrivera quant à lui dans la Méditerranée", "a mouillé hier soir dans le port de"),
as it does for the verbs of leaving (``leaving_forms.py``); ``cues.DEST_CUES`` took such a gap only after the past
participles of arriving and landing. Each cue ends with the preposition, so the filler rules (``filler.py``) still
decide what may stand between it and the name.

Measured and left out (on the development corpus each filled more wrong fields than right ones): the participle
of a verb of sending before its goal ("transférés en Biélorussie", "dépêchés le 23 septembre au"), 4 right fields
for 8 filled (a rail leg the annotation leaves out); "de retour vers/à" as a word of motion, 2 for 4; "a mis le
cap sur/vers", 2 for 8 (3 for 13 with the future "mettra le cap"); a carrier seen somewhere ("repéré à",
"aperçus dans", "observés dans le port de"), 8 for 15.
"""

from __future__ import annotations

from liftwatch.claims.leaving_forms import FR_WHEN

# the goal's preposition after a verb of arriving
_TO = r"\s+(?:à|au|aux|en|dans|sur)"
# a parenthesis that sets the subject against another one ("quant à lui", "pour sa part", "de son côté")
_ASIDE = r"(?:\s*,?\s+(?:quant\s+à\s+(?:lui|elle|eux|elles)|pour\s+sa\s+part|de\s+son\s+côté),?)"

FR_ARRIVAL_CUES = (
    # a verb of arriving or mooring, a time or a parenthesis, then the goal's preposition ("a accosté dimanche 14
    # septembre au", "arrivera quant à lui dans", "ont mouillé hier dans", "arrive ce matin à"); the past
    # participles of "arriver" with any adverbial are ``cues.DEST_CUES``'s
    r"(?:arriv(?:e|ent|era|eront|ait|aient|a)|accost\w+|mouill\w+|amarr\w+)(?:" + FR_WHEN + "|" + _ASIDE + ")+" + _TO,
)
