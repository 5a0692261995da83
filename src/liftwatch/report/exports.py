"""Exports for other tools: GeoJSON (QGIS, web maps), KML (Google Earth), CSV (spreadsheets), Parquet (code).

KML is written with ``simplekml`` (well-kept, handles escaping and styles); GeoJSON is plain ``json`` of the
features from :mod:`liftwatch.report.geo` (RFC 7946: WGS-84 ``[lon, lat]``, no ``crs`` member).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import polars as pl
import simplekml

from liftwatch.report.geo import OTHER_COLOR, Feature, candidates_text


def write_geojson(path: Path, collection: dict[str, Any]) -> Path:
    path.write_text(json.dumps(collection, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    return path


def write_geojson_pages(
    path: Path, pages: Iterable[list[Feature]], *, attribution: Sequence[str] | None = None
) -> Path:
    """A FeatureCollection written page by page: memory holds one page of features, never the file.

    ``attribution`` (the data licences' notices) goes in as an RFC 7946 foreign member, so it travels with
    the file wherever it is copied.
    """
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"type":"FeatureCollection",')
        if attribution:
            fh.write('"attribution":' + json.dumps(list(attribution), ensure_ascii=False) + ",")
        fh.write('"features":[')
        first = True
        for page in pages:
            for feat in page:
                if not first:
                    fh.write(",")
                fh.write(json.dumps(feat, separators=(",", ":"), ensure_ascii=False))
                first = False
        fh.write("]}")
    return path


def _kml_color(hex_rgb: str, alpha: int = 255) -> str:
    """``#rrggbb`` -> KML ``aabbggrr``."""
    h = hex_rgb.lstrip("#")
    if len(h) != 6:
        h = OTHER_COLOR.lstrip("#")
    return f"{alpha:02x}{h[4:6]}{h[2:4]}{h[0:2]}"


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(v: Any) -> str:
    """Text XML 1.0 can hold (simplekml escapes markup but not control characters, which break the file)."""
    return _XML_INVALID.sub("\ufffd", str(v))


def _describe(props: dict[str, Any], keys: tuple[str, ...]) -> str:
    return _x("\n".join(f"{k}: {props[k]}" for k in keys if props.get(k) not in (None, "")))


def write_kml(path: Path, flights: list[Feature], projections: list[Feature], sites: list[Feature], name: str) -> Path:
    """Sites, flights (one folder per corridor, coloured as on the map) and dark projections (translucent)."""
    kml = simplekml.Kml(name=_x(name))
    folder_sites = kml.newfolder(name="Sites")
    for s in sites:
        p = s["properties"]
        pt = folder_sites.newpoint(name=_x(p.get("name") or p["site_id"]), coords=[tuple(s["geometry"]["coordinates"])])
        pt.description = _describe(p, ("site_id", "site_kind", "country", "controller", "flights"))
    folder_flights = kml.newfolder(name="Flights")
    by_corridor: dict[str, Any] = {}
    styles: dict[tuple[str, int, int], simplekml.Style] = {}

    def style(color: str, alpha: int, width: int) -> simplekml.Style:
        """One shared style per colour (not one per line): smaller file, much faster to write."""
        key = (color, alpha, width)
        if key not in styles:
            st = simplekml.Style()
            st.linestyle.color = _kml_color(color, alpha)
            st.linestyle.width = width
            styles[key] = st
        return styles[key]

    for f in flights:
        p = f["properties"]
        sub = by_corridor.get(p["corridor"])
        if sub is None:
            sub = by_corridor[p["corridor"]] = folder_flights.newfolder(name=_x(p["corridor"]))
        coords = [tuple(c) for c in f["geometry"]["coordinates"]] if f["geometry"]["type"] == "LineString" else None
        if coords is None:
            continue
        ls = sub.newlinestring(name=_x(p["flight_id"]), coords=coords)
        ls.description = _describe(
            p,
            (
                "asset_id",
                "registration",
                "type_code",
                "callsign",
                "classification",
                "dep_site",
                "dep_site_guess",
                "arr_site",
                "arr_site_guess",
                "ending",
                "first_ts",
                "candidates",
            ),
        )
        ls.style = style(p["color"], 255, 2)
        if p.get("first_ts"):
            ls.timespan.begin = p["first_ts"]
            ls.timespan.end = p.get("last_ts") or p["first_ts"]
    folder_dark = kml.newfolder(name="Dark projections (probable destinations)")
    for d in projections:
        p = d["properties"]
        ls = folder_dark.newlinestring(
            name=_x(f"{p['flight_id']} -> {p['site_id']} (p={p['prob']:.2f})"),
            coords=[tuple(c) for c in d["geometry"]["coordinates"]],
        )
        ls.description = _describe(p, ("flight_id", "ending", "site_id", "rank", "prob"))
        alpha = max(60, int(255 * float(p["prob"]))) // 32 * 32  # a few opacity steps, each a shared style
        ls.style = style(p["color"], max(alpha, 64), 1)
    kml.save(str(path), format=False)  # format=True re-parses the whole document with minidom to indent it
    return path


def flat_flights(flights: pl.DataFrame) -> pl.DataFrame:
    """Flights with list/struct columns turned into text, for CSV (geometry and evidence left to Parquet).

    Sites below the default confidence threshold move to ``dep_site_guess``/``arr_site_guess`` (see
    ``tracks.guesses.mark_guesses``) so a spreadsheet never shows a guess as a flight's site; the Parquet
    export keeps the full ranking.
    """
    from liftwatch.tracks.guesses import with_guesses

    flights = with_guesses(flights)
    cands = [candidates_text(c) for c in flights["arr_candidates"].to_list()] if flights.height else []
    return flights.with_columns(
        pl.col("callsigns").list.join(" ").alias("callsigns"),
        pl.Series("arr_candidates", cands, dtype=pl.String),
    ).drop([c for c in ("geometry", "evidence") if c in flights.columns])


def flat_table(df: pl.DataFrame) -> pl.DataFrame:
    """Any table with list columns joined as text (CSV cannot hold lists)."""
    return df.with_columns(
        [pl.col(c).cast(pl.List(pl.String)).list.join(" ") for c, t in df.schema.items() if isinstance(t, pl.List)]
    )


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formulas(df: pl.DataFrame) -> pl.DataFrame:
    """Text cells a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``+``, ``-``, ``@``, tab, CR at the
    start) get a leading apostrophe, the usual CSV-injection defence: shown as text, never evaluated. Number
    columns are untouched (a negative number stays a number)."""
    text = [c for c, t in df.schema.items() if t == pl.String]
    if not text:
        return df
    starts = "^[" + "".join("\\" + ch if ch in "-+" else ch for ch in FORMULA_START) + "]"
    return df.with_columns(
        pl.when(pl.col(c).str.contains(starts)).then(pl.lit("'") + pl.col(c)).otherwise(pl.col(c)).alias(c)
        for c in text
    )


def write_tables(out: Path, tables: dict[str, pl.DataFrame]) -> list[Path]:
    """Each table as ``<name>.csv`` (flattened, formulas neutralised) and ``<name>.parquet`` (full types)."""
    paths: list[Path] = []
    for name, df in tables.items():
        pq = out / f"{name}.parquet"
        df.write_parquet(pq)
        csv = out / f"{name}.csv"
        neutralise_formulas(flat_flights(df) if name == "flights" else flat_table(df)).write_csv(csv)
        paths += [csv, pq]
    return paths


def write_attribution(path: Path, attributions: Sequence[dict[str, str]]) -> Path:
    """``ATTRIBUTION.txt``: each data source with its licence and the notice the licence asks for."""
    lines = ["Data sources of these exports:", ""]
    for a in attributions:
        lines += [f"- {a['source']} ({a['licence']})", f"  {a['attribution']}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
