"""OpenSky REST API answers saved as JSON: ``{"time": t, "states": [[17 or 18 fields], ...]}``.

What ``curl https://opensky-network.org/api/states/all`` returns, saved as one file, or many answers polled over
time saved one per line (JSON Lines). Each state vector is the REST 17/18-field form handled by
:mod:`liftwatch.io.opensky_columns`, so units, times and checks are exactly those of the CSV/Parquet forms.

The stdlib ``json`` parses an answer (a few MB at most); the list of state vectors is transposed into columns in C
(``zip_longest``) and typed by Arrow, so there is no Python loop over state vectors on the normal path. A column
whose values Arrow cannot type (hostile input: a string among the latitudes) is passed as text and rejected row by
row by the shared validation. JSON Lines files are read chunk by chunk (bounded memory); a line that is not an
answer is rejected with its line number.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import zip_longest
from typing import Any

import numpy as np
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io.base import RejectLog
from liftwatch.io.opensky_columns import REST_COLUMNS, layout_from_names, to_points
from liftwatch.io.textchunks import head_bytes, iter_chunks, one_line, read_text
from liftwatch.io.vector import log_rejects

FORMAT = "opensky_json"
_LAYOUT = layout_from_names(REST_COLUMNS)
_USED = [i for i, name in enumerate(REST_COLUMNS) if _LAYOUT is not None and name in _LAYOUT.include]
_SINGLE_DOC_MAX = 512 << 20  # a single (non JSON Lines) answer larger than this is not an OpenSky answer


def sniff(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return h.startswith(b"{") and b'"states"' in h[:65536] and b'"time"' in h[:65536]


def _column(values: tuple[Any, ...]) -> pa.Array:
    """Arrow array of one field across state vectors; mixed garbage falls back to text."""
    try:
        return pa.array(values)
    except (pa.ArrowException, TypeError, ValueError, OverflowError):
        return pa.array([None if v is None else json.dumps(v) if not isinstance(v, str) else v for v in values])


def states_table(states: object) -> tuple[pa.Table, np.ndarray]:
    """REST columns for the well-formed state vectors, and the indices of the malformed ones."""
    if not isinstance(states, list):
        return pa.table({n: pa.nulls(0, pa.string()) for n in REST_COLUMNS}), np.zeros(0, dtype=np.int64)
    shape_ok = np.fromiter((isinstance(s, list) and 17 <= len(s) <= 18 for s in states), dtype=bool, count=len(states))
    good = [s for s, ok in zip(states, shape_ok, strict=True) if ok] if not shape_ok.all() else states
    cols: list[tuple[Any, ...]] = list(zip_longest(*good, fillvalue=None)) if good else []
    while len(cols) < len(REST_COLUMNS):
        cols.append((None,) * len(good))
    arrays = {REST_COLUMNS[i]: _column(cols[i]) if good else pa.nulls(0, pa.string()) for i in _USED}
    return pa.table(arrays), np.flatnonzero(~shape_ok)


def _answer(path: str, doc: object, where: str, rejects: RejectLog) -> pa.Table | None:
    if not isinstance(doc, dict) or "states" not in doc:
        rejects.add(path, where or "document", "not an OpenSky states answer")
        return None
    assert _LAYOUT is not None
    states = doc.get("states") or []
    table, malformed = states_table(states)
    n_states = len(states) if isinstance(states, list) else 0
    good_idx = np.setdiff1d(np.arange(n_states), malformed)
    prefix = f"{where} state" if where else "state"
    if malformed.size:
        log_rejects(
            rejects, path, malformed + 1, [("not a 17/18-field state vector", np.arange(malformed.size))], prefix
        )
    points, groups = to_points(table, _LAYOUT)
    log_rejects(rejects, path, good_idx + 1, groups, prefix)
    return points if points.num_rows else None


def read(path: str, rejects: RejectLog, batch_rows: int) -> Iterator[pa.Table]:
    """Points from one saved answer, or from a JSON Lines file of answers."""
    head = head_bytes(path)
    if not head.strip():
        return
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    try:
        json.loads(first)
        lines_mode = True
    except ValueError:
        lines_mode = False
    if not lines_mode:
        text = read_text(path, _SINGLE_DOC_MAX)
        try:
            doc = json.loads(text)
        except ValueError as exc:
            raise UnreadableFileError(path, f"not valid JSON: {one_line(exc)}") from None
        if not isinstance(doc, dict) or "states" not in doc:
            raise UnreadableFileError(path, "not an OpenSky states answer (no 'states')")
        table = _answer(path, doc, "", rejects)
        if table is not None:
            yield table
        return
    for chunk in iter_chunks(path, 8 << 20, rejects):
        for k, line in enumerate(chunk.data.split(b"\n")):
            if not line.strip():
                continue
            where = f"line {chunk.first_line + k}"
            try:
                doc = json.loads(line)
            except ValueError:
                rejects.add(path, where, "not valid JSON", line[:200].decode("utf-8", "replace"))
                continue
            table = _answer(path, doc, where, rejects)
            if table is not None:
                yield table
