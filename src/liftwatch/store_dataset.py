"""A partitioned Parquet dataset as a liftwatch store: the scale-out twin of the DuckDB file.

The DuckDB file is the default because it needs nothing set up; a dataset is what a cluster, an object store
or another engine (Spark, Trino, Polars, pandas) wants: hive-partitioned Parquet by day and asset-hash bucket
(layout and commit protocol in :mod:`liftwatch.dataset_files`, writing in :mod:`liftwatch.dataset_write`).

:class:`DatasetStore` is a :class:`~liftwatch.store.Store` whose tables are views: an in-memory DuckDB
reads the committed Parquet files through ``pyarrow.dataset`` (any fsspec filesystem), so every query the
pipeline runs against a store (flights, claims, coverage, reports) runs unchanged on a dataset. What a store
writes (ingest, flights, voyages, AIS static data) goes into a dataset transaction instead, committed by
writing the manifest last. ``iter_partitions`` hands the flights builder whole buckets, read from exactly the
files of those buckets, so a build reads each point once.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from liftwatch.dataset_commit import Transaction, remove_leftovers
from liftwatch.dataset_files import (
    META_DIR,
    POINT_FILE_SCHEMA,
    Manifest,
    duck_relation,
    looks_like_dataset,
    now_utc,
    read_manifest,
    read_side,
    register_fs,
    resolve,
    write_manifest,
)
from liftwatch.dataset_write import KeyCache, PointWriter, merge_static, stage_flights
from liftwatch.errors import LiftwatchError, StoreLockedError
from liftwatch.io.ais_static import conform_static
from liftwatch.partitioning import DEFAULT_BUCKETS, asset_buckets
from liftwatch.schema import FLIGHT_SCHEMA, POINT_COLUMNS
from liftwatch.store import DEFAULT_MEMORY_LIMIT, ENV_MEMORY, PARTITION_POINTS, Store
from liftwatch.store_sql import point_filters

LOCK_NAME = "writer.lock"

__all__ = ["DatasetStore", "looks_like_dataset", "open_store"]

# The points view gives the store's column types back: flags as USMALLINT, the row key as the UBIGINT whose
# bits the file's int64 holds.
_POINT_VIEW_COLS = ", ".join(
    'CAST("flags" AS USMALLINT) AS "flags"' if c == "flags" else f'"{c}"' for c in POINT_COLUMNS
)
_ROW_KEY = (
    "CAST(CAST(row_key AS HUGEINT) + CASE WHEN row_key < 0 THEN CAST(18446744073709551616 AS HUGEINT) "
    "ELSE CAST(0 AS HUGEINT) END AS UBIGINT) AS row_key"
)


class DatasetStore(Store):
    """A liftwatch dataset (directory or fsspec URL) behind the :class:`~liftwatch.store.Store` interface.

    ``create=True`` makes an empty dataset when none is there (with ``buckets`` asset-hash buckets);
    ``storage_options`` go to fsspec (credentials, endpoint URL). A dataset has one writer at a time
    (``_liftwatch/writer.lock``); readers never block and always see the last committed state.
    """

    def __init__(
        self,
        location: str | os.PathLike[str],
        *,
        read_only: bool = False,
        create: bool = False,
        buckets: int | None = None,
        storage_options: dict[str, Any] | None = None,
    ) -> None:
        self.loc = resolve(location, storage_options)
        self.path = self.loc.url
        self.read_only = read_only
        self._locked = False
        if not self.loc.exists():
            if not create or read_only:
                read_manifest(self.loc)  # raises the "no dataset here" error
            n = DEFAULT_BUCKETS if buckets is None else buckets
            if not 1 <= n <= 65_535:
                raise LiftwatchError(f"buckets must be between 1 and 65535, got {n}")
            self._check_empty_target()
            write_manifest(self.loc, Manifest(buckets=n, created=now_utc().isoformat(), updated=now_utc().isoformat()))
        self.con = duckdb.connect(":memory:")
        self.con.execute("SET TimeZone = 'UTC'")
        register_fs(self.con, self.loc)
        limit = os.environ.get(ENV_MEMORY, DEFAULT_MEMORY_LIMIT).strip()
        if limit:
            self.con.execute("SET memory_limit = ?", [limit])
        self.manifest = read_manifest(self.loc)
        if buckets is not None and buckets != self.manifest.buckets:
            self.con.close()
            raise LiftwatchError(
                f"{self.path}: the dataset has {self.manifest.buckets} buckets, not {buckets} "
                "(the bucket count is fixed when a dataset is created)"
            )
        if not read_only:
            self._lock()
        self._load()
        if not read_only:
            remove_leftovers(self.loc, self.manifest, self.files)
        self.cache = KeyCache()

    # -- state ----------------------------------------------------------------------------------------
    def _check_empty_target(self) -> None:
        fs, root = self.loc.fs, self.loc.root
        try:
            found = fs.ls(root) if fs.exists(root) else []
        except OSError:
            found = []
        names = {str(x).rstrip("/").rsplit("/", 1)[-1] for x in found}
        if names - {META_DIR}:
            raise LiftwatchError(
                f"{self.path}: the folder is not empty and holds no liftwatch dataset ({', '.join(sorted(names)[:5])}"
                "); choose an empty or new folder"
            )

    def _lock(self) -> None:
        """Take the writer lock; a lock left by a dead process on this host is taken over."""
        path = self.loc.path(META_DIR, LOCK_NAME)
        me = f"{socket.gethostname()} {os.getpid()}"
        fs = self.loc.fs
        if fs.exists(path):
            holder = fs.cat_file(path).decode("utf-8", "replace").strip()
            host, _, pid = holder.partition(" ")
            if not (host == socket.gethostname() and pid.isdigit() and not _alive(int(pid))):
                self.con.close()
                raise StoreLockedError(self.path, f"process {pid} on {host} (a dataset has one writer at a time)")
        fs.pipe_file(path, me.encode())
        self._locked = True

    def _unlock(self) -> None:
        if self._locked:
            with contextlib.suppress(OSError):
                self.loc.fs.rm_file(self.loc.path(META_DIR, LOCK_NAME))
            self._locked = False

    def _load(self) -> None:
        """Read the committed manifest and (re)define the views every query sees."""
        self.manifest = read_manifest(self.loc)
        self.files = read_side(self.loc, self.manifest, "files")
        con = self.con
        for table in ("points", "flights"):
            rel = duck_relation(con, self.loc, self.files, table)
            if rel is None:
                con.execute(f"DROP VIEW IF EXISTS _{table}_ds")
                con.register(f"_{table}_ds", _empty_with_partitions(table))
            else:
                with contextlib.suppress(duckdb.Error):
                    con.unregister(f"_{table}_ds")
                rel.create_view(f"_{table}_ds", replace=True)
        con.execute(f"CREATE OR REPLACE VIEW points AS SELECT {_POINT_VIEW_COLS}, {_ROW_KEY} FROM _points_ds")
        flight_cols = ", ".join(f'"{c}"' for c in FLIGHT_SCHEMA.names)
        con.execute(f"CREATE OR REPLACE VIEW flights AS SELECT {flight_cols} FROM _flights_ds")
        for name in ("ingested_files", "source_files", "ais_static"):
            con.register(name, read_side(self.loc, self.manifest, name))
        meta = pa.table(
            {"key": list(self.manifest.meta), "value": list(self.manifest.meta.values())},
            schema=pa.schema([("key", pa.string()), ("value", pa.string())]),
        )
        con.register("store_meta", meta)

    @property
    def buckets(self) -> int:
        return self.manifest.buckets

    def begin(self) -> Transaction:
        """A new transaction on the committed state (nothing is visible until it commits)."""
        if self.read_only:
            raise LiftwatchError(f"{self.path}: opened read-only")
        self._load()
        return Transaction(self.loc, self.manifest)

    def commit(self, tx: Transaction) -> None:
        if tx.empty:
            tx.abort()
            return
        tx.commit(self.files)
        self._load()

    def writer(self, tx: Transaction, *, dedup: bool = True) -> PointWriter:
        return PointWriter(self.loc, self.files, self.buckets, tx, cache=self.cache, dedup=dedup)

    def close(self) -> None:
        self._unlock()
        self.con.close()

    def __enter__(self) -> DatasetStore:
        return self

    def meta(self, key: str) -> str | None:
        return self.manifest.meta.get(key)

    # -- reading --------------------------------------------------------------------------------------
    def iter_partitions(self, n_partitions: int | None = None, **filters: Any) -> Iterator[pl.DataFrame]:
        """Points in groups of whole buckets (``bucket % n == k``), each sorted by (asset_id, ts).

        Each group reads only its buckets' files, so a pass over all groups reads every point once; every
        asset is in exactly one bucket, which is what the per-asset kernels need.
        """
        total = int(self.manifest.counts.get("points", 0))
        n = n_partitions or max(1, -(-total // PARTITION_POINTS))
        pts = self.files.filter(pc.equal(self.files.column("table"), "points"))
        buckets = pc.cast(pts.column("bucket"), pa.int64())
        where, params = point_filters(**filters)
        for k in range(n):
            group = pts.filter(pc.equal(pc.remainder(buckets, n), k)) if n > 1 else pts
            if group.num_rows == 0:
                continue
            rel = duck_relation(self.con, self.loc, group, "points")
            assert rel is not None
            rel.create_view("_group", replace=True)
            try:
                sql = f"SELECT {_POINT_VIEW_COLS} FROM _group{where} ORDER BY asset_id, ts"
                frame = self._pl(sql, params)
            finally:
                self.con.execute("DROP VIEW IF EXISTS _group")
            if frame.height:
                yield frame

    def attributions(self) -> list[dict[str, str]]:
        rows = self.con.execute(
            "SELECT source, any_value(licence), any_value(attribution) FROM source_files "
            "WHERE rows_added > 0 OR status = 'done' GROUP BY source ORDER BY source"
        ).fetchall()
        return [{"source": r[0], "licence": r[1] or "", "attribution": r[2] or ""} for r in rows]

    def ais_static(self) -> pl.DataFrame:
        return conform_static(self.sql("SELECT * FROM ais_static"))

    def info(self) -> dict[str, Any]:
        out = super().info()
        out.update(format="dataset", buckets=self.buckets, commit=self.manifest.commit, data_files=self.files.num_rows)
        return out

    # -- writing --------------------------------------------------------------------------------------
    def ingest(
        self,
        path: str | os.PathLike[str],
        *,
        format: str | None = None,
        on_batch: Callable[[int], None] | None = None,
        force: bool = False,
        read_ahead: bool = True,
    ) -> Any:
        """Ingest one input into the dataset (see :func:`liftwatch.dataset_ingest.ingest_into`)."""
        from liftwatch.dataset_ingest import ingest_into

        run = ingest_into(
            self, [path], format=format, force=force, on_batch=on_batch, expand=False, workers=None if read_ahead else 0
        )
        if run.failures:
            raise LiftwatchError(run.failures[0].message)
        return run.reports[0]

    def ingest_many(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        format: str | None = None,
        force: bool = False,
        on_batch: Callable[[int], None] | None = None,
        on_file: Callable[[Any], None] | None = None,
    ) -> list[Any]:
        from liftwatch.dataset_ingest import ingest_into

        reports = ingest_into(self, paths, format=format, force=force, on_batch=on_batch, expand=False).reports
        if on_file is not None:
            for rep in reports:
                on_file(rep)
        return reports

    def ingest_table(self, table: pa.Table | pl.DataFrame) -> int:
        """Insert already-canonical points (simulator, live feeds); de-duplicated, one commit."""
        from liftwatch.schema import conform

        tx = self.begin()
        try:
            w = self.writer(tx)
            w.add(conform(table))
            w.flush()
            self.commit(tx)
        except BaseException:
            tx.abort()
            raise
        return sum(w.added_by_file.values())

    def replace_flights(self, parts: Iterable[pa.Table | pl.DataFrame], *, domain: str = "air") -> int:
        """Replace every flight of ``domain`` by ``parts`` in one commit (a killed build leaves the old ones)."""
        tx = self.begin()
        try:
            self._drop_flights(tx, lambda t: pc.equal(t.column("domain"), domain))
            n = stage_flights(tx, parts, self.buckets)
            tx.meta[f"flights_built:{domain}"] = f"{datetime.now().astimezone().isoformat()} {n}"
            self.commit(tx)
        except BaseException:
            tx.abort()
            raise
        return n

    def write_flights(self, flights: pa.Table | pl.DataFrame, *, replace_assets: bool = True) -> int:
        """Store flights; by default replaces earlier flights of the same assets (re-running is idempotent)."""
        table = flights.to_arrow() if isinstance(flights, pl.DataFrame) else flights
        table = table.select(FLIGHT_SCHEMA.names).cast(FLIGHT_SCHEMA)
        assets = pc.unique(table.column("asset_id"))
        tx = self.begin()
        try:
            if replace_assets and len(assets):
                buckets = set(asset_buckets(assets, self.buckets).tolist())
                self._drop_flights(tx, lambda t: pc.is_in(t.column("asset_id"), value_set=assets), buckets)
            n = stage_flights(tx, [table], self.buckets)
            self.commit(tx)
        except BaseException:
            tx.abort()
            raise
        return n

    def _drop_flights(
        self, tx: Transaction, drop: Callable[[pa.Table], pa.ChunkedArray], buckets: set[int] | None = None
    ) -> None:
        """Mark committed flight rows matching ``drop`` as removed (a file's other rows are staged again)."""
        rows = self.files.filter(pc.equal(self.files.column("table"), "flights")).to_pylist()
        for f in rows:
            if buckets is not None and f["bucket"] not in buckets:
                continue
            full = pq.read_table(self.loc.path(f["path"]), filesystem=self.loc.arrow_fs)
            mask = drop(full)
            if not pc.any(mask).as_py():
                continue
            tx.removed.add(f["path"])
            rest = full.filter(pc.invert(mask))
            if rest.num_rows:
                tx.stage_file("flights", f["day"], f["bucket"], rest)

    def save_ais_static(self, static: pl.DataFrame) -> int:
        """Add AIS static rows (distinct over all columns) in one commit; returns rows now held."""
        tx = self.begin()
        merged = merge_static(self.ais_static(), static)
        tx.sides["ais_static"] = merged.to_arrow()
        self.commit(tx)
        return merged.height


def _empty_with_partitions(table: str) -> pa.Table:
    schema = POINT_FILE_SCHEMA if table == "points" else FLIGHT_SCHEMA
    return pa.schema([*schema, pa.field("day", pa.date32()), pa.field("bucket", pa.int32())]).empty_table()


def _alive(pid: int) -> bool:
    try:
        import psutil

        return bool(psutil.pid_exists(pid))
    except Exception:
        return True


def open_store(
    location: str | os.PathLike[str] | None = None,
    *,
    read_only: bool = False,
    storage_options: dict[str, Any] | None = None,
) -> Store:
    """A DuckDB store for a file path, a :class:`DatasetStore` for a dataset directory or an fsspec URL."""
    if location is not None and looks_like_dataset(location):
        return DatasetStore(location, read_only=read_only, storage_options=storage_options)
    return Store(location, read_only=read_only)
