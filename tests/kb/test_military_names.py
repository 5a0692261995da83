"""Military airfields resolve by the name reporting uses: the base's place, without its designator.

Reporting writes "Nellis", "Travis", "Istres", "RAF Leuchars", "NAS North Island"; the airport tables write
"Nellis Afb Airport", "Istres Le Tube/Istres Air Base (BA 125) Airport", "North Island Nas (Halsey Field)
Airport". Before, "Nellis" silently found a New York farm strip and "Istres" was unknown. The sweep derives
each base name from the table's own name, so it checks every such field, not a list chosen to pass.
"""

from __future__ import annotations

import re

import polars as pl
import pytest

from liftwatch.errors import PlaceError
from liftwatch.kb import resolve_place
from liftwatch.kb.runways import airfields
from liftwatch.kb.sites import sites

_DESIGNATOR = re.compile(
    r"\b(?:AFB|Afb|Air Force Base|Air Base|Airbase|AB|NAS|Nas|Naval Air Station|RAF|ANGB|Angb|ARB|JRB|Jrb|AAF|"
    r"Aaf|Army Air ?Field|MCAS|Mcas|CFB|BA \d+|Air Station|Military)\b"
)
_CLASS = {"large_airport": 0, "medium_airport": 1, "small_airport": 2}


@pytest.mark.parametrize(
    ("text", "site_id"),
    [
        ("Istres", "LFMI"),
        ("Istres air base", "LFMI"),
        ("Travis", "KSUU"),
        ("Travis AFB", "KSUU"),
        ("Nellis", "KLSV"),
        ("Nellis Air Force Base", "KLSV"),
        ("Leuchars", "EGQL"),
        ("RAF Leuchars", "EGQL"),
        ("Powidz", "EPPW"),
        ("North Island", "KNZY"),
        ("NAS North Island", "KNZY"),
        ("Tyndall", "KPAM"),
        ("Eglin", "KVPS"),
        ("Scott AFB", "KBLV"),
        ("Eareckson Air Station", "PASY"),
        ("Waterkloof", "FAWK"),
        ("Cazaux", "LFBC"),
        ("Latakia", "latakia-port"),  # a curated site's own alias still wins over a name another site lists
        ("Heathrow", "EGLL"),
    ],
)
def test_a_base_by_its_place_name(text: str, site_id: str) -> None:
    ref = resolve_place(text)
    assert (ref.kind, ref.id) == ("site", site_id), ref


def _base_name(name: str) -> str:
    """The name without parentheses, the part after a slash, designators and generic words."""
    text = _DESIGNATOR.sub(" ", re.sub(r"\(.*?\)", " ", name).split("/")[0])
    text = re.sub(r"\b(?:Airport|Airfield|International|Field)\b", " ", text)
    return re.sub(r"[\s-]+", " ", text).strip(" -,")


def test_every_military_field_resolves_to_itself_or_to_nothing_smaller() -> None:
    classes = dict(airfields().select("icao", "type").iter_rows())
    frame = sites().filter(pl.col("name").str.contains(_DESIGNATOR.pattern))
    rows = [
        (sid, _base_name(name))
        for sid, name in frame.select("site_id", "name").iter_rows()
        if classes.get(sid) in ("large_airport", "medium_airport")
    ]
    rows = [(sid, base) for sid, base in rows if len(base) >= 4]
    right, wrong = 0, []
    for sid, base in rows:
        try:
            ref = resolve_place(base)
        except PlaceError:
            continue  # an ambiguity or unknown lists candidates: never a silent wrong answer
        if sid in ref.site_ids and (ref.kind == "site" or ref.kind == "city"):
            right += 1  # the field itself, or a city of that name whose airfields include it (Little Rock)
        elif ref.kind == "site" and _CLASS.get(classes.get(ref.id or "", ""), 0) > _CLASS[classes[sid]]:
            wrong.append((sid, base, ref.id))  # a smaller field took the base's name
    assert len(rows) > 300
    assert not wrong, wrong
    assert right / len(rows) >= 0.95, (right, len(rows))
