"""Names of events a report quotes beside its ships: an operation, an exercise, a mission or a storm.

Reporting names the operation a ship sails for and the storm it brings relief after in the same quotes it gives a
ship's name ("the cyclone “Roanu”", "an air and sea operation, christened "Operation Raahat"", "les exercices
« Sea Breeze »", "учения «СМОА плюс»", "الإعصار "دانيال""), so the ship reader took them for vessels. The noun right
before the quote (or an English name that opens with it, "‘Cyclone Sidr’") says what the name is: navies do not name
their ships after the word "operation", and a ship named after a storm is written after its ship noun ("кораблем
«Циклон»"), never after the word "cyclone".
"""

from __future__ import annotations

import re

# an event noun, then a naming word ("christened", "dubbed", "baptisée", "под названием") or none, then the opening
# quote if any, right before the name
_EVENT_BEFORE = re.compile(
    r"(?:(?<!\w)(?i:operations?|cyclones?|hurricanes?|typhoons?|storms?|exercises?|drills?|missions?|"
    r"opérations?|ouragans?|tempêtes?|exercices?|"
    r"операци[яиюей]\w*|циклон[ауе]?|ураган[ауе]?|тайфун[ауе]?|учени[яйеюи]\w*|мисси[яиюей]\w*)|"
    r"(?<!\w)(?:ال)?(?:إعصار|تمرين|مهمة))"
    r"[\s,]*(?i:(?:christened|named|called|dubbed|code-?named|baptisée?s?|nommée?s?|dite?s?|под\s+названием)\s+)?"
    r"[\"'“‘«„]?\s*$"
)
# an English name that opens with the event's noun, quoted whole ("‘Cyclone Sidr’", "'Operation Samudra Setu II'")
_EVENT_FIRST = re.compile(r"(?:Operation|Cyclone|Hurricane|Typhoon|Storm|Exercise)\s+\S")


def is_event_name(text: str, start: int, name: str) -> bool:
    """Whether the name read at ``start`` of ``text`` is an operation's, an exercise's, a mission's or a storm's."""
    return bool(_EVENT_FIRST.match(name) or _EVENT_BEFORE.search(text[max(0, start - 45) : start]))
