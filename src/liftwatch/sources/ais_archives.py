"""Daily AIS archives: the Danish Maritime Authority (``aisdk-<date>.zip``) and NOAA MarineCadastre
(``AIS_<yyyy>_<mm>_<dd>.zip``). Both zips hold CSVs the AIS CSV reader already understands.

The DMA archive left ``web.ais.dk/aisdata/`` (its certificate expired in June 2025; the service now answers
nothing) for the S3 bucket ``aisdata.ais.dk``, served as ``http://aisdata.ais.dk/`` (plain HTTP: the bucket's
name has dots, so ``https://aisdata.ais.dk`` fails the certificate check; the path-style
``https://s3.eu-central-1.amazonaws.com/aisdata.ais.dk`` is the HTTPS way, pass it as ``base_url``). Its layout by
era: ``aisdk-<yyyy-mm-dd>.zip`` at the root for 2025 on, ``<yyyy>/aisdk-<yyyy-mm-dd>.zip`` for 2024-03-01 to
2024-12-31, and one ``<yyyy>/aisdk-<yyyy-mm>.zip`` a month (tens of GB, one CSV per day inside, named
``aisdk_<yyyymmdd>.csv`` or ``aisdk-<yyyy-mm-dd>.csv``) from 2006-03 to 2024-02. Dailies are moved into their
year's directory as they age, so a day is asked for where its era puts it first and at the other place on a 404.
A day of a monthly era is read out of the month's zip by HTTP range requests (:mod:`~liftwatch.sources.remote_file`:
the zip's directory, then only that day's CSV); a server that ignores ranges, or ``keep``, downloads the month
once instead (resumable, kept in the cache while the run still needs other days of that month). NOAA: ``<yyyy>/AIS_<yyyy>_<mm>_<dd>.zip`` for 2018-2024;
2025 on is published as ``ais-<yyyy-mm-dd>.csv.zst`` with other column names, which this source does not fetch yet
(a downloaded file is zstd, which every reader decompresses, and the AIS CSV reader matches columns by name;
not checked on a real 2025 file).

A day's zip is downloaded into the cache (resumable by range; a zip's directory sits at its end, so it cannot
be read before it is complete), then its CSV is decompressed on the fly in line-aligned pieces of about
``PIECE_BYTES``: each piece (header + whole lines) goes through a temporary file to the AIS CSV reader (which
reads files), is filtered (MMSI flag for ``--country``, the area, a watch list) and ingested, so the
multi-gigabyte CSV is never extracted and the day's rows never sit in memory at once. The zip is removed
afterwards unless ``keep``.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.io.base import RejectLog
from liftwatch.sources import cache
from liftwatch.sources.base import (
    FetchReport,
    Ingester,
    ItemReport,
    NoProgress,
    Progress,
    SourceInfo,
    Timer,
    download_item,
    ledger_for,
)
from liftwatch.sources.http import FetchError, Http, NotFound
from liftwatch.sources.remote_file import RangesUnsupported, RemoteFile
from liftwatch.sources.selection import Selection
from liftwatch.store import Store

PIECE_BYTES = 64 << 20
RANGE_BLOCK = 8 << 20  # bytes per range request when reading a day out of a month's zip

INFOS = {
    "dma": SourceInfo(
        name="dma",
        title="Danish Maritime Authority AIS (daily CSV zips, Danish waters)",
        licence="Conditions for the use of Danish public data (DMA)",
        attribution=(
            "Contains data from the Danish Maritime Authority that is used in accordance with the conditions "
            "for the use of Danish public data."
        ),
        terms_url="https://dma.dk/safety-at-sea/navigational-information/download-data/conditions-for-the-use-of-data",
        base_url="http://aisdata.ais.dk",
    ),
    "noaa": SourceInfo(
        name="noaa",
        title="NOAA / BOEM MarineCadastre AIS (daily CSV zips, US waters, 2018-2024)",
        licence="Public domain (US Government work)",
        attribution="Contains AIS data from MarineCadastre.gov (BOEM and NOAA Office for Coastal Management).",
        terms_url="https://hub.marinecadastre.gov/pages/vesseltraffic",
        base_url="https://coast.noaa.gov/htdata/CMSP/AISDataHandler",
    ),
}
DMA_ROOT_DAILY_FROM = date(2025, 1, 1)  # dailies at the bucket's root
DMA_DAILY_FROM = date(2024, 3, 1)  # dailies in the year's directory; before: one zip a month


def archive_urls(source: str, day: date, base_url: str | None = None) -> list[str]:
    """The URLs a day's archive is asked for, in order (the next one only after a 404)."""
    b = (base_url or INFOS[source].base_url).rstrip("/")
    if source == "noaa":
        return [f"{b}/{day:%Y}/AIS_{day:%Y_%m_%d}.zip"]
    root, in_year = f"{b}/aisdk-{day:%Y-%m-%d}.zip", f"{b}/{day:%Y}/aisdk-{day:%Y-%m-%d}.zip"
    if day >= DMA_ROOT_DAILY_FROM:
        return [root, in_year]
    if day >= DMA_DAILY_FROM:
        return [in_year, root]
    return [f"{b}/{day:%Y}/aisdk-{day:%Y-%m}.zip", root]  # root: mirrors of the old web.ais.dk layout


def item_name(source: str, day: date) -> str:
    return f"aisdk-{day:%Y-%m-%d}.zip" if source == "dma" else f"AIS_{day:%Y_%m_%d}.zip"


def _is_monthly(url: str) -> bool:
    return re.search(r"aisdk-\d{4}-\d{2}\.zip$", url) is not None


def _day_member(day: date) -> Callable[[str], bool]:
    """Does a monthly zip's member hold ``day``? (``aisdk_20060302.csv`` or ``aisdk-2021-12-13.csv``)"""
    keys = (f"{day:%Y%m%d}", f"{day:%Y-%m-%d}")
    return lambda name: any(k in os.path.basename(name) for k in keys)


def check_day(day: date, source: str) -> None:
    if source == "noaa" and not 2018 <= day.year <= 2024:
        raise LiftwatchError(
            f"{day}: MarineCadastre daily zips cover 2018-2024 (2025 on is published as .csv.zst, not supported yet)"
        )
    if source == "dma" and day.year < 2006:
        raise LiftwatchError(f"{day}: the DMA archive starts in 2006")


def fetch(
    store: Store,
    days: list[date],
    selection: Selection,
    *,
    source: str,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    http: Http | None = None,
    progress: Progress | None = None,
    keep: bool = False,
) -> FetchReport:
    info = INFOS[source]
    base = (base_url or info.base_url).rstrip("/")
    prog = progress or NoProgress()
    own = http is None
    client = http or Http(on_event=prog.message)
    root = cache.cache_dir(cache_dir) / source
    ledger = ledger_for(store, info)
    sig = selection.signature()
    report = FetchReport(source)
    try:
        last_of_month = {(d.year, d.month): d for d in sorted(days)}
        for day in days:
            name = item_name(source, day)
            if ledger.done(name, sig):
                report.items.append(ItemReport(source, name, "skipped", note="done before"))
                continue
            item = ItemReport(source, name)
            timer = Timer()
            url, path = "", root
            source_zip: Path | RemoteFile | None = None
            for url in archive_urls(source, day, base):
                path = root / url.rsplit("/", 1)[-1]
                item.status, item.note = "done", ""
                if _is_monthly(url) and not keep and not path.exists():
                    try:  # a month's zip: read only the day's CSV, by range requests
                        prog.item(item.item, None)
                        source_zip = RemoteFile(client, url, block=RANGE_BLOCK, on_bytes=prog.bytes)
                        break
                    except NotFound:
                        item.status, item.note = "missing", "not published (404)"
                        continue
                    except RangesUnsupported:
                        prog.message(f"{url}: no range requests; downloading the whole month")
                    except FetchError as exc:
                        item.status, item.note = "error", str(exc)
                        break
                if download_item(client, url, path, item, prog):
                    source_zip = path
                    break
                if item.status != "missing":
                    break
            if item.status != "done" or source_zip is None:
                report.items.append(item)
                continue
            monthly = _is_monthly(url)
            try:
                zip_in = io.BufferedReader(source_zip, 1 << 20) if isinstance(source_zip, RemoteFile) else source_zip
                _ingest_zip(store, zip_in, source, selection, item, prog, _day_member(day) if monthly else None)
            except (zipfile.BadZipFile, FetchError) as exc:
                if isinstance(source_zip, Path):
                    path.unlink(missing_ok=True)  # a damaged download: fetch it afresh next time
                item.status, item.note = "error", f"damaged zip or broken download ({exc})"
                report.items.append(item)
                continue
            if isinstance(source_zip, RemoteFile):
                item.bytes = source_zip.fetched
            if monthly:
                item.note = f"read from {path.name}" + (
                    f" by range requests ({source_zip.fetched:,} of {source_zip.size:,} bytes)"
                    if isinstance(source_zip, RemoteFile)
                    else ""
                )
                if item.members_seen == 0:
                    item.status, item.note = "missing", f"{path.name} holds no CSV for {day}"
            if item.status == "done":
                ledger.record(name, sig, url=url, status="done", bytes_=item.bytes, rows_added=item.rows_added)
            if (
                isinstance(source_zip, Path)
                and not keep
                and (not monthly or last_of_month[(day.year, day.month)] == day)
            ):
                path.unlink(missing_ok=True)  # a downloaded month stays while later days of the month need it
            item.seconds = timer.seconds
            report.items.append(item)
    finally:
        if own:
            client.close()
    return report


def csv_pieces(
    zip_path: Path | IO[bytes], piece_bytes: int = PIECE_BYTES, want: Callable[[str], bool] | None = None
) -> Iterator[tuple[str, bytes, bytes]]:
    """(member name, header line, line-aligned body piece) for every CSV member (those ``want`` accepts),
    decompressed on the fly."""
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".csv"):
                continue
            if want is not None and not want(info.filename):
                continue
            with zf.open(info) as fh:
                header = fh.readline()
                pending = b""
                while True:
                    block = fh.read(piece_bytes)
                    if not block:
                        if pending.strip():
                            yield info.filename, header, pending
                        break
                    buf = pending + block
                    cut = buf.rfind(b"\n")
                    if cut < 0:
                        pending = buf
                        continue
                    yield info.filename, header, buf[: cut + 1]
                    pending = buf[cut + 1 :]


def _ingest_zip(
    store: Store,
    path: Path | IO[bytes],
    source: str,
    selection: Selection,
    item: ItemReport,
    prog: Progress,
    want: Callable[[str], bool] | None = None,
) -> None:
    ingester = Ingester(store, source)
    rejects = RejectLog()
    with tempfile.TemporaryDirectory(prefix="liftwatch-ais-") as tmp:
        piece_path = os.path.join(tmp, "piece.csv")
        for _member, header, body in csv_pieces(path, PIECE_BYTES, want):
            item.members_seen += 1
            with open(piece_path, "wb") as fh:
                fh.write(header)
                fh.write(body)
            kept_rows = 0
            for table in lio.read(piece_path, format="ais_csv", rejects=rejects):
                kept = selection.filter_table(table)
                kept_rows += kept.num_rows
                if ingester.add(kept):
                    item.rows_added += ingester.flush()
            item.points += kept_rows
            item.members_kept += int(kept_rows > 0)
            prog.member(kept_rows > 0, kept_rows)
    item.rows_added += ingester.flush()
    if rejects.total:
        item.note = f"{rejects.total} rows rejected or ignored by the reader (base stations, bad rows)"
