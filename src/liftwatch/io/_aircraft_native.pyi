"""Type stub of the optional C accelerator built from csrc/aircraft_*.c (see liftwatch.io.aircraft_native)."""

from typing import Any

class Doc:
    """One snapshot's aircraft after the reader's rules, held in C memory until ``assemble``."""

def scan(data: bytes) -> tuple[Doc, int, int, int] | None: ...
def assemble(docs: list[Doc], now: Any) -> tuple[Any, ...] | None: ...
