"""``python -m liftwatch.sim [DIR]``: rebuild the bundled default scenario (or write it to DIR)."""

from __future__ import annotations

import sys
from pathlib import Path

from liftwatch.sim.bundle import build_default

if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    written = build_default(target)
    print({k: len(v) for k, v in written.items()})
