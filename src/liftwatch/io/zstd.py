"""Zstandard (``.zst``) with the interface of ``bz2``/``lzma``: a decompressor with ``max_length``, ``eof`` and
``needs_input``, and a file object.

Why this module: Python has ``compression.zstd`` from 3.14; before, ``backports.zstd`` is the same module. The
``zstandard`` package cannot bound one call's output nor tell a cut stream from a whole one (its stream reader
ends quietly at a truncation), and the readers need both: a decompression bomb costs one piece of memory, a cut
file is a reject naming where it broke. NOAA MarineCadastre publishes its AIS days as ``.csv.zst`` since 2025.
"""

from __future__ import annotations

import sys

if sys.version_info >= (3, 14):
    from compression.zstd import ZstdDecompressor, ZstdError, ZstdFile
else:
    from backports.zstd import ZstdDecompressor, ZstdError, ZstdFile

MAGIC = b"\x28\xb5\x2f\xfd"

__all__ = ["MAGIC", "ZstdDecompressor", "ZstdError", "ZstdFile"]
