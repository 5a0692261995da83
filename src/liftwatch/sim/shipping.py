"""Ship voyages of the scenario: Russian MoD-chartered ro-ro ships out of Tartus (plan only, no physics)."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

from liftwatch.sim.movement import Movement, tag_kind

SEA_VIA = {
    ("tartus", "tobruk-port"): [(34.3, 34.6), (33.3, 28.5)],
    ("tartus", "benghazi-port"): [(34.3, 34.6), (33.3, 27.0), (33.3, 22.0), (32.4, 19.9)],
    # out of the Mediterranean by Sicily and Gibraltar, round Iberia, the Channel, the Skagerrak, the Sound
    ("tartus", "baltiysk"): [
        (34.3, 34.6),
        (34.0, 32.0),
        (34.6, 24.0),
        (36.2, 15.4),
        (37.4, 11.6),
        (37.7, 9.5),
        (36.9, 0.0),
        (35.95, -5.6),
        (36.6, -9.6),
        (43.2, -10.0),
        (48.5, -5.7),
        (50.0, -2.0),
        (51.0, 1.5),
        (53.5, 3.5),
        (57.0, 7.0),
        (57.95, 10.8),
        (57.3, 11.5),
        (56.4, 12.2),
        (56.05, 12.65),
        (55.3, 12.9),
        (54.8, 14.5),
        (55.1, 18.5),
        (54.7, 19.5),
    ],
}


def baltic_voyages(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """A ro-ro leaving Tartus for the Baltic Fleet base (the reported pull-back); ~12 days at sea.

    Planned with its own generator and processed after the other movements so that adding it leaves every
    other movement's noise, identifiers and flight_id unchanged."""
    mmsi = f"273{int(rng.integers(100000, 999999)):06d}"
    used.add(mmsi)
    dep = start + timedelta(days=0.25 + float(rng.uniform(0, 0.25)))
    via = SEA_VIA[("tartus", "baltiysk")]
    m = Movement(
        "sea",
        mmsi,
        "SPARTA",
        "roro-small",
        "SPARTA",
        "state",
        "tartus",
        "baltiysk",
        dep,
        "tartus->baltiysk",
        payload_t=2500.0,
        payload_class="typical",
        via=list(via),
        speed=15.0,
        stay_h=24.0,
        kind="voyage",
    )
    return [m] if m.dep_time < start + timedelta(days=days - 1) else []


def voyages(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """Russian MoD-chartered ro-ro ships out of Tartus to eastern Libyan ports and back."""
    moves: list[Movement] = []
    ships = (("273", "SPARTA II", "roro-small"), ("273", "URSA MAJOR", "roro-small"))
    t = start + timedelta(days=1, hours=6)
    for i, (mid, name, cls) in enumerate(ships):
        mmsi = f"{mid}{int(rng.integers(100000, 999999)):06d}"
        used.add(mmsi)
        port = "tobruk-port" if i == 0 else "benghazi-port"
        dep = t + timedelta(days=float(i * 4 + rng.uniform(0, 1)))
        via = SEA_VIA[("tartus", port)]
        dark = i == 1  # the second ship goes dark approaching Libya
        out = Movement(
            "sea",
            mmsi,
            name,
            cls,
            name,
            "state",
            "tartus",
            port,
            dep,
            f"tartus->{port}",
            payload_t=3000.0,
            payload_class="typical",
            via=list(via),
            speed=13.0,
            stay_h=30.0,
            dark_before_km=300.0 if dark else None,
        )
        moves.append(out)
        back = Movement(
            "sea",
            mmsi,
            name,
            cls,
            name,
            "state",
            port,
            "tartus",
            dep + timedelta(days=4.0),
            f"{port}->tartus",
            via=list(reversed(via)),
            speed=13.0,
            stay_h=24.0,
            dark_after_km=250.0 if dark else None,
        )
        moves.append(back)
    return tag_kind([m for m in moves if m.dep_time < start + timedelta(days=days - 1)], "voyage")
