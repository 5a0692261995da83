"""Where a load goes after the carrier has set it down: no goal of the carrier.

Aid flown or shipped to a port or airfield is often told with where it will be taken next, by truck or across a
border: "will be sent to El Arish Airport before being delivered to Gaza", "تمهيدا لنقلها إلى غزة" (paving the way
to take it to Gaza), "لإدخالها إلى قطاع غزة" (to bring it into the Gaza Strip), "حيث سيتم تنظيم دخول المساعدات إلى غزة"
(where the aid's entry into Gaza will be organised), "avant d'être acheminée vers", "для дальнейшей доставки в".
The place after such words is where the load ends, not where the aircraft or ship went (the annotation's
destination is the port or airfield it reached), so the "to" before it is no destination cue.

Not a purpose the carrier itself carries out: "a plane to deliver aid to Sudan", "استعدادًا لنقلها إلى ليبيا" (ready
to carry it to Libya), "لإيصال المساعدات إلى" (to bring aid to) may name the carrier's own goal and stay cues; only
words that put the onward transfer after the arrival ("before being", "تمهيدا", "for onward", "дальнейш") or the
load's entry across a border ("إدخال", "دخول المساعدات") are read. Hand-written: a short list of phrasings of four
languages, each a grammar of its own.
"""

from __future__ import annotations

import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START

# the words of a clause between the onward phrase and the place (no comma or full stop): "تمهيدا لنقلها عبر المعابر
# إلى داخل", "before being delivered to the besieged"
_GAP = r"(?:\s+[^\s،,.;؛]+){0,5}?\s*$"

_ONWARD = re.compile(
    # English: "before being delivered to", "prior to being trucked into", "for onward delivery to"
    r"(?:\b(?:before|prior\s+to)\s+being\s+(?:delivered|transferred|taken|trucked|transported|moved|distributed|"
    r"handed\s+over|sent)(?:\s+on(?:ward)?)?|\bfor\s+onward\s+(?:delivery|transfer|transport|shipment))\s+(?:to|into)"
    # French: "avant d'être acheminée vers", "avant d'être livrés à"
    r"|\bavant\s+d['’]être\s+(?:achemin|livr|transfér|transport|distribu|remis)\w*\s+(?:vers|à|au|aux|en|dans)"
    # Russian: "для дальнейшей доставки в", "для последующей передачи"
    r"|(?<![\w-])для\s+(?:дальнейш|последующ)\w+\s+(?:доставк|передач|переправк|отправк|транспортировк)\w*\s+(?:в|во|на)"
    # Arabic: "تمهيدا لنقلها إلى", "تمهيدًا لإدخالها إلى", "لإدخالها إلى", "لتسليم هذه المساعدات إلى", "دخول المساعدات إلى"
    rf"|{AR_WORD_START}(?:تمهيد\S*\s+ل\S+|[ول]?(?:لإدخال|لادخال|لتسليم)\S*|دخول\s+(?:ال)?(?:مساعدات|شحن\S*|حمول\S*))"
    rf"(?:\s+[^\s،,.؛]+){{0,4}}?\s+(?:إلى|الى|ل){AR_WORD_END}",
    re.I,
)
_ONWARD_END = re.compile(rf"(?:{_ONWARD.pattern}){_GAP}", re.I)


def onward_goal(pre: str) -> bool:
    """True when the words before a place, up to the end of its cue, tell where the load goes after the carrier
    set it down ("... before being delivered to", "تمهيدا لنقلها إلى"): the place is no destination of the carrier."""
    return _ONWARD_END.search(pre) is not None
