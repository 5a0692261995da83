"""A group told with its make-up: the kinds that each carry a figure of their own are movements of their own.

"Three ships, including a frigate and two landing ships, left Tartus", "Trois navires, dont un destroyer et deux
pétroliers", "Шесть кораблей, в том числе два фрегата и четыре десантных корабля", "أربع طائرات، بينها طائرتان من
طراز إليوشن 76 وطائرتان من طراز أنتونوف 124": reporting counts a group and then tells what it is made of, each kind
with its own figure (a number, an article, a ship's name). The annotation conventions (rules 10, 18 and 38 of
``tests/data/articles/README.md``) read such a total as split wholly by its parts when their figures add up to it:
one movement per kind, the total no movement of its own. Where the parts do not add up ("five transport planes,
including two A400M aircraft"), a kind is counted only as part of a larger total and stays in the total's claim.
Kinds each counted with no total before them ("eight Su-34 and two Su-30SM flew") are also one movement per kind.

The mechanism is one for the four languages: a marker of make-up after the total (a list per language: "including",
"dont", "в том числе", "بينها"), then a list of items joined by commas or conjunctions, each opening on a figure;
the list ends at the first item that opens on none (the predicate: ", left Tartus"). Each item's carriers are read
on the item alone, so a class the sentence's named ship hid ("two escort ships") comes back.

Written from the grammar of make-up lists in general and tested on invented sentences
(``tests/claims/test_group_makeup.py``).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from liftwatch.claims.assets import find_assets
from liftwatch.claims.counts import number_value
from liftwatch.claims.model import AssetRef, Claim

_AR = "\u0600-\u06ff"
# the marker of a make-up, after a comma, a bracket, a dash or a colon: "three ships, including", "(dont",
# "– among them", ", в том числе", "، بينها", "، من بينها"
_MARKER = re.compile(
    r"[,(–—:،]\s*(?:(?:including|among\s+them|among\s+which|of\s+which|comprising|dont|parmi\s+(?:eux|elles|"
    r"lesquel(?:le)?s)|в\s+том\s+числе|включая|среди\s+них)\b|(?:من\s+)?(?:بينها|بينهم)(?![" + _AR + r"]))\s*",
    re.I,
)
# what joins two items of the list: a comma or a conjunction ("and", "et", "и", "as well as", "ainsi que"); Arabic
# writes "و" joined to the next word ("وطائرتان")
_JOIN = re.compile(
    r"\s*(?:,|،|;)?\s*(?:(?<!\w)(?:and|et|и|а\s+также|as\s+well\s+as|ainsi\s+que|plus)\s+|(?<!["
    + _AR
    + r"])و(?=["
    + _AR
    + r"\d]))"
    r"|\s*[,،]\s*",
    re.I,
)
# where the list cannot go on: the end of the clause
_END = re.compile(r"[.;)!?]|\s[–—]\s")
# an item's figure: a number, an article, "one"; "a single", "un seul"
_ONE = {"a", "an", "one", "un", "une", "один", "одна", "одно", "одного", "одной", "واحد", "واحدة"}
_FIGURE = re.compile(r"^(?:a\s+single|un\s+seul|une\s+seule|[^\W_]+)", re.I)
# Arabic counts two by the dual of the noun ("طائرتان", "سفينتين", "مدمرتا")
_ITEM_HEAD = 60  # characters: a figure and up to a few describing words before the carrier
_AR_DUAL = re.compile(r"^[" + _AR + r"]{2,}(?:تان|تين|تا|ان|ين)$")


class Item(NamedTuple):
    """One kind of a make-up list: its carriers, its figure and the words it was told in."""

    assets: list[AssetRef]
    figure: int
    words: str


def _figure(item: str, assets: list[AssetRef]) -> int | None:
    """The number of carriers an item counts: its number or article, else its named ships ("the frigate Admiral
    Grigorovich"); None when it opens on no figure."""
    m = _FIGURE.match(item)
    word = m.group(0).lower() if m else ""
    if word in _ONE or word.startswith(("a single", "un seul", "une seule")):
        return 1
    if (value := number_value(word)) > 0:
        return value
    if _AR_DUAL.match(word) and assets and all(not a.ship_name for a in assets):
        return 2
    named = {a.label for a in assets if a.ship_name}
    if named and len(named) == len(assets):
        return len(named)
    return None


def items_after(text: str, start: int) -> list[Item]:
    """The items of the list that starts at ``start``: each opening on a figure and naming a carrier; the list ends
    at the first item that does not."""
    stop = _END.search(text, start)
    segment = text[start : stop.start() if stop else len(text)]
    out: list[Item] = []
    pos = 0
    while pos < len(segment):
        nxt = _JOIN.search(segment, pos)
        end = nxt.start() if nxt else len(segment)
        if end == pos:  # a join right at the start (", and"): step over it
            pos = nxt.end() if nxt and nxt.end() > pos else len(segment)
            continue
        words = segment[pos:end].strip(" \"'«»“”")
        # the carriers the item opens on (a figure and a few describing words before them), not those of the
        # predicate the last item runs into ("two Su-30SM flew from Lipetsk")
        found = [(a, b, x) for a, b, x in find_assets(words) if a <= _ITEM_HEAD]
        words = words[: max((b for _, b, _ in found), default=len(words))]
        assets = [x for _, _, x in found]
        figure = _figure(words, assets) if assets else None
        if figure is None:
            break
        out.append(Item(assets, figure, words))
        pos = nxt.end() if nxt else len(segment)
    return out


def _kinds(items: list[Item]) -> bool:
    """Whether a list names two or more kinds, each its own ("two Il-76 and two An-124", not "two Il-76 and two
    Il-76")."""
    labels = [tuple(sorted(a.label for a in i.assets)) for i in items]
    return len(items) >= 2 and len(set(labels)) == len(labels)


# a word a list of counted kinds may open on: the start of the text or of a word
_WORD_START = re.compile(r"(?:(?<=^)|(?<=[\s,(«\"“]))\w", re.I)


def makeup(text: str, total: int) -> list[Item] | None:
    """The kinds a total of ``total`` carriers is told to be made of, when their figures add up to it (two or more
    kinds), else None. Without a marker, kinds each counted in one list ("eight Su-34 and two Su-30SM") that add up
    to the claim's count are its parts as well."""
    for m in _MARKER.finditer(text):
        items = items_after(text, m.end())
        if _kinds(items) and sum(i.figure for i in items) == total:
            return items
    for a, _, _ in find_assets(text)[:1]:
        for w in _WORD_START.finditer(text, max(0, a - 40), a + 1):
            items = items_after(text, w.start())
            if _kinds(items) and sum(i.figure for i in items) == total:
                return items
    return None


def _exact(c: Claim) -> int | None:
    return c.max_count if c.min_count is not None and c.min_count == c.max_count else None


def split_makeup(claim: Claim, text: str) -> list[Claim]:
    """One claim per kind of the group the claim counts, where the sentence tells its make-up and the kinds' figures
    add up to the total; else the claim itself."""
    total = _exact(claim)
    if total is None or total < 2:
        return [claim]
    items = makeup(text, total)
    if items is None:
        return [claim]
    return [
        claim.copy(assets=list(i.assets), min_count=i.figure, max_count=i.figure, count_text=i.words, carriers=None)
        for i in items
    ]
