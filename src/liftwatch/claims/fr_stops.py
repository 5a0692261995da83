"""French ways of telling a stop on the way that the plain cues ("via", "en passant par", "escale à") missed.

A stop on the way to a goal is a via of the one voyage (the corpus's rules 2 and 44). French tells it with the noun
"escale" in forms the singular cue "escale à" did not reach:

- **several stops**, the plural ("a fait des escales en Algérie, en Syrie et à Chypre", "deux escales prévues au
  Caire et à Khartoum"): stops, not the voyage's goal;
- **the participle** ("faisant escale aux ports de La Havane et de La Guaira"): a call made while the carrier goes
  on, and "aux ports de" for several ports;
- **a stop told by its purpose or length** ("une escale de ravitaillement à Sebkha", "une escale technique à
  Dakar", "après une escale de trois jours dans le port d'Alger"): a refuelling or technical stop is never the goal,
  and a stop after which the carrier went on ("après une escale") is one of its calls.

The single call told with the finite verb ("le navire a fait escale à Port-Soudan") stays the ship's destination
(``cues.DEST_CUES``): with no goal beyond it, the call is where the ship went. At the same place in the words, the
longer cue wins (``sentences.cue_role``), so "a fait escale à" keeps its goal; these cues end where the place's own
words begin, and the filler rules (``filler.py``) still decide what may stand between the cue and the name.

Measured and left out (right/filled fields on the development corpus outside its last three sets): a transit
("transitant par", "a transité par", "en transit par") as a via, 0/+1 (a delivery "qui a transitée par la Guinée"
whose stop the annotation leaves out); "est passé par" and "a transité par" as words of motion for a clause with no
other verb, 0/0; "de X à Y" with the "de" after a verb of leaving or coming ("est arrivé d'Iran à Moscou") read as
a route's goal, 0/0.
"""

from __future__ import annotations

# the kinds of stop: refuelling ("de ravitaillement", "de ravitaillement en carburant"), technical, or a length
# ("de trois jours", "de plusieurs heures")
_PURPOSE = r"(?:\s+(?:de\s+ravitaillement(?:\s+en\s+(?:carburant|fuel|kérosène))?|techniques?))"
_KIND = r"(?:" + _PURPOSE + r"|\s+de\s+(?:\w+\s+)?(?:jours?|heures?|semaines?))"
# what may follow the kind before the preposition: "prévues", "programmée", a comma
_PLANNED = r"(?:\s+(?:prévue?s?|programmée?s?))?\s*,?"
_AT = r"\s+(?:à|au|aux|en|dans)"

FR_VIA_CUES = (
    # after a stop, the carrier went on: "après une escale de plusieurs jours dans le port d'Alger", "après une
    # brève escale en Géorgie"
    r"après\s+(?:une|deux|trois|plusieurs|quelques|des|ses|sa|son|leur|leurs)\s+(?:(?:brève|courte|longue|nouvelle)\s+)?"
    r"escales?" + _KIND + "?" + _PLANNED + _AT,
    # the plural: "a fait des escales en Algérie", "deux escales de ravitaillement prévues au Caire"
    r"escales" + _KIND + "?" + _PLANNED + _AT,
    # a refuelling or technical stop, in the singular: "une escale de ravitaillement à Sebkha"
    r"escale" + _PURPOSE + _PLANNED + _AT,
    # the participle: "faisant escale aux ports de La Havane", "en faisant escale à Dakar"
    r"faisant\s+(?:une\s+)?escale" + _AT,
)
