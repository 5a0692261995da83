"""CSV files packed in a tar or zip archive, read as the CSV they carry, as the archives come from the sources.

OpenSky published its weekly samples of state vectors as one tar an hour (``states_<date>-<hh>.csv.tar``: the
hour's ``.csv.gz`` beside a ``LICENSE.txt`` and a ``README.txt``); the Danish Maritime Authority and NOAA
MarineCadastre publish a day of AIS as a zip holding its CSV (``aisdk-<date>.zip``, ``AIS_<yyyy>_<mm>_<dd>.zip``).
That archive is what a user who downloads them holds. Every text reader reads its input through
:func:`liftwatch.io.decompress.decoded_pieces` and every format is told from the input's first bytes
(:func:`liftwatch.io.base.read_head`); both see through such an archive to the CSV members it carries, each
decompressed by content, one after another (the readers' "repeated header" rule drops a later member's header
line). An archive carries CSV when its first data member (licences and readmes aside) is a CSV, for a tar at its
top level: a globe_history day (``./acas/acas.csv``, ``./traces/<xx>/trace_full_*``) is left to the tar readers.
Built on ``tarfile`` (stream mode) and ``zipfile``: nothing is extracted to disk.
"""

from __future__ import annotations

import re
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from itertools import islice
from typing import IO

_SIDE = re.compile(r"^(license|licence|readme|copying|notice)", re.IGNORECASE)  # documentation, not data
_CSV = re.compile(r"\.csv(\.(gz|bz2|xz))?$", re.IGNORECASE)
# what tarfile and zipfile raise on a cut, corrupt or hostile archive (zipfile: NotImplementedError for a zip
# feature it lacks, such as a newer version or strong encryption; RuntimeError for an encrypted member)
ARCHIVE_ERRORS = (
    tarfile.TarError,
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    OSError,
    EOFError,
    zlib.error,
    NotImplementedError,
    RuntimeError,
)


def is_tar(head: bytes) -> bool:
    """POSIX/GNU tar header magic in the first 512 bytes."""
    return len(head) >= 262 and head[257:262] == b"ustar"


def kind_of(head: bytes) -> str | None:
    """``"tar"`` or ``"zip"`` from an input's first 512 raw bytes, else None."""
    if is_tar(head):
        return "tar"
    return "zip" if head.startswith(b"PK\x03\x04") else None


def _is_data(name: str) -> bool:
    return not _SIDE.match(name.rsplit("/", 1)[-1])


def _is_csv(name: str, kind: str) -> bool:
    inner = name.removeprefix("./")
    return (kind == "zip" or "/" not in inner) and _CSV.search(inner) is not None


def _tar_data(tf: tarfile.TarFile) -> Iterator[tarfile.TarInfo]:
    return (m for m in tf if m.isfile() and _is_data(m.name))


def zip_files(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members that are files (``ZipInfo.is_dir`` fails on a hostile empty name)."""
    return [m for m in zf.infolist() if m.filename and not m.filename.endswith("/")]


def _zip_data(zf: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    return [m for m in zip_files(zf) if _is_data(m.filename)]


_ZIP_METHODS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


def zip_problem(info: zipfile.ZipInfo) -> str | None:
    """Why a zip member cannot be read here (``zipfile`` would raise RuntimeError or NotImplementedError)."""
    if info.flag_bits & 0x41:  # bit 6: strong encryption
        return f"zip member {info.filename} is encrypted (a password is needed)"
    if info.flag_bits & 0x20:
        return f"zip member {info.filename} holds patched data, which Python cannot read"
    if info.compress_type not in _ZIP_METHODS:
        return f"zip member {info.filename} uses compression method {info.compress_type}, which Python cannot read"
    return None


def carries_csv(raw: IO[bytes], kind: str) -> bool:
    """Whether the archive read from ``raw`` (a seekable file at its start; moved) has a CSV as its first data
    member."""
    try:
        if kind == "tar":
            with tarfile.open(fileobj=raw, mode="r|") as tf:
                first = next(_tar_data(tf), None)
                return first is not None and _is_csv(first.name, kind)
        with zipfile.ZipFile(raw) as zf:
            members = _zip_data(zf)
            return bool(members) and _is_csv(members[0].filename, kind) and zip_problem(members[0]) is None
    except ARCHIVE_ERRORS:
        return False


class NotCsvMember(Exception):
    """A data member of a CSV-carrying archive that is no CSV (it is not read; the members before it were)."""


def csv_members(raw: IO[bytes], kind: str) -> Iterator[IO[bytes]]:
    """Each CSV member's bytes (still compressed if the member itself is ``.gz``) as a file object, in order.

    Raises :class:`NotCsvMember` at the first data member that is not a CSV, and one of :data:`ARCHIVE_ERRORS`
    where the archive is cut or corrupt: the readers keep what came before, as for any damaged input.
    """
    if kind == "tar":
        with tarfile.open(fileobj=raw, mode="r|") as tf:
            for m in _tar_data(tf):
                if not _is_csv(m.name, kind):
                    raise NotCsvMember(
                        f"tar member {m.name} is not a CSV file; it and the members after it were not read"
                    )
                fh = tf.extractfile(m)
                if fh is not None:
                    yield fh
        return
    with zipfile.ZipFile(raw) as zf:
        for info in _zip_data(zf):
            if not _is_csv(info.filename, kind):
                raise NotCsvMember(
                    f"zip member {info.filename} is not a CSV file; it and the members after it were not read"
                )
            problem = zip_problem(info)
            if problem is not None:
                raise NotCsvMember(f"{problem}; it and the members after it were not read")
            with zf.open(info) as fh:
                yield fh


def why_not_read(path: str) -> str | None:
    """Why an archive no reader took is not read (None when ``path`` is no tar or zip): the reason an
    "unrecognised format" error gives instead."""
    try:
        with open(path, "rb") as raw:
            kind = kind_of(raw.read(512))
            raw.seek(0)
            if kind == "zip":
                with zipfile.ZipFile(raw) as zf:
                    infos = _zip_data(zf)
                    problem = zip_problem(infos[0]) if infos else None
                    if problem is not None:
                        return problem
                    names = [m.filename for m in infos]
            elif kind == "tar":
                with tarfile.open(fileobj=raw, mode="r|") as tf:
                    names = [m.name for m in islice(_tar_data(tf), 1)]
            else:
                return None
    except NotImplementedError as exc:
        return f"{kind} archive using a feature Python cannot read ({exc})"
    except ARCHIVE_ERRORS as exc:
        return f"{kind} archive cut short or corrupt ({exc}); download it again"
    if not names:
        return f"{kind} archive with no data file in it"
    name = names[0]
    return (
        f"{kind} archive whose first data file {name} is in no format liftwatch reads (it reads archives of "
        "CSV files and globe_history days of readsb traces); extract the file and ingest it"
    )
