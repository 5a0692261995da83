"""Fixtures: a gazetteer over the real knowledge base, and one over a small stand-in with the same API.

The stand-in (``fakekb.py``) pins the engine's behaviour independently of the curated kb data; the real
kb runs the same expectations so alias coverage (Khmeimim, الخادم, ...) is tested where it lives.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from liftwatch.claims import extract
from liftwatch.claims.model import Claim, Extraction, Place
from liftwatch.claims.places import Gazetteer
from liftwatch.store import Store
from tests.claims import fakekb

TEXTS = Path(__file__).resolve().parent / "texts"
SHARED = Path(__file__).resolve().parents[3] / "shared"


def real_kb_gazetteer() -> Gazetteer:
    try:
        kb = importlib.import_module("liftwatch.kb")
        if not callable(getattr(kb, "sites", None)):
            raise AttributeError("liftwatch.kb.sites missing")
    except (ImportError, AttributeError) as exc:
        pytest.skip(f"liftwatch.kb not available yet ({exc})")
    from liftwatch.claims.places import default_gazetteer

    return default_gazetteer()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """An empty store for verdict tests to write flights and points into."""
    s = Store(tmp_path / "c.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def fake_gaz() -> Gazetteer:
    return Gazetteer(fakekb)


@pytest.fixture(scope="session", params=["fake-kb", "real-kb"])
def gaz(request: pytest.FixtureRequest) -> Gazetteer:
    if request.param == "fake-kb":
        return Gazetteer(fakekb)
    return real_kb_gazetteer()


SHAPES_PUB = date(2025, 5, 14)  # a Wednesday: the publication date of the constructed shape sentences


def shape_extract(text: str) -> Extraction:
    """A constructed sentence read against the real knowledge base, without the optional model."""
    return extract(text, SHAPES_PUB, gazetteer=real_kb_gazetteer(), use_model=False)


def one_claim(text: str) -> Claim:
    ex = shape_extract(text)
    assert len(ex.claims) == 1, (text, ex.claims)
    return ex.claims[0]


def place_ids(places: Iterable[Place]) -> set[str]:
    return {p.id or f"unknown:{p.text}" for p in places}
