"""Every real recording in ``shared/data/real`` through the whole pipeline, as a user would run it.

The per-format modules (``test_real_adsb``, ``test_real_ais``, ``test_real_flights``) check each recording's
values against what it shows. This one holds the floor for all of them at once, including files added to the
shared folder later: the format is recognised, ingest finishes without an error, every input unit is kept,
rejected with a reason or counted as ignored (nothing vanishes), a second ingest adds nothing, and
``build`` (flights and voyages) runs on what was kept. Skips, saying why, when the shared folder is absent.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import liftwatch
from liftwatch.store import IngestReport

ROOT = Path(__file__).resolve().parents[2]
SHARED = next(
    (
        p
        for p in (ROOT / ".." / "shared" / "data" / "real", ROOT / ".." / ".." / "shared" / "data" / "real")
        if p.is_dir()
    ),
    ROOT / ".." / "shared" / "data" / "real",
)
RECORDINGS = sorted(p for p in SHARED.rglob("*") if p.is_file() and p.suffix != ".md") if SHARED.is_dir() else []

# Recordings without any receive time: ingest fails naming --assume-time, and with it keeps what it can.
UNTIMED = {
    "nmea_data_sample.txt": "an AISHub dump without any receive time",
    "mixed_types.nmea": "untimed AIS sentences",
    "multi-part.nmea": "untimed multi-part AIS sentences",
}
ASSUMED = datetime(2021, 7, 1, 12, 0, tzinfo=UTC)

# Recordings in which nothing can be kept, for a reason the recording itself has (not a reader's failure).
NOTHING_TO_KEEP = {
    "multi-part.nmea": "static and binary messages only, no position",
    "spire-test.nmea": "two static reports, no position",
    "sample_data_commb_df20.csv": "Comm-B replies carry no position",
    "sample_data_commb_df21.csv": "Comm-B replies carry no position",
    "opensky_8efd4e7164d355dc0568214d15811db1.parquet": "roll-call replies carry no position",
}


def _id(p: Path) -> str:
    return str(p.relative_to(SHARED)) if SHARED in p.parents else p.name


@pytest.mark.skipif(not RECORDINGS, reason=f"shared real recordings not found at {SHARED}")
@pytest.mark.parametrize("path", RECORDINGS, ids=_id)
def test_recording_goes_through_the_pipeline(path: Path, tmp_path: Path) -> None:
    with liftwatch.open(tmp_path / "x.duckdb") as lw:
        if path.name in UNTIMED:
            (failure,) = lw.ingest(path).failures
            assert "nothing was kept" in failure.message and "--assume-time" in failure.message
        assumed = ASSUMED if path.name in UNTIMED else None
        run = lw.ingest(path, assume_time=assumed)
        assert not run.failures, [f.message for f in run.failures]
        (rep,) = run.reports
        assert isinstance(rep, IngestReport) and rep.error is None
        assert rep.format, "format not recognised"
        assert rep.rows_in > 0, "the reader accounted for nothing"
        # every unit is a point, a reject with a reason, or an ignored non-position message
        assert rep.rows_read + rep.rejects.total == rep.rows_in
        assert all(reason for reason in rep.rejects.counts)
        if path.name in NOTHING_TO_KEEP:
            assert rep.rows_added == 0, NOTHING_TO_KEEP[path.name]
        else:
            assert rep.rows_added > 0, f"{path.name}: nothing kept ({dict(rep.rejects.counts.most_common(3))})"
        again = lw.ingest(path, force=True, assume_time=assumed)
        assert not again.failures and again.reports[0].rows_added == 0  # re-ingest adds no duplicates
        if rep.rows_added:
            summary = lw.build()
            assert summary.flights + summary.voyages >= 0
            built = lw.flights().to_polars()
            assert built.height == summary.flights + summary.voyages
            if built.height:
                assert (
                    built["ending"]
                    .is_in(["landed", "landed_unknown_site", "dark", "out_of_coverage", "data_end"])
                    .all()
                )
