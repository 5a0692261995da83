"""The raw reader: sniffing, four input forms giving the same decoded points, rejects and store ingest."""

from __future__ import annotations

import gzip
from datetime import datetime
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pytest

from liftwatch import io as lio
from liftwatch.io.base import RejectLog
from liftwatch.io.raw_modes import read_messages
from liftwatch.modes import accounting
from liftwatch.modes.decode import decode_hex
from liftwatch.modes.framing import encode_beast
from liftwatch.modes.synth import Stream, stream
from liftwatch.store import Store
from tests.frames import typed


@pytest.fixture(scope="module")
def s() -> Stream:
    return stream(8, 40, seed=11)


def _write(tmp: Path, s: Stream, kind: str) -> Path:
    hexes = s.hex()
    counter = np.round((s.ts - s.ts[0]) * 12e6).astype(np.int64) + 123456
    if kind == "csv":
        p = tmp / "msgs.csv"
        p.write_text("".join(f"{t:.6f},{h}\n" for t, h in zip(s.ts.tolist(), hexes, strict=True)))
    elif kind == "csv.gz":
        p = tmp / "msgs.csv.gz"
        p.write_bytes(
            gzip.compress("".join(f"{t:.6f},{h}\n" for t, h in zip(s.ts.tolist(), hexes, strict=True)).encode())
        )
    elif kind == "avr":
        p = tmp / "msgs.avr"
        p.write_text("".join(f"*{h};\n" for h in hexes))
    elif kind == "mlat":
        p = tmp / "msgs.avr"
        p.write_text("".join(f"@{c:012X}{h};\n" for c, h in zip(counter.tolist(), hexes, strict=True)))
    else:
        p = tmp / "msgs.bin"
        p.write_bytes(encode_beast(s.msgs, np.full(len(hexes), 14), counter))
    return p


def _max_dt_us(a: pl.Series, b: pl.Series) -> int:
    return typed((a.dt.epoch("us") - b.dt.epoch("us")).abs().max() or 0, int)


def _frame(tables: list[pa.Table]) -> pl.DataFrame:
    out = pl.from_arrow(pa.concat_tables(tables))
    assert isinstance(out, pl.DataFrame)
    return out


@pytest.mark.parametrize(
    ("kind", "fmt"), [("csv", "modes_hex"), ("csv.gz", "modes_hex"), ("mlat", "modes_avr"), ("beast", "modes_beast")]
)
def test_formats_decode_like_one_shot(tmp_path: Path, s: Stream, kind: str, fmt: str) -> None:
    p = _write(tmp_path, s, kind)
    assert lio.detect_format(p) == fmt
    got = _frame(list(lio.read(p)))
    ref = pl.from_arrow(decode_hex(s.hex(), s.ts).points)
    assert isinstance(ref, pl.DataFrame)
    assert got.height == ref.height
    a = got.filter(pl.col("lat").is_not_null()).sort("asset_id", "ts")
    b = ref.filter(pl.col("lat").is_not_null()).sort("asset_id", "ts")
    assert np.allclose(a["lat"].to_numpy(), b["lat"].to_numpy(), atol=1e-8)
    assert (a["callsign"] == b["callsign"]).all()
    if kind.startswith("csv"):
        assert _max_dt_us(a["ts"], b["ts"]) <= 1


def test_mlat_and_beast_small_chunks_match(tmp_path: Path, s: Stream) -> None:
    for kind in ("mlat", "beast"):
        p = _write(tmp_path, s, kind)
        fmt = lio.detect_format(p)
        log_whole, log_small = RejectLog(), RejectLog()
        whole = _frame(list(read_messages(str(p), fmt, log_whole, base_time=s.ts[0])))
        small = _frame(list(read_messages(str(p), fmt, log_small, base_time=s.ts[0], chunk_bytes=997)))
        # every message accounted for, the same way, whatever the chunking (late-confirmed fixes settle pending ones)
        assert whole.height + log_whole.total == small.height + log_small.total == len(s.hex())
        assert log_whole.counts == log_small.counts
        # first fixes confirmed in a later chunk are emitted late: same positions as one-shot decoding
        assert small.height == whole.height
        key = ["asset_id", "ts", "lat", "lon"]
        assert small.join(whole, on=key, how="anti", nulls_equal=True).height == 0
        # the 12 MHz counter keeps the spacing: times equal the originals to a microsecond
        ref = pl.from_arrow(decode_hex(s.hex(), s.ts).points)
        assert isinstance(ref, pl.DataFrame)
        assert _max_dt_us(whole.sort("asset_id", "ts")["ts"], ref.sort("asset_id", "ts")["ts"]) <= 2


def test_plain_avr_without_times(tmp_path: Path, s: Stream) -> None:
    p = _write(tmp_path, s, "avr")
    got = _frame(list(lio.read(p)))
    assert got.filter(pl.col("callsign").is_not_null()).height > 0  # identity and velocity still decode


def test_garbage_lines_are_rejected_with_line_numbers(tmp_path: Path, s: Stream) -> None:
    hexes = s.hex()[:200]
    lines = [f"{t:.6f},{h}" for t, h in zip(s.ts[:200].tolist(), hexes, strict=True)]
    lines[5] = "1735689600.5,NOTHEX"
    lines[7] = f"{s.ts[7]:.6f},{hexes[7][:-1]}0"  # bad CRC
    lines.insert(9, "")
    p = tmp_path / "bad.csv"
    p.write_text("\n".join(lines) + "\n")
    log = RejectLog()
    got = _frame(list(lio.read(p, format="modes_hex", rejects=log)))
    assert got.height > 100
    assert log.counts["not a Mode S message"] == 1 and any(r.location == "line 6" for r in log.samples)
    assert log.counts[accounting.CRC_FAILED] >= 1
    assert any(r.location == "line 8" and r.reason == accounting.CRC_FAILED for r in log.samples)
    assert got.height + log.total == 200  # every line accounted for


def test_store_ingest(tmp_path: Path, s: Stream) -> None:
    p = _write(tmp_path, s, "beast")
    with Store(tmp_path / "t.duckdb") as st:
        rep = st.ingest(p)
        assert rep.format == "modes_beast" and rep.rows_added > 0
        assert st.points()["source"].unique().to_list() == ["modes"]


def test_csv_with_header(tmp_path: Path, s: Stream) -> None:
    p = tmp_path / "h.csv"
    p.write_text(
        "timestamp,message\n"
        + "".join(f"{t:.6f},{h}\n" for t, h in zip(s.ts[:300].tolist(), s.hex()[:300], strict=True))
    )
    assert lio.detect_format(p) == "modes_hex"
    log = RejectLog()
    got = _frame(list(lio.read(p, rejects=log)))
    assert got.height > 200 and got.height + log.total == 300  # every message accounted for
    assert log.total - log.ignored == log.counts[accounting.UNRESOLVED]  # no problem but unpaired positions


def test_counter_only_times_are_flagged_and_anchored_as_asked(tmp_path: Path, s: Stream) -> None:
    """A Beast file's absolute time is an assumption: flagged, noted, and movable with ``assume_time``."""
    import os
    from datetime import UTC

    from liftwatch.schema import PointFlag

    beast = _write(tmp_path, s, "beast")
    end = s.ts[-1] + 3600.0  # pretend the file was copied an hour after the recording ended
    os.utime(beast, (end, end))
    log = RejectLog()
    got = _frame(list(lio.read(beast, rejects=log)))
    assert got.height > 0
    assert (got["flags"] & int(PointFlag.ASSUMED_TIME) != 0).all()
    assert sum(n for what, n in log.notes.items() if "file modification time" in what) == got.height
    # the default anchor puts the last message at the mtime: an hour late, which is why it is flagged
    ref = pl.from_arrow(decode_hex(s.hex(), s.ts).points)
    assert isinstance(ref, pl.DataFrame)
    shift = (typed(got["ts"].max(), datetime) - typed(ref["ts"].max(), datetime)).total_seconds()
    assert abs(shift - 3600.0) < 1.0
    # the analyst knows when the recording started: the first message gets that time, spacing kept
    start = datetime.fromtimestamp(s.ts[0], tz=UTC)
    log2 = RejectLog()
    moved = _frame(list(lio.read(beast, rejects=log2, assume_time=start)))
    assert _max_dt_us(moved.sort("asset_id", "ts")["ts"], ref.sort("asset_id", "ts")["ts"]) <= 2
    assert any("given start time" in what for what in log2.notes)
    # a recording with its own absolute times is not flagged and the option changes nothing
    timed = _frame(list(lio.read(_write(tmp_path, s, "csv"), assume_time=start.replace(year=2020))))
    assert (timed["flags"] & int(PointFlag.ASSUMED_TIME) == 0).all()
