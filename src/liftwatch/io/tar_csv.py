"""CSV files shipped inside a tar (OpenSky's hourly ``states_<date>-<hh>.csv.tar``), read as the CSV they carry.

OpenSky published its weekly samples of state vectors as one tar an hour holding ``states_<date>-<hh>.csv.gz``
beside a ``LICENSE.txt`` and a ``README.txt``, and that tar is what a user who downloads them holds. Every text
reader reads its input through :func:`liftwatch.io.decompress.decoded_pieces` and every format is told from the
input's first bytes (:func:`liftwatch.io.base.read_head`); both see through such a tar to the CSV members it
carries, each decompressed by content, one after another (the readers' "repeated header" rule drops a second
member's header line). Only a tar whose first data member is a CSV at its top level is such a tar: a
globe_history day (``./acas/acas.csv``, ``./traces/<xx>/trace_full_*``) is left to the tar readers. Built on ``tarfile`` in stream mode: nothing is extracted to disk and the archive is read once.
"""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from typing import IO

_SIDE = re.compile(r"^(license|licence|readme|copying|notice)", re.IGNORECASE)  # documentation, not data
_CSV = re.compile(r"\.csv(\.(gz|bz2|xz))?$", re.IGNORECASE)
TAR_ERRORS = (tarfile.TarError, OSError, EOFError)


def is_tar(head: bytes) -> bool:
    """POSIX/GNU tar header magic in the first 512 bytes."""
    return len(head) >= 262 and head[257:262] == b"ustar"


def _data_members(tf: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    """Regular members that are not documentation (licence, readme), in archive order."""
    for m in tf:
        if m.isfile() and not _SIDE.match(m.name.rsplit("/", 1)[-1]):
            yield m


def _top_level_csv(name: str) -> bool:
    inner = name.removeprefix("./")
    return "/" not in inner and _CSV.search(inner) is not None


def carries_csv(stream: IO[bytes]) -> bool:
    """Whether the tar read from ``stream`` (consumed) has a CSV as its first data member."""
    try:
        with tarfile.open(fileobj=stream, mode="r|") as tf:
            first = next(_data_members(tf), None)
    except TAR_ERRORS:
        return False
    return first is not None and _top_level_csv(first.name)


class NotCsvMember(Exception):
    """A data member of a CSV-carrying tar that is no CSV (it is not read; the members before it were)."""


def csv_members(stream: IO[bytes]) -> Iterator[IO[bytes]]:
    """Each CSV member's raw (possibly compressed) bytes as a file object, in archive order.

    Raises :class:`NotCsvMember` at the first data member that is not a CSV, and ``tarfile``/``OSError``
    errors where the archive is cut or corrupt: the readers keep what came before, as for any damaged input.
    """
    with tarfile.open(fileobj=stream, mode="r|") as tf:
        for m in _data_members(tf):
            if not _top_level_csv(m.name):
                raise NotCsvMember(f"tar member {m.name} is not a CSV file; it and the members after it were not read")
            fh = tf.extractfile(m)
            if fh is not None:
                yield fh
