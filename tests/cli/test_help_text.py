"""Help texts say what they were written to say: Rich reads ``[word]`` as a style tag and drops it, so an
unescaped ``pip install 'liftwatch[dask]'`` once printed as ``pip install 'liftwatch'``."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import typer
from typer.testing import CliRunner

from liftwatch.cli import app

_BRACKETED = re.compile(r"\\?\[([^\]\s/]+)\]")
_FRAME = re.compile(r"[\s│╭╮╰╯─]+")


def _commands(cmd: Any, prefix: list[str]) -> Iterator[tuple[list[str], Any]]:
    """Every command and sub-command (Typer ships its own Click: its command type is not ``click.Command``)."""
    yield prefix, cmd
    for name, sub in getattr(cmd, "commands", {}).items():
        yield from _commands(sub, [*prefix, name])


def test_bracketed_words_in_help_are_printed() -> None:
    runner = CliRunner()
    checked = 0
    for path, cmd in _commands(typer.main.get_command(app), []):
        texts = [cmd.help or ""] + [getattr(p, "help", None) or "" for p in cmd.params]
        words = [w for t in texts for w in _BRACKETED.findall(t)]
        if not words:
            continue
        out = _FRAME.sub("", runner.invoke(app, [*path, "--help"], terminal_width=200).output)
        for w in words:
            assert f"[{w}]" in out, (" ".join(path), w)
            checked += 1
    assert checked >= 2  # the Dask extras of `ingest` and `flights build` at least
