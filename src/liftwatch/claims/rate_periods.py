"""A number of movements per month, week or year is a rate the claim fields cannot hold, not a count.

The gold's rate fields are per day ("up to N flights per day"); a count is the number of legs a claim makes (rule
1). "An average of 3-6 flights ... per month", "jusqu'à 12 vols par mois", "до 20 рейсов в месяц", "8 رحلات
شهريا" count neither the legs of one movement nor a daily rate: the corpus writes such a practice with no count and
no rate. Read as a count, the number would claim that many legs; here the period after the counted noun (a few words
on, no punctuation between) marks it as a rate over another period, and the counter drops it.
"""

from __future__ import annotations

import re

OTHER_PERIOD = re.compile(
    r"^(?:\s+[^\s.,;:!?،؛]+){0,8}?\s+(?:"
    r"(?:per|a|an|each|every)\s+(?:month|week|year)(?!\s+(?:ago|earlier|later|after|before|since))\b|monthly|weekly|yearly|annually|"
    r"par\s+(?:mois|semaine|an)\b|chaque\s+(?:mois|semaine)\b|mensuel\w*|hebdomadaire\w*|"
    r"в\s+(?:месяц|неделю|год)\b|ежемесячно|еженедельно|ежегодно|"
    r"شهري[اًا]*|أسبوعي[اًا]*|اسبوعي[اًا]*|في\s+(?:الشهر|الأسبوع|الاسبوع|السنة)|كل\s+(?:شهر|أسبوع|اسبوع)"
    r")(?![^\W\d_])",
    re.I,
)


def per_other_period(after: str) -> bool:
    """True when the words right after a counted noun ("flights ...") give it a period other than the day."""
    return OTHER_PERIOD.match(after) is not None
