"""The list of sources and the one library entry point, :func:`fetch`.

Source modules are imported when used, so ``import liftwatch.sources`` costs nothing and touches no network.
"""

from __future__ import annotations

import os
from datetime import date
from typing import Any

from liftwatch.errors import LiftwatchError
from liftwatch.sources.base import FetchReport, Progress, SourceInfo, days
from liftwatch.sources.selection import Selection
from liftwatch.store import Store

# name -> module under liftwatch.sources
SOURCES: dict[str, str] = {
    "adsblol": "adsblol",
    "adsbx": "adsbx",
    "opensky": "opensky",
    "opensky-trino": "opensky_trino",
    "dma": "ais_archives",
    "noaa": "ais_archives",
}


def _module(name: str) -> Any:
    if name not in SOURCES:
        raise LiftwatchError(f"unknown source {name!r}; one of: {', '.join(SOURCES)}")
    module = SOURCES[name]
    # plain imports, deferred so that listing sources loads none of them
    if module == "adsblol":
        from liftwatch.sources import adsblol

        return adsblol
    if module == "adsbx":
        from liftwatch.sources import adsbx

        return adsbx
    if module == "opensky":
        from liftwatch.sources import opensky

        return opensky
    if module == "opensky_trino":
        from liftwatch.sources import opensky_trino

        return opensky_trino
    from liftwatch.sources import ais_archives

    return ais_archives


def source_info(name: str) -> SourceInfo:
    """A source's title, licence, attribution and terms."""
    mod = _module(name)
    infos = getattr(mod, "INFOS", None)
    return infos[name] if infos else mod.INFO  # type: ignore[no-any-return]


def fetch(
    source: str,
    store: Store,
    *,
    start: date | str,
    end: date | str | None = None,
    selection: Selection | None = None,
    base_url: str | None = None,
    cache_dir: str | os.PathLike[str] | None = None,
    progress: Progress | None = None,
    **options: Any,
) -> FetchReport:
    """Fetch ``source`` for the days ``start``..``end`` into ``store``, keeping what ``selection`` asks for.

    Re-running the same days with the same selection does nothing it already did; an interrupted day
    continues where it stopped. Source-specific options (``hours``, ``every_s``, ``kind``, ``keep``, …) are
    documented in docs/sources.md and in each source module.
    """
    mod = _module(source)
    span = days(start, end)
    check = getattr(mod, "check_day", None)
    if check is not None:
        for d in span:
            check(d) if getattr(mod, "INFOS", None) is None else check(d, source)
    sel = selection or Selection()
    kwargs: dict[str, Any] = {"base_url": base_url, "cache_dir": cache_dir, "progress": progress, **options}
    if getattr(mod, "INFOS", None) is not None:
        kwargs["source"] = source
    return mod.fetch(store, span, sel, **kwargs)  # type: ignore[no-any-return]
