"""Carriers named in a sentence: kb aircraft types, manufacturers, named ships, then carrier classes.

One function so the sentence reader and the cross-sentence rules see carriers the same way.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from liftwatch.claims.lexicon import ASSETS, CLASS_ASSETS, GENERIC_ASSETS
from liftwatch.claims.maker_models import model_after_maker
from liftwatch.claims.model import AssetRef
from liftwatch.claims.named_carriers import listed_after
from liftwatch.claims.ships import named_ships
from liftwatch.claims.types import find_makers, find_types

FORMER_NAME = re.compile(
    r"\b(?:previously|formerly|earlier|once)\s+(?:registered\s+|named\s+|known\s+|called\s+)?as\s+[\"'“‘«]?$"
    r"|\b(?:formerly|ex-)\s*[\"'“‘«]?$|\bранее\s+(?:известн\w+\s+как|называвш\w+)\s+[«\"]?$",
    re.I,
)


# an air operation's noun, which the cargo-aircraft class reads when the sentence names no aircraft of its own
_OPERATION_NOUN = re.compile(r"air\s*bridges?|airlifts?", re.I)

_ESCORT = re.compile(
    r"\b(?:escort(?:ed|s)?\s+by|shadowed\s+by|accompanied\s+by|escortée?s?\s+par|accompagnée?s?\s+par|"
    r"в\s+сопровождении|сопровожда\w+)\s+(?:\S+\s+){0,3}?[«\"“„]?$|(?:بمرافقة|ترافقها)\s+(?:\S+\s+){0,3}?[«\"“„]?$",
    re.I,
)


# a ship named before a verb of watching another ship ("HMS Trent ... began shadowing the Russian destroyer X", "the
# minehunter HMS Cattistock to shadow the survey ship X", "le patrouilleur X a suivi la frégate Y"): the watcher, whose
# own passage is no movement the report claims (it sails to watch), not a carrier of the watched ship's movement
_WATCHING = re.compile(
    r"\b(?:shadow(?:s|ed|ing)?|monitor(?:s|ed|ing)?|track(?:s|ed|ing)?|tail(?:s|ed|ing)?|followed|following|"
    r"surveill(?:e|ent|ait|aient|é|ée|és|ées|ant)|suivi|suivait|pist(?:é|ée|és|ées|ait|aient|ant)|следил\w*)\b",
    re.I,
)
_WATCH_REACH = 100  # characters from the watcher's name to its verb, and from the verb to the watched ship


def _watchers(found: list[tuple[int, int, AssetRef]], text: str) -> set[int]:
    """Start offsets of the named ships that watch another named ship after them in the sentence (a class after the
    verb may be the watcher's own: "the Yuan Wang 5, a tracking ship")."""
    ships = [x for x in found if x[2].domain == "sea"]
    out: set[int] = set()
    for s, e, a in ships:
        if not a.ship_name:
            continue
        verb = _WATCHING.search(text, e, min(len(text), e + _WATCH_REACH))
        if verb is not None and any(
            verb.end() <= s2 <= verb.end() + _WATCH_REACH for s2, _, a2 in ships if a2.ship_name and s2 != s
        ):
            out.add(s)
    return out


def find_assets(text: str) -> list[tuple[int, int, AssetRef]]:
    """Carriers in ``text`` (cached: the sentence reader and the cross-sentence rules ask for the same sentences)."""
    return [(s, e, replace(a)) for s, e, a in _find_assets(text)]


@lru_cache(maxsize=8192)
def _find_assets(text: str) -> tuple[tuple[int, int, AssetRef], ...]:
    """Carriers named in a sentence: kb aircraft types, manufacturers, named ships, then classes.

    A class ("cargo planes") is dropped when a type or named ship of the same domain is present. Combat
    types (kb category ``military_other``) named next to a cargo carrier are its load, not carriers.
    """
    found: list[tuple[int, int, AssetRef]] = []
    for s, e, k in find_types(text):
        found.append((s, e, AssetRef(k.label, "air", (k.type_code,), k.category, None, text[s:e])))
    types = [(a, b) for a, b, _ in found]
    for s, e, mk in find_makers(text, types):
        model = model_after_maker(text, mk.label, e)
        # "a Boeing 742": a model the kb lacks, not the maker alone; but a number a kb type spans, or one its kb
        # popular name follows, is that type's variant
        if model is not None and not any(a < model[0] + 2 and b > e for a, b in types):
            found.append((s, model[0], AssetRef(model[1], "air", (), None, None, text[s : model[0]])))
            continue
        found.append(
            (s, e, AssetRef(mk.label, "air", mk.type_codes, "cargo" if mk.cargo_only else None, None, text[s:e]))
        )
    for s, e, name in named_ships(text):
        if all(e <= a or s >= b for a, b, _ in found):
            found.append((s, e, AssetRef(name, "sea", (), None, name.upper(), text[s:e])))
    for kind in ASSETS:
        for m in kind.pattern.finditer(text):
            if any(not (m.end() <= s or m.start() >= e) for s, e, _ in found):
                continue  # "cargo planes" already took "planes"
            found.append(
                (
                    m.start(),
                    m.end(),
                    AssetRef(kind.label, kind.domain, kind.type_codes, kind.category, kind.ship_name, m.group(0)),
                )
            )
    # "Ursa Major, previously registered as Sparta III": one ship and its old name
    found = [x for x in found if not (x[2].ship_name and FORMER_NAME.search(text[max(0, x[0] - 40) : x[0]]))]
    # "escortés par la frégate Amiral Golovko", "escorted by the corvette X": the escort, not the carrier
    if len(found) > 1 or any(x[2].ship_name for x in found):
        escorts = [x for x in found if x[2].ship_name and _ESCORT.search(text[max(0, x[0] - 50) : x[0]])]
        # the ships listed after the first escort escort too ("escorted by the cruiser X (CG-64), destroyers Y")
        named = [(x[0], x[1]) for x in found if x[2].ship_name]
        more = listed_after(text, named, {x[0] for x in escorts}) if escorts else set()
        escorts += [x for x in found if x[0] in more]
        if escorts and len(escorts) < len([x for x in found if x[2].domain == "sea"]):
            found = [x for x in found if x not in escorts]
    # "another relief aircraft ... as part of an ongoing air bridge": the airlift is what the flights serve; the plane's
    # own noun says what flew, and the corpus keeps that noun's class
    if any(a.label == "aircraft" for _, _, a in found):
        found = [x for x in found if not (x[2].label == "cargo aircraft" and _OPERATION_NOUN.fullmatch(x[2].text))]
    watchers = _watchers(found, text)
    if watchers and len(watchers) < len([x for x in found if x[2].domain == "sea"]):
        found = [x for x in found if x[0] not in watchers]
    cargo = any(a.category == "cargo" for _, _, a in found)
    if cargo:
        found = [x for x in found if x[2].category != "military_other"]
    specific = {a.domain for _, _, a in found if a.label not in CLASS_ASSETS}
    kept = [x for x in found if not (x[2].label in CLASS_ASSETS and x[2].domain in specific)]
    classes = {a.domain for _, _, a in kept if a.label not in GENERIC_ASSETS}
    kept = [x for x in kept if not (x[2].label in GENERIC_ASSETS and x[2].domain in classes)]
    # one entry per asset
    seen: set[str] = set()
    out = []
    for x in sorted(kept, key=lambda x: x[0]):
        if x[2].label not in seen:
            seen.add(x[2].label)
            out.append(x)
    return tuple(out)
