"""What the report needs from the knowledge base, behind one small seam.

The report must still render when the knowledge base is missing a site (an ICAO code it lacks, or a site id
from an older flights table): such sites are drawn at the position the flights imply and labelled as
unknown to the knowledge base rather than dropped. Tests pass a :class:`SiteBook` built by hand.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

import polars as pl

from liftwatch import kb


@dataclass
class SiteBook:
    """Site positions, names, kinds and controlling actors for the sites a report mentions."""

    sites: pl.DataFrame  # site_id, name, kind, lat, lon, country
    controller: Callable[[str, datetime], str | None] = field(default=lambda _s, _t: None)

    @classmethod
    def from_kb(cls, site_ids: Iterable[str]) -> SiteBook:
        """Look up only the given sites (a few dozen), with controlling actors from ``kb.controller_at``."""
        ids = sorted({s for s in site_ids if s})
        empty = pl.DataFrame(
            schema={
                "site_id": pl.String,
                "name": pl.String,
                "kind": pl.String,
                "lat": pl.Float64,
                "lon": pl.Float64,
                "country": pl.String,
            }
        )
        if not ids:
            return cls(empty)
        try:
            table = kb.sites().filter(pl.col("site_id").is_in(ids))
        except Exception:  # knowledge base present but unreadable: same as absent, the report still renders
            return cls(empty)

        def controller(site_id: str, when: datetime) -> str | None:
            try:
                out = kb.controller_at(site_id, when)
            except Exception:  # unknown to the KB: no controller rather than an error in a report
                return None
            return str(out) if out else None

        return cls(table.select("site_id", "name", "kind", "lat", "lon", "country"), controller)

    def frame(self, site_ids: Iterable[str], when: datetime) -> pl.DataFrame:
        """Known sites among ``site_ids`` with a ``controller`` column (actor at ``when``)."""
        ids = sorted({s for s in site_ids if s})
        t = self.sites.filter(pl.col("site_id").is_in(ids))
        return t.with_columns(
            pl.Series("controller", [self.controller(s, when) for s in t["site_id"].to_list()], dtype=pl.String)
        )


def region_names() -> dict[str, str]:
    """Region id -> display name ("eastern-libya" -> "Eastern Libya"), empty without a knowledge base."""
    try:
        return {rid: str(r.name) for rid, r in kb.regions().items()}
    except Exception:  # names are cosmetic; ids are shown instead
        return {}
