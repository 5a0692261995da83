"""Claim check: read a news report, extract the movements it claims, and weigh them against the data.

``extract(text)`` -> :class:`Extraction` (rule/gazetteer based, no network, no model download);
``check(extraction, store)`` -> one :class:`ClaimResult` per claim with a verdict (supported / partly
supported / no evidence in the data / contradicted), reasons, coverage and the flights behind it;
``render.report_section_html(results)`` for the HTML report. Rules and verdicts: ``docs/claims.md``.
"""

from __future__ import annotations

from datetime import date

from liftwatch.claims.evidence import ClaimResult, check, check_claim
from liftwatch.claims.extract import extract
from liftwatch.claims.model import AssetRef, Claim, Extraction, Place
from liftwatch.claims.render import report_section_html, to_json
from liftwatch.claims.verdict import CONTRADICTED, NO_EVIDENCE, PARTLY, SUPPORTED, VERDICTS
from liftwatch.store import Store

__all__ = [
    "CONTRADICTED",
    "NO_EVIDENCE",
    "PARTLY",
    "SUPPORTED",
    "VERDICTS",
    "AssetRef",
    "Claim",
    "ClaimResult",
    "Extraction",
    "Place",
    "check",
    "check_article",
    "check_claim",
    "extract",
    "report_section_html",
    "to_json",
]


def check_article(
    text: str,
    store: Store,
    publication_date: date | None = None,
    *,
    window_days: int = 30,
    tolerance_days: int = 2,
) -> tuple[Extraction, list[ClaimResult]]:
    """Extract and check in one call (what the CLI, the report and the web UI use)."""
    ex = extract(text, publication_date, default_window_days=window_days)
    return ex, check(ex, store, tolerance_days=tolerance_days)
