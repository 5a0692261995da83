"""The embedded store: one DuckDB file holding points, flights and what was ingested.

DuckDB rather than a server because the product must run on a journalist's laptop with no set-up, and it
reads/writes Parquet natively for the hand-off to Dask. Ingest is idempotent twice over: a file whose
content hash was already ingested is skipped outright, and every row carries a stable 64-bit hash of its
content (``row_key``, :mod:`liftwatch.rowkey`, including the source) so overlapping files of one source (two
OpenSky extracts covering the same hour, a gzip copy of an ingested trace) add no duplicates. The same position
heard through two different sources is kept once per source on purpose: which network heard it is evidence of
coverage. Each file is ingested in one transaction (small files several to one, :mod:`liftwatch.store_batch`;
a file of more than a million rows in steps, :mod:`liftwatch.store_ingest`), so a failure or a kill leaves
nothing half-written, or for a big input only whole steps that the next run completes; rows are
looked up and appended in steps of up to ``STAGE_ROWS`` so memory does not grow with the file. ``flights build``
replaces the air flights in one transaction too. What is promised and which tests hold it:
``docs/reliability.md``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa

from liftwatch import store_layout as layout
from liftwatch.errors import LiftwatchError
from liftwatch.io.ais_static import STATIC_SCHEMA, conform_static, empty_static
from liftwatch.rowkey import KEY_COLUMNS, ROW_KEY_VERSION, duckdb_udf
from liftwatch.schema import FLIGHT_SCHEMA, POINT_COLUMNS, POINT_SCHEMA, PointFlag
from liftwatch.store_files import (
    cleanup_dead_runs,
    file_digest,
    is_lock_error,
    lock_error,
)
from liftwatch.store_ingest import STAGE_ROWS, IngestReport, StoreIngest
from liftwatch.store_keys import StoredKeys
from liftwatch.store_sql import (
    DUCK_TYPES,
    POINT_COLS,
    SOURCE_FILES_DDL,
    ddl,
    point_filters,
    static_ddl,
)

DEFAULT_DB = "liftwatch.duckdb"
ENV_DB = "LIFTWATCH_DB"
ENV_MEMORY = "LIFTWATCH_DUCKDB_MEMORY"  # e.g. "4GB"; empty string keeps DuckDB's own default (80 % of RAM)
DEFAULT_MEMORY_LIMIT = "2GB"
PARTITION_POINTS = 1_000_000
EXPORT_TABLES = ("points", "flights", "ingested_files")

# AIS static reports (name, IMO, call sign, type, declared destination): the point schema has no column for
# them, yet voyages need the name to match curated assets and the destination as untrusted evidence
STATIC_TABLE = "ais_static"

__all__ = ["DEFAULT_DB", "EXPORT_TABLES", "STAGE_ROWS", "IngestReport", "Store", "default_db_path", "file_digest"]


def default_db_path() -> str:
    return os.environ.get(ENV_DB, DEFAULT_DB)


class Store(StoreIngest):
    """A liftwatch database. Queries return Polars DataFrames."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = os.fspath(path) if path is not None else default_db_path()
        self.keys = StoredKeys()
        if read_only and self.path != ":memory:" and not os.path.exists(self.path):
            raise LiftwatchError(f"{self.path}: no liftwatch database here (run `liftwatch ingest` first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as exc:
            if is_lock_error(exc):
                raise lock_error(self.path, exc) from None
            raise
        # timestamps leave the store as "UTC" (DuckDB's default session zone is "Etc/UTC", which Polars treats
        # as a different zone): normalised here once so no caller has to convert
        self.con.execute("SET TimeZone = 'UTC'")
        # DuckDB would cache up to 80 % of RAM; liftwatch streams by partition and lets DuckDB spill instead
        limit = os.environ.get(ENV_MEMORY, DEFAULT_MEMORY_LIMIT)
        if limit:
            if not re.fullmatch(r"\d+(\.\d+)?\s*[KMGT]i?B", limit.strip(), flags=re.IGNORECASE):
                self.con.close()
                raise LiftwatchError(f"{ENV_MEMORY}={limit!r}: expected a size such as 2GB or 512MiB")
            self.con.execute(f"SET memory_limit = '{limit.strip()}'").fetchall()
        if not read_only:
            cleanup_dead_runs(self.path)  # we hold the write lock: leftovers of killed runs are safe to remove
            self._create()

    # -- schema ---------------------------------------------------------------------------------------
    def _create(self) -> None:
        con = self.con
        con.execute(
            "CREATE TABLE IF NOT EXISTS ingested_files (sha256 VARCHAR PRIMARY KEY, path VARCHAR, "
            "format VARCHAR, rows_added BIGINT, rejected BIGINT, ingested_at TIMESTAMPTZ)"
        )
        con.execute(f"CREATE TABLE IF NOT EXISTS flights ({ddl(FLIGHT_SCHEMA)})")
        con.execute(SOURCE_FILES_DDL)
        con.execute(f"CREATE TABLE IF NOT EXISTS {STATIC_TABLE} ({static_ddl()})")
        con.execute("CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        if not layout.is_coded(con):
            if layout.has_table(con, "points"):  # written by an older liftwatch: its points move over once
                layout.upgrade(con)
            else:
                con.execute(layout.CODES_DDL)
                con.execute(
                    f"CREATE TABLE {layout.ROWS_TABLE} ({layout.rows_ddl(ddl(POINT_SCHEMA))}, row_key UBIGINT NOT NULL)"
                )
                layout.create_view(con)
        version = self.meta("row_key")
        if version != ROW_KEY_VERSION:
            self._rekey()

    def meta(self, key: str) -> str | None:
        """A value of the store's own bookkeeping (``row_key`` scheme, last flights build)."""
        try:
            rows = self.con.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchall()
        except duckdb.CatalogException:  # a store written before store_meta existed, opened read-only
            return None
        return str(rows[0][0]) if rows else None

    def _set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO store_meta VALUES (?, ?)", [key, value])

    def _rekey(self) -> None:
        """Give every stored row the stable row key (a store written by an older liftwatch keyed rows with
        DuckDB's ``hash()``, whose values may change between DuckDB versions). One transaction, run once."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            if self._count("points"):
                types = [DUCK_TYPES[POINT_SCHEMA.field(c).type] for c in KEY_COLUMNS]
                con.create_function(  # type: ignore[call-overload]
                    "lw_row_key", duckdb_udf, types, "UBIGINT", type="arrow", null_handling="special"
                )
                args = ", ".join(layout.source_expr(con) if c == "source" else f'"{c}"' for c in KEY_COLUMNS)
                con.execute(f"UPDATE {layout.ROWS_TABLE} SET row_key = lw_row_key({args})")
                con.remove_function("lw_row_key")
            self._set_meta("row_key", ROW_KEY_VERSION)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.keys.clear()
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------------------------------
    def _count(self, table: str) -> int:
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])

    # -- queries --------------------------------------------------------------------------------------
    def points(
        self,
        *,
        assets: Sequence[str] | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        domain: str | None = None,
        where: str | None = None,
    ) -> pl.DataFrame:
        """Points as a Polars DataFrame, filtered in DuckDB (so only what is asked for is materialised)."""
        sql, params = self._points_sql(assets=assets, start=start, end=end, domain=domain, where=where)
        return self._pl(sql + " ORDER BY asset_id, ts", params)

    def _points_sql(
        self,
        *,
        assets: Sequence[str] | None = None,
        start: datetime | str | None = None,
        end: datetime | str | None = None,
        domain: str | None = None,
        where: str | None = None,
    ) -> tuple[str, list[Any]]:
        cols = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
        clause, params = point_filters(assets=assets, start=start, end=end, domain=domain, where=where)
        sql = f"SELECT {cols} FROM points{clause}"
        return sql, params

    def iter_partitions(self, n_partitions: int | None = None, **filters: Any) -> Iterator[pl.DataFrame]:
        """Points split into asset-hash partitions, each sorted by (asset_id, ts).

        Kernels that work per airframe (cleaning, flight split) run partition by partition, so peak memory
        is bounded by the largest partition, not the store.
        """
        # one streaming pass writes every partition's rows to its own spill file (not one scan per partition)
        from liftwatch.partitions import iter_store_partitions

        yield from iter_store_partitions(self, n_partitions, **filters)

    def _pl(self, sql: str, params: list[Any] | None = None) -> pl.DataFrame:
        rel = self.con.sql(sql, params=params or None)
        out = pl.from_arrow(rel.to_arrow_table())
        assert isinstance(out, pl.DataFrame)
        return out

    def sql(self, query: str, params: list[Any] | None = None) -> pl.DataFrame:
        """Run any SQL against the store and get a Polars DataFrame."""
        return self._pl(query, params)

    def write_flights(self, flights: pa.Table | pl.DataFrame, *, replace_assets: bool = True) -> int:
        """Store flights; by default replaces earlier flights of the same assets (re-running is idempotent)."""
        table = _flight_table(flights)
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            con.register("_flights", table)
            if replace_assets:
                con.execute("DELETE FROM flights WHERE asset_id IN (SELECT DISTINCT asset_id FROM _flights)")
            con.execute("INSERT INTO flights SELECT * FROM _flights")
            con.unregister("_flights")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return int(table.num_rows)

    def replace_flights(self, parts: Iterable[pa.Table | pl.DataFrame], *, domain: str = "air") -> int:
        """Replace every flight of ``domain`` by ``parts``, all in one transaction (a build killed half-way
        leaves the previous flights intact, never a mix). Parts are appended as they come, so memory holds
        one part at a time; DuckDB writes a large transaction's rows to the database file, not to RAM.
        The build time and count are recorded in ``store_meta`` in the same transaction."""
        con = self.con
        n = 0
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM flights WHERE domain = ?", [domain])
            for part in parts:
                table = _flight_table(part)
                con.register("_flights", table)
                con.execute("INSERT INTO flights SELECT * FROM _flights")
                con.unregister("_flights")
                n += table.num_rows
            self._set_meta(f"flights_built:{domain}", f"{datetime.now().astimezone().isoformat()} {n}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return n

    def flights(self, where: str | None = None, params: list[Any] | None = None) -> pl.DataFrame:
        sql = "SELECT * FROM flights" + (f" WHERE {where}" if where else "") + " ORDER BY first_ts, asset_id"
        return self._pl(sql, params)

    def attributions(self) -> list[dict[str, str]]:
        """One row per data source in the store with its licence and the attribution text the licence asks for."""
        known = self.con.execute("SELECT 1 FROM duckdb_tables() WHERE table_name = 'source_files'").fetchall()
        if not known:  # a database written before provenance was recorded, opened read-only
            return []
        rows = self.con.execute(
            "SELECT source, any_value(licence), any_value(attribution) FROM source_files "
            "WHERE rows_added > 0 OR status = 'done' GROUP BY source ORDER BY source"
        ).fetchall()
        return [{"source": r[0], "licence": r[1] or "", "attribution": r[2] or ""} for r in rows]

    def save_ais_static(self, static: pl.DataFrame) -> int:
        """Append AIS static rows (de-duplicated on every column); returns rows now in the table."""
        df = conform_static(static)
        cols = ", ".join(f'"{c}"' for c in STATIC_SCHEMA)
        con = self.con
        con.register("_static_in", df.to_arrow())
        try:
            con.execute(
                f"INSERT INTO {STATIC_TABLE} SELECT DISTINCT {cols} FROM _static_in "
                f"EXCEPT SELECT {cols} FROM {STATIC_TABLE}"
            )
        finally:
            con.unregister("_static_in")
        return self._count(STATIC_TABLE)

    def ais_static(self) -> pl.DataFrame:
        """The stored AIS static rows (empty in a read-only store created before the table existed)."""
        found = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [STATIC_TABLE]
        ).fetchall()[0][0]
        if not found:
            return empty_static()
        return conform_static(self.sql(f"SELECT * FROM {STATIC_TABLE}"))

    def info(self) -> dict[str, Any]:
        """Counts and spans for `liftwatch info`."""
        row = self.con.execute("SELECT count(*), count(DISTINCT asset_id), min(ts), max(ts) FROM points").fetchall()[0]
        by_source = self._pl(
            "SELECT source, domain, count(*) AS rows, count(DISTINCT asset_id) AS assets, "
            f"count(*) FILTER (WHERE flags & {int(PointFlag.ASSUMED_TIME)} != 0) AS assumed_time, "
            "min(ts) AS first, max(ts) AS last FROM points GROUP BY ALL ORDER BY rows DESC"
        )
        return {
            "path": self.path,
            "points": row[0],
            "assets": row[1],
            "first": row[2],
            "last": row[3],
            "files": self._count("ingested_files"),
            "flights": self._count("flights"),
            "by_source": by_source,
        }

    def export_parquet(self, out_dir: str | os.PathLike[str], *, table: str = "points") -> Path:
        """Write a table as Parquet (points partitioned by domain and day, for Dask/DuckDB readers).

        ``table`` must be one of ``EXPORT_TABLES`` (never spliced into SQL otherwise) and the output path is
        passed to DuckDB as a parameter, so neither can inject SQL.
        """
        if table not in EXPORT_TABLES:
            raise LiftwatchError(f"unknown table {table!r}: one of {', '.join(EXPORT_TABLES)}")
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        notices = self.attributions()
        if notices:  # licences such as ODbL ask that the notice travels with the data
            text = "".join(f"- {a['source']} ({a['licence']})\n  {a['attribution']}\n" for a in notices)
            (out / "ATTRIBUTION.txt").write_text("Data sources:\n" + text, encoding="utf-8")
        if table == "points":
            self.con.execute(
                f"COPY (SELECT {POINT_COLS}, strftime(ts, '%Y-%m-%d') AS day FROM points) TO ? "
                "(FORMAT parquet, PARTITION_BY (domain, day), OVERWRITE_OR_IGNORE true, COMPRESSION zstd)",
                [str(out / "points")],
            )
            return out / "points"
        target = out / f"{table}.parquet"
        self.con.execute(f"COPY {table} TO ? (FORMAT parquet, COMPRESSION zstd)", [str(target)])
        return target


def _flight_table(flights: pa.Table | pl.DataFrame) -> pa.Table:
    table = flights.to_arrow() if isinstance(flights, pl.DataFrame) else flights
    return table.select(FLIGHT_SCHEMA.names).cast(FLIGHT_SCHEMA)
