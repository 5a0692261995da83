"""The gold annotation's format, shared by the format tests of the claim corpora (development and blind sets).

The checks are on the annotation only, never on what the claim extractor makes of the text: a blind set's test
must not run the extractor. A typo in a place key or a misspelt field would otherwise show up only as a silent
miss when the set is scored.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

import liftwatch.kb as kb

TOP_KEYS = {"lang", "url", "published", "date_note", "text", "claim"}
CLAIM_KEYS = {
    "actor", "sources", "assets", "owner", "origin", "via", "destination", "possible_destination", "window",
    "count_min", "count_max", "rate_per_day_min", "rate_per_day_max", "dark",
}  # fmt: skip
PLACE_FIELDS = ("origin", "via", "destination", "possible_destination")
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@cache
def _site_ids() -> frozenset[str]:
    """The gazetteer's site ids and the World Port Index tier's own ports (``wpi-<number>``, a ship's place); an
    index row that is a curated port is keyed by the curated id."""
    from liftwatch.kb.port_index import index_ports

    return frozenset(kb.sites()["site_id"].to_list()) | frozenset(index_ports())


def place_error(key: str) -> str | None:
    """Why ``key`` is not a place key the corpus allows, or None when it is."""
    if key in _site_ids() or key in kb.regions():
        return None
    if key.startswith("unknown:"):
        name = key.removeprefix("unknown:")
        return None if name and name == name.lower() else f"{key}: an unknown place is written in lower case"
    if key.startswith("country:"):
        return None if re.fullmatch(r"country:[A-Z]{2}", key) else f"{key}: not country:<ISO2>"
    if key.startswith("city:"):
        ref = kb.resolve_place(key.removeprefix("city:"))
        return None if ref.kind == "city" else f"{key}: the kb resolves it to {ref.kind} {ref.id}"
    return f"{key}: neither a kb site or region id, country:, city: nor unknown:"


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def check_excerpt(path: Path, name: str, *, not_after_report: bool = True) -> None:
    """Assert the excerpt at ``path`` is well formed; ``name``: a regular expression its file name starts with
    (``{lang}`` is replaced by the excerpt's language). ``not_after_report``: no movement is dated after the
    report's month (set 5's annotation dates one movement two days after its page, so its check leaves it out)."""
    doc = load(path)
    assert set(doc) <= TOP_KEYS, f"unexpected keys {set(doc) - TOP_KEYS}"
    assert re.match(name.replace("{lang}", doc["lang"]), path.name), f"file name must start with {name}"
    assert doc["url"].startswith(("http://", "https://"))
    assert re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", doc["published"])
    assert doc["text"].strip()
    claims = doc.get("claim", [])
    assert claims, "every excerpt claims at least one movement"
    for claim in claims:
        assert set(claim) <= CLAIM_KEYS, f"unexpected claim keys {set(claim) - CLAIM_KEYS}"
        errors = [e for f in PLACE_FIELDS for k in claim.get(f, []) if (e := place_error(k))]
        assert not errors, errors
        if "actor" in claim:
            assert claim["actor"] not in claim.get("sources", []), "a source is never the actor"
        if "window" in claim:
            first, last = claim["window"]
            assert all(d == "" or DAY.fullmatch(d) for d in (first, last))
            assert not (first and last) or first <= last
            assert not not_after_report or not last or last <= doc["published"] + "-31", "dated after its report"
        if "count_min" in claim and "count_max" in claim:
            assert claim["count_min"] <= claim["count_max"]
        assert isinstance(claim.get("dark", False), bool)
