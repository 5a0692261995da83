"""Country of an ICAO 24-bit address (Annex 10 allocation blocks), published military ranges, and MMSI flags.

The allocation table has nested blocks (UK territories inside the UK block, Hong Kong inside China), so the
blocks are flattened once into non-overlapping elementary intervals where the smallest containing block wins;
lookups are then a single ``np.searchsorted`` over the whole column. Hex parsing is done by Polars.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import polars as pl

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import read_csv


@dataclass(frozen=True)
class _Table:
    starts: np.ndarray  # int64, elementary interval starts (sorted)
    ends: np.ndarray  # int64, inclusive ends
    values: np.ndarray  # object: value for the interval or None
    block_starts: np.ndarray  # int64: start of the allocation block the interval belongs to
    block_ends: np.ndarray  # int64: its inclusive end


def _flatten(blocks: list[tuple[int, int, str | None]]) -> _Table:
    """Non-overlapping intervals from possibly nested blocks; the smallest containing block wins."""
    bounds = sorted({b[0] for b in blocks} | {b[1] + 1 for b in blocks})
    starts, ends, values, bstarts, bends = [], [], [], [], []
    by_size = sorted(blocks, key=lambda b: b[1] - b[0])
    for lo, hi in itertools.pairwise(bounds):
        blk = next((b for b in by_size if b[0] <= lo and hi - 1 <= b[1]), None)
        if blk is None:
            continue
        starts.append(lo)
        ends.append(hi - 1)
        values.append(blk[2])
        bstarts.append(blk[0])
        bends.append(blk[1])
    return _Table(
        np.array(starts, dtype=np.int64),
        np.array(ends, dtype=np.int64),
        np.array(values, dtype=object),
        np.array(bstarts, dtype=np.int64),
        np.array(bends, dtype=np.int64),
    )


def _hex_blocks(name: str, value_col: str) -> list[tuple[int, int, str | None]]:
    out: list[tuple[int, int, str | None]] = []
    for i, row in enumerate(read_csv(name), start=2):
        try:
            lo, hi = int(row["start"], 16), int(row["end"], 16)
        except ValueError as exc:
            raise KnowledgeBaseError(f"{name}:{i}: start/end must be hex") from exc
        if hi < lo or hi > 0xFFFFFF:
            raise KnowledgeBaseError(f"{name}:{i}: bad range {row['start']}-{row['end']}")
        out.append((lo, hi, row[value_col] or ""))
    return out


@cache
def _country_table() -> _Table:
    return _flatten(_hex_blocks("icao_blocks.csv", "country"))


@cache
def _military_table() -> _Table:
    return _flatten(_hex_blocks("icao_military.csv", "country"))


@cache
def icao_blocks() -> pl.DataFrame:
    """The Annex 10 allocation table as a frame (start/end as int, country ISO2 or null, note, source)."""
    rows = read_csv("icao_blocks.csv")
    return pl.DataFrame(
        {
            "start": [int(r["start"], 16) for r in rows],
            "end": [int(r["end"], 16) for r in rows],
            "country": [r["country"] or None for r in rows],
            "note": [r["note"] or None for r in rows],
            "source": [r["source"] for r in rows],
        }
    )


def parse_hex(values: np.ndarray | Sequence[str | None] | pl.Series) -> np.ndarray:
    """ICAO hex strings -> int64 (-1 for missing/invalid, incl. TIS-B '~' prefixed non-ICAO addresses)."""
    s = values if isinstance(values, pl.Series) else pl.Series("a", list(values), dtype=pl.String)
    s = s.cast(pl.String).str.strip_chars().str.to_lowercase()
    ints = s.str.to_integer(base=16, strict=False)
    ok = s.str.len_chars().is_between(1, 6)
    return (
        ints.cast(pl.Int64)
        .zip_with(ok.fill_null(False), pl.Series([-1] * len(s), dtype=pl.Int64))
        .fill_null(-1)
        .to_numpy()
    )


def _interval(table: _Table, addr: np.ndarray) -> np.ndarray:
    """Index of the elementary interval containing each address, -1 if none."""
    idx = np.searchsorted(table.starts, addr, side="right") - 1
    valid = (idx >= 0) & (addr >= 0)
    hit = valid.copy()
    hit[valid] = addr[valid] <= table.ends[idx[valid]]
    return np.where(hit, idx, -1)


def _lookup(table: _Table, addr: np.ndarray) -> np.ndarray:
    idx = _interval(table, addr)
    out = np.full(addr.shape, None, dtype=object)
    hit = idx >= 0
    out[hit] = table.values[idx[hit]]
    out[out == ""] = None
    return out


def icao_block_bounds(hexes: np.ndarray | Sequence[str | None] | pl.Series) -> tuple[np.ndarray, np.ndarray]:
    """Start and end (int64, -1 if none) of the allocation block containing each address (vectorised)."""
    table = _country_table()
    idx = _interval(table, parse_hex(hexes))
    hit = idx >= 0
    starts = np.where(hit, table.block_starts[np.maximum(idx, 0)], -1)
    ends = np.where(hit, table.block_ends[np.maximum(idx, 0)], -1)
    return starts, ends


def icao_countries(hexes: np.ndarray | Sequence[str | None] | pl.Series) -> np.ndarray:
    """Vectorised ISO2 country per hex address (object array, None if unallocated/invalid)."""
    return _lookup(_country_table(), parse_hex(hexes))


def icao_country(hex_addr: str | None) -> str | None:
    """ISO2 country of one ICAO address (e.g. '1546a2' -> 'RU'), None if unallocated or invalid."""
    if not hex_addr:
        return None
    res = icao_countries([hex_addr])[0]
    return None if res is None else str(res)


def icao_military_mask(hexes: np.ndarray | Sequence[str | None] | pl.Series) -> np.ndarray:
    """True where the address lies in a published military range (none are published for RU/SY/LY/BY)."""
    found = _lookup(_military_table(), parse_hex(hexes))
    return np.array([v is not None for v in found], dtype=bool)


def icao_block(hex_addr: str) -> tuple[str, str, str | None] | None:
    """(start, end, country) of the smallest Annex 10 block containing the address, as upper-case hex."""
    addr = parse_hex([hex_addr])[0]
    if addr < 0:
        return None
    blocks = icao_blocks().filter((pl.col("start") <= addr) & (pl.col("end") >= addr))
    if blocks.is_empty():
        return None
    row = blocks.with_columns((pl.col("end") - pl.col("start")).alias("size")).sort("size").row(0, named=True)
    return f"{row['start']:06X}", f"{row['end']:06X}", row["country"]


@cache
def _mid_table() -> dict[int, str]:
    out: dict[int, str] = {}
    for i, row in enumerate(read_csv("mmsi_mid.csv"), start=2):
        try:
            out[int(row["mid"])] = row["country"]
        except ValueError as exc:
            raise KnowledgeBaseError(f"mmsi_mid.csv:{i}: mid must be an integer") from exc
    return out


def mmsi_mid(mmsi: str | int) -> int | None:
    """The MID of an MMSI: ship stations 'MIDxxxxxx', group '0MID', coast '00MID', SAR aircraft '111MID', etc."""
    text = str(mmsi).strip()
    if not (text.isdigit() and len(text) == 9):
        return None
    if text.startswith("111"):  # SAR aircraft
        return int(text[3:6])
    if text.startswith("00"):  # coast station
        return int(text[2:5])
    if text.startswith("0"):  # group call
        return int(text[1:4])
    if text.startswith(("98", "99")):  # craft associated with a parent ship / aids to navigation
        return int(text[2:5])
    if text.startswith("970") or text.startswith("972") or text.startswith("974"):
        return None  # AIS-SART / MOB / EPIRB carry no MID
    return int(text[:3])


def mmsi_flag(mmsi: str | int | None) -> str | None:
    """ISO2 flag state from the MMSI's Maritime Identification Digits (e.g. 273xxxxxx -> 'RU')."""
    if mmsi is None:
        return None
    mid = mmsi_mid(mmsi)
    return None if mid is None else _mid_table().get(mid)


def mmsi_flags(mmsis: np.ndarray | Sequence[str | None] | pl.Series) -> np.ndarray:
    """Vectorised :func:`mmsi_flag` for plain ship-station MMSIs (first three digits); others fall back per row."""
    s = mmsis if isinstance(mmsis, pl.Series) else pl.Series("m", list(mmsis), dtype=pl.String)
    s = s.cast(pl.String)
    table = _mid_table()
    mapping = pl.DataFrame({"mid": [f"{k:03d}" for k in table], "flag": list(table.values())})
    frame = pl.DataFrame({"m": s}).with_columns(
        plain=pl.col("m").str.contains(r"^[2-7]\d{8}$").fill_null(False), mid=pl.col("m").str.slice(0, 3)
    )
    joined = frame.join(mapping, on="mid", how="left", maintain_order="left")
    out = joined["flag"].to_numpy().astype(object)
    plain = joined["plain"].to_numpy()
    out[~plain] = None
    for i in np.flatnonzero(~plain & joined["m"].is_not_null().to_numpy()):
        out[i] = mmsi_flag(joined["m"][int(i)])
    return out
