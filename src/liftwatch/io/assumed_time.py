"""A time for messages that carry none of their own: the ``--assume-time`` / ``assume_time=`` option.

Why it exists: many AIS logs (AISHub dispatcher dumps, a receiver's raw serial capture) are bare ``!AIVDM``
sentences with no tag block, no ``$PGHP`` line and no trailing epoch. An AIS message itself holds only the UTC
second, so without outside help such a file yields nothing. An analyst often does know when it was recorded (the
download time, the file's modification time); this module turns that knowledge into one epoch time the reader
gives to every message without a time of its own. It is an *assumption*: every point that gets it carries
:attr:`liftwatch.schema.PointFlag.ASSUMED_TIME`, and the ingest summary notes how many rows were timed so.

Values: a ``datetime`` (naive means UTC), ISO 8601 text (``2021-07-01T12:00Z``) or ``"file-mtime"`` (each file's
own modification time, the usual end of a capture). Messages that do carry a time keep theirs.

The option reaches the reader through :func:`assuming` (a context variable) when the ingest path between the
caller and :func:`liftwatch.io.read` does not pass it on by argument; an explicit argument always wins.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime

from liftwatch.errors import InvalidValueError
from liftwatch.io.timewindow import TIME_MIN, time_max_s

FILE_MTIME = "file-mtime"
OPTION = "assume_time"
ALLOWED = (f"{FILE_MTIME!r}", "an ISO 8601 UTC time such as 2021-07-01T12:00Z", "a datetime")

AssumeTime = datetime | str

_CURRENT: ContextVar[AssumeTime | None] = ContextVar("liftwatch_assume_time", default=None)


def check(value: AssumeTime | None) -> AssumeTime | None:
    """Validate an option value early (before any file is read): ``None``, ``"file-mtime"`` or a UTC datetime."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().lower() == FILE_MTIME:
        return FILE_MTIME
    return _in_window(_as_datetime(value), value)


@contextlib.contextmanager
def assuming(value: AssumeTime | None) -> Iterator[None]:
    """Within the block, readers that honour the option assume ``value`` unless given one by argument."""
    token = _CURRENT.set(check(value))
    try:
        yield
    finally:
        _CURRENT.reset(token)


def current() -> AssumeTime | None:
    """The value :func:`assuming` set in this context (to hand it on to another process explicitly)."""
    return _CURRENT.get()


def chosen(value: AssumeTime | None) -> AssumeTime | None:
    """The option in force: the argument if given (checked), else the one :func:`assuming` set, else ``None``."""
    return check(value) if value is not None else _CURRENT.get()


def epoch_us(value: AssumeTime | None, path: str) -> int | None:
    """The assumed time for ``path`` in epoch microseconds (``None``: no assumption, from argument or context)."""
    value = chosen(value)
    if value is None:
        return None
    if value == FILE_MTIME:
        when = datetime.fromtimestamp(os.stat(path).st_mtime, tz=UTC)
        return round(_in_window(when, f"{FILE_MTIME} of {path}").timestamp() * 1_000_000)
    assert isinstance(value, datetime)
    return round(value.timestamp() * 1_000_000)


def describe(us: int) -> str:
    """The assumed time as users see it in notes and messages."""
    return f"{datetime.fromtimestamp(us / 1e6, tz=UTC):%Y-%m-%dT%H:%M:%SZ}"


def _as_datetime(value: AssumeTime) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidValueError(OPTION, value, ALLOWED) from None
    if not isinstance(value, datetime):
        raise InvalidValueError(OPTION, value, ALLOWED)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _in_window(when: datetime, given: object) -> datetime:
    """The same window every reader applies to recorded times (an assumed time outside it is a typo)."""
    if not TIME_MIN <= when <= datetime.fromtimestamp(time_max_s(), tz=UTC):
        raise InvalidValueError(OPTION, given, (f"a time between {TIME_MIN:%Y-%m-%d} and tomorrow",))
    return when
