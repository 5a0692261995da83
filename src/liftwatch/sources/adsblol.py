"""adsb.lol globe_history: one GitHub release per day of the whole world's readsb traces (ODbL 1.0).

Layout (checked against the repositories' own ``RELEASES.md`` / ``ALL_RELEASES.txt`` and upload script):
repository ``adsblol/globe_history_<year>``, one release per day and pod, tag ``v<YYYY.MM.DD>-planes-readsb-<pod>``.
The pods, in the order taken: ``prod-0``, ``staging-0`` (the other replica; the only one on some days),
``prod-0tmp`` / ``staging-0tmp`` (the only releases of 2025-05-28 to mid-June 2025) and ``test-0`` (the only
releases of 2023-02-16 to 2023-03-02, the archive's first days). ``mlatonly-0`` (multilateration only, a small
subset) and the second replicas ``prod-1`` / ``staging-1`` / ``test-1`` are never taken. A release's single
``<tag>.tar`` is split by ``split -b 2000000000`` into ``<tag>.tar.aa``, ``.tar.ab`` (``.tar.ac`` in 2026) when
larger than 2 GB; the parts concatenate into one plain tar of ``traces/<xx>/trace_full_<hex>.json`` (gzip despite
the name), plus ``acas/``, ``heatmap/`` and licence/readme members that are skipped. The repository is the one of
the year the day was *uploaded*: the last days of December are in the next year's repository (2023-12-28..31 in
``globe_history_2024``, 2024-12-29..31 in ``globe_history_2025``), so a December day not found in its own year's
list is looked up in the next year's, a January day in the previous year's.

The parts are streamed as one tar (:class:`~liftwatch.sources.http.RangeStream` + ``tarfile`` in stream mode):
nothing of the archive is written to disk, a member whose address the selection rules out is skipped without
being decompressed, kept members are ingested as they arrive in transactions of ~500 k points, and after each
transaction the ledger records the byte where the next member starts, so an interrupted day resumes there by
HTTP range. The release list of a year is cached (an hour for the current year, for good for past years).
GitHub's API allows 60 unauthenticated requests an hour; ``$GITHUB_TOKEN`` raises that and is sent only to the
API host, never logged.
"""

from __future__ import annotations

import os
import re
import tarfile
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from liftwatch.errors import LiftwatchError
from liftwatch.io.base import RejectLog
from liftwatch.io.readsb_points import TraceFile
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
from liftwatch.sources.http import FetchError, Http, NotFound
from liftwatch.sources.selection import Selection
from liftwatch.sources.stream import Part, RangeStream
from liftwatch.sources.traces import GROUP_POINTS, convert_members, load_member, member_hex
from liftwatch.store import Store

INFO = SourceInfo(
    name="adsblol",
    title="adsb.lol globe_history (daily readsb traces of the world)",
    licence="ODbL-1.0",
    attribution="Contains data from adsb.lol (https://adsb.lol), made available under the Open Database License (ODbL) 1.0.",
    terms_url="https://github.com/adsblol/globe_history_2024",
    base_url="https://api.github.com",
    notes="One release a day, ~3 GB; filter with --country/--military/--region to keep what you need.",
)
REPO = "adsblol/globe_history_{year}"
RELEASES = "{base}/repos/{repo}/releases"
VARIANTS = ("prod-0", "staging-0", "prod-0tmp", "staging-0tmp", "test-0")
FIRST_DAY = date(2023, 2, 16)
TOKEN_ENV = "GITHUB_TOKEN"
_PART = re.compile(r"\.tar(\.[a-z]{2})?$")


def tag_for(day: date, variant: str = "prod-0") -> str:
    """The release tag of a day and pod: ``v2024.12.10-planes-readsb-prod-0``."""
    return f"v{day:%Y.%m.%d}-planes-readsb-{variant}"


def repo_years(day: date) -> list[int]:
    """The repositories (by year) that may hold a day's release, in the order asked: its own year's, then the
    next year's for a December day (uploaded after New Year) or the previous year's for a January day."""
    years = [day.year]
    if day.month == 12 and day.year < datetime.now(UTC).year:
        years.append(day.year + 1)
    elif day.month == 1 and day.year > FIRST_DAY.year:
        years.append(day.year - 1)
    return years


@dataclass
class Release:
    tag: str
    parts: list[Part]

    @property
    def size(self) -> int | None:
        sizes = [p.size for p in self.parts]
        return None if any(s is None for s in sizes) else sum(s or 0 for s in sizes)


def _next_link(link: str | None) -> str | None:
    """The ``rel="next"`` URL of a GitHub ``Link`` header."""
    for piece in (link or "").split(","):
        m = re.match(r'\s*<([^>]+)>\s*;\s*rel="next"', piece)
        if m:
            return m.group(1)
    return None


def _api_headers(base_url: str) -> dict[str, str]:
    headers = {"Accept": "application/vnd.github+json"}
    token = os.environ.get(TOKEN_ENV)
    if token and urlsplit(base_url).hostname == "api.github.com":
        headers["Authorization"] = f"Bearer {token}"
    return headers


def list_releases(
    http: Http, year: int, *, base_url: str, cache_root: Path, refresh: bool = False
) -> list[dict[str, Any]]:
    """Every release of a year (all pages), from the cache when fresh enough."""
    key = cache_root / "adsblol" / f"releases_{year}_{_slug(base_url)}.json"
    current = year >= datetime.now(UTC).year
    if not refresh:
        cached = cache.read_json(key, 3600.0 if current else None)
        if isinstance(cached, list):
            return cached
    url: str | None = releases_url(year, base_url)
    out: list[dict[str, Any]] = []
    pages = 0
    while url is not None:
        try:
            r = http.get(url, headers=_api_headers(base_url))
        except NotFound:
            if out:
                raise
            out = []  # no repository for that year (yet): no releases
            break
        page = r.json()
        if not isinstance(page, list):
            raise FetchError(f"{url}: expected a JSON list of releases, got {type(page).__name__}")
        out.extend(rel for rel in page if isinstance(rel, dict))
        url = _next_link(r.headers.get("Link"))
        pages += 1
        if pages > 100:
            raise FetchError(f"{RELEASES}: more than 100 pages of releases; stopping")
    cache.write_json(key, out)
    return out


def releases_url(year: int, base_url: str = INFO.base_url) -> str:
    """The GitHub API page listing a year's releases, 100 a page (the maximum)."""
    return RELEASES.format(base=base_url.rstrip("/"), repo=REPO.format(year=year)) + "?per_page=100"


def _slug(url: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "_", urlsplit(url).netloc or url)


def release_for(releases: list[dict[str, Any]], day: date) -> Release | None:
    """The day's release of the first pod in :data:`VARIANTS` that has one; parts (``.tar`` or ``.tar.aa``,
    ``.tar.ab``, …) in name order with sizes and ``sha256`` digests (GitHub publishes one per asset uploaded since
    June 2025; older assets have none)."""
    by_tag = {str(r.get("tag_name")): r for r in releases}
    for variant in VARIANTS:
        rel = by_tag.get(tag_for(day, variant))
        if rel is None:
            continue
        parts = []
        for a in sorted(rel.get("assets") or [], key=lambda a: str(a.get("name"))):
            name = str(a.get("name", ""))
            if not name.startswith(str(rel.get("tag_name"))) or not _PART.search(name):
                continue
            if not a.get("browser_download_url"):
                continue
            digest = a.get("digest")
            sha = digest.split(":", 1)[1] if isinstance(digest, str) and digest.startswith("sha256:") else None
            size = a.get("size")
            parts.append(Part(str(a["browser_download_url"]), size if isinstance(size, int) else None, sha))
        if parts:
            return Release(tag_for(day, variant), parts)
    return None


def fetch(
    store: Store,
    days: list[date],
    selection: Selection,
    *,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    http: Http | None = None,
    progress: Progress | None = None,
    refresh: bool = False,
    flush_rows: int | None = None,
) -> FetchReport:
    """Stream, filter and ingest each day's release; days done before with the same selection are skipped."""
    base = base_url or INFO.base_url
    prog = progress or NoProgress()
    own = http is None
    client = http or Http(on_event=prog.message)
    root = cache.cache_dir(cache_dir)
    ledger = ledger_for(store, INFO)
    sig = selection.signature()
    report = FetchReport(INFO.name)
    try:
        listed: dict[int, list[dict[str, Any]]] = {}
        for day in days:
            timer = Timer()
            if any(ledger.done(tag_for(day, v), sig) for v in VARIANTS):
                report.items.append(ItemReport(INFO.name, f"{day}", "skipped", note="done before"))
                continue
            rel = None
            for year in repo_years(day):
                if year not in listed:
                    listed[year] = list_releases(client, year, base_url=base, cache_root=root, refresh=refresh)
                rel = release_for(listed[year], day)
                if rel is None and not refresh and year == day.year:  # newer than the cached list: ask again
                    listed[year] = list_releases(client, year, base_url=base, cache_root=root, refresh=True)
                    rel = release_for(listed[year], day)
                if rel is not None:
                    break
            if rel is None:
                report.items.append(ItemReport(INFO.name, f"{day}", "missing", note=f"no {'/'.join(VARIANTS)} release"))
                continue
            item = _stream_day(store, client, rel, selection, sig, ledger, prog, flush_rows)
            item.seconds = timer.seconds
            report.items.append(item)
    finally:
        if own:
            client.close()
    return report


def _stream_day(
    store: Store,
    http: Http,
    rel: Release,
    selection: Selection,
    sig: str,
    ledger: Any,
    prog: Progress,
    flush_rows: int | None,
) -> ItemReport:
    prev = ledger.get(rel.tag, sig)
    start = prev.resume_offset if prev is not None and prev.status == "partial" else 0
    item = ItemReport(INFO.name, rel.tag)
    total = rel.size
    prog.item(rel.tag, None if total is None else total - start)
    if start:
        prog.message(f"{rel.tag}: resuming at byte {start:,}")
    stream = RangeStream(http, rel.parts, start=start, on_bytes=prog.bytes)
    ingester = Ingester(store, INFO.name, flush_rows or 500_000)
    rejects = RejectLog()
    origin = f"adsblol:{rel.tag}"
    boundary = start  # byte of the next member not yet committed
    committed = start
    url = rel.parts[0].url

    members_committed = 0
    group: list[TraceFile] = []  # loaded members waiting to be converted together
    held = 0
    pending_end = start

    def convert_group() -> bool:
        """Convert the held members in one pass and hand their kept points to the ingester; True when a commit is
        due. The resume boundary moves past them only now (their points are at least in the ingester)."""
        nonlocal held, boundary
        if not group:
            return False
        table = convert_members(group, selection)
        kept = table.column("asset_id").value_counts().to_pylist() if table is not None else []
        counts = {str(v["values"]): int(v["counts"]) for v in kept}
        for loaded in group:
            n = counts.get(loaded.asset_id, 0)
            prog.member(n > 0, n)
        item.members_kept += len(counts)
        item.points += table.num_rows if table is not None else 0
        group.clear()
        held = 0
        boundary = pending_end
        return table is not None and ingester.add(table)

    def commit(status: str) -> None:
        nonlocal committed, members_committed
        added = ingester.flush()
        item.rows_added += added
        ledger.record(
            rel.tag,
            sig,
            url=url,
            status=status,
            resume_offset=boundary,
            bytes_=boundary - committed,
            members=item.members_kept - members_committed,
            rows_added=added,
        )
        committed = boundary
        members_committed = item.members_kept

    try:
        try:
            tf = tarfile.open(fileobj=stream, mode="r|")  # noqa: SIM115 - closed below
        except tarfile.ReadError as exc:
            if start and "empty" in str(exc):  # resumed at the end-of-archive blocks: nothing was left
                commit("done")
                return item
            raise FetchError(f"{rel.tag}: not a tar archive ({exc})") from None
        try:
            last_header = start
            for m in tf:
                end = start + m.offset_data + -(-m.size // 512) * 512
                last_header = start + m.offset
                loaded = _member(tf, m, item, selection, origin, rejects, prog)
                pending_end = end  # this member is read (a loaded one is converted with its group)
                if loaded is None:
                    if not group:
                        boundary = end  # nothing pending before it: handled
                    continue
                group.append(loaded)
                held += loaded.count
                if held >= GROUP_POINTS and convert_group():
                    commit("partial")
            if convert_group():
                commit("partial")
        except (tarfile.TarError, EOFError) as exc:
            convert_group()  # the members read whole before the damage
            commit("partial")
            item.status = "partial"
            item.note = f"archive truncated or corrupt after byte {boundary:,}: {exc}; members before kept"
            return item
        finally:
            tf.close()
        while stream.read(1 << 20):  # the tar's end padding: read to the end so the last part's digest is checked
            pass
        if stream.position < boundary + 1024:  # no end-of-archive marker: the archive stops mid-way
            boundary = last_header if stream.position < boundary else boundary
            commit("partial")
            item.status = "partial"
            item.note = f"archive truncated at byte {stream.position:,} (no end-of-archive marker); members before kept"
            return item
        boundary = stream.position
        commit("done")
    except FetchError as exc:
        convert_group()
        commit("partial")
        item.status = "partial" if item.rows_added or boundary > start else "error"
        item.note = str(exc)
    finally:
        stream.close()
        item.bytes = stream.position - start
    if rejects.total:
        item.note = (item.note + "; " if item.note else "") + f"{rejects.total} damaged rows/members skipped"
    return item


def _member(
    tf: tarfile.TarFile,
    m: tarfile.TarInfo,
    item: ItemReport,
    selection: Selection,
    origin: str,
    rejects: RejectLog,
    prog: Progress,
) -> TraceFile | None:
    """One member loaded for conversion, or None (not a trace, or ruled out by the selection)."""
    hexid = member_hex(m.name) if m.isfile() else None
    if hexid is None:
        return None
    item.members_seen += 1
    if not selection.address_ok(hexid):
        prog.member(False, 0)
        return None
    fh = tf.extractfile(m)
    data = fh.read() if fh is not None else b""
    loaded = load_member(data, m.name, origin, selection, rejects)
    if loaded is None:
        prog.member(False, 0)
    return loaded


def check_day(day: date) -> None:
    """adsb.lol's archive starts on 2023-02-16; earlier days are refused with the reason rather than a 404."""
    if day < FIRST_DAY:
        raise LiftwatchError(
            f"{day}: adsb.lol globe_history starts on {FIRST_DAY} (use opensky or adsbx for older days)"
        )
