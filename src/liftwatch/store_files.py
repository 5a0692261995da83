"""What the store needs to know about files on disk: input identity, lock holders, leftovers of dead runs.

Kept apart from :mod:`liftwatch.store` because none of it is SQL: hashing an input and noticing that it
changed while it was read, refusing inputs that never end (a FIFO, ``/dev/zero``), naming the process that
holds a store's lock, and removing what a killed run left behind (the flights builder's spill folders and
DuckDB's temporary files).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
from pathlib import Path

from liftwatch.errors import LiftwatchError, StoreLockedError, UnreadableFileError
from liftwatch.io import split_parts

SPILL_PREFIX = "liftwatch-flights-"  # + "<pid>-" + random: the flights builder's per-run spill folder
_LOCK_PID = re.compile(r"\(PID (\d+)\)")


def file_digest(path: str | os.PathLike[str]) -> str:
    """SHA-256 of the raw bytes (a directory hashes its sorted members' names and contents; a split archive's
    parts hash as the archive they make)."""
    h = hashlib.sha256()
    p = Path(path)
    files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else split_parts.parts(p)
    for f in files:
        if p.is_dir():
            h.update(str(f.relative_to(p)).encode())
        with f.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    return h.hexdigest()


def check_regular(path: str) -> None:
    """Refuse inputs that are not regular files or directories (pipes, devices, sockets).

    Ingest hashes an input before reading it, so that a repeated file is skipped; a FIFO cannot be read twice
    and ``/dev/zero`` never ends, so both would hang. Saving the stream to a file first is the answer.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise UnreadableFileError(path, exc.strerror or str(exc)) from None
    if stat.S_ISDIR(mode) or stat.S_ISREG(mode):
        return
    kind = "a pipe (FIFO)" if stat.S_ISFIFO(mode) else "a device or socket"
    raise UnreadableFileError(path, f"{kind}, not a regular file: save the stream to a file and ingest that")


def fingerprint(path: str) -> tuple[tuple[str, int, int, int], ...]:
    """Size, modification time and inode of a file (or of each file under a directory, or each part of a split
    archive).

    Compared before hashing and after reading: a file appended to in between would otherwise be recorded
    under the hash of content the store never saw.
    """
    p = Path(path)
    files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else split_parts.parts(p)
    out = []
    for f in files:
        try:
            st = f.stat()
        except OSError:
            continue
        out.append((str(f), st.st_size, st.st_mtime_ns, st.st_ino))
    return tuple(out)


def unchanged(path: str, before: tuple[tuple[str, int, int, int], ...]) -> bool:
    """Whether ``path`` still has the fingerprint ``before`` (as :func:`fingerprint` compares it).

    A single file (every small input parsed in a chunk) takes one ``os.stat`` here, not a ``Path`` and its
    parsing: at tens of thousands of files a run, the path objects cost more than the stat itself.
    """
    if len(before) != 1 or before[0][0] != path:
        return fingerprint(path) == before
    try:
        st = os.stat(path)
    except OSError:
        return False
    return (path, st.st_size, st.st_mtime_ns, st.st_ino) == before[0] and stat.S_ISREG(st.st_mode)


def lock_error(path: str, exc: Exception) -> LiftwatchError:
    """A :class:`StoreLockedError` naming the process that holds ``path`` (from DuckDB's message + psutil)."""
    text = str(exc)
    m = _LOCK_PID.search(text)
    holder = "another process"
    if m:
        pid = int(m.group(1))
        holder = f"process {pid}"
        try:
            import psutil

            proc = psutil.Process(pid)
            cmd = " ".join(proc.cmdline()[:6]) or proc.name()
            holder = f"process {pid} ({cmd[:160]})"
        except Exception:  # gone already, or not ours to inspect: the PID is still useful
            pass
    return StoreLockedError(path, holder)


def is_lock_error(exc: Exception) -> bool:
    text = str(exc)
    return "Could not set lock" in text or "Conflicting lock" in text


def _pid_alive(pid: int) -> bool:
    try:
        import psutil

        return bool(psutil.pid_exists(pid))
    except Exception:
        return True  # when in doubt, leave it


def cleanup_dead_runs(db_path: str) -> list[str]:
    """Remove spill folders of flights builds whose process is gone, and DuckDB temp files of this store.

    Called when a store is opened for writing: holding its write lock means no other process is using its
    temp directory. Returns what was removed (for tests and ``--verbose`` output).
    """
    removed: list[str] = []
    tmp = Path(tempfile.gettempdir())
    try:
        entries = list(tmp.glob(SPILL_PREFIX + "*"))
    except OSError:
        entries = []
    for d in entries:
        m = re.match(re.escape(SPILL_PREFIX) + r"(\d+)-", d.name)
        if not m or not d.is_dir() or _pid_alive(int(m.group(1))):
            continue
        shutil.rmtree(d, ignore_errors=True)
        removed.append(str(d))
    if db_path != ":memory:":
        duck_tmp = Path(db_path + ".tmp")  # DuckDB's default temp_directory for a database file
        if duck_tmp.is_dir():
            for f in duck_tmp.iterdir():
                if f.is_file():
                    try:
                        f.unlink()
                        removed.append(str(f))
                    except OSError:
                        pass
    return removed
