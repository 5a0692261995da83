"""Typed bridges from Arrow tables and Polars scalars to what the tests mean.

Why: `pl.from_arrow` is typed to return `DataFrame | Series` (it also takes arrays) and `Series.max()` a union of
every Python literal, so each test that hands it a table or reads a timestamp would need its own narrowing. These
helpers narrow once, with a runtime check, so a wrong type fails the test loudly instead of being cast away.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

import polars as pl
import pyarrow as pa

T = TypeVar("T")


def to_frame(data: pa.Table | pa.RecordBatch) -> pl.DataFrame:
    """One Arrow table (or record batch) as a Polars DataFrame."""
    out = pl.from_arrow(data)
    assert isinstance(out, pl.DataFrame), type(out)
    return out


def frame(tables: Iterable[pa.Table | pa.RecordBatch]) -> pl.DataFrame:
    """Arrow tables stacked into one DataFrame, as a reader's batches add up to one file's points."""
    return pl.concat([to_frame(t) for t in tables])


def typed(value: object, kind: type[T]) -> T:
    """`value`, checked to be a `kind` (a Polars scalar such as `Series.max()`, a row value)."""
    assert isinstance(value, kind), f"expected {kind.__name__}, got {type(value).__name__}: {value!r}"
    return value


def num(value: object) -> float:
    """A Polars numeric scalar (`Series.max()`, `.mean()`) as a float; None or a non-number fails the test."""
    assert isinstance(value, int | float), f"expected a number, got {type(value).__name__}: {value!r}"
    return float(value)
