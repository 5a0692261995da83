"""The excerpts of the gold corpus that were blind held-out sets, from set 5 on (``*-n*`` to ``*-v*``), are well
formed: they parse, use only the corpus keys, and every place key is one the kb knows; no page appears twice in
the corpus, and no two excerpts of one set share a passage.

Written while each set was blind, when nothing could run the extractor on it: the checks are on the
annotation's format only. Kept now that the sets are development data, so that a kb change that drops a place
their gold names (or a misspelt field added later) shows up here, not as a silent miss when scoring.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.annotation import check_excerpt, load

SET_DIR = Path(__file__).resolve().parents[1] / "data" / "articles"
# the letter each former held-out set carries in its file names, from set 5 (n) to set 36 (ak)
LETTERS = {
    "n": 5,
    "p": 6,
    "q": 7,
    "r": 8,
    "s": 9,
    "t": 10,
    "u": 11,
    "v": 12,
    "w": 13,
    "x": 14,
    "y": 15,
    "z": 16,
    "a": 17,
    "b": 18,
    "c": 19,
    "d": 20,
    "e": 21,
    "j": 22,
    "i": 23,
    "l": 24,
    "o": 25,
    "aa": 26,
    "ab": 27,
    "ac": 28,
    "ad": 29,
    "ae": 30,
    "af": 31,
    "ag": 32,
    "ah": 33,
    "ai": 34,
    "aj": 35,
    "ak": 36,
    "al": 37,
    "am": 38,
    "an": 39,
    "ao": 40,
    "ap": 41,
    "aq": 42,
    "ar": 43,
    "as": 44,
    "at": 45,
    "au": 46,
    "av": 47,
    "aw": 48,
    "ax": 49,
    "ay": 50,
    "az": 51,
    "ba": 52,
    "bb": 53,
    "bc": 54,
    "bd": 55,
    "be": 56,
}
SETS = {letter: sorted(SET_DIR.glob(f"??-{letter}[0-9]-*.toml")) for letter in LETTERS}
EXCERPTS = [(letter, p) for letter, files in SETS.items() for p in files]
RUN = 8  # words in a row that make two excerpts the same passage


@pytest.mark.parametrize("letter", list(LETTERS), ids=lambda x: f"set{LETTERS[x]}")
def test_set_has_eight_excerpts_per_language(letter: str) -> None:
    langs = [load(p)["lang"] for p in SETS[letter]]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 8, "ar": 8, "fr": 8, "ru": 8}


@pytest.mark.parametrize(("letter", "path"), EXCERPTS, ids=[p.stem for _, p in EXCERPTS])
def test_former_blind_excerpt_is_well_formed(letter: str, path: Path) -> None:
    # set 5's annotation dates one movement two days after its page
    check_excerpt(path, rf"{{lang}}-{letter}\d-", not_after_report=letter != "n")


def _runs(text: str) -> set[str]:
    """Every run of RUN consecutive words, case-folded, so a passage shared with another page shows up."""
    words = re.findall(r"\w+", text.casefold())
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


@pytest.mark.parametrize("letter", [x for x in LETTERS if LETTERS[x] >= 8], ids=lambda x: f"set{LETTERS[x]}")
def test_set_excerpts_share_no_passage(letter: str) -> None:
    """From set 8 on, each set was checked while blind for two copies of one wire story among its own excerpts
    (one of set 8 was cut); a later edit that pastes a passage back would count its wording twice in the floors."""
    seen: dict[str, str] = {}
    for path in SETS[letter]:
        runs = _runs(load(path)["text"])
        shared = sorted({seen[r] for r in runs if r in seen})
        assert not shared, f"{path.name} shares a passage with {shared}"
        for run in runs:
            seen.setdefault(run, path.name)


def test_no_page_is_in_the_corpus_twice() -> None:
    """A page quoted twice would count its wording twice in the floors (and, in a blind set, would have made
    the estimate an upper bound)."""
    seen: dict[str, str] = {}
    for path in sorted(SET_DIR.glob("*.toml")):
        url = load(path)["url"].strip().rstrip("/").casefold()
        assert url not in seen, f"{path.name} repeats the page of {seen[url]}"
        seen[url] = path.name
