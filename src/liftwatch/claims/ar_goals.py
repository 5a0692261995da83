"""Where Arabic says a carrier was headed in the forms the destination cues missed: "في اتجاه" (towards), and ships
joining a group where that group is ("انضمت إلى مجموعة السفن الروسية العاملة في البحر المتوسط").

"باتجاه" was a cue and its spelling in two words, "في اتجاه" ("قامت بأكثر من 30 رحلة في اتجاه البحر المتوسط"),
was not: the sea after it had no role (``AR_HEADING``).

A goal told as the group the ships joined, then where the group is ("ستنضم إلى مجموعة السفن الحربية الروسية
المنتشرة قرب السواحل السورية في البحر المتوسط"): the place after "في" is where the ships went, as the place after
"إلى" would have been; "في" alone says only where (``AR_TO_A_GROUP_IN``). No comma or full stop stands between the
group and "في". Measured and left out: the same reading after a militia, a force or allies ("إلى ميليشيا الحوثي في
اليمن", "إلى قوات ... في السودان"), which gave more wrong fields than right ones (see ``docs/claim-rounds.md``).
"""

from __future__ import annotations

# "towards", written in two words
AR_HEADING = r"(?:في|فى)\s+اتجاه"

# "to" + the noun of a group (with its article, a suffix or a plural), up to ten more words of its name, then "في"
# (a heading or "on its way" may stand before "إلى": the cue reads them with it, as the shorter cues that end at
# "إلى" would take the words first)
AR_TO_A_GROUP_IN = (
    r"(?:(?:متجه|متوجه)\S*\s+|في\s+طريق\S*\s+)?(?:إلى|الى)\s+(?:ال)?مجموع\S*(?:\s+[^\s،,.؛:]+){0,10}?\s+(?:في|فى)"
)
