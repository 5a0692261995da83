"""`liftwatch serve`: the web dashboard on a local database (read-only), bound to loopback by default."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from liftwatch.cli.common import DB_DEFAULT, App, DbOption, err, fail
from liftwatch.errors import LiftwatchError


def serve(
    db: DbOption = DB_DEFAULT,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but loopback also needs --token.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.", min=1, max=65535)] = 8765,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="LIFTWATCH_TOKEN",
            help="Shared secret every request must carry (?token=…, cookie or Bearer); required off loopback.",
        ),
    ] = None,
    max_upload_kb: Annotated[int, typer.Option(help="Largest request body (article upload), in kB.", min=1)] = 2000,
) -> None:
    """Open the analyst's dashboard (map + timeline, flights, corridors, claim check, live) in the browser."""
    try:
        from liftwatch.web import create_app
    except ImportError as exc:  # fastapi/uvicorn are the optional "web" extra
        raise fail(f"the dashboard needs the web extra: pip install 'liftwatch[web]' ({exc})") from None
    import uvicorn

    if not os.path.exists(db):
        raise fail(f"{db}: no liftwatch database here (run `make demo` or `liftwatch ingest` first)")
    try:
        app = create_app(db, token=token, host=host, max_upload=max_upload_kb * 1000)
    except LiftwatchError as exc:
        raise fail(str(exc)) from None
    shown = f"[{host}]" if ":" in host else host
    suffix = "/?token=…" if token else "/"
    err.print(f"liftwatch dashboard on http://{shown}:{port}{suffix} (database {db}, read-only); Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: App) -> None:
    app.command()(serve)
