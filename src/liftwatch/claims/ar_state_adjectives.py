"""The Arabic adjective of a state ("أمريكية", "روسي", "السودانية"), told by the kb's adjective forms.

An adjective with no article after a facility noun says whose the facility is ("هبطت في قاعدة أمريكية ببلدة
الشدادي": at an American base, in Shaddadi): it stands between the cue and the place as "عسكرية" and "الروسية"
do (``filler.py``), and it is no name of a site, whatever the kb's fuzzy resolver makes of it ("أمريكية" came out
as Minot Air Force Base; ``candidates.py``). A state whose name has an adjective's form ("سورية", "مالي") resolves
to the state, not to a site, and stays a place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from liftwatch.kb.nationalities import arabic_adjectives

if TYPE_CHECKING:
    from liftwatch.claims.model import Place


def state_of(word: str) -> str | None:
    """The ISO2 of an Arabic adjective of a state in any of its forms ("السودانية", "الليبي", "الإيرانيين")."""
    forms = arabic_adjectives()
    for suffix in ("", "ة", "ين", "ان"):
        if suffix and not word.endswith(suffix):
            continue
        iso = forms.get(word[: len(word) - len(suffix)])
        if iso is not None:
            return iso
    return None


def state_adjective(word: str) -> bool:
    """True for the Arabic adjective of a state with no article ("أمريكية", "روسي", "تركيتين")."""
    return bool(re.fullmatch(r"[\u0621-\u064A]{3,}", word)) and state_of(word) is not None


def adjective_as_site(word: str, place: Place | None) -> bool:
    """True when ``word``, resolved to the site ``place``, is the adjective of a state ("بقاعدة أمريكية"), a
    proclitic split off: an adjective names no site."""
    if place is None or place.kind != "site":
        return False
    return state_adjective(re.sub(r"^[وفبل](?!ال)", "", word))
