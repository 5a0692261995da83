"""Exceptions users see. Each carries enough context (file, line) to act on without a traceback."""

from __future__ import annotations


class LiftwatchError(Exception):
    """Base for errors the CLI turns into one clear line and a non-zero exit."""


class UnreadableFileError(LiftwatchError):
    """A whole file cannot be read (missing, wrong format, not decompressible)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class UnknownFormatError(UnreadableFileError):
    """No reader recognises the file."""


class KnowledgeBaseError(LiftwatchError):
    """Bad knowledge-base or watchlist data (with file and line)."""
