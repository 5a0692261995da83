"""Adjectives of nationality, English and French, for every state: "Turkish", "Lebanese", "libanais", "russes".

Read by the claim extractor wherever an adjective stands for its state (a state's bases, "from Turkish bases"; the
country of a port two countries share, "le port libanais"). One table, so that an adjective several territories
share means the same state everywhere: the most populous one's ("American" is the United States, not the Northern
Mariana Islands that also list it).
"""

from __future__ import annotations

import csv
from functools import cache

from liftwatch.kb._data import data_path, read_csv


@cache
def nationality_adjectives() -> dict[str, tuple[str, str]]:
    """Lower-cased English and French adjectives of states -> (ISO2, the state's English name): the English
    demonyms of ``data/kb/demonyms.csv`` (four letters or more) and the French forms of
    ``data/kb/state_adjectives.csv`` with their plurals. Every state, factions' countries included ("le sol libyen"
    is Libya, whoever moves there)."""
    names: dict[str, str] = {}
    forms: dict[str, tuple[str, str]] = {}
    with data_path("demonyms.csv").open(encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh), key=lambda r: -int(r["population"] or 0))
    for row in rows:  # an adjective several territories share ("French") is the most populous one's
        names.setdefault(row["iso2"], row["country"])
        for dem in row["demonym"].split(","):
            if len(dem.strip()) >= 4:
                forms.setdefault(dem.strip().lower(), (row["iso2"], row["country"]))
    for row in read_csv("state_adjectives.csv"):
        if row["iso2"] not in names:
            continue
        for w in row["fr"].split("|"):
            for f in (w, w if w.endswith(("s", "x")) else w + "s"):
                forms.setdefault(f.lower(), (row["iso2"], names[row["iso2"]]))
    return forms
