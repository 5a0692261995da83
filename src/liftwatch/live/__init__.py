"""Live receiver feeds: TCP clients (SBS, Beast, AVR) with reconnect, batched writes to the store, incremental
flight splitting and watch-list alerts. ``liftwatch watch`` is the command; :func:`run_watch` the API.
"""

from __future__ import annotations

from liftwatch.live.alerts import Alert, AlertEngine, JsonlSink, TerminalSink, WebhookSink
from liftwatch.live.feeds import Backoff, FeedClient, FeedSpec
from liftwatch.live.runner import WatchConfig, WatchSummary, run_watch

__all__ = [
    "Alert",
    "AlertEngine",
    "Backoff",
    "FeedClient",
    "FeedSpec",
    "JsonlSink",
    "TerminalSink",
    "WatchConfig",
    "WatchSummary",
    "WebhookSink",
    "run_watch",
]
