"""French ways of saying where a carrier arrived that the plain cues ("arrivé à", "a accosté au") miss.

French puts a time or a parenthesis between a verb of arriving or mooring and its preposition ("a accosté dimanche
14 septembre au port d'Alger", "arrivera quant à lui dans la Méditerranée", "a mouillé hier soir dans le port de"),
as it does for the verbs of leaving (``leaving_forms.py``); ``cues.DEST_CUES`` took such a gap only after the past
participles of arriving and landing. French also tells an entry in the feminine and plural ("la corvette est
entrée dans", "les frégates sont entrées en"), a landing with "se poser" as the goal of the flight ("a décollé de X
pour se poser à Y"), a time before "en" after a participle ("sont arrivés samedi en Biélorussie"), and an escort with
the goal it took the escorted ship to ("a escorté le cargo jusqu'au port de"), as English "escorted ... to" does.
Each cue ends with the preposition, so the filler rules (``filler.py``) still decide what may stand between it and
the name.

Measured and left out (on the development corpus each filled more wrong fields than right ones): the participle
of a verb of sending before its goal ("transférés en Biélorussie", "dépêchés le 23 septembre au"), 4 right fields
for 8 filled (a rail leg the annotation leaves out); "de retour vers/à" as a word of motion, 2 for 4; "a mis le
cap sur/vers", 2 for 8 (3 for 13 with the future "mettra le cap"); a carrier seen somewhere ("repéré à",
"aperçus dans", "observés dans le port de"), 8 for 15; "se poser" in every form (a diversion, "a dû se poser à
Kano", and a ranking, "le premier appareil à se poser à Aden", read as goals), 2 for 9; a return to the carrier's
own base ("sont rentrés à leur base de"), 1 for 5; "dérouté vers" (diverted), 1 for 5 (a hedged destination and a
ship's other name).
"""

from __future__ import annotations

from liftwatch.claims.leaving_forms import FR_WHEN

# the goal's preposition after a verb of arriving
_TO = r"\s+(?:à|au|aux|en|dans|sur)"
# a parenthesis that sets the subject against another one ("quant à lui", "pour sa part", "de son côté")
_ASIDE = r"(?:\s*,?\s+(?:quant\s+à\s+(?:lui|elle|eux|elles)|pour\s+sa\s+part|de\s+son\s+côté),?)"

# "entrer" in the forms that tell a carrier's entry: the participle after its auxiliary in every gender and number
# ("la corvette est entrée", "les frégates sont entrées"), and the finite forms; not the noun "l'entrée du port",
# "les entrées de navires", nor the preposition "entre"
_ENTERED = (
    r"(?:(?:est|sont|était|étaient|soit|soient|serait|seraient)\s+entr(?:é|ée|és|ées)|entr(?:ait|aient|era|eront))"
)
# "se poser" (to land): the infinitive of a flight's goal after "pour", "afin de", "avant de", "puis" ("a décollé de
# X pour se poser à Y"), and the future and imperfect ("se posera à"); the past participle ("s'est posé à") is
# ``cues.DEST_CUES``'s. Not the infinitive after a modal or a noun ("a dû se poser à Kano", "contraint de se poser",
# "le premier appareil à se poser à"): a forced landing or a ranking, not the goal the flight was told with
# (a look-behind, so the cue starts at "se": "pour" alone is a cue that would take the position first)
_LAND = r"(?:(?:(?<=pour\s)|(?<=afin\sde\s)|(?<=avant\sde\s)|(?<=puis\s))se\s+poser|se\s+pos(?:era|eront|ait|aient))"

FR_ARRIVAL_CUES = (
    # a verb of arriving or mooring, a time or a parenthesis, then the goal's preposition ("a accosté dimanche 14
    # septembre au", "arrivera quant à lui dans", "ont mouillé hier dans", "arrive ce matin à"); the past
    # participles of "arriver" with any adverbial are ``cues.DEST_CUES``'s
    r"(?:arriv(?:e|ent|era|eront|ait|aient|a)|accost\w+|mouill\w+|amarr\w+)(?:" + FR_WHEN + "|" + _ASIDE + ")+" + _TO,
    # entering, with or without a time between ("est entrée dans le port de", "est entré ce mercredi 17 novembre
    # dans la Manche", "sont entrées en Méditerranée")
    _ENTERED + r"(?:" + FR_WHEN + "|" + _ASIDE + ")*" + _TO,
    # landing told with "se poser", with or without a time between ("pour se poser à N'Djamena")
    _LAND + r"(?:" + FR_WHEN + "|" + _ASIDE + ")*" + _TO,
    # the past participles of arriving and landing with a time before "en", which names a country or a sea ("sont
    # arrivés samedi en Biélorussie", "a atterri lundi en Libye"); before "à", "dans", "sur" ``cues.DEST_CUES`` reads
    # any adverbial already
    r"(?:atterri|posée?s?|arrivée?s?)(?:" + FR_WHEN + "|" + _ASIDE + r")+\s+en",
)

# an escort told with the goal it took the escorted ship to ("la frégate a escorté le cargo jusqu'au port de
# Djibouti", "a accompagné un navire jusqu'à Tartous"): the escort went there too, as English "escorted the cargo
# ship to Tartus" (``motion_forms.py``); without "jusqu'à" ("escortant deux pétroliers") the escort is no movement
_ESCORTED_TO = r"(?:escort|accompagn)(?:é|ée|és|ées|ait|aient|ant|e|ent)\s+(?:[\w'’«»,-]+\s+){1,8}?jusqu(?=['’])"

# the French verbs of motion these cues add to ``cues.MOVE`` (the clause test): "est entrée", "repartie", an escort
# to a goal
FR_ARRIVAL_MOVES = _ENTERED + r"|reparti(?:e|es)|" + _ESCORTED_TO
