"""The switch for the optional C accelerators (``liftwatch.io._trace_native``, ``liftwatch.io._aircraft_native``).

They are built by ``pip install`` when a C compiler is there and skipped otherwise (``setup.py``), so each
reader imports its own and may find it missing; ``LIFTWATCH_NATIVE=0`` (or false/no/off) in the environment
turns every one off, to compare the paths or to rule the accelerators out. One place decides, so both agree.
"""

from __future__ import annotations

import os

OFF = ("0", "false", "no", "off")


def turned_off() -> bool:
    """Whether ``LIFTWATCH_NATIVE`` turns the accelerators off."""
    return os.environ.get("LIFTWATCH_NATIVE", "1").strip().lower() in OFF


__all__ = ["OFF", "turned_off"]
