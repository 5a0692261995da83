"""ADS-B Exchange samples, OpenSky state-vector dumps, DMA/NOAA AIS zips and OpenSky Trino, each against a
loopback server (or a stand-in Trino) in the source's real layout."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from liftwatch import sources
from liftwatch.errors import LiftwatchError
from liftwatch.sources.http import Http, RetryPolicy
from liftwatch.sources.selection import Selection
from liftwatch.store import Store
from tests.io.opensky_data import HISTORY_DUMP_HEADER, history_line, track
from tests.sources.layouts import trace_doc, trace_member
from tests.sources.server import serve


def _http() -> Http:
    return Http(policy=RetryPolicy(attempts=3, initial_s=0.01, max_s=0.02, retry_after_cap_s=0.02))


# --- ADS-B Exchange ---------------------------------------------------------------------------------------------
def _snapshot(now: float, acs: list[dict[str, Any]]) -> bytes:
    return gzip.compress(json.dumps({"now": now, "messages": 1, "aircraft": acs}).encode())


def test_adsbx_snapshots_every_and_military(store: Store, tmp_path: Path) -> None:
    day = date(2024, 12, 1)
    t0 = datetime(2024, 12, 1, 6, tzinfo=UTC).timestamp()
    with serve() as site:
        for k, hhmmss in enumerate(("060000", "060100", "060200")):
            acs = [
                {
                    "hex": "1546a2",
                    "lat": 35.4 - 0.1 * k,
                    "lon": 35.9,
                    "alt_baro": 20000,
                    "seen_pos": 1,
                    "dbFlags": 1,
                    "t": "IL76",
                    "flight": "RFF7012",
                },
                {"hex": "4b1901", "lat": 47.4, "lon": 8.5 + 0.1 * k, "alt_baro": 30000, "seen_pos": 1, "t": "A320"},
            ]
            site.files[f"/readsb-hist/2024/12/01/{hhmmss}Z.json.gz"] = _snapshot(t0 + 60 * k, acs)
        site.faults["/readsb-hist/2024/12/01/060100Z.json.gz"] = [("status", 503, {"Retry-After": "0"})]
        rep = sources.fetch(
            "adsbx",
            store,
            start=day,
            selection=Selection.build(military=True),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            hours="6",
            every_s=60,
        )
        n = len(site.requests)
        rep2 = sources.fetch(
            "adsbx",
            store,
            start=day,
            selection=Selection.build(military=True),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            hours="6",
            every_s=60,
        )
        new_paths = {p for p, _ in site.requests[n:]}
    item = rep.items[0]
    assert item.members_seen == 3 and item.note == "some snapshots missing (404)"  # 57 of 60 minutes are absent
    pts = store.points()
    assert set(pts["asset_id"]) == {"1546a2"} and pts.height == 3 and set(pts["source"]) == {"adsbx"}
    assert "/readsb-hist/2024/12/01/060000Z.json.gz" not in new_paths  # done before: not asked again
    assert rep2.items[0].rows_added == 0
    assert not list((tmp_path / "adsbx").rglob("*.json.gz"))  # removed after ingest (no --keep)


def test_adsbx_traces_by_country_listing(store: Store, tmp_path: Path) -> None:
    day = date(2024, 12, 1)
    with serve() as site:
        for h in ("1546a2", "4b1901"):
            site.files[f"/traces/2024/12/01/{h[-2:]}/trace_full_{h}.json"] = trace_member(trace_doc(h, day))
        site.files["/traces/2024/12/01/a2/"] = b'<a href="trace_full_1546a2.json">trace_full_1546a2.json</a>'
        site.files["/traces/2024/12/01/01/"] = b'<a href="trace_full_4b1901.json">x</a>'
        rep = sources.fetch(
            "adsbx",
            store,
            start=day,
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            kind="traces",
        )
    assert rep.items[0].members_kept == 1
    assert set(store.points()["asset_id"]) == {"1546a2"}


def test_adsbx_traces_from_the_day_index(store: Store, tmp_path: Path) -> None:
    """``traces/<day>/index.json`` names the day's addresses: no directory listing is needed."""
    day = date(2024, 12, 1)
    with serve() as site:
        for h in ("1546a2", "4b1901"):
            site.files[f"/traces/2024/12/01/{h[-2:]}/trace_full_{h}.json"] = trace_member(trace_doc(h, day))
        site.files["/traces/2024/12/01/index.json"] = json.dumps({"traces": ["1546A2", "4b1901", "~2b0c"]}).encode()
        rep = sources.fetch(
            "adsbx",
            store,
            start=day,
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            kind="traces",
        )
        asked = [p for p, _ in site.requests]
    assert rep.items[0].members_kept == 1 and set(store.points()["asset_id"]) == {"1546a2"}
    assert asked == ["/traces/2024/12/01/index.json", "/traces/2024/12/01/a2/trace_full_1546a2.json"]


def test_adsbx_templates_pinned() -> None:
    from liftwatch.sources.adsbx import INDEX, SNAPSHOT, TRACE, snapshot_times

    b = "https://samples.adsbexchange.com"
    d = date(2024, 12, 1)
    assert SNAPSHOT.format(base=b, d=d, hhmmss="060005") == f"{b}/readsb-hist/2024/12/01/060005Z.json.gz"
    assert TRACE.format(base=b, d=d, xx="a2", hex="1546a2") == f"{b}/traces/2024/12/01/a2/trace_full_1546a2.json"
    assert INDEX.format(base=b, d=d) == f"{b}/traces/2024/12/01/index.json"
    assert snapshot_times([6], 5, d)[:3] == ["060000", "060005", "060010"]
    assert snapshot_times([6], 5, date(2019, 3, 1))[:2] == ["060000", "060100"]  # every 60 s before May 2020


def test_adsbx_refuses_days_without_samples(store: Store) -> None:
    with pytest.raises(LiftwatchError, match="first day of each month"):
        sources.fetch("adsbx", store, start="2024-12-10", selection=Selection())


# --- OpenSky state-vector dumps ------------------------------------------------------------------------------------
def _states_tar(lines: list[str], name: str) -> bytes:
    csv = gzip.compress((HISTORY_DUMP_HEADER + "\n" + "\n".join(lines) + "\n").encode())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:
        for member, data in ((f"{name}.csv.gz", csv), ("LICENSE.txt", b"OpenSky terms"), ("README.txt", b"readme")):
            ti = tarfile.TarInfo(member)
            ti.size = len(data)
            tf.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def test_opensky_states_dump_resumes_and_filters(store: Store, tmp_path: Path) -> None:
    t0 = int(datetime(2022, 6, 27, 0, tzinfo=UTC).timestamp())
    lines = [history_line(v) for v in track(30, "1546a2", t0)] + [history_line(v) for v in track(30, "4b1901", t0)]
    tar = _states_tar(lines, "states_2022-06-27-00")
    with serve() as site:
        site.files["/.2022-06-27/00/states_2022-06-27-00.csv.tar"] = tar  # the bucket's dotted date directory
        site.faults["/.2022-06-27/00/states_2022-06-27-00.csv.tar"] = [("cut", len(tar) // 2)]
        rep = sources.fetch(
            "opensky",
            store,
            start="2022-06-27",
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            hours="0-1",
        )
        ranges = [r for _, r in site.requests if r]
    assert [i.status for i in rep.items] == ["done", "missing"]
    assert ranges == [f"bytes={len(tar) // 2}-"]
    pts = store.points()
    assert set(pts["asset_id"]) == {"1546a2"} and pts.height == 30 and set(pts["source"]) == {"opensky"}
    assert not list(tmp_path.rglob("*.tar"))


def test_opensky_hour_tar_without_its_csv_fails_that_hour_only(store: Store, tmp_path: Path) -> None:
    t0 = int(datetime(2022, 6, 27, 1, tzinfo=UTC).timestamp())
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tf:  # an hour whose tar holds only its licence
        ti = tarfile.TarInfo("LICENSE.txt")
        ti.size = 3
        tf.addfile(ti, io.BytesIO(b"abc"))
    hour1 = _states_tar([history_line(v) for v in track(20, "1546a2", t0)], "states_2022-06-27-01")
    runs = []
    for files in ({"00": buf.getvalue(), "01": hour1}, {"00": buf.getvalue()}):  # the next run: hour 00 again
        with serve() as site:
            for hh, data in files.items():
                site.files[f"/.2022-06-27/{hh}/states_2022-06-27-{hh}.csv.tar"] = data
            runs.append(
                sources.fetch(
                    "opensky", store, start="2022-06-27", selection=Selection(), base_url=site.base,
                    cache_dir=tmp_path, http=_http(), hours="0-1",
                )
            )  # fmt: skip
    assert [i.status for i in runs[0].items] == ["error", "done"]
    assert "tar archive with no data file in it" in runs[0].items[0].note
    assert [i.status for i in runs[1].items] == ["error", "skipped"]  # the failed hour asked for again
    assert store.points().height == 20


def test_opensky_hour_urls_pinned_and_undotted_fallback(store: Store, tmp_path: Path) -> None:
    """The S3 layout (``.<date>`` directory) first; a mirror in the older undotted layout still works."""
    from liftwatch.sources.opensky import hour_urls

    assert hour_urls(date(2020, 5, 11), 7) == [
        "https://s3.opensky-network.org/data-samples/states/.2020-05-11/07/states_2020-05-11-07.csv.tar",
        "https://s3.opensky-network.org/data-samples/states/2020-05-11/07/states_2020-05-11-07.csv.tar",
    ]
    t0 = int(datetime(2022, 6, 27, 5, tzinfo=UTC).timestamp())
    tar = _states_tar([history_line(v) for v in track(10, "1546a2", t0)], "states_2022-06-27-05")
    with serve() as site:
        site.files["/2022-06-27/05/states_2022-06-27-05.csv.tar"] = tar
        rep = sources.fetch(
            "opensky",
            store,
            start="2022-06-27",
            selection=Selection(),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            hours="5",
        )
        asked = [p for p, _ in site.requests]
    assert [(i.status, i.rows_added) for i in rep.items] == [("done", 10)]
    assert asked == ["/.2022-06-27/05/states_2022-06-27-05.csv.tar", "/2022-06-27/05/states_2022-06-27-05.csv.tar"]


def test_opensky_refuses_non_mondays(store: Store) -> None:
    with pytest.raises(LiftwatchError, match="Mondays only"):
        sources.fetch("opensky", store, start="2022-06-28", selection=Selection())


# --- AIS archives --------------------------------------------------------------------------------------------------
DMA_HEADER = (
    "# Timestamp,Type of mobile,MMSI,Latitude,Longitude,Navigational status,ROT,SOG,COG,Heading,IMO,Callsign,Name,"
    "Ship type,Cargo type,Width,Length,Type of position fixing device,Draught,Destination,ETA,Data source type,A,B,C,D\n"
)


def _dma_zip(rows: int) -> bytes:
    lines = []
    for i in range(rows):
        mmsi = "273123456" if i % 2 else "219000001"  # RU-flagged and a Danish ship
        lat = 55.0 + i * 1e-4
        lines.append(
            f"10/12/2024 00:{i // 60 % 60:02d}:{i % 60:02d},Class A,{mmsi},{lat:.5f},12.456,Under way using engine,"
            "0.0,12.3,45.6,46,IMO9743033,UBCX3,SPARTA IV,Cargo,,20,122,GPS,6.5,TARTUS,,AIS,100,22,10,10\n"
        )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("aisdk-2024-12-10.csv", DMA_HEADER + "".join(lines))
    return buf.getvalue()


def test_dma_zip_streams_in_pieces_with_flag_filter(store: Store, tmp_path: Path, monkeypatch: Any) -> None:
    from liftwatch.sources import ais_archives

    monkeypatch.setattr(ais_archives, "PIECE_BYTES", 4096)  # many pieces: line-aligned cuts are exercised
    data = _dma_zip(400)
    with serve() as site:
        site.files["/2024/aisdk-2024-12-10.zip"] = data  # 2024-03..12: dailies in the year's directory
        site.faults["/2024/aisdk-2024-12-10.zip"] = [("status", 429, {"Retry-After": "0"}), ("cut", 5000)]
        rep = sources.fetch(
            "dma",
            store,
            start="2024-12-10",
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
        )
        again = sources.fetch(
            "dma",
            store,
            start="2024-12-10",
            selection=Selection.build(countries="RU"),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
        )
    item = rep.items[0]
    assert item.status == "done" and item.members_seen > 5
    pts = store.points()
    assert set(pts["asset_id"]) == {"273123456"} and pts.height == 200 and set(pts["domain"]) == {"sea"}
    assert again.items[0].status == "skipped"
    assert store.attributions()[0]["source"] == "dma"


def test_archive_urls_pinned() -> None:
    """The DMA bucket's layout by era and NOAA's daily zips, as published."""
    from liftwatch.sources.ais_archives import archive_urls

    b = "http://aisdata.ais.dk"
    assert archive_urls("dma", date(2026, 7, 17)) == [f"{b}/aisdk-2026-07-17.zip", f"{b}/2026/aisdk-2026-07-17.zip"]
    assert archive_urls("dma", date(2024, 3, 1)) == [f"{b}/2024/aisdk-2024-03-01.zip", f"{b}/aisdk-2024-03-01.zip"]
    assert archive_urls("dma", date(2021, 12, 13)) == [f"{b}/2021/aisdk-2021-12.zip", f"{b}/aisdk-2021-12-13.zip"]
    assert archive_urls("dma", date(2006, 3, 2))[0] == f"{b}/2006/aisdk-2006-03.zip"
    assert archive_urls("noaa", date(2024, 1, 1)) == [
        "https://coast.noaa.gov/htdata/CMSP/AISDataHandler/2024/AIS_2024_01_01.zip"
    ]


def _dma_month_zip(filler_days: int = 0) -> bytes:
    """A month's zip of the 2006-2024 era: one CSV a day, old (``aisdk_yyyymmdd``) and new names; filler days
    of incompressible rows make the zip large next to the two days asked for."""
    import random

    rnd = random.Random(5)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for d in range(1, filler_days + 1):
            rows = "".join(
                f"{d:02d}/12/2021 {k // 3600:02d}:{k // 60 % 60:02d}:{k % 60:02d},Class A,{rnd.randrange(10**9):09d},"
                f"{rnd.uniform(54, 58):.6f},{rnd.uniform(8, 15):.6f},Moored,,0.0,,,Unknown,,,Undefined,,,,GPS,,,,AIS,,,,\n"
                for k in range(1500)
            )
            zf.writestr(f"aisdk-2021-12/aisdk_202112{d:02d}.csv", DMA_HEADER + rows)
        for d, member in ((12, "aisdk-2021-12/aisdk_20211212.csv"), (13, "aisdk-2021-12/aisdk-2021-12-13.csv")):
            rows = "".join(
                f"{d}/12/2021 10:00:0{k},Class A,273123456,55.1{k},12.4,Under way using engine,0.0,12.3,45.6,46,"
                "IMO9743033,UBCX3,SPARTA IV,Cargo,,20,122,GPS,6.5,TARTUS,,AIS,100,22,10,10\n"
                for k in range(3)
            )
            zf.writestr(member, DMA_HEADER + rows)
    return buf.getvalue()


def test_dma_month_zip_read_by_range_for_its_days(store: Store, tmp_path: Path, monkeypatch: Any) -> None:
    """A day of the monthly era: the zip's directory and that day's CSV are read by range, not the month."""
    from liftwatch.sources import ais_archives

    monkeypatch.setattr(ais_archives, "RANGE_BLOCK", 4096)
    data = _dma_month_zip(filler_days=10)
    with serve() as site:
        site.files["/2021/aisdk-2021-12.zip"] = data
        site.faults["/2021/aisdk-2021-12.zip"] = [("status", 503, {"Retry-After": "0"}), ("cut", 1000)]
        rep = sources.fetch(
            "dma",
            store,
            start="2021-12-12",
            end="2021-12-14",
            selection=Selection(),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
        )
        month = [r for p, r in site.requests if p == "/2021/aisdk-2021-12.zip"]
    assert [(i.item, i.status) for i in rep.items] == [
        ("aisdk-2021-12-12.zip", "done"),
        ("aisdk-2021-12-13.zip", "done"),
        ("aisdk-2021-12-14.zip", "missing"),
    ]
    assert all(r and r.startswith("bytes=") for r in month)  # never the whole month
    assert sum(i.bytes for i in rep.items) < len(data) / 4, (sum(i.bytes for i in rep.items), len(data))
    assert "by range requests" in rep.items[0].note
    assert store.points().height == 6
    assert not list(tmp_path.rglob("*.zip*"))  # nothing of the month written to disk


def test_dma_month_zip_downloaded_once_when_ranges_are_ignored(store: Store, tmp_path: Path) -> None:
    with serve() as site:
        site.ranges = False
        site.files["/2021/aisdk-2021-12.zip"] = _dma_month_zip()
        rep = sources.fetch(
            "dma",
            store,
            start="2021-12-12",
            end="2021-12-13",
            selection=Selection(),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
        )
        asked = [p for p, r in site.requests if r is None]
    assert [i.status for i in rep.items] == ["done", "done"]
    assert asked.count("/2021/aisdk-2021-12.zip") == 1  # one download serves the month's days
    assert store.points().height == 6
    assert not list(tmp_path.rglob("*.zip"))  # removed once the run's last day of the month is read


def test_remote_file_reads_like_a_local_one() -> None:
    from liftwatch.sources.remote_file import RemoteFile

    data = bytes(range(256)) * 100
    with serve() as site:
        site.files["/f.bin"] = data
        site.faults["/f.bin"] = [("cut", 10)]  # the first block's connection drops: asked again
        f = RemoteFile(_http(), site.base + "/f.bin", block=1000, keep=2)
        assert f.size == len(data)
        f.seek(2500)
        assert f.read(1700) == data[2500:4200]
        f.seek(-10, 2)
        assert f.read() == data[-10:]
        f.seek(0)
        assert f.read() == data
        with pytest.raises(sources.http.NotFound):
            RemoteFile(_http(), site.base + "/nope.bin")


def test_noaa_zip_bbox(store: Store, tmp_path: Path) -> None:
    csv = (
        "MMSI,BaseDateTime,LAT,LON,SOG,COG,Heading,VesselName,IMO,CallSign,VesselType,Status,Length,Width,Draft,"
        "Cargo,TransceiverClass\n"
        "367123450,2024-01-01T00:00:03,29.9,-90.1,0.1,360.0,511,A,IMO9811000,H3RC,70,5,400,59,14.5,70,A\n"
        "367123451,2024-01-01T00:00:04,40.6,-74.0,0.1,360.0,511,B,IMO9811001,H3RD,70,5,400,59,14.5,70,A\n"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("AIS_2024_01_01.csv", csv)
    with serve() as site:
        site.files["/2024/AIS_2024_01_01.zip"] = buf.getvalue()
        sources.fetch(
            "noaa",
            store,
            start="2024-01-01",
            selection=Selection.build(bbox="28,-92,31,-88"),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
            keep=True,
        )
    assert list(store.points()["asset_id"]) == ["367123450"]
    assert (tmp_path / "noaa" / "AIS_2024_01_01.zip").exists()  # --keep


# --- OpenSky Trino (a stand-in with pyopensky's interface and answer layout) ----------------------------------------
class FakeTrino:
    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def history(self, start: datetime, stop: datetime, **kw: Any) -> pd.DataFrame:
        self.calls.append({"start": start, "stop": stop, **kw})
        t0 = int(start.timestamp()) + 3600
        rows = [v for v in track(20, "1546a2", t0)] + [v for v in track(20, "4b1901", t0)]
        return pd.DataFrame(
            {
                "time": pd.to_datetime([v.time for v in rows], unit="s", utc=True),
                "icao24": [v.icao24 for v in rows],
                "lat": [v.lat for v in rows],
                "lon": [v.lon for v in rows],
                "velocity": [v.velocity for v in rows],
                "heading": [v.heading for v in rows],
                "vertrate": [v.vertrate for v in rows],
                "callsign": [v.callsign for v in rows],
                "onground": [v.onground for v in rows],
                "alert": False,
                "spi": False,
                "squawk": "1234",
                "baroaltitude": [v.baro for v in rows],
                "geoaltitude": [v.geo for v in rows],
                "lastposupdate": [v.pos_time for v in rows],
                "lastcontact": [float(v.time) for v in rows],
                "serials": None,
                "hour": pd.to_datetime([v.time // 3600 * 3600 for v in rows], unit="s", utc=True),
            }
        )


def test_opensky_trino_queries_by_day_with_bounds(store: Store, tmp_path: Path) -> None:
    fake = FakeTrino()
    sel = Selection.build(countries="RU", region="eastern mediterranean")
    rep = sources.fetch(
        "opensky-trino", store, start="2024-12-10", end="2024-12-11", selection=sel, cache_dir=tmp_path, trino=fake
    )
    assert [c["start"].day for c in fake.calls] == [10, 11]
    west, south, east, north = fake.calls[0]["bounds"]
    assert west < 30 < 35 < east and south < 34 < north
    assert rep.items[0].rows_added == 20 and set(store.points()["asset_id"]) == {"1546a2"}
    again = sources.fetch("opensky-trino", store, start="2024-12-10", selection=sel, cache_dir=tmp_path, trino=fake)
    assert again.items[0].status == "skipped" and len(fake.calls) == 2


def test_opensky_trino_without_pyopensky_says_how_to_install(store: Store, monkeypatch: Any) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pyopensky", None)
    monkeypatch.setitem(sys.modules, "pyopensky.trino", None)
    with pytest.raises(LiftwatchError, match=r"liftwatch\[opensky\]"):
        sources.fetch("opensky-trino", store, start="2024-12-10", selection=Selection.build(countries="RU"))


def test_interrupted_download_continues_from_its_part_file(store: Store, tmp_path: Path) -> None:
    data = _dma_zip(50)
    half = len(data) // 2
    part = tmp_path / "dma" / "aisdk-2024-12-10.zip.part"
    part.parent.mkdir(parents=True)
    part.write_bytes(data[:half])  # what an earlier, interrupted run left
    with serve() as site:
        site.files["/2024/aisdk-2024-12-10.zip"] = data
        rep = sources.fetch(
            "dma",
            store,
            start="2024-12-10",
            selection=Selection(),
            base_url=site.base,
            cache_dir=tmp_path,
            http=_http(),
        )
        assert [r for _, r in site.requests] == [f"bytes={half}-"]
    assert rep.items[0].status == "done" and store.points().height == 50
