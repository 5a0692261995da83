"""Address blocks, MMSI flags, and the fused classifier (scalar and vectorised agree)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import kb
from tests.frames import num


@pytest.mark.parametrize(
    ("hex_addr", "country"),
    [("1546a2", "RU"), ("100000", "RU"), ("1fffff", "RU"), ("778abc", "SY"), ("018000", "LY"), ("01ffff", "LY"),
     ("510001", "BY"), ("5107ff", "BY"), ("510800", None), ("3c6444", "DE"), ("4001c5", "KY"), ("400000", "BM"),
     ("406abc", "GB"), ("789123", "HK"), ("780000", "CN"), ("ae1234", "US"), ("ZZZZZZ", None), ("", None)],
)  # fmt: skip
def test_icao_country_blocks(hex_addr: str, country: str | None) -> None:
    assert kb.icao_country(hex_addr) == country


def test_icao_countries_vectorised_matches_scalar() -> None:
    rng = np.random.default_rng(1)
    hexes = [f"{v:06x}" for v in rng.integers(0, 0xFFFFFF, 2000)] + [None, "xyz", "1234567"]
    vec = kb.icao_countries(hexes)
    assert [kb.icao_country(h) for h in hexes] == vec.tolist()


def test_every_annex10_block_is_reachable() -> None:
    blocks = kb.icao_blocks()
    assert blocks.height > 200
    assert set(blocks.filter(pl.col("country").is_not_null())["country"]) >= {"RU", "SY", "LY", "BY", "US", "CN"}
    mids: list[str | None] = [f"{(s + e) // 2:06x}" for s, e in zip(blocks["start"], blocks["end"], strict=True)]
    assert all(c is not None for c, cc in zip(kb.icao_countries(mids), blocks["country"], strict=True) if cc)


@pytest.mark.parametrize(
    ("mmsi", "flag"),
    [("273123456", "RU"), (273123456, "RU"), ("468000001", "SY"), ("642000001", "LY"), ("636091234", "LR"),
     ("002731234", "RU"), ("111273100", "RU"), ("12345", None), ("999999999", None)],
)  # fmt: skip
def test_mmsi_flag(mmsi: str | int, flag: str | None) -> None:
    assert kb.mmsi_flag(mmsi) == flag


def test_founding_case_russian_il76_is_state_military_with_evidence() -> None:
    c = kb.classify(asset_id="1546a2", registration="RA-78817", callsign="RFF7012", type_code="IL76")
    assert c.country == "RU"
    assert c.classification == "military" and c.is_state and c.is_military
    assert c.operator == "Russian Aerospace Forces"
    assert c.type_code == "IL76"
    text = " | ".join(c.evidence)
    assert "RFF7012 matches RFF*" in text
    assert "address 1546a2 in RU block 100000-1FFFFF" in text
    assert "RA-78817" in text


@pytest.mark.parametrize(
    ("args", "operator", "country"),
    [(("151d8e", "RA-73212", "AFL1234", "A320"), "Aeroflot", "RU"),
     (("3c6444", "D-AIZA", "DLH4AB", "A320"), "Lufthansa", "DE"),
     (("778123", "YK-BAA", "SAW1234", "A320"), "Cham Wings Airlines", "SY")],
)  # fmt: skip
def test_civil_airliners_stay_civil(args: tuple[str, str, str, str], operator: str, country: str) -> None:
    c = kb.classify(*args)
    assert c.classification == "civil"
    assert c.operator == operator and c.country == country


def test_curated_airframe_and_other_paths() -> None:
    c = kb.classify(registration="RA-96017")
    assert c.classification == "state" and "Rossiya" in (c.operator or "")
    assert any("curated list" in e for e in c.evidence)
    assert kb.classify(registration="RF-78817").classification == "military"
    assert kb.classify(registration="RA78817").type_code == "IL76"  # hyphen restored
    assert kb.classify(asset_id="ae1234").classification == "military"  # published US military range
    assert kb.classify(type_code="SU24").classification == "military"
    assert kb.classify(asset_id="1546a2").classification == "unknown"  # a Russian address alone proves nothing
    assert kb.classify(asset_id="273123456").country == "RU"
    empty = kb.classify()
    assert empty.classification == "unknown" and empty.evidence == []


def test_classify_frame_is_vectorised_and_consistent() -> None:
    rows = [
        ("1546a2", "RA-78817", "RFF7012", "IL76"),
        ("151d8e", "RA-73212", "AFL1234", None),
        ("3c6444", "D-AIZA", "DLH4AB", "A320"),
        (None, "RA-96017", None, None),
        ("ae1234", None, "RCH471", "C17"),
    ]
    df = pl.DataFrame(rows * 1000, schema=["asset_id", "registration", "callsign", "type_code"], orient="row")
    df = df.with_columns(pl.int_range(pl.len()).alias("row"))
    out = kb.classify_frame(df)
    assert out.height == df.height and out["row"].to_list() == df["row"].to_list()
    assert {"country", "classification", "operator", "type_code"} <= set(out.columns)
    for i, r in enumerate(rows):
        single = kb.classify(*r)
        got = out.row(i, named=True)
        assert (got["country"], got["classification"], got["operator"], got["type_code"]) == (
            single.country, single.classification, single.operator, single.type_code)  # fmt: skip


def test_classify_frame_with_missing_columns() -> None:
    out = kb.classify_frame(pl.DataFrame({"asset_id": ["1546a2", "3c6444"]}), evidence=True)
    assert out["country"].to_list() == ["RU", "DE"]
    assert out["class_evidence"].list.len().to_list() == [1, 1]


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(st.none(), st.text(alphabet="0123456789abcdef", min_size=0, max_size=8)),
    st.one_of(st.none(), st.text(max_size=10)),
    st.one_of(st.none(), st.text(max_size=10)),
)
def test_classify_never_crashes(asset_id: str | None, reg: str | None, callsign: str | None) -> None:
    c = kb.classify(asset_id=asset_id, registration=reg, callsign=callsign)
    assert c.classification in ("military", "state", "civil", "unknown")


def test_types_table() -> None:
    t = kb.aircraft_types()
    for code in ("IL76", "A124", "AN12", "IL62", "T154", "T134", "AN26", "AN72", "C17", "C130", "A400", "A320"):
        assert code in t["type_code"].to_list()
    cargo = t.filter(pl.col("payload_max_t").is_not_null())
    assert (cargo["payload_low_t"] <= cargo["payload_typical_t"]).all()
    assert (cargo["payload_typical_t"] <= cargo["payload_max_t"]).all()
    assert t.filter(pl.col("type_code") == "A124")["payload_max_t"].item() == 120
    assert num(t["source"].str.len_chars().min()) > 5
    assert kb.ship_classes().height >= 5


def test_known_assets_table() -> None:
    ka = kb.known_assets()
    assert {"asset_id", "registration", "type_code", "operator", "country", "role", "source"} <= set(ka.columns)
    assert ka.filter(pl.col("name") == "Sparta IV")["imo"].to_list() == ["9743033"]  # RUSI 2023
    # never invented: no MMSI/hex present unless sourced
    assert ka["asset_id"].null_count() == ka.height


def test_classify_frame_on_flights_uses_first_callsign() -> None:
    flights = pl.DataFrame(
        {"asset_id": ["1546a2", "3c6444"], "callsigns": [["RFF7012", "RFF7013"], ["DLH4AB"]],
         "registration": ["RA-78817", "D-AIZA"], "type_code": [None, "A320"]}
    )  # fmt: skip
    out = kb.classify_frame(flights)
    assert out["classification"].to_list() == ["military", "civil"]
    assert out["type_code"].to_list() == ["IL76", "A320"]
    assert out["callsigns"].to_list() == flights["callsigns"].to_list()
