"""Live receiver feeds: TCP clients (SBS, Beast, AVR) with reconnect, batched writes to the store, incremental
flight splitting, watch-list alerts and the live channel other processes follow. ``liftwatch watch`` is the
command; :func:`run_watch` the API.
"""

from __future__ import annotations

from liftwatch.live.alerts import Alert, AlertEngine, JsonlSink, TerminalSink, WebhookSink
from liftwatch.live.channel import LiveChannel, channel_path, read_events
from liftwatch.live.feeds import Backoff, FeedClient, FeedSpec
from liftwatch.live.runner import WatchConfig, WatchSummary, run_watch

__all__ = [
    "Alert",
    "AlertEngine",
    "Backoff",
    "FeedClient",
    "FeedSpec",
    "JsonlSink",
    "LiveChannel",
    "TerminalSink",
    "WatchConfig",
    "WatchSummary",
    "WebhookSink",
    "channel_path",
    "read_events",
    "run_watch",
]
