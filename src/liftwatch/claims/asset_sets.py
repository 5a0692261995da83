"""A claim's carriers as one set, once its sentences are merged: a manufacturer named beside one of its own types
is that type, and a "ship" whose name the article gives to a company or a source is no carrier.

"وصلت طائرة إليوشن ... من طراز "إيل-76"", "deux Airbus ... des A400M", or a lead that says "an Ilyushin" and a
later sentence "the Il-76": each sentence reads its carriers on its own, so the merged claim held both the maker
and the type, and compared as a set ("Ilyushin", "Il-76") it matched neither the text's type nor its maker. The
corpus writes the manufacturer only "when only that is said" (its README, ``assets``); a type of that maker says
more, so the maker goes; so does a maker beside its own model the kb lacks ("a Boeing 742 ... the Boeing"). A
maker beside another maker's type ("an Ilyushin and a Boeing 747") stays.
"""

from __future__ import annotations

from functools import cache

from liftwatch.claims.known_operators import known_operators
from liftwatch.claims.model import Claim
from liftwatch.claims.textkey import norm_key
from liftwatch.claims.types import MAKERS
from liftwatch.kb.companies import company


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
    """Drop a manufacturer from a claim's carriers where the claim also names one of its types, or one of its models
    the kb lacks, written after the maker's name ("Boeing 742 ... the Boeing")."""
    codes = _codes_of_maker()
    for c in claims:
        typed = {code for a in c.assets if a.label not in codes for code in a.type_codes if len(a.type_codes) == 1}
        models = {m for a in c.assets if not a.type_codes and not a.ship_name for m in _maker_of_model(a.text)}
        if not typed and not models:
            continue
        c.assets = [
            a
            for a in c.assets
            if not (a.label in codes and not a.ship_name and (codes[a.label] & typed or a.label in models))
        ]


def _maker_of_model(text: str) -> list[str]:
    """The manufacturer whose name opens a model's mention ("Boeing 742" -> "Boeing"), if the mention has more."""
    return [
        maker
        for maker, spellings in MAKERS.items()
        if any(text.startswith(f"{sp} ") or text.startswith(f"{sp}-") for sp in spellings)
    ]


# the media nouns a source is named after ("شبكة "سي أن أن"", "the channel X")
_MEDIA = frozenset(
    {"channel", "network", "newspaper", "agency", "site", "chaîne", "journal", "канал", "газета", "агентство",
     "издание", "شبكة", "قناة", "صحيفة", "موقع", "وكالة"}
)  # fmt: skip


def names_of_other_roles(claims: list[Claim]) -> None:
    """Drop a "ship" whose name the article gives another role: a claim's owner ("سفينة مملوكة لشركة الشحن الروسية
    "إم ليزينغ""), a source ("شبكة "سي أن أن""), a company or airline the kb knows ("Pouya Air", "Cham Wings").
    A quoted name is read as a vessel's wherever a ship noun is near; the same name as an owner, a reporter or a
    company says what it is."""
    others = {norm_key(c.owner) for c in claims if c.owner}
    sources = [norm_key(s) for c in claims for s in c.sources]
    for c in claims:
        c.assets = [
            a for a in c.assets if not (a.ship_name and _other_role(norm_key(a.label), a.label, others, sources))
        ]


def _other_role(key: str, label: str, owners: set[str], sources: list[str]) -> bool:
    if not key:
        return False
    if key in owners or company(label) is not None:
        return True
    if any(key == s or (s.split(" ", 1)[0] in _MEDIA and s.split(" ", 1)[-1] == key) for s in sources):
        return True  # the source itself, or a channel or paper by its name ("شبكة سي أن أن"), not a phrase naming it
    return any(e - s == len(label) for s, e, _ in known_operators(label))
