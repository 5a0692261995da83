"""The host-state prior of dark-arrival ranking: a navy's base is an unlikely goal for another state's ship."""

from __future__ import annotations

import polars as pl

from liftwatch.kb.sites import host_states
from liftwatch.sea import destinations
from liftwatch.sea.portcalls import port_sites

from .gapkit import silent_gap

# an invented naval base of Greece on the track, slightly cheaper by geometry than the commercial port beyond it
PORTS = pl.DataFrame(
    {
        "site_id": ["base", "port"],
        "lat": [34.0, 34.0],
        "lon": [33.0, 34.0],
        "host_states": [["GR"], None],
    },
    schema_overrides={"host_states": pl.List(pl.String)},
)


def _probs(asset: str, ports: pl.DataFrame = PORTS) -> dict[str, float]:
    ranked = destinations.rank(silent_gap(asset), ports)
    return {c["site_id"]: c["prob"] for c in ranked["candidates"][0]}


def test_a_foreign_navys_base_yields_to_the_commercial_port() -> None:
    russian = _probs("273123456")  # MID 273: Russia
    assert max(russian, key=russian.__getitem__) == "port"


def test_the_host_states_own_ships_and_unknown_flags_rank_on_geometry() -> None:
    greek = _probs("237123456")  # MID 237: Greece
    unknown = _probs("SHIP-A")  # no MMSI: flag unknown
    plain = _probs("273123456", PORTS.drop("host_states"))  # a port table without host states
    for p in (greek, unknown, plain):
        assert max(p, key=p.__getitem__) == "base"
    assert greek == unknown == plain


def test_the_weight_is_a_prior_not_a_verdict() -> None:
    """The foreign base keeps a share: a ship may still call there (a port visit, a charter for that navy)."""
    russian, greek = _probs("273123456"), _probs("237123456")
    assert 0.0 < russian["base"] < greek["base"]
    assert russian["base"] > 0.2 * greek["base"]


def test_host_states_read_the_controller_history() -> None:
    hosts = host_states()
    assert hosts["tartus"] >= {"RU"}  # a Russian naval facility in Syria
    assert hosts["sevastopol"] >= {"RU", "UA"}
    assert "bamako" in hosts and hosts["bamako"] == frozenset()  # "Malian government" names no state by its name


def test_port_sites_give_host_states_to_naval_bases_only() -> None:
    ports = port_sites()
    row = {r["site_id"]: r for r in ports.select("site_id", "kind", "host_states").to_dicts()}
    assert set(row["tartus"]["host_states"]) >= {"RU", "SY"}
    assert row["salamis-naval-base"]["host_states"] == ["GR"]
    assert row["tartus-port"]["host_states"] is None
    assert ports.filter(pl.col("kind") == "naval_base")["host_states"].is_not_null().all()


def test_mixed_identifiers_rank_without_error() -> None:
    """Real feeds mix ship stations with coast stations, SAR aircraft, AtoNs and names: each gets its own flag or none."""
    gaps = pl.concat(
        [silent_gap(a) for a in ("273123456", "111273456", "992371234", "970123456", "SHIP-A", "000000000")]
    )
    ranked = destinations.rank(gaps, PORTS)
    tops = [c[0]["site_id"] for c in ranked["candidates"]]
    assert tops[0] == "port" and tops[4] == "base"
