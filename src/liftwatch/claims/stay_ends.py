"""The day a stay ends: "docked in Mombasa on November 3 and will be in the port until November 6", "Cette escale,
qui durera jusqu'au 19 juillet", "пробудет в Циндао до 24 августа", "ستبقى في هافانا حتى 30 يوليو".

A port call is told by the day the ship came and, often in the same sentence, the day its stay ends. The movement is
the arrival; the end of the stay is when the ship is to leave, a plan or a later event, which no more dates the
arrival than a departure's future day does. The test is grammatical: a verb of staying, lasting or going on, then
"until" and the date, within its clause. Where the claim's sentences give no other date, the end of the stay is
the one date they tell and is left to date the claim (the corpus then reads the call as lasting to that day).
"""

from __future__ import annotations

import re

from liftwatch.claims.timeparse import TimeSpan

# a verb of staying or lasting, then "until" and nothing else before the date (its article or weekday at most)
STAY_UNTIL = re.compile(
    r"(?:remain|stay|be\s+in\s+(?:the\s+)?port|durer|durera|rester|resteront|restera|séjourn|se\s+poursuivr|"
    r"пробуд|продлит|останет|простоит|"
    r"ستبقى|يبقى|تبقى|بقيت|ظلت|يدوم|تدوم|ستستمر|سيستمر|يستمر|تستمر)\w*"
    r"[^.;:!?\n]{0,60}?(?:\buntil|\btill|jusqu['’](?:au|à)|حتى|لغاية|إلى\s+غاية|(?<!\w)до)"
    r"\s*(?:le\s+|the\s+|يوم\s+)?(?:[^\W\d_]+,?\s+)?$",
    re.I,
)
_REACH = 100  # characters before the date searched for the verb of staying


def stay_end(sentences: list[str], t: TimeSpan) -> bool:
    """Whether the date ``t`` closes a stay in the sentences that tell it ("will remain until Monday, December
    20"): the day the stay ends, not the day of the movement."""
    for s in sentences:
        at = s.find(t.text)
        if at > 0 and STAY_UNTIL.search(s[max(0, at - _REACH) : at]):
            return True
    return False
