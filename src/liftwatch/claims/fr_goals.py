"""French ways of telling the goal a carrier went to or went back to that the plain cues left unread.

- **"jusqu'à" after a start** ("ont transporté des munitions depuis Gao jusqu'à Ouagadougou", "a navigué de
  Tartous jusqu'au port de Tobrouk"): "à" alone counts as a goal only with a verb of motion just before it, and
  after a first place the words read are only those after it (" jusqu'"), so the goal of a route told from its
  start was lost. "jusqu'à" names how far the carrier went, wherever the verb stands; a date after it ("jusqu'au 9
  février") is no name and gives no place.
- **Going back** ("le cargo a regagné Novorossiisk", "est retourné à Tartous", "les navires sont revenus à
  Severomorsk"): "regagner" and "retourner à" were cues of a goal but not verbs of motion, so a clause with no
  other verb made no claim; "revenir" was neither. Only the finite forms and the participles: the infinitive tells
  an order, a purpose or a permission ("sommés de retourner dans les ports", "permis de regagner la France"), not a
  voyage made (on the development corpus it added two wrong fields and no right one). Not "rentrer", measured
  before and left out (``fr_arrivals.py``), nor the noun "le retour".

- **The goal of the aid a carrier brings** ("cinq avions militaires chargés d'aides humanitaires au Soudan",
  "deux avions cargo, avec 30 tonnes d'aide humanitaire à la Libye, ont décollé"): "à"/"au" alone count as a goal
  only with a verb of motion just before them, and the load stands between the verb and the goal.

- **The goal a movement was made to reach** ("ont franchi le Bosphore pour se rendre en Méditerranée orientale",
  "afin de se rendre à Tartous"): "pour" is a cue of its own, but before "se rendre en" the place came after a
  filler the cue could not cross. Only the infinitive of purpose: the imperfect ("alors qu'il se rendait au
  Portugal") tells a voyage that may not have got there, and read as a goal it made a diverted flight's possible
  goal its destination (1 right field fewer on the development corpus).

None in the future or the conditional ("reviendra dans deux semaines à Toulon", "regagnera"): a voyage planned, not
begun, claims nothing (the corpus's rule 15).

Measured and left out: "faire route" in the persons and tenses besides "fait route" ("font route vers", "faisait
route vers"), 1 right field for 4 filled over the development corpus (a seized ship's goal, which the annotation
offers as possible, and a ship's goal the annotation gives another claim).

"a pris la direction de" as a cue and a verb of motion: 1 right field fewer for 4 filled more on the development
corpus (a heading taken before a stop read as the goal, a ship's claim split).

Hand-written, as the other cue lists (``cues.py``): the French forms, completed from their paradigm.
"""

from __future__ import annotations

# "jusqu'à Ouagadougou", "jusqu'au port de", "jusqu'aux bases de": the goal a route was told to reach
FR_GOAL_CUES = (
    r"jusqu['’]\s?(?:à|au|aux)",
    # coming back, with its preposition ("sont revenus à", "revient au", "revenait en"); the participle only after
    # its auxiliary, since "revenus" alone is also a noun (income)
    r"(?:(?:est|sont|était|étaient|soit|soient)\s+revenue?s?|revien(?:t|nent)|reven(?:ait|aient|ir))\s+"
    r"(?:à|au|aux|en|dans|sur)",
    # the goal of the aid a carrier brings: "cinq avions chargés d'aides humanitaires au Soudan", "avec 30 tonnes
    # d'aide humanitaire à la Libye", "l'aide d'urgence aux Tonga"; "à"/"au" alone count only with a verb of
    # motion just before them, and the load stands between the verb and its goal ("pour" and "à destination de" are
    # cues already)
    r"aides?(?:\s+(?:humanitaires?|médicales?|alimentaires?|militaires?|d['’]urgence))*\s+(?:à|au|aux)(?!\s+destination)",
    # the place a movement was made to go to: "ont franchi le Bosphore pour se rendre en Méditerranée orientale" (from
    # "se": the cue "pour" is matched first at its own position)
    r"(?:(?<=pour\s)|(?<=afin\sde\s))se\s+rendre\s+(?:à|au|aux|en|vers)",
)

# the verbs of going back the clause test (``cues.MOVE``) lacked: "a regagné", "est retourné à", "sont revenus à"
# (no infinitive: "sommés de retourner" is an order, not a voyage)
FR_GOAL_MOVES = (
    r"regagn(?:e|ent|é|ée|és|ées|ait|aient|ant)|"
    r"retourn(?:e|ent|é|ée|és|ées|ait|aient|ant)\s+(?:à|au|aux|en|dans|vers)|"
    r"(?:est|sont|était|étaient|soit|soient)\s+revenue?s?\s+(?:à|au|aux|en|dans|sur)|"
    r"revien(?:t|nent)\s+(?:à|au|aux|en|dans|sur)"
)
