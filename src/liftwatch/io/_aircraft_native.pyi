"""Type stub of the optional C accelerator built from csrc/aircraft_native.c (see liftwatch.io.aircraft_native)."""

def aircraft_columns(
    data: bytes,
) -> tuple[int, int, int, bytearray, bytes, bytes, tuple[bytes, ...]] | None: ...
