"""`liftwatch ingest`, `liftwatch info` and `liftwatch export`: getting data in and seeing what is there."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

import liftwatch
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
from liftwatch.ingest import IngestRun
from liftwatch.store import IngestReport


def _summary(reports: list[IngestReport]) -> Table:
    t = Table(title="ingest summary", show_lines=False)
    for col in ("file", "format", "rows in", "kept", "dup", "rejected", "ignored", "assets", "first", "last", "s"):
        t.add_column(col, justify="right" if col not in ("file", "format") else "left")
    for r in reports:
        status = "skipped (already ingested)" if r.skipped else (r.error or "")
        t.add_row(
            escape(os.path.basename(r.path.rstrip("/"))) + (f" [dim]{status}[/dim]" if status else ""),
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
    rows = [(r, reason, n) for r in reports for reason, n in r.rejects.counts.most_common()]
    rows += [(r, f"note (not rejected): {what}", n) for r in reports for what, n in r.rejects.notes.most_common()]
    if not rows:
        return None
    t = Table(title="rejected by reason")
    t.add_column("file")
    t.add_column("reason")
    t.add_column("rows", justify="right")
    for r, reason, n in rows:
        t.add_row(escape(os.path.basename(r.path.rstrip("/"))), escape(reason), f"{n:,}")
    return t


def exit_code(run: IngestRun) -> int:
    """0 when every file was read; 2 when some file was unreadable; 1 when one failed unexpectedly."""
    if any(f.unexpected for f in run.failures):
        return EXIT_UNEXPECTED
    return EXIT_ERROR if run.failures else 0


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest (gzip/bz2/xz transparent).")],
    db: DbOption = DB_DEFAULT,
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="Force a reader (default: detect from content).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Re-read files already ingested (rows still de-duplicated).")] = False,
    show_rejects: Annotated[int, typer.Option(help="Print up to N rejected rows with file and line.")] = 5,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers", "-w", min=1, help="Processes parsing small files (default: one per core when worth it)."
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            metavar="ADDRESS",
            help="Parse on a Dask cluster (e.g. tcp://scheduler:8786) that sees the same paths; needs liftwatch[dask].",
        ),
    ] = None,
) -> None:
    """Read navigation data files into the store (idempotent, one transaction per file).

    A directory is expanded into its files (a directory holding only aircraft.json snapshots is read as one
    input). A file that cannot be read is reported and the next one is read; exit code 2 when any file was
    unreadable, 1 when one failed unexpectedly.
    """
    with (
        liftwatch.open(db) as lw,
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
            progress.update(task, description=escape(path.name))

        run = lw.ingest(
            *paths,
            format=format,
            force=force,
            on_file=on_file,
            on_batch=lambda n: progress.advance(task, n),
            raise_unexpected=debug_enabled(),
            workers=workers,
            dask=dask,
        )
    for failure in run.failures:
        hint = f" (rerun with --debug or {DEBUG_ENV}=1 for the traceback)" if failure.unexpected else ""
        err.print(f"[red]error:[/red] {escape(failure.message)}{hint}", highlight=False, soft_wrap=True)
    console.print(_summary(run.reports))
    reasons = _reasons(run.reports)
    if reasons is not None:
        console.print(reasons)
    # examples of real problems first; bookkeeping lines a format ignores (SBS SEL/ID/...) last
    samples = sorted((s for r in run for s in r.rejects.samples), key=lambda s: s.reason.startswith("ignored"))
    for rej in samples[:show_rejects]:
        err.print(f"[yellow]rejected[/yellow] {escape(str(rej))}", highlight=False)
    code = exit_code(run)
    if code:
        raise typer.Exit(code)


def info(db: DbOption = DB_DEFAULT) -> None:
    """Show what the store holds: points, assets, time span, by source."""
    if not Path(db).exists():
        raise fail(f"{db}: no liftwatch database here (run `liftwatch ingest` first)")
    with liftwatch.open(db, read_only=True) as lw:
        i = lw.info()
    console.print(
        f"[bold]{escape(str(i['path']))}[/bold]: {i['points']:,} points, {i['assets']:,} assets, "
        f"{i['files']:,} files, {i['flights']:,} flights; {i['first']} → {i['last']}"
    )
    t = Table()
    df = i["by_source"]
    for c in df.columns:
        t.add_column(c)
    for row in df.iter_rows():
        t.add_row(*[f"{v:,}" if isinstance(v, int) else str(v) for v in row])
    console.print(t)


def export(
    out: Annotated[Path, typer.Argument(help="Output directory.")],
    db: DbOption = DB_DEFAULT,
    table: Annotated[str, typer.Option(help="points | flights")] = "points",
) -> None:
    """Export a table as Parquet (points partitioned by domain/day)."""
    with liftwatch.open(db) as lw:
        target = lw.store.export_parquet(out, table=table)
    console.print(f"wrote {target}")


def register(app: App) -> None:
    app.command()(ingest)
    app.command()(info)
    app.command()(export)
