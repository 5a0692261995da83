"""`liftwatch watch` from the command line: usage errors exit 2, a short run against a loopback feed stores
points and prints a summary."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from liftwatch.cli import app
from liftwatch.modes.framing import encode_beast
from liftwatch.modes.synth import stream
from liftwatch.store import Store

runner = CliRunner()


@pytest.fixture
def beast_port() -> Iterator[int]:
    s = stream(5, 20, seed=2)
    data = encode_beast(s.msgs, np.full(len(s.ts), 14), np.round((s.ts - s.ts[0]) * 12e6).astype(np.int64))
    loop = asyncio.new_event_loop()
    t = threading.Thread(target=loop.run_forever, daemon=True)
    t.start()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(data)
        await writer.drain()
        writer.close()

    srv = asyncio.run_coroutine_threadsafe(asyncio.start_server(handle, "127.0.0.1", 0), loop).result(5)
    yield srv.sockets[0].getsockname()[1]
    loop.call_soon_threadsafe(srv.close)
    loop.call_soon_threadsafe(loop.stop)
    t.join(5)


def test_help_and_usage_errors(tmp_path: Path) -> None:
    r = runner.invoke(app, ["watch", "--help"])
    assert r.exit_code == 0 and "--beast" in r.output
    assert runner.invoke(app, ["watch"]).exit_code == 2
    assert runner.invoke(app, ["watch", "--beast", "nohost"]).exit_code == 2
    assert runner.invoke(app, ["watch", "--sbs", "h:1", "--receiver", "x"]).exit_code == 2
    assert runner.invoke(app, ["watch", "--sbs", "h:1", "--webhook", "ftp://x"]).exit_code == 2
    assert runner.invoke(app, ["watch", "--sbs", "h:1", "--time-source", "gps"]).exit_code == 2
    assert (
        runner.invoke(app, ["watch", "--sbs", "h:1", "--db", str(tmp_path / "no" / "such" / "dir.duckdb")]).exit_code
        == 2
    )
    assert runner.invoke(app, ["watch", "--sbs", "h:1", "--rules", str(tmp_path / "missing.toml")]).exit_code == 2


def test_short_run_stores_points(tmp_path: Path, beast_port: int) -> None:
    db = tmp_path / "w.duckdb"
    r = runner.invoke(app, ["watch", "--beast", f"127.0.0.1:{beast_port}", "--db", str(db), "--duration", "1.5", "-q"])
    assert r.exit_code == 0, r.output
    assert "watch summary" in r.output
    with Store(db, read_only=True) as st:
        assert st.points().height > 100
