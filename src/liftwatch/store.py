"""The embedded store: one DuckDB file holding points, flights and what was ingested.

DuckDB rather than a server because the product must run on a journalist's laptop with no set-up, and it
reads/writes Parquet natively for the hand-off to Dask. Ingest is idempotent twice over: a file whose
content hash was already ingested is skipped outright, and every row carries a stable 64-bit hash of its
content (``row_key``, :mod:`liftwatch.rowkey`, including the source) so overlapping files of one source (two
OpenSky extracts covering the same hour, a gzip copy of an ingested trace) add no duplicates. The same position
heard through two different sources is kept once per source on purpose: which network heard it is evidence of
coverage. Each file is ingested in one transaction (small files several to one, :mod:`liftwatch.store_batch`),
so a failure or a kill leaves nothing half-written; rows are
looked up and appended in steps of up to ``STAGE_ROWS`` so memory does not grow with the file. ``flights build``
replaces the air flights in one transaction too. What is promised and which tests hold it:
``docs/reliability.md``.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch import io as lio
from liftwatch.errors import FileChangedError, LiftwatchError
from liftwatch.io.ais_static import STATIC_SCHEMA, conform_static, empty_static
from liftwatch.io.base import RejectLog
from liftwatch.io.timewindow import filter_table
from liftwatch.rowkey import KEY_COLUMNS, ROW_KEY_VERSION, duckdb_udf, table_row_keys
from liftwatch.schema import FLIGHT_SCHEMA, POINT_COLUMNS, POINT_SCHEMA, conform
from liftwatch.store_files import (
    check_regular,
    cleanup_dead_runs,
    file_digest,
    fingerprint,
    is_lock_error,
    lock_error,
)

DEFAULT_DB = "liftwatch.duckdb"
ENV_DB = "LIFTWATCH_DB"
ENV_MEMORY = "LIFTWATCH_DUCKDB_MEMORY"  # e.g. "4GB"; empty string keeps DuckDB's own default (80 % of RAM)
DEFAULT_MEMORY_LIMIT = "2GB"
PARTITION_POINTS = 1_000_000
STAGE_ROWS = 1_000_000  # rows de-duplicated and appended at once (bounds the memory of one step)
EXPORT_TABLES = ("points", "flights", "ingested_files")

# AIS static reports (name, IMO, call sign, type, declared destination): the point schema has no column for
# them, yet voyages need the name to match curated assets and the destination as untrusted evidence
STATIC_TABLE = "ais_static"

__all__ = ["DEFAULT_DB", "EXPORT_TABLES", "IngestReport", "Store", "default_db_path", "file_digest"]

_DUCK_TYPES = {
    pa.string(): "VARCHAR",
    pa.timestamp("us", tz="UTC"): "TIMESTAMPTZ",
    pa.float64(): "DOUBLE",
    pa.float32(): "FLOAT",
    pa.bool_(): "BOOLEAN",
    pa.uint16(): "USMALLINT",
    pa.int32(): "INTEGER",
}


def _ddl(schema: pa.Schema) -> str:
    cols = []
    for f in schema:
        typ = _DUCK_TYPES.get(f.type)
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
    typ = _DUCK_TYPES.get(t)
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


def _static_ddl() -> str:
    duck = {
        pl.String(): "VARCHAR",
        pl.Int32(): "INTEGER",
        pl.Float32(): "FLOAT",
        pl.Datetime("us", "UTC"): "TIMESTAMPTZ",
    }
    return ", ".join(f'"{name}" {duck[dtype]}' for name, dtype in STATIC_SCHEMA.items())


def default_db_path() -> str:
    return os.environ.get(ENV_DB, DEFAULT_DB)


@dataclass
class IngestReport:
    """What one file's ingest did; the CLI prints these as its summary table."""

    path: str
    format: str = ""
    rows_read: int = 0  # good rows the reader produced
    rows_added: int = 0  # rows new to the store
    rejects: RejectLog = field(default_factory=RejectLog)
    assets: int = 0
    t_min: datetime | None = None
    t_max: datetime | None = None
    skipped: bool = False  # the identical file was ingested before
    seconds: float = 0.0
    error: str | None = None

    @property
    def rows_in(self) -> int:
        return self.rows_read + self.rejects.total

    @property
    def duplicates(self) -> int:
        return self.rows_read - self.rows_added


_COLS = ", ".join(f'"{c}"' for c in POINT_COLUMNS)
_KEYED_COLS = ", ".join(f'"{c}"' for c in (*POINT_COLUMNS, "row_key"))
# Keys of a slice already stored; the ts bounds let DuckDB skip row groups outside the slice's span (identical
# content has the identical ts, so the restriction loses nothing).
_SEEN_SQL = "SELECT row_key FROM points WHERE ts BETWEEN ? AND ? AND row_key IN (SELECT row_key FROM _lw_keys)"


def new_rows(con: duckdb.DuckDBPyConnection, table: pa.Table) -> pa.Table:
    """Rows of a keyed slice (canonical columns + ``row_key``, in arrival order) that the store lacks: the
    first row of each key in the slice, and no key already stored.

    Only the slice's distinct keys go to DuckDB, and only the stored points of the slice's time span are
    probed, so the cost follows the slice, not the store, and nothing is staged.
    """
    keys = table.column("row_key")
    first = pl.Series("k", keys).is_first_distinct().to_numpy()
    cand = keys if first.all() else keys.filter(pa.array(first))
    lo, hi = (x.as_py() for x in pc.min_max(table.column("ts")).values())
    con.register("_lw_keys", pa.table({"row_key": cand}))
    try:
        stored = con.sql(_SEEN_SQL, params=[lo, hi]).to_arrow_table()
    finally:
        con.unregister("_lw_keys")
    keep = first
    if stored.num_rows:
        seen = pc.is_in(keys, value_set=stored.column(0).combine_chunks()).to_numpy(zero_copy_only=False)
        keep = first & ~seen
    return table if keep.all() else table.filter(pa.array(keep))


def append_rows(con: duckdb.DuckDBPyConnection, table: pa.Table) -> None:
    """Append keyed rows (Arrow, canonical columns + ``row_key``; other columns ignored) to ``points``."""
    con.register("_lw_new", table)
    try:
        con.execute(f"INSERT INTO points ({_KEYED_COLS}) SELECT {_KEYED_COLS} FROM _lw_new")
    finally:
        con.unregister("_lw_new")


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


def _error_text(exc: BaseException) -> str:
    """One line for a failed input: our own errors speak for themselves, others say what they are."""
    from liftwatch.io.textchunks import one_line

    if isinstance(exc, LiftwatchError):
        return one_line(exc, 300)
    return f"unexpected {type(exc).__name__}: {one_line(exc, 250)}"


class Store:
    """A liftwatch database. Queries return Polars DataFrames."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = os.fspath(path) if path is not None else default_db_path()
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
        con.execute(f"CREATE TABLE IF NOT EXISTS points ({_ddl(POINT_SCHEMA)}, row_key UBIGINT NOT NULL)")
        con.execute(
            "CREATE TABLE IF NOT EXISTS ingested_files (sha256 VARCHAR PRIMARY KEY, path VARCHAR, "
            "format VARCHAR, rows_added BIGINT, rejected BIGINT, ingested_at TIMESTAMPTZ)"
        )
        con.execute(f"CREATE TABLE IF NOT EXISTS flights ({_ddl(FLIGHT_SCHEMA)})")
        con.execute(SOURCE_FILES_DDL)
        con.execute(f"CREATE TABLE IF NOT EXISTS {STATIC_TABLE} ({_static_ddl()})")
        con.execute("CREATE TABLE IF NOT EXISTS store_meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
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
                types = [_DUCK_TYPES[POINT_SCHEMA.field(c).type] for c in KEY_COLUMNS]
                con.create_function(  # type: ignore[call-overload]
                    "lw_row_key", duckdb_udf, types, "UBIGINT", type="arrow", null_handling="special"
                )
                args = ", ".join(f'"{c}"' for c in KEY_COLUMNS)
                con.execute(f"UPDATE points SET row_key = lw_row_key({args})")
                con.remove_function("lw_row_key")
            self._set_meta("row_key", ROW_KEY_VERSION)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest ---------------------------------------------------------------------------------------
    def ingest(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        on_batch: Callable[[int], None] | None = None,
        force: bool = False,
    ) -> IngestReport:
        """Ingest one file (or aircraft.json directory) atomically and idempotently."""
        p = os.fspath(path)
        report = IngestReport(path=p)
        t0 = time.perf_counter()
        check_regular(p)
        before = fingerprint(p)
        report.format = format or lio.detect_format(p)
        digest = file_digest(p)
        seen = self.con.execute("SELECT 1 FROM ingested_files WHERE sha256 = ?", [digest]).fetchall()
        if seen and not force:
            report.skipped = True
            report.seconds = time.perf_counter() - t0
            return report
        batches = lio.read(p, format=report.format, rejects=report.rejects)
        self._ingest_batches(batches, report, digest, before, on_batch=on_batch)
        report.seconds = time.perf_counter() - t0
        return report

    def _ingest_batches(
        self,
        batches: Iterator[pa.Table],
        report: IngestReport,
        digest: str,
        before: Any,
        on_batch: Callable[[int], None] | None = None,
    ) -> None:
        """One input's batches in one transaction, recorded in ``ingested_files`` (also used by file batches
        for an input that turned out too big to hold)."""
        p = report.path
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            added = self._merge_batches(batches, report, on_batch=on_batch)
            if fingerprint(p) != before:
                raise FileChangedError(p)
            # --force re-reads a file: its new rows add to what it brought before, never overwrite the count
            con.execute(
                "INSERT INTO ingested_files VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (sha256) DO UPDATE SET "
                "path = excluded.path, format = excluded.format, rejected = excluded.rejected, "
                "rows_added = ingested_files.rows_added + excluded.rows_added, ingested_at = excluded.ingested_at",
                [digest, p, report.format, added, report.rejects.total],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def ingest_many(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        format: str | None = None,
        force: bool = False,
        on_batch: Callable[[int], None] | None = None,
        on_file: Callable[[IngestReport], None] | None = None,
    ) -> list[IngestReport]:
        """Ingest several inputs; one that fails is reported (``error``) and the others still go in.

        Each input is its own transaction, so a failure costs only that input. ``KeyboardInterrupt`` still
        stops the loop (after rolling back the input in progress).
        """
        reports: list[IngestReport] = []
        for path in paths:
            try:
                rep = self.ingest(path, format=format, force=force, on_batch=on_batch)
            except Exception as exc:  # any failure of one input must not cost the others
                rep = IngestReport(path=os.fspath(path), error=_error_text(exc))
            reports.append(rep)
            if on_file is not None:
                on_file(rep)
        return reports

    def ingest_table(self, table: pa.Table | pl.DataFrame) -> int:
        """Insert already-canonical points (simulator, live feeds); de-duplicated, one transaction."""
        report = IngestReport(path="<table>")
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            added = self._merge_batches(iter([conform(table)]), report)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return added

    def _merge_batches(
        self,
        batches: Iterator[pa.Table],
        report: IngestReport,
        on_batch: Callable[[int], None] | None = None,
    ) -> int:
        """Append each batch's new rows (:func:`new_rows`); runs inside the caller's transaction.

        Rows outside the time window are refused here too (whoever produced them), as rejects. A batch is
        checked against everything stored before it, earlier batches of this input included, so memory
        holds one batch and its keys, whatever the size of the input.
        """
        con = self.con
        span: list[Any] = [None, None]
        assets: set[str] = set()
        added = 0
        held: list[pa.Table] = []  # small batches (tar members, snapshot groups) looked up together
        held_rows = 0

        def store_held() -> int:
            table = pa.concat_tables(held) if len(held) > 1 else held[0]
            held.clear()
            got = 0
            for start in range(0, table.num_rows, STAGE_ROWS):
                part = table.slice(start, STAGE_ROWS)
                new = new_rows(con, part.append_column("row_key", table_row_keys(part)))
                if new.num_rows:
                    append_rows(con, new)
                got += new.num_rows
            return got

        for batch in batches:
            if batch.num_rows == 0:
                continue
            batch = batch if batch.schema.equals(POINT_SCHEMA) else conform(batch)
            batch = filter_table(batch, report.rejects, report.path)
            if batch.num_rows == 0:
                continue
            lo, hi = (x.as_py() for x in pc.min_max(batch.column("ts")).values())
            span = [lo if span[0] is None else min(span[0], lo), hi if span[1] is None else max(span[1], hi)]
            assets.update(pc.unique(batch.column("asset_id")).to_pylist())
            held.append(batch.replace_schema_metadata(None))
            held_rows += batch.num_rows
            if held_rows >= STAGE_ROWS:  # each lookup scans the stored keys of its span: fewer, bigger lookups
                added += store_held()
                held_rows = 0
            report.rows_read += batch.num_rows
            if on_batch is not None:
                on_batch(batch.num_rows)
        if held:
            added += store_held()
        report.assets, report.t_min, report.t_max = len(assets), span[0], span[1]
        report.rows_added = added
        return added

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
                f"COPY (SELECT {_COLS}, strftime(ts, '%Y-%m-%d') AS day FROM points) TO ? "
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
