"""The lookup key of a name: diacritics folded, lower case, separators collapsed, a leading article dropped.

One function for every comparison of names (the gazetteer's aliases, the gold annotations, ship and actor
names), so that "Al-Khadim", "al Khadim" and "Al Khādim" meet.
"""

from __future__ import annotations

import re
import unicodedata

# Arabic letters written interchangeably at the end of a word (taa marbuta and haa: "مدينة"/"مدينه"; alif
# maqsura and yaa: "بنغازى"/"بنغازي", as Egyptian print writes them): one letter for one
_AR_EQUIVALENT = {"ة": "ه", "ى": "ي"}


def fold(text: str) -> str:
    """Strip diacritics character by character, keeping the length (so match offsets stay valid); Arabic
    hamza seats fold to a bare alif by the same decomposition, and the letters of ``_AR_EQUIVALENT`` to one."""
    out = []
    for ch in text:
        if ord(ch) < 128:
            out.append(ch)
            continue
        if ch in _AR_EQUIVALENT:
            out.append(_AR_EQUIVALENT[ch])
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch)
    return "".join(out)


def norm_key(text: str) -> str:
    """Lookup key: folded, lower-case, separators collapsed, leading article dropped."""
    s = fold(text).lower().replace("’", "'")
    s = re.sub(r"[\s\-‐–_]+", " ", s).strip(" .,;:'\"()")
    return re.sub(r"^the ", "", s)
