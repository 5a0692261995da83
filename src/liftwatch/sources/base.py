"""Shared pieces of every source: its terms, the progress hooks, the per-item report and the batching ingester."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Protocol

import pyarrow as pa

from liftwatch.errors import LiftwatchError
from liftwatch.sources.http import FetchError, Http, NotFound
from liftwatch.sources.ledger import Ledger
from liftwatch.store import Store

FLUSH_ROWS = 500_000  # points gathered before one store transaction (bounded memory, few transactions)


@dataclass(frozen=True)
class SourceInfo:
    """A source's identity and terms, stated once: what the store records and reports print."""

    name: str
    title: str
    licence: str
    attribution: str
    terms_url: str
    base_url: str
    notes: str = ""
    needs_key: str | None = None  # environment variable of the user's key/account, when one is needed


class Progress(Protocol):
    """What a long fetch reports as it goes (the CLI draws Rich bars; the library default ignores it)."""

    def item(self, name: str, total_bytes: int | None) -> None: ...
    def bytes(self, n: int) -> None: ...
    def member(self, kept: bool, points: int) -> None: ...
    def message(self, text: str) -> None: ...


def download_item(client: Http, url: str, path: Path, item: ItemReport, progress: Progress) -> bool:
    """Download one archive file for ``item``; on a 404 or a failed fetch, say so in ``item`` and return False
    (the caller records the item and goes on to the next one: one missing hour or day never stops a run)."""
    progress.item(item.item, None)
    try:
        client.download(url, path, on_bytes=progress.bytes)
    except NotFound:
        item.status, item.note = "missing", "not published (404)"
        return False
    except FetchError as exc:
        item.status, item.note = "error", str(exc)
        return False
    item.bytes = path.stat().st_size
    return True


class NoProgress:
    def item(self, name: str, total_bytes: int | None) -> None:
        pass

    def bytes(self, n: int) -> None:
        pass

    def member(self, kept: bool, points: int) -> None:
        pass

    def message(self, text: str) -> None:
        pass


@dataclass
class ItemReport:
    """One fetched item (a day's release, a snapshot, a zip): what happened to it."""

    source: str
    item: str
    status: str = "done"  # done | skipped (done before) | missing | partial | error
    bytes: int = 0
    members_seen: int = 0
    members_kept: int = 0
    points: int = 0
    rows_added: int = 0
    seconds: float = 0.0
    note: str = ""


@dataclass
class FetchReport:
    source: str
    items: list[ItemReport] = field(default_factory=list)

    @property
    def rows_added(self) -> int:
        return sum(i.rows_added for i in self.items)

    @property
    def failed(self) -> list[ItemReport]:
        return [i for i in self.items if i.status in ("error", "partial")]


class Ingester:
    """Collects kept point tables and writes them to the store in large transactions.

    ``flush`` returns the rows added, so the caller can advance its ledger only past what is committed.
    """

    def __init__(self, store: Store, source: str, flush_rows: int = FLUSH_ROWS) -> None:
        self.store = store
        self.source = source
        self.flush_rows = flush_rows
        self._pending: list[pa.Table] = []
        self._rows = 0

    def add(self, table: pa.Table) -> bool:
        """Queue a table (its ``source`` column set to this source); True when a flush is due."""
        if table.num_rows:
            idx = table.schema.get_field_index("source")
            table = table.set_column(idx, "source", pa.array([self.source] * table.num_rows, pa.string()))
            self._pending.append(table.replace_schema_metadata(None))
            self._rows += table.num_rows
        return self._rows >= self.flush_rows

    def flush(self) -> int:
        if not self._pending:
            return 0
        tables, self._pending, self._rows = self._pending, [], 0
        # one contiguous table: thousands of one-member chunks cost more to convert than the rows themselves
        return self.store.ingest_table(pa.concat_tables(tables, promote_options="permissive").combine_chunks())


def days(start: date | str, end: date | str | None = None) -> list[date]:
    """Every day from ``start`` to ``end`` inclusive (ISO text accepted); an inverted range is an error."""
    a = _day(start, "--from")
    b = _day(end, "--to") if end is not None else a
    if b < a:
        raise LiftwatchError(f"--to {b} is before --from {a}")
    if (b - a).days > 3660:
        raise LiftwatchError(f"{a}..{b}: more than ten years of days; fetch a shorter range")
    return [a + timedelta(days=i) for i in range((b - a).days + 1)]


def _day(value: date | str, what: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise LiftwatchError(f"{what} expects a date YYYY-MM-DD, got {value!r}") from None


class Timer:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.t0


def ledger_for(store: Store, info: SourceInfo) -> Ledger:
    return Ledger(store, info.name, info.licence, info.attribution)


def chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
