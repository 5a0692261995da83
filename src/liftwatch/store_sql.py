"""The SQL the DuckDB store speaks: table definitions, the keyed lookup and append of points, the points filter.

Kept apart from :class:`liftwatch.store.Store` so that the batched ingest (:mod:`liftwatch.store_batch`) and the
Parquet dataset store (:mod:`liftwatch.store_dataset`) use the very same statements as the store itself: one
definition of "a row the store lacks" and of a points query's WHERE clause.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch import store_layout as layout
from liftwatch.io.ais_static import STATIC_SCHEMA
from liftwatch.io.vector import first_distinct
from liftwatch.schema import POINT_COLUMNS
from liftwatch.store_keys import StoredKeys

DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.float64(): "DOUBLE",
    pa.float32(): "FLOAT",
    pa.bool_(): "BOOLEAN",
    pa.uint16(): "USMALLINT",
    pa.int32(): "INTEGER",
}


def ddl(schema: pa.Schema) -> str:
    """Column definitions of a table holding ``schema`` (nested flight columns as DuckDB structs/lists)."""
    cols = []
    for f in schema:
        typ = DUCK_TYPES.get(f.type)
        if typ is None:
            typ = "JSON" if f.name == "evidence" else _duck_nested(f.type)
        cols.append(f'"{f.name}" {typ}' + ("" if f.nullable else " NOT NULL"))
    return ", ".join(cols)


def _duck_nested(t: pa.DataType) -> str:
    if pa.types.is_list(t):
        return _duck_nested(t.value_type) + "[]"
    if pa.types.is_struct(t):
        inner = ", ".join(f'"{f.name}" {_duck_nested(f.type)}' for f in t)
        return f"STRUCT({inner})"
    typ = DUCK_TYPES.get(t)
    if typ is None:
        raise TypeError(f"no DuckDB type for {t}")
    return typ


# Provenance of fetched data: which source and licence every fetched file (or archive day) came under, and how
# far its ingest got (``liftwatch.sources`` writes it; reports read :meth:`Store.attributions`).
SOURCE_FILES_DDL = (
    "CREATE TABLE IF NOT EXISTS source_files (source VARCHAR NOT NULL, item VARCHAR NOT NULL, "
    "selection VARCHAR NOT NULL, url VARCHAR, licence VARCHAR, attribution VARCHAR, status VARCHAR, "
    "resume_offset BIGINT, bytes BIGINT, members BIGINT, rows_added BIGINT, fetched_at TIMESTAMPTZ, "
    "PRIMARY KEY (source, item, selection))"
)


def static_ddl() -> str:
    """Column definitions of the AIS static table."""
    duck = {
        pl.String(): "VARCHAR",
        pl.Int32(): "INTEGER",
        pl.Float32(): "FLOAT",
        pl.Datetime("us", "UTC"): "TIMESTAMPTZ",
    }
    return ", ".join(f'"{name}" {duck[dtype]}' for name, dtype in STATIC_SCHEMA.items())


POINT_COLS = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
# Keys of a slice already stored; the ts bounds let DuckDB skip row groups outside the slice's span (identical
# content has the identical ts, so the restriction loses nothing).
SEEN_SQL = "SELECT row_key FROM points WHERE ts BETWEEN ? AND ? AND row_key IN (SELECT row_key FROM _lw_keys)"


def new_rows(con: duckdb.DuckDBPyConnection, table: pa.Table, keys: StoredKeys | None = None) -> pa.Table:
    """Rows of a keyed slice (canonical columns + ``row_key``, in arrival order) that the store lacks: the
    first row of each key in the slice, and no key already stored.

    With ``keys`` (the store's in-memory key set, :mod:`liftwatch.store_keys`) the answer is a hash probe a row;
    pass the result to :func:`append_rows` with the same ``keys``. Otherwise only the slice's distinct keys go
    to DuckDB, and only the stored points of the slice's time span are probed, so nothing is staged.
    """
    held = keys.fresh(con, table) if keys is not None and keys.active else None
    keep = _lacking(con, table) if held is None else held
    return table if keep.all() else table.filter(pa.array(keep))


def _lacking(con: duckdb.DuckDBPyConnection, table: pa.Table) -> np.ndarray:
    """Which rows of a keyed slice are the first of their key in it and not stored (DuckDB's scan)."""
    keys = table.column("row_key")
    first = first_distinct(keys)
    cand = keys if first.all() else keys.filter(pa.array(first))
    lo, hi = (x.as_py() for x in pc.min_max(table.column("ts")).values())
    con.register("_lw_keys", pa.table({"row_key": cand}))
    try:
        stored = con.sql(SEEN_SQL, params=[lo, hi]).to_arrow_table()
    finally:
        con.unregister("_lw_keys")
    if not stored.num_rows:
        return first
    seen = pc.is_in(keys, value_set=stored.column(0).combine_chunks()).to_numpy(zero_copy_only=False)
    return np.asarray(first & ~seen, dtype=bool)


def append_rows(con: duckdb.DuckDBPyConnection, table: pa.Table, keys: StoredKeys | None = None) -> None:
    """Append keyed rows (Arrow, canonical columns + ``row_key``; other columns ignored) to the points (stored as
    :mod:`liftwatch.store_layout` lays them out); with the
    ``keys`` that :func:`new_rows` chose them by, which then count them as stored."""
    layout.append(con, table)
    if keys is not None:
        keys.appended(table.num_rows)


@contextmanager
def duckdb_threads(con: duckdb.DuckDBPyConnection, n: int | None) -> Iterator[None]:
    """DuckDB on ``n`` threads for the block (None: as it is), its own setting restored after."""
    if n is None:
        yield
        return
    before = con.execute("SELECT current_setting('threads')").fetchall()[0][0]
    con.execute(f"SET threads = {int(n)}")
    try:
        yield
    finally:
        con.execute(f"SET threads = {int(before)}")


def point_filters(
    *,
    assets: Iterable[str] | None = None,
    start: datetime | str | None = None,
    end: datetime | str | None = None,
    domain: str | None = None,
    where: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) of a points query, shared by every store kind."""
    clauses: list[str] = []
    params: list[Any] = []
    if assets:
        clauses.append("asset_id IN (SELECT unnest(?))")
        params.append([a.lower() for a in assets])
    if start is not None:
        clauses.append("ts >= CAST(? AS TIMESTAMPTZ)")
        params.append(start)
    if end is not None:
        clauses.append("ts < CAST(? AS TIMESTAMPTZ)")
        params.append(end)
    if domain is not None:
        clauses.append("domain = ?")
        params.append(domain)
    if where:
        clauses.append(f"({where})")
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params
