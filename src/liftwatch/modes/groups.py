"""Run-length helpers over arrays sorted by aircraft: where each aircraft's rows start, and forward fills.

The decoder sorts rows by (aircraft, time) and then works on contiguous groups; these two helpers are the
vectorised equivalent of "for each aircraft, carry the last value seen".
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

I64 = npt.NDArray[np.int64]


def group_start(key: npt.NDArray[np.integer]) -> I64:
    """Index of the first row of each row's group (rows with equal ``key`` are contiguous)."""
    n = key.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    new = np.ones(n, dtype=bool)
    new[1:] = key[1:] != key[:-1]
    return np.maximum.accumulate(np.where(new, np.arange(n), 0))


def ffill_idx(mask: npt.NDArray[np.bool_], gstart: I64) -> I64:
    """Index of the last row at or before each row, in the same group, where ``mask`` holds (-1 if none)."""
    idx = np.where(mask, np.arange(mask.size), -1)
    last = np.maximum.accumulate(idx) if idx.size else idx
    return np.where(last >= gstart, last, -1)
