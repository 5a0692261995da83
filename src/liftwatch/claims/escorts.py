"""A named ship escorting or accompanying the carriers a report moves: a movement of its own.

"The cargo ships left Tartus, escorted by the frigate Admiral X", "la frégate Y accompagnée par le pétrolier Z",
"в сопровождении корвета «W»", "بمرافقة الفرقاطة V": the escort sails the same route as the ships it escorts, so a
check against tracks looks for it too (a convoy's every ship is a claim, with the convoy's places). The carrier
reader (:func:`liftwatch.claims.assets.find_assets`) leaves the escort out of the escorted ships' carriers, so
their counts and types stay theirs; this module gives it its own claim, copied from the movement it escorts with
the escort as its one carrier and no count. That movement is told in the escort's sentence or, as often, in the
one or two before it ("Three freighters left Baltiysk ... The convoy was accompanied by the corvette X").

Only a ship named after an escort word ("escorted by", "accompanied by", "escorté par", "accompagné par",
"в сопровождении", "بمرافقة") counts: an unnamed escort ("under naval escort") says neither which ship nor how
many. Ships shadowing or watching the convoy ("shadowed by") are no part of it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from liftwatch.claims.model import AssetRef, Claim
from liftwatch.claims.named_carriers import listed_after
from liftwatch.claims.sentences import Sentence
from liftwatch.claims.ships import named_ships

# the words before a named ship that make it the escort of the carriers the clause moves (a watcher, "shadowed
# by", is no escort: it sails to watch, not with them)
_ESCORTED_BY = re.compile(
    r"\b(?:escort(?:ed|s)?\s+by|accompanied\s+by|under\s+the\s+(?:escort|protection)\s+of|"
    r"escortée?s?\s+par|accompagnée?s?\s+(?:par|de)|sous\s+(?:l['’]escorte|la\s+protection)\s+d[eu]|"
    r"в\s+сопровождении|сопровожда\w+)\s+(?:\S+\s+){0,3}?[«\"“„]?$|(?:بمرافقة|ترافقها|برفقة)\s+(?:\S+\s+){0,3}?[«\"“„]?$",
    re.I,
)


def escorts_in(text: str) -> list[AssetRef]:
    """The named ships ``text`` tells as escorting or accompanying other carriers (named after an escort word)."""
    ships = named_ships(text)
    heads = {s for s, _, _ in ships if _ESCORTED_BY.search(text[max(0, s - 50) : s])}
    # the ships listed after the first escort escort too ("escorted by the cruiser X, destroyers Y and Z")
    escorting = heads | listed_after(text, [(s, e) for s, e, _ in ships], heads) if heads else heads
    out: list[AssetRef] = []
    for s, e, name in ships:
        if s in escorting and not any(a.label == name for a in out):
            out.append(AssetRef(name, "sea", (), None, name.upper(), text[s:e]))
    return out


def movement_told(
    per_sentence: list[list[Claim]], i: int, look_back: int, keep: Callable[[Claim], bool]
) -> list[Claim]:
    """The placed claims ``keep`` accepts among sentence ``i``'s own, else among those of the nearest of the
    ``look_back`` sentences before that has any: the movement an escort sentence ("They were escorted by ...")
    tells the escort of."""
    for made in (per_sentence[i], *reversed(per_sentence[max(0, i - look_back) : i])):
        told = [c for c in made if (c.origin or c.destination or c.via) and keep(c)]
        if told:
            return told
    return []


def with_sentence(base: Claim, text: str) -> list[str]:
    """``base``'s sentences and the escort's own, once: the sentences an escort's claim copied from ``base`` cites."""
    return [*base.sentences, text] if text not in base.sentences else list(base.sentences)


LOOK_BACK = 2  # "Three freighters left Baltiysk ... The convoy was accompanied by the corvette X": the sentences before


def escort_claims(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> list[Claim]:
    """One claim per escort of a placed movement, with that movement's places, actor and dates; added to the
    escort's sentence's claims and returned (for the article's list). The movement is the sentence's own, else
    the last one told in the ``LOOK_BACK`` sentences before ("The convoy was accompanied by ...", "Ils sont
    escortés par ...")."""
    added: list[Claim] = []
    for i, (sent, made) in enumerate(zip(sentences, per_sentence, strict=True)):
        ships = escorts_in(sent.text)
        if not ships:
            continue
        told = movement_told(per_sentence, i, LOOK_BACK, lambda c: c.domain in (None, "sea"))
        # the escorts told together escorting one movement are one claim (rule 1: several told together), counted
        groups: dict[int, tuple[Claim, list[AssetRef]]] = {}
        for ship in ships:
            if any(a.label == ship.label for c in made for a in c.assets):
                continue  # the sentence moves the ship itself ("X, accompanied by Y, left ..." names X first)
            base = next((c for c in told if all(a.label != ship.label for a in c.assets)), None)
            if base is not None:
                groups.setdefault(id(base), (base, []))[1].append(ship)
        for base, group in groups.values():
            several = len(group) if len(group) > 1 else None
            new = base.copy(
                sentences=with_sentence(base, sent.text),
                assets=[dataclasses.replace(ship) for ship in group],
                min_count=several,
                max_count=several,
                count_text="named ships: " + ", ".join(a.label for a in group) if several else "",
                carriers=len(group),
                owner=None,
                escort=True,
            )
            made.append(new)
            added.append(new)
    return added


def escort_apart(a: Claim, b: Claim) -> bool:
    """An escort's claim and another carrier's are two movements on one route: the merge keeps them apart unless
    both name the escort."""
    if a.escort == b.escort:
        return False
    ships = {x.label for c in (a, b) if c.escort for x in c.assets}
    other = {x.label for c in (a, b) if not c.escort for x in c.assets}
    return not ships & other
