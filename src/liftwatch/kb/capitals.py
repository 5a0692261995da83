"""Capitals standing for their states' governments as the one that sends.

Reporting writes "Washington has sent", "Pékin a dépêché", "Тегеран отправил", "أرسلت أنقرة": the capital is the
government, and the state sends what the carriers carry (the annotation's rule 7). Country names and adjectives
come from pycountry and the kb's demonyms; no library shipped here gives capitals in French, Russian and Arabic,
so ``data/kb/capitals.csv`` lists the few the theatre's reporting uses this way.
"""

from __future__ import annotations

from functools import cache

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import read_csv


@cache
def capital_names() -> dict[str, str]:
    """Each capital's name, as written in English, French, Russian or Arabic -> its state's ISO2."""
    out: dict[str, str] = {}
    for row in read_csv("capitals.csv"):
        iso = row["iso2"].strip().upper()
        if len(iso) != 2:
            raise KnowledgeBaseError(f"capitals.csv: bad ISO2 {row['iso2']!r}")
        for name in row["names"].split("|"):
            if name.strip():
                out.setdefault(name.strip(), iso)
    return out
