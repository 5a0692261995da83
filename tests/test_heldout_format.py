"""Every blind held-out set is well formed and new: it parses, uses only the corpus keys, every place key is one
the kb knows, it holds 8 excerpts per language, and no excerpt repeats a page or a passage of another corpus or
of its own set.

This checks the annotation's format only, never what the claim extractor makes of the text: a held-out set is a
blind estimate, so nothing here may run the extractor on it. A typo in a place key or a misspelt field would
otherwise only show up as a silent miss when the set is scored, and an excerpt copied from a page the rules
were tuned on would quietly turn the estimate into an upper bound. The sets are found by globbing
``tests/data/articles_heldout*``, not listed: a new set is checked as soon as its folder exists, and a set that
joins the development corpus (its files moved into ``articles/``) is compared against from there.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

import liftwatch.kb as kb
from liftwatch.errors import PlaceError
from tests.annotation import PLACE_FIELDS, check_excerpt, load

DATA_DIR = Path(__file__).resolve().parent / "data"
SETS = sorted(p for p in DATA_DIR.glob("articles_heldout*") if p.is_dir())
EXCERPTS = [(s, p) for s in SETS for p in sorted(s.glob("*.toml"))]
RUN = 8  # words in a row that make two excerpts the same passage
# en-t1-<outlet>-<topic>.toml; from set 26 on, when the single letters ran out, two letters: en-aa1-...
NAME = re.compile(r"(?P<lang>[a-z]{2})-(?P<letter>[a-z]{1,2})\d+-")


def _runs(text: str) -> set[str]:
    """Every run of RUN consecutive words, case-folded, so a passage shared with another page shows up."""
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def _normal_url(url: str) -> str:
    return url.strip().rstrip("/").casefold()


def _set_letter(folder: Path) -> str:
    """The letter(s) every file name of the set carries (``s`` for set 9, ``t`` for set 10, ``aa`` for set 26)."""
    letters = {m["letter"] for p in folder.glob("*.toml") if (m := NAME.match(p.name))}
    assert len(letters) == 1, f"{folder.name}: file names must share one set letter, found {sorted(letters)}"
    return letters.pop()


@cache
def _other_corpora(folder: Path) -> tuple[dict[str, str], dict[str, str]]:
    """URLs and word runs of every gold corpus but ``folder``, each mapped to the first file that holds it."""
    urls: dict[str, str] = {}
    runs: dict[str, str] = {}
    others = [DATA_DIR / "articles", *SETS]
    for other in (o for o in others if o.is_dir() and o.resolve() != folder.resolve()):
        for path in sorted(other.glob("*.toml")):
            doc = load(path)
            name = f"{other.name}/{path.name}"
            urls.setdefault(_normal_url(doc["url"]), name)
            for run in _runs(doc["text"]):
                runs.setdefault(run, name)
    return urls, runs


def test_there_is_a_set_to_check() -> None:
    """A glob that found nothing would make every test below pass vacuously: say so when no set waits (every set
    has joined the development corpus), and fail on a set folder that holds no excerpt."""
    if not SETS:
        pytest.skip("no blind held-out set waits (tests/data/articles_heldout*); the last ones joined the corpus")
    assert all(any(s.glob("*.toml")) for s in SETS)


@pytest.mark.parametrize("folder", SETS, ids=[s.name for s in SETS])
def test_set_has_eight_excerpts_per_language(folder: Path) -> None:
    langs = [load(p)["lang"] for p in sorted(folder.glob("*.toml"))]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 8, "ar": 8, "fr": 8, "ru": 8}


@pytest.mark.parametrize("folder", SETS, ids=[s.name for s in SETS])
def test_set_letter_is_its_own(folder: Path) -> None:
    """The set's letter is no development-corpus letter, so its files keep their names when they join it."""
    letter = _set_letter(folder)
    dev_letters = {m["letter"] for p in (DATA_DIR / "articles").glob("*.toml") if (m := NAME.match(p.name))}
    assert letter not in dev_letters, f"{folder.name}: letter {letter!r} is already used in articles/"


@pytest.mark.parametrize("folder", SETS, ids=[s.name for s in SETS])
def test_other_corpora_are_found(folder: Path) -> None:
    """The overlap checks compare against something: an empty comparison would pass vacuously."""
    urls, runs = _other_corpora(folder)
    assert len(urls) >= 200 and len(runs) >= 10_000


@pytest.mark.parametrize(("folder", "path"), EXCERPTS, ids=[f"{s.name}-{p.stem}" for s, p in EXCERPTS])
def test_excerpt_is_new(folder: Path, path: Path) -> None:
    doc = load(path)
    urls, runs = _other_corpora(folder)
    assert _normal_url(doc["url"]) not in urls, f"page already used in {urls.get(_normal_url(doc['url']))}"
    shared = sorted({f"{runs[r]}: {r!r}" for r in _runs(doc["text"]) if r in runs})
    assert not shared, f"passages shared with another corpus: {shared[:3]}"


@pytest.mark.parametrize("folder", SETS, ids=[s.name for s in SETS])
def test_excerpts_of_the_set_are_distinct(folder: Path) -> None:
    """No page twice, and no passage shared between two excerpts of the set (two copies of one wire story)."""
    seen_urls: dict[str, str] = {}
    seen_runs: dict[str, str] = {}
    for path in sorted(folder.glob("*.toml")):
        doc = load(path)
        url = _normal_url(doc["url"])
        assert url not in seen_urls, f"{path.name} repeats {seen_urls.get(url)}"
        seen_urls[url] = path.name
        shared = {seen_runs[r] for r in _runs(doc["text"]) if r in seen_runs}
        assert not shared, f"{path.name} shares a passage with {sorted(shared)}"
        for run in _runs(doc["text"]):
            seen_runs.setdefault(run, path.name)


@pytest.mark.parametrize(("folder", "path"), EXCERPTS, ids=[f"{s.name}-{p.stem}" for s, p in EXCERPTS])
def test_excerpt_is_well_formed(folder: Path, path: Path) -> None:
    check_excerpt(path, rf"{{lang}}-{_set_letter(folder)}\d+-")


@pytest.mark.parametrize(("folder", "path"), EXCERPTS, ids=[f"{s.name}-{p.stem}" for s, p in EXCERPTS])
def test_a_water_body_the_kb_has_is_keyed_by_its_region(folder: Path, path: Path) -> None:
    """The corpus convention (a place the kb has is its kb key) holds for seas and straits too: no ``unknown:``
    key names a water region the kb holds under that name."""
    stale = []
    for claim in load(path).get("claim", []):
        for key in (k for f in PLACE_FIELDS for k in claim.get(f, []) if k.startswith("unknown:")):
            try:
                ref = kb.resolve_place(key.removeprefix("unknown:"))
            except PlaceError:
                continue
            if ref.kind == "region" and ref.matched == "alias" and kb.regions()[ref.id].is_water:
                stale.append((key, ref.id))
    assert not stale, stale
