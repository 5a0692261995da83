"""Aircraft types are looked for only where a type's name can start: the same mentions, at the same places, as the
whole alternation of type patterns tried at every place, on a twelfth of the corpus excerpts and on every kb type name and
alias in the contexts reporting puts them in (fused to an Arabic word, quoted, after "the" or a letter)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from liftwatch import kb
from liftwatch.claims import types
from liftwatch.claims.evaluate import load_corpus

CORPUS = Path(__file__).resolve().parents[1] / "data" / "articles"
CONTEXTS = ("{}", "the {} landed", "«{}»", "(2 {}s)", "و{}", "aX{}", "Ил{}", "5{}", "cargo {}", "-{}-", "{}{}")


def _everywhere(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in re.finditer(types._alternation(), text, re.I)]


def _found(text: str) -> list[tuple[int, int, str | None]]:
    return [(m.start(), m.end(), m.lastgroup) for m in types._combined().finditer(text)]


def _names() -> list[str]:
    rows = list(kb.aircraft_types().iter_rows(named=True))
    names = [str(r["name"]) for r in rows] + [a.rstrip("*") for r in rows for a in r["aliases"] or []]
    names += [k.label for k in types.type_kinds()] + ["747", "Ан-124", "إيل-76", "سي-17", "C-17", "Hercules"]
    return list(dict.fromkeys(names))


def test_the_corpus_excerpts_give_the_same_types() -> None:
    texts = [a.text for a in load_corpus(CORPUS)][::12]  # every twelfth: each language, each set
    assert len(texts) > 60
    assert sum(len(_found(t)) for t in texts) > 30
    for t in texts:
        assert _found(t) == _everywhere(t), t[:80]


@pytest.mark.parametrize("context", CONTEXTS)
def test_every_type_name_in_context_gives_the_same_types(context: str) -> None:
    texts = [context.format(n, n) if context == "{}{}" else context.format(n) for n in _names()]
    assert sum(bool(_found(t)) for t in texts) > 50
    for t in texts:
        assert _found(t) == _everywhere(t), t
