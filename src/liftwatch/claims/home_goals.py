"""A movement told "home" goes to the movers' own state: "вылетел ... на Родину", "вернулись домой", "returned
home", "rentrer au pays", "العودة إلى الوطن".

The word names no place of its own, only whose country the goal is; the reader knows it once the claim has its
actor, so this runs after the actors are settled. Reporting keys the goal as the state ("returned home" of Russian
servicemen is Russia, of Chinese troops China), as it keys "returned to Russia"; a goal the text names besides
("вернулись домой, в Жуковский") stays, so only a claim with no destination takes the state. A claim whose actor is
not one state (a company, an alliance, none) gets nothing: whose home it is would be a guess.

"Home" as a modifier ("home port", "home base", "home waters") is a place of its own the other readers take, not the
goal of the sentence's movement, so those are left out.
"""

from __future__ import annotations

import re

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import Gazetteer
from liftwatch.kb.countries import countries

# a verb of going or bringing, then "home"; the modifier "home port/base/waters" is a place of its own
_EN = (
    r"\b(?:return\w*|back|fl(?:ew|own|y|ying|ies)|sail\w*|head\w*|br(?:ought|ing\w*)|c(?:ame|ome|oming)"
    r"|go(?:ne|ing|es)?|went|bound|way)\s+home\b(?!\s*-?\s*(?:port|base|waters|front|fleet|airfield)s?\b)"
)
# "на Родину" (capitalised or not), "домой"
_RU = r"\bна\s+[Рр]одину\b|\bдомой\b"
# "rentrer au pays", "retour au pays", "regagner leur pays", "rentrés chez eux"
_FR = r"\b(?:rentr\w+|retour|regagn\w+)\s+(?:au\s+pays|(?:leur|son)\s+pays|chez\s+(?:eux|elles|lui|elle))\b"
# "إلى الوطن", "إلى أرض الوطن", "إلى الديار"
_AR = r"(?:إلى|الى)\s+(?:أرض\s+)?(?:الوطن|الديار)(?![\w])"
HOME = re.compile("|".join((_EN, _RU, _FR, _AR)), re.I)
# the Russian noun itself, capitalised, is taken for a name the kb does not know ("на Родину"): it is no place
_HOME_NOUN = re.compile(r"[Рр]один[аыеуой]{1,2}")


def _state_place(iso: str, gaz: Gazetteer) -> Place | None:
    """The state's own place in the gazetteer (Russia's region, ``country:CN``), by the state's names."""
    country = countries().get(iso)
    if country is None:
        return None
    for name in country.aliases:
        place = gaz.lookup(name)
        if place is not None and place.kind == "region":
            return place
    return None


def home_goals(claims: list[Claim], gaz: Gazetteer) -> None:
    """A claim with no destination whose sentence tells its movement "home" goes to its actor's state, where the
    actor is one state. The Russian noun read as an unknown name is no destination first."""
    for c in claims:
        c.destination = [p for p in c.destination if p.known or not _HOME_NOUN.fullmatch(p.text)]
        if c.destination or len(c.actor_countries) != 1:
            continue
        if not any(HOME.search(s) for s in c.sentences):
            continue
        place = _state_place(c.actor_countries[0], gaz)
        if place is not None and place.id not in {p.id for p in c.origin}:
            c.destination = [place]
