"""The analyst's report: self-contained HTML, an offline interactive map, plots and GeoJSON/KML/CSV/Parquet.

Entry points: :func:`analyse` (numbers, no I/O) and :func:`write_report` (the folder); :func:`build_report`
does both. Window and scope travel as one :class:`AnalysisOptions`. See ``docs/report.md``.
"""

from __future__ import annotations

from liftwatch.report.analysis import Analysis, AnalysisOptions, analyse
from liftwatch.report.builder import ReportResult, build_report, write_report
from liftwatch.report.kbview import SiteBook

__all__ = ["Analysis", "AnalysisOptions", "ReportResult", "SiteBook", "analyse", "build_report", "write_report"]
