"""French ways of telling a carrier back home as a state rather than with a verb of motion.

French news of a ship's return often has no verb of going: the ship "est de retour à quai à Toulon", the frigates
"sont de retour à la base navale de Zeebrugge", or it "a retrouvé son port-base de Toulon". None of these was a
verb of motion (``cues.MOVE``) nor a cue of a goal, so a clause told only so made no claim, and its place no goal.

Only "de retour" after a form of "être" in the present or the past, never the noun alone: "leur voyage de retour",
"le vol de retour vers l'Allemagne" name a leg, often one not yet flown, and "de retour vers/à" as a bare phrase
was measured before and left out (``fr_arrivals.py``: 2 right fields for 4 filled). Not the future ("sera de
retour à l'aéroport de Tunis ce soir"): a voyage planned claims nothing (the corpus's rule 15). "Retrouver" only
with a possessive and a home port or base ("a retrouvé son port-base de", "ont retrouvé leur base de"): a carrier
that "retrouve" a person or a ship tells no voyage.

Measured and left out: the apposition ("la frégate, de retour vers Djibouti, a repéré un drone"), 2 right fields
for 5 filled on the development corpus (the carrier's claim paired with the ships it had escorted, and a port city
read as its country).
"""

from __future__ import annotations

# the copula before "de retour": "est de retour", "sont déjà de retour", "était de retour"
_BEING_BACK = (
    r"(?:est|sont|était|étaient|soit|soient)\s+(?:\w+\s+)?"
    r"de\s+retour"
)
# the place it is back at: "à quai à Toulon", "à la base navale de", "vers Djibouti", "au port de", "en Belgique"
_BACK_AT = r"(?:\s+à\s+quai)?\s+(?:à|au|aux|en|dans|vers)"
# "a retrouvé son port-base de Toulon", "ont retrouvé leur port d'attache de Brest", "retrouve sa base de"
_HOME_REGAINED = (
    r"retrouv(?:e|ent|é|ée|és|ées|ait|aient|ant)\s+(?:son|sa|leur|leurs)\s+"
    r"(?:port[-\s]base|port\s+d['’]attache|base(?:\s+navale|\s+aérienne)?|port)\s+(?:de|du|d['’])"
)

# the goal a carrier is back at (``cues.DEST_CUES``)
FR_RETURN_CUES = (_BEING_BACK + _BACK_AT, _HOME_REGAINED)

# the same forms as words of motion, so a clause told only so makes a claim (``cues.MOVE``)
FR_RETURN_MOVES = _BEING_BACK + _BACK_AT + "|" + _HOME_REGAINED
