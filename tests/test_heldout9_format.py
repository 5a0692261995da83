"""Held-out set 9 is well formed and new: it parses, uses only the corpus keys, every place key is one the kb
knows, and no excerpt repeats a page or a passage of another corpus.

This checks the annotation's format only, never what the claim extractor makes of the text: the set is a
blind estimate, so nothing here may run the extractor on it. A typo in a place key or a misspelt field would
otherwise only show up as a silent miss when the set is scored, and an excerpt copied from a page the rules
were tuned on would quietly turn the estimate into an upper bound. The other corpora are found by globbing,
not listed: a blind set that joins the development corpus (its files moved into ``articles/``) or a new set
beside this one is compared against without a change here.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from tests.annotation import check_excerpt, load

DATA_DIR = Path(__file__).resolve().parent / "data"
SET_DIR = DATA_DIR / "articles_heldout9"
FILES = sorted(SET_DIR.glob("*.toml"))
RUN = 8  # words in a row that make two excerpts the same passage


def _runs(text: str) -> set[str]:
    """Every run of RUN consecutive words, case-folded, so a passage shared with another page shows up."""
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _normal_url(url: str) -> str:
    return url.strip().rstrip("/").casefold()


def _other_folders() -> list[Path]:
    """The development corpus and every other held-out set that exists now, whatever its number."""
    folders = [DATA_DIR / "articles", *sorted(DATA_DIR.glob("articles_heldout*"))]
    return [f for f in folders if f.is_dir() and f.resolve() != SET_DIR.resolve()]


@cache
def _other_corpora() -> tuple[dict[str, str], dict[str, str]]:
    """URLs and word runs of every other gold corpus, each mapped to the first file that holds it."""
    urls: dict[str, str] = {}
    runs: dict[str, str] = {}
    for folder in _other_folders():
        for path in sorted(folder.glob("*.toml")):
            doc = load(path)
            name = f"{folder.name}/{path.name}"
            urls.setdefault(_normal_url(doc["url"]), name)
            for run in _runs(doc["text"]):
                runs.setdefault(run, name)
    return urls, runs


def test_set_has_eight_excerpts_per_language() -> None:
    langs = [load(p)["lang"] for p in FILES]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 8, "ar": 8, "fr": 8, "ru": 8}


def test_other_corpora_are_found() -> None:
    """The overlap checks below compare against something: an empty comparison would pass vacuously."""
    assert DATA_DIR / "articles" in _other_folders()
    urls, runs = _other_corpora()
    assert len(urls) >= 200 and len(runs) >= 10_000


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_excerpt_is_new(path: Path) -> None:
    doc = load(path)
    urls, runs = _other_corpora()
    assert _normal_url(doc["url"]) not in urls, f"page already used in {urls.get(_normal_url(doc['url']))}"
    shared = sorted({f"{runs[r]}: {r!r}" for r in _runs(doc["text"]) if r in runs})
    assert not shared, f"passages shared with another corpus: {shared[:3]}"


def test_excerpts_of_the_set_are_distinct() -> None:
    """No page twice, and no passage shared between two excerpts of the set (two copies of one wire story)."""
    seen_urls: dict[str, str] = {}
    seen_runs: dict[str, str] = {}
    for path in FILES:
        doc = load(path)
        url = _normal_url(doc["url"])
        assert url not in seen_urls, f"{path.name} repeats {seen_urls.get(url)}"
        seen_urls[url] = path.name
        shared = {seen_runs[r] for r in _runs(doc["text"]) if r in seen_runs}
        assert not shared, f"{path.name} shares a passage with {sorted(shared)}"
        for run in _runs(doc["text"]):
            seen_runs.setdefault(run, path.name)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_excerpt_is_well_formed(path: Path) -> None:
    check_excerpt(path, "{lang}-s")
