"""The download cache: where fetched files and the cached release lists live, settable by the user.

Order: an explicit ``cache_dir`` argument (``--cache-dir``), ``$LIFTWATCH_CACHE``, ``$XDG_CACHE_HOME/liftwatch``,
``~/.cache/liftwatch``. Release lists are cached as JSON with their fetch time so that a second run of the same
days asks the API nothing.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

ENV_CACHE = "LIFTWATCH_CACHE"


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The cache directory to use (created on first use, not here)."""
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "liftwatch"


def read_json(path: Path, max_age_s: float | None) -> Any | None:
    """A cached JSON document, or None when absent, unreadable or older than ``max_age_s`` (None: any age)."""
    try:
        if max_age_s is not None and time.time() - path.stat().st_mtime > max_age_s:
            return None
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path, doc: Any) -> None:
    """Write atomically (a crash never leaves half a release list behind)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(doc), "utf-8")
    os.replace(tmp, path)
