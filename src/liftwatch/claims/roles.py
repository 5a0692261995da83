"""Roles adjusted within one sentence after each place has its cue: a stop told before "then" is a via, "left
the base" is the base named before (so is Arabic "landed at the airport", "هبطت في المطار"), and a sentence naming
both modes ("by sea to Tobruk and by air to al-Khadim") is one claim per mode. Rules over the sentence's own places,
no model.
"""

from __future__ import annotations

import dataclasses
import itertools
import re

from liftwatch.claims.model import AssetRef, Claim, Place
from liftwatch.claims.sentences import Sentence
from liftwatch.kb.sites import SEA_KINDS

_LEFT_THE_BASE = re.compile(
    r"\b(?:quitté|quitte|left|departed(?:\s+from)?|leaving|took\s+off\s+from|sailed\s+from|покинул\w*|вышел\w*\s+из)\s+"
    r"(?:la|le|the|its|эту|этот)?\s*"
    r"(?P<what>base|airbase|air\s+base|базу|аэродром|port|harbou?r|порт|порта|гавань)\b|غادرت?\s+(?P<ar>القاعدة|الميناء)",
    re.I,
)
_SEA_WORDS = ("port", "harbour", "harbor", "порт", "порта", "гавань", "الميناء")
_LEFT_FROM_THERE = re.compile(r"\ben\s+(?:sont|est)\s+(?:re)?partie?s?\b|\bfrom\s+there\b", re.I)


def base_anaphor(
    text: str, sent: Sentence, placed: list[tuple[str, Place, str | None]], earlier_sites: list[Place]
) -> list[tuple[str, Place, str | None]]:
    """ "... the Hmeimim base, ... said a plane had left the base": the base named before is the origin.
    "... entrer dans la base de Tartous, en sont repartis": the place they entered is where they left from."""
    if _LEFT_FROM_THERE.search(text) and not any(r == "origin" for r, _, _ in placed):
        return [("origin" if r == "destination" else r, p, m) for r, p, m in placed]
    m = _LEFT_THE_BASE.search(text)
    if m is None or any(r == "origin" for r, _, _ in placed):
        return placed
    named = [r for r in sent.roles if r.role is None and r.head is None and r.mention.place.kind == "site"]
    before = [r.mention.place for r in named if r.mention.start - sent.start < m.start()]
    # "... the Syrian port of Tartus. ... Sparta II had already left the port": the port an earlier
    # sentence named, when this one names none before the verb
    sea = (m.group("what") or m.group("ar") or "").lower() in _SEA_WORDS
    earlier = [p for p in earlier_sites if (p.kind == "site") and (not sea or _is_port(p))]
    p = before[-1] if before else earlier[-1] if earlier else None
    if p is None:
        return placed
    return [("origin", dataclasses.replace(p, qualifiers=list(p.qualifiers)), None), *placed]


# an Arabic verb of landing, arriving, entering or anchoring, its subject (no comma or full stop), then "the airport",
# "the port", "the base" with the article and no name after it: "هبطت طائرة حربية في المطار", "دخلت الفرقاطة
# الميناء محملة بالجنود", "وصلت إلى القاعدة"
# (no "from" or "via" between: "وصلت شحنة عبر الميناء", "أقلعت من القاعدة" tell a passage and a departure)
_AR_ARRIVED_AT_THE = re.compile(
    r"(?<![\u0600-\u06FF])[وف]?(?:[تي]|ل[تي])?(?:(?:هبط|حط(?!ام)|وصل|دخل)\S*|رس(?:ت|تا|ا|و|وا)(?![\u0600-\u06FF]))"
    r"(?:\s+(?!(?:من|عبر|عن|منذ)(?:\s|$))[^\s،,.؛]+){0,8}?\s+"
    r"(?:(?:في|إلى|الى)\s+|ب)?(?:ال|لل)(?P<what>مطار|ميناء|قاعدة|مرفأ)(?![\u0600-\u06FF])"
)


def ar_arrival_anaphor(
    text: str, sent: Sentence, placed: list[tuple[str, Place, str | None]], earlier_sites: list[Place]
) -> list[tuple[str, Place, str | None]]:
    """ "قال مسؤول في مطار عدن إن طائرة هبطت في المطار": the airport, port or base named before is where the
    carrier arrived, when the sentence gives no other destination (the mirror of :func:`base_anaphor`'s "left the
    base")."""
    m = _AR_ARRIVED_AT_THE.search(text)
    if m is None or any(r == "destination" for r, _, _ in placed):
        return placed
    sea = m.group("what") in ("ميناء", "مرفأ")
    before = [
        r.mention.place
        for r in sent.roles
        if r.head is None and r.mention.place.kind == "site" and r.mention.start - sent.start < m.start()
    ]
    earlier = [p for p in [*earlier_sites, *before] if p.kind == "site" and (not sea or _is_port(p))]
    if not earlier:
        return placed
    p = earlier[-1]
    return [*placed, ("destination", dataclasses.replace(p, qualifiers=list(p.qualifiers)), None)]


def _is_port(p: Place) -> bool:
    from liftwatch import kb

    return any((s := kb.site(i)) is not None and s.kind in SEA_KINDS for i in p.site_ids or (p.id,))


# "to Hmeimim, from where ... to Al-Jufra", "в Латакию, а затем в Московскую область", "landing at X to
# refuel, then delivered to Y": every destination but the last is a stop on the way.
_THEN = re.compile(
    r"\bfrom\s+(?:where|there)\b|\b(?:and\s+)?then\b|\bbefore\s+(?:continuing|heading|flying|sailing|going|returning)\b|"
    r"\bto\s+refuel\b|\bа\s+затем\b|\bпосле\s+чего\b|\bpuis\b|\bavant\s+de\b|\bثم\b|\bومنها\b|\bومن\s+هناك\b",
    re.I,
)


def stops_before_then(
    text: str, positions: list[int], placed: list[tuple[str, Place, str | None]]
) -> list[tuple[str, Place, str | None]]:
    dests = [i for i, (role, _, _) in enumerate(placed) if role in ("destination", "possible")]
    out = list(placed)
    for i, j in itertools.pairwise(dests):
        if _THEN.search(text[positions[i] : positions[j]]):
            # every place of the list before "then" is a stop ("called at Limassol, Alexandria and Benghazi
            # before heading to Tartus"), not only the last one
            for k in dests:
                if k <= i and out[k][0] != "via":
                    out[k] = ("via", placed[k][1], placed[k][2])
    return out


def split_by_mode(claim: Claim, placed: list[tuple[str, Place, str | None]]) -> list[Claim]:
    """One claim per transport mode when the sentence names both ("by sea to Tobruk and by air to Al-Khadim").

    Places without a mode (typically the shared origin) go to every part; each part keeps the assets of
    its domain, or a generic one.
    """
    modes = sorted({m for _, _, m in placed if m})
    if len(modes) < 2:
        for role, place, _ in placed:
            getattr(claim, role).append(place)
        return [claim]
    out = []
    for mode in modes:
        part = claim.copy(origin=[], destination=[], via=[], possible=[], actor_context=[])
        for role, place, m in placed:
            if m in (None, mode):
                getattr(part, role).append(dataclasses.replace(place, qualifiers=list(place.qualifiers)))
        part.assets = [a for a in claim.assets if a.domain == mode] or [
            AssetRef("ship" if mode == "sea" else "aircraft", mode, text="by " + mode)
        ]
        out.append(part)
    return out
