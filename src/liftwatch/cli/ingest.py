"""`liftwatch ingest`, `liftwatch info` and `liftwatch export`: getting data in and seeing what is there."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import (
    DB_DEFAULT,
    DEBUG_ENV,
    EXIT_ERROR,
    EXIT_UNEXPECTED,
    App,
    DbOption,
    console,
    debug_enabled,
    err,
    fail,
)
from liftwatch.errors import InvalidValueError

if TYPE_CHECKING:
    from liftwatch.ingest import IngestRun
    from liftwatch.store import IngestReport

PER_FILE_MAX = 20  # more inputs than this: a summary by format and outcome, and only the files that need a look


def _overflow(col: str) -> Literal["fold", "ellipsis"]:
    return "fold" if col in ("file", "outcome") else "ellipsis"


def _summary(reports: list[IngestReport], title: str = "ingest summary") -> Table:
    from liftwatch.io import split_parts

    t = Table(title=title, show_lines=False)
    for col in ("file", "format", "rows in", "kept", "dup", "rejected", "ignored", "assets", "first", "last", "s"):
        # a file name folds onto more lines rather than losing its end (which is what tells the files apart)
        t.add_column(
            col,
            justify="right" if col not in ("file", "format") else "left",
            overflow=_overflow(col),
            min_width=12 if col == "file" else None,
        )
    for r in reports:
        status = "skipped (already ingested)" if r.skipped else (r.error or "")
        t.add_row(
            escape(split_parts.label(r.path)) + (f" [dim]{status}[/dim]" if status else ""),
            r.format,
            f"{r.rows_in:,}",
            f"{r.rows_added:,}",
            f"{r.duplicates:,}",
            f"{r.rejects.total - r.rejects.ignored:,}",
            f"{r.rejects.ignored:,}",
            f"{r.assets:,}",
            f"{r.t_min:%Y-%m-%d %H:%M}" if r.t_min else "",
            f"{r.t_max:%Y-%m-%d %H:%M}" if r.t_max else "",
            f"{r.seconds:.1f}",
        )
    return t


def _reasons(reports: list[IngestReport]) -> Table | None:
    """Rejected rows by file and reason (None when nothing was rejected)."""
    from liftwatch.io import split_parts

    rows = [(r, reason, n) for r in reports for reason, n in r.rejects.counts.most_common()]
    rows += [(r, f"note (not rejected): {what}", n) for r in reports for what, n in r.rejects.notes.most_common()]
    if not rows:
        return None
    t = Table(title="rejected by reason (ignored messages and notes included)")
    t.add_column("file")
    t.add_column("reason")
    t.add_column("rows", justify="right")
    for r, reason, n in rows:
        t.add_row(escape(split_parts.label(r.path)), escape(reason), f"{n:,}")
    return t


def _outcomes(run: IngestRun) -> Table:
    """Files and rows per format and outcome (``IngestRun.by_outcome``)."""
    t = Table(title=f"ingest summary: {run.files:,} files by format and outcome (--per-file for every file)")
    cols = ("format", "outcome", "files", "rows in", "kept", "dup", "rejected", "ignored", "first", "last", "s")
    for col in cols:
        t.add_column(col, justify="left" if col in ("format", "outcome") else "right", overflow=_overflow(col))
    for row in run.by_outcome().iter_rows(named=True):
        t.add_row(
            escape(row["format"]),
            escape(row["outcome"]),
            *[f"{row[c]:,}" for c in ("files", "rows_in", "rows_added", "duplicates", "rejected", "ignored")],
            f"{row['first']:%Y-%m-%d %H:%M}" if row["first"] else "",
            f"{row['last']:%Y-%m-%d %H:%M}" if row["last"] else "",
            f"{row['seconds']:.1f}",
        )
    return t


def _reason_totals(run: IngestRun) -> Table | None:
    """Rejected rows by reason over all files (None when nothing was rejected)."""
    by_reason = run.rejects_by_reason()
    if by_reason.is_empty():
        return None
    t = Table(title="rejected by reason (all files)")
    t.add_column("reason")
    t.add_column("files", justify="right")
    t.add_column("rows", justify="right")
    for reason, files, rows in by_reason.iter_rows():
        t.add_row(escape(reason), f"{files:,}", f"{rows:,}")
    return t


def print_summary(run: IngestRun, *, per_file: bool = False) -> None:
    """A row per file for a handful of files (or with ``per_file``); beyond :data:`PER_FILE_MAX`, the totals
    by format and outcome, then every file that failed or had rows rejected."""
    if per_file or run.files <= PER_FILE_MAX:
        console.print(_summary(run.reports))
        reasons = _reasons(run.reports)
    else:
        console.print(_outcomes(run))
        attention = run.needing_attention()
        if attention:
            title = f"files that failed or had rows rejected ({len(attention):,} of {run.files:,})"
            console.print(_summary(attention, title=title))
        reasons = _reason_totals(run)
    if reasons is not None:
        console.print(reasons)


def exit_code(run: IngestRun) -> int:
    """0 when every file was read; 2 when some file was unreadable; 1 when one failed unexpectedly."""
    if any(f.unexpected for f in run.failures):
        return EXIT_UNEXPECTED
    return EXIT_ERROR if run.failures else 0


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Files or directories to ingest (gzip/bz2/xz/zstd transparent; archives as the sources publish them: "
            "a globe_history day .tar or its split .tar.aa/.ab parts, tars and zips of CSV files, a day's zip of "
            "Virtual Radar Server snapshots)."
        ),
    ],
    db: DbOption = DB_DEFAULT,
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="Force a reader (default: detect from content).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Re-read files already ingested (rows still de-duplicated).")] = False,
    show_rejects: Annotated[int, typer.Option(help="Print up to N rejected rows with file and line.")] = 5,
    assume_time: Annotated[
        str | None,
        typer.Option(
            "--assume-time",
            help="Time for messages that carry none: untimed AIS NMEA dumps get it, raw Mode S recordings with "
            "only a receiver counter (Beast, AVR) start at it. An ISO UTC time such as 2021-07-01T12:00Z, or "
            "'file-mtime' (each file's modification time; the default anchor of Mode S recordings, as their end). "
            "An assumption: those points are flagged ASSUMED_TIME and counted in the summary; messages with "
            "their own time keep it.",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=0,
            help="Worker processes parsing small files; 1 parses in a thread of this process while it stores, "
            "0 in the storing thread itself (least CPU, no overlap). Default: 0 on one core, 1 on two, else "
            "one process per core when there are enough small files.",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Parse on a Dask cluster (e.g. tcp://scheduler:8786) that sees the same paths; needs liftwatch\\[dask].",
        ),
    ] = None,
    to: Annotated[
        str | None,
        typer.Option(
            "--to",
            help="Write into a partitioned Parquet dataset (folder or URL such as s3://bucket/prefix; created "
            "if absent) instead of the DuckDB store.",
        ),
    ] = None,
    per_file: Annotated[
        bool,
        typer.Option(
            "--per-file",
            help=f"A summary row for every file (default for up to {PER_FILE_MAX} files; beyond, totals by "
            "format and outcome and only the files that failed or had rows rejected).",
        ),
    ] = False,
) -> None:
    """Read navigation data files into the store (idempotent: a file or row already stored is not added again).

    A directory is expanded into its files (a directory holding only aircraft.json snapshots is read as one
    input). A file that cannot be read, or of which nothing could be kept, is reported (with its reasons in
    the reject table) and the next one is read; exit code 2 when any file was unreadable or yielded nothing,
    1 when one failed unexpectedly. With --to DIR the rows go into a Parquet dataset instead, with the same
    de-duplication (docs/scale.md).
    """
    import liftwatch
    from liftwatch.io import split_parts
    from liftwatch.io.assumed_time import check as check_assume_time

    try:
        assumed = check_assume_time(assume_time)
    except InvalidValueError as exc:
        raise fail(str(exc)) from None
    with (
        liftwatch.open_dataset(to) if to else liftwatch.open(db) as lw,
        Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,} rows"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("ingest", total=None)

        def on_file(path: Path) -> None:
            progress.update(task, description=escape(split_parts.label(path)))

        run = lw.ingest(
            *paths,
            format=format,
            force=force,
            on_file=on_file,
            on_batch=lambda n: progress.advance(task, n),
            raise_unexpected=debug_enabled(),
            assume_time=assumed,
            workers=workers,
            dask=dask,
        )
    for failure in run.failures:
        hint = f" (rerun with --debug or {DEBUG_ENV}=1 for the traceback)" if failure.unexpected else ""
        err.print(f"[red]error:[/red] {escape(failure.message)}{hint}", highlight=False, soft_wrap=True)
    print_summary(run, per_file=per_file)
    # examples of real problems first; bookkeeping lines a format ignores (SBS SEL/ID/...) last
    samples = sorted((s for r in run for s in r.rejects.samples), key=lambda s: s.reason.startswith("ignored"))
    for rej in samples[:show_rejects]:
        err.print(f"[yellow]rejected[/yellow] {escape(str(rej))}", highlight=False)
    code = exit_code(run)
    if code:
        raise typer.Exit(code)


def info(db: DbOption = DB_DEFAULT) -> None:
    """Show what the store holds: points, assets, time span, by source."""
    import liftwatch
    from liftwatch.store_dataset import looks_like_dataset

    if not Path(db).exists() and not looks_like_dataset(db):
        raise fail(f"{db}: no liftwatch database here (run `liftwatch ingest` first)")
    with liftwatch.open(db, read_only=True) as lw:
        i = lw.info()
    console.print(
        f"[bold]{escape(str(i['path']))}[/bold]: {i['points']:,} points, {i['assets']:,} assets, "
        f"{i['files']:,} files, {i['flights']:,} flights; {_when(i['first'])} → {_when(i['last'])}"
    )
    t = Table()
    df = i["by_source"]
    for c in df.columns:
        t.add_column(c.replace("_", " "), justify="right" if df[c].dtype.is_numeric() else "left")
    for row in df.iter_rows():
        t.add_row(*[f"{v:,}" if isinstance(v, int) else _when(v) for v in row])
    console.print(t)
    if "assumed_time" in df.columns and df["assumed_time"].sum():
        console.print("assumed time: rows whose recording carried no absolute time (see `ingest --assume-time`)")


def _when(value: object) -> str:
    """Times as analysts read them: UTC to the second."""
    if isinstance(value, datetime):
        return f"{value.astimezone(UTC) if value.tzinfo else value:%Y-%m-%d %H:%M:%SZ}"
    return escape(str(value))


def export(
    out: Annotated[
        Path | None, typer.Argument(help="Output directory for a single table's Parquet (see --table).")
    ] = None,
    db: DbOption = DB_DEFAULT,
    table: Annotated[str, typer.Option(help="points | flights | ingested_files (with OUT)")] = "points",
    parquet: Annotated[
        str | None,
        typer.Option(
            "--parquet",
            help="Write the whole store as a partitioned liftwatch dataset (by day and asset bucket) to this "
            "folder or URL (s3://, gs://); created if absent, rows already there are not written twice.",
        ),
    ] = None,
    buckets: Annotated[
        int | None, typer.Option(help="Asset-hash buckets of a new dataset (default 64; fixed once created).")
    ] = None,
) -> None:
    """Export the store: a whole partitioned dataset (--parquet DIR) or one table as Parquet (OUT)."""
    import liftwatch

    if (out is None) == (parquet is None):
        raise fail("give either --parquet DIR (the whole store as a dataset) or OUT (one table as Parquet)")
    with liftwatch.open(db, read_only=True) as lw:
        if parquet is not None:
            with err.status(f"exporting {escape(db)} to {escape(parquet)}"):
                rep = lw.export_dataset(parquet, buckets=buckets)
            console.print(
                f"wrote {escape(rep.target)}: {rep.points:,} new points ({rep.duplicates:,} already there), "
                f"{rep.flights:,} flights, {rep.files:,} files in {rep.seconds:.1f} s"
            )
            return
        assert out is not None
        target = lw.store.export_parquet(out, table=table)
    console.print(f"wrote {target}")


def register(app: App) -> None:
    app.command()(ingest)
    app.command()(info)
    app.command()(export)
