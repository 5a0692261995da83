"""Where a ship probably went while it was silent: ranked ports for an AIS gap.

For a gap from the last report A (position, course, time) to the next report B (or the end of the data), every
port P is scored by how little detour A -> P -> B costs against A -> B (a longer silence makes a longer detour
plausible: ``SLACK_SHARE``), by whether A's course pointed at P, and is
dropped when the ship could not have reached it in the time (at 1.3x its observed speed). "Elsewhere" (a port
the list does not hold) competes as a port ``ELSEWHERE_KM`` off the track, so a ship far from every listed port
gets no confident destination. When the gap is far
longer than the direct passage would need, the ship most likely spent that time in port: the gap "lingers", and
the voyage is split there with the top port as arrival and next departure. Works on (gaps x ports) arrays: gaps
of a data set are thousands at most, ports tens. On reappearing, the course at B should point away from P too.

Geometry alone cannot tell harbours on one approach apart (Larnaca and Beirut lie on the way from Libya to
Tartus), but a ship's own record can: a shuttle that called at Tartus and Benghazi goes back to one of them. So
a harbour where the same ship made an observed call elsewhere in the data (other than the one it has just left)
weighs ``HISTORY_WEIGHT`` times more; a ship with no calls in the data is ranked on geometry alone.

The rest of the fleet is weaker evidence of the same kind: a harbour other ships in the data called at is a
working port, one none of them used may be a fishing harbour the kb holds for reporting that names it (Ras
al-Hilal lies 50 km off the Tobruk-Benghazi track). Each doubling of the number of other ships seen calling there
adds ``FLEET_WEIGHT`` to the harbour's weight, so a port a dozen ships use counts about as much as the ship's own
history, and a data set of one ship is ranked as before.

A navy's base is no harbour for other states' ships: a Russian-flagged transport silent off Greece is not bound
for the Hellenic Navy's Salamis base, however short the detour. A naval base weighs ``FOREIGN_NAVY_WEIGHT`` when
the ship's flag (its MMSI's MID) is known and is none of the base's host states (the state it lies in and those
its controller history names: Russia at Tartus and Sevastopol). A prior like the ship's own history, the other way
round: geometry still decides, and a ship whose flag is unknown is ranked as before.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, angle_diff_deg, bearing_deg, haversine_km
from liftwatch.kb.icao import mmsi_flags
from liftwatch.sea.portcalls import harbour_of

DETOUR_SCALE_KM = 150.0
# A long silence leaves time for a long detour: the detour a harbour costs is judged against a fifth of the sailing
# the silence leaves over the direct passage (at the observed speed) when that is more than DETOUR_SCALE_KM. Without
# it a ship silent for two days that reappears where it vanished was all but sure to have called at the nearest
# harbour, however small, and the one it sailed for ranked far behind.
SLACK_SHARE = 0.2
OPEN_END_SCALE_KM = 400.0
SPEED_MARGIN = 1.3
LINGER_S = 12 * 3600.0  # time beyond the direct passage that means a stop somewhere
TOP_K = 5
UNKNOWN_SHARE = 0.1  # probability left for "somewhere not in the port list"
# The port list covers the kb's seas, not the world: a listed port this far off the track (or, for a ship last
# seen at the data end, this far away) is no likelier than one the list does not hold, so "elsewhere" scores
# as a port at this distance. Without it a tanker off Texas was "probably bound for Baltiysk", at 0.84.
ELSEWHERE_KM = 1000.0
# a harbour the ship itself called at, elsewhere in the data, against one it never used: a prior, not a verdict
# (geometry still rules out a harbour behind the ship or out of reach, where the weight multiplies nothing)
HISTORY_WEIGHT = 3.0
# per doubling of the other ships that called at a harbour: 1 ship 1.5x, 3 ships 2x, 15 ships 3x
FLEET_WEIGHT = 0.5
# a naval base of states other than the ship's flag: as unlikely as a harbour the ship used is likely
FOREIGN_NAVY_WEIGHT = 1.0 / HISTORY_WEIGHT


def rank(gaps: pl.DataFrame, ports: pl.DataFrame, calls: pl.DataFrame | None = None) -> pl.DataFrame:
    """Add ``candidates`` (list of {site_id, prob, distance_km}), ``lingers`` and ``direct_s`` to gaps.

    ``gaps`` needs lat_a, lon_a, cog_a, speed_kn, dt_s, lat_b, lon_b (null for open gaps at the data end), and
    asset_id and ts_a when ``calls`` (the ships' port visits, ``PORTCALL_SCHEMA``) are given for the history prior.
    ``distance_km`` is from A (the last report) to the port.
    """
    g = gaps.height
    if g == 0 or ports.height == 0:
        return gaps.with_columns(
            pl.lit(
                [], dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))
            ).alias("candidates"),
            pl.lit(False).alias("lingers"),
            pl.lit(None, dtype=pl.Float64).alias("direct_s"),
        )
    la, loa = gaps["lat_a"].to_numpy()[:, None], gaps["lon_a"].to_numpy()[:, None]
    lb_raw = np.asarray(gaps["lat_b"].fill_null(np.nan).to_numpy(), dtype=np.float64)
    lob_raw = np.asarray(gaps["lon_b"].fill_null(np.nan).to_numpy(), dtype=np.float64)
    open_end = ~np.isfinite(lb_raw)
    lb, lob = np.where(open_end, la[:, 0], lb_raw)[:, None], np.where(open_end, loa[:, 0], lob_raw)[:, None]
    plat, plon = ports["lat"].to_numpy()[None, :], ports["lon"].to_numpy()[None, :]
    d1 = haversine_km(la, loa, plat, plon)
    d2 = np.where(open_end[:, None], 0.0, haversine_km(plat, plon, lb, lob))
    dab = np.where(open_end, 0.0, haversine_km(la[:, 0], loa[:, 0], lb[:, 0], lob[:, 0]))[:, None]
    speed = np.clip(np.nan_to_num(gaps["speed_kn"].fill_null(12.0).to_numpy(), nan=12.0), 6.0, 25.0)[:, None]
    kmh = speed * KM_PER_NM * SPEED_MARGIN
    dt_h = gaps["dt_s"].to_numpy()[:, None] / 3600.0
    feasible = (d1 + d2) / kmh <= dt_h + 0.5
    cog = np.asarray(gaps["cog_a"].fill_null(np.nan).to_numpy(), dtype=np.float64)[:, None]
    off = angle_diff_deg(cog, bearing_deg(la, loa, plat, plon))
    heading = np.where(np.isfinite(off), 0.25 + 0.75 * np.clip(np.cos(np.radians(off)), 0.0, 1.0), 1.0)
    heading = np.where(d1 < 10.0, 1.0, heading)  # course says nothing about a port we are already at
    if "cog_b" in gaps.columns:  # on reappearing, the ship should be heading away from where it was
        cog_b = np.asarray(gaps["cog_b"].fill_null(np.nan).to_numpy(), dtype=np.float64)[:, None]
        off_b = angle_diff_deg(cog_b, bearing_deg(plat, plon, lb, lob))
        h_b = np.where(np.isfinite(off_b), 0.25 + 0.75 * np.clip(np.cos(np.radians(off_b)), 0.0, 1.0), 1.0)
        heading = heading * np.where(open_end[:, None] | (d2 < 10.0), 1.0, h_b)
    detour = np.maximum(d1 + d2 - dab, 0.0)
    slack_km = np.maximum(dt_h - dab / kmh, 0.0) * kmh / SPEED_MARGIN
    scale = np.maximum(DETOUR_SCALE_KM, SLACK_SHARE * slack_km)
    score = np.where(open_end[:, None], np.exp(-d1 / OPEN_END_SCALE_KM), np.exp(-detour / scale)) * heading * feasible
    if "host_states" in ports.columns and "asset_id" in gaps.columns:
        score = np.where(_foreign_navy(gaps, ports), score * FOREIGN_NAVY_WEIGHT, score)
    # pool ports of one harbour into its first-listed site (a silence cannot tell them apart)
    harbour = harbour_of(ports)
    ids = ports["site_id"].to_list()
    rep = np.array([ids.index(harbour[i]) for i in ids])
    pooled = np.zeros_like(score)
    np.add.at(pooled.T, rep, score.T)
    score = pooled
    if calls is not None and calls.height:
        made = _harbour_calls(calls, harbour)
        col = {h: ids.index(h) for h in set(harbour.values())}
        score = np.where(_called_before(gaps, made, col, len(ids)), score * HISTORY_WEIGHT, score)
        score = score * (1.0 + FLEET_WEIGHT * np.log2(1.0 + _other_ships_calling(gaps, made, col, len(ids))))
    elsewhere = np.asarray(
        np.where(open_end, np.exp(-ELSEWHERE_KM / OPEN_END_SCALE_KM), np.exp(-ELSEWHERE_KM / DETOUR_SCALE_KM)),
        dtype=np.float64,
    )
    total = score.sum(axis=1, keepdims=True) + elsewhere[:, None]
    prob = score / total * (1.0 - UNKNOWN_SHARE)
    order = np.argsort(-prob, axis=1)[:, :TOP_K]
    cands: list[list[dict[str, object]]] = []
    for i in range(g):  # builds the nested result: TOP_K items per gap
        cands.append(
            [
                {"site_id": ids[j], "prob": float(prob[i, j]), "distance_km": float(d1[i, j])}
                for j in order[i]
                if prob[i, j] > 0.005
            ]
        )
    direct_s = dab[:, 0] / (speed[:, 0] * KM_PER_NM) * 3600.0
    lingers = open_end | (gaps["dt_s"].to_numpy() - direct_s >= LINGER_S)
    return gaps.with_columns(
        pl.Series(
            "candidates",
            cands,
            dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32})),
        ),
        pl.Series("lingers", lingers),
        pl.Series("direct_s", direct_s),
    )


def _harbour_calls(calls: pl.DataFrame, harbour: dict[str, str]) -> pl.DataFrame:
    """The observed calls as (asset_id, h, end), ``h`` the call's harbour (its first-listed port)."""
    return (
        calls.filter(pl.col("is_call"))
        .select("asset_id", pl.col("site_id").replace_strict(harbour, default=None).alias("h"), "end")
        .drop_nulls("h")
    )


def _called_before(gaps: pl.DataFrame, made: pl.DataFrame, col: dict[str, int], n_ports: int) -> np.ndarray:
    """(gaps x ports) True at each harbour (column ``col[h]``) where the gap's ship made a call (``made``, from
    :func:`_harbour_calls`), except the harbour of its last call before the silence: leaving a port says nothing of
    going back to it."""
    g = gaps.select("asset_id", "ts_a").with_row_index("gi")
    last = (
        g.sort("ts_a")
        .join_asof(
            made.sort("end"), left_on="ts_a", right_on="end", by="asset_id", strategy="backward", check_sortedness=False
        )  # both sides sorted on the time: what the asof needs within each ship
        .select("gi", pl.col("h").alias("left_h"))
    )
    pairs = (
        g.join(made.select("asset_id", "h").unique(), on="asset_id")
        .join(last, on="gi", how="left")
        .filter(pl.col("left_h").is_null() | (pl.col("h") != pl.col("left_h")))
    )
    out = np.zeros((gaps.height, n_ports), dtype=bool)
    if pairs.height:
        rows = pairs["gi"].to_numpy().astype(np.int64)
        cols = np.array([col[h] for h in pairs["h"].to_list()], dtype=np.int64)  # one per (gap, harbour) pair
        out[rows, cols] = True
    return out


def _other_ships_calling(gaps: pl.DataFrame, made: pl.DataFrame, col: dict[str, int], n_ports: int) -> np.ndarray:
    """(gaps x ports) how many ships other than the gap's own made a call (``made``, from :func:`_harbour_calls`) at
    each harbour (column ``col[h]``) anywhere in the data; 0 at ports that are not a harbour's first-listed one."""
    users = made.select("asset_id", "h").unique()
    n_ships = np.zeros(n_ports, dtype=np.float64)
    per_h = users.group_by("h").len()
    n_ships[[col[h] for h in per_h["h"].to_list()]] = per_h["len"].to_numpy()  # one per harbour
    own = np.zeros((gaps.height, n_ports), dtype=np.float64)
    pairs = gaps.select("asset_id").with_row_index("gi").join(users, on="asset_id")
    if pairs.height:
        own[pairs["gi"].to_numpy().astype(np.int64), [col[h] for h in pairs["h"].to_list()]] = 1.0
    return np.asarray(n_ships[None, :] - own, dtype=np.float64)


def _foreign_navy(gaps: pl.DataFrame, ports: pl.DataFrame) -> np.ndarray:
    """(gaps x ports) True where the port is a naval base (``host_states`` not null) and the gap's ship has a known
    flag that is none of its host states."""
    flags = mmsi_flags(gaps["asset_id"].cast(pl.String))
    codes = sorted({f for f in flags if f is not None})
    if not codes:
        return np.zeros((gaps.height, ports.height), dtype=bool)
    hosts = ports["host_states"].to_list()
    naval = np.array([h is not None for h in hosts])
    # row k: the bases foreign to flag codes[k]; the last row, for ships of unknown flag, none
    foreign = np.zeros((len(codes) + 1, ports.height), dtype=bool)
    for k, f in enumerate(codes):  # a few flags x tens of ports
        foreign[k] = naval & np.array([h is None or f not in h for h in hosts])
    row = pl.Series(flags.tolist(), dtype=pl.String).replace_strict(
        {f: k for k, f in enumerate(codes)}, default=len(codes), return_dtype=pl.Int64
    )
    return np.asarray(foreign[row.to_numpy()], dtype=bool)
