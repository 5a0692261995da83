"""Ships: AIS port calls, voyages, dark silences and where dark ships went (voyages share the flights table)."""

from __future__ import annotations

from liftwatch.sea.build import SeaResult, analyse, build_voyages

__all__ = ["SeaResult", "analyse", "build_voyages"]
