"""An extracted actor written as the corpus rules want it: a state company's carrier as its state's, a proxy by the
name the text gives it.

The mover readers (:mod:`liftwatch.claims.mover`) find *who* is named as moving; two conventions then decide how
that mover is written, and both are facts about the name, not about the sentence:

* **A state's company** (rule 8): "Oboronlogistics' ferry Sparta", "суда «Оборонлогистики»", a ship of Syriamar or
  IRISL: the carrier is the state's, the company its owner, also where only the knowledge base says whose company
  it is (``data/kb/companies.csv``, its ``state`` column). Read as an operator, the company was the actor and the
  state was missing.
* **A proxy known by two names** (Wagner, its successor the Africa Corps): the lexicon holds one mover for both, so
  that the two merge and count as one; the claim names it as the text does: "Wagner" where the text names Wagner
  only, "Africa Corps" where it names that only, both where it names both.
"""

from __future__ import annotations

import re

from liftwatch.claims.lexicon import ACTORS
from liftwatch.claims.model import Claim
from liftwatch.kb.companies import company

_PROXY = "Wagner / Africa Corps"
_WAGNER = re.compile(r"\bWagner\b|\bВагнер\w*|فاغنر", re.I)
_AFRICA_CORPS = re.compile(r"\bAfri[ck]a\s+[CK]orps\b|\bАфриканск\w+\s+корпус\w*|الفيلق\s+الأفريقي", re.I)


def state_companies(claims: list[Claim]) -> None:
    """A claim whose actor is a state's company (rule 8: Oboronlogistika, Syriamar, IRISL) moves for the state, the
    company being its owner; a claim with no actor whose owner is such a company is the state's too. The owner keeps
    the company as the text spells it."""
    by_name = {a.name: a for a in ACTORS}
    for c in claims:
        found = company(c.actor) if c.actor else None
        if found is not None and found.state:
            c.owner = c.owner or c.actor
        elif c.actor is None and c.owner:
            found = company(c.owner)
        if found is None or not found.state:
            continue
        state = by_name.get(found.state)
        c.actor = found.state
        c.actor_countries = state.countries if state else ((found.country,) if found.country else ())
        c.actor_operators = state.operators if state else ()


def proxy_as_named(claims: list[Claim], text: str) -> None:
    """The proxy the lexicon knows as one mover ("Wagner / Africa Corps") named as the article names it."""
    wagner, corps = bool(_WAGNER.search(text)), bool(_AFRICA_CORPS.search(text))
    if wagner == corps:
        return
    name = "Wagner" if wagner else "Africa Corps"
    for c in claims:
        if c.actor == _PROXY:
            c.actor = name
