"""An article's claims do not depend on the articles read before it in the same process.

The extractor memoises for speed: the gazetteer keeps one kb resolution per (phrase, carrier), the asset
finder one reading per sentence, the kb its indexes. A memo keyed on less than it reads would make an
article's claims depend on which articles a batch or the evaluator read before it, so a file scored alone
and the same file scored with its corpus would disagree. Invented articles that name the same towns for an
aircraft and for a ship (an airfield for the one, a port or naval base for the other) are read alone, each
with a gazetteer of its own, and then in sequence through one shared gazetteer, forwards, backwards and
twice over: every reading must be the one the article gets alone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from liftwatch.claims import extract
from liftwatch.claims.assets import _find_assets
from liftwatch.claims.places import Gazetteer

from .conftest import real_kb_gazetteer

PUB = date(2025, 5, 14)
# pairs naming one town for an aircraft and for a ship, in three languages
ARTICLES = (
    "On 3 May a Colombian Air Force C-130 landed in Cartagena after a flight from Bogotá.",
    "On 5 May the Spanish frigate Álvaro de Bazán sailed from Cartagena to Rota.",
    "3 мая российский Ил-76 вылетел из Севастополя в Хмеймим.",
    "5 мая большой десантный корабль «Калининград» вышел из Севастополя в Тартус.",
    "Le 7 mai, un A400M français a décollé de Toulon pour Djibouti.",
    "Le 9 mai, la frégate française Languedoc a quitté Toulon pour Djibouti.",
    # a place qualified in one article ("in eastern Libya") and named bare in the next
    "On 11 May a Russian Il-76 flew from Hmeimim to Al-Khadim air base in eastern Libya.",
    "On 12 May another Russian Il-76 landed at Al-Khadim from Hmeimim.",
)


def _read(text: str, gaz: Gazetteer) -> dict[str, Any]:
    return extract(text, PUB, gazetteer=gaz, use_model=False).to_dict()


def _place_ids(reading: dict[str, Any]) -> set[str]:
    return {p["id"] for c in reading["claims"] for role in ("origin", "destination") for p in c[role] if p["id"]}


@pytest.fixture(scope="module")
def alone() -> dict[str, dict[str, Any]]:
    """Each article read first: a gazetteer of its own and no sentence's assets remembered."""
    real_kb_gazetteer()  # skips without the kb
    out = {}
    for text in ARTICLES:
        _find_assets.cache_clear()
        out[text] = _read(text, Gazetteer())
    return out


def test_the_articles_read_one_town_two_ways(alone: dict[str, dict[str, Any]]) -> None:
    """The memo's key must hold the carrier: each pair reads its shared town as different sites."""
    for air, sea in zip(ARTICLES[:6:2], ARTICLES[1:6:2], strict=True):
        assert _place_ids(alone[air]) and _place_ids(alone[sea])
        assert _place_ids(alone[air]) != _place_ids(alone[sea]), (air, sea)


@pytest.mark.parametrize("order", ["forwards", "backwards"])
def test_no_state_is_carried_from_one_article_to_the_next(alone: dict[str, dict[str, Any]], order: str) -> None:
    texts = ARTICLES if order == "forwards" else ARTICLES[::-1]
    shared = Gazetteer()
    for text in (*texts, *texts):
        assert _read(text, shared) == alone[text], text
