"""Daily AIS archives: the Danish Maritime Authority (``aisdk-<date>.zip``) and NOAA MarineCadastre
(``AIS_<yyyy>_<mm>_<dd>.zip``). Both zips hold one CSV the AIS CSV reader already understands.

A day's zip is downloaded into the cache (resumable by range; a zip's directory sits at its end, so it cannot
be read before it is complete), then its CSV is decompressed on the fly in line-aligned pieces of about
``PIECE_BYTES``: each piece (header + whole lines) goes through a temporary file to the AIS CSV reader (which
reads files), is filtered (MMSI flag for ``--country``, the area, a watch list) and ingested, so the
multi-gigabyte CSV is never extracted and the day's rows never sit in memory at once. The zip is removed
afterwards unless ``keep``.
"""

from __future__ import annotations

import os
import tempfile
import zipfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

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
from liftwatch.sources.http import Http
from liftwatch.sources.selection import Selection
from liftwatch.store import Store

PIECE_BYTES = 64 << 20

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
        base_url="https://web.ais.dk/aisdata",
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
URLS = {
    "dma": "{base}/aisdk-{d:%Y-%m-%d}.zip",
    "noaa": "{base}/{d:%Y}/AIS_{d:%Y_%m_%d}.zip",
}


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
        for day in days:
            url = URLS[source].format(base=base, d=day)
            name = url.rsplit("/", 1)[-1]
            if ledger.done(name, sig):
                report.items.append(ItemReport(source, name, "skipped", note="done before"))
                continue
            item = ItemReport(source, name)
            timer = Timer()
            path = root / name
            if not download_item(client, url, path, item, prog):
                report.items.append(item)
                continue
            try:
                _ingest_zip(store, path, source, selection, item, prog)
            except zipfile.BadZipFile as exc:
                path.unlink(missing_ok=True)  # a damaged download: fetch it afresh next time
                item.status, item.note = "error", f"damaged zip ({exc}); removed from the cache"
                report.items.append(item)
                continue
            ledger.record(name, sig, url=url, status="done", bytes_=item.bytes, rows_added=item.rows_added)
            if not keep:
                path.unlink(missing_ok=True)
            item.seconds = timer.seconds
            report.items.append(item)
    finally:
        if own:
            client.close()
    return report


def csv_pieces(zip_path: Path, piece_bytes: int = PIECE_BYTES) -> Iterator[tuple[str, bytes, bytes]]:
    """(member name, header line, line-aligned body piece) for every CSV member, decompressed on the fly."""
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if info.is_dir() or not info.filename.lower().endswith(".csv"):
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


def _ingest_zip(store: Store, path: Path, source: str, selection: Selection, item: ItemReport, prog: Progress) -> None:
    ingester = Ingester(store, source)
    rejects = RejectLog()
    with tempfile.TemporaryDirectory(prefix="liftwatch-ais-") as tmp:
        piece_path = os.path.join(tmp, "piece.csv")
        for _member, header, body in csv_pieces(path):
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
