"""ADS-B Exchange sample days: the free first day of each month, as global snapshots or per-aircraft traces.

* ``readsb-hist/<yyyy>/<mm>/<dd>/<HHMMSS>Z.json.gz``: the world's ``aircraft.json`` every 5 seconds from May
  2020 (every 60 seconds from July 2016 to April 2020; 17,280 a day, ~1-5 MB each); ``every_s`` picks one every N
  seconds (default 60; rounded up to whole minutes before May 2020) and ``hours`` a part of the day.
* ``traces/<yyyy>/<mm>/<dd>/<xx>/trace_full_<hex>.json`` (``xx`` = the address's last two hex digits; gzip without
  a ``.gz`` name): one aircraft's day. Fetched for given addresses (``--hex``, a watch list's addresses) or, with
  ``--country``, for every address of those countries in the day's ``traces/<yyyy>/<mm>/<dd>/index.json``
  (``{"traces": [hex, ...]}``), or, when a mirror has no index, in the 256 directory listings.

Terms: ADS-B Exchange offers these samples free of charge for testing and evaluation, with attribution and no
redistribution (its sample-data page links JETNET's terms); the licence is
theirs (not an open-data licence), so reports name "ADS-B Exchange" as the source. Snapshots are downloaded into
the cache (a second run finds them there), read by the aircraft.json reader and removed unless ``keep``.
Snapshots always clip to the area (each is one instant of many aircraft).
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import re
from datetime import date, timedelta
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
from liftwatch.sources.http import Http, NotFound
from liftwatch.sources.selection import Selection
from liftwatch.sources.traces import trace_points
from liftwatch.store import Store

INFO = SourceInfo(
    name="adsbx",
    title="ADS-B Exchange sample days (first day of each month: snapshots every 5 s, traces)",
    licence="ADS-B Exchange sample data terms (free for testing and evaluation, attribution, no redistribution)",
    attribution="Contains ADS-B Exchange sample data (https://www.adsbexchange.com/products/historical-data/).",
    terms_url="https://www.adsbexchange.com/products/historical-data/",
    base_url="https://samples.adsbexchange.com",
)
SNAPSHOT = "{base}/readsb-hist/{d:%Y}/{d:%m}/{d:%d}/{hhmmss}Z.json.gz"
TRACE = "{base}/traces/{d:%Y}/{d:%m}/{d:%d}/{xx}/trace_full_{hex}.json"
LISTING = "{base}/traces/{d:%Y}/{d:%m}/{d:%d}/{xx}/"
INDEX = "{base}/traces/{d:%Y}/{d:%m}/{d:%d}/index.json"
FIVE_SECOND_FROM = date(2020, 5, 1)  # snapshots every 5 s from here, every 60 s before
_HREF = re.compile(r'href="(?:[^"]*/)?trace_full_([0-9a-fA-F]{6})\.json"')


def check_day(day: date) -> None:
    if day.day != 1:
        raise LiftwatchError(f"{day}: ADS-B Exchange publishes free samples for the first day of each month only")


def parse_hours(text: str | None) -> list[int]:
    """``0-23`` / ``6,7,8`` / ``22-2`` (wraps) -> hours; None = the whole day."""
    if not text:
        return list(range(24))
    out: list[int] = []
    try:
        for piece in text.split(","):
            if "-" in piece:
                a, b = (int(x) for x in piece.split("-", 1))
                out.extend(range(a, b + 1) if a <= b else [*range(a, 24), *range(0, b + 1)])
            else:
                out.append(int(piece))
    except ValueError:
        raise LiftwatchError(f"--hours expects hours 0-23 as 0-23, 6,7,8 or 22-2, got {text!r}") from None
    if not out or any(not 0 <= h <= 23 for h in out):
        raise LiftwatchError(f"--hours expects hours 0-23, got {text!r}")
    return sorted(set(out))


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
    every_s: float = 60.0,
    kind: str = "snapshots",
    keep: bool = False,
) -> FetchReport:
    if kind not in ("snapshots", "traces"):
        raise LiftwatchError(f"--kind must be snapshots or traces, got {kind!r}")
    base = (base_url or INFO.base_url).rstrip("/")
    prog = progress or NoProgress()
    own = http is None
    client = http or Http(on_event=prog.message)
    report = FetchReport(INFO.name)
    try:
        for day in days:
            if kind == "snapshots":
                _snapshots(
                    store, client, base, day, selection, parse_hours(hours), every_s, cache_dir, keep, prog, report
                )
            else:
                _traces(store, client, base, day, selection, prog, report)
    finally:
        if own:
            client.close()
    return report


def snapshot_times(hours: list[int], every_s: float, day: date = FIVE_SECOND_FROM) -> list[str]:
    """``HHMMSS`` of the snapshots to fetch: one every ``every_s`` (a multiple of what the day has)."""
    grid = 5 if day >= FIVE_SECOND_FROM else 60
    step = max(grid, -(-round(every_s) // grid) * grid)
    out = []
    for h in hours:
        for s in range(0, 3600, step):
            t = timedelta(hours=h, seconds=s)
            out.append(f"{h:02d}{(t.seconds // 60) % 60:02d}{t.seconds % 60:02d}")
    return out


def _snapshots(
    store: Store,
    http: Http,
    base: str,
    day: date,
    selection: Selection,
    hours: list[int],
    every_s: float,
    cache_dir: str | os.PathLike[str] | None,
    keep: bool,
    prog: Progress,
    report: FetchReport,
) -> None:
    ledger = ledger_for(store, INFO)
    sel = dataclasses.replace(selection, clip=True)
    sig = sel.signature()
    root = cache.cache_dir(cache_dir) / "adsbx" / "readsb-hist" / f"{day:%Y/%m/%d}"
    times = snapshot_times(hours, every_s, day)
    item = ItemReport(INFO.name, f"readsb-hist {day}")
    timer = Timer()
    ingester = Ingester(store, INFO.name)
    pending: list[tuple[str, str, int]] = []
    prog.item(item.item, None)

    def commit() -> None:
        added = ingester.flush()
        item.rows_added += added
        for k, (name, url, nbytes) in enumerate(pending):
            ledger.record(name, sig, url=url, status="done", bytes_=nbytes, rows_added=added if k == 0 else 0)
        pending.clear()

    rejects = RejectLog()
    for hhmmss in times:
        name = f"readsb-hist/{day:%Y/%m/%d}/{hhmmss}Z"
        if ledger.done(name, sig):
            continue
        url = SNAPSHOT.format(base=base, d=day, hhmmss=hhmmss)
        path = root / f"{hhmmss}Z.json.gz"
        try:
            http.download(url, path, on_bytes=prog.bytes)
        except NotFound:
            item.note = "some snapshots missing (404)"
            continue
        size = path.stat().st_size
        item.bytes += size
        item.members_seen += 1
        mil = _military_hexes(path) if sel.military else None
        due = False
        points = 0
        for table in lio.read(path, format="aircraft_json", rejects=rejects):
            kept = sel.filter_table(table, mil)
            points += kept.num_rows
            due = ingester.add(kept) or due
        item.points += points
        item.members_kept += int(points > 0)
        prog.member(points > 0, points)
        pending.append((name, url, size))
        if due:
            commit()
        if not keep:
            path.unlink(missing_ok=True)
    commit()
    if item.members_seen == 0 and not item.rows_added:
        item.status = "missing" if item.note else "skipped"
    item.seconds = timer.seconds
    report.items.append(item)


def _military_hexes(path: Any) -> set[str]:
    """Addresses flagged military (tar1090-db ``dbFlags`` bit 1) in one snapshot."""
    try:
        with gzip.open(path) as fh:
            doc = json.load(fh)
    except (OSError, ValueError, EOFError):
        return set()
    acs = (doc.get("aircraft") or doc.get("ac") or []) if isinstance(doc, dict) else []
    return {
        str(a.get("hex", "")).lower()
        for a in acs
        if isinstance(a, dict) and isinstance(a.get("dbFlags"), int) and a["dbFlags"] & 1
    }


def _traces(
    store: Store, http: Http, base: str, day: date, selection: Selection, prog: Progress, report: FetchReport
) -> None:
    ledger = ledger_for(store, INFO)
    sig = selection.signature()
    wanted = set(selection.addresses)
    if selection.watchlist is not None:
        wanted |= {a.lower() for r in selection.watchlist.rules for a in r.addresses}
    if not wanted:
        if not selection.countries:
            raise LiftwatchError(
                "adsbx traces: give addresses (--hex, a watch list with addresses) or --country to list the day"
            )
        wanted = set(_listed(http, base, day, selection, prog))
    item = ItemReport(INFO.name, f"traces {day}")
    timer = Timer()
    prog.item(item.item, None)
    ingester = Ingester(store, INFO.name)
    rejects = RejectLog()
    done: list[tuple[str, str]] = []

    def commit() -> None:
        added = ingester.flush()
        item.rows_added += added
        for k, (name, url) in enumerate(done):
            ledger.record(name, sig, url=url, status="done", rows_added=added if k == 0 else 0)
        done.clear()

    for hexid in sorted(wanted):
        name = f"traces/{day:%Y/%m/%d}/{hexid}"
        if ledger.done(name, sig):
            continue
        url = TRACE.format(base=base, d=day, xx=hexid[-2:], hex=hexid)
        item.members_seen += 1
        try:
            r = http.get(url)
        except NotFound:
            prog.member(False, 0)
            done.append((name, url))
            continue
        item.bytes += len(r.content)
        prog.bytes(len(r.content))
        table = trace_points(r.content, f"trace_full_{hexid}.json", f"adsbx:{name}", selection, rejects)
        done.append((name, url))
        if table is None:
            prog.member(False, 0)
            continue
        item.members_kept += 1
        item.points += table.num_rows
        prog.member(True, table.num_rows)
        if ingester.add(table):
            commit()
    commit()
    item.seconds = timer.seconds
    report.items.append(item)


def _indexed(http: Http, base: str, day: date) -> list[str] | None:
    """The day's addresses from ``index.json``; None when there is none (a mirror without it) or it is unreadable."""
    try:
        doc = http.get(INDEX.format(base=base, d=day)).json()
    except (NotFound, ValueError):
        return None
    names = doc.get("traces") if isinstance(doc, dict) else None
    if not isinstance(names, list):
        return None
    return sorted({n.lower() for n in names if isinstance(n, str) and re.fullmatch(r"[0-9a-fA-F]{6}", n)})


def _listed(http: Http, base: str, day: date, selection: Selection, prog: Progress) -> list[str]:
    """Addresses of the day's traces (``index.json``, else the 256 directory listings, 8 at a time), filtered
    by address."""
    from concurrent.futures import ThreadPoolExecutor

    hexes = _indexed(http, base, day)
    if hexes is not None:
        if not hexes:
            return []
        keep = selection.address_mask(hexes)
        return [h for h, ok in zip(hexes, keep, strict=True) if ok]
    prog.message(f"listing {day} traces (256 directories)")

    def one(k: int) -> list[str]:
        try:
            text = http.get(LISTING.format(base=base, d=day, xx=f"{k:02x}")).text
        except NotFound:
            return []
        return sorted({m.lower() for m in _HREF.findall(text)})

    with ThreadPoolExecutor(max_workers=8) as pool:
        hexes = [h for page in pool.map(one, range(256)) for h in page]
    if not hexes:
        return []
    mask = selection.address_mask(hexes)
    return [h for h, ok in zip(hexes, mask, strict=True) if ok]
