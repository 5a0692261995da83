"""Getting files into the store: which inputs a path names, and ingesting them one by one.

The CLI's ``liftwatch ingest`` and a notebook's ``lw.ingest(folder)`` both come here, so a folder is expanded
the same way everywhere. One file's failure is recorded on its report and the next file is read: a corrupt
file in a folder of 249 must not cost the other 248. AIS static reports (ship names, IMO, declared
destinations) are saved during the same ingest, because voyages need them and users should not have to know
that a second pass exists. Small files are stored many to a transaction (:mod:`liftwatch.store_batch`): a
day of readsb traces is tens of thousands of files, and a commit per file would cost more than reading them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.ingest_outcomes import needing_attention, outcome_table, rejects_by_reason
from liftwatch.ingest_parse import ARCHIVE_ERRORS
from liftwatch.ingest_workers import ParseThread, auto_workers, default_workers, parse_executor
from liftwatch.io import aircraft_json, ais_csv, ais_decoded_csv, ais_nmea, split_parts
from liftwatch.io.base import NothingKeptError
from liftwatch.io.textchunks import one_line
from liftwatch.store import IngestReport, Store
from liftwatch.store_batch import CHUNK_BYTES, MAX_FILE_BYTES, FileBatch

STATIC_READERS = {
    "ais_nmea": ais_nmea.read_static,
    "ais_csv": ais_csv.read_static,
    "ais_decoded_csv": ais_decoded_csv.read_static,
}


def _snapshot_like(f: Path) -> bool:
    return aircraft_json._JSON_NAME.search(f.name) is not None


def _is_snapshot_dir(directory: Path, files: list[Path]) -> bool:
    """True for a directory holding only readsb/tar1090 ``aircraft.json`` snapshots (read as one input).

    Any other file beside the JSON (an SBS log, an OpenSky CSV) makes it an ordinary folder whose files are
    read one by one; so does a first JSON file that is not a snapshot (saved OpenSky API answers).
    """
    if not files or not all(_snapshot_like(f) for f in files):
        return False
    candidates = [f for f in files if "trace" not in f.name and f.name.split(".")[0] not in aircraft_json.SIDE_FILES]
    if not candidates:
        return False
    try:
        return lio.detect_format(candidates[0]) == "aircraft_json"
    except LiftwatchError:
        return True  # let the snapshot reader report what is wrong with it
    except ARCHIVE_ERRORS:
        return True


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The inputs ``paths`` name: files as given; a folder of snapshots stays one input; other folders expand.

    Hidden files (``.DS_Store``) and readsb's side files (``receiver.json``, ``stats.json``) are not inputs.
    The parts of a split archive (``day.tar.aa``, ``day.tar.ab``, ...) are one input, named by its first part
    wherever any of its parts is named; a part whose first part is missing stays, for its error to say so.
    """
    out: list[Path] = []
    for raw in paths:
        p = raw if isinstance(raw, Path) else Path(raw)  # a Path made again parses again
        if not p.is_dir():
            out.append(p)
            continue
        files = sorted(
            x for x in p.rglob("*") if x.is_file() and not any(part.startswith(".") for part in x.relative_to(p).parts)
        )
        if _is_snapshot_dir(p, files):
            out.append(p)
            continue
        out.extend(f for f in files if f.name.split(".")[0] not in aircraft_json.SIDE_FILES or not _snapshot_like(f))
    return _join_parts(out)


def _join_parts(files: list[Path]) -> list[Path]:
    """``files`` with every part of a split archive replaced by its first part, once, where it first occurs."""
    out: list[Path] = []
    seen: set[Path] = set()
    for f in files:
        part = split_parts.part_of(f)
        if part is not None and part[0].is_file():
            if part[0] in seen:
                continue
            f = part[0]
            seen.add(f)
        out.append(f)
    return out


@dataclass
class FileFailure:
    """A file that could not be ingested, and why (``unexpected`` = not a liftwatch error: a bug to report)."""

    path: str
    message: str
    unexpected: bool = False


@dataclass
class IngestRun:
    """What one ``ingest`` call did: a report per input (failed ones carry ``error``) and the failures."""

    reports: list[IngestReport] = field(default_factory=list)
    failures: list[FileFailure] = field(default_factory=list)

    @property
    def rows_added(self) -> int:
        return sum(r.rows_added for r in self.reports)

    @property
    def files(self) -> int:
        return len(self.reports)

    def by_outcome(self) -> pl.DataFrame:
        """Files, rows and rejects per (format, outcome) (:func:`liftwatch.ingest_outcomes.outcome_table`)."""
        return outcome_table(self.reports)

    def needing_attention(self) -> list[IngestReport]:
        """Every input that failed, was unreadable or had rows rejected."""
        return needing_attention(self.reports)

    def rejects_by_reason(self) -> pl.DataFrame:
        """Rejected rows over all inputs by reason, with how many files had each."""
        return rejects_by_reason(self.reports)

    def __iter__(self) -> Iterator[IngestReport]:
        return iter(self.reports)

    def __len__(self) -> int:
        return len(self.reports)

    def __getitem__(self, i: int) -> IngestReport:
        return self.reports[i]

    def __repr__(self) -> str:
        skipped = sum(r.skipped for r in self.reports)
        return (
            f"IngestRun({self.files} files, {self.rows_added:,} rows added, {skipped} already ingested, "
            f"{len(self.failures)} failed)"
        )


def save_static(store: Store, path: str | os.PathLike[str], fmt: str) -> int:
    """Save an AIS file's static reports in the store; 0 for formats without them."""
    reader = STATIC_READERS.get(fmt)
    if reader is None:
        return 0
    return store.save_ais_static(reader(os.fspath(path)))


def ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    *,
    format: str | None = None,
    force: bool = False,
    on_file: Callable[[Path], None] | None = None,
    on_batch: Callable[[int], None] | None = None,
    raise_unexpected: bool = False,
    assume_time: lio.AssumeTime | None = None,
    workers: int | None = None,
    dask: Any = None,
) -> IngestRun:
    """Ingest every input ``paths`` names (see :func:`expand_paths`), continuing past a failed file.

    Small files are parsed in chunks by ``workers`` processes, by a parse thread of this process
    (``workers=1``), in the storing thread itself (``workers=0``: no concurrency, the least CPU) or on the Dask
    cluster ``dask`` (a scheduler address or a ``distributed.Client``), and stored by this process in input
    order: the result is the same whichever parses. The default (:func:`auto_workers`) is 0 on one core, 1
    on two, one process per core beyond when there are enough small files.
    ``raise_unexpected`` re-raises exceptions that are not liftwatch errors (for ``--debug``); liftwatch
    errors and damaged archives are always recorded and skipped. ``assume_time`` times messages without a time
    of their own (see :func:`liftwatch.io.read`); a file of which nothing was kept is a failure that keeps its
    reject log in its report.
    """
    with lio.assuming(assume_time):
        return _ingest_paths(store, paths, format, force, on_file, on_batch, raise_unexpected, workers, dask)


def _ingest_paths(
    store: Store,
    paths: Iterable[str | os.PathLike[str]],
    format: str | None,
    force: bool,
    on_file: Callable[[Path], None] | None,
    on_batch: Callable[[int], None] | None,
    raise_unexpected: bool,
    workers: int | None,
    dask: Any,
) -> IngestRun:
    files = expand_paths(paths)
    if workers is not None and workers < 0:
        raise LiftwatchError(
            f"workers must be 0 (parse in the storing thread), 1 (a parse thread) or more (processes), got {workers}"
        )
    n = workers if workers is not None else auto_workers(files, CHUNK_BYTES, MAX_FILE_BYTES)
    run = IngestRun()
    with parse_executor(n, dask) as (executor, window):
        batch = FileBatch(
            store,
            chunk_bytes=CHUNK_BYTES,
            on_batch=on_batch,
            on_stored=lambda rep: _save_static(store, rep),
            executor=executor,
            window=window,
            raise_unexpected=raise_unexpected,
            step_threads=max(1, default_workers() - 1) if isinstance(executor, ParseThread) else None,
            read_ahead=n != 0,
        )
        for f in files:
            if on_file is not None:
                on_file(f)
            try:
                rep = batch.ingest(f, format=format, force=force)
            except NothingKeptError as exc:  # the reasons stay in the summary's reject table
                rep = _failed(run, f, one_line(exc, 1000))
                rep.format, rep.rejects = exc.format, exc.rejects
            except LiftwatchError as exc:
                rep = _failed(run, f, one_line(exc, 300))
            except ARCHIVE_ERRORS as exc:
                rep = _failed(run, f, f"{f}: cannot read or decompress: {one_line(exc)}")
            except Exception as exc:
                _end_transaction(store)
                if raise_unexpected:
                    raise
                rep = _failed(run, f, f"{f}: unexpected {type(exc).__name__}: {one_line(exc, 300)}", unexpected=True)
            run.reports.append(rep)
            _take_failures(run, batch)
        batch.flush()
    _take_failures(run, batch)
    return run


def _save_static(store: Store, rep: IngestReport) -> None:
    save_static(store, rep.path, rep.format)


def _take_failures(run: IngestRun, batch: FileBatch) -> None:
    """Files of a chunk that could not be read or stored become failures of the run."""
    run.failures.extend(FileFailure(x.path, x.message, x.unexpected) for x in batch.failures)
    batch.failures.clear()


def _end_transaction(store: Store) -> None:
    """Leave no transaction open after a failure, so the next file starts clean (none open: nothing to do)."""
    with contextlib.suppress(duckdb.Error):
        store.con.execute("ROLLBACK")


def _failed(run: IngestRun, path: Path, message: str, unexpected: bool = False) -> IngestReport:
    run.failures.append(FileFailure(str(path), message, unexpected))
    return IngestReport(path=str(path), error="failed" if unexpected else "unreadable")
