"""The ``liftwatch`` command. Each sub-command lives in its own module exposing ``register(app)``.

Every command parses its arguments, calls the library (:mod:`liftwatch.api` and below) and prints; the
error-to-exit-code policy lives in :mod:`liftwatch.cli.common`.

Building the command line imports Typer, Rich and these modules only: each command imports the library it
calls inside its function, so `liftwatch --help`, or an `ingest` that needs no report, claims or web code,
starts without them (Matplotlib, SciPy, the claims extractor and FastAPI alone cost ~2 CPU s).
tests/cli/test_startup.py keeps it so.
"""

from __future__ import annotations

import os
import sys
from typing import Annotated

import typer

from liftwatch.cli import claims, demo, fetch, flights, ingest, kb, report, serve, sim, voyages, watch
from liftwatch.cli.common import DEBUG_ENV, App, debug_enabled, exit_code_for, fail, report_unexpected
from liftwatch.errors import LiftwatchError, one_line

app = App(
    name="liftwatch",
    help="Who moved what, from where to where, how often: airlift/sealift analysis from open navigation data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _root(
    debug: Annotated[
        bool, typer.Option("--debug", help=f"Show tracebacks of unexpected errors (also {DEBUG_ENV}=1).")
    ] = False,
) -> None:
    if debug:
        os.environ[DEBUG_ENV] = "1"


for _module in (ingest, fetch, kb, sim, flights, voyages, report, claims, watch, demo, serve):
    _module.register(app)


def main() -> None:
    """Entry point: the same policy as each command, for errors raised outside one (argument callbacks)."""
    try:
        app()
    except LiftwatchError as exc:
        if debug_enabled():
            raise
        fail(one_line(exc, 1000))
        sys.exit(exit_code_for(exc))
    except Exception as exc:
        if debug_enabled():
            raise
        report_unexpected(exc)
        sys.exit(exit_code_for(exc))
