"""Fetch real data from where analysts get it: archives, keyless live APIs, AIS streams.

Each source is one module holding its URL templates, its terms (licence and the attribution the licence asks
for) and a ``base_url`` override; nothing touches the network at import. :func:`fetch` is the library entry
point behind ``liftwatch fetch SOURCE``.
"""

from __future__ import annotations

from liftwatch.sources.base import FetchReport, ItemReport, Progress, SourceInfo
from liftwatch.sources.registry import SOURCES, fetch, source_info
from liftwatch.sources.selection import BBox, Selection

__all__ = [
    "SOURCES",
    "BBox",
    "FetchReport",
    "ItemReport",
    "Progress",
    "Selection",
    "SourceInfo",
    "fetch",
    "source_info",
]
