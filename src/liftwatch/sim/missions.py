"""Flights that are not point-to-point transport: what real recordings showed the trajectory engine must hold.

- **Helicopters**: short loops out of a base at 600-2,000 ft and 120-135 kt, lifting off almost vertically.
- **Slow, low patrols**: a border/coast patrol at ~1,000 ft and 30-70 kt ground speed for 3.5-5 h along a
  coast, one take-off and one landing at the same field (the kind of flight a "low and slow means landed" rule
  cuts into a dozen fake landings).
- **Loitering ISR orbits** (RC-135, P-8) and **tankers in racetrack orbits** (KC-135): hours on station at
  altitude, then home; one flight each, however many laps.
- **Carrier operations**: a carrier (not in any gazetteer) on station south of Cyprus. A COD transport flies
  from Souda Bay to the deck and back, E-2 surveillance aircraft launch from the deck, orbit and recover.
  Truth ends "landed_unknown_site" with the deck's position, and starts "takeoff_unknown_site".
- **Overflights**: long-haul airliners between Europe and Africa / the Gulf crossing the region at cruise;
  receivers hear them only in the middle, so neither take-off nor landing is ever seen.

Planned with their own generator and appended after the classic movements, so adding them changes no other
movement's draws or flight id.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

import numpy as np

from liftwatch.geodesy import KM_PER_NM, destination
from liftwatch.sim.kinematics import Field, Performance
from liftwatch.sim.movement import Movement, hex_in_block

KINDS = ("helicopter", "patrol", "isr_orbit", "tanker_orbit", "carrier", "overflight")
CLASSIC_KINDS = ("transport", "airline", "charter", "voyage")

US_MIL = (0xAE0000, 0xAEFFFF)
UK_MIL = (0x43C000, 0x43CFFF)
CARRIER_AREA = (33.85, 33.10)  # on station ~130 km south of Cyprus, heard to the deck only from Troodos
DECK_FT = 60.0

HELO = Performance(
    cruise_kt=125.0,
    climb_ft_per_nm=700.0,
    rotate_kt=30.0,
    approach_kt=50.0,
    roll_nm=0.03,
    rollout_nm=0.03,
    descent_ft_per_nm=500.0,
    speed_alt_ft=400.0,
)
PATROL = Performance(
    cruise_kt=50.0,
    climb_ft_per_nm=500.0,
    rotate_kt=50.0,
    approach_kt=45.0,
    roll_nm=0.2,
    rollout_nm=0.2,
    speed_alt_ft=600.0,
    wobble_kt=19.0,
)


def _circle(lat: float, lon: float, radius_km: float, laps: int, start_deg: float) -> list[tuple[float, float]]:
    """Points around a circular orbit, ``laps`` times (every 10 degrees)."""
    ang = start_deg + np.arange(0, 360 * laps + 1, 10.0)
    la, lo = destination(np.full(len(ang), lat), np.full(len(ang), lon), ang % 360.0, radius_km)
    return list(zip(np.asarray(la, dtype=float).tolist(), np.asarray(lo, dtype=float).tolist(), strict=True))


def _racetrack(
    lat: float, lon: float, axis_deg: float, leg_km: float, width_km: float, laps: int
) -> list[tuple[float, float]]:
    """A racetrack: two parallel legs ``leg_km`` long joined by half circles, flown ``laps`` times."""
    half = leg_km / 2.0
    a_la, a_lo = destination(lat, lon, (axis_deg + 180.0) % 360.0, half)
    b_la, b_lo = destination(lat, lon, axis_deg, half)
    pts: list[tuple[float, float]] = []
    r = width_km / 2.0
    for _ in range(laps):
        # outbound leg on the centre line's left side, turn round the far end, back on the right side
        for c_la, c_lo, base in ((b_la, b_lo, axis_deg - 90.0), (a_la, a_lo, axis_deg + 90.0)):
            ang = (base + np.arange(0.0, 181.0, 15.0)) % 360.0
            la, lo = destination(np.full(len(ang), float(c_la)), np.full(len(ang), float(c_lo)), ang, r)
            pts.extend(zip(np.asarray(la, dtype=float).tolist(), np.asarray(lo, dtype=float).tolist(), strict=True))
    return pts


@dataclass(frozen=True)
class Sortie:
    """A local aircraft flying out of its base and back on some days: a helicopter loop, a coast patrol.

    ``path`` draws the day's route from the generator; ``callsign`` draws the day's callsign (or returns a
    fixed one without drawing). Draw order per day: whether it flies, take-off hour, route, callsign, cruise.
    """

    base: str
    block: tuple[int, int]  # ICAO address block
    registration: str
    type_code: str
    classification: str
    rate: float  # share of days it flies
    hours: tuple[float, float]  # take-off between these hours of the day
    path: Callable[[np.random.Generator], list[tuple[float, float]]]
    callsign: Callable[[np.random.Generator], str]
    cruise_hundreds_ft: tuple[int, int]  # cruise altitude drawn in hundreds of feet, upper bound exclusive
    kind: str
    perf: Performance
    taxi_s: tuple[float, float, float, float] | None = None


def _loop(lat: float, lon: float) -> Callable[[np.random.Generator], list[tuple[float, float]]]:
    """A helicopter's day: 2-4 points 20-90 km from its base, turning one way."""

    def draw(rng: np.random.Generator) -> list[tuple[float, float]]:
        n = int(rng.integers(2, 5))
        brg = float(rng.uniform(0, 360)) + np.cumsum(rng.uniform(40.0, 110.0, n))
        dist = rng.uniform(20.0, 90.0, n)
        pts = [destination(lat, lon, float(b) % 360.0, float(d)) for b, d in zip(brg, dist, strict=True)]
        return [(float(p[0]), float(p[1])) for p in pts]

    return draw


def _coast_patrol(rng: np.random.Generator) -> list[tuple[float, float]]:
    """Along Cyprus's south coast eastwards, back further out to sea, each turn point jittered by ~2 km."""
    coast = [(34.62, 32.45), (34.52, 32.95), (34.62, 33.35), (34.80, 33.75), (34.95, 34.08)]
    offshore = [(34.70, 34.25), (34.45, 33.70), (34.25, 33.10), (34.35, 32.55), (34.60, 32.25)]
    jitter = rng.normal(0.0, 0.02, (len(coast) + len(offshore), 2))
    return [(a + float(j[0]), b + float(j[1])) for (a, b), j in zip(coast + offshore, jitter, strict=True)]


def _numbered(prefix: str) -> Callable[[np.random.Generator], str]:
    return lambda rng: f"{prefix}{int(rng.integers(1, 99)):02d}"


HELICOPTERS = (  # an RAF Griffin at Akrotiri and a police AW139 at Larnaca
    Sortie("akrotiri", UK_MIL, "ZJ707", "B412", "military", 0.45, (7.0, 17.0), _loop(34.5904, 32.9879),
           _numbered("GRIFN"), (6, 21), "helicopter", HELO, (30.0, 120.0, 20.0, 90.0)),
    Sortie("LCLK", (0x4C8400, 0x4C87FF), "5B-CPB", "A139", "state", 0.6, (7.0, 17.0), _loop(34.8751, 33.6249),
           _numbered("CYPOL"), (6, 21), "helicopter", HELO, (30.0, 120.0, 20.0, 90.0)),
)  # fmt: skip
PATROLS = (  # a coast patrol out of Paphos, ~1,000 ft, 30-70 kt
    Sortie("LCPH", (0x4C8400, 0x4C87FF), "5B-CPP", "DA42", "state", 0.5, (6.0, 13.0), _coast_patrol,
           lambda _rng: "CYPOL9", (8, 13), "patrol", PATROL),
)  # fmt: skip


def sorties(
    rng: np.random.Generator, start: datetime, days: int, used: set[str], fleet: tuple[Sortie, ...]
) -> list[Movement]:
    """Every flight of ``fleet``: each aircraft takes off from its base on a share of days and comes back."""
    moves: list[Movement] = []
    for s in fleet:
        hx = hex_in_block(rng, s.block[0], s.block[1], used)
        for day in range(days):
            if rng.random() > s.rate:
                continue
            t = start + timedelta(days=day, hours=float(rng.uniform(*s.hours)))
            path = s.path(rng)
            callsign = s.callsign(rng)
            cruise = float(rng.integers(*s.cruise_hundreds_ft)) * 100.0
            moves.append(
                Movement(
                    "air", hx, s.registration, s.type_code, callsign, s.classification, s.base, s.base, t,
                    f"{s.base}->{s.base}", cruise_ft=cruise, kind=s.kind, path=path, perf=s.perf, taxi_s=s.taxi_s,
                )
            )  # fmt: skip
    return moves


def helicopters(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """Helicopter loops out of their bases at 600-2,000 ft (:data:`HELICOPTERS`)."""
    return sorties(rng, start, days, used, HELICOPTERS)


def patrols(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """Slow, low coast patrols (:data:`PATROLS`)."""
    return sorties(rng, start, days, used, PATROLS)


def orbits(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """ISR orbits (RC-135 off the Syrian coast, P-8 off Cyrenaica) and KC-135 tanker racetracks."""
    moves: list[Movement] = []
    plans = (
        ("souda", "R135", "JAKE", "isr_orbit", (35.05, 34.55), 0.35, (5.0, 8.0)),
        ("sigonella", "P8", "PELCN", "isr_orbit", (33.45, 20.60), 0.35, (4.0, 6.5)),
        ("incirlik", "K35R", "ETHYL", "tanker_orbit", (34.20, 31.20), 0.3, (2.5, 4.0)),
    )
    for base, typ, cs, kind, (cla, clo), rate, (lo_h, hi_h) in plans:
        hx = hex_in_block(rng, US_MIL[0], US_MIL[1], used)
        reg = f"{int(rng.integers(10, 99))}-{int(rng.integers(1000, 9999))}"
        for day in range(days):
            if rng.random() > rate:
                continue
            t = start + timedelta(days=day, hours=float(rng.uniform(4.0, 12.0)))
            hours = float(rng.uniform(lo_h, hi_h))
            la, lo = cla + float(rng.normal(0, 0.1)), clo + float(rng.normal(0, 0.1))
            if kind == "isr_orbit":
                radius = float(rng.uniform(25.0, 40.0))
                laps = max(1, round(hours * 450.0 * KM_PER_NM / (2 * np.pi * radius)))
                path = _circle(la, lo, radius, laps, float(rng.uniform(0, 360)))
                cruise = float(rng.choice([26000.0, 28000.0, 30000.0]))
            else:
                leg, width = float(rng.uniform(90.0, 130.0)), float(rng.uniform(25.0, 35.0))
                laps = max(1, round(hours * 430.0 * KM_PER_NM / (2 * leg + np.pi * width)))
                path = _racetrack(la, lo, float(rng.choice([90.0, 110.0, 70.0])), leg, width, laps)
                cruise = float(rng.choice([22000.0, 24000.0, 26000.0]))
            moves.append(
                Movement(
                    "air", hx, reg, typ, f"{cs}{int(rng.integers(11, 79))}", "military", base, base, t,
                    f"{base}->{base}", cruise_ft=cruise, kind=kind, path=path,
                )
            )  # fmt: skip
    return moves


def carrier_ops(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """A carrier on station for six days: a daily COD run from Souda Bay to the deck and back, and on about
    every other day an E-2 cycle off the deck (most carrier aircraft fly with ADS-B off; these two are the
    kinds public recordings do show)."""
    moves: list[Movement] = []
    first = min(2, max(0, days - 1))
    ops_days = range(first, min(days, first + 6))
    cod = hex_in_block(rng, US_MIL[0], US_MIL[1], used)
    hawks = [hex_in_block(rng, US_MIL[0], US_MIL[1], used)]
    cod_perf = Performance(cruise_kt=250.0, approach_kt=105.0, rotate_kt=100.0, climb_ft_per_nm=450.0)
    for day in ops_days:
        la = CARRIER_AREA[0] + float(rng.normal(0.0, 0.12))
        lo = CARRIER_AREA[1] + float(rng.normal(0.0, 0.15))
        hdg = float(rng.uniform(0.0, 360.0))  # into the wind of the day
        deck = Field("", la, lo, DECK_FT, (hdg,))
        t = start + timedelta(days=day, hours=float(rng.uniform(6.0, 9.0)))
        num = int(rng.integers(10, 60))
        to_ship, from_ship = replace(cod_perf, rollout_nm=0.05), replace(cod_perf, roll_nm=0.05)
        moves.append(
            Movement(
                "air", cod, "162175", "C2", f"RAWHD{num}", "military", "souda", "", t, "souda->unknown-site",
                cruise_ft=24000.0, kind="carrier", perf=to_ship, arr_at=deck, taxi_s=(240.0, 600.0, 0.0, 90.0),
            )
        )  # fmt: skip
        back = t + timedelta(hours=float(rng.uniform(4.5, 6.0)))
        moves.append(
            Movement(
                "air", cod, "162175", "C2", f"RAWHD{num + 1}", "military", "", "souda", back, "unknown-site->souda",
                cruise_ft=24000.0, kind="carrier", perf=from_ship, dep_at=deck, taxi_s=(30.0, 180.0, 120.0, 300.0),
            )
        )  # fmt: skip
        for k, hx in enumerate(hawks):
            if rng.random() > 0.5:
                continue
            launch = start + timedelta(days=day, hours=float(8.0 + 6.0 * k + rng.uniform(0.0, 2.0)))
            station = destination(la, lo, float(rng.uniform(0, 360)), float(rng.uniform(80.0, 150.0)))
            out = destination(la, lo, hdg, 3.0 * KM_PER_NM)
            final = destination(la, lo, (hdg + 180.0) % 360.0, 8.0 * KM_PER_NM)
            laps = int(rng.integers(6, 11))
            path = [
                (float(out[0]), float(out[1])),
                *_circle(float(station[0]), float(station[1]), 30.0, laps, float(rng.uniform(0, 360))),
                (float(final[0]), float(final[1])),
            ]
            hawk = Performance(cruise_kt=290.0, approach_kt=110.0, rotate_kt=105.0, roll_nm=0.05, rollout_nm=0.05)
            moves.append(
                Movement(
                    "air", hx, f"16{int(rng.integers(6000, 9999))}", "E2", f"CLTCH{60 + k}", "military", "", "",
                    launch, "unknown-site->unknown-site", cruise_ft=25000.0, kind="carrier", path=path,
                    perf=hawk, dep_at=deck, arr_at=deck, taxi_s=(30.0, 180.0, 0.0, 90.0),
                )
            )  # fmt: skip
    return moves


OVERFLIGHTS = (  # (from, to, callsign prefix, ICAO block, registration prefix, type)
    ("EDDF", "HKJK", "DLH", (0x3C4000, 0x3C7FFF), "D-A", "B77W"),
    ("LIRF", "FAOR", "SAA", (0x008000, 0x00FFFF), "ZS-", "A332"),
    ("LEMD", "OMDB", "UAE", (0x896000, 0x896FFF), "A6-", "B77W"),
    ("EGLL", "OERK", "BAW", (0x400000, 0x43BFFF), "G-", "B77W"),
    ("LIMC", "OEJN", "SVA", (0x710000, 0x717FFF), "HZ-", "B77W"),
    ("HAAB", "LIRF", "ETH", (0x040000, 0x043FFF), "ET-", "A332"),
)


def overflights(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """Long-haul airliners crossing the region at cruise: outbound one day, back the next."""
    moves: list[Movement] = []
    for a, b, cs, (lo, hi), reg_pre, typ in OVERFLIGHTS:
        hx = hex_in_block(rng, lo, hi, used)
        reg = reg_pre + "".join(chr(65 + int(x)) for x in rng.integers(0, 26, 3))
        num = int(rng.integers(100, 900))
        hour = float(rng.uniform(0.0, 14.0))
        for day in range(days):
            dep, arr, n = (a, b, num) if day % 2 == 0 else (b, a, num + 1)
            t = start + timedelta(days=day, hours=hour + float(rng.normal(0.0, 0.3)))
            cruise = float(rng.choice([35000.0, 37000.0, 39000.0]))
            moves.append(
                Movement(
                    "air", hx, reg, typ, f"{cs}{n}", "civil", dep, arr, t, f"{dep}->{arr}", cruise_ft=cruise,
                    kind="overflight",
                )
            )  # fmt: skip
    return moves


PLANNERS = {
    "helicopter": helicopters,
    "patrol": patrols,
    "isr_orbit": orbits,
    "tanker_orbit": orbits,
    "carrier": carrier_ops,
    "overflight": overflights,
}


def plan_missions(seed: int, start: datetime, days: int, used: set[str], kinds: tuple[str, ...]) -> list[Movement]:
    """Movements of the requested ``kinds``, each planner with its own generator (stable under additions)."""
    out: list[Movement] = []
    done: set[str] = set()
    for j, kind in enumerate(KINDS):
        planner = PLANNERS[kind]
        if kind not in kinds or planner.__name__ in done:
            continue
        done.add(planner.__name__)
        moves = planner(np.random.default_rng([seed, 2 << 20, j]), start, days, used)
        out += [m for m in moves if m.kind in kinds]
    end = start + timedelta(days=days)
    return sorted((m for m in out if m.dep_time < end), key=lambda m: (m.dep_time, m.asset_id))
