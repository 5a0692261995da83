"""The lookup key of a name: diacritics folded, lower case, separators collapsed, a leading article dropped.

One function for every comparison of names (the gazetteer's aliases, the gold annotations, ship and actor
names), so that "Al-Khadim", "al Khadim" and "Al Khādim" meet.
"""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Strip diacritics character by character, keeping the length (so match offsets stay valid)."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def norm_key(text: str) -> str:
    """Lookup key: folded, lower-case, separators collapsed, leading article dropped."""
    s = fold(text).lower().replace("’", "'")
    s = re.sub(r"[\s\-‐–_]+", " ", s).strip(" .,;:'\"()")
    return re.sub(r"^the ", "", s)
