"""A part of a group told after the group: the part is a movement of its own, made of what the group was.

"Thirty tankers left their home bases overnight for Europe. 17 of them continued onward to the Middle East.",
"Une partie des appareils a été dirigée vers Morón, le reste vers le Royaume-Uni", "Остальные самолёты
вылетели в Катар", "وتوجهت البقية إلى قطر": reporting names a group of carriers once (its count, its types, who
sends it, where from, when) and then tells where its parts went, each clause naming only its share and its place.
Read on its own, such a clause is a movement of "aircraft" from nowhere, at no date, by nobody, which no
annotation or evidence can match; the group's own claim keeps the carriers but not the parts' destinations.

The mechanism is the same in every language: a clause that opens on a partitive ("N of them", "the remaining",
"le reste", "остальные", "البقية") or continues such a clause ("..., and one to Estonia") is a part of the nearest
group told before it, and takes from that group what it does not say itself: the carriers (when it names only a
class), the mover, the origin (the group's destination when the part goes on from there: "continued onward", "flew
on"), the dates (the group's, or the story's date told between the group and the part), and a count ("17 of
them": 17; "the remaining": the group's exact count less the parts counted before). Only the opening words are a
list per language; the inheritance is shared.

Written from how such partitive reporting is phrased in general, tested on invented sentences
(``tests/claims/test_group_parts.py``); the classes of set 17's misses that asked for it are in
``docs/accuracy.md`` ("Why set 17 failed").
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from liftwatch.claims.ar_words import AR_WORD_END
from liftwatch.claims.counts import number_value
from liftwatch.claims.lexicon import CLASS_ASSETS
from liftwatch.claims.model import Claim
from liftwatch.claims.sentences import Sentence

# what may stand before the partitive at the start of a clause: a conjunction or an adverb of sequence
_LEAD = (
    r"^[\s,;:–—-]*(?:(?:while|whilst|whereas|and|but|then|tandis\s+que|et|mais|puis|а|и|но|затем|потом|"
    r"в\s+то\s+время\s+как|بينما|ثم)\s+|tandis\s+qu['’]\s*)*"
)
_NUM = (
    r"(?:\d{1,4}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|un|une|deux|trois|quatre|cinq|"
    r"six|sept|huit|neuf|dix|onze|douze|один|одна|одно|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять)"
)
# the rest of a group: "the remaining (bombers)", "the rest (of the aircraft)", "the other two", "le reste", "les
# autres (avions)", "остальные (самолёты)", "البقية", "الباقي", "باقي الطائرات"
_REST = re.compile(
    _LEAD + r"(?:the\s+(?:remaining|rest|others?(?:\s+" + _NUM + r")?)\b|le\s+(?:reste|restant)\b|les\s+autres\b|"
    rf"остальн\w+|прочие\b|(?:و?(?:ال)?(?:بقية|باقي)){AR_WORD_END})",
    re.I,
)
# a share of a group: "17 of them", "two of the (deployed) tankers", "some / several / most / part of the",
# "deux d'entre eux", "trois des avions", "une partie (importante) des", "два из них", "часть самолётов"; the
# number is any word the count reader reads as one ("Twelve", "Двенадцать")
_SHARE = re.compile(
    _LEAD + r"(?:(?P<n>\d{1,4}|[^\W\d_]+)\s+(?:of\s+(?:the|them|these|those)\b|d['’]entre\s+(?:eux|elles)\b|"
    r"des\s+(?=\w)|из\s+(?:них|этих|\w+)\b)|"
    r"(?:une\s+partie(?:\s+\w+)?|la\s+plupart)\s+(?:des\s+|d['’]entre\s+|de\s+ces\s+)|"
    r"(?:часть|большинство)\s+(?:из\s+)?\w+)",
    re.I,
)
# what a share is a share of: a pronoun for the group or a carrier or flight noun (or a type) within a few words,
# so that "One of the evacuees", "Deux des trois photographies" are no part of a group of carriers
_OF_CARRIERS = re.compile(
    r"^(?:\W*\b\w+\b){0,4}?\W*\b(?:them|these|those|eux|elles|них|этих|منها|بعضها|"
    r"planes?|aircraft|airlifters?|jets?|flights?|sorties|transports?|transporters?|tankers?|bombers?|fighters?|"
    r"ships?|vessels?|warships?|frigates?|destroyers?|freighters?|avions?|appareils?|vols?|navires?|bâtiments?|"
    r"ravitailleurs?|bombardiers?|chasseurs?|cargos?|frégates?|самол[её]т\w*|борт\w*|рейс\w*|корабл\w*|суд[ао]\w*|"
    r"бомбардировщик\w*|истребител\w*|танкер\w*|(?-i:[A-ZА-Я][A-Za-zА-Яа-я]{0,2}-?\d{1,3}\w*))\b",
    re.I,
)
# words that open a share without a number ("some of them", "plusieurs des avions", "некоторые из них")
_QUANTIFIERS = {"some", "several", "most", "many", "part", "plusieurs", "certains", "certaines", "некоторые"}
# Arabic puts the verb first: "وهبطت ثلاث منها في بنغازي", "وتوجه بعضها إلى", "وعادت 12 منها"
_AR_SHARE = re.compile(
    r"^[\s،,]*(?:و?[\u0600-\u06FF]+\s+)?(?:(?P<n>[\d٠-٩]{1,4}|[\u0600-\u06FF]+)\s+منها|بعضها|(?:جزء|قسم)\s+منها)"
)
# a part that goes on from where the group went: its origin is the group's destination
_ONWARD = re.compile(
    r"\b(?:onward|onwards|on\s+to|went\s+on|flew\s+on|sailed\s+on|continued|further\s+to|then|"
    r"poursuivi|continué|ensuite|puis|продолжил\w*|далее|затем|потом|واصل\w*|ثم)\b",
    re.I,
)


class Part(NamedTuple):
    """How a clause opens as a part of a group: ``kind`` "rest", "share" or "sibling" (a clause continuing a
    part), and the number the share names (None when it names none)."""

    kind: str
    number: int | None
    words: str = ""


def part_of_group(clause: str) -> Part | None:
    """The partitive a clause opens with ("17 of them": share 17; "the remaining": rest), or None."""
    if (r := _REST.match(clause)) is not None:
        return Part("rest", None, r.group(0).strip(" ,;:–—-"))
    m = _SHARE.match(clause) or _AR_SHARE.match(clause)
    if m is None or not _OF_CARRIERS.match(clause[m.start() :]):
        return None
    word = m.group("n")
    words = m.group(0).strip(" ،,;:–—-")
    if word is None:
        return Part("share", None, words)
    value = number_value(word.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩", "0123456789")))
    if value > 0:
        return Part("share", value, words)
    # "Most of them": a share with no number; "None of them", "Livraisons des armes": no share
    return Part("share", None, words) if word.lower() in _QUANTIFIERS else None


# the number a clause opens with ("One landed at Benghazi", "Un avion a atterri", "Один самолёт приземлился")
_LEADING_NUMBER = re.compile(r"^\W*(\d{1,4}|[^\W\d_]+)\b")

_LOOKBACK = 12  # clauses: a group is told in the paragraph before its parts


def _exact(c: Claim) -> int | None:
    return c.max_count if c.min_count is not None and c.min_count == c.max_count else None


def _group_of(i: int, parts: dict[int, Part], per_sentence: list[list[Claim]]) -> tuple[int, Claim] | None:
    """The group a part at clause ``i`` belongs to: the last placed claim of the nearest clause before it that is
    no part itself."""
    for j in range(i - 1, max(-1, i - 1 - _LOOKBACK), -1):
        if j in parts:
            continue
        placed = [c for c in per_sentence[j] if c.origin or c.destination]
        if placed:
            return j, placed[-1]
    return None


def _class_only(c: Claim) -> bool:
    return all(a.label in CLASS_ASSETS and not a.ship_name for a in c.assets)


def inherit_from_groups(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """Give every part of a group (see the module docstring) what its group says and the part does not."""
    parts: dict[int, Part] = {}
    for i, sent in enumerate(sentences):
        found = part_of_group(sent.text)
        if found is None and sent.continues and (i - 1) in parts:
            found = Part("sibling", None)  # "..., le reste vers le Royaume-Uni et un vers l'Estonie"
        if found is not None:
            parts[i] = found
            # "one B-52 landed at once, while the remaining bombers flew on": the counted clause the rest
            # continues is a part of the same group, not the group
            if found.kind == "rest" and sent.continues and per_sentence[i] and (i - 1) not in parts:
                lead = _LEADING_NUMBER.match(sentences[i - 1].text)
                value = number_value(lead.group(1)) if lead else 0
                if value > 0 or any(_exact(c) for c in per_sentence[i - 1]):
                    parts[i - 1] = Part("sibling", value or None, lead.group(1) if lead and value else "")
    if not parts:
        return
    counted: dict[int, int] = {}  # per group (its clause): the exact counts its parts took so far
    for i in sorted(parts):
        if not per_sentence[i]:
            continue
        located = _group_of(i, parts, per_sentence)
        if located is None:
            continue
        j, group = located
        story = next(
            (
                c.times
                for k in range(i - 1, j, -1)
                for c in per_sentence[k]
                if c.times and not (c.origin or c.destination)
            ),
            [],
        )
        taken = counted.get(j, 0)
        for c in per_sentence[i]:
            if group.assets and _class_only(c):
                c.assets = [dataclasses.replace(a) for a in group.assets]
            if c.actor is None and group.actor is not None:
                c.actor, c.actor_countries, c.actor_operators = (
                    group.actor,
                    group.actor_countries,
                    group.actor_operators,
                )
                c.actor_carried = True
            if not c.origin and c.destination:  # a part is told by where it went; with no goal it is a remark
                onward = _ONWARD.search(sentences[i].text) and group.destination and c.destination
                start = group.destination if onward else group.origin
                c.origin = [dataclasses.replace(p, qualifiers=list(p.qualifiers)) for p in start]
            if not c.times:
                c.times = list(group.times or story)
            part = parts[i]
            if c.min_count is None and c.max_count is None:
                whole = _exact(group)
                if part.kind in ("share", "sibling") and part.number is not None:
                    c.min_count = c.max_count = part.number
                    c.count_text = part.words
                elif part.kind == "rest" and whole is not None and 0 < taken < whole:
                    c.min_count = c.max_count = whole - taken
                    c.count_text = f"the rest of {whole}"
            if (n := _exact(c)) is not None:
                taken += n
        counted[j] = taken
