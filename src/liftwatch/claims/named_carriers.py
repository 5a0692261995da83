"""How many carriers a sentence names one by one, when it gives no number: its named ships, or the one carrier
after "a"/"an"/"one" (in Arabic, which has no indefinite article, a singular carrier noun without "ال").

A count the text writes out is read by ``counts``; these are the counts a reader infers from the names themselves
("the frigates Soobrazitelny and Boiky and the support vessels Paradoks and Kola" is four voyages), kept apart so
that the sentence reader does not grow a second counting grammar.
"""

from __future__ import annotations

import itertools
import re

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.hull_numbers import without_hull_numbers
from liftwatch.claims.model import AssetRef, Claim

# "a Turkish military cargo plane", "an Il-76", "un avion-cargo russe", "один Ил-76": one carrier, not a count
_ONE_BEFORE = re.compile(r"(?<![\w-])(?:a|an|one|un|une|один|одна|одно)\s+(?:[\w-]+\s+){0,3}?$", re.I)
# Arabic has no indefinite article: a carrier noun in the singular without "ال" is one carrier ("طائرة شحن",
# "وصلت طائرة c130", "سفينة حربية"); a dual ("طائرتان") or a plural ("طائرات") is not, nor "the plane"
# ("الطائرة", told before), nor a noun after "كل" (*every* plane is a rate) or after a number of its own
_AR_ONE_NOUN = r"(?:طائرة|سفينة|مروحية|فرقاطة|مدمرة|بارجة|ناقلة|غواصة|حاملة)"
_AR_ONE = re.compile(rf"{AR_WORD_START}(?:و|ب)?{_AR_ONE_NOUN}{AR_WORD_END}")
_AR_NOT_ONE_BEFORE = re.compile(rf"(?:{AR_WORD_START}(?:كل|أي|اي)|\d)\s*$")


def carriers_named(text: str, assets: list[tuple[int, int, AssetRef]]) -> int | None:
    """How many carriers a sentence with no count names one by one: its named ships when those are all its
    carriers, or one when its only carrier follows "a"/"an"/"one" and is not plural, or is an Arabic singular
    carrier noun without the article; None when it does not say."""
    if not assets:
        return None
    if all(x.ship_name for _, _, x in assets):
        return len({x.label for _, _, x in assets})
    if len(assets) == 1:
        a, b, _ = assets[0]
        if _ONE_BEFORE.search(text[max(0, a - 40) : a]) and not re.search(r"(?:s|ы|и)$", text[a:b], re.I):
            return 1
        if _arabic_one(text, a):
            return 1
    return None


# what may stand between two ships of one list: a comma (the Arabic one too) or a conjunction, and a class noun or
# quotes; Arabic also puts a name in brackets after its class noun ("الطراد (فارياج) والفرقاطة (الأدميرال ...)")
_LIST_GAP = re.compile(r"[\s\"'«»“”)]*(?:,|،|\band\b|\bet\b|\bи\b|\bو)[^.;:()\d]{0,40}\(?", re.I)


def count_named_ships(claim: Claim, text: str, assets: list[tuple[int, int, AssetRef]]) -> None:
    """ "the frigates Soobrazitelny and Boiky and the support vessels Paradoks and Kola": ships named one by one
    in one list and given no number move one voyage each, so the claim is that many movements. Ships named apart
    in the sentence ("the Minsk followed the Azov") are not a list, and a name written twice counts once."""
    ships = [(a, b, x.label) for a, b, x in assets if x.ship_name]
    if len(ships) < 2 or claim.count_text or claim.min_count is not None:
        return
    # a hull number in brackets after a name ("X (494) and Y (490)") is the name's own, no gap in the list
    if not all(
        _LIST_GAP.fullmatch(without_hull_numbers(text[b:a2])) for (_, b, _), (a2, _, _) in itertools.pairwise(ships)
    ):
        return
    names = list(dict.fromkeys(n for _, _, n in ships))
    if len(names) >= 2:
        claim.min_count = claim.max_count = len(names)
        claim.count_text = "named ships: " + ", ".join(names)


def _arabic_one(text: str, a: int) -> bool:
    """The Arabic carrier starting at ``text[a]`` is one carrier: its span, or the word just before a type written
    after its class noun ("طائرة c130", "طائرة من طراز ..."), is a singular indefinite carrier noun."""
    head = _AR_ONE.match(text, a)
    if head is None:
        before = re.search(rf"{AR_WORD_START}(?:و|ب)?{_AR_ONE_NOUN}\s+(?:من\s+طراز\s+)?$", text[max(0, a - 30) : a])
        if before is None:
            return False
        a = a - len(before.group(0))
    return _AR_NOT_ONE_BEFORE.search(text[max(0, a - 12) : a]) is None


def listed_after(text: str, spans: list[tuple[int, int]], heads: set[int]) -> set[int]:
    """Start offsets of the named ships (``spans``, in text order) listed right after one of ``heads`` or after a ship
    this adds ("escorted by the cruiser X (CG-64), destroyers Y (DDG-55) and Z": Y and Z are escorts as X is); the
    list's gap is the count's (:data:`_LIST_GAP`, hull numbers dropped)."""
    out = set(heads)
    for (a, b), (a2, _) in itertools.pairwise(sorted(spans)):
        if a in out and _LIST_GAP.fullmatch(without_hull_numbers(text[b:a2])):
            out.add(a2)
    return out - heads
