"""Who flies (or sails) where and when: the schedule of a scenario, before any physics or observation.

Kept apart from kinematics and observation so the truth table is decided here, once, from the seed.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np

from liftwatch.geodesy import haversine_km
from liftwatch.sim.movement import Movement, hex_in_block, tag_kind
from liftwatch.sim.shipping import SEA_VIA, baltic_voyages, voyages

__all__ = ["SEA_VIA", "Movement", "airlift", "baltic_voyages", "charters", "civil", "voyages"]


@dataclass(frozen=True)
class Airframe:
    asset_id: str
    registration: str
    type_code: str
    callsign_prefix: str


# Russian state transports: registrations follow the public RA-78xxx (Il-76MD) / RA-82xxx (An-124) series;
# addresses are drawn deterministically inside the Russian ICAO block when the registry has none.
MIL_FLEET = (
    ("RA-78817", "IL76"),
    ("RA-78830", "IL76"),
    ("RA-78845", "IL76"),
    ("RA-78854", "IL76"),
    ("RA-86899", "IL76"),
    ("RA-78778", "IL76"),
    ("RA-78762", "IL76"),
    ("RA-78791", "IL76"),
    ("RA-78842", "IL76"),
    ("RA-78765", "IL76"),
    ("RA-82038", "A124"),
    ("RA-82035", "A124"),
)

# Routes from Syria into Libya keep out of Turkish/Greek airspace and stay south of Cyprus and Crete.
VIA_SOUTH_OF_CYPRUS = [(34.2, 33.0), (33.4, 27.5)]
VIA_IRAN_IRAQ = [(44.0, 47.5), (36.0, 45.5), (35.0, 40.0)]


def military_fleet(rng: np.random.Generator, known: dict[str, str], used: set[str]) -> list[Airframe]:
    out = []
    for reg, typ in MIL_FLEET:
        hx = known.get(reg) or hex_in_block(rng, 0x140000, 0x15FFFF, used)
        used.add(hx)
        out.append(Airframe(hx, reg, typ, "RFF"))
    return out


def sortie_days(rng: np.random.Generator, days: int, base_rate: float, surge_day: int, factor: float) -> list[int]:
    """Day index of each Syria->Libya sortie: Poisson counts, rate x ``factor`` from ``surge_day``."""
    rates = np.where(np.arange(days) >= surge_day, base_rate * factor, base_rate)
    counts = rng.poisson(rates)
    return [d for d in range(days) for _ in range(int(counts[d]))]


def airlift(
    rng: np.random.Generator,
    start: datetime,
    days: int,
    fleet: list[Airframe],
    surge_day: int,
    base_rate: float = 1.3,
    factor: float = 3.0,
    dark_share: float = 0.55,
) -> list[Movement]:
    """Sorties out of Hmeimim into Libya (some via Tobruk), their returns, and positioning from Russia."""
    moves: list[Movement] = []
    free_at = {a.asset_id: start for a in fleet}
    location = {a.asset_id: ("chkalovsky" if i >= len(fleet) - 2 else "hmeimim") for i, a in enumerate(fleet)}
    payload = {"IL76": (28.0, 40.0), "A124": (55.0, 90.0)}
    for k, day in enumerate(sortie_days(rng, days, base_rate, surge_day, factor)):
        t0 = start + timedelta(days=day, hours=float(rng.uniform(1.0, 20.0)))
        avail = [a for a in fleet if free_at[a.asset_id] <= t0]
        if not avail:
            continue
        a = avail[int(rng.integers(len(avail)))]
        num = 7000 + int(rng.integers(0, 999))
        cs = f"{a.callsign_prefix}{num}"
        surge = day >= surge_day
        lo, hi = payload.get(a.type_code, (10.0, 20.0))
        pt = float(rng.uniform(lo, hi))
        t = max(t0, free_at[a.asset_id])
        if location[a.asset_id] == "chkalovsky":  # positioning flight Russia -> Syria first
            moves.append(
                Movement(
                    "air",
                    a.asset_id,
                    a.registration,
                    a.type_code,
                    cs,
                    "military",
                    "chkalovsky",
                    "hmeimim",
                    t,
                    "chkalovsky->hmeimim",
                    pt,
                    "typical",
                    via=list(VIA_IRAN_IRAQ),
                    cruise_ft=34000.0,
                    surge=surge,
                )
            )
            t += timedelta(hours=float(rng.uniform(8.0, 16.0)))
            location[a.asset_id] = "hmeimim"
        r = rng.random()
        dest = "al-khadim" if r < 0.6 else "tobruk" if r < 0.75 else "al-jufra" if r < 0.87 else "benina"
        dark = rng.random() < dark_share and dest in ("al-khadim", "al-jufra")
        out = Movement(
            "air",
            a.asset_id,
            a.registration,
            a.type_code,
            cs,
            "military",
            "hmeimim",
            dest,
            t,
            f"hmeimim->{dest}",
            pt,
            "typical",
            via=list(VIA_SOUTH_OF_CYPRUS),
            cruise_ft=float(rng.choice([28000.0, 30000.0, 32000.0])),
            surge=surge,
            dark_before_km=float(rng.uniform(60.0, 180.0)) if dark else None,
            callsign_change=f"{a.callsign_prefix}{num + 1}" if rng.random() < 0.2 else None,
        )
        moves.append(out)
        hours = _block_hours(out) + float(rng.uniform(2.0, 5.0))
        t = t + timedelta(hours=hours)
        at = dest
        if dest == "tobruk":  # via Tobruk: a short hop on to Al-Khadim
            dark2 = rng.random() < dark_share
            hop = Movement(
                "air",
                a.asset_id,
                a.registration,
                a.type_code,
                cs,
                "military",
                "tobruk",
                "al-khadim",
                t,
                "tobruk->al-khadim",
                pt,
                "typical",
                cruise_ft=14000.0,
                surge=surge,
                dark_before_km=float(rng.uniform(40.0, 70.0)) if dark2 else None,
            )
            moves.append(hop)
            t += timedelta(hours=_block_hours(hop) + float(rng.uniform(2.0, 4.0)))
            at, dark = "al-khadim", dark2
        back = Movement(
            "air",
            a.asset_id,
            a.registration,
            a.type_code,
            cs,
            "military",
            at,
            "hmeimim",
            t,
            f"{at}->hmeimim",
            0.0,
            "none",
            via=list(reversed(VIA_SOUTH_OF_CYPRUS)),
            cruise_ft=30000.0,
            dark_after_km=float(rng.uniform(60.0, 150.0)) if dark else None,
        )
        moves.append(back)
        free_at[a.asset_id] = t + timedelta(hours=_block_hours(back) + float(rng.uniform(2.0, 6.0)))
        _ = k
    return tag_kind(moves, "transport")


def _block_hours(m: Movement, sites: dict[str, tuple[float, float]] | None = None) -> float:
    """Rough block time used only for scheduling (the physics decides the real one)."""
    from liftwatch import kb

    a, b = kb.site(m.dep_site), kb.site(m.arr_site)
    pts = [(a.lat, a.lon), *m.via, (b.lat, b.lon)]
    d = sum(float(haversine_km(p[0], p[1], q[0], q[1])) for p, q in itertools.pairwise(pts))
    return d / 1.852 / 380.0 + 0.4


CIVIL_AIRPORTS = (
    "LCLK",
    "LCPH",
    "OLBA",
    "OJAI",
    "LLBG",
    "HECA",
    "HEAX",
    "LTAF",
    "LTAI",
    "LTBJ",
    "LGAV",
    "LGIR",
    "LGRP",
    "LMML",
    "LICC",
    "DTTA",
    "LTFM",
    "LGTS",
    "HESH",
    "damascus",
    "mitiga",
    "misrata",
    "benina",
)
AIRLINES = (  # callsign prefix, ICAO block (lo, hi), registration prefix, types
    ("CYP", 0x4C8000, 0x4C83FF, "5B-", ("A320", "A319")),
    ("MEA", 0x748000, 0x74FFFF, "OD-", ("A320", "A321")),
    ("RJA", 0x740000, 0x747FFF, "JY-", ("A320", "E195")),
    ("ELY", 0x738000, 0x73FFFF, "4X-", ("B738", "B789")),
    ("MSR", 0x010000, 0x017FFF, "SU-", ("A320", "B738")),
    ("THY", 0x4B8000, 0x4BFFFF, "TC-", ("A321", "B738")),
    ("AEE", 0x468000, 0x46FFFF, "SX-", ("A320", "A321")),
    ("AMC", 0x4D2000, 0x4D23FF, "9H-", ("A320",)),
    ("LAA", 0x018000, 0x01FFFF, "5A-", ("A320", "A332")),
)


def civil(
    rng: np.random.Generator,
    start: datetime,
    days: int,
    n_airframes: int,
    used: set[str],
    site_pos: dict[str, tuple[float, float]],
) -> list[Movement]:
    """Scheduled airline rotations: each airframe flies a fixed daily pattern out of its home airport.

    Airlines repeat the same routes every day (with a few cancellations and time jitter), which is what
    keeps real civil corridor counts steady; random destinations per leg would invent bursts no airline flies.
    """
    moves: list[Movement] = []
    codes = [c for c in CIVIL_AIRPORTS if c in site_pos]
    for i in range(n_airframes):
        cs_pre, lo, hi, reg_pre, types = AIRLINES[i % len(AIRLINES)]
        hx = hex_in_block(rng, lo, hi, used)
        reg = reg_pre + "".join(chr(65 + int(x)) for x in rng.integers(0, 26, 3))
        typ = str(types[int(rng.integers(len(types)))])
        home = codes[int(rng.integers(len(codes)))]
        la, lo2 = site_pos[home]
        cand = [c for c in codes if c != home and 250.0 < float(haversine_km(la, lo2, *site_pos[c])) < 1800.0]
        if not cand:
            continue
        outstations = [cand[int(k)] for k in rng.choice(len(cand), size=min(2, len(cand)), replace=False)]
        numbers = {d: int(rng.integers(100, 9000)) for d in outstations}
        first_dep = float(rng.uniform(5.0, 8.0))
        for day in range(days):
            t = start + timedelta(days=day, hours=first_dep + float(rng.normal(0.0, 0.2)))
            for dest in outstations:
                if rng.random() < 0.03:  # cancellation: the airframe stays at home for this rotation
                    t += timedelta(hours=4.0)
                    continue
                block = float(haversine_km(la, lo2, *site_pos[dest])) / 1.852 / 420.0 + 0.5
                num = numbers[dest]
                cruise = float(rng.choice([33000.0, 35000.0, 37000.0]))
                moves.append(_civil_leg(hx, reg, typ, f"{cs_pre}{num}", home, dest, t, cruise))
                t += timedelta(hours=block + float(rng.uniform(0.8, 1.3)))
                moves.append(_civil_leg(hx, reg, typ, f"{cs_pre}{num + 1}", dest, home, t, cruise))
                t += timedelta(hours=block + float(rng.uniform(0.8, 1.3)))
    return tag_kind(moves, "airline")


def _civil_leg(
    hx: str, reg: str, typ: str, callsign: str, dep: str, arr: str, when: datetime, cruise: float
) -> Movement:
    return Movement("air", hx, reg, typ, callsign, "civil", dep, arr, when, f"{dep}->{arr}", cruise_ft=cruise)


def charters(rng: np.random.Generator, start: datetime, days: int, used: set[str]) -> list[Movement]:
    """Cham-Wings-style charters Damascus/Latakia <-> Benina (Syrian registration and address block)."""
    moves: list[Movement] = []
    hx = hex_in_block(rng, 0x778000, 0x77FFFF, used)
    for day in range(days):
        if rng.random() < 0.35:
            continue
        orig = "damascus" if rng.random() < 0.7 else "hmeimim"
        t = start + timedelta(days=day, hours=float(rng.uniform(6.0, 12.0)))
        num = int(rng.integers(100, 999))
        moves.append(
            Movement(
                "air",
                hx,
                "YK-BAF",
                "A320",
                f"SAW{num}",
                "civil",
                orig,
                "benina",
                t,
                f"{orig}->benina",
                via=list(VIA_SOUTH_OF_CYPRUS),
            )
        )
        moves.append(
            Movement(
                "air",
                hx,
                "YK-BAF",
                "A320",
                f"SAW{num + 1}",
                "civil",
                "benina",
                orig,
                t + timedelta(hours=5.0),
                f"benina->{orig}",
                via=list(reversed(VIA_SOUTH_OF_CYPRUS)),
            )
        )
    return tag_kind(moves, "charter")
