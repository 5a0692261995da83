"""Loading the optional C accelerators (``liftwatch.io._trace_native``, ``liftwatch.io._aircraft_native``).

They are built by ``pip install`` when a C compiler is there and skipped otherwise (``setup.py``), so each is
looked for and may be missing; ``LIFTWATCH_NATIVE=0`` (or false/no/off) in the environment turns every one off,
to compare the paths or to rule the accelerators out. One place decides, so both readers agree.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

OFF = ("0", "false", "no", "off")


def turned_off() -> bool:
    """Whether ``LIFTWATCH_NATIVE`` turns the accelerators off."""
    return os.environ.get("LIFTWATCH_NATIVE", "1").strip().lower() in OFF


def load(name: str) -> ModuleType | None:
    """The extension module ``liftwatch.io.<name>``, or None when it is not built or turned off."""
    if turned_off():
        return None
    try:
        return importlib.import_module(f"liftwatch.io.{name}")
    except ImportError:  # not built (no compiler at install time): the pure-Python path
        return None


__all__ = ["OFF", "load", "turned_off"]
