"""AIS static reports (name, IMO, call sign, type, declared destination) kept beside the points in the store.

The point schema has no column for a ship's name or declared destination, yet voyages need the name to match
curated assets (Oboronlogistika's ships are known by name) and the destination as untrusted evidence. So the sea
side keeps its own table ``ais_static`` in the same DuckDB file (created on first use, never touched by the core
store), filled from AIS files by ``liftwatch voyages --static FILE``.
"""

from __future__ import annotations

import polars as pl

from liftwatch.io.ais_static import STATIC_SCHEMA, conform_static, empty_static
from liftwatch.store import Store

TABLE = "ais_static"


def save_static(store: Store, static: pl.DataFrame) -> int:
    """Append static rows (de-duplicated on every column); returns rows now in the table."""
    df = conform_static(static)
    cols = ", ".join(f'"{c}"' for c in STATIC_SCHEMA)
    con = store.con
    con.register("_static_in", df.to_arrow())
    con.execute(f"CREATE TABLE IF NOT EXISTS {TABLE} AS SELECT {cols} FROM _static_in LIMIT 0")
    con.execute(f"INSERT INTO {TABLE} SELECT DISTINCT {cols} FROM _static_in EXCEPT SELECT {cols} FROM {TABLE}")
    con.unregister("_static_in")
    return int(con.execute(f"SELECT count(*) FROM {TABLE}").fetchall()[0][0])


def load_static(store: Store) -> pl.DataFrame:
    """The stored static rows, or an empty frame when none were saved."""
    found = store.con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [TABLE]
    ).fetchall()[0][0]
    if not found:
        return empty_static()
    return conform_static(store.sql(f"SELECT * FROM {TABLE}"))
