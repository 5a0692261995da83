"""A read-only, seekable raw file of known size: subclasses only fill a buffer from the current position.

Two inputs need one: a remote file read by HTTP range requests (so that ``zipfile`` reads one member of a big
zip) and a split archive read part after part. ``io.RawIOBase`` supplies ``read`` and buffering; this adds the
position bookkeeping both would otherwise repeat.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer
else:
    WriteableBuffer = memoryview  # what readinto is given at run time


class SeekableReader(io.RawIOBase):
    """``_pos`` is where the next read starts, ``_size`` the total size (-1 until known)."""

    _pos: int = 0
    _size: int = -1

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._size}[whence]
        if base + offset < 0:
            raise ValueError(f"negative seek position {base + offset}")
        self._pos = base + offset
        return self._pos


__all__ = ["SeekableReader", "WriteableBuffer"]
