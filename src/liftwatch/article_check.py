"""An article against the data: the claims it makes and what the stored flights say about each (what
``liftwatch check`` and :meth:`liftwatch.LiftWatch.check` run)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from liftwatch.claims import ClaimResult, Extraction, check, extract
from liftwatch.errors import LiftwatchError
from liftwatch.store import Store

__all__ = ["ClaimCheck", "check_article", "read_article"]


@dataclass
class ClaimCheck:
    """The claims an article makes and what the data says about each."""

    extraction: Extraction
    results: list[ClaimResult]

    @property
    def positive(self) -> bool:
        """True when at least one claim is supported or partly supported."""
        return any(r.verdict in ("supported", "partly supported") for r in self.results)

    def __repr__(self) -> str:
        verdicts = ", ".join(f"{r.claim.claim_id}: {r.verdict}" for r in self.results) or "no claims found"
        return f"ClaimCheck({len(self.results)} claims; {verdicts})"


def read_article(article: str | os.PathLike[str]) -> str:
    """An article's text from a path (UTF-8, bad bytes replaced)."""
    path = Path(article)
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        if isinstance(article, str) and not path.exists() and _looks_like_text(article):
            # the commonest slip in a notebook: the article's text passed where a path goes
            shown = article if len(article) <= 60 else article[:57] + "..."
            raise LiftwatchError(
                f"no file named {shown!r}; to check an article's text rather than a file, pass it as text=..."
            ) from None
        raise LiftwatchError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _looks_like_text(article: str) -> bool:
    """Prose, not a mistyped path: several words, or a line break."""
    return "\n" in article or len(article.split()) >= 4


def check_article(
    store: Store,
    article: str | os.PathLike[str] | None = None,
    *,
    publication: date | None = None,
    window_days: int = 30,
    tolerance_days: int = 2,
    text: str | None = None,
    extraction: Extraction | None = None,
) -> ClaimCheck:
    """Extract an article's claims (a path, or ``text=``, or an ``extraction`` already made) and check each."""
    given = [name for name, v in (("article", article), ("text", text), ("extraction", extraction)) if v is not None]
    if len(given) != 1:
        raise LiftwatchError(
            "give one of: article (a path), text= (the article's text), extraction= (claims already extracted); "
            + (f"got {', '.join(given)}" if given else "got none")
        )
    if extraction is None:
        body = text if text is not None else read_article(article)  # type: ignore[arg-type]
        extraction = extract(body, publication, default_window_days=window_days)
    return ClaimCheck(extraction, check(extraction, store, tolerance_days=tolerance_days))
