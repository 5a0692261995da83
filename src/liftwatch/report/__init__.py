"""The analyst's report: self-contained HTML, an offline interactive map, plots and GeoJSON/KML/CSV/Parquet.

Entry points: :func:`analyse` (numbers, no I/O) and :func:`write_report` (the folder); :func:`build_report`
does both. Window and scope travel as one :class:`AnalysisOptions`. See ``docs/report.md``.

The names below load on first use (PEP 562): the analysis brings SciPy and the claims checker, the report
writer Matplotlib and Jinja2 (~1.5 CPU s together), which importing one light module of this package, or a
command that writes no report, should not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liftwatch.report.analysis import Analysis, AnalysisOptions, analyse
    from liftwatch.report.builder import ReportResult, build_report, write_report
    from liftwatch.report.kbview import SiteBook


def __getattr__(name: str) -> Any:
    """Import the module that defines a package-level name the first time it is asked for."""
    value: Any
    if name in ("Analysis", "AnalysisOptions", "analyse"):
        from liftwatch.report import analysis

        value = getattr(analysis, name)
    elif name in ("ReportResult", "build_report", "write_report"):
        from liftwatch.report import builder

        value = getattr(builder, name)
    elif name == "SiteBook":
        from liftwatch.report.kbview import SiteBook as value
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


__all__ = ["Analysis", "AnalysisOptions", "ReportResult", "SiteBook", "analyse", "build_report", "write_report"]
