"""Exceptions users see. Each carries enough context (file, line) to act on without a traceback."""

from __future__ import annotations


class LiftwatchError(Exception):
    """Base for errors the CLI turns into one clear line and a non-zero exit."""


class NoDataError(LiftwatchError):
    """The store holds nothing to work on yet (no flights built, no points): "nothing found", exit code 1."""


class InvalidValueError(LiftwatchError, ValueError):
    """A filter or option value outside its allowed set; the message lists what is allowed."""

    def __init__(self, name: str, value: object, allowed: tuple[str, ...]) -> None:
        super().__init__(f"{name}={value!r} is not allowed; choose one of: {', '.join(allowed)}")
        self.name = name
        self.value = value
        self.allowed = allowed


class PlaceError(LiftwatchError, LookupError):
    """A place name that is unknown or ambiguous; ``candidates`` are the closest names, best first.

    ``site_ids`` are the kb sites an ambiguous name stands for equally ("Brest": France's and Belarus's airports),
    so that a caller that knows more than the name (the country an article names) can choose among them."""

    def __init__(
        self, text: str, reason: str, candidates: tuple[str, ...] = (), site_ids: tuple[str, ...] = ()
    ) -> None:
        hint = f"; candidates: {'; '.join(candidates)}" if candidates else ""
        super().__init__(f"{reason} place {text!r}{hint} (see `liftwatch kb site NAME`)")
        self.text = text
        self.reason = reason
        self.site_ids = site_ids
        self.candidates = candidates


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


class StoreLockedError(LiftwatchError):
    """Another process holds the store's write lock (DuckDB allows one writer and no readers beside it)."""

    def __init__(self, path: str, holder: str) -> None:
        super().__init__(
            f"{path}: the store is in use by {holder}; wait for it to finish (or stop it), "
            "or work on a copy of the database file"
        )
        self.path = path
        self.holder = holder


class FileChangedError(LiftwatchError):
    """An input changed while it was being ingested (still being written?); nothing of it was stored since
    its last commit (a big input commits in steps, see :class:`PartlyStoredError`)."""

    def __init__(self, path: str) -> None:
        self.reason = f"{path}: the file changed while it was read (still being written?)"
        super().__init__(f"{self.reason}; nothing was stored from it, ingest it again once it is complete")
        self.path = path


class PartlyStoredError(LiftwatchError):
    """A big input failed after some of its steps were committed: those rows stay (they are valid
    observations, and the file is not recorded as ingested, so the next ingest reads it again and adds
    nothing twice)."""

    def __init__(self, path: str, kept: int, cause: BaseException) -> None:
        if isinstance(cause, FileChangedError):  # its own message says nothing was stored, which is not so here
            reason = cause.reason
        elif isinstance(cause, LiftwatchError):
            reason = one_line(cause, 250)
        else:
            reason = f"{path}: unexpected {type(cause).__name__}: {one_line(cause, 200)}"
        super().__init__(
            f"{reason}; {kept:,} rows stored before it are kept (ingest the file again: it adds nothing twice)"
        )
        self.path, self.kept, self.cause = path, kept, cause


def one_line(error: object, limit: int = 200) -> str:
    """An exception message squeezed onto one line (library messages may span several).

    Here rather than with the readers that use it most, so that the command line can print an error without
    importing them.
    """
    text = " ".join(str(error).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
