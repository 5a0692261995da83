"""Building the decoder's outputs: Arrow columns of the canonical point table, and the per-message frame.

Kept apart from the pipeline (``decode.py``) because these are presentation details: strings are made
through small dictionaries (a batch has few distinct addresses, callsigns and squawks) so no Python string is
built per row, and NaN becomes null in one Arrow conversion.
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.modes.cpr import Resolved
from liftwatch.modes.extract import Messages


def message_frame(m: Messages, res: Resolved, call_idx: pl.Series, cs: pl.Series) -> pl.DataFrame:
    """Every decoded field per valid message (``row`` = input position), named like pyModeS's keys where one
    exists, for inspection and the oracle tests; ``callsign`` is the forward-filled one, ``callsign_own`` the
    message's own."""
    letters = np.array(["", "D", "C", "B", "A"], dtype=object)
    cat = letters[np.clip(m.category // 10, 0, 4)].tolist()
    cat_s = pl.Series(cat, dtype=pl.String) + pl.Series(m.category % 10).cast(pl.String)
    cat_s = pl.select(pl.when(pl.Series(m.category) >= 0).then(cat_s).otherwise(None)).to_series()
    own_cs = np.where(m.callsign >= 0, m.callsign, len(cs) - 1)
    return pl.DataFrame(
        {
            "row": m.source_row,
            "icao": [f"{x:06x}" for x in m.icao.tolist()],
            "ts": m.ts,
            "df": m.df,
            "tc": m.tc,
            "kind": m.kind,
            "cpr_format": m.fmt,
            "cpr_lat": m.lat17.astype(np.int64),
            "cpr_lon": m.lon17.astype(np.int64),
            "lat": res.lat,
            "lon": res.lon,
            "position_method": res.method,
            "altitude": m.alt_baro,
            "alt_gnss": m.alt_geom,
            "gs": m.gs,
            "track": m.track,
            "vrate": m.vrate,
            "heading": m.heading,
            "airspeed": m.airspeed,
            "geo_minus_baro": m.gmb,
            "squawk_own": np.where(m.squawk >= 0, m.squawk, -1),
            "category": cat_s,
        },
        nan_to_null=True,
    ).with_columns(
        callsign_own=cs.gather(pl.Series(own_cs)) if len(m) else pl.lit(None, pl.String),
        callsign=cs.gather(call_idx),
    )


def const_strings(value: str, n: int) -> pa.Array:
    """A string column of one repeated value (dictionary-decoded in C++, no Python list of n strings)."""
    return pa.DictionaryArray.from_arrays(pa.array(np.zeros(n, dtype=np.int32)), pa.array([value])).cast(pa.string())


def nullable(values: np.ndarray, dtype: type) -> pa.Array:
    """NumPy floats to Arrow with NaN as null."""
    return pa.array(values.astype(dtype), from_pandas=True)


def squawk_strings(codes: np.ndarray) -> pa.Array:
    """4-digit squawk strings from ints (-1 = null) through the few distinct values of a batch."""
    c = np.asarray(codes, dtype=np.int64) + 1  # 0 = null, 1..10000 = squawk 0000..9999 (octal digits as decimal)
    uniq = np.flatnonzero(np.bincount(c, minlength=1))  # O(n), no sort
    lut = np.zeros(max(int(uniq.max()) + 1, 1) if uniq.size else 1, dtype=np.int64)
    lut[uniq] = np.arange(uniq.size)
    labels = pa.array([None if u == 0 else f"{u - 1:04d}" for u in uniq.tolist()], type=pa.string())
    return pc.take(labels, pa.array(lut[c]))
