"""The OpenSky history database through ``pyopensky`` (Trino), with the user's own OpenSky account.

Optional: ``pip install 'liftwatch[opensky]'``. Credentials are pyopensky's business (its ``settings.conf`` or
the environment variables it documents); liftwatch never reads, stores or prints them. Each day is one query
(``Trino.history`` with the address list and the area's bounding box, which OpenSky's partitions make cheap);
the answer is written as Parquet into the cache, read by the OpenSky reader, filtered exactly (region polygon,
countries, military ranges) and ingested. Access is granted by OpenSky to researchers and authorities; their
terms apply.
"""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, date, datetime, timedelta
from typing import Any

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
    ledger_for,
)
from liftwatch.sources.selection import Selection
from liftwatch.store import Store

INFO = SourceInfo(
    name="opensky-trino",
    title="OpenSky Network history database (Trino via pyopensky; your own account)",
    licence="OpenSky Network terms of use (non-profit research and education; cite Schäfer et al., IPSN 2014)",
    attribution="Contains data from The OpenSky Network (https://opensky-network.org).",
    terms_url="https://opensky-network.org/about/terms-of-use",
    base_url="trino.opensky-network.org",
    needs_key="OpenSky account (pyopensky settings.conf)",
)


def _trino() -> Any:
    try:
        from pyopensky.trino import Trino
    except ImportError:
        raise LiftwatchError(
            "opensky-trino needs the optional pyopensky package: pip install 'liftwatch[opensky]'"
        ) from None
    return Trino()


def bounds_of(selection: Selection) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) for the query: the bbox, or the region polygon's envelope."""
    if selection.bbox is not None:
        b = selection.bbox
        return (b.lon_min, b.lat_min, b.lon_max, b.lat_max)
    if selection.region is not None:
        from liftwatch.kb.regions import regions

        pts = [p for ring in regions()[selection.region].rings for p in ring]
        if pts:
            lons, lats = [p[0] for p in pts], [p[1] for p in pts]
            return (min(lons), min(lats), max(lons), max(lats))
    return None


def fetch(
    store: Store,
    days: list[date],
    selection: Selection,
    *,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    trino: Any = None,
) -> FetchReport:
    if base_url:
        raise LiftwatchError("opensky-trino: the Trino host is pyopensky's setting, not --base-url")
    if selection.empty:
        raise LiftwatchError(
            "opensky-trino: give an area (--bbox/--region) or addresses; OpenSky asks for selective queries"
        )
    prog = progress or NoProgress()
    db = trino or _trino()
    root = cache.cache_dir(cache_dir) / "opensky-trino"
    root.mkdir(parents=True, exist_ok=True)
    ledger = ledger_for(store, INFO)
    sig = selection.signature()
    report = FetchReport(INFO.name)
    icao = sorted(selection.addresses) or None
    for day in days:
        name = f"history {day}"
        if ledger.done(name, sig):
            report.items.append(ItemReport(INFO.name, name, "skipped", note="done before"))
            continue
        item = ItemReport(INFO.name, name)
        timer = Timer()
        prog.item(name, None)
        start = datetime(day.year, day.month, day.day, tzinfo=UTC)
        df = db.history(start, start + timedelta(days=1), icao24=icao, bounds=bounds_of(selection))
        if df is None or len(df) == 0:
            item.status, item.note = "missing", "no state vectors for this selection"
            report.items.append(item)
            ledger.record(name, sig, url="trino", status="done")
            continue
        path = root / f"history_{day}_{hashlib.sha1(sig.encode()).hexdigest()[:10]}.parquet"
        df.to_parquet(path)
        item.bytes = path.stat().st_size
        ingester = Ingester(store, INFO.name)
        rejects = RejectLog()
        for table in lio.read(path, format="opensky_parquet", rejects=rejects):
            kept = selection.filter_table(table)
            item.points += kept.num_rows
            if ingester.add(kept):
                item.rows_added += ingester.flush()
        item.rows_added += ingester.flush()
        path.unlink(missing_ok=True)
        ledger.record(name, sig, url="trino", status="done", bytes_=item.bytes, rows_added=item.rows_added)
        item.seconds = timer.seconds
        report.items.append(item)
    return report
