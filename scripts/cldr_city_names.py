"""Write ``src/liftwatch/data/kb/city_names_cldr.csv``: the French, Russian and Arabic names of the cities the
Unicode CLDR names time zones after, for those the kb cannot yet resolve by that name.

Why: the airport table (airportsdata) is English only, and the hand table ``city_names.csv`` lists the cities
this theatre's reporting names most. Reporting in other languages names capitals and large cities far beyond
it ("Varsovie", "Копенгаген", "بروكسل"); CLDR's exemplar cities are the translations the Unicode consortium
maintains for about 450 such cities, with their country. Run by hand when the kb or Babel changes (Babel is a
development dependency only; the CSV ships inside the package):

    .venv/bin/python scripts/cldr_city_names.py

A name is written only where it adds something: the kb does not already resolve it exactly to a place in the
same country, it names no country (Arabic "الجزائر" and Russian "Алжир" are Algeria before Algiers; "Djibouti"
and "Kuwait" are the states), and airportsdata lists a field in the city (its English exemplar name, or the tz
id's, found in the airport table's city column for that country). A zone whose Russian name does not
romanise to something like its English one is left out (CLDR files Coral Harbour's name under Atikokan), and
so is a name with a qualifier ("Beulah, North Dakota") or of fewer than four letters.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Mapping
from pathlib import Path

from babel import Locale
from babel.core import get_global
from rapidfuzz import fuzz

from liftwatch import kb
from liftwatch.claims.translit import cyrillic_to_latin
from liftwatch.errors import PlaceError
from liftwatch.kb import cities
from liftwatch.kb.cities import _raw_cities

cities.NAME_TABLES = ("city_names.csv",)  # what the kb knows without this script's own table

OUT = Path(__file__).resolve().parents[1] / "src" / "liftwatch" / "data" / "kb" / "city_names_cldr.csv"
LANGS = ("fr", "ru", "ar")
HEADER = (
    "# Other-language names of cities from the Unicode CLDR time-zone exemplar cities (Unicode License v3,\n"
    "# Copyright (c) 1991-2025 Unicode, Inc.), as Babel {version} ships them; written by scripts/cldr_city_names.py\n"
    "# (only names the kb did not already resolve to the same country, and never a country's name). Same columns\n"
    "# as city_names.csv; the hand table wins where both name a city.\n"
)


def _adds(name: str, country: str) -> bool:
    """Whether ``name`` is news to the kb: unknown, fuzzy, ambiguous or another country's place, and no state."""
    try:
        ref = kb.resolve_place(name)
    except PlaceError:
        return True
    if ref.kind == "country" and ref.matched != "fuzzy":
        return False
    if ref.matched == "fuzzy":
        return True
    countries = {kb.site(s).country for s in ref.site_ids[:50] if s} if ref.site_ids else set()
    return country not in countries


def _plain(name: str) -> bool:
    return len(name.replace(" ", "")) >= 4 and not any(c in name for c in ",()،")


def main() -> int:
    import babel

    zones: Mapping[str, str] = get_global("zone_territories")
    locales = {lang: Locale(lang) for lang in ("en", *LANGS)}
    raw = _raw_cities()
    rows: dict[tuple[str, str], set[str]] = {}
    for tz, country in sorted(zones.items()):
        if len(country) != 2 or "/" not in tz:
            continue
        english = locales["en"].time_zones.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        spelling = next((s for s in (english, tz.rsplit("/", 1)[-1].replace("_", " ")) if (s, country) in raw), None)
        if spelling is None:
            continue
        local = {lang: locales[lang].time_zones.get(tz, {}).get("city") or english for lang in LANGS}
        if fuzz.ratio(cyrillic_to_latin(local["ru"].lower()), english.lower()) < 50:
            continue  # the zone is named after another place than its id's city
        names = {*local.values(), english}
        new = {n for n in names if _plain(n) and n != spelling and _adds(n, country)}
        if new:
            rows.setdefault((spelling, country), set()).update(new)
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER.format(version=babel.__version__))
        w = csv.writer(f, lineterminator="\n")
        w.writerow(("city", "country", "names", "source"))
        for (city, country), names in sorted(rows.items()):
            w.writerow((city, country, "|".join(sorted(names)), "CLDR exemplar city (fr/ru/ar)"))
    print(f"{len(rows)} cities, {sum(len(n) for n in rows.values())} names -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
