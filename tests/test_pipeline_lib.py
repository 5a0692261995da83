"""The library pipeline's edges: folder expansion, per-file failures, the CLI's error policy, places, filters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import liftwatch
import liftwatch.store_batch
from liftwatch.cli import app
from liftwatch.errors import InvalidValueError, LiftwatchError, PlaceError
from liftwatch.filters import FlightFilter
from liftwatch.ingest import expand_paths
from liftwatch.kb import resolve_place

FIX = Path(__file__).parent / "fixtures" / "readsb"
SBS = [
    "MSG,3,1,1,15A3F2,1,2024/06/01,10:00:01.250,2024/06/01,10:00:01.260,,31000,,,35.40121,35.94873,,,0,0,0,0",
    "MSG,3,1,1,15A3F2,1,2024/06/01,10:00:11.250,2024/06/01,10:00:11.260,,31000,,,35.45121,35.99873,,,0,0,0,0",
    "MSG,3,1,1,4B1234,1,2024/06/01,10:00:12.000,2024/06/01,10:00:12.000,,12000,,,34.9,33.6,,,0,0,0,0",
]
runner = CliRunner()


def _mixed_folder(tmp_path: Path) -> Path:
    """One aircraft.json snapshot beside an SBS log: the folder is not a snapshot directory."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(FIX / "aircraft_json" / "aircraft.json", folder / "aircraft.json")
    (folder / "feed.sbs").write_text("\r\n".join(SBS) + "\r\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x01junk")
    return folder


def test_folder_with_one_json_beside_other_files_is_expanded(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    assert [p.name for p in expand_paths([folder])] == ["aircraft.json", "feed.sbs"]
    with liftwatch.open(tmp_path / "a.duckdb") as lw:
        run = lw.ingest(folder)
        assert not run.failures
        assert {r.format for r in run} == {"aircraft_json", "sbs"}
        sources = set(lw.sql("SELECT DISTINCT source FROM points")["source"].to_list())
        assert sources == {"aircraft_json", "sbs"}  # the SBS rows beside the JSON are kept
        assert lw.sql("SELECT count(*) AS n FROM points WHERE source = 'sbs'")["n"][0] == 3


def test_snapshot_directory_stays_one_input() -> None:
    assert expand_paths([FIX / "aircraft_json"]) == [FIX / "aircraft_json"]


def test_cli_ingest_matches_library_on_a_folder(tmp_path: Path) -> None:
    folder = _mixed_folder(tmp_path)
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "cli.duckdb")])
    assert res.exit_code == 0, res.output
    with liftwatch.open(tmp_path / "lib.duckdb") as lw:
        lw.ingest(folder)
        lib = lw.sql("SELECT source, count(*) AS n FROM points GROUP BY ALL ORDER BY source")
    with liftwatch.open(tmp_path / "cli.duckdb", read_only=True) as lw:
        cli = lw.sql("SELECT source, count(*) AS n FROM points GROUP BY ALL ORDER BY source")
    assert cli.equals(lib)


def test_a_failing_file_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.sbs").write_text("\r\n".join(SBS[:2]) + "\r\n")
    (folder / "b.sbs").write_text(SBS[2] + "\r\n")
    (folder / "c.bin").write_bytes(b"\x00\xff" * 50)  # unknown format: a liftwatch error
    real = liftwatch.store_batch.FileBatch.ingest  # small files go through the batch, big ones through Store

    def boom(self: liftwatch.store_batch.FileBatch, path: object, **kw: object) -> object:
        if str(path).endswith("a.sbs"):
            raise RuntimeError("simulated bug")
        return real(self, path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(liftwatch.store_batch.FileBatch, "ingest", boom)
    res = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "x.duckdb")])
    assert res.exit_code == 1  # an unexpected failure wins over an unreadable file
    assert "Traceback" not in res.output
    assert "unexpected RuntimeError: simulated bug" in res.output and "--debug" in res.output
    assert "c.bin" in res.output
    with liftwatch.open(tmp_path / "x.duckdb", read_only=True) as lw:
        assert lw.sql("SELECT count(*) AS n FROM points")["n"][0] == 1  # b.sbs was still read


def test_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise ZeroDivisionError("kaboom")

    monkeypatch.setattr(liftwatch.api.LiftWatch, "info", broken)
    monkeypatch.setattr("liftwatch.cli.ingest.Path.exists", lambda _self: True)
    monkeypatch.setattr(liftwatch, "open", lambda *a, **k: liftwatch.api.LiftWatch(liftwatch.store.Store(":memory:")))
    res = runner.invoke(app, ["info"])
    assert res.exit_code == 1
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert lines[0].startswith("error: unexpected ZeroDivisionError: kaboom") and len(lines) == 2
    monkeypatch.setenv("LIFTWATCH_DEBUG", "1")
    res = runner.invoke(app, ["info"])
    assert isinstance(res.exception, ZeroDivisionError)  # the traceback is there for a bug report


def test_liftwatch_errors_exit_2_with_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    liftwatch.open(db).close()
    for args, text in (
        (["flights", "list", "--db", db, "--ending", "Gone"], "choose one of: landed, landed_unknown_site, dark"),
        (["flights", "list", "--db", db, "--class", "militray"], "choose one of: military, state, civil, unknown"),
        (["flights", "list", "--db", db, "--site", "Atlantis"], "candidates: Atlantic"),
        (["corridors", "--db", db, "--level", "country"], "choose one of: site, region"),
    ):
        res = runner.invoke(app, args)
        assert res.exit_code == 2, (args, res.output)
        assert res.output.startswith("error:") and text in res.output and "Traceback" not in res.output


def test_report_on_an_empty_store_exits_1(tmp_path: Path) -> None:
    db = str(tmp_path / "e.duckdb")
    liftwatch.open(db).close()
    res = runner.invoke(app, ["report", "--db", db, "--out", str(tmp_path / "r")])
    assert res.exit_code == 1 and "no flights stored" in res.output


@pytest.mark.parametrize(
    ("text", "kind", "pid"),
    [
        ("OSLK", "site", "hmeimim"),
        ("Khmeimim", "site", "hmeimim"),
        ("Хмеймим", "site", "hmeimim"),
        ("eastern Libya", "region", "eastern-libya"),
        ("Cyrenaica", "region", "eastern-libya"),
        ("Alkhadem", "site", "al-khadim"),
    ],
)
def test_resolve_place(text: str, kind: str, pid: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == (kind, pid)
    assert ref.site_ids and (pid in ref.site_ids or ref.kind == "region")


@pytest.mark.parametrize(("text", "reason"), [("Atlantis", "unknown"), ("Lataki", "ambiguous"), ("", "empty")])
def test_unknown_or_ambiguous_places_list_candidates(text: str, reason: str) -> None:
    with pytest.raises(PlaceError, match=reason) as info:
        resolve_place(text)
    assert text == "" or info.value.candidates


def test_flight_filter_validates_and_builds_one_query() -> None:
    f = FlightFilter.from_options(corridor="OSLK:eastern libya", classification="Military", ending="DARK")
    assert f.classification == "military" and f.ending == "dark"
    where, params = f.where()
    assert where is not None and where.count("?") == len(params) == 4
    assert params[2] == ["hmeimim"] and "al-khadim" in params[3]
    with pytest.raises(InvalidValueError, match="choose one of: air, sea"):
        FlightFilter(domain="space")  # type: ignore[arg-type]
    with pytest.raises(InvalidValueError, match="FROM:TO"):
        FlightFilter.from_options(corridor="hmeimim")
    with pytest.raises(InvalidValueError, match="ISO date"):
        FlightFilter(start="yesterday")


def test_closed_database_gives_a_clear_error(tmp_path: Path) -> None:
    lw = liftwatch.open(tmp_path / "c.duckdb")
    flights = lw.flights()
    assert len(flights) == 0
    lw.close()
    with pytest.raises(LiftwatchError, match="was closed"):
        len(flights)
    assert "closed" in repr(lw) and "closed" in repr(flights)


def test_kb_place_cli_equals_library() -> None:
    res = runner.invoke(app, ["kb", "place", "OSLK", "--json"])
    assert res.exit_code == 0, res.output
    import json
    from dataclasses import asdict

    assert json.loads(res.output) == json.loads(json.dumps(asdict(resolve_place("OSLK"))))
    assert runner.invoke(app, ["kb", "place", "Lataki"]).exit_code == 2
