"""A Russian state's port or base named by its adjective and no name: "взяли курс на сирийский порт", "направляясь
к российским портам", "вылетавшие с сирийских аэродромов". The place is the state: a port or base the text does not
name says only which country the carrier goes to or leaves, and the annotation keys that country (rule 32, "Russian
ports in the Black Sea" is `russia`), as the English and French readers of ``home_bases`` do for "from Turkish
bases" and "depuis les ports iraniens".

Russian puts the adjective before the noun, in the noun's case and number, with at most one more adjective
between ("на турецкую военную авиабазу"). A port or base whose name follows ("в сирийский порт Тартус", "в
российский порт «Кавказ»") or whose place follows in the genitive ("в российские порты Приморского края") is that
place, read by the place readers, so no country is read there. The mention covers the state's adjective only (with "один из" before
it: "на один из белорусских аэродромов"), so the preposition before the phrase ("на", "к", "с", "из") gives it its
role through the usual filler.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.kb.nationalities import nationality_adjectives, russian_stems

# the facility nouns in every case and number: a port, a harbour, a base or air base, an airfield or airport
_FACILITY = (
    r"(?:порт(?:а|у|ом|е|ы|ов|ам|ами|ах)?|гаван(?:ь|и|ью|ям|ями|ях)|(?:авиа)?баз(?:а|у|ы|е|ой|ам|ами|ах)?"
    r"|аэродром(?:а|у|ом|е|ы|ов|ам|ами|ах)?|аэропорт(?:а|у|ом|е|ы|ов|ам|ами|ах)?)"
)
# adjective endings of both genders and numbers, in every case
_ENDING = r"(?:ий|ый|ой|ая|ое|ие|ые|ого|ему|ому|ом|ой|ую|их|ым|ими|ыми|ей)"
# a name, a quoted name or a place in the genitive after the noun says which one it is
_NAMED_AFTER = re.compile(r"^\s*(?:[«\"“„A-ZА-ЯЁ]|(?:-|–|—)\s*[A-ZА-ЯЁ]|(?:\w+\s+)?[А-ЯЁ])")


@cache
def _pattern() -> re.Pattern[str]:
    """A state's adjective (group ``adj``, after "один из" where the text picks one of them) before a facility
    noun, with at most one more adjective between."""
    stems = "|".join(re.escape(s) for s in sorted(russian_stems(), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w-])(?P<one>(?:один|одн(?:у|ого|ом|им|а|о))\s+из\s+)?(?P<adj>(?:{stems}){_ENDING})\s+(?:[а-яё-]+{_ENDING}\s+)?{_FACILITY}(?![\w-])",
        re.I,
    )


@cache
def _state_names() -> dict[str, str]:
    """Each state's English name by its ISO code, the name the kb's regions are looked up by."""
    return {iso: name for iso, name in nationality_adjectives().values()}


def ru_home_base_mentions(text: str, gaz: Gazetteer, taken: Taken) -> list[Mention]:
    """The states whose port or base ``text`` names by the state's Russian adjective and no name, each a mention
    of the state's place over the adjective (where no other reader took those characters)."""
    stems = russian_stems()
    out: list[Mention] = []
    for m in _pattern().finditer(text):
        if _NAMED_AFTER.match(text[m.end() : m.end() + 40]):
            continue
        # "на один из белорусских аэродромов": the role is the preposition before "один", so the mention covers it
        a, b = m.start(), m.end("adj")
        word = m.group("adj").lower()
        iso = next((stems[s] for s in sorted(stems, key=len, reverse=True) if word.startswith(s)), None)
        if iso is None or not taken.free(a, b):
            continue
        name = _state_names().get(iso)
        place = gaz.lookup(name) if name else None
        if place is None or place.kind != "region":
            place = gaz.country_place(iso, m.group("adj"))
            if place.kind != "region":
                continue
        out.append(Mention(a, b, place, "candidate"))
        taken.add(a, b)
    return out
