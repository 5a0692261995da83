"""The ``*-n*`` excerpts of the gold corpus (the former held-out set 5) are well formed: they parse, use only the
corpus keys, and every place key is one the kb knows.

Written while the set was blind, when nothing could run the extractor on it: the checks are on the
annotation's format only. Kept now that the set is development data, so that a kb change that drops a place
its gold names (or a misspelt field added later) shows up here, not as a silent miss when scoring.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import liftwatch.kb as kb

SET_DIR = Path(__file__).resolve().parents[1] / "data" / "articles"
FILES = sorted(SET_DIR.glob("??-n[0-9]-*.toml"))  # the former held-out set 5
TOP_KEYS = {"lang", "url", "published", "date_note", "text", "claim"}
CLAIM_KEYS = {
    "actor",
    "sources",
    "assets",
    "owner",
    "origin",
    "via",
    "destination",
    "possible_destination",
    "window",
    "count_min",
    "count_max",
    "rate_per_day_min",
    "rate_per_day_max",
    "dark",
}
PLACE_FIELDS = ("origin", "via", "destination", "possible_destination")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def _site_ids() -> frozenset[str]:
    return frozenset(kb.sites()["site_id"].to_list())


def _place_error(key: str) -> str | None:
    """Why ``key`` is not a place key the corpus allows, or None when it is."""
    if key in _site_ids() or key in kb.regions():
        return None
    if key.startswith("unknown:"):
        name = key.removeprefix("unknown:")
        return None if name and name == name.lower() else f"{key}: an unknown place is written in lower case"
    if key.startswith("country:"):
        return None if re.fullmatch(r"country:[A-Z]{2}", key) else f"{key}: not country:<ISO2>"
    if key.startswith("city:"):
        ref = kb.resolve_place(key.removeprefix("city:"))
        return None if ref.kind == "city" else f"{key}: the kb resolves it to {ref.kind} {ref.id}"
    return f"{key}: neither a kb site or region id, country:, city: nor unknown:"


def _load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_set_has_eight_excerpts_per_language() -> None:
    langs = [_load(p)["lang"] for p in FILES]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 8, "ar": 8, "fr": 8, "ru": 8}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_excerpt_is_well_formed(path: Path) -> None:
    doc = _load(path)
    assert set(doc) <= TOP_KEYS, f"unexpected keys {set(doc) - TOP_KEYS}"
    assert re.match(rf"{doc['lang']}-n\d-", path.name), "file name must start with <lang>-n<digit>-"
    assert doc["url"].startswith(("http://", "https://"))
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", doc["published"])
    assert doc["text"].strip()
    claims = doc.get("claim", [])
    assert claims, "every excerpt claims at least one movement"
    for claim in claims:
        assert set(claim) <= CLAIM_KEYS, f"unexpected claim keys {set(claim) - CLAIM_KEYS}"
        errors = [e for f in PLACE_FIELDS for k in claim.get(f, []) if (e := _place_error(k))]
        assert not errors, errors
        if "actor" in claim:
            assert claim["actor"] not in claim.get("sources", []), "a source is never the actor"
        if "window" in claim:
            first, last = claim["window"]
            assert all(d == "" or DAY.fullmatch(d) for d in (first, last))
            assert not (first and last) or first <= last
        if "count_min" in claim and "count_max" in claim:
            assert claim["count_min"] <= claim["count_max"]
        assert isinstance(claim.get("dark", False), bool)
