"""Hostile payloads shared by the probes: text that must stay inert wherever it reaches an output."""

from __future__ import annotations

import numpy as np

from liftwatch.modes import encode

# Each of these must come out of every output as inert text: HTML/JS breakers, CSV formulas, SQL, control bytes.
TEXT_PAYLOADS = (
    "<!--<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    "\u2028\u2029x",
    '=HYPERLINK("http://evil","x")',
    "+SUM(1)",
    "-2+3",
    "@cmd",
    "'; DROP TABLE points; --",
    "A\x00B\x1fC",
)


def modes_lines(times: list[str], icao: int = 0x4B1801) -> bytes:
    """``timestamp,hex`` lines of valid airborne positions (alternating CPR even/odd) at the given times."""
    n = len(times)
    lat = np.linspace(35.0, 35.2, n)
    lon = np.linspace(33.0, 33.2, n)
    fmt = np.arange(n) % 2
    msgs = encode.airborne_position(np.full(n, icao), lat, lon, np.full(n, 30000.0), fmt)
    hexes = encode.to_hex(msgs)
    return "".join(f"{t},{h}\n" for t, h in zip(times, hexes, strict=True)).encode()


SBS_GOOD = b"MSG,3,1,1,4B1801,1,2024/12/14,06:00:00.000,2024/12/14,06:00:00.000,,35000,,,35.1,33.2,,,0,0,0,0\n"


def sbs_line(icao: str = "4B1801", second: int = 0, callsign: str = "", extra: str = "") -> bytes:
    """One SBS MSG,3 (position) or, with a callsign, MSG,1 line."""
    t = f"2024/12/14,06:{second // 60:02d}:{second % 60:02d}.000"
    if callsign:
        return f"MSG,1,1,1,{icao},1,{t},{t},{callsign},,,,,,,,,,,0\n".encode()
    return f"MSG,3,1,1,{icao},1,{t},{t},,35000,,,35.1,33.{second % 9},,,0,0,0,0{extra}\n".encode()
