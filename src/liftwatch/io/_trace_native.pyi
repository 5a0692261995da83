"""Type stub of the optional C accelerator built from csrc/trace_native.c (see liftwatch.io.trace_native)."""

def trace_columns(
    data: bytes,
) -> tuple[int, int, int, bytearray, bytearray, bytearray, bytearray, bytearray, list[str], bytes | None] | None: ...
