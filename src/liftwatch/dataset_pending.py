"""The open transaction of an ingest into a Parquet dataset, and its commit.

What :mod:`liftwatch.dataset_ingest` stages between two commits: the point writer, the inputs it will record in
``ingested_files`` and their AIS static reports. A commit writes them with the manifest, last; a failed commit
fails exactly the inputs it held, and the next run reads them again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import polars as pl
import pyarrow as pa

from liftwatch.dataset_commit import Transaction
from liftwatch.dataset_files import INGESTED_SCHEMA, frame_of, now_utc, query_arrow
from liftwatch.dataset_write import KeyCache, PointWriter, merge_static
from liftwatch.ingest import FileFailure, IngestRun
from liftwatch.io.textchunks import one_line
from liftwatch.store import IngestReport


class DatasetStore(Protocol):
    """What ingest needs of :class:`liftwatch.store_dataset.DatasetStore` (which calls in here)."""

    path: str
    con: Any
    cache: KeyCache

    def begin(self) -> Transaction: ...
    def commit(self, tx: Transaction) -> None: ...
    def writer(self, tx: Transaction, *, dedup: bool = True) -> PointWriter: ...
    def sql(self, query: str, params: list[Any] | None = None) -> pl.DataFrame: ...
    def ais_static(self) -> pl.DataFrame: ...


@dataclass
class Pending:
    """The open transaction and what it will record when it commits."""

    tx: Transaction
    writer: PointWriter
    files: list[tuple[IngestReport, str, int]] = field(default_factory=list)  # report, sha256, file id
    static: list[pl.DataFrame] = field(default_factory=list)
    digests: set[str] = field(default_factory=set)


def open_pending(store: DatasetStore, max_rows: int) -> Pending:
    tx = store.begin()
    w = store.writer(tx)
    w.max_rows = max_rows
    return Pending(tx, w)


def commit_pending(
    store: DatasetStore, pending: Pending, run: IngestRun, max_rows: int, reopen: bool = True
) -> Pending:
    """Flush, record the inputs in ``ingested_files``, write the manifest; a failure fails these inputs."""
    try:
        pending.writer.flush()
        for rep, _, fid in pending.files:
            rep.rows_added = pending.writer.added_by_file.get(fid, 0)
        if pending.files:
            old = query_arrow(store.con, "SELECT * FROM ingested_files", INGESTED_SCHEMA)
            new = pa.Table.from_pylist(
                [
                    {
                        "sha256": d,
                        "path": r.path,
                        "format": r.format,
                        "rows_added": r.rows_added,
                        "rejected": r.rejects.total,
                        "ingested_at": now_utc(),
                    }
                    for r, d, _ in pending.files
                ],
                schema=INGESTED_SCHEMA,
            )
            pending.tx.sides["ingested_files"] = _merge_ingested(old, new)
        if pending.static:
            pending.tx.sides["ais_static"] = merge_static(store.ais_static(), pl.concat(pending.static)).to_arrow()
        store.commit(pending.tx)
    except Exception as exc:
        pending.tx.abort()
        message = f"could not write the dataset {store.path}: {type(exc).__name__}: {one_line(exc, 250)}"
        for rep, _, _ in pending.files:
            rep.error, rep.rows_added = "failed", 0
            run.failures.append(FileFailure(rep.path, f"{rep.path}: {message}", True))
        store.cache.parts.clear()
        store.cache.size = 0
    return open_pending(store, max_rows) if reopen else pending


def _merge_ingested(old: pa.Table, new: pa.Table) -> pa.Table:
    """``ingested_files`` after a commit: a re-read (``--force``) file adds its new rows to its earlier count."""
    frame = pl.concat([frame_of(old), frame_of(new)])
    out = frame.group_by("sha256", maintain_order=True).agg(
        pl.col("path").last(),
        pl.col("format").last(),
        pl.col("rows_added").sum(),
        pl.col("rejected").last(),
        pl.col("ingested_at").last(),
    )
    return out.to_arrow().cast(INGESTED_SCHEMA)


def failed(run: IngestRun, path: Path, message: str, unexpected: bool = False) -> IngestReport:
    run.failures.append(FileFailure(str(path), message, unexpected))
    return IngestReport(path=str(path), error="failed" if unexpected else "unreadable")
