"""A state's bases named by its adjective: "from Turkish bases", "from their Russian bases", "depuis des bases
aériennes russes", "depuis les ports iraniens". The place is the state: reporting that names no base says only
which country the carriers left, and the gold keys that country, as it keys "from Turkey".

English puts the adjective before the facility noun, French after it. A facility that a place follows ("from US
bases in Germany", "from the Russian base at Hmeimim", "depuis la base russe de Hmeimim") is that place, named
next, so no country is read there. The mention covers the adjective only, so the role cue before the noun phrase
("from", "out of", "depuis", "au départ des") gives it its role through the usual filler ("their", "des bases").
English and French are read here, Russian in ``ru_home_bases`` ("на сирийский порт"); Arabic names a state's
bases by a nisba the other readers already take for the country.
"""

from __future__ import annotations

import re
from functools import cache

from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import Gazetteer, Mention
from liftwatch.kb.nationalities import nationality_adjectives

# the facility nouns a state's bases are told by, in English after the adjective and in French before it: plural,
# since one base is named ("a Swedish naval base" is some base, "Turkish bases" the country's), or the state's soil
_EN_FACILITY = (
    r"(?:(?:home\s+)?(?:air\s*|naval\s+|military\s+|army\s+)?(?:bases|airbases|airfields|air\s+stations|ports|harbou?rs)"
    r"|soil|territory)"
)
# French names a state's waters, airspace and coast the same way, the adjective after the noun ("dans les eaux
# territoriales vénézuéliennes", "l'espace aérien libyen", "en direction des côtes syriennes"): the state, as
# English "Venezuelan waters" is
_FR_FACILITY = (
    r"(?:(?:bases|aérodromes|aéroports|ports)(?:\s+(?:aériennes|navales|militaires))?|sol|territoire"
    r"|eaux(?:\s+territoriales)?|espace\s+aérien|côtes?)"
)
# a place or a noun named after the facility says which one it is: "bases in Germany", "la base russe de Hmeimim",
# "the Syrian ports of Tartus and Latakia", "Russian ports city"
_PLACE_AFTER = r"(?!\s+(?:in|at|of|near|outside|en|à|au|aux|de|du|des|d['’]|près|city|cities|town|towns)\b)"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(English, French) patterns whose group ``adj`` is a state's adjective next to a facility noun."""
    forms = nationality_adjectives()
    latin = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    # the English adjective is a proper adjective (capitalised: "Turkish", checked below); the French one is not
    en = re.compile(rf"(?<![\w-])(?P<adj>(?i:{latin}))\s+(?i:{_EN_FACILITY})\b{_PLACE_AFTER}")
    fr = re.compile(rf"(?<![\w-])(?i:{_FR_FACILITY})\s+(?P<adj>(?i:{latin}))(?![\w-]){_PLACE_AFTER}")
    return en, fr


def home_base_mentions(text: str, gaz: Gazetteer, taken: Taken) -> list[Mention]:
    """The states whose bases ``text`` names by the state's adjective, each a mention of the state's place over
    the adjective (where no other reader took those characters)."""
    forms = nationality_adjectives()
    out: list[Mention] = []
    en, fr = _patterns()
    for rx in (en, fr):
        for m in rx.finditer(text):
            a, b = m.span("adj")
            if rx is en and not m.group("adj")[0].isupper():
                continue  # an English adjective of a state is capitalised ("Turkish bases")
            state = forms.get(m.group("adj").lower())
            if state is None or not taken.free(a, b):
                continue
            place = gaz.lookup(state[1])
            if place is None or place.kind != "region":
                continue
            out.append(Mention(a, b, place, "candidate"))
            taken.add(a, b)
    return out
