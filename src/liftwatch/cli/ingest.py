"""`liftwatch ingest`, `liftwatch info` and `liftwatch export`: getting data in and seeing what is there."""

from __future__ import annotations

import lzma
import os
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TaskID, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch import io as lio
from liftwatch.cli.common import DB_DEFAULT, DbOption, console, err
from liftwatch.errors import LiftwatchError
from liftwatch.io.textchunks import one_line
from liftwatch.store import IngestReport, Store

# What a damaged archive can raise from format detection before any reader runs (stdlib decompressors).
_ARCHIVE_ERRORS = (OSError, EOFError, zlib.error, lzma.LZMAError)


def _is_snapshot_dir(p: Path) -> bool:
    """A directory whose JSON files are readsb/tar1090 ``aircraft.json`` snapshots (read as one input).

    Decided by the content of its first non-trace JSON file, so a directory of saved OpenSky API answers
    (also ``.json``) is expanded into files instead.
    """
    candidates = sorted(
        x for x in p.iterdir() if x.is_file() and x.name.endswith((".json", ".json.gz")) and "trace" not in x.name
    )
    if not candidates:
        return False
    try:
        return lio.detect_format(candidates[0]) == "aircraft_json"
    except (LiftwatchError, *_ARCHIVE_ERRORS):
        return True  # let the snapshot reader report what is wrong with it


def _expand(paths: list[Path]) -> list[Path]:
    """Files as given; a directory of aircraft.json snapshots stays one input, other directories expand."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir() and not _is_snapshot_dir(p):
            out.extend(sorted(x for x in p.rglob("*") if x.is_file()))
        else:
            out.append(p)
    return out


def _advancer(progress: Progress, task: TaskID) -> Callable[[int], None]:
    return lambda n: progress.advance(task, n)


def _summary(reports: list[IngestReport]) -> Table:
    t = Table(title="ingest summary", show_lines=False)
    for col in ("file", "format", "rows in", "kept", "dup", "rejected", "ignored", "assets", "first", "last", "s"):
        t.add_column(col, justify="right" if col not in ("file", "format") else "left")
    for r in reports:
        status = "skipped (already ingested)" if r.skipped else (r.error or "")
        t.add_row(
            os.path.basename(r.path.rstrip("/")) + (f" [dim]{status}[/dim]" if status else ""),
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
        t.add_row(os.path.basename(r.path.rstrip("/")), reason, f"{n:,}")
    return t


def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to ingest (gzip/bz2/xz transparent).")],
    db: DbOption = DB_DEFAULT,
    format: Annotated[
        str | None, typer.Option("--format", "-f", help="Force a reader (default: detect from content).")
    ] = None,
    force: Annotated[bool, typer.Option(help="Re-read files already ingested (rows still de-duplicated).")] = False,
    show_rejects: Annotated[int, typer.Option(help="Print up to N rejected rows with file and line.")] = 5,
) -> None:
    """Read navigation data files into the store (idempotent, one transaction per file)."""
    files = _expand(paths)
    reports: list[IngestReport] = []
    failed = 0
    with (
        Store(db) as store,
        Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,} rows"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress,
    ):
        for f in files:
            task = progress.add_task(f.name, total=None)
            try:
                rep = store.ingest(f, format=format, force=force, on_batch=_advancer(progress, task))
            except LiftwatchError as exc:
                err.print(f"[red]error:[/red] {one_line(exc, 300)}")
                rep = IngestReport(path=str(f), error="unreadable")
                failed += 1
            except _ARCHIVE_ERRORS as exc:
                err.print(f"[red]error:[/red] {f}: cannot read or decompress: {one_line(exc)}")
                rep = IngestReport(path=str(f), error="unreadable")
                failed += 1
            reports.append(rep)
            progress.remove_task(task)
    console.print(_summary(reports))
    reasons = _reasons(reports)
    if reasons is not None:
        console.print(reasons)
    # examples of real problems first; bookkeeping lines a format ignores (SBS SEL/ID/...) last
    samples = sorted((s for r in reports for s in r.rejects.samples), key=lambda s: s.reason.startswith("ignored"))
    for rej in samples[:show_rejects]:
        err.print(f"[yellow]rejected[/yellow] {rej}")
    if failed:
        raise typer.Exit(2)


def info(db: DbOption = DB_DEFAULT) -> None:
    """Show what the store holds: points, assets, time span, by source."""
    if not Path(db).exists():
        err.print(f"[red]error:[/red] {db}: no liftwatch database here (run `liftwatch ingest` first)")
        raise typer.Exit(2)
    with Store(db, read_only=True) as store:
        i = store.info()
    console.print(
        f"[bold]{i['path']}[/bold]: {i['points']:,} points, {i['assets']:,} assets, "
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
    with Store(db) as store:
        target = store.export_parquet(out, table=table)
    console.print(f"wrote {target}")


def register(app: typer.Typer) -> None:
    app.command()(ingest)
    app.command()(info)
    app.command()(export)
