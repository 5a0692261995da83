"""Live watch throughput: a loopback Beast server at a fixed message rate, `liftwatch watch` reading it.

    .venv/bin/python benchmarks/watch.py [--rate 25000] [--seconds 60] [--drops 3] [--db /tmp/watch.duckdb]

The server runs in its own process (so it does not share the watcher's interpreter), replays a synthetic
stream of many aircraft as Beast frames at ``--rate`` messages/s, and forcibly closes the connection
``--drops`` times. The watcher decodes, writes to a DuckDB store in batches, splits flights and evaluates
darkness, exactly as the CLI does. Printed: messages sent vs received (none may be lost), sustained rate,
stored rows, and the watcher's resident memory sampled every 5 s (flat = bounded state).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import socket
import tempfile
import time

import numpy as np


def serve(port_q: mp.Queue, sent_q: mp.Queue, rate: float, seconds: float, drops: int) -> None:
    from liftwatch.modes.framing import encode_beast
    from liftwatch.modes.synth import stream

    s = stream(300, 120, seed=3)
    counter = np.round((s.ts - s.ts[0]) * 12e6).astype(np.int64)
    frames = [encode_beast(s.msgs[i : i + 1], np.array([14]), counter[i : i + 1]) for i in range(len(s.ts))]
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(1)
    port_q.put(srv.getsockname()[1])
    drop_at = [seconds * (k + 1) / (drops + 1) for k in range(drops)]
    sent = 0
    k = 0
    t0 = time.monotonic()
    tick = 0.02
    while time.monotonic() - t0 < seconds:
        conn, _ = srv.accept()
        try:
            while True:
                now = time.monotonic() - t0
                if now >= seconds:
                    break
                due = int(now * rate) - sent
                if due > 0:
                    blob = b"".join(frames[(k + i) % len(frames)] for i in range(due))
                    conn.sendall(blob)
                    k += due
                    sent += due
                if drop_at and now >= drop_at[0]:
                    drop_at.pop(0)
                    break  # forced drop: close after everything so far was sent
                time.sleep(tick)
        except OSError:
            pass
        conn.close()
    sent_q.put(sent)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rate", type=float, default=25_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--drops", type=int, default=3)
    ap.add_argument("--db", default=None)
    ap.add_argument("--duckdb-memory", default="256MB", help="DuckDB memory_limit for the store connection")
    ap.add_argument("--no-store", action="store_true", help="decode and track only (isolates the watcher's memory)")
    args = ap.parse_args()

    import psutil

    from liftwatch.live.feeds import Backoff, FeedSpec
    from liftwatch.live.runner import Watch, WatchConfig
    from liftwatch.store import Store

    port_q: mp.Queue = mp.Queue()
    sent_q: mp.Queue = mp.Queue()
    proc = mp.Process(target=serve, args=(port_q, sent_q, args.rate, args.seconds, args.drops), daemon=True)
    proc.start()
    port = port_q.get(timeout=60)
    tmp = tempfile.mkdtemp()
    db = args.db or os.path.join(tmp, "watch.duckdb")
    store = Store(db)
    store.sql(f"SET memory_limit = '{args.duckdb_memory}'")
    if args.no_store:
        store.close()
        store = None
    cfg = WatchConfig(feeds=[FeedSpec("beast", "127.0.0.1", port)], backoff=Backoff(0.1, 2.0, 1.0))
    # a watcher that falls behind would show as a growing gap between sent and received during the run
    watch = Watch(cfg, store=store)
    me = psutil.Process()
    rss: list[tuple[float, float]] = []

    async def run() -> None:
        stop = asyncio.Event()
        task = asyncio.ensure_future(watch.run(stop))
        t0 = time.monotonic()
        # run until the server has finished and closed (the client then sees EOF: drops + 1 disconnects)
        while time.monotonic() - t0 < args.seconds * 3 + 10:
            await asyncio.sleep(5 if args.seconds > 20 else 1)
            rss.append((time.monotonic() - t0, me.memory_info().rss / 2**20))
            got = watch.clients[0].stats.messages
            print(f"  t={rss[-1][0]:5.0f} s  received {got:>10,}  rss {rss[-1][1]:7.1f} MiB", flush=True)
            if time.monotonic() - t0 > args.seconds and watch.clients[0].stats.disconnects > args.drops:
                break
        stop.set()
        await task

    t = time.perf_counter()
    asyncio.run(run())
    elapsed = time.perf_counter() - t
    sent = sent_q.get(timeout=30)
    proc.join(5)
    s = watch.summary
    got = watch.clients[0].stats.messages
    stored = store.sql("SELECT count(*) AS n FROM points")["n"][0] if store is not None else 0
    if store is not None:
        store.close()
    half = [m for (tt, m) in rss if tt >= args.seconds / 2]
    print(f"duration            : {args.seconds:.0f} s at {args.rate:,.0f} msg/s target, {args.drops} forced drops")
    print(f"sent / received     : {sent:,} / {got:,} (lost {sent - got:,})")
    print(
        f"sustained rate      : {got / args.seconds:,.0f} msg/s over the server's {args.seconds:.0f} s "
        f"(all read after {rss[-1][0]:.0f} s)"
    )
    print(f"decoded points      : {s.points:,}; stored rows {stored:,}; writer flushes {watch.writer.stats.flushes}")
    print(f"reconnects          : {s.connects - 1} (drops {s.disconnects})")
    print(
        f"watcher RSS (MiB)   : first {rss[0][1]:.0f}, max {max(m for _, m in rss):.0f}, last {rss[-1][1]:.0f}; "
        f"second half min..max {min(half):.0f}..{max(half):.0f}"
    )
    print(f"wall time           : {elapsed:.1f} s; store write time {watch.writer.stats.write_seconds:.1f} s")


if __name__ == "__main__":
    main()
