"""A group told with its make-up: the kinds that each carry a figure of their own are movements of their own.

"Three ships, including a frigate and two landing ships, left Tartus", "Trois navires, dont un destroyer et deux
pétroliers", "Шесть кораблей, в том числе два фрегата и четыре десантных корабля", "أربع طائرات، بينها طائرتان من طراز
إليوشن 76 وطائرتان من طراز أنتونوف 124": reporting counts a group and then tells what it is made of, each kind with
its own figure (a number, an article). The annotation conventions (rules 10, 18, 38 and 51 of
``tests/data/articles/README.md``) read such a total as split wholly by its parts when their figures add up to it: one
movement per kind, the total no movement of its own; ships the make-up names without a figure sail together as one
part. Where the parts do not add up ("five transport planes, including two A400M aircraft"), a kind is counted only as
part of a larger total and stays in the total's claim. Kinds each counted with no total before them ("eight Su-34 and
two Su-30SM flew") are also one movement per kind; ships named one by one with no total stay one claim.

The mechanism is one for the four languages: a marker of make-up after the total (a list per language: "including",
"dont", "в том числе", "بينها"), then a list of items joined by commas or conjunctions, each opening on a figure; the
list ends at the first item that opens on none (the predicate: ", left Tartus"). Each item's carriers are read on the
item alone, so a class the sentence's named ship hid ("two escort ships") comes back. A later sentence that refers
back to the group by its number ("Les trois navires ont accosté ...") moves the same kinds (``Makeups``).

Written from the grammar of make-up lists in general and tested on invented sentences
(``tests/claims/test_group_makeup.py``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import NamedTuple

from liftwatch.claims.assets import find_assets
from liftwatch.claims.counts import number_value
from liftwatch.claims.lexicon import CLASS_ASSETS
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


# the kind a list item's own noun names where the lexicon reads it only as a ship: in a list of counted kinds each
# kind is a claim of its own (rule 18), keyed by the word the text uses ("three frigates", "trois frégates", "трех
# фрегатов", "ثلاث فرقاطات"), which the generic class would make one kind with the next
_SHIP_KINDS = (
    ("frigate", re.compile(r"\bfrigates?\b|\bfrégates?\b|\bфрегат\w*|فرقاط", re.I)),
    ("corvette", re.compile(r"\bcorvettes?\b|\bкорвет\w*|كورفيت", re.I)),
    ("destroyer", re.compile(r"\bdestroyers?\b|\bэсмин\w*|مدمر", re.I)),
    ("submarine", re.compile(r"\bsubmarines?\b|\bsous-marins?\b|\bподводн\w+\s+лод\w*|غواص", re.I)),
    ("tug", re.compile(r"\btug(?:boat)?s?\b|\bremorqueurs?\b|\bбуксир\w*|قاطر", re.I)),
)


_KIND_LABELS = frozenset(label for label, _ in _SHIP_KINDS)


def kinds_apart(a: Claim, b: Claim) -> bool:
    """Whether two claims are kinds of ship one sentence's list counted apart ("three frigates and a tug"): each
    keyed by its own kind word, none shared, so the one without a figure is no detail of the counted one."""
    ka = {x.label for x in a.assets if not x.ship_name}
    kb = {x.label for x in b.assets if not x.ship_name}
    return (
        a.sentences == b.sentences
        and len(a.sentences) == 1
        and bool(ka & _KIND_LABELS or kb & _KIND_LABELS)
        and bool(ka)
        and bool(kb)
        and not ka & kb
    )


def _own_kind(assets: list[AssetRef], words: str) -> list[AssetRef]:
    """An item's carriers, the generic ship keyed by the one kind its words name (none or several: kept)."""
    kinds = [label for label, pattern in _SHIP_KINDS if pattern.search(words)]
    if len(kinds) != 1:
        return assets
    return [dataclasses.replace(a, label=kinds[0]) if a.label == "ship" and not a.ship_name else a for a in assets]


class Item(NamedTuple):
    """One kind of a make-up list: its carriers, its figure and the words it was told in; ``counted``: the figure
    is a number or an article, not the count of the ships it names."""

    assets: list[AssetRef]
    figure: int
    words: str
    counted: bool = True


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
        assets = _own_kind([x for _, _, x in found], words)
        figure = _figure(words, assets) if assets else None
        if figure is None and out and not find_assets(words) and nxt is not None:
            # "two C-130 carrying search and rescue teams, and two C-17 ...": a conjunction inside an item's
            # description, which names no carrier, does not end the list
            pos = nxt.end()
            continue
        if figure is None:
            break
        # named ships count as many as they are, a figure only where a number or an article tells it
        counted = not all(a.ship_name for a in assets) or _figure(words, []) is not None
        out.append(Item(assets, figure, words, counted))
        pos = nxt.end() if nxt else len(segment)
    return out


def _kinds(items: list[Item]) -> bool:
    """Whether a list names two or more kinds, each its own ("two Il-76 and two An-124", not "two Il-76 and two
    Il-76")."""
    labels = [tuple(sorted(a.label for a in i.assets)) for i in items]
    return len(items) >= 2 and len(set(labels)) == len(labels)


# a word a list of counted kinds may open on: the start of the text or of a word
_WORD_START = re.compile(r"(?:(?<=^)|(?<=[\s,(«\"“]))\w", re.I)


def _with_named_together(items: list[Item]) -> list[Item]:
    """The kinds of a make-up with the ships it names without a figure of their own as one part ("including the
    frigate X, the tanker Y and two tugs": X and Y sail together, rule 51; the tugs are a kind with its figure)."""
    named = [i for i in items if not i.counted]
    if len(named) < 2:
        return items
    together = Item(
        [a for i in named for a in i.assets], sum(i.figure for i in named), "; ".join(i.words for i in named)
    )
    return [together, *(i for i in items if i.counted)]


def makeup(text: str, total: int, *, listed_only: bool = False) -> list[Item] | None:
    """The kinds a total of ``total`` carriers is told to be made of, when their figures add up to it (two or more
    kinds), else None. Without a marker, kinds each counted in one list ("eight Su-34 and two Su-30SM") that add up
    to the claim's count are its parts as well; ``listed_only``: only those (a bound before the list)."""
    for m in () if listed_only else _MARKER.finditer(text):
        items = _with_named_together(items_after(text, m.end()))
        if _kinds(items) and sum(i.figure for i in items) == total:
            return items
    for a, _, _ in find_assets(text)[:1]:
        for w in _WORD_START.finditer(text, max(0, a - 40), a + 1):
            items = items_after(text, w.start())
            # ships named one by one with no total are one claim (rule 51), not one per name
            if _kinds(items) and all(i.counted for i in items) and sum(i.figure for i in items) == total:
                return items
    return None


def _exact(c: Claim) -> int | None:
    return c.max_count if c.min_count is not None and c.min_count == c.max_count else None


def _numbered(words: str) -> bool:
    """Whether an item opens on a number (or an Arabic dual), not an article."""
    m = _FIGURE.match(words)
    word = m.group(0).lower() if m else ""
    return word not in _ONE and (number_value(word) > 0 or bool(_AR_DUAL.match(word)))


def _first_of_list(claim: Claim, text: str) -> list[Item] | None:
    """The counted kinds of ship of a list whose first item's figure alone the claim took as its count ("четырех
    десантных кораблей и трех фрегатов": four, not seven): each kind its own claim (rule 10: parts told without a
    total)."""
    at = text.find(claim.count_text) if claim.count_text else -1
    if at < 0:
        return None
    items = items_after(text, at)
    # ships only: a list of aircraft after its first figure may share it ("twelve Il-76 and An-124 aircraft", rule 10)
    ships = all(a.domain == "sea" for i in items for a in i.assets)
    if ships and _kinds(items) and all(i.counted for i in items) and items[0].figure == _exact(claim):
        return items
    return None


def split_makeup(claim: Claim, text: str) -> list[Claim]:
    """One claim per kind of the group the claim counts, where the sentence tells its make-up and the kinds' figures
    add up to the total; else the claim itself."""
    total = _exact(claim)
    if total is None and claim.min_count and claim.max_count is None:
        # "по меньшей мере шести МиГ-29 и двух Су-24", "at least six Su-24 and two Su-34": the bound before a list
        # of counted kinds bounds each kind, the list's sum the whole
        items = makeup(text, claim.min_count, listed_only=True) if claim.min_count >= 2 else None
        if items is None:
            return [claim]
        return [
            claim.copy(assets=list(i.assets), min_count=i.figure, max_count=None, count_text=i.words, carriers=None)
            for i in items
        ]
    if total is None or total < 2:
        return [claim]
    items = makeup(text, total)
    if items is None and (listed := _first_of_list(claim, text)) is not None:
        # no total to split: a kind told with an article ("and a tanker") is told with no figure (rule 39)
        return [
            claim.copy(assets=list(i.assets), min_count=n, max_count=n, count_text=i.words if n else "", carriers=None)
            for i in listed
            for n in [i.figure if _numbered(i.words) else None]
        ]
    if items is None:
        return [claim]
    return [
        claim.copy(assets=list(i.assets), min_count=i.figure, max_count=i.figure, count_text=i.words, carriers=None)
        for i in items
    ]


# a group referred back to by its number: "the three ships", "les trois navires", "these four aircraft", "все три
# корабля", "эти три корабля"
_DEFINITE = re.compile(
    r"(?<!\w)(?:the|these|those|all|both|les|ces|tous\s+les|toutes\s+les|все|эти|оба|обе)\s+$|"
    r"^(?:the|these|those|les|ces|все|эти)\s",
    re.I,
)


def _refers_back(c: Claim, text: str) -> bool:
    """Whether the claim's count refers back to a group told before ("the three ships", "les trois navires")."""
    at = text.find(c.count_text) if c.count_text else -1
    return at >= 0 and bool(_DEFINITE.search(text[max(0, at - 16) : at]) or _DEFINITE.match(c.count_text))


class Makeups:
    """The make-ups an article told so far, by their totals: a later sentence that refers back to the group by its
    number ("Les trois navires ont accosté à Tartous dimanche") moves the same kinds, one claim each."""

    def __init__(self) -> None:
        self.told: dict[int, list[Item]] = {}

    def apply(self, made: list[Claim], text: str) -> list[Claim]:
        """The claims of one sentence, a claim that refers back to a group told with its make-up split by kind;
        the make-ups the sentence tells remembered."""
        out: list[Claim] = []
        for c in made:
            total = _exact(c)
            items = self.told.get(total) if total else None
            if items and _refers_back(c, text) and makeup(text, total or 0) is None:
                out += [
                    c.copy(
                        assets=list(i.assets), min_count=i.figure, max_count=i.figure, count_text=i.words, carriers=None
                    )
                    for i in items
                ]
            else:
                out.append(c)
        for m in _MARKER.finditer(text):
            items = _with_named_together(items_after(text, m.end()))
            if _kinds(items):
                self.told[sum(i.figure for i in items)] = items
        return out


def _sums_to(parts: list[Claim], whole: Claim) -> bool:
    """Whether the parts' counts add up to the whole's: exact counts to an exact total, lower bounds to a lower
    bound ("не менее восьми самолётов" and "по меньшей мере шести МиГ-29 и двух Су-24")."""
    if whole.min_count is None or any(p.min_count is None for p in parts):
        return False
    if sum(p.min_count or 0 for p in parts) != whole.min_count:
        return False
    if whole.max_count is None:
        return all(p.max_count is None for p in parts)
    return all(p.max_count == p.min_count for p in parts) and whole.max_count == whole.min_count


def _kinds_of_one_sentence(bare: list[Claim]) -> list[list[Claim]]:
    """The place-less claims a sentence's counted list split by kind ("перебазировались восемь Су-34 и два
    Су-30СМ"): two or more of one sentence, each one kind of its own with a count, one of them more than one."""
    groups: dict[str, list[Claim]] = {}
    for c in bare:
        if len(c.sentences) == 1 and c.count_text and c.min_count is not None:
            groups.setdefault(c.sentences[0], []).append(c)
    out = []
    for group in groups.values():
        kinds = [tuple(sorted(a.label for a in c.assets)) for c in group]
        # "— a C-130, a C-2 and a KC-767": carriers told by their articles describe the total, they do not count it
        counted = any((c.min_count or 0) > 1 for c in group)
        if len(group) >= 2 and all(kinds) and len(set(kinds)) == len(kinds) and counted:
            out.append(group)
    return out


def parts_of_told_totals(
    placed: list[Claim], bare: list[Claim], fits: Callable[[Claim, Claim], bool]
) -> tuple[list[Claim], list[Claim]]:
    """A total told with its places, then split by kind in a sentence of its own: "десять военных самолётов были
    переброшены из Барановичей в Мачулищи. ... перебазировались восемь Су-34 и два Су-30СМ". The later list tells
    the total's make-up (rules 18 and 38 of the corpus: where the parts split a total wholly, only the parts are
    claims); absorbed into the total as details, each kind's count was lost under the total's. So the parts take
    the total's places, mover and days and stand in its stead. ``fits``: whether a place-less claim may describe a
    placed one (the merge's test). Returns the placed claims and the place-less claims left."""
    used: set[int] = set()
    for group in _kinds_of_one_sentence(bare):
        first = min(c.claim_id for c in group)
        labels = {a.label for c in group for a in c.assets}
        whole = next(
            (
                o
                for o in reversed(placed)
                if o.claim_id < first
                and all(fits(o, c) for c in group)
                and _sums_to(group, o)
                and {a.label for a in o.assets if a.label not in CLASS_ASSETS} <= labels
            ),
            None,
        )
        if whole is None:
            continue
        parts = []
        for c in group:
            part = c.copy()
            for role in ("origin", "destination", "via", "possible"):
                setattr(
                    part, role, [dataclasses.replace(p, qualifiers=list(p.qualifiers)) for p in getattr(whole, role)]
                )
            if part.actor is None:
                part.actor, part.actor_countries, part.actor_operators = (
                    whole.actor,
                    whole.actor_countries,
                    whole.actor_operators,
                )
            if not part.times:
                part.times = list(whole.times)
            part.sentences = [*whole.sentences, *(s for s in c.sentences if s not in whole.sentences)]
            part.sources += [s for s in whole.sources if s not in part.sources]
            parts.append(part)
            used.add(id(c))
        at = placed.index(whole)
        placed = [*placed[:at], *parts, *placed[at + 1 :]]
    return placed, [c for c in bare if id(c) not in used]
