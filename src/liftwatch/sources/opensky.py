"""OpenSky Network state-vector sample dumps: ``states/.<date>/<hh>/states_<date>-<hh>.csv.tar``.

OpenSky published one full day of state vectors (every 10 s, the whole network) each Monday from mid-2017 to
mid-2022, as one tar per hour holding ``states_<date>-<hh>.csv.gz`` (plus a licence and readme). The files moved
from ``opensky-network.org/datasets/states/<date>/…`` to the S3 bucket
``s3.opensky-network.org/data-samples/states/``, where the date directory carries a leading dot
(``.2020-05-11/07/states_2020-05-11-07.csv.tar``); an hour not found there is asked for once without the dot
(the older layout, still used by mirrors). Some members are named ``.csv`` but gzip-compressed; the reader
decides by content. Each hour is
downloaded into the cache (resumable by range), its CSV member is read straight out of the tar by the OpenSky
reader (nothing extracted), filtered, and ingested; the tar is removed afterwards unless ``keep``.

Terms: for non-profit research and education only, no redistribution (the dumps' LICENSE.txt); publications
should cite Schäfer et al., "Bringing up OpenSky"
(IPSN 2014). For the full history database with your own account, see the ``opensky-trino`` source.
"""

from __future__ import annotations

import os
from datetime import date, timedelta

from liftwatch import io as lio
from liftwatch.errors import LiftwatchError
from liftwatch.io.base import RejectLog
from liftwatch.io.textchunks import one_line
from liftwatch.sources import cache
from liftwatch.sources.adsbx import parse_hours
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

INFO = SourceInfo(
    name="opensky",
    title="OpenSky Network state-vector samples (Mondays 2017-06-05 to 2022-06-27, hourly tars)",
    licence="OpenSky Network terms of use (non-profit research and education; cite Schäfer et al., IPSN 2014)",
    attribution="Contains data from The OpenSky Network (https://opensky-network.org).",
    terms_url="https://opensky-network.org/about/terms-of-use",
    base_url="https://s3.opensky-network.org/data-samples/states",
)
HOURS = (
    "{base}/.{d}/{hh:02d}/states_{d}-{hh:02d}.csv.tar",  # the S3 bucket's layout (dotted date directory)
    "{base}/{d}/{hh:02d}/states_{d}-{hh:02d}.csv.tar",  # the older datasets/states layout, and mirrors
)


def hour_urls(day: date, hour: int, base_url: str = INFO.base_url) -> list[str]:
    """The URLs an hour's tar is asked for, in order."""
    return [t.format(base=base_url.rstrip("/"), d=day, hh=hour) for t in HOURS]


def check_day(day: date) -> None:
    if day.weekday() != 0:
        monday = day - timedelta(days=day.weekday())
        raise LiftwatchError(
            f"{day}: OpenSky state-vector samples exist for Mondays only (nearest: {monday}, {monday + timedelta(days=7)})"
        )


def fetch(
    store: Store,
    days: list[date],
    selection: Selection,
    *,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    http: Http | None = None,
    progress: Progress | None = None,
    hours: str | None = None,
    keep: bool = False,
) -> FetchReport:
    base = (base_url or INFO.base_url).rstrip("/")
    prog = progress or NoProgress()
    own = http is None
    client = http or Http(on_event=prog.message)
    root = cache.cache_dir(cache_dir) / "opensky" / "states"
    ledger = ledger_for(store, INFO)
    sig = selection.signature()
    report = FetchReport(INFO.name)
    try:
        for day in days:
            for hh in parse_hours(hours):
                name = f"states_{day}-{hh:02d}"
                if ledger.done(name, sig):
                    report.items.append(ItemReport(INFO.name, name, "skipped", note="done before"))
                    continue
                item = ItemReport(INFO.name, name)
                timer = Timer()
                tar_path = root / f"{day}" / f"{name}.csv.tar"
                for url in hour_urls(day, hh, base):
                    item.status, item.note = "done", ""
                    if download_item(client, url, tar_path, item, prog) or item.status != "missing":
                        break
                if item.status != "done":
                    report.items.append(item)
                    continue
                _ingest_hour(store, tar_path, selection, item, prog)
                if item.status == "done":  # a failed hour is asked for again by the next run
                    ledger.record(name, sig, url=url, status="done", bytes_=item.bytes, rows_added=item.rows_added)
                if not keep or item.status != "done":  # a damaged download is fetched afresh, not read again
                    tar_path.unlink(missing_ok=True)
                item.seconds = timer.seconds
                report.items.append(item)
    finally:
        if own:
            client.close()
    return report


def _ingest_hour(
    store: Store, tar_path: os.PathLike[str], selection: Selection, item: ItemReport, prog: Progress
) -> None:
    """Read the hour's CSV straight out of its tar (:mod:`liftwatch.io.packed_csv`), filter, ingest."""
    rejects = RejectLog()
    ingester = Ingester(store, INFO.name)
    try:
        for table in lio.read(tar_path, format="opensky_csv", rejects=rejects):
            kept = selection.filter_table(table)
            item.points += kept.num_rows
            prog.member(kept.num_rows > 0, kept.num_rows)
            if ingester.add(kept):
                item.rows_added += ingester.flush()
    except LiftwatchError as exc:  # not a tar of the hour's CSV at all: the item fails, the run goes on
        item.status, item.note = "error", one_line(exc, 300)
    item.rows_added += ingester.flush()
    if item.status == "error":
        return
    item.members_seen = 1
    item.members_kept = int(item.points > 0)
    if rejects.total:
        item.note = f"{rejects.total} rows rejected by the reader"
