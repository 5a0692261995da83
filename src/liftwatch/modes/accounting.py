"""Where every raw message went: the reasons a message produced no point, by downlink format and type code.

A raw recording is mostly not positions: all-call replies, altitude and identity replies, identification and
status squitters. A reader that only counted the positions it decoded would leave most of a file unexplained,
and a user could not tell a healthy recording from a corrupt one. So every message that does not become a point
is counted under exactly one reason here: a real problem (CRC failure, a reply whose address cannot be trusted,
an undecodable position) or a message that simply carries no position (``ignored ...``: its identity, squawk
and velocity are still carried onto the aircraft's positions by the decoder).

Counts are per batch; :func:`not_emitted` covers valid messages, :func:`invalid` the ones extraction dropped.
Position messages without a position in their own batch are counted as ``PENDING``: a later batch may still
confirm them (emitted then, "late"), so a reader settles them at the end of the file with :data:`UNRESOLVED`.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import numpy.typing as npt

CRC_FAILED = "crc failed"
UNATTRIBUTED = "unattributed reply (address never seen in a CRC-checked message)"
WRONG_LENGTH = "wrong length for its downlink format"
UNASSIGNED_DF = "unassigned downlink format"
UNRESOLVED = "position not decoded (no even/odd pair or recent reference, or implausible)"
PENDING = "_pending position"  # internal: settled by the reader at the end of a file

_NOT_POSITION = "not a position message"
ALLCALL = f"ignored DF11 all-call reply ({_NOT_POSITION})"
AIR_AIR = f"ignored DF0/16 air-air (ACAS) reply ({_NOT_POSITION})"
ALTITUDE = f"ignored DF4/20 altitude reply ({_NOT_POSITION})"
IDENTITY = f"ignored DF5/21 identity reply ({_NOT_POSITION})"
IDENTIFICATION = f"ignored DF17/18 identification, TC 1-4 ({_NOT_POSITION})"

# DF17/18 type codes without a position (DO-260B 2.2.3.2): grouped as a user reads them
_ES_OTHER = {
    0: "TC 0, no position information",
    23: "TC 23, test message",
    24: "TC 24, surface system status",
    25: "TC 25-27, reserved",
    26: "TC 25-27, reserved",
    27: "TC 25-27, reserved",
    28: "TC 28, aircraft status",
    29: "TC 29, target state and status",
    30: "TC 30, reserved",
    31: "TC 31, operational status",
}
_OTHER_DF = {19: "DF19 military extended squitter", 22: "DF22 military", 24: "DF24 Comm-D extended length"}

UNASSIGNED = frozenset({1, 2, 3, 6, 7, 8, 9, 10, 12, 13, 14, 15, 23})
SAMPLE_ROWS = 50  # problem rows per reason and batch whose location is reported


def es_other(tc: int) -> str:
    """Reason for a valid DF17/18 squitter whose type code carries no position."""
    return f"ignored DF17/18 {_ES_OTHER.get(tc, f'TC {tc}')} ({_NOT_POSITION})"


def other_df(df: int) -> str:
    """Reason for a well-formed message of a downlink format not decoded here."""
    return f"ignored {_OTHER_DF.get(df, f'DF{df}')} (not decoded, {_NOT_POSITION})"


def _count(out: Counter[str], reason: str, mask: npt.NDArray[np.bool_]) -> None:
    n = int(mask.sum())
    if n:
        out[reason] += n


def by_value(out: Counter[str], values: npt.NDArray[np.integer], name: object) -> None:
    """Count ``values`` (a small set: DFs or TCs) under ``name(value)``."""
    if values.size:
        uniq, cnt = np.unique(values, return_counts=True)
        for v, c in zip(uniq.tolist(), cnt.tolist(), strict=True):
            out[name(int(v))] += int(c)  # type: ignore[operator]


def invalid(
    ok: npt.NDArray[np.bool_],
    df: npt.NDArray[np.integer],
    crc_bad: npt.NDArray[np.bool_],
    unattributed: npt.NDArray[np.bool_],
    wrong_length: npt.NDArray[np.bool_],
    other: npt.NDArray[np.bool_],
) -> tuple[Counter[str], dict[str, npt.NDArray[np.int64]]]:
    """Reasons for the messages extraction dropped (``ok`` = parsed; unparsed ones are the reader's to count),
    and for each *problem* the first :data:`SAMPLE_ROWS` batch rows, so a reader can name their lines."""
    out: Counter[str] = Counter()
    rows: dict[str, npt.NDArray[np.int64]] = {}
    unassigned = ok & other & np.isin(df, list(UNASSIGNED))
    for reason, mask in (
        (CRC_FAILED, crc_bad),
        (UNATTRIBUTED, unattributed),
        (WRONG_LENGTH, wrong_length),
        (UNASSIGNED_DF, unassigned),
    ):
        _count(out, reason, mask)
        if out[reason]:
            rows[reason] = np.flatnonzero(mask)[:SAMPLE_ROWS].astype(np.int64)
    by_value(out, df[ok & other & ~unassigned], other_df)
    return out, rows


def not_emitted(
    kind: npt.NDArray[np.int8],
    df: npt.NDArray[np.integer],
    tc: npt.NDArray[np.integer],
    resolved: npt.NDArray[np.bool_],
    kinds: dict[str, int],
) -> Counter[str]:
    """Reasons for the valid messages of a batch that give no point (``resolved``: the position decoded now)."""
    out: Counter[str] = Counter()
    _count(out, ALLCALL, kind == kinds["allcall"])
    alt = kind == kinds["altitude"]
    _count(out, AIR_AIR, alt & ((df == 0) | (df == 16)))
    _count(out, ALTITUDE, alt & ((df == 4) | (df == 20)))
    _count(out, IDENTITY, kind == kinds["identity"])
    _count(out, IDENTIFICATION, kind == kinds["ident"])
    by_value(out, tc[kind == kinds["other"]], es_other)
    pos = (kind == kinds["airborne"]) | (kind == kinds["surface"])
    _count(out, PENDING, pos & ~resolved)
    return out
