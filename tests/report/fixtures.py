"""A small but complete report input: an airlift with a surge, dark endings, civil background traffic."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import polars as pl

from liftwatch.report import AnalysisOptions, SiteBook
from tests.analytics.factory import REGIONS, SITES, T0, TYPES, flight, frame, series_flights

DAYS = 28
SURGE_DAY = 18


def report_flights(seed: int = 3) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    mil = np.r_[rng.poisson(1.0, SURGE_DAY), rng.poisson(4.0, DAYS - SURGE_DAY)]
    rows = series_flights(mil, "hmeimim", "al-khadim", prefix="m", classification="military", type_code="IL76")
    rows += series_flights(rng.poisson(6.0, DAYS), "LCLK", "LLBG", prefix="c")
    rows += series_flights(rng.poisson(3.0, DAYS), "OLBA", "LCLK", prefix="o")
    from datetime import timedelta

    for i in range(6):  # dark endings with ranked destinations; one of unknown type
        rows.append(
            flight(
                f"d{i:02d}-x",
                "hmeimim",
                None,
                T0 + timedelta(days=3 * i, hours=5),
                ending="dark",
                cands=[("al-khadim", 0.7), ("benina", 0.2)],
                type_code=None if i == 0 else "A124",
            )
        )
    return frame(rows)


def sitebook() -> SiteBook:
    controllers = {"hmeimim": "Russia", "al-khadim": "LNA (Haftar)", "benina": "LNA (Haftar)"}
    sites = pl.DataFrame(
        {
            "site_id": list(SITES),
            "name": [s.title() for s in SITES],
            "kind": ["air_base"] * len(SITES),
            "lat": [v[0] for v in SITES.values()],
            "lon": [v[1] for v in SITES.values()],
            "country": ["SY", "LY", "LY", "LY", "CY", "IL", "LB"],
        }
    )

    def controller(site_id: str, _when: datetime) -> str | None:
        return controllers.get(site_id)

    return SiteBook(sites, controller)


OPTS = AnalysisOptions(site_regions=REGIONS, types=TYPES)
