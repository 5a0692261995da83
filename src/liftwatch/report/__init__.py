"""The analyst's report: self-contained HTML, an offline interactive map, plots and GeoJSON/KML/CSV/Parquet.

Entry point: :func:`build_report`. See ``docs/report.md``.
"""

from __future__ import annotations

from liftwatch.report.builder import ReportResult, build_report
from liftwatch.report.kbview import SiteBook

__all__ = ["ReportResult", "SiteBook", "build_report"]
