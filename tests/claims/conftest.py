"""Fixtures: a gazetteer over the real knowledge base, and one over a small stand-in with the same API.

The stand-in (``fakekb.py``) pins the engine's behaviour independently of the curated kb data; the real
kb runs the same expectations so alias coverage (Khmeimim, الخادم, ...) is tested where it lives.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from liftwatch.claims.places import Gazetteer
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


@pytest.fixture(scope="session")
def fake_gaz() -> Gazetteer:
    return Gazetteer(fakekb)


@pytest.fixture(scope="session", params=["fake-kb", "real-kb"])
def gaz(request: pytest.FixtureRequest) -> Gazetteer:
    if request.param == "fake-kb":
        return Gazetteer(fakekb)
    return real_kb_gazetteer()
