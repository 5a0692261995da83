"""Locating and parsing the bundled knowledge-base files.

The data lives in ``liftwatch/data/kb`` as small CSV/TOML files with a ``source`` column per row, so that every
figure can be audited and corrected by a pull request rather than by editing code. Parsing is centralised here
so every loader reports bad rows the same way (file + line, as :class:`KnowledgeBaseError`).
"""

from __future__ import annotations

import csv
import gzip
import tomllib
from importlib import resources
from pathlib import Path
from typing import IO, Any

from liftwatch.errors import KnowledgeBaseError


def data_path(name: str) -> Path:
    """Path of a bundled KB file (``data/kb/<name>``); works from a source tree and an installed wheel."""
    return Path(str(resources.files("liftwatch").joinpath(f"data/kb/{name}")))


def read_csv(name: str) -> list[dict[str, str]]:
    """Rows of a bundled CSV as dicts; empty strings stay empty (callers decide what 'missing' means). A name
    ending in ``.gz`` is read through gzip: the large tables ship compressed, and are checked the same way."""
    path = data_path(name)
    try:
        fh: IO[str]
        with (
            gzip.open(path, "rt", encoding="utf-8", newline="")
            if name.endswith(".gz")
            else path.open(newline="", encoding="utf-8")
        ) as fh:
            rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read ({exc})") from exc
    for i, row in enumerate(rows, start=2):
        if None in row or any(v is None for v in row.values()):
            raise KnowledgeBaseError(f"{path}:{i}: wrong number of fields")
    return rows


def read_toml(path: Path) -> dict[str, Any]:
    """Parse a TOML file, turning syntax errors into one-line KB errors naming the file."""
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise KnowledgeBaseError(f"{path}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise KnowledgeBaseError(f"{path}: invalid TOML ({exc})") from exc


def opt_str(value: str | None) -> str | None:
    """Empty CSV cell -> None, otherwise the stripped text."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def opt_float(value: str | None, where: str) -> float | None:
    """Empty CSV cell -> None, otherwise a float (error names the cell)."""
    text = opt_str(value)
    if text is None:
        return None
    try:
        return float(text)
    except ValueError as exc:
        raise KnowledgeBaseError(f"{where}: not a number: {text!r}") from exc
