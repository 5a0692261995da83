"""Where Arabic says a carrier arrived, in the forms the cues missed: a landing told with "ب", a port call after a
long subject, and a stop told by "on its way to" or by leaving "before" for another place.

Arabic says where an aircraft landed with "في" or with "ب" joined to the airfield's noun ("حطت الطائرات بمطار
بيروت", "هبطت طائرة شحن بمطار نيامي الدولي"); the cue of the landing verbs read only "في", "إلى", so the airfield
after "ب" was given no role and, when the kb knew it only by its city, not found at all (``AR_LANDED_AT``). A
ship's port call ("رست ... في") reached its port over six words at most, and a flotilla's subject names its ships
one by one: up to 14 words with no comma (``AR_ANCHORED_AT``).

A place arrived at, then "في طريقها إلى" and another place, is a stop on the way to the second ("هبطت بمطار
الخروبة، في طريقها إلى قاعدة حميميم": it landed at Al Khadim on its way to Hmeimim); both were destinations
(``on_its_way``). So is a place arrived at, then "before" and a verb or verbal noun of taking off, leaving, heading
or sailing on to another place ("هبطت لفترة وجيزة في بنغازي قبل مغادرتها إلى قبرص", "رست في ميناء ... قبل توجهها
إلى ميناء الإسكندرية"): the carrier went on from the first. Not "قبل العودة إلى" (before returning to): the first
place is then where the way back began.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from liftwatch.claims.model import Place
    from liftwatch.claims.sentences import Sentence

# the verb or verbal noun of landing, its subject (no comma or full stop between), then "ب", split off the
# airfield's noun or article by ``sentences.cue_role`` ("حطت الطائرة ب مطار"): the place landed at
AR_LANDED_AT = r"(?:ال|ل?ت|ل?ي)?(?:هبط|هبوط|حط)\S*(?:\s+[^\s،,.؛]+){0,14}?\s+ب"
# a ship that anchored or berthed, its subject, then where: "رست الفرقاطة في ميناء الجزائر", "رست السفينة «دنيبر»،
# والمدمرة «الشهيد بهشتي» في" (six words of any kind); a longer subject has no comma or full stop in it ("رست
# مجموعة الأسطول 86 المكونة من المدمرة دنا والبارجة مكران في ميناء بندر عباس")
AR_ANCHORED_AT = r"(?:ت?رس(?:ت|ا|ى|و)\S*)(?:(?:\s+\S+){0,6}?|(?:\s+[^\s،,.؛]+){7,14}?)\s+(?:في|ب|قبالة)"

# "on its way to", with the pronoun of the carrier (not "في طريق" alone: "a road"), in one sentence
_ON_ITS_WAY = re.compile(r"في\s+طريق(?:ها|ه|هما|هم|هن)\s+(?:إلى|الى|ل|نحو)")
# "before" and a verb or verbal noun of leaving or heading on, then "to": "هبطت في مطار بنينا قبل إقلاعها إلى قاعدة
# أكروتيري", "قبل أن تتوجه إلى", "قبل مغادرتها إلى" (not a return, "قبل العودة إلى": the place left is then where
# the way back began, not a stop)
_BEFORE_LEAVING = re.compile(
    r"قبل\s+(?:(?:أن|ان)\s+)?(?:ال)?(?:إقلاع|اقلاع|[تي]قلع|[تي]غادر|مغادر|توجه|[تي]توجه|إبحار|ابحار|[تي]بحر)\S*"
    r"(?:\s+\S+){0,3}?\s+(?:إلى|الى|نحو|باتجاه|ل)"
)


def _within(inner: Place, outer: Place) -> bool:
    """True when ``outer`` holds ``inner`` ("رحلة إلى دمشق في طريقها لسوريا": the same goal, told twice)."""
    if outer.kind == "region" and outer.id is not None and outer.id in inner.region_ids:
        return True
    return bool(inner.site_ids) and set(inner.site_ids) <= set(outer.site_ids)


def on_its_way(sentence: Sentence) -> None:
    """Make a destination named before "في طريقها إلى <place>" or "قبل إقلاعها إلى <place>" a stop (via) on the way
    to that place."""
    roles, text = sentence.roles, sentence.text
    for i, first in enumerate(roles):
        if first.role != "destination":
            continue
        for goal in roles[i + 1 :]:
            if goal.role != "destination":
                continue
            gap = text[first.mention.end - sentence.start : goal.mention.start - sentence.start]
            if (_ON_ITS_WAY.search(gap) or _BEFORE_LEAVING.search(gap)) and not _within(
                first.mention.place, goal.mention.place
            ):
                first.role = "via"
            break
