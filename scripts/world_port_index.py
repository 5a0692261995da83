"""Write ``src/liftwatch/data/kb/world_ports.csv.gz``: the World Port Index's ports, trimmed to what the kb reads.

Why: the kb's ports are curated one row at a time, and reporting names many more harbours than any round curates
("arrived in Haifa", "left Duqm", "вошёл в Феодосию"); the World Port Index (NGA Publication 150, a US Government
work in the public domain) lists some 3,800 ports with their names, alternate names, UN/LOCODE and position. The
kb reads only a ship's place from it (``liftwatch.kb.port_index``), so only these columns are kept: ``wpi`` (the
World Port Index Number), ``name`` (Main Port Name), ``alternates`` (Alternate Port Name, ``;``-separated as NGA
writes it), ``unlocode`` (without its space: ``ILHFA``), ``country`` (ISO2: the UN/LOCODE's first two letters,
else the NGA country name resolved by the kb; empty if neither), ``water_body``, ``harbor_size``, ``harbor_type``,
``lat``, ``lon`` (rounded to 5 decimals, about a metre). Nothing downloads: run it by hand on NGA's CSV
(``UpdatedPub150.csv`` from https://msi.nga.mil/Publications/WPI):

    PYTHONPATH=src .venv/bin/python scripts/world_port_index.py UpdatedPub150.csv [OUT.csv.gz]
"""

from __future__ import annotations

import csv
import gzip
import io
import sys
from collections.abc import Callable
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "liftwatch" / "data" / "kb" / "world_ports.csv.gz"
COLUMNS = (
    "wpi",
    "name",
    "alternates",
    "unlocode",
    "country",
    "water_body",
    "harbor_size",
    "harbor_type",
    "lat",
    "lon",
)
#: NGA's column for each kept one (the CSV's header as NGA writes it)
_SOURCE = {
    "wpi": "World Port Index Number",
    "name": "Main Port Name",
    "alternates": "Alternate Port Name",
    "unlocode": "UN/LOCODE",
    "country": "Country Code",
    "water_body": "World Water Body",
    "harbor_size": "Harbor Size",
    "harbor_type": "Harbor Type",
    "lat": "Latitude",
    "lon": "Longitude",
}
HEADER = (
    "# World Port Index (NGA Publication 150, US Government work, public domain; https://msi.nga.mil/Publications/WPI),\n"
    "# trimmed by scripts/world_port_index.py to the columns liftwatch.kb.port_index reads.\n"
)


def _kb_country(name: str) -> str:
    """ISO2 code of an NGA country name, through the kb's country names ("" when the kb does not know it)."""
    from liftwatch.kb.countries import resolve_country

    found = resolve_country(name)
    return found.code if found is not None else ""


def trim_rows(rows: list[dict[str, str]], country_of: Callable[[str], str] = _kb_country) -> list[dict[str, str]]:
    """NGA's rows as the kb's rows (columns :data:`COLUMNS`), sorted by WPI number; a row without a number, a
    name or a position is dropped (the kb cannot place or name it)."""
    missing = [c for c in _SOURCE.values() if rows and c not in rows[0]]
    if missing:
        raise ValueError(f"not NGA's World Port Index CSV: no column {', '.join(missing)}")
    out: list[dict[str, str]] = []
    for row in rows:
        raw = {k: (row.get(v) or "").strip() for k, v in _SOURCE.items()}
        try:
            number = int(float(raw["wpi"]))
            lat, lon = float(raw["lat"]), float(raw["lon"])
        except ValueError:
            continue
        if not raw["name"] or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        locode = raw["unlocode"].replace(" ", "").upper()
        country = locode[:2] if len(locode) == 5 else country_of(raw["country"])
        alternates = "; ".join(a.strip() for a in raw["alternates"].split(";") if a.strip())
        out.append(
            raw
            | {
                "wpi": str(number),
                "alternates": alternates,
                "unlocode": locode,
                "country": country,
                "lat": f"{lat:.5f}",
                "lon": f"{lon:.5f}",
            }
        )
    return _one_per_number(out)


def _one_per_number(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One row per WPI number, sorted by it. NGA's file gives a few numbers twice (Seydisfjordur spelt two ways,
    Progreso and Puerto Progreso): the row with a harbour size is kept (the first if both or neither have one) and
    the other's names join its alternate names, so that the number, the kb's id, stays one port."""
    by_number: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_number.setdefault(row["wpi"], []).append(row)
    out: list[dict[str, str]] = []
    for same in by_number.values():
        keep = next((r for r in same if r["harbor_size"]), same[0])
        names = [keep["name"], *keep["alternates"].split("; ")]
        for other in same:
            if other is not keep:
                names += [other["name"], *other["alternates"].split("; ")]
        alternates = [n for n in dict.fromkeys(names) if n and n != keep["name"]]
        out.append(keep | {"alternates": "; ".join(alternates)})
    out.sort(key=lambda r: int(r["wpi"]))
    return out


def trim(src: Path, dst: Path = OUT, country_of: Callable[[str], str] = _kb_country) -> int:
    """Write the trimmed table from NGA's CSV ``src`` to ``dst`` (gzip, reproducible bytes); returns the row count."""
    with src.open(newline="", encoding="utf-8-sig") as fh:
        rows = trim_rows(list(csv.DictReader(fh)), country_of)
    text = io.StringIO()
    text.write(HEADER)
    writer = csv.DictWriter(text, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    # no name and mtime 0 in the gzip header: the same input gives the same bytes
    with dst.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as fo:
        fo.write(text.getvalue().encode("utf-8"))
    return len(rows)


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    dst = Path(argv[2]) if len(argv) == 3 else OUT
    print(f"{trim(Path(argv[1]), dst)} ports written to {dst}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
