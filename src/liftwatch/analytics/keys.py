"""What names a corridor: the columns holding its two ends at each level, and how the two ends are joined.

Its own module because both the whole-table corridor code (:mod:`liftwatch.analytics.corridors`) and the
mergeable partial states it is computed from (:mod:`liftwatch.analytics.partials`) need it.
"""

from __future__ import annotations

from typing import Literal

SEP = "->"
Level = Literal["site", "region"]
Period = Literal["day", "week"] | None


def corridor_keys(level: Level) -> tuple[str, str]:
    """Column names holding the two ends of a corridor at this level."""
    return ("origin", "destination") if level == "site" else ("origin_region", "destination_region")
