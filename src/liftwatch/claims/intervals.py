"""A set of non-overlapping text spans with O(log n) "is this span free?" checks.

Every finder in the extractor (places, times, actors, candidates) keeps the first match of a stretch of
text and skips later ones that overlap it. Checking each new match against every span taken so far made
extraction quadratic in article length; a sorted list with binary search keeps it linear-logarithmic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


class Taken:
    """Half-open spans ``[a, b)`` that never overlap each other (only free spans are added)."""

    def __init__(self, spans: Sequence[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for a, b in sorted(spans):
            self.add(a, b)

    def free(self, a: int, b: int) -> bool:
        i = bisect_right(self._starts, a)
        if i > 0 and self._ends[i - 1] > a:
            return False  # the span starting at or before a reaches into [a, b)
        return not (i < len(self._starts) and self._starts[i] < b)

    def add(self, a: int, b: int) -> None:
        i = bisect_right(self._starts, a)
        self._starts.insert(i, a)
        self._ends.insert(i, b)

    def __len__(self) -> int:
        return len(self._starts)


def in_range(starts: Sequence[int], items: Sequence[T], a: int, b: int) -> Sequence[T]:
    """The items whose start (``starts``, sorted, parallel to ``items``) lies in ``[a, b)``."""
    return items[bisect_left(starts, a) : bisect_left(starts, b)]


__all__ = ["Taken", "in_range", "insort"]
