"""The fluent ``Flight`` object a notebook gets from ``lw.flight(flight_id)``.

Holds the stored flight row and reaches back into the store for the points only when ``.track`` is asked
for, so listing thousands of flights costs nothing.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import polars as pl

from liftwatch.errors import LiftwatchError
from liftwatch.store import Store
from liftwatch.tracks.query import DEFAULT_MIN_CONFIDENCE


@dataclass
class Flight:
    """One flight: attributes mirror the flights table (``flight.arr_site``, ``flight.ending`` ...)."""

    row: dict[str, Any]
    store: Store | None = None

    def __getattr__(self, name: str) -> Any:
        row = self.__dict__.get("row", {})
        if name in row:
            return row[name]
        raise AttributeError(name)

    @property
    def id(self) -> str:
        return str(self.row["flight_id"])

    @property
    def track(self) -> pl.DataFrame:
        """The flight's cleaned points (re-read from the store and cleaned the way the pipeline did)."""
        if self.store is None:
            raise LiftwatchError("this Flight is not attached to a store")
        from liftwatch.tracks.clean import clean_points

        first: datetime = self.row["first_ts"]
        last: datetime = self.row["last_ts"]
        pts = self.store.points(assets=[self.row["asset_id"]], start=first, end=last + timedelta(microseconds=1))
        cleaned, _ = clean_points(pts)
        return cleaned

    def _site(self, site_id: str | None) -> Any:
        if site_id is None:
            return None
        try:
            kb: Any = importlib.import_module("liftwatch.kb")
            return kb.site(site_id)
        except Exception:  # kb without this id (or not installed): the id is still the answer
            return site_id

    def _confident(self, side: str, min_confidence: float) -> str | None:
        site = self.row.get(f"{side}_site")
        conf = self.row.get(f"{side}_conf")
        return site if site is not None and (conf or 0.0) >= min_confidence else None

    def landing_site(self, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Any:
        """The knowledge-base ``Site`` it landed at, or the probable destination of an airborne end when its
        confidence reaches ``min_confidence`` (pass 0 for the top-1 guess however weak); else None."""
        return self._site(self._confident("arr", min_confidence))

    def takeoff_site(self, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Any:
        """The site it took off from (or probably came from), when confident enough; else None."""
        return self._site(self._confident("dep", min_confidence))

    def candidates(self) -> pl.DataFrame:
        """Ranked arrival candidates: site_id, prob, distance_km."""
        c = self.row.get("arr_candidates") or []
        return pl.DataFrame(c, schema={"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32})

    def evidence(self) -> dict[str, Any]:
        raw = self.row.get("evidence")
        return json.loads(raw) if isinstance(raw, str) else {}

    def __repr__(self) -> str:
        r = self.row

        def shown(side: str) -> str:
            site = r.get(f"{side}_site")
            if site is None:
                return "?"
            return site if (r.get(f"{side}_conf") or 0.0) >= DEFAULT_MIN_CONFIDENCE else f"{site}? (guess)"

        return (
            f"Flight({r['flight_id']}: {r.get('start_kind')} {shown('dep')} conf {r.get('dep_conf') or 0:.2f} -> "
            f"{shown('arr')}, {r.get('ending')}, conf {r.get('arr_conf') or 0:.2f})"
        )


def get_flight(store: Store, flight_id: str) -> Flight:
    df = store.flights("flight_id = ?", [flight_id])
    if df.height == 0:
        raise LiftwatchError(f"no flight {flight_id!r} (run `liftwatch flights build` first?)")
    return Flight(df.row(0, named=True), store)
