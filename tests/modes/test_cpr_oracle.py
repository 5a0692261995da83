"""CPR positions equal pyModeS's (within 1 m) and the gates behave: pair window, NL zones, order, phantoms."""

from __future__ import annotations

import numpy as np
import polars as pl
import pyModeS as pms
from hypothesis import given, settings
from hypothesis import strategies as st
from pyModeS.position import airborne_position_pair, airborne_position_with_ref

from liftwatch.geodesy import haversine_km
from liftwatch.modes import encode
from liftwatch.modes.cpr import CprParams, nl
from liftwatch.modes.decode import DecoderConfig, ModesDecoder
from liftwatch.modes.synth import stream
from tests.frames import to_frame

EVEN = "8D40621D58C382D690C8AC2863A7"
ODD = "8D40621D58C386435CC412692AD6"
ONE = DecoderConfig(cpr=CprParams(min_agreeing=1))


def _positions(hexes: list[str], ts: list[float] | np.ndarray, config: DecoderConfig | None = None) -> pl.DataFrame:
    res = ModesDecoder(config).decode_hex(np.asarray(ts, dtype=np.float64), hexes, messages=True)
    assert res.messages is not None
    return res.messages.sort("row")


def _m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    return float(haversine_km(np.array([lat1]), np.array([lon1]), np.array([lat2]), np.array([lon2]))[0] * 1000)


def test_nl_matches_pymodes() -> None:
    lats = np.concatenate([np.linspace(-90, 90, 20001), [87.0, -87.0, 0.0, 10.47047129996848]])
    ref = np.array([pms.position.cprNL(x) for x in lats])
    assert (nl(lats) == ref).all()


def test_book_pair_both_orders() -> None:
    for order, even_newer in (([ODD, EVEN], True), ([EVEN, ODD], False)):
        f = _positions(order, [0.0, 1.0], ONE)
        ref = (
            pms.decode(EVEN)["cpr_lat"],
            pms.decode(EVEN)["cpr_lon"],
            pms.decode(ODD)["cpr_lat"],
            pms.decode(ODD)["cpr_lon"],
        )
        lat, lon = airborne_position_pair(*ref, even_is_newer=even_newer)  # type: ignore[misc]
        assert f["lat"][0] is None  # the older message has no pair partner before it
        assert _m(f["lat"][1], f["lon"][1], lat, lon) < 1.0
        book = (52.2572, 3.9194) if even_newer else (52.2658, 3.9389)  # "The 1090MHz Riddle", both orders
        assert abs(lat - book[0]) < 1e-3 and abs(lon - book[1]) < 1e-3


def test_pair_beyond_10_s_is_not_decoded() -> None:
    for dt, expect in ((9.9, True), (10.5, False)):
        f = _positions([EVEN, ODD], [0.0, dt], ONE)
        assert (f["lat"][1] is not None) == expect
        pipe = pms.PipeDecoder()
        pipe.decode(EVEN, timestamp=0.0)
        pipe.decode(ODD, timestamp=dt)
        assert pipe.stats["pending_pairs"] == (0 if expect else 2)


def test_nl_zone_change_skips_pair() -> None:
    # even frame just south of the NL 59/58 boundary, odd frame just north of it
    b = 10.47047129996848
    icao = np.array([0x155ABC, 0x155ABC])
    m = encode.airborne_position(
        icao, np.array([b - 0.002, b + 0.002]), np.array([20.0, 20.0]), np.array([30000.0, 30000.0]), np.array([0, 1])
    )
    hexes = encode.to_hex(m)
    d = [pms.decode(h) for h in hexes]
    ref = airborne_position_pair(
        d[0]["cpr_lat"], d[0]["cpr_lon"], d[1]["cpr_lat"], d[1]["cpr_lon"], even_is_newer=False
    )
    f = _positions(hexes, [0.0, 1.0], ONE)
    assert ref is None and f["lat"][1] is None


def test_stream_equals_pipedecoder_within_1m() -> None:
    s = stream(30, 90, seed=3)
    hexes = s.hex()
    f = _positions(hexes, s.ts)
    pipe = pms.PipeDecoder()
    ref_lat = np.full(len(hexes), np.nan)
    ref_lon = np.full(len(hexes), np.nan)
    for i, (h, t) in enumerate(zip(hexes, s.ts.tolist(), strict=True)):
        d = pipe.decode(h, timestamp=t)
        if d.get("latitude") is not None:  # read at once: the arriving frame's own position
            ref_lat[i], ref_lon[i] = d["latitude"], d["longitude"]
    lat = f["lat"].fill_null(np.nan).to_numpy()
    lon = f["lon"].fill_null(np.nan).to_numpy()
    both = ~np.isnan(lat) & ~np.isnan(ref_lat)
    assert both.sum() > 0.9 * (~np.isnan(ref_lat)).sum() > 1000
    assert (haversine_km(lat[both], lon[both], ref_lat[both], ref_lon[both]) * 1000).max() < 1.0
    truth = ~np.isnan(lat)
    assert (haversine_km(lat[truth], lon[truth], s.truth_lat[truth], s.truth_lon[truth]) * 1000).max() < 10.0


def test_local_decoding_equals_pymodes_reference_decode() -> None:
    # one aircraft: three even/odd pairs for the first fix, then only even frames for 40 s
    t = np.arange(0, 46, 1.0)
    fmt = np.where(t < 6, t % 2, 0).astype(np.int64)
    lat = 35.0 + t * 0.002
    lon = 33.0 + t * 0.002
    m = encode.airborne_position(np.full(t.size, 0x155ABC), lat, lon, np.full(t.size, 30000.0), fmt)
    hexes = encode.to_hex(m)
    f = _positions(hexes, t)
    method = f["position_method"].to_numpy()
    assert (method[(t >= 6) & (t <= 15)] == 1).all(), "still paired with the odd frame at t=5 (<= 10 s)"
    assert (method[t >= 16] == 2).all(), "then even-only frames resolve locally, each from the previous fix"
    la, lo = f["lat"].to_numpy(), f["lon"].to_numpy()
    for i in range(7, t.size):
        d = pms.decode(hexes[i])
        rl, rn = airborne_position_with_ref(d["cpr_format"], d["cpr_lat"], d["cpr_lon"], la[i - 1], lo[i - 1])
        assert _m(la[i], lo[i], rl, rn) < 1.0


def test_first_fix_needs_three_agreeing_and_phantoms_are_dropped() -> None:
    t = np.arange(0, 20, 1.0)
    lat = 35.0 + t * 0.002
    lon = 33.0 + t * 0.002
    lat[10], lon[10] = 40.0, 20.0  # a CRC-valid phantom far away (both of its pairs become implausible)
    m = encode.airborne_position(
        np.full(t.size, 0x155ABC), lat, lon, np.full(t.size, 30000.0), (t % 2).astype(np.int64)
    )
    f = _positions(encode.to_hex(m), t)
    got = f["lat"].to_numpy()
    assert np.isnan(got[0])  # no partner
    assert not np.isnan(got[1:10]).any()  # 3-chain from t=1..3 (retro-filled like pyModeS's batch mode)
    assert np.isnan(got[10]) and np.isnan(got[11])  # the phantom and the pair that includes it
    assert not np.isnan(got[12:]).any()

    # only two candidates: not enough to trust
    f2 = _positions(encode.to_hex(m[:3]), t[:3])
    assert f2["lat"].is_null().all()


def test_surface_positions_with_receiver_reference() -> None:
    t = np.arange(0, 30, 1.0)
    lat = 35.401 + t * 0.00005
    lon = 35.948 - t * 0.00005
    m = encode.surface_position(
        np.full(t.size, 0x155ABC), lat, lon, np.full(t.size, 12.0), np.full(t.size, 315.0), (t % 2).astype(np.int64)
    )
    hexes = encode.to_hex(m)
    rx = (35.3, 36.0)
    f = _positions(hexes, t, DecoderConfig(receiver=rx))
    pipe = pms.PipeDecoder(surface_ref=rx)
    compared = 0
    for i, (h, ts) in enumerate(zip(hexes, t.tolist(), strict=True)):
        d = pipe.decode(h, timestamp=ts)
        if d.get("latitude") is not None and f["lat"][i] is not None:
            assert _m(f["lat"][i], f["lon"][i], d["latitude"], d["longitude"]) < 1.0
            compared += 1
    assert compared > 10
    assert f["lat"].drop_nulls().len() >= 25


def test_chunked_decoding_equals_one_shot() -> None:
    s = stream(20, 60, seed=5)
    hexes = s.hex()
    one = ModesDecoder().decode_hex(s.ts, hexes)
    dec = ModesDecoder()
    parts = []
    for lo in range(0, len(hexes), 997):
        parts.append(dec.decode_hex(s.ts[lo : lo + 997], hexes[lo : lo + 997]).points)
    import pyarrow as pa

    chunked = pa.concat_tables(parts)
    a = to_frame(one.points).sort("asset_id", "ts", "lat", nulls_last=True)
    b = to_frame(chunked).sort("asset_id", "ts", "lat", nulls_last=True)
    pos_a = a.filter(pl.col("lat").is_not_null())
    pos_b = b.filter(pl.col("lat").is_not_null())
    # first fixes confirmed by a later chunk are emitted late, so nothing is missing
    assert pos_b.height == pos_a.height
    j = pos_b.join(pos_a, on=["asset_id", "ts"], suffix="_a")
    assert j.height == pos_b.height
    assert (
        haversine_km(j["lat"].to_numpy(), j["lon"].to_numpy(), j["lat_a"].to_numpy(), j["lon_a"].to_numpy()) < 1e-3
    ).all()
    assert b.filter(pl.col("lat").is_null()).height == a.filter(pl.col("lat").is_null()).height


def test_parallel_workers_give_identical_points(monkeypatch: object) -> None:
    import liftwatch.modes.decode as dmod

    s = stream(12, 30, seed=9)
    hexes = s.hex()
    one = to_frame(ModesDecoder().decode_hex(s.ts, hexes).points)
    setattr(dmod, "PARALLEL_MIN_ROWS", 0)  # noqa: B010
    try:
        two = to_frame(ModesDecoder(workers=2).decode_hex(s.ts, hexes).points)
    finally:
        setattr(dmod, "PARALLEL_MIN_ROWS", 50_000)  # noqa: B010
    key = ["asset_id", "ts", "lat", "gs_kt"]
    assert one.sort(key, nulls_last=True).equals(two.sort(key, nulls_last=True))


@settings(max_examples=150, deadline=None)
@given(
    lat=st.floats(-86.9, 86.9),
    lon=st.floats(-179.99, 179.99),
    dlat=st.floats(-0.01, 0.01),
    dlon=st.floats(-0.01, 0.01),
    even_first=st.booleans(),
)
def test_global_pair_matches_pymodes_anywhere(
    lat: float, lon: float, dlat: float, dlon: float, even_first: bool
) -> None:
    """Random positions worldwide (both hemispheres, date line, high latitudes): same result as pyModeS."""
    from liftwatch.modes.cpr import global_airborne

    lats = np.array([lat, lat + dlat])
    lons = np.array([lon, np.clip(lon + dlon, -180, 180)])
    fmt = np.array([0, 1]) if even_first else np.array([1, 0])
    m = encode.airborne_position(np.array([0x155ABC, 0x155ABC]), lats, lons, np.array([30000.0, 30000.0]), fmt)
    d = [pms.decode(h) for h in encode.to_hex(m)]
    e, o = (d[0], d[1]) if even_first else (d[1], d[0])
    even_newer = not even_first
    ref = airborne_position_pair(e["cpr_lat"], e["cpr_lon"], o["cpr_lat"], o["cpr_lon"], even_is_newer=even_newer)
    got = global_airborne(
        np.array([float(e["cpr_lat"])]),
        np.array([float(e["cpr_lon"])]),
        np.array([float(o["cpr_lat"])]),
        np.array([float(o["cpr_lon"])]),
        np.array([even_newer]),
    )
    if ref is None:
        assert np.isnan(got[0][0])
    else:
        assert _m(got[0][0], got[1][0], ref[0], ref[1]) < 1.0


@settings(max_examples=100, deadline=None)
@given(
    lat=st.floats(-80, 80),
    lon=st.floats(-179.9, 179.9),
    off_lat=st.floats(-0.5, 0.5),
    off_lon=st.floats(-0.5, 0.5),
    even_first=st.booleans(),
)
def test_surface_pair_matches_pymodes(lat: float, lon: float, off_lat: float, off_lon: float, even_first: bool) -> None:
    from pyModeS.position import surface_position_pair

    from liftwatch.modes.cpr import global_surface

    fmt = np.array([0, 1]) if even_first else np.array([1, 0])
    m = encode.surface_position(
        np.array([1, 1]), np.array([lat, lat]), np.array([lon, lon]), np.array([5.0, 5.0]), np.array([0.0, 0.0]), fmt
    )
    d = [pms.decode(h) for h in encode.to_hex(m)]
    e, o = (d[0], d[1]) if even_first else (d[1], d[0])
    ref_pt = (lat + off_lat, lon + off_lon)
    ref = surface_position_pair(
        e["cpr_lat"],
        e["cpr_lon"],
        o["cpr_lat"],
        o["cpr_lon"],
        lat_ref=ref_pt[0],
        lon_ref=ref_pt[1],
        even_is_newer=not even_first,
    )
    lat_e, lon_e, lat_o, lon_o = (
        np.array([float(x)]) for x in (e["cpr_lat"], e["cpr_lon"], o["cpr_lat"], o["cpr_lon"])
    )
    got = global_surface(
        lat_e,
        lon_e,
        lat_o,
        lon_o,
        np.array([not even_first]),
        np.array([ref_pt[0]]),
        np.array([ref_pt[1]]),
    )
    if ref is None:
        assert np.isnan(got[0][0])
    else:
        assert _m(got[0][0], got[1][0], ref[0], ref[1]) < 1.0
        assert _m(got[0][0], got[1][0], lat, lon) < 10.0


def test_surface_taxi_out_uses_the_following_airborne_fix() -> None:
    """Without a receiver location, taxi-out positions are resolved from the aircraft's first airborne fixes."""
    t = np.arange(0, 40, 1.0)
    n_s = 20
    lat = 35.4011 + np.concatenate([np.zeros(n_s), np.arange(20) * 0.003])
    lon = np.full(t.size, 35.9487)
    fmt = (np.arange(t.size) % 2).astype(np.int64)
    ic = np.full(t.size, 0x155ABC)
    m = np.concatenate(
        [
            encode.surface_position(ic[:n_s], lat[:n_s], lon[:n_s], np.full(n_s, 8.0), np.zeros(n_s), fmt[:n_s]),
            encode.airborne_position(
                ic[n_s:], lat[n_s:], lon[n_s:], (500.0 + np.arange(20) * 100.0).astype(np.float64), fmt[n_s:]
            ),
        ]
    )
    f = _positions(encode.to_hex(m), t)
    got = f["lat"].to_numpy()[:n_s]
    assert (~np.isnan(got[1:])).sum() >= n_s - 3
    ok = ~np.isnan(got)
    assert (np.abs(got[ok] - 35.4011) < 1e-4).all()
