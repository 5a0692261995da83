"""Who is this aircraft/ship? Fuses address block, military ranges, curated airframes, registration and callsign
patterns and the aircraft type into country, classification (military|state|civil|unknown), operator, type_code,
with the evidence that decided it.

``classify_frame`` is the single implementation: it works column-wise with Polars (one ``when/then`` chain per
pattern table, joins for curated assets) on the *distinct* identity tuples of the input and joins the result
back, so a billion-point frame costs as much as its few thousand distinct (address, registration, callsign,
type) combinations. ``classify`` runs the same code on a one-row frame.

Decision order (first that applies): curated airframe > published military address range > military/state
callsign > state registration prefix (RF-) > military-only aircraft type > airline callsign (civil) > unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

import polars as pl

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import data_path, read_csv
from liftwatch.kb.icao import icao_block_bounds, icao_countries, icao_military_mask, mmsi_flags
from liftwatch.kb.types import aircraft_types

CLASSIFICATIONS = ("military", "state", "civil", "unknown")
ID_COLUMNS = ("asset_id", "registration", "callsign", "type_code")


@dataclass(frozen=True)
class Classification:
    """Result of :func:`classify`; ``evidence`` lists every fact used, strongest first."""

    country: str | None
    classification: str
    operator: str | None
    type_code: str | None
    evidence: list[str] = field(default_factory=list)

    @property
    def is_military(self) -> bool:
        return self.classification == "military"

    @property
    def is_state(self) -> bool:
        """True for state or military aircraft/ships (anything operated by a government)."""
        return self.classification in ("military", "state")


def _compile_patterns(name: str) -> list[dict[str, str]]:
    path = data_path(name)
    rows = read_csv(name)
    for i, row in enumerate(rows, start=2):
        try:
            re.compile(row["pattern"])
        except re.error as exc:
            raise KnowledgeBaseError(f"{path}:{i}: bad regex {row['pattern']!r}: {exc}") from exc
        cls = row.get("classification", "")
        if cls and cls not in CLASSIFICATIONS:
            raise KnowledgeBaseError(f"{path}:{i}: classification {cls!r} not in {CLASSIFICATIONS}")
        if not row["source"].strip():
            raise KnowledgeBaseError(f"{path}:{i}: source is required")
    return rows


@cache
def callsign_patterns() -> pl.DataFrame:
    """Callsign regexes with meaning, country, classification, operator, confidence and source."""
    return pl.DataFrame(_compile_patterns("callsigns.csv"))


@cache
def registration_patterns() -> pl.DataFrame:
    """Registration regexes (nationality marks and Soviet type blocks) with country/type/classification."""
    return pl.DataFrame(_compile_patterns("registrations.csv"))


@cache
def known_assets() -> pl.DataFrame:
    """Curated state/military airframes and ships: asset_id (hex/MMSI or None), registration, name, domain,
    type_code, operator, country, role, classification, imo, note, source."""
    path = data_path("known_assets.csv")
    rows = read_csv("known_assets.csv")
    for i, row in enumerate(rows, start=2):
        if not (row["asset_id"] or row["registration"] or row["name"]):
            raise KnowledgeBaseError(f"{path}:{i}: needs asset_id, registration or name")
        if row["classification"] not in CLASSIFICATIONS:
            raise KnowledgeBaseError(f"{path}:{i}: classification {row['classification']!r} invalid")
        if not row["source"].strip():
            raise KnowledgeBaseError(f"{path}:{i}: source is required")
    frame = pl.DataFrame(rows).with_columns(
        pl.col(c).replace("", None) for c in ("asset_id", "registration", "name", "type_code", "imo", "note")
    )
    return frame.with_columns(pl.col("asset_id").str.to_lowercase(), pl.col("registration").str.to_uppercase())


def _display(pattern: str) -> str:
    """'^RFF\\d{3,4}$' -> 'RFF*' for evidence text."""
    m = re.match(r"\^([A-Z0-9-]+)", pattern)
    return f"{m.group(1)}*" if m else pattern


@cache
def _patterns(table_name: str) -> pl.DataFrame:
    table = registration_patterns() if table_name == "registrations" else callsign_patterns()
    return table.with_columns(disp=pl.col("pattern").map_elements(_display, return_dtype=pl.String))


def _match_columns(column: str, table_name: str) -> list[pl.Expr]:
    """One boolean column per pattern (each regex evaluated once per call, not once per output column)."""
    pats = _patterns(table_name)["pattern"].to_list()
    return [pl.col(column).str.contains(p).fill_null(False).alias(f"_m_{table_name}_{i}") for i, p in enumerate(pats)]


@cache
def _pick(table_name: str, value: str) -> pl.Expr:
    """First matching pattern that has a non-empty ``value`` -> that value (reads the match columns)."""
    expr: Any = None
    for i, val in enumerate(_patterns(table_name)[value].to_list()):
        if not val:
            continue
        cond = pl.col(f"_m_{table_name}_{i}")
        expr = pl.when(cond).then(pl.lit(val)) if expr is None else expr.when(cond).then(pl.lit(val))
    return pl.lit(None, dtype=pl.String) if expr is None else expr.otherwise(pl.lit(None, dtype=pl.String))


def _classify_unique(u: pl.DataFrame) -> pl.DataFrame:
    """Classify a frame of distinct identity tuples (columns ID_COLUMNS, strings or null)."""
    aid = pl.col("asset_id").str.strip_chars().str.to_lowercase()
    # registrations often arrive without the hyphen ("RA78817"); restore it for the common marks
    reg = (
        pl.col("registration")
        .str.strip_chars()
        .str.to_uppercase()
        .str.replace(r"^(RA|RF|EW|YK|5A|UR|EX|EK|UP|ST|TL|TZ|SU|TC|A6|4K|4L)([0-9A-Z]{3,6})$", "$1-$2")
    )
    cs = pl.col("callsign").str.strip_chars().str.to_uppercase()
    u = u.with_columns(_aid=aid, _reg=reg, _cs=cs, _tc=pl.col("type_code").str.strip_chars().str.to_uppercase())
    is_hex = u["_aid"].str.contains(r"^[0-9a-f]{6}$").fill_null(False)
    is_mmsi = u["_aid"].str.contains(r"^\d{9}$").fill_null(False)
    hexes = u["_aid"].zip_with(is_hex, pl.Series([None] * u.height, dtype=pl.String))
    bstart, bend = icao_block_bounds(hexes)
    u = u.with_columns(
        pl.Series("_addr_cc", icao_countries(hexes).tolist(), dtype=pl.String),
        pl.Series("_mil", icao_military_mask(hexes)),
        pl.Series("_bstart", bstart).map_elements(lambda v: f"{v:06X}" if v >= 0 else None, return_dtype=pl.String)
        if u.height
        else pl.Series("_bstart", [], dtype=pl.String),
        pl.Series("_bend", bend).map_elements(lambda v: f"{v:06X}" if v >= 0 else None, return_dtype=pl.String)
        if u.height
        else pl.Series("_bend", [], dtype=pl.String),
        pl.Series(
            "_flag",
            mmsi_flags(u["_aid"].zip_with(is_mmsi, pl.Series([None] * u.height, dtype=pl.String))).tolist(),
            dtype=pl.String,
        ),
    )
    match_cols = [*_match_columns("_reg", "registrations"), *_match_columns("_cs", "callsigns")]
    u = (
        u.with_columns(match_cols)
        .with_columns(
            _reg_cc=_pick("registrations", "country"),
            _reg_tc=_pick("registrations", "type_code"),
            _reg_cls=_pick("registrations", "classification"),
            _reg_meaning=_pick("registrations", "meaning"),
            _cs_pat=_pick("callsigns", "disp"),
            _cs_meaning=_pick("callsigns", "meaning"),
            _cs_cc=_pick("callsigns", "country"),
            _cs_cls=_pick("callsigns", "classification"),
            _cs_op=_pick("callsigns", "operator"),
        )
        .drop([m.meta.output_name() for m in match_cols])
    )
    known = (
        known_assets()
        .filter(pl.col("domain") == "air")
        .select("asset_id", "registration", "type_code", "operator", "country", "classification", "note")
    )
    by_reg = (
        known.filter(pl.col("registration").is_not_null())
        .drop("asset_id")
        .rename(lambda c: f"_kr_{c}" if c != "registration" else "_reg")
    )
    by_aid = (
        known.filter(pl.col("asset_id").is_not_null())
        .drop("registration")
        .rename(lambda c: f"_ka_{c}" if c != "asset_id" else "_aid")
    )
    u = u.join(by_reg.unique("_reg"), on="_reg", how="left").join(by_aid.unique("_aid"), on="_aid", how="left")
    for c in ("type_code", "operator", "country", "classification", "note"):
        u = u.with_columns(pl.coalesce(f"_kr_{c}", f"_ka_{c}").alias(f"_k_{c}")).drop(f"_kr_{c}", f"_ka_{c}")
    u = u.with_columns(_type=pl.coalesce("_tc", "_k_type_code", "_reg_tc"))
    types = aircraft_types().select(
        pl.col("type_code").alias("_type"), pl.col("category").alias("_cat"), pl.col("name").alias("_tname")
    )
    u = u.join(types, on="_type", how="left")

    strong_cs = pl.col("_cs_cls").is_in(["military", "state"]).fill_null(False)
    cls = (
        pl.when(pl.col("_k_classification").is_not_null()).then(pl.col("_k_classification"))
        .when(pl.col("_mil")).then(pl.lit("military"))
        .when(strong_cs).then(pl.col("_cs_cls"))
        .when(pl.col("_reg_cls").is_not_null()).then(pl.col("_reg_cls"))
        .when(pl.col("_cat") == "military_other").then(pl.lit("military"))
        .when(pl.col("_cs_cls") == "civil").then(pl.lit("civil"))
        .otherwise(pl.lit("unknown"))
    )  # fmt: skip
    ev = [
        pl.when(pl.col("_k_classification").is_not_null()).then(
            pl.format(
                "{} {} is in curated list: {}, {}",
                pl.when(pl.col("_reg").is_not_null() & pl.col("_reg").is_in(by_reg["_reg"].implode()))
                .then(pl.lit("registration"))
                .otherwise(pl.lit("address")),
                pl.when(pl.col("_reg").is_in(by_reg["_reg"].implode())).then(pl.col("_reg")).otherwise(pl.col("_aid")),
                pl.coalesce("_k_note", "_k_type_code", pl.lit("?")),
                pl.col("_k_operator"),
            )
        ),
        pl.when(pl.col("_mil")).then(pl.format("address {} is in a published military address range", pl.col("_aid"))),
        pl.when(pl.col("_cs_pat").is_not_null()).then(
            pl.format("callsign {} matches {} ({})", pl.col("_cs"), pl.col("_cs_pat"), pl.col("_cs_meaning"))
        ),
        pl.when(pl.col("_reg_meaning").is_not_null()).then(
            pl.format("registration {} matches {}", pl.col("_reg"), pl.col("_reg_meaning"))
        ),
        pl.when(pl.col("_addr_cc").is_not_null()).then(
            pl.format(
                "address {} in {} block {}-{}", pl.col("_aid"), pl.col("_addr_cc"), pl.col("_bstart"), pl.col("_bend")
            )
        ),
        pl.when(pl.col("_flag").is_not_null()).then(
            pl.format("MMSI {} MID {} -> flag {}", pl.col("_aid"), pl.col("_aid").str.slice(0, 3), pl.col("_flag"))
        ),
        pl.when(pl.col("_cat") == "military_other").then(
            pl.format("type {} is a military type ({})", pl.col("_type"), pl.col("_tname"))
        ),
        pl.when(
            pl.col("_addr_cc").is_not_null()
            & pl.col("_reg_cc").is_not_null()
            & (pl.col("_addr_cc") != pl.col("_reg_cc"))
        ).then(
            pl.format(
                "note: address block {} differs from registration country {}", pl.col("_addr_cc"), pl.col("_reg_cc")
            )
        ),
    ]
    return u.with_columns(
        country=pl.coalesce("_k_country", "_reg_cc", "_addr_cc", "_flag", "_cs_cc"),
        classification=cls,
        operator=pl.coalesce("_k_operator", "_cs_op"),
        type_code_filled=pl.col("_type"),
        class_evidence=pl.concat_list(ev).list.drop_nulls(),
    )


def classify_frame(df: pl.DataFrame, evidence: bool = False) -> pl.DataFrame:
    """Add ``country``, ``classification``, ``operator`` and fill ``type_code`` (plus ``class_evidence`` when
    ``evidence``) to a frame with any of the columns asset_id, registration, callsign, type_code (a flights
    frame's ``callsigns`` list is used when there is no ``callsign`` column: its first callsign).

    Existing non-null ``country``/``operator``/``classification`` columns in ``df`` are replaced (the KB is the
    authority); ``type_code`` keeps given values and fills the missing ones.
    """
    present = {c: (pl.col(c).cast(pl.String) if c in df.columns else pl.lit(None, dtype=pl.String)) for c in ID_COLUMNS}
    if "callsign" not in df.columns and isinstance(df.schema.get("callsigns"), pl.List):
        present["callsign"] = pl.col("callsigns").list.drop_nulls().list.first().cast(pl.String)  # flights table
    keys = df.select(**present).unique()
    result = _classify_unique(keys).select(
        *ID_COLUMNS, "country", "classification", "operator", "type_code_filled", "class_evidence"
    )
    base = df.drop([c for c in ("country", "classification", "operator", "class_evidence") if c in df.columns])
    base = base.with_columns(**{f"__k_{c}": expr for c, expr in present.items()})
    out = base.join(
        result.rename({c: f"__k_{c}" for c in ID_COLUMNS}),
        on=[f"__k_{c}" for c in ID_COLUMNS],
        how="left",
        nulls_equal=True,
        maintain_order="left",
    )
    out = out.with_columns(type_code=pl.col("type_code_filled")).drop(
        "type_code_filled", *[f"__k_{c}" for c in ID_COLUMNS]
    )
    if not evidence:
        out = out.drop("class_evidence")
    return out


def classify(
    asset_id: str | None = None,
    registration: str | None = None,
    callsign: str | None = None,
    type_code: str | None = None,
) -> Classification:
    """Classify one aircraft (or ship by MMSI) from whatever identifiers are known; see module docstring.

    Results are memoised per identity tuple (live use classifies the same aircraft again and again).
    """
    country, cls, operator, tcode, evidence = _classify_cached(asset_id, registration, callsign, type_code)
    return Classification(
        country=country, classification=cls, operator=operator, type_code=tcode, evidence=list(evidence)
    )


@lru_cache(maxsize=65_536)
def _classify_cached(
    asset_id: str | None, registration: str | None, callsign: str | None, type_code: str | None
) -> tuple[str | None, str, str | None, str | None, tuple[str, ...]]:
    frame = pl.DataFrame(
        {"asset_id": [asset_id], "registration": [registration], "callsign": [callsign], "type_code": [type_code]},
        schema=dict.fromkeys(ID_COLUMNS, pl.String),
    )
    row = classify_frame(frame, evidence=True).row(0, named=True)
    return (
        row["country"],
        row["classification"],
        row["operator"],
        row["type_code"],
        tuple(row["class_evidence"] or ()),
    )
