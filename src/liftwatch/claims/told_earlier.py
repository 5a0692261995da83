"""A sentence that opens on "Earlier," or "Ранее" tells an earlier movement as background: a movement of its own.

"Russian aircraft have arrived in Belarus ... Earlier, some 10,000 Russian troops were reported to have arrived in
Belarus", "Самолет Ил-76 вылетел из Москвы в Белград ... Ранее в Сербию был отправлен еще один спецборт": the report's
own movement comes first, and the sentence that opens on the adverb goes back to another one before it, often to
the same place. Merged, the two are one claim with both carriers, and the earlier movement is lost. The merge step
does not fold a claim told only in such sentences into a claim told before it in none; the sentences after it may
still join it, as they go on with its account.

Only the adverb alone opening the sentence counts. "Earlier Friday", "Earlier on Tuesday", "Earlier this week" date
the report's own day (the same flight told again from its start); "Ранее о доставке ... сообщал телеканал" and
"Ранее об этом сообщало" say who reported the same movement first, not another movement.

Arabic "وقبل ذلك،" and French "Auparavant,", "Précédemment,", "Avant cela," are the same adverbs ("Before that,",
"Previously,"), read the same way and closed by a comma as the English ones are ("قبل ذلك بيوم", "a day before
that", dates the report's own account). Arabic "وفي وقت سابق،" ("Earlier,") was measured and left out: in the
fitting corpus it tells the same flight's departure after its arrival as often as another flight, and splitting it
added a claim where none was gained.
"""

from __future__ import annotations

import re

from liftwatch.claims.model import Claim

# English "Earlier," / "Previously," / "Before that," (the comma: no day or time follows), French "Auparavant," /
# "Précédemment," / "Avant cela,", Arabic "(و)قبل ذلك،" (the Arabic comma or a Latin one); Russian "Ранее" or "До
# этого" not followed by "о/об" (who reported the same thing) nor by a day word
_DAY_WORDS = r"в\s+(?:понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|сегодня|утром|днем|днём|вечером"
_OPENS_EARLIER = re.compile(
    r"^\W*(?:(?:Earlier|Previously|Before\s+that),\s"
    r"|(?:Auparavant|Précédemment|Avant\s+cela),\s"
    r"|و?قبل\s+ذلك\s*[،,]\s*"
    rf"|(?:Ранее|До\s+этого),?\s+(?!(?:о|об|{_DAY_WORDS})\b))"
)


def opens_earlier(sentence: str) -> bool:
    """``sentence`` opens on "Earlier," or "Ранее" alone: it goes back to a movement before the report's own."""
    return bool(_OPENS_EARLIER.match(sentence))


def told_earlier(c: Claim) -> bool:
    """Every sentence of ``c`` opens on "Earlier," / "Ранее": the claim is background, an earlier movement."""
    return bool(c.sentences) and all(opens_earlier(s) for s in c.sentences)


def earlier_apart(told: Claim, new: Claim) -> bool:
    """``new``, the next claim in text order, is told only as background ("Earlier, ...") and ``told``, a claim
    before it, is not: two movements. The other way round they may be one: a sentence after the background one
    goes on with its account ("Ранее ... был отправлен еще один спецборт. Самолет вылетел из Москвы в Ниш")."""
    return told_earlier(new) and not told_earlier(told)
