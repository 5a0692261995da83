"""`liftwatch claims ARTICLE.txt`: what the navigation data says about a news report's claims."""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from liftwatch.cli.common import DB_DEFAULT, App, DbOption, console, err, fail


def claims(
    article: Annotated[Path, typer.Argument(help="Text file with the article ('-' reads standard input).")],
    db: DbOption = DB_DEFAULT,
    pub_date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Publication date YYYY-MM-DD, or YYYY-MM for a page dated to its month only (then 'on Friday' or "
            "'yesterday' date no claim). Default: found in the text, else unknown.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    window_days: Annotated[
        int,
        typer.Option("--window-days", min=1, help="Look-back from the publication date when the text gives no date."),
    ] = 30,
    tolerance_days: Annotated[
        int, typer.Option("--tolerance-days", min=0, help="Slack around the claimed window for partial matches.")
    ] = 2,
    extract_only: Annotated[
        bool, typer.Option("--extract-only", help="Only list the extracted claims; do not open the database.")
    ] = False,
) -> None:
    """Extract the movements an article claims and check each against the store.

    Verdicts: supported / partly supported / no evidence in the data / contradicted (rules: docs/claims.md).
    Without a database the extracted claims are still printed, with how to build one. Exit code 0 when at
    least one claim is supported or partly supported (or with --extract-only), 1 when none is, 2 on
    unreadable input, an article over the size limit, or no database to check against.
    """
    import liftwatch
    from liftwatch.claims import extract
    from liftwatch.claims.extract import ArticleTooLong
    from liftwatch.claims.render import print_extraction, print_results, to_json
    from liftwatch.claims.timeparse import publication

    try:
        text = sys.stdin.read() if str(article) == "-" else article.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise fail(f"{article}: cannot read ({exc.strerror or exc})") from None
    when: date | None = None
    month_only = False
    if pub_date:
        found = publication(pub_date)
        if found is None:
            raise fail(f"--date {pub_date!r}: expected YYYY-MM-DD, or YYYY-MM for a month")
        when, month_only = found
    try:
        with err.status("reading the article"):
            ex = extract(text, when, default_window_days=window_days, publication_month_only=month_only)
    except ArticleTooLong as exc:
        raise fail(f"{article}: {exc}") from None
    no_store = not extract_only and db != ":memory:" and not os.path.exists(db)
    if no_store:
        err.print(
            f"[yellow]no liftwatch database at {db}[/yellow]: showing what the article claims without checking it. "
            "To check it, build a store from navigation data covering the claimed window: "
            "`liftwatch ingest FILES --db DB` then `liftwatch build --db DB` (or `liftwatch flights build`), and run "
            "`liftwatch claims ARTICLE --db DB` (or set LIFTWATCH_DB)."
        )
    if extract_only or no_store:
        if as_json:
            print(to_json(ex, None, article=str(article)))
        else:
            print_extraction(ex, console)
        raise typer.Exit(2 if no_store else 0)
    with liftwatch.open(db, read_only=True) as lw, err.status(f"checking {len(ex.claims)} claims against {db}"):
        checked = lw.check(extraction=ex, tolerance_days=tolerance_days)
    if as_json:
        print(to_json(checked.extraction, checked.results, article=str(article)))
    else:
        print_results(checked.extraction, checked.results, console)
    raise typer.Exit(0 if checked.positive else 1)


def register(app: App) -> None:
    app.command("claims")(claims)
