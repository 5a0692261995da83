"""``liftwatch serve``: the analyst's workbench in the browser, on a local store (read-only).

See :func:`liftwatch.web.app.create_app` and ``docs/web.md``.
"""

from __future__ import annotations

from liftwatch.web.app import check_bind, create_app

__all__ = ["check_bind", "create_app"]
