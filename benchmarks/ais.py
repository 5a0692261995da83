"""AIS NMEA decoding speed: liftwatch's reader vs pyais on the same >= 1 M sentences.

    .venv/bin/python benchmarks/ais.py [--ships 250 --reports 4000] [--pyais-subset 0] [--repeat 2]

Writes a tag-blocked ``!AIVDM`` log with ``liftwatch.sim.ais_writer`` (type 1 position reports of many ships
on straight courses, type 5 static reports every 6 h of ship time), then times, from the file on disk to
decoded positions:

* liftwatch ``io.read(path, format="ais_nmea")``: parse, checksums, tag-block times, reassembly, vectorised
  6-bit decoding, static join, canonical Arrow tables (best of ``--repeat``);
* pyais ``FileReaderStream`` + ``decode()`` per message, keeping mmsi/lat/lon/speed/course (the usual pyais
  loop; reassembly and checksums included). ``--pyais-subset N`` times only the first N sentences and scales
  the rate (pyais's per-message cost does not depend on file size); 0 = all.

Prints sentences, messages/s for each, the ratio, CPU seconds, and checks both agree on the first 10,000
position reports.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import polars as pl


def synth(ships: int, reports: int, seed: int = 1) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    n = ships * reports
    ship = np.repeat(np.arange(ships), reports)
    k = np.tile(np.arange(reports), ships)
    t0 = int(datetime(2024, 12, 1, tzinfo=UTC).timestamp())
    lat0, lon0 = rng.uniform(31, 37, ships), rng.uniform(18, 36, ships)
    cog = rng.uniform(0, 360, ships)
    step = rng.uniform(0.0003, 0.0008, ships)
    lat = lat0[ship] + np.cos(np.radians(cog[ship])) * step[ship] * k
    lon = lon0[ship] + np.sin(np.radians(cog[ship])) * step[ship] * k
    return pl.DataFrame(
        {
            "source": "sim",
            "domain": "sea",
            "asset_id": pl.Series((273_000_000 + ship * 7919).astype(str)),
            "ts": pl.Series((t0 + k * 10 + rng.integers(0, 10, n)) * 1_000_000).cast(pl.Datetime("us", "UTC")),
            "lat": np.clip(lat, -89, 89),
            "lon": (lon + 180) % 360 - 180,
            "gs_kt": rng.uniform(8, 16, n).round(1),
            "track_deg": np.repeat(cog, reports).round(1),
            "heading_deg": np.repeat(np.round(cog) % 360, reports),
            "callsign": "SHIP",
            "type_code": "70",
        }
    )


def run_liftwatch(path: Path) -> tuple[float, float, int, pl.DataFrame]:
    from liftwatch import io
    from liftwatch.io.base import RejectLog

    t, c = time.perf_counter(), time.process_time()
    frames = [pl.from_arrow(tb) for tb in io.read(path, format="ais_nmea", rejects=RejectLog())]
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    df = pl.concat(frames)  # type: ignore[arg-type]
    return wall, cpu, df.height, df


def run_pyais(path: Path, limit: int) -> tuple[float, float, int, list[tuple[int, float, float]]]:
    from pyais import FileReaderStream

    out: list[tuple[int, float, float]] = []
    t, c = time.perf_counter(), time.process_time()
    n = 0
    stream = FileReaderStream(str(path))
    for msg in itertools.islice(stream, limit) if limit else stream:
        d = msg.decode()
        n += 1
        if d.msg_type in (1, 2, 3, 18):
            out.append((d.mmsi, d.lat, d.lon))
    return time.perf_counter() - t, time.process_time() - c, n, out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ships", type=int, default=250)
    ap.add_argument("--reports", type=int, default=4000)
    ap.add_argument("--pyais-subset", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    from liftwatch.sim.ais_writer import write_ais_nmea

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.nmea"
        t = time.perf_counter()
        write_ais_nmea(synth(args.ships, args.reports), path)
        with path.open("rb") as fh:
            sentences = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 24), b""))
        print(f"wrote {sentences:,} sentences ({path.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t:.1f} s")
        best = None
        for _ in range(args.repeat):
            wall, cpu, rows, df = run_liftwatch(path)
            best = (wall, cpu, rows) if best is None or wall < best[0] else best
        assert best is not None
        lw_wall, lw_cpu, rows = best
        print(
            f"liftwatch: {rows:,} positions, {lw_wall:.2f} s wall, {lw_cpu:.2f} s CPU, {sentences / lw_wall:,.0f} sentences/s"
        )
        p_wall, p_cpu, n, ref = run_pyais(path, args.pyais_subset)
        rate = n / p_wall
        scope = "all" if not args.pyais_subset else f"first {n:,}, rate scaled"
        print(f"pyais:     {n:,} messages ({scope}), {p_wall:.2f} s wall, {p_cpu:.2f} s CPU, {rate:,.0f} messages/s")
        print(f"speed-up:  {sentences / lw_wall / rate:.1f}x (wall), {(p_cpu / n) / (lw_cpu / sentences):.1f}x (CPU)")
        k = min(10_000, len(ref))
        mine = df.head(k)
        ok = (
            [int(a) for a in mine["asset_id"]] == [r[0] for r in ref[:k]]
            and np.allclose(mine["lat"].to_numpy(), [r[1] for r in ref[:k]], atol=1e-6)
            and np.allclose(mine["lon"].to_numpy(), [r[2] for r in ref[:k]], atol=1e-6)
        )
        print(f"agreement on first {k:,} positions: {'yes' if ok else 'NO'}")


if __name__ == "__main__":
    main()
