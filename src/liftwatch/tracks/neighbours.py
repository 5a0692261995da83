"""Distinct other flights around each flight end: the neighbourhood count behind the coverage rim test.

For every end, pass 2 counts the distinct flight keys, other than its own, in the table rows (coverage grid
keys or air ends) of the 3x3 cells and neighbouring altitude bands around it that pass a direction test.
Many ends share a cell, band and heading (every landing at one airport), so the ends are grouped first and
each group's key set is built once.

Why a sorted table rather than a join: a Polars join hashes the coverage table (millions of rows at 100 M
points) again for every partition, for a few thousand probes. :class:`CellTable` sorts the table once by
(band, cell), so each probe's rows are one range found by binary search, and numbers the flight keys once,
so "distinct keys per group" is a count of unique integers instead of a unique over two columns. The rows
compared and the counts are exactly those of the join; a table whose cells do not fit the packed key (a
grid finer than ~0.0002 degrees) falls back to the join.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import polars as pl

_CELL_BITS = 22  # cy and cx each in [-2**21, 2**21)
_CELL_HALF = 1 << (_CELL_BITS - 1)
_BAND_HALF = 64  # band (with its +-1 neighbours) in [-64, 64)
_OFFSETS = pl.DataFrame(
    [(dy, dx, db) for dy in (-1, 0, 1) for dx in (-1, 0, 1) for db in (-1, 0, 1)],
    schema={"dy": pl.Int32, "dx": pl.Int32, "db": pl.Int8},
    orient="row",
)

__all__ = ["CellTable", "count_others"]


def _pack(band: np.ndarray, cy: np.ndarray, cx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One sortable int64 per (band, cy, cx) and whether the values fit it."""
    b = band.astype(np.int64)
    y = cy.astype(np.int64)
    x = cx.astype(np.int64)
    ok = (
        (b >= -_BAND_HALF)
        & (b < _BAND_HALF)
        & (y >= -_CELL_HALF)
        & (y < _CELL_HALF)
        & (x >= -_CELL_HALF)
        & (x < _CELL_HALF)
    )
    key = ((b + _BAND_HALF) << (2 * _CELL_BITS)) | ((y + _CELL_HALF) << _CELL_BITS) | (x + _CELL_HALF)
    return np.where(ok, key, -1), ok


def _distinct(a: np.ndarray) -> np.ndarray:
    """Sorted distinct values (NumPy's own ``unique`` hashes, measured ~10x slower on these arrays)."""
    a = np.sort(a)
    return a[np.r_[True, a[1:] != a[:-1]]] if a.shape[0] else a


@dataclass
class CellTable:
    """A table of (cy, cx, band, ..., fkey) rows sorted by cell and band, with its flight keys numbered."""

    keys: np.ndarray  # packed (band, cy, cx) of each row, ascending
    rows: pl.DataFrame  # the table's columns other than the cell and the key, in that order, plus ``_fid``
    fkeys: np.ndarray  # distinct flight keys, ascending (``_fid`` indexes it)

    @classmethod
    def build(cls, table: pl.DataFrame) -> CellTable | None:
        """Index ``table`` (columns ``cy``, ``cx``, ``band``, ``fkey`` and any others), or None when a cell
        does not fit the packed key."""
        key, ok = _pack(table["band"].to_numpy(), table["cy"].to_numpy(), table["cx"].to_numpy())
        if not ok.all():
            return None
        order = np.argsort(key, kind="stable")
        fid = (table["fkey"].rank("dense").cast(pl.Int64) - 1).to_numpy()  # 2x faster than sort + search
        fkeys = np.zeros(int(fid.max()) + 1 if fid.shape[0] else 0, dtype=np.int64)
        fkeys[fid] = table["fkey"].to_numpy()
        # the keys themselves are not kept per row (``fkeys[_fid]`` gives them back): a third less memory
        rows = (
            table.drop("cy", "cx", "band", "fkey")
            .gather(order)
            .with_columns(pl.Series("_fid", fid[order].astype(np.int32)))
        )
        return cls(key[order], rows, fkeys)

    def neighbours(self, probe: pl.DataFrame) -> pl.DataFrame:
        """``probe`` (``cy``, ``cx``, ``band`` and carried columns) inner-joined with the rows of the same cell
        and band: each probe row once per matching table row."""
        key, ok = _pack(probe["band"].to_numpy(), probe["cy"].to_numpy(), probe["cx"].to_numpy())
        lo = np.searchsorted(self.keys, key, side="left")
        hi = np.searchsorted(self.keys, key, side="right")
        n = np.where(ok, hi - lo, 0)
        total = int(n.sum())
        which = np.repeat(np.arange(probe.height), n)
        first = np.cumsum(n) - n
        idx = np.arange(total) - np.repeat(first, n) + np.repeat(lo, n)
        carried = probe.drop("cy", "cx", "band").gather(which)
        return pl.concat([carried, self.rows.gather(idx)], how="horizontal")


def count_others(
    ends: pl.DataFrame, by: list[str], table: pl.DataFrame, match: pl.Expr, cells: CellTable | None = None
) -> np.ndarray:
    """For each end (``e``, ``own`` and the ``by`` columns, which start with ``y``, ``x``, ``band``): distinct
    flight keys other than its own in ``table`` rows of the 3x3 cells and neighbouring bands around it that
    satisfy ``match`` (a test between the end's ``by`` columns and the row). ``cells`` is ``table`` indexed
    (:meth:`CellTable.build`); without it the table is joined."""
    n = ends.height
    groups = ends.group_by(by).agg("e").with_row_index("g")
    probe = (
        groups.drop("e")
        .join(_OFFSETS, how="cross")
        .select(
            "g",
            *[c for c in by if c not in ("y", "x", "band")],
            (pl.col("band") + pl.col("db")).alias("band"),
            (pl.col("y") + pl.col("dy")).alias("cy"),
            (pl.col("x") + pl.col("dx")).alias("cx"),
        )
    )
    of = groups.select("g", "e").explode("e")
    g_of = np.empty(n, dtype=np.int64)
    g_of[of["e"].to_numpy()] = of["g"].to_numpy()
    own = ends["own"].cast(pl.Int64).to_numpy()
    if cells is None:
        keys = probe.join(table, on=["cy", "cx", "band"]).filter(match).select("g", "fkey").unique()
        count = np.zeros(groups.height, dtype=np.int64)
        c = keys.group_by("g").len()
        count[c["g"].to_numpy()] = c["len"].to_numpy()
        mine = pl.DataFrame({"g": g_of.astype(np.uint32), "fkey": own, "e": np.arange(n)})
        own_in = mine.join(keys, on=["g", "fkey"], how="semi")["e"].to_numpy()
        out = count[g_of]
        out[own_in] -= 1
        return out.astype(np.float64)
    hits = cells.neighbours(probe).filter(match)
    nf = max(int(cells.fkeys.shape[0]), 1)
    pairs = _distinct(hits["g"].to_numpy().astype(np.int64) * nf + hits["_fid"].to_numpy().astype(np.int64))
    count = np.bincount(pairs // nf, minlength=groups.height)
    if pairs.shape[0] == 0:
        return np.zeros(n)
    # the end's own key, when the table has it, is among its group's keys if that (group, key) pair is
    pos = np.minimum(np.searchsorted(cells.fkeys, own), nf - 1)
    pair_of = g_of * nf + pos
    at = np.minimum(np.searchsorted(pairs, pair_of), pairs.shape[0] - 1)
    own_in = (cells.fkeys[pos] == own) & (pairs[at] == pair_of)
    return np.asarray(count[g_of] - own_in, dtype=np.float64)
