"""French ways of saying where a carrier came from that the plain cues ("quitté", "parti de") miss.

French reporting puts the time between a verb of leaving and its "de" ("est parti jeudi de Moscou", "a décollé
mardi soir de Moscou"), tells the leaving in the imperfect or the
present participle ("quittait Rouen", "quittant Zhanjiang"), names the place left as the carrier's own base with
"à" ("a quitté sa base à Severomorsk", where "à" alone would read a goal), and tells the coming with "venir" or
"arriver de" ("venu de Moscou", "il arrivait de Bakou"). Each cue ends where the place's own words begin, so the
filler rules (``filler.py``) still decide what may stand between the cue and the name.

The noun "l'arrivée de" names what arrived, not where from ("l'arrivée de la frégate"), and "une partie de" is no
departure: only the verbs' forms count, and "parti" with its "de" only after a time word (the bare "parti de" is
``cues.ORIGIN_CUES``'s). A headline's present ("quittent la Libye") tells the news, not where a voyage began, and is
left out. Measured and left out: "s'envoler" as a verb of motion ("s'est envolé de", "s'envolait"): on the
development corpus it added 2 right fields for 8 filled (a second flight told with it split from the first). As a
cue of the place left only ("s'envoleront de Lyon", "s'était envolé lundi soir de Dakar"), in a clause another verb
makes a movement, it gives the origin and splits nothing.
"quitté" with a time word or an adverb before its place ("a quitté le 9 août la base navale de Baltiïsk", "a quitté
avec succès Kyiv") was first measured at 1 right field fewer for 6 filled more, the origin of a relative clause
("qui a quitté ...") making a claim apart from the movement the sentence tells; it is read now outside a relative
clause only.

The noun of a withdrawal names the place left after who is withdrawn ("le retrait des soldats français du Tchad",
"le retrait de ses propres soldats du Kazakhstan"), and makes its clause a movement as the verb "se retirer de"
does, a headline's too ("Retrait des soldats français du Tchad"). A name right after "retrait de/des" is who
withdraws ("le retrait des États-Unis de ..."), not where from, and is not read.
"""

from __future__ import annotations

# one time word told between the verb and its preposition: a weekday with its part of the day or "dernier", a day
# of the month, "hier", "ce matin", "ce jeudi", "dans la nuit", or an adverb ("avec succès")
_MONTH = r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
_WEEKDAY = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_WHEN = (
    rf"(?:\s+(?:{_WEEKDAY}(?:\s+(?:dernier|matin|soir|après-midi|midi))*"
    rf"|(?:le\s+)?\d{{1,2}}(?:er)?\s+{_MONTH}(?:\s+\d{{4}})?|hier(?:\s+(?:matin|soir))?|"
    rf"ce\s+(?:matin|soir|{_WEEKDAY}(?:\s+(?:matin|soir|après-midi))?)|"
    r"dans\s+la\s+(?:nuit|matinée|soirée)|tôt|tard|finalement|discrètement|également|aussi|déjà|ensuite|"
    r"avec\s+succès))"
)
_OF = r"\s+(?:de|du|des|d['’]|depuis)"
# the same time words for the verbs of arriving (``fr_arrivals.py``)
FR_WHEN = _WHEN

FR_LEAVING_CUES = (
    # "a quitté sa base à Severomorsk", "ont quitté leur port d'attache de Baltiïsk": the carrier's own base, left
    r"quitt\w+" + _WHEN + r"*\s+(?:sa|son|leur|ses|leurs)\s+(?:base|port|port\s+d['’]attache|aérodrome)s?"
    r"(?:\s+(?:navale|aérienne|principale|d['’]attache))?\s+(?:à|de|d['’])",
    # the verbs of leaving with a time between them and their "de" (without one, ``cues.ORIGIN_CUES`` has them; "une
    # partie de", "fait partie de" is the noun)
    r"(?:(?:re)?parti(?:e|s|es)?|d[ée]coll(?:é|ée|és|ées|ait|aient|ant|e|ent)|"
    r"appareill(?:é|ée|és|ées|ait|aient|ant|e|ent))" + _WHEN + "+" + _OF,
    # flying off from: "s'envoleront de Lyon", "s'était envolé lundi soir de Dakar" (an origin only: "s'envoler" makes
    # no movement of its own, see above)
    r"envol(?:é|ée|és|ées|ait|aient|ant|e|ent|era|eront)" + _WHEN + "*" + _OF,
    # coming from: "venu de Moscou", "arrivait de Bakou", "arrivant de Tartous" (not the noun "l'arrivée de")
    r"(?:venu(?:e|s|es)?|(?<!l['’])arriv(?:é|ée|és|ées|ait|aient|ant))" + _WHEN + "*" + _OF,
    # the imperfect, the participle and the simple past of "quitter": "quittait Rouen", "quittant Zhanjiang" (a
    # headline's present, "quittent la Libye", tells the voyage's news, not where it began)
    r"quitt(?:ait|aient|ant|a|èrent)" + _WHEN + "*",
    # the participle with a time between it and the place left ("a quitté le 29 août dernier la ville portuaire de
    # Qingdao", "après avoir quitté le 10 juillet le port russe de Mourmansk", "ont quitté avec succès Kyiv"); not
    # after "qui a/ont/avait/avaient", whose relative clause describes a carrier another clause moves ("le navire
    # qui a quitté lundi Tartous est arrivé à Tobrouk"): that origin is the sentence's, and a claim of its own would
    # split the voyage
    r"(?<!qui\sa\s)(?<!qui\sont\s)(?<!qui\savait\s)(?<!qui\savaient\s)quitt(?:é|ée|és|ées)"
    + _WHEN
    + r"(?:\s+dernier)?",
    # people or goods evacuated or brought home from a place: "évacués du Soudan", "rapatriés d'Israël", "évacuer
    # depuis Haïti": the place is where the flight or ship left (the noun "l'évacuation de" names who, not where)
    r"(?:évacu|rapatri)(?:é|ée|és|ées|er|ait|aient|ant|ent|e|ons|ez)" + _WHEN + "*" + _OF,
    # the noun of a withdrawal with who is withdrawn, then the place left: "le retrait des soldats français du Tchad",
    # "la Russie poursuit le retrait de ses propres soldats du Kazakhstan", "le retrait de la Biélorussie des
    # parachutistes" (the place first); up to five words name who
    r"retraits?\s+(?:de|des|du|d['’])\s*(?:[\w'’-]+\s+){1,5}?(?:de|du|des|d['’])",
    # a ship weighing anchor where it lay: "a levé l'ancre à Tartous"
    r"lev(?:é|ée|és|ées|ait|aient|ant)\s+l['’]ancre" + _WHEN + r"*\s+(?:à|de|du|d['’]|depuis)",
)

# the noun of a withdrawal named with the place left makes its clause a movement, as the verb "se retirer de" does
# ("Retrait des soldats français du Tchad : ..."): only with the capitalised place after who is withdrawn; and so does
# the participle "parti" opening a sentence with the place left ("Parti de Brest le 3 mai, le navire a ..."), which
# has no auxiliary before it to say it is the verb: capitalised, after no word or comma ("le Parti de Gauche", "ce
# parti de" are the noun), and followed by "de" and a capitalised name
FR_LEAVING_MOVES = (
    r"(?:retraits?\s+(?:de|des|du|d['’])\s*(?:[\w'’-]+\s+){1,5}?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])"
    r"(?-i:[A-ZÀ-ÖØ-Þ])"
    r"|(?<![\w,;'’-]\s)(?<![\w,;'’-])(?-i:Parti(?:e|s|es)?)\s+(?:de\s+|du\s+|d['’])(?=(?-i:[A-ZÀ-ÖØ-Þ])))"
)
