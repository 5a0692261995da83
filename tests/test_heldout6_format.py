"""Held-out set 6 is well formed and new: it parses, uses only the corpus keys, every place key is one the kb
knows, and no excerpt repeats a page or a passage of another corpus.

This checks the annotation's format only, never what the claim extractor makes of the text: the set is a
blind estimate, so nothing here may run the extractor on it. A typo in a place key or a misspelt field would
otherwise only show up as a silent miss when the set is scored, and an excerpt copied from a page the rules
were tuned on would quietly turn the estimate into an upper bound.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import liftwatch.kb as kb

DATA_DIR = Path(__file__).resolve().parent / "data"
SET_DIR = DATA_DIR / "articles_heldout6"
FILES = sorted(SET_DIR.glob("*.toml"))
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
RUN = 8  # words in a row that make two excerpts the same passage


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


def _runs(text: str) -> set[str]:
    """Every run of RUN consecutive words, case-folded, so a passage shared with another page shows up."""
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _normal_url(url: str) -> str:
    return url.strip().rstrip("/").casefold()


@cache
def _other_corpora() -> tuple[dict[str, str], dict[str, str]]:
    """URLs and word runs of every other gold corpus: the development corpus and the other held-out sets."""
    urls: dict[str, str] = {}
    runs: dict[str, str] = {}
    others = [DATA_DIR / "articles", *sorted(DATA_DIR.glob("articles_heldout*"))]
    for folder in others:
        if folder == SET_DIR:
            continue
        for path in sorted(folder.glob("*.toml")):
            doc = _load(path)
            name = f"{folder.name}/{path.name}"
            urls.setdefault(_normal_url(doc["url"]), name)
            for run in _runs(doc["text"]):
                runs.setdefault(run, name)
    return urls, runs


def test_set_has_eight_excerpts_per_language() -> None:
    langs = [_load(p)["lang"] for p in FILES]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 8, "ar": 8, "fr": 8, "ru": 8}


def test_other_corpora_are_found() -> None:
    """The overlap checks below compare against something: an empty comparison would pass vacuously."""
    urls, runs = _other_corpora()
    assert len(urls) >= 150 and len(runs) >= 10_000


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_excerpt_is_new(path: Path) -> None:
    doc = _load(path)
    urls, runs = _other_corpora()
    assert _normal_url(doc["url"]) not in urls, f"page already used in {urls.get(_normal_url(doc['url']))}"
    shared = sorted({f"{runs[r]}: {r!r}" for r in _runs(doc["text"]) if r in runs})
    assert not shared, f"passages shared with another corpus: {shared[:3]}"


def test_excerpts_of_the_set_are_distinct() -> None:
    seen: dict[str, str] = {}
    for path in FILES:
        doc = _load(path)
        assert _normal_url(doc["url"]) not in seen, f"{path.name} repeats {seen.get(_normal_url(doc['url']))}"
        seen[_normal_url(doc["url"])] = path.name


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_excerpt_is_well_formed(path: Path) -> None:
    doc = _load(path)
    assert set(doc) <= TOP_KEYS, f"unexpected keys {set(doc) - TOP_KEYS}"
    assert path.name.startswith(f"{doc['lang']}-p"), "file name must start with <lang>-p"
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
            assert not last or last <= doc["published"] + "-31", "a movement is not dated after its report"
        if "count_min" in claim and "count_max" in claim:
            assert claim["count_min"] <= claim["count_max"]
        assert isinstance(claim.get("dark", False), bool)
