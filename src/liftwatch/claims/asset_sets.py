"""A claim's carriers as one set, once its sentences are merged: a manufacturer named beside one of its own types
is that type.

"وصلت طائرة إليوشن ... من طراز "إيل-76"", "deux Airbus ... des A400M", or a lead that says "an Ilyushin" and a
later sentence "the Il-76": each sentence reads its carriers on its own, so the merged claim held both the maker
and the type, and compared as a set ("Ilyushin", "Il-76") it matched neither the text's type nor its maker. The
corpus writes the manufacturer only "when only that is said" (its README, ``assets``); a type of that maker says
more, so the maker goes. A maker beside another maker's type ("an Ilyushin and a Boeing 747") stays.
"""

from __future__ import annotations

from functools import cache

from liftwatch.claims.model import Claim
from liftwatch.claims.types import MAKERS


@cache
def _codes_of_maker() -> dict[str, frozenset[str]]:
    """Each manufacturer's kb type codes (every category: an airliner is its maker's as much as a freighter)."""
    from liftwatch import kb

    types = kb.aircraft_types()
    return {
        maker: frozenset(r["type_code"] for r in types.iter_rows(named=True) if r["name"].startswith(maker))
        for maker in MAKERS
    }


def makers_with_their_types(claims: list[Claim]) -> None:
    """Drop a manufacturer from a claim's carriers where the claim also names one of its types."""
    codes = _codes_of_maker()
    for c in claims:
        typed = {code for a in c.assets if a.label not in codes for code in a.type_codes if len(a.type_codes) == 1}
        if not typed:
            continue
        c.assets = [a for a in c.assets if not (a.label in codes and not a.ship_name and codes[a.label] & typed)]

