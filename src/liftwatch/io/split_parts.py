"""Archives cut into parts by ``split`` (``day.tar.aa``, ``day.tar.ab``, ...), read as the one archive they make.

adsb.lol publishes every globe_history day larger than 2 GB as ``split -b 2000000000`` parts, and that is how
a user who downloads a release by hand (``gh release download``, a browser, a mirror) holds it. No part is a
tar on its own: the first is cut off inside a member and the others start inside one. Concatenating them with
``cat`` first would cost a second copy of several GB. Here the first part names the archive: every place that
reads an input (its hash, its fingerprint, its format, the tar reader) reads the parts in order as one stream,
so the hash is the whole archive's (the same as a ``.tar`` re-assembled by hand: ingesting either skips the
other) and nothing is written to disk.

A part is recognised by name, as ``split`` writes it: ``<archive>.<suffix>`` where ``<archive>`` ends in
``.tar`` (optionally ``.gz``/``.bz2``/``.xz``, or ``.tgz``) and the suffix is two or three lower-case letters
(``aa``, ``ab``, ... the default) or digits (``00``, ``01``, ... with ``split -d``). The first part is ``aa``
(``aaa``, ``00``, ``000``); the others must follow it without a gap. Written by hand because no library reads
``split`` parts as one file; Python's ``io`` supplies the buffering.
"""

from __future__ import annotations

import glob
import io
import os
import re
from pathlib import Path
from typing import IO

from liftwatch.errors import UnreadableFileError
from liftwatch.io.seekable import SeekableReader, WriteableBuffer

_PART = re.compile(r"^(?P<base>.+\.(?:tar|tar\.gz|tar\.bz2|tar\.xz|tgz))\.(?P<suffix>[a-z]{2,3}|[0-9]{2,3})$")
_NOT_PARTS = frozenset({"gz", "xz", "lz", "zst", "bz", "br", "lzo", "tgz", "tar"})  # compressions of a whole archive


def _index(suffix: str) -> int:
    """Position of a part from its suffix: ``aa`` = 0, ``ab`` = 1, ``ba`` = 26; ``00`` = 0, ``01`` = 1."""
    if suffix.isdigit():
        return int(suffix)
    n = 0
    for c in suffix:
        n = n * 26 + ord(c) - ord("a")
    return n


def _suffix(index: int, like: str) -> str:
    """The suffix of part ``index`` in the style (letters or digits, and length) of ``like``."""
    if like.isdigit():
        return f"{index:0{len(like)}d}"
    out = ""
    for _ in like:
        index, r = divmod(index, 26)
        out = chr(ord("a") + r) + out
    return out


def part_of(path: str | os.PathLike[str]) -> tuple[Path, int] | None:
    """(first part, this part's position) when ``path`` is named as a part of a split archive, else None."""
    m = _PART.match(os.path.basename(os.fspath(path)))  # most names are no part: no Path made for them
    if m is None or m["suffix"] in _NOT_PARTS:
        return None
    p = Path(path)
    suffix = m["suffix"]
    return p.with_name(f"{m['base']}.{_suffix(0, suffix)}"), _index(suffix)


def is_split(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names a part of a split archive (the whole archive is read through its first part)."""
    return part_of(path) is not None


def parts(path: str | os.PathLike[str]) -> list[Path]:
    """Every part of the split archive ``path`` belongs to, in order (``[path]`` for any other file).

    The parts are the first one and its siblings that follow it without a gap. A part given without its first
    part, or a gap before a part that exists, is an error naming the missing file: a day read with a part
    missing would lose the members across the gap without a word.
    """
    got = part_of(path)
    if got is None:
        return [Path(path)]
    first, index = got
    if not first.is_file():
        given = Path(path)
        raise UnreadableFileError(
            str(given),
            f"part {index + 1} of a split archive whose first part {first.name} is not in {given.parent}: "
            "download every part into one folder and ingest the first one",
        )
    like = first.name.rsplit(".", 1)[1]
    stem = first.name[: -len(like)]
    siblings = {
        _index(q.name[len(stem) :]): q
        for q in first.parent.glob(f"{glob.escape(stem)}*")
        if len(q.name) == len(first.name) and part_of(q) is not None and q.name[len(stem) :].isdigit() == like.isdigit()
    }
    found = sorted(siblings)
    out = []
    for k in range(found[-1] + 1):
        if k not in siblings:
            missing = first.with_name(stem + _suffix(k, like))
            raise UnreadableFileError(
                str(first),
                f"split archive part {missing.name} is missing (parts found: {', '.join(sorted(s.name for s in siblings.values()))})",
            )
        out.append(siblings[k])
    return out


class _Joined(SeekableReader):
    """The parts read one after another as one seekable file of their total size."""

    def __init__(self, files: list[Path]) -> None:
        super().__init__()
        self._files = files
        self._sizes = [f.stat().st_size for f in files]
        self._starts = [sum(self._sizes[:i]) for i in range(len(files))]
        self._size = sum(self._sizes)
        self._k = -1
        self._fh: io.BufferedReader | None = None
        self.name = str(files[0])

    def _part_at(self, pos: int) -> int:
        k = 0
        while k + 1 < len(self._starts) and self._starts[k + 1] <= pos:
            k += 1
        return k

    def readinto(self, buffer: WriteableBuffer) -> int:
        view = memoryview(buffer).cast("B")
        if self._pos >= self._size or not len(view):
            return 0
        k = self._part_at(self._pos)
        if k != self._k or self._fh is None:
            if self._fh is not None:
                self._fh.close()
            self._fh, self._k = open(self._files[k], "rb"), k  # noqa: SIM115 - closed on the next part or close()
        within = self._pos - self._starts[k]
        if self._fh.tell() != within:
            self._fh.seek(within)
        n = self._fh.readinto(view[: self._sizes[k] - within])
        if not n:  # the part shrank after it was measured: the archive is shorter than announced
            self._size = self._pos
            return 0
        self._pos += n
        return n

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        super().close()


def open_input(path: str | os.PathLike[str]) -> IO[bytes]:
    """Open an input for reading its raw bytes: a split archive's first part reads every part in turn."""
    if part_of(path) is None:
        return open(path, "rb")
    return io.BufferedReader(_Joined(parts(path)), buffer_size=1 << 20)


def label(path: str | os.PathLike[str]) -> str:
    """The name a report shows for an input: its base name, and for a split archive how many parts were read
    with it (``day.tar.aa (+2 parts)``), so that a summary naming the first part does not look like one part."""
    name = os.path.basename(os.fspath(path).rstrip("/"))
    if part_of(path) is None:
        return name
    try:
        n = len(parts(path))
    except UnreadableFileError:
        return name
    return f"{name} (+{n - 1} part{'s' if n > 2 else ''})" if n > 1 else name
