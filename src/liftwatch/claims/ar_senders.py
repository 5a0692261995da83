"""Arabic movers told by the state that sends, and by a coalition's name.

**A state as the subject of a verb of sending.**
Arabic reporting tells an airlift or a relief flight by its sender far more than by its carrier's flag: "أرسلت مصر
طائرتين عسكريتين" (Egypt sent two military planes), and, in a headline, with the subject first: "تونس ترسل طائرة
عسكرية", "العراق يرسل وجبة جديدة من المواد الإغاثية". The state may also be told by its authorities or government
and its adjective: "أرسلت السلطات الجزائرية شحنة مساعدات". The state that sends what the carriers carry is the
actor (the annotation's rule 7), as English "China dispatched" and French "l'Égypte a envoyé" already are
(:mod:`liftwatch.claims.known_movers`). The hand-written lexicon knows a dozen states, several of them without
their Arabic names ("مصر", "باكستان", "تونس"); the names here are every state's Arabic names in the knowledge base.
A capital stands for its state here ("أرسلت أنقرة", ``kb.capitals``). The names and verbs are matched without the
vowel marks reporting sets here and there ("سيّرت سلطنة عُمان").

Only the verbs of sending are read ("أرسل", "بعث", "أوفد", "سيّر"): "نشرت السلطات التركية أسماء العسكريين"
(published) or "أطلقت" (fired, launched) name no sending. A state after a preposition ("في ليبيا أرسلت كل من
السعودية والكويت") is a place, not the subject.

**The international coalition.**
The coalition the United States leads against the Islamic State in Syria and Iraq is named as a force of its own
in Arabic reporting ("طائرة شحن عسكرية تابعة للتحالف الدولي", "تابعة لقوات التحالف الدولي"): the gold names it as
the text spells it, "التحالف الدولي", and the lexicon's forces did not know it.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.known_movers import state_mover, state_table
from liftwatch.claims.lexicon import Actor
from liftwatch.kb._text import AR_VOWEL_MARKS
from liftwatch.kb.capitals import capital_names
from liftwatch.kb.countries import countries
from liftwatch.kb.nationalities import arabic_adjectives

# the verbs of sending, past and present, masculine and feminine ("أرسلت", "ترسل", "يرسل", "بعثت", "أوفدت",
# "سيّرت", "تسيّر")
_VERB = r"(?:[أا]رسل(?:ت|تا)?|[تي]رسل|بعث(?:ت)?|[تي]بعث|[أا]وفد(?:ت)?|[تي]وفد|سي\u0651?ر(?:ت)?|[تي]سي\u0651?ر)"
# a preposition before the state makes it a place ("في ليبيا", "إلى مصر", "من تركيا")
_PREP_BEFORE = re.compile(rf"{AR_WORD_START}[وف]?(?:في|من|إلى|الى|على|عن|مع|كل\s+من)\s+$")
# the coalition as whose the carrier is: "of" joined to it ("طائرة شحن للتحالف الدولي", "تابعة لقوات التحالف
# الدولي"); named bare it is as often the one attacked, hosted or talked about
_COALITION = re.compile(rf"{AR_WORD_START}(?:لل|لقوات\s+[\"“«]?(?:ال))تحالف\s+(?:ال)?دولي{AR_WORD_END}")


def _plain(text: str) -> str:
    """Arabic without its vowel marks ("السّعوديّة" -> "السعودية"), as reporting writes names."""
    return AR_VOWEL_MARKS.sub("", text)


def _plain_at(text: str) -> tuple[str, list[int]]:
    """The text without its vowel marks, and where each of its characters stands in the text as written.

    Reporting marks a vowel here and there ("سيرت سلطنة عُمان", "أرسلت باكستانُ", "حطّت"), and one mark anywhere in
    an excerpt hid every sender in it: the names and verbs are matched unmarked, and the spans are given back on
    the text as written."""
    at = [i for i, ch in enumerate(text) if not AR_VOWEL_MARKS.match(ch)]
    return "".join(text[i] for i in at), at


@cache
def _table() -> tuple[re.Pattern[str], dict[str, str]]:
    """(the pattern of a state sending, in both orders; Arabic name or adjective -> ISO2), for the states
    :func:`~liftwatch.claims.known_movers.state_table` knows (not a country whose movers are its factions)."""
    _, _, english, _ = state_table()
    key: dict[str, str] = {}
    for iso, country in countries().items():
        if iso not in english:
            continue
        for alias in country.aliases:
            if re.search(r"[\u0600-\u06ff]", alias) and "،" not in alias:
                key.setdefault(_plain(alias), iso)
    for capital, iso in capital_names().items():  # "أرسلت أنقرة": the capital for its state (``kb.capitals``)
        if iso in english and re.search(r"[\u0600-\u06ff]", capital):
            key.setdefault(capital, iso)
    names = "|".join(sorted((re.escape(n) for n in key), key=len, reverse=True))
    adjectives = arabic_adjectives(set(english))
    for adjective, iso in adjectives.items():
        key.setdefault(adjective, iso)
    adj = "|".join(sorted((re.escape(a) for a in adjectives), key=len, reverse=True))

    def state(tag: str) -> str:
        return (
            rf"(?:(?P<name{tag}>{names})"
            rf"|(?:ال)?(?:سلطات|حكومة)\s+(?:ال)?(?P<adj{tag}>{adj})(?:ة)?)"
        )

    pattern = re.compile(rf"{AR_WORD_START}(?:{_VERB}\s+{state('1')}|{state('2')}\s+{_VERB}){AR_WORD_END}")
    return pattern, key


def arabic_senders(text: str) -> list[tuple[int, int, Actor]]:
    """States named as the subject of an Arabic verb of sending ("أرسلت مصر", "تونس ترسل", "أرسلت السلطات
    الجزائرية"), on the state's span, and the international coalition by its name, as movers."""
    pattern, key = _table()
    plain, at = _plain_at(text)
    out: list[tuple[int, int, Actor]] = []
    for m in pattern.finditer(plain):
        group = next(g for g in ("name1", "adj1", "name2", "adj2") if m.group(g))
        if group.endswith("2") and _PREP_BEFORE.search(plain[max(0, m.start() - 12) : m.start()]):
            continue
        iso = key.get(m.group(group))
        if iso is not None:
            start, end = at[m.start(group)], at[m.end(group) - 1] + 1
            out.append((start, end, state_mover(iso, text[start:end])))
    coalition = Actor("التحالف الدولي", "force", (), (), _COALITION)
    out += [(m.start(), m.end(), coalition) for m in _COALITION.finditer(text)]
    return sorted(out, key=lambda x: x[0])
