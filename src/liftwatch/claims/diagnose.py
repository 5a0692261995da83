"""Why gold fields are lost: every gold field the extractor got wrong, put in one class of cause.

The evaluator (:mod:`liftwatch.claims.evaluate`) says how many fields are right; a round of work needs to know
which *kinds* of error cost the most before writing any rule, or it fits the excerpts it reads. This module pairs
claims exactly as the evaluator does (same pairing, same field rules: the scoring is not changed) and puts each
lost gold field in the first class that explains it: the whole movement not extracted, a place in another role,
named but given no role, a place key the annotation writes another way (``city:``/``unknown:``/``country:``), a
window with no date, the article's dates or a wrong span, an actor missed or wrong or the source taken, assets,
counts. Hand-written because the classes are this project's vocabulary of extraction errors.

``python -m liftwatch.claims.diagnose tests/data/articles [--only REGEX]`` prints the table.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from liftwatch.claims.evaluate import load_corpus
from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import norm_key
from liftwatch.claims.scoring import FIELDS, field_right, gold_fields, gold_key, pair, place_keys, predicted_fields

_ROLES = {"origin": "origin", "via": "via", "destination": "destination", "possible": "possible_destination"}
MISSED = "whole movement not extracted"


def _keys(places: list[Place]) -> set[str]:
    out: set[str] = set()
    for p in places:
        out |= place_keys(p)
    return out


def _place_cause(c: Claim, g: dict[str, Any], f: str, mentioned: set[str]) -> str:
    gold = [gold_key(k) for k in g[_ROLES[f]]]
    got = getattr(c, f)
    other = set().union(*(_keys(getattr(c, r)) for r in _ROLES if r != f))
    convention = any(k.startswith(("city:", "unknown:", "country:")) for k in gold)
    if not got:
        if any(k in other for k in gold):
            return "place in another role"
        if any(k in mentioned for k in gold):
            return "place named and resolved, given no role"
        return "place not found or not resolved"
    hits = [any(k in s for s in (place_keys(p) for p in got)) for k in gold]
    if all(hits):
        return "an extra place beside the right one"
    if any(hits):
        return "some gold places missing"
    if any(k in other for k in gold):
        return "place in another role"
    if any(k in mentioned for k in gold):
        return "wrong place, the right one named elsewhere"
    return "place key written another way (city:/unknown:/country:)" if convention else "place resolved to a wrong key"


def _cause(c: Claim, g: dict[str, Any], f: str, filled: bool, mentioned: set[str]) -> str:
    if f in _ROLES:
        return _place_cause(c, g, f, mentioned)
    if f == "window":
        if not filled:
            return "window: no date found"
        return "window: the article's dates taken" if c.window_source.startswith("article") else "window: wrong span"
    if f == "actor":
        if c.actor is None:
            return "actor missed"
        sources = [norm_key(s) for s in g.get("sources", [])]
        taken = any(norm_key(c.actor) in s or s in norm_key(c.actor) for s in sources)
        return "actor: the source taken" if taken else "actor wrong"
    if f == "assets":
        return "assets wrong or partial" if c.assets else "assets missed"
    if f == "count":
        return "count wrong" if filled else "count missed"
    return f"{f} missed or wrong"


def diagnose(folder: Path, only: str | None = None) -> tuple[Counter[str], int]:
    """(lost gold fields by cause, gold fields in all) over the excerpts of ``folder`` whose file name matches
    ``only`` (a regular expression; all when None)."""
    from liftwatch.claims.extract import extract

    lost: Counter[str] = Counter()
    total = 0
    for art in load_corpus(folder):
        if only is not None and not re.search(only, art.path.name):
            continue
        ex = extract(art.text, art.pub_date, use_model=False, publication_month_only=art.month_only)
        mentioned = _keys(ex.places_mentioned)
        for c, g in pair(ex.claims, art.gold):
            if g is None:
                continue
            gf = gold_fields(g)
            total += sum(gf.values())
            if c is None:
                lost[MISSED] += sum(gf.values())
                continue
            pf = predicted_fields(c)
            for f in FIELDS:
                if gf[f] and not (pf[f] and field_right(c, g, f)):
                    lost[_cause(c, g, f, pf[f], mentioned)] += 1
    return lost, total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Classify the gold fields the claim extractor loses, by cause.")
    ap.add_argument("folder", type=Path, nargs="?", default=Path("tests/data/articles"))
    ap.add_argument("--only", help="a regular expression the excerpts' file names must match (e.g. '^..-[np]')")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of *.toml gold articles", file=sys.stderr)
        return 2
    lost, total = diagnose(args.folder, args.only)
    print("| cause | fields lost | share of gold fields |\n|---|---:|---:|")
    for cause, n in lost.most_common():
        print(f"| {cause} | {n} | {n / total:.1%} |" if total else f"| {cause} | {n} | – |")
    print(f"| **all lost** | {sum(lost.values())} of {total} gold fields | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
