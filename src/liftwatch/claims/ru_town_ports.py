"""A Russian town's port or bay named by the town's adjective: "в новороссийский порт", "из петербургского порта",
"в севастопольскую бухту".

Russian names a town's harbour with an adjective made of the town's name and a suffix "-ск-" ("Новороссийск":
"новороссийский", "Петербург": "петербургский", "Севастополь": "севастопольский"), written in lower case, so no
reader of names proposed it: the ship's movement lost its port. A foreign town's adjective is often written with a
capital ("в Ашдодском порту", "Феодосийский порт"): the same form, read the same way (a state's adjective with a
capital, "Египетский порт", names no port the kb knows and stays unread here). The adjective's stem is the town's name, whole
("севастополь-ская"), without the suffix's vowel ("петербург-ский") or ending in "-ск" itself
("новороссийск-ий"); the town is the one of these the kb knows exactly (no fuzzy or by-ear match), read as a
ship's place (its port). A state's adjective ("российский порт") is no town and is read by ``ru_home_bases``; a
port whose name follows ("в морской порт Усть-Луга") is that name's.
"""

from __future__ import annotations

import re

from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.errors import PlaceError
from liftwatch.kb import resolve_place
from liftwatch.kb.carriers import carrier_of_kind
from liftwatch.kb.sites import site

# "-ск-" adjective endings of the singular, every gender and case (a plural, "балтийские порты", is a sea's or a
# region's ports, no one town's)
_SK_ENDING = r"ск(?:ий|ая|ое|ого|ому|ом|ой|ую|им)"
# a harbour's nouns in every case of the singular: a port, a bay, a harbour
_HARBOUR = r"(?:порт(?:а|у|ом|е)?|бухт(?:а|ы|е|у|ой)|гаван(?:ь|и|ью))"
_PHRASE = re.compile(
    rf"(?<![\w-])(?P<stem>[а-яёА-ЯЁ][а-яё]{{2,}}?){_SK_ENDING}\s+(?:военн\w+\s+|морск\w+\s+)?{_HARBOUR}(?![\w-])"
)
# a name, a quoted name or a place in the genitive after the noun says which one it is
_NAMED_AFTER = re.compile(r"^\s*[«\"“„A-ZА-ЯЁ]")
_EXACT = frozenset({"id", "alias", "name"})


def _town_port(stem: str) -> str | None:
    """The port or naval base of the town whose adjective has ``stem`` before its "-ск-" suffix, when the kb knows
    exactly one such town as a ship's place."""
    found: set[str] = set()
    for name in (stem, stem + "ск"):
        try:
            ref = resolve_place(name.capitalize(), "sea")
        except PlaceError:
            continue
        if ref.matched in _EXACT and ref.kind == "site" and carrier_of_kind(site(ref.id).kind) == "sea":
            found.add(ref.id)
    return found.pop() if len(found) == 1 else None


def ru_town_port_mentions(text: str, gaz: Gazetteer, taken: Taken) -> list[Mention]:
    """The ports ``text`` names by their town's Russian adjective and no name, each a mention over the phrase
    (where no other reader took those characters)."""
    out: list[Mention] = []
    for m in _PHRASE.finditer(text):
        if _NAMED_AFTER.match(text[m.end() : m.end() + 40]) or not taken.free(m.start(), m.end()):
            continue
        port = _town_port(m.group("stem").lower())
        if port is None:
            continue
        out.append(Mention(m.start(), m.end(), gaz.site_place(port, m.group(0), "the town's adjective"), "candidate"))
        taken.add(m.start(), m.end())
    return out
