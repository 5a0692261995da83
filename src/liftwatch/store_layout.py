"""How points are laid out in the DuckDB file: ``source`` and ``domain`` stored as one-byte codes, read back
as text through the ``points`` view, and the upgrade of a store written before.

Why: DuckDB spends the same ~0.03-0.05 µs a row on a VARCHAR column whatever it holds, a constant included
(measured in ``docs/benchmarks.md``), and ``source`` and ``domain`` are constant over a whole input. As one
byte each, appending a point costs ~0.1 µs less (a fifth of the append) and the view reads them back faster
than stored text, because a constant answer per row group is cheaper than decoding strings. Every query reads
``points`` as before and sees the canonical schema (:data:`liftwatch.schema.POINT_SCHEMA`); only the store
writes ``point_rows``.

The codes live in ``point_codes`` (column, code, name) and the view is rebuilt from it when a name is first
stored, in the same transaction as the rows, so a rolled-back step takes its codes and the view with it. The
codes are looked up in the database at every append (one tiny query a step), never cached in memory, so a
rolled-back transaction cannot leave a code behind in memory that the database does not have.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.errors import LiftwatchError
from liftwatch.io.vector import one_value
from liftwatch.schema import POINT_COLUMNS

CODED = ("source", "domain")  # the text columns stored as codes
ROWS_TABLE = "point_rows"
MAX_CODES = 256  # UTINYINT

CODES_DDL = (
    "CREATE TABLE IF NOT EXISTS point_codes (col VARCHAR NOT NULL, code UTINYINT NOT NULL, name VARCHAR NOT NULL, "
    "PRIMARY KEY (col, code), UNIQUE (col, name))"
)
KEYED_COLS = ", ".join(f'"{c}"' for c in (*POINT_COLUMNS, "row_key"))


def rows_ddl(points_ddl: str) -> str:
    """``point_rows``'s columns: the points' DDL with the coded columns as UTINYINT."""
    out = points_ddl
    for c in CODED:
        out = out.replace(f'"{c}" VARCHAR', f'"{c}" UTINYINT')
    return out


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the store has a base table of this name (a view does not count)."""
    found = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND schema_name = current_schema()", [name]
    ).fetchall()
    return bool(found[0][0])


def is_coded(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether this store keeps its points in ``point_rows`` (else a ``points`` table, as older stores did)."""
    return has_table(con, ROWS_TABLE)


def codes(con: duckdb.DuckDBPyConnection, col: str) -> dict[str, int]:
    """Name -> code of one coded column, as stored now (in the open transaction)."""
    rows = con.execute("SELECT name, code FROM point_codes WHERE col = ?", [col]).fetchall()
    return {str(n): int(c) for n, c in rows}


def _literal(name: str) -> str:
    """A name as an SQL string literal (quotes doubled): the CASE expressions that map codes and names."""
    return "'" + name.replace("'", "''") + "'"


def decode_expr(col: str, mapping: dict[str, int]) -> str:
    """SQL giving a coded column back as text (the names are bound as literals, quotes doubled)."""
    if not mapping:
        return "CAST(NULL AS VARCHAR)"
    whens = " ".join(f"WHEN {code} THEN {_literal(name)}" for name, code in mapping.items())
    return f'CASE "{col}" {whens} END'


def create_view(con: duckdb.DuckDBPyConnection) -> None:
    """(Re)create ``points`` over ``point_rows`` with the codes stored now."""
    cols = [
        f'{decode_expr(c, codes(con, c))} AS "{c}"' if c in CODED else f'"{c}"' for c in (*POINT_COLUMNS, "row_key")
    ]
    con.execute(f"CREATE OR REPLACE VIEW points AS SELECT {', '.join(cols)} FROM {ROWS_TABLE}")


def encode(con: duckdb.DuckDBPyConnection, table: pa.Table) -> pa.Table:
    """The rows with their coded columns as codes, new names given codes (and the view rebuilt) first."""
    rebuilt = False
    for col in CODED:
        arr = table.column(col)
        mapping = codes(con, col)
        first = one_value(arr)
        if first is not None:
            names: list[str] = [first]
            idx = None
        else:
            whole = arr.combine_chunks() if isinstance(arr, pa.ChunkedArray) else arr
            enc = pc.dictionary_encode(whole)
            names = [str(x) for x in enc.dictionary.to_pylist()]
            idx = enc.indices.to_numpy(zero_copy_only=False)
        rebuilt |= _register(con, col, names, mapping)
        lookup = np.array([mapping[n] for n in names], dtype=np.uint8)
        if idx is None:
            coded = pa.array(np.full(table.num_rows, lookup[0], dtype=np.uint8))
        else:  # a null stays null, for the table's NOT NULL to refuse as it would refuse the text
            nulls = np.isnan(idx) if idx.dtype.kind == "f" else None
            picked = lookup[np.where(nulls, 0, idx).astype(np.intp) if nulls is not None else idx]
            coded = pa.array(picked, pa.uint8(), mask=nulls)
        table = table.set_column(table.schema.get_field_index(col), col, coded)
    if rebuilt:
        create_view(con)
    return table


def _register(con: duckdb.DuckDBPyConnection, col: str, names: list[str], mapping: dict[str, int]) -> bool:
    """Give codes to the names ``mapping`` lacks (added to it too); whether any was new."""
    new = [n for n in dict.fromkeys(names) if n not in mapping]
    if not new:
        return False
    if len(mapping) + len(new) > MAX_CODES:
        raise LiftwatchError(
            f"a store holds at most {MAX_CODES} distinct values of points.{col}; these would pass it: "
            + ", ".join(repr(n) for n in new[:10])
        )
    start = max(mapping.values(), default=-1) + 1
    for i, name in enumerate(new):
        con.execute("INSERT INTO point_codes VALUES (?, ?, ?)", [col, start + i, name])
        mapping[name] = start + i
    return True


def append(con: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Append keyed canonical rows (other columns ignored) to ``point_rows``."""
    con.register("_lw_new", encode(con, table))
    try:
        con.execute(f"INSERT INTO {ROWS_TABLE} ({KEYED_COLS}) SELECT {KEYED_COLS} FROM _lw_new")
    finally:
        con.unregister("_lw_new")


def insert_select(con: duckdb.DuckDBPyConnection, select_sql: str) -> None:
    """Append the rows of a query giving canonical columns + ``row_key`` (bulk loads that never pass through
    Arrow, such as a benchmark's copies of a Parquet file); no de-duplication."""
    new = False
    for c in CODED:
        names = [str(r[0]) for r in con.execute(f'SELECT DISTINCT "{c}" FROM ({select_sql})').fetchall()]
        new |= _register(con, c, names, codes(con, c))
    if new:
        create_view(con)
    cols = ", ".join(f'_c_{c}.code AS "{c}"' if c in CODED else f'q."{c}"' for c in (*POINT_COLUMNS, "row_key"))
    joins = " ".join(f"JOIN point_codes _c_{c} ON _c_{c}.col = '{c}' AND _c_{c}.name = q.\"{c}\"" for c in CODED)
    con.execute(f"INSERT INTO {ROWS_TABLE} ({KEYED_COLS}) SELECT {cols} FROM ({select_sql}) AS q {joins}")


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Move an older store's ``points`` table to the coded layout (one transaction, run once).

    The rows keep their values and keys; only how two columns are stored changes. Done with ``ALTER TABLE``
    so that DuckDB rewrites the two columns in place rather than copying the table.
    """
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(CODES_DDL)
        con.execute(f"ALTER TABLE points RENAME TO {ROWS_TABLE}")
        for col in CODED:
            names = [str(r[0]) for r in con.execute(f'SELECT DISTINCT "{col}" FROM {ROWS_TABLE} ORDER BY 1').fetchall()]
            if len(names) > MAX_CODES:
                raise LiftwatchError(
                    f"this store's points hold {len(names)} distinct values of {col}; at most {MAX_CODES} can be coded"
                )
            for code, name in enumerate(names):
                con.execute("INSERT INTO point_codes VALUES (?, ?, ?)", [col, code, name])
            whens = " ".join(f"WHEN {_literal(name)} THEN {code}" for code, name in enumerate(names))
            using = f'CASE "{col}" {whens} END' if names else "0"
            con.execute(f'ALTER TABLE {ROWS_TABLE} ALTER "{col}" TYPE UTINYINT USING ({using})')
        create_view(con)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def source_expr(con: duckdb.DuckDBPyConnection) -> str:
    """SQL for ``source`` as text over ``point_rows`` (for statements that must update the table itself)."""
    return decode_expr("source", codes(con, "source"))


__all__ = [
    "CODED",
    "CODES_DDL",
    "ROWS_TABLE",
    "append",
    "create_view",
    "decode_expr",
    "encode",
    "has_table",
    "insert_select",
    "is_coded",
    "rows_ddl",
    "source_expr",
    "upgrade",
]
