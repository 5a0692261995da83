"""Extraction time grows linearly with article length, and an oversized text is refused with the limit named."""

from __future__ import annotations

import time

import pytest

from liftwatch.claims import extract
from liftwatch.claims.extract import MAX_ARTICLE_CHARS, ArticleTooLong
from liftwatch.claims.intervals import Taken
from liftwatch.claims.places import Gazetteer
from tests.claims import fakekb

_GAZ = Gazetteer(fakekb)
# distinct sentences so neither merging nor caching hides the work
_PARA = (
    "On {d} December 2024 a Russian Il-76 (RA-{n:05d}) flew from Hmeimim to the Al-Khadim air base, "
    "according to flight-tracking data. Officials in Benghazi said {k} more flights landed at Benina. "
)


def _text(n: int) -> str:
    return "\n".join(_PARA.format(d=1 + i % 28, n=i, k=2 + i % 7) for i in range(n))


def _time(text: str) -> float:
    t0 = time.process_time()  # CPU time: immune to other processes on a shared machine
    extract(text, gazetteer=_GAZ, use_model=False)
    return time.process_time() - t0


def test_extraction_is_linear_in_article_size() -> None:
    extract(_text(5), gazetteer=_GAZ, use_model=False)  # warm caches
    small = min(_time(_text(150)) for _ in range(2))
    big = min(_time(_text(600)) for _ in range(2))  # 4x the text
    assert big < 30.0, big  # ~120 kB: seconds, not minutes (generous: CI machines are shared)
    assert big < 10.0 * small + 1.0, (small, big)  # linear is ~4x; a quadratic extractor is ~16x


def test_oversized_article_is_refused_with_the_limit() -> None:
    with pytest.raises(ArticleTooLong, match=f"{MAX_ARTICLE_CHARS:,}"):
        extract("x" * (MAX_ARTICLE_CHARS + 1), gazetteer=_GAZ)


def test_taken_spans() -> None:
    t = Taken([(10, 20), (30, 40)])
    assert t.free(0, 10) and t.free(20, 30) and t.free(40, 50)
    assert not t.free(5, 11) and not t.free(19, 31) and not t.free(12, 15) and not t.free(0, 100)
    t.add(20, 30)
    assert not t.free(25, 26) and len(t) == 3
