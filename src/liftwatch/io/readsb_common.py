"""Shared by the readsb JSON readers (traces, aircraft.json): tolerant decompression and salvage JSON parsing
(the columnar conversion of the parsed scalars is :mod:`liftwatch.io.json_columns`).

Why a hand-written salvage parser: no maintained library recovers the complete elements of a truncated or
corrupt JSON document, and losing a whole aircraft-day to one bad byte at the end of a gzip member is the
common failure of globe_history copies. :func:`loads_salvaging` keeps every complete list element before a
syntax error, resynchronises on the next element boundary, and reports the lost byte ranges.

Why orjson: measured on 300 gzip trace files of 300 points (readsb's 14-element points), parsing the
decompressed bytes takes 0.164 ms a file with the stdlib ``json`` (1.8 M points/s), 0.069 ms with msgspec and
0.059 ms with orjson (5.1 M points/s); all three give equal Python objects. orjson takes the bytes as they come
out of gzip (no UTF-8 decode into a ``str`` first). It is only the fast path: whatever orjson refuses (NaN or
Infinity literals, integers beyond 64 bits, lone surrogates, invalid UTF-8, a cut or corrupt file) is parsed
again by the stdlib-based salvage path below, so the accepted input and the rejects are exactly as before.
DuckDB's and Polars' JSON readers were not chosen: they need one schema for the whole file, and a trace point
is a heterogeneous array (numbers, "ground", null, an object) whose hostile variants must become per-point
rejects, not a failed file (and DuckDB's ``read_json`` over the same trace files takes about as much CPU as
liftwatch's whole ingest: ``docs/benchmarks.md``). Complete, compact trace documents skip the Python objects
altogether: msgspec checks their syntax without building values and Arrow's CSV parser reads the points
(:mod:`liftwatch.io.readsb_text`, where the measurements are); this module's parse is the general path.

Why the column helpers: JSON gives Python objects of any type in any slot; :func:`types_of` + :func:`type_is`
build type masks in C (``map(type, ...)``) and :func:`numeric` casts with Polars, so hostile values (strings,
nested lists, booleans, NaN/inf, integers beyond float64) become masks instead of exceptions, without a
Python loop over points.
"""

from __future__ import annotations

import bz2
import json
import lzma
import os
import re
import zlib
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import orjson

from liftwatch.errors import UnreadableFileError
from liftwatch.io import zstd
from liftwatch.io.base import ENV_MAX_DOCUMENT, RejectLog, compression_of, max_document_bytes

try:  # ISA-L inflate: same output as zlib, 2.5x faster (see _gunzip_partial)
    from isal import isal_zlib as _isal_zlib

    _INFLATE: Any = _isal_zlib
    _INFLATE_ERRORS: tuple[type[Exception], ...] = (zlib.error, cast("type[Exception]", _isal_zlib.error))
except ImportError:  # pragma: no cover - isal is a dependency; a platform without its wheel still reads gzip
    _INFLATE = zlib
    _INFLATE_ERRORS = (zlib.error,)

MAX_RESYNC = 20  # syntax errors we try to skip over per file before giving up on the rest
_BOUNDARY = {"]": re.compile(r"\]\s*,\s*\["), "}": re.compile(r"\}\s*,\s*\{")}


# --- tolerant bytes and JSON ---------------------------------------------------
def decompress_salvaging(path: str | os.PathLike[str]) -> tuple[bytes, str | None]:
    """Whole decompressed content plus a note when a gzip stream was cut short (content up to the cut kept)."""
    p = Path(path)
    limit = max_document_bytes()
    try:
        if p.stat().st_size > limit:
            raise _too_big(str(p), limit)
        raw = p.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(str(p), exc.strerror or str(exc)) from None
    return decompress_bytes(raw, str(p))


def _too_big(path: str, limit: int) -> UnreadableFileError:
    return UnreadableFileError(
        path,
        f"more than {limit >> 20} MiB decompressed (a compression bomb, or raise {ENV_MAX_DOCUMENT}); not read",
    )


def decompress_bytes(raw: bytes, path: str) -> tuple[bytes, str | None]:
    """Decompress by magic number; gzip is salvaged up to a cut, bz2/xz damage makes the input unreadable.

    Output is bounded by :func:`~liftwatch.io.base.max_document_bytes`: decompression stops as soon as the
    limit is passed (memory never holds more than the limit plus one step), and the input is unreadable.
    """
    limit = max_document_bytes()
    kind = compression_of(raw[:6])
    if kind == "gzip":
        out, note = _gunzip_partial(raw, limit, path)
        return out, note
    if kind in ("bz2", "xz", "zstd"):
        dec: Any = {"bz2": bz2.BZ2Decompressor, "xz": lzma.LZMADecompressor, "zstd": zstd.ZstdDecompressor}[kind]()
        try:
            out_b = dec.decompress(raw, limit + 1)
        except (OSError, EOFError, ValueError, lzma.LZMAError, zstd.ZstdError) as exc:
            raise UnreadableFileError(path, f"cannot decompress: {exc}") from None
        if len(out_b) > limit:
            raise _too_big(path, limit)
        if not dec.eof:
            raise UnreadableFileError(path, f"cannot decompress: {kind} stream truncated")
        return out_b, None
    if len(raw) > limit:
        raise _too_big(path, limit)
    return raw, None


def _gunzip_partial(raw: bytes, limit: int, path: str) -> tuple[bytes, str | None]:
    """Gunzip member by member in 64 KiB steps, so a corrupt or truncated stream still yields its good prefix.

    Why ISA-L (``isal``) when installed: it inflates the same bytes to the same output 2.5x faster than zlib
    (measured on readsb traces: 0.039 against 0.099 s per million points, zlib-ng 0.054), and gzip is
    the first cost of every trace point; zlib is the fallback, with identical results.
    """
    out: list[bytes] = []
    total = 0
    data = raw
    step = 1 << 16
    while data:
        dec = _inflater()
        i = 0
        try:
            while i < len(data) and not dec.eof:
                chunk = data[i : i + step]
                piece = dec.decompress(chunk, limit + 1 - total)
                i += len(chunk) - len(dec.unconsumed_tail)
                total += len(piece)
                out.append(piece)
                if total > limit:
                    raise _too_big(path, limit)
        except _INFLATE_ERRORS as exc:
            return b"".join(out), f"corrupt gzip data ({exc})"
        if not dec.eof:
            out.append(dec.flush())
            return b"".join(out), "gzip stream truncated"
        data = dec.unused_data + data[i:]
        if not data.startswith(b"\x1f\x8b"):
            break  # trailing padding/garbage after the last member: ignored like gzip(1) does
    return b"".join(out), None


def _inflater() -> Any:
    """A gzip-member decompressor with zlib's ``decompressobj`` interface (ISA-L's when installed)."""
    return _INFLATE.decompressobj(wbits=31)


def _loads(text: str) -> Any:
    return json.loads(text)


def _fast_loads(raw: bytes) -> Any:
    """orjson on the raw bytes; None when it refuses them (the salvage path then decides, as before)."""
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        return None


def _prefix(text: str, lo: int, hi: int, close: str, suffix: str) -> tuple[Any, int] | None:
    """Parse ``text[:e] + suffix`` for the last few element ends ``e`` in ``[lo, hi)``; first success wins."""
    tail: deque[int] = deque(maxlen=4)
    for m in _BOUNDARY[close].finditer(text, lo, hi):
        tail.append(m.start() + 1)
    cands: list[int] = []
    last = text.rfind(close, lo, hi)
    if last >= 0:
        cands.append(last + 1)
    cands.extend(reversed(tail))
    endings = (suffix, suffix[1:]) if len(suffix) > 1 else (suffix,)  # "}" alone: only the brace was cut
    for e in dict.fromkeys(cands):
        for ending in endings:
            try:
                return _loads(text[:e] + ending), e
            except (ValueError, RecursionError):
                continue
    return None


@dataclass
class Salvaged:
    """A parsed top-level JSON object and the byte ranges (of the decompressed text) that had to be dropped."""

    obj: dict[str, Any]
    lost: list[tuple[int, int]]


def loads_salvaging(text: str, key: str, close: str, path: str) -> Salvaged:
    """Parse a JSON object whose *last* member ``key`` is a list of arrays (``close="]"``) or objects (``"}"``).

    Valid JSON parses normally. Otherwise every complete element before the syntax error is kept, parsing
    resumes at the next element boundary, and the skipped ranges are returned. An error inside the header
    (before the list) makes the file unreadable.
    """
    try:
        obj = _loads(text)
    except RecursionError:
        raise UnreadableFileError(path, "JSON nested too deeply") from None
    except ValueError as exc:
        pos = exc.pos if isinstance(exc, json.JSONDecodeError) else 0
    else:
        if not isinstance(obj, dict):
            raise UnreadableFileError(path, f"not a JSON object (top level is {type(obj).__name__})")
        return Salvaged(obj, [])
    m = re.search(rf'"{key}"\s*:\s*\[', text)
    if m is None or m.end() > pos + 1:
        raise UnreadableFileError(path, f"corrupt or truncated JSON at byte {pos} (before the {key!r} list)")
    got = _prefix(text, m.end(), pos, close, "]}")
    if got is None:
        try:
            head = _loads(text[: m.end()] + "]}")
        except (ValueError, RecursionError):
            raise UnreadableFileError(path, f"corrupt JSON at byte {pos}") from None
        end = m.end()
    else:
        head, end = got
    if not isinstance(head, dict) or not isinstance(head.get(key), list):
        raise UnreadableFileError(path, f"corrupt JSON at byte {pos}")
    items: list[Any] = head[key]
    lost: list[tuple[int, int]] = []
    dec = json.JSONDecoder()
    for _ in range(MAX_RESYNC):
        b = _BOUNDARY[close].search(text, max(pos, end))
        if b is None:
            lost.append((end, len(text)))
            break
        seg_start = b.end() - 1  # the element's opening bracket
        lost.append((end, seg_start))
        seg = "[" + text[seg_start:]
        try:
            more, used = dec.raw_decode(seg)
            items.extend(more)
            if not seg[used:].strip(" \t\r\n]}"):
                break
            # the list closed early (a stray bracket in hostile input): keep looking after it
            end = pos = seg_start + used - 2  # at that bracket, so the next boundary search sees it
            continue
        except RecursionError:
            lost.append((seg_start, len(text)))
            break
        except ValueError as exc:
            pos2 = exc.pos if isinstance(exc, json.JSONDecodeError) else 1
        part = _prefix(seg, 1, pos2, close, "]")
        if part is not None and isinstance(part[0], list):
            items.extend(part[0])
            end = seg_start + part[1] - 1
        else:
            end = seg_start
        pos = seg_start + pos2 - 1
    else:
        lost.append((end, len(text)))
    return Salvaged(head, lost)


def load_document(path: str, key: str, close: str, rejects: RejectLog, where: str = "") -> dict[str, Any]:
    """Decompress and salvage-parse one JSON file, logging truncation and lost ranges to ``rejects``."""
    raw, note = decompress_salvaging(path)
    return parse_document(raw, note, path, key, close, rejects, where)


def parse_document(
    raw: bytes, note: str | None, path: str, key: str, close: str, rejects: RejectLog, where: str = ""
) -> dict[str, Any]:
    """Salvage-parse decompressed bytes; ``where`` prefixes reject locations (e.g. a tar member name)."""
    return parse_document_clean(raw, note, path, key, close, rejects, where)[0]


def parse_document_clean(
    raw: bytes, note: str | None, path: str, key: str, close: str, rejects: RejectLog, where: str = ""
) -> tuple[dict[str, Any], bool]:
    """:func:`parse_document` plus whether the document is *clean*: parsed whole by orjson (finite floats,
    integers of at most 64 bits) with no JSON boolean in its bytes, so strict numeric casts are exact on it."""
    if not raw.strip():
        raise UnreadableFileError(path, note or "file is empty")
    if note is None:
        fast = _fast_loads(raw.removeprefix(b"\xef\xbb\xbf"))
        if isinstance(fast, dict):
            return fast, b"true" not in raw and b"false" not in raw
    text = raw.decode("utf-8-sig", errors="replace")  # -sig: Windows tools prepend a BOM
    doc = loads_salvaging(text, key, close, path)
    prefix = f"{where}: " if where else ""
    for a, z in doc.lost:
        kind = "truncated" if z >= len(text) else "corrupt"
        if text[a:z].strip(" \t\r\n,[]{}"):
            rejects.add(path, f"{prefix}bytes {a}-{z}", f"JSON {kind}: {key} entries lost")
        else:
            rejects.add(path, f"{prefix}byte {a}", f"JSON {kind} (no entry lost)")
    if note:
        rejects.add(path, f"{prefix}byte {len(raw)}", f"{note}: rest of the file lost")
    return doc.obj, False
