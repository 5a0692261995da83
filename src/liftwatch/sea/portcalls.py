"""Port visits and port calls from AIS positions, after Global Fishing Watch's port-visit model.

A visit starts at the first position within ``ENTRY_KM`` (3 km) of a port or naval base and lasts until the first
position beyond ``EXIT_KM`` (4 km): the hysteresis keeps a ship swinging at anchor on the edge of the circle in one
visit, and a reception gap while inside (ports are often badly covered) does not end it. A visit is a **port
call** when the ship evidently stopped: some report below ``STOP_KN`` (0.5 kn), or it stayed ``DWELL_S`` or
longer, or it fell silent inside for ``GAP_IN_PORT_S`` or longer, or the data starts/ends inside (a ship first
seen in port departed from it). A ship sailing past a harbour mouth makes a visit but no call.

The ports are the knowledge base's curated ports and naval bases (those reporting names, with their controllers)
and, with the kb's default sites, the World Port Index's other harbours worldwide (``indexed``): a ship moored at
Long Beach or Rotterdam makes a call there rather than none. An index harbour within ``HARBOUR_KM`` of a curated
port is that port's harbour and is left out. Where a place is only inferred (a silence's destination, the port behind
a ship first seen at sea) the index harbours compete only once a ship in the data was seen calling there
(:func:`inferable_ports`).

Everything is columnar: nearest port by a KD-tree over unit vectors, the hysteresis as a forward fill of
entry/exit events per ship, visits as one ``group_by``.
"""

from __future__ import annotations

import numpy as np
import polars as pl
from scipy.spatial import cKDTree

from liftwatch.geodesy import chord_for_km, haversine_km, unit_vectors
from liftwatch.kb.harbours import HARBOUR_KM as HARBOUR_KM
from liftwatch.kb.sites import SEA_KINDS

ENTRY_KM = 3.0
EXIT_KM = 4.0
STOP_KN = 0.5
DWELL_S = 2 * 3600.0
GAP_IN_PORT_S = 3600.0

PORTCALL_SCHEMA: dict[str, pl.DataType] = {
    "asset_id": pl.String(),
    "visit": pl.Int64(),
    "site_id": pl.String(),
    "start": pl.Datetime("us", "UTC"),
    "end": pl.Datetime("us", "UTC"),
    "n_points": pl.UInt32(),
    "min_sog_kt": pl.Float32(),
    "max_gap_s": pl.Float64(),
    "is_call": pl.Boolean(),
    "reason": pl.String(),
}


def port_sites(sites: pl.DataFrame | None = None) -> pl.DataFrame:
    """Ports and naval bases (site_id, lat, lon, name, country, kind, host_states, indexed).

    ``sites`` None takes the knowledge base's sites and adds the World Port Index's harbours beyond ``HARBOUR_KM``
    of every curated one (``indexed`` true); a caller's own ``sites`` table is its whole port list.
    ``host_states`` (naval bases only, null at ports) lists the states whose navy may use the base: the state it
    lies in and every state its controller history names (:func:`liftwatch.kb.sites.host_states`), for the prior
    in :func:`liftwatch.sea.destinations.rank` that a foreign navy's base is an unlikely goal.
    """
    from liftwatch.kb.sites import host_states

    default = sites is None
    if sites is None:
        from liftwatch import kb

        sites = kb.sites()
    cols = [c for c in ("site_id", "lat", "lon", "name", "country", "kind") if c in sites.columns]
    ports = sites.filter(pl.col("kind").is_in(list(SEA_KINDS))).select(cols).drop_nulls(["lat", "lon"])
    hosts = host_states()
    country = ports["country"].to_list() if "country" in ports.columns else [None] * ports.height
    states = [
        sorted(hosts.get(sid, frozenset()) | ({c} if c else set())) if kind == "naval_base" else None
        for sid, kind, c in zip(ports["site_id"].to_list(), ports["kind"].to_list(), country, strict=True)
    ]  # one per port: tens
    ports = ports.with_columns(
        pl.Series("host_states", states, dtype=pl.List(pl.String)), pl.lit(False).alias("indexed")
    )
    return pl.concat([ports, _index_harbours(ports)], how="diagonal_relaxed") if default else ports


def _index_harbours(curated: pl.DataFrame) -> pl.DataFrame:
    """The World Port Index's harbours (``kb.port_index.index_ports``) beyond ``HARBOUR_KM`` of every port of
    ``curated``, in the port list's columns."""
    from liftwatch.kb.port_index import index_port_frame

    idx = index_port_frame()
    _, km = nearest_port(idx["lat"].to_numpy(), idx["lon"].to_numpy(), curated, max_km=HARBOUR_KM)
    return idx.filter(pl.Series(~np.isfinite(km))).select(  # one per index port: thousands
        "site_id",
        "lat",
        "lon",
        "name",
        "country",
        kind=pl.lit("port"),
        host_states=pl.lit(None, dtype=pl.List(pl.String)),
        indexed=pl.lit(True),
    )


def inferable_ports(ports: pl.DataFrame, calls: pl.DataFrame | None) -> pl.DataFrame:
    """The ports a place only inferred may be: every curated one, and an index harbour once some ship in ``calls``
    (``PORTCALL_SCHEMA``) was seen calling there.

    The index holds thousands of harbours, most of them fishing and ferry ports: spreading a silence's probability
    over every one near its track would bury the working port it most likely made for, and the curated list is the
    harbours reporting on military logistics names. A harbour the data shows ships using is evidence of its own.
    """
    if "indexed" not in ports.columns:
        return ports
    used: list[str] = []
    if calls is not None and calls.height:
        used = calls.filter(pl.col("is_call"))["site_id"].unique().to_list()
    return ports.filter(~pl.col("indexed") | pl.col("site_id").is_in(used))


def harbour_of(ports: pl.DataFrame, km: float = HARBOUR_KM) -> dict[str, str]:
    """Map each port to the first-listed port within ``km`` (a naval base and the commercial port beside it).

    Tartus naval facility and Tartus commercial port are 2 km apart: positions inside their circles are
    assigned to the nearer one, but a call inferred from a silence cannot tell them apart, so rankings pool them.
    Pairs come from a KD-tree: the port list holds thousands of index harbours.
    """
    ids = ports["site_id"].to_list()
    first = np.arange(len(ids))
    if len(ids) > 1:
        tree = cKDTree(unit_vectors(ports["lat"].to_numpy(), ports["lon"].to_numpy()))
        pairs = tree.query_pairs(chord_for_km(km), output_type="ndarray")  # i < j
        np.minimum.at(first, pairs[:, 1], pairs[:, 0])
    return {ids[i]: ids[int(first[i])] for i in range(len(ids))}


def nearest_port(
    lat: np.ndarray, lon: np.ndarray, ports: pl.DataFrame, max_km: float = 50.0
) -> tuple[np.ndarray, np.ndarray]:
    """Index into ``ports`` of the nearest port (-1 beyond ``max_km``) and its distance in km (inf beyond)."""
    n = len(lat)
    if n == 0 or ports.height == 0:
        return np.full(n, -1, dtype=np.int64), np.full(n, np.inf)
    tree = cKDTree(unit_vectors(ports["lat"].to_numpy(), ports["lon"].to_numpy()))
    _, idx = tree.query(unit_vectors(lat, lon), k=1, distance_upper_bound=chord_for_km(max_km))
    found = idx < ports.height
    safe = np.where(found, idx, 0)
    km = haversine_km(lat, lon, ports["lat"].to_numpy()[safe], ports["lon"].to_numpy()[safe])
    return np.where(found, safe, -1).astype(np.int64), np.where(found, km, np.inf)


def mark_visits(points: pl.DataFrame, ports: pl.DataFrame) -> pl.DataFrame:
    """Add ``port_id``, ``port_km``, ``in_port`` and ``visit`` (per-ship visit number, null outside) to points.

    ``points`` must be sorted by (asset_id, ts) and have positions.
    """
    idx, km = nearest_port(points["lat"].to_numpy(), points["lon"].to_numpy(), ports)
    names = ports["site_id"].to_numpy().astype(object) if ports.height else np.array([], dtype=object)
    port_id = np.where(idx >= 0, names[np.maximum(idx, 0)] if len(names) else None, None)
    df = points.with_columns(
        pl.Series("port_id", list(port_id), dtype=pl.String), pl.Series("port_km", km, dtype=pl.Float64)
    )
    event = (
        pl.when(pl.col("port_km") <= ENTRY_KM)
        .then(pl.lit(True))
        .when(pl.col("port_km") > EXIT_KM)
        .then(pl.lit(False))
        .otherwise(pl.lit(None, dtype=pl.Boolean))
    )
    df = df.with_columns(event.forward_fill().over("asset_id").fill_null(False).alias("in_port"))
    start = pl.col("in_port") & ~pl.col("in_port").shift(1).over("asset_id").fill_null(False)
    df = df.with_columns(start.cast(pl.Int64).cum_sum().over("asset_id").alias("_v"))
    return df.with_columns(pl.when(pl.col("in_port")).then(pl.col("_v")).otherwise(None).alias("visit")).drop("_v")


def port_calls(marked: pl.DataFrame) -> pl.DataFrame:
    """One row per visit (``PORTCALL_SCHEMA``); ``is_call`` says whether the ship stopped there."""
    if marked.height == 0:
        return pl.DataFrame(schema=PORTCALL_SCHEMA)
    edges = marked.group_by("asset_id").agg(pl.col("ts").min().alias("_first"), pl.col("ts").max().alias("_last"))
    v = (
        marked.filter(pl.col("visit").is_not_null())
        .with_columns((pl.col("ts").diff().over("asset_id", "visit").dt.total_microseconds() / 1e6).alias("_gap"))
        .group_by("asset_id", "visit")
        .agg(
            pl.col("port_id").sort_by("port_km").first().alias("site_id"),
            pl.col("ts").min().alias("start"),
            pl.col("ts").max().alias("end"),
            pl.len().cast(pl.UInt32).alias("n_points"),
            pl.col("gs_kt").min().cast(pl.Float32).alias("min_sog_kt"),
            pl.col("_gap").max().fill_null(0.0).alias("max_gap_s"),
        )
        .join(edges, on="asset_id", how="left")
    )
    dwell = (pl.col("end") - pl.col("start")).dt.total_seconds()
    reason = (
        pl.when(pl.col("min_sog_kt") < STOP_KN)
        .then(pl.lit("stopped"))
        .when(pl.col("max_gap_s") >= GAP_IN_PORT_S)
        .then(pl.lit("gap_in_port"))
        .when(dwell >= DWELL_S)
        .then(pl.lit("dwell"))
        .when(pl.col("start") == pl.col("_first"))
        .then(pl.lit("data_starts_in_port"))
        .when(pl.col("end") == pl.col("_last"))
        .then(pl.lit("data_ends_in_port"))
        .otherwise(pl.lit(None, dtype=pl.String))
    )
    out = v.with_columns(reason.alias("reason")).with_columns(pl.col("reason").is_not_null().alias("is_call"))
    return out.select(list(PORTCALL_SCHEMA)).cast(PORTCALL_SCHEMA).sort("asset_id", "start")  # type: ignore[arg-type]
