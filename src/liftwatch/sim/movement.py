"""One planned movement (flight or voyage) and the small helpers every planner shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from liftwatch.sim.kinematics import Field, Performance


@dataclass
class Movement:
    """One planned flight or voyage and how its transponder behaves."""

    domain: str  # air | sea
    asset_id: str
    registration: str | None
    type_code: str
    callsign: str
    classification: str
    dep_site: str
    arr_site: str
    dep_time: datetime
    corridor: str
    payload_t: float = 0.0
    payload_class: str = "none"  # none | light | typical | heavy
    dark_before_km: float | None = None  # transponder off this far (along track) before arrival
    dark_after_km: float | None = None  # transponder only switched on this far after departure
    callsign_change: str | None = None  # second callsign used from mid-flight
    via: list[tuple[float, float]] = field(default_factory=list)
    cruise_ft: float = 32000.0
    surge: bool = False
    speed: float = 0.0  # cruise kt (air) or service speed kn (sea)
    stay_h: float = 0.0  # hours moored at the arrival berth after a voyage (ships keep transmitting)
    kind: str = ""  # flight kind in the truth: transport, airline, charter, helicopter, patrol, ... (KINDS)
    path: list[tuple[float, float]] | None = None  # explicit route between the fields (orbit, racetrack, patrol)
    perf: Performance | None = None  # aircraft performance when the type table's cruise speed is not enough
    dep_at: Field | None = None  # take-off point not in the gazetteer (a ship's deck): dep_site is ""
    arr_at: Field | None = None  # landing point not in the gazetteer: arr_site is ""
    taxi_s: tuple[float, float, float, float] | None = None  # (out lo, out hi, in lo, in hi) seconds on the ground


def hex_in_block(rng: np.random.Generator, lo: int, hi: int, used: set[str]) -> str:
    while True:
        h = f"{int(rng.integers(lo, hi)):06x}"
        if h not in used:
            used.add(h)
            return h


def tag_kind(moves: list[Movement], kind: str) -> list[Movement]:
    for m in moves:
        m.kind = kind
    return moves
