"""Which keys of a fuzzy list a query can match at all, by the scripts their letters are written in.

A key that shares no character with the query scores 0 with every rapidfuzz scorer the kb uses (each counts the
characters the two strings have in common; the spaces of two names of several words alone leave the site search far
under its cutoff), so a query written in Cyrillic or Arabic letters need not be scored against the tens of thousands
of Latin names of the airport, city and country tables: that scoring was most of the time spent reading a Russian or
Arabic article. Shared by the site search (:mod:`liftwatch.kb.lookup`) and the
place candidates (:mod:`liftwatch.kb.place_fuzzy`), which each keep their answers exactly as a full pass gives them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_SCRIPT_CLASSES = {
    "latin": re.compile(r"[a-z]"),
    "cyrillic": re.compile(r"[\u0400-\u04ff]"),
    "arabic": re.compile(r"[\u0600-\u06ff]"),
    "digit": re.compile(r"[0-9]"),
}
_OTHER_CHAR = re.compile(r"[^a-z0-9 \u0400-\u04ff\u0600-\u06ff]")


def scripts(key: str) -> frozenset[str]:
    """The script classes a (casefolded) key's characters fall in."""
    return frozenset(name for name, pattern in _SCRIPT_CLASSES.items() if pattern.search(key))


def sharing_keys(keys: Sequence[str], query_scripts: frozenset[str]) -> tuple[list[str], list[int]]:
    """The ``keys`` a query written in ``query_scripts`` may share a character with, and their positions in
    ``keys`` (in order). All of them for a query with a Latin letter (most keys are Latin, so leaving out the rest
    saves little) or with none of the classes. A key with a character outside the classes is always kept, so every
    key sharing a character with the query is."""
    if "latin" in query_scripts or not query_scripts:
        return list(keys), list(range(len(keys)))
    wanted = [_SCRIPT_CLASSES[c] for c in query_scripts]
    positions = [i for i, k in enumerate(keys) if _OTHER_CHAR.search(k) or any(p.search(k) for p in wanted)]
    return [keys[i] for i in positions], positions
