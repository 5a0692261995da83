"""The ``*-n*`` excerpts of the gold corpus (the former held-out set 5) are well formed: they parse, use only the
corpus keys, and every place key is one the kb knows.

Written while the set was blind, when nothing could run the extractor on it: the checks are on the
annotation's format only. Kept now that the set is development data, so that a kb change that drops a place
its gold names (or a misspelt field added later) shows up here, not as a silent miss when scoring.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.annotation import check_excerpt, load

SET_DIR = Path(__file__).resolve().parents[1] / "data" / "articles"
FILES = sorted(SET_DIR.glob("??-n[0-9]-*.toml"))  # the former held-out set 5


def test_set_has_eight_excerpts_per_language() -> None:
    langs = [load(p)["lang"] for p in FILES]
    assert {lang: langs.count(lang) for lang in set(langs)} == {"en": 8, "ar": 8, "fr": 8, "ru": 8}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_excerpt_is_well_formed(path: Path) -> None:
    check_excerpt(path, r"{lang}-n\d-", not_after_report=False)
