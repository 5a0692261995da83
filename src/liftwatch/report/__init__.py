"""The analyst's report: self-contained HTML, an offline interactive map, plots and GeoJSON/KML/CSV/Parquet.

Entry points: :func:`analyse` (numbers, no I/O) and :func:`write_report` (the folder); :func:`build_report`
does both. See ``docs/report.md``.
"""

from __future__ import annotations

from liftwatch.report.analysis import Analysis, analyse
from liftwatch.report.builder import ReportResult, build_report, write_report
from liftwatch.report.kbview import SiteBook

__all__ = ["Analysis", "ReportResult", "SiteBook", "analyse", "build_report", "write_report"]
