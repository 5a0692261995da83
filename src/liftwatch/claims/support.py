"""Which part of a claim the data supports, which it contradicts, and which it cannot see.

A verdict is one word for a whole claim; an analyst needs it per part. For each part the text states —
actor, carrier, origin, via, destination, time, count or rate, "stopped sharing its location", a named
vessel — this module says *supported* (matching flights show it), *not seen* (the data covers it and
shows nothing), *cannot see* (no coverage there, or the place is not in the knowledge base) or *not in
navigation data* (ownership, who reported it). Counts are compared as numbers: claimed "at least 6" vs
6 matching flights observed in the window; a daily rate against the busiest day. Vessel names are looked
up in the AIS static names of the store, so "Sparta IV was in Tartus" can be answered "no AIS position
reports under that name in the window" rather than silence; a name written in Cyrillic or Arabic is
compared with the Latin names ships broadcast by romanisation or consonant skeleton (:func:`name_score`).
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import polars as pl
from rapidfuzz import fuzz

from liftwatch.claims.coverage import Coverage
from liftwatch.claims.model import Claim
from liftwatch.claims.translit import arabic_skeleton, cyrillic_to_latin, has_arabic, has_cyrillic, latin_skeleton
from liftwatch.store import Store

SUPPORTED_PART = "supported"
NOT_SEEN = "not seen"
CANNOT_SEE = "cannot see"
NOT_NAV = "not in navigation data"
_ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6"}


def claimed_count(claim: Claim) -> str | None:
    """The claimed count or rate in words ("at least 6", "5", "up to 8 a day")."""
    parts = []
    if claim.min_count is not None and claim.max_count is not None and claim.count_text:
        parts.append(
            str(claim.min_count) if claim.min_count == claim.max_count else f"{claim.min_count}-{claim.max_count}"
        )
    elif claim.min_count is not None and claim.count_text:
        parts.append(f"at least {claim.min_count}")
    elif claim.max_count is not None:
        parts.append(f"up to {claim.max_count}")
    if claim.rate_per_day is not None and claim.rate_per_day_min == claim.rate_per_day:
        parts.append(f"{claim.rate_per_day:g} a day")
    elif claim.rate_per_day is not None:
        parts.append(f"up to {claim.rate_per_day:g} a day")
    elif claim.rate_per_day_min is not None:
        parts.append(f"more than {claim.rate_per_day_min:g} a day")
    return ", ".join(parts) or None


def count_check(claim: Claim, n_full: int, n_partial: int, by_day: list[tuple[Any, int]]) -> dict[str, Any] | None:
    """Claimed vs observed movements in the window (``None`` when the text gives no number or rate)."""
    said = claimed_count(claim)
    if said is None:
        return None
    busiest = max((n for _, n in by_day), default=0)
    status = SUPPORTED_PART
    notes = []
    if claim.min_count is not None and claim.count_text and n_full < claim.min_count:
        status = NOT_SEEN if n_full == 0 else "fewer observed"
        notes.append(f"{n_full} matching flights observed, the text claims {said}")
    elif claim.max_count is not None and n_full > claim.max_count:
        status = "more observed"
        notes.append(f"{n_full} matching flights observed, more than the {claim.max_count} claimed")
    if claim.rate_per_day is not None and busiest > claim.rate_per_day:
        status = "more observed"
        notes.append(f"busiest day had {busiest} matching flights, above the claimed {claim.rate_per_day:g} a day")
    if claim.rate_per_day_min is not None and busiest <= claim.rate_per_day_min:
        status = "fewer observed" if busiest else NOT_SEEN
        notes.append(
            f"busiest day had {busiest} matching flights; the text claims more than {claim.rate_per_day_min:g} a day"
        )
    if not notes:
        notes.append(f"{n_full} matching flights observed (claimed {said}); busiest day {busiest}")
    return {
        "claimed": said,
        "claimed_min": claim.min_count if claim.count_text else None,
        "claimed_max": claim.max_count,
        "claimed_rate_per_day_max": claim.rate_per_day,
        "claimed_rate_per_day_min": claim.rate_per_day_min,
        "observed_full": n_full,
        "observed_partial": n_partial,
        "observed_busiest_day": busiest,
        "status": status,
        "detail": "; ".join(notes),
    }


def dark_check(claim: Claim, matched: pl.DataFrame) -> dict[str, Any] | None:
    """ "Stopped sharing its location" vs how the matching flights actually ended."""
    if not {"transponders off", "ceased location-sharing"} & set(claim.hints):
        return None
    if not matched.height or "ending" not in matched.columns:
        return {"status": NOT_SEEN, "detail": "no matching flight to compare the reported switch-off with"}
    endings = matched["ending"].fill_null("unknown").value_counts().to_dicts()
    n = {str(r["ending"]): int(r["count"]) for r in endings}
    dark = n.get("dark", 0)
    gaps = n.get("out_of_coverage", 0)
    status = SUPPORTED_PART if dark else (CANNOT_SEE if gaps else NOT_SEEN)
    detail = f"{dark} of {matched.height} matching flights ended dark"
    if gaps:
        detail += f", {gaps} left receiver coverage (a switch-off there cannot be told from a coverage gap)"
    return {"status": status, "detail": detail, "endings": n}


def _name_key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", name.upper()).split()
    return " ".join(_ROMAN.get(w, w) for w in words)


def _arabic_name_key(name: str) -> str:
    """An Arabic rendering of a ship's name as the consonant skeleton of each word, numbers kept ("سبارتا 4" ->
    "SBRT 4"): Arabic writes no short vowels and has no "p" or "v"."""
    words = _name_key(name).split()
    return " ".join(str(int(w)) if w.isdigit() else arabic_skeleton(w).upper().replace("G", "J") for w in words)


def _latin_as_arabic_key(name: str) -> str:
    """A broadcast (Latin) name reduced the same way: consonants only, "p" -> "b", "v" -> "f", and "g" -> "j"
    on both sides (Arabic writes "General" with jim)."""
    words = []
    for w in _name_key(name).split():
        sk = latin_skeleton(w.lower().replace("p", "b").replace("v", "f")).upper().replace("G", "J")
        words.append(str(int(w)) if w.isdigit() else sk)
    return " ".join(words)


def _claimed_key(claimed: str) -> tuple[bool, str] | None:
    """(Arabic?, key) of a name as the text writes it, made once per name; None for an Arabic skeleton too short
    to tell ships apart (five consonants, or three with a number)."""
    if has_arabic(claimed):
        key = _arabic_name_key(claimed)
        if sum(c.isalpha() for c in key) < (3 if any(c.isdigit() for c in key) else 5):
            return None
        return True, key
    return False, _name_key(cyrillic_to_latin(claimed) if has_cyrillic(claimed) else claimed)


def _score(claimed: tuple[bool, str] | None, broadcast: str) -> float:
    if claimed is None:
        return 0.0
    arabic, key = claimed
    if arabic:
        return 100.0 if key == _latin_as_arabic_key(broadcast) else 0.0
    return float(fuzz.ratio(key, _name_key(broadcast)))


def name_score(claimed: str, broadcast: str) -> float:
    """How alike a name as the text writes it and a name as a ship broadcasts it are (0-100).

    AIS names are Latin. A Cyrillic name is romanised first ("Мыс Желания" -> "MYS ZHELANIYA", the spelling
    Russian ships broadcast); an Arabic one is compared by consonant skeletons, and only when they are long
    enough to mean something (five consonants, or three with a number), since short skeletons collide.
    """
    return _score(_claimed_key(claimed), broadcast)


def vessel_sightings(store: Store, names: list[str], window: tuple[datetime, datetime] | None) -> list[dict[str, Any]]:
    """Each named vessel against the AIS static names in the store: MMSIs, name as broadcast, when seen."""
    if not names:
        return []
    known = store.sql(
        "SELECT asset_id, upper(registration) AS name, min(ts) AS first_seen, max(ts) AS last_seen, count(*) AS n "
        "FROM points WHERE domain = 'sea' AND registration IS NOT NULL GROUP BY 1, 2"
    )
    out = []
    for name in names:
        rows = []
        claimed = _claimed_key(name)
        for r in known.iter_rows(named=True):
            score = _score(claimed, str(r["name"]))
            if score >= 90:
                rows.append({**r, "score": score})
        in_window = 0
        if window is not None and rows:
            ids = sorted({str(r["asset_id"]) for r in rows})
            marks = ",".join("?" * len(ids))
            in_window = int(
                store.sql(
                    f"SELECT count(*) FROM points WHERE asset_id IN ({marks}) AND ts >= ? AND ts < ?",
                    [*ids, window[0], window[1]],
                ).item()
            )
        if not rows:
            status, detail = NOT_SEEN, f"no AIS static name like {name!r} in the store"
        elif window is not None and not in_window:
            status, detail = (
                NOT_SEEN,
                f"{name} is in the store (MMSI {', '.join(str(r['asset_id']) for r in rows)}) but not in the window",
            )
        else:
            status = SUPPORTED_PART
            detail = f"{name} broadcasts as " + ", ".join(f"{r['name']} (MMSI {r['asset_id']})" for r in rows)
            if window is not None:
                detail += f"; {in_window} position reports in the window"
        out.append(
            {
                "name": name,
                "status": status,
                "detail": detail,
                "matches": [{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in r.items()} for r in rows],
            }
        )
    return out


def parts(
    claim: Claim,
    matched: pl.DataFrame,
    cov_role: dict[str, list[Coverage]],
    counts: dict[str, Any] | None,
    dark: dict[str, Any] | None,
    vessels: list[dict[str, Any]],
) -> list[dict[str, str]]:
    """One line per part of the claim: what the data says about it."""
    full = matched.filter(pl.col("match") == "full") if matched.height else matched
    out: list[dict[str, str]] = []

    def add(part: str, status: str, detail: str) -> None:
        out.append({"part": part, "status": status, "detail": detail})

    def cov_text(cs: list[Coverage]) -> str:
        return ", ".join(f"{c.place}: {c.level}" for c in cs)

    if claim.actor:
        ok = full.height > 0
        add(
            "actor",
            SUPPORTED_PART if ok else NOT_SEEN,
            claim.actor + (" (carried from the sentence before)" if claim.actor_carried else ""),
        )
    if claim.assets:
        labels = ", ".join(a.label for a in claim.assets)
        types = sorted({str(t) for t in full["type_code"].drop_nulls().to_list()}) if full.height else []
        add(
            "carrier",
            SUPPORTED_PART if full.height else NOT_SEEN,
            labels + (f" (seen: {', '.join(types)})" if types else ""),
        )
    for role, label in (("origin", "origin"), ("via", "via"), ("destination", "destination")):
        places = getattr(claim, role)
        if not places:
            continue
        cs = cov_role.get(role, [])
        names = " / ".join(p.label() for p in places)
        if full.height:
            add(label, SUPPORTED_PART, names)
        elif cs and all(c.level in ("none", "unknown") for c in cs):
            add(label, CANNOT_SEE, f"{names}: {cov_text(cs)}")
        else:
            add(label, NOT_SEEN, f"{names}: {cov_text(cs)}")
    if claim.possible:
        add("possible destination", NOT_NAV, " / ".join(p.label() for p in claim.possible) + " (offered, not claimed)")
    if claim.window is not None:
        add("time", SUPPORTED_PART if full.height else NOT_SEEN, f"{claim.window[0]} to {claim.window[1]}")
    if counts is not None:
        add("count", str(counts["status"]), str(counts["detail"]))
    if dark is not None:
        add("went dark", str(dark["status"]), str(dark["detail"]))
    for v in vessels:
        add(f"vessel {v['name']}", str(v["status"]), str(v["detail"]))
    if claim.owner:
        add("owner", NOT_NAV, f"{claim.owner} (registry information; the data cannot confirm ownership)")
    if claim.sources:
        add("reported by", NOT_NAV, ", ".join(claim.sources))
    return out
