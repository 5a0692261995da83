"""What was fetched into this store, under which licence, and how far: the ``source_files`` table.

One row per (source, item, selection): an item is a day's release, a snapshot or a zip. ``status`` is ``done``
once every member went through, else ``partial`` with ``resume_offset`` = the byte of the first member not yet
committed, so an interrupted day continues from there (by HTTP range) and a finished one is never fetched again.
"""

from __future__ import annotations

from dataclasses import dataclass

from liftwatch.store import Store


@dataclass
class Entry:
    status: str
    resume_offset: int
    bytes: int
    members: int
    rows_added: int


class Ledger:
    def __init__(self, store: Store, source: str, licence: str, attribution: str) -> None:
        self.store = store
        self.source = source
        self.licence = licence
        self.attribution = attribution

    def get(self, item: str, selection: str) -> Entry | None:
        rows = self.store.con.execute(
            "SELECT status, resume_offset, bytes, members, rows_added FROM source_files "
            "WHERE source = ? AND item = ? AND selection = ?",
            [self.source, item, selection],
        ).fetchall()
        if not rows:
            return None
        r = rows[0]
        return Entry(str(r[0]), int(r[1] or 0), int(r[2] or 0), int(r[3] or 0), int(r[4] or 0))

    def done(self, item: str, selection: str) -> bool:
        e = self.get(item, selection)
        return e is not None and e.status == "done"

    def record(
        self,
        item: str,
        selection: str,
        *,
        url: str,
        status: str,
        resume_offset: int = 0,
        bytes_: int = 0,
        members: int = 0,
        rows_added: int = 0,
    ) -> None:
        """Insert or update the item's row (rows/bytes/members accumulate over resumed runs)."""
        prev = self.get(item, selection)
        if prev is not None:
            bytes_ += prev.bytes
            members += prev.members
            rows_added += prev.rows_added
        self.store.con.execute(
            "INSERT OR REPLACE INTO source_files VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
            [
                self.source,
                item,
                selection,
                url,
                self.licence,
                self.attribution,
                status,
                resume_offset,
                bytes_,
                members,
                rows_added,
            ],
        )
