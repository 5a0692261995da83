"""Why gold fields are lost: every gold field the extractor got wrong, put in one class of cause.

The evaluator (:mod:`liftwatch.claims.evaluate`) says how many fields are right; a round of work needs to know
which *kinds* of error cost the most before writing any rule, or it fits the excerpts it reads. This module pairs
claims exactly as the evaluator does (same pairing, same field rules: the scoring is not changed) and puts each
lost gold field in the first class that explains it: the whole movement not extracted, a place in another role,
named but given no role, a place key the annotation writes another way (``city:``/``unknown:``/``country:``), a
window with no date, the article's dates or a wrong span, an actor missed or wrong or the source taken, assets,
counts. Hand-written because the classes are this project's vocabulary of extraction errors.

``python -m liftwatch.claims.diagnose tests/data/articles [--only GLOB] [--exclude GLOB]`` prints the table (the
globs, each repeatable, on file names, pick a part of the corpus as the evaluator's do); ``--excerpts`` (with
``--lang``) prints one row per excerpt instead: how many movements it claims and how many were extracted, how far
reading got (clauses with a movement verb, the gold's places found at all), and for every movement not extracted
the first step of reading that lost it (:func:`lost_movement`).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from liftwatch.claims.cues import MOVE
from liftwatch.claims.evaluate import Article, add_part_options, load_corpus
from liftwatch.claims.model import Claim, Extraction, Place
from liftwatch.claims.places import Gazetteer, norm_key
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


@dataclass
class _Scored:
    """One gold movement with the extracted claim paired to it (None: not extracted) and its fields: the gold
    fields the annotation fills, the ones the claim gets right, and the ones lost with whether the claim filled
    them."""

    claim: Claim | None
    gold: dict[str, Any]
    n_gold: int
    right: list[str] = field(default_factory=list)
    lost: list[tuple[str, bool]] = field(default_factory=list)


def _scored(claims: list[Claim], gold: list[dict[str, Any]]) -> Iterator[_Scored]:
    """Every gold movement, paired and scored exactly as the evaluator does (``scoring.pair``, ``field_right``)."""
    for c, g in pair(claims, gold):
        if g is None:
            continue
        gf = gold_fields(g)
        out = _Scored(c, g, sum(gf.values()))
        if c is not None:
            pf = predicted_fields(c)
            for f in FIELDS:
                if gf[f]:
                    if pf[f] and field_right(c, g, f):
                        out.right.append(f)
                    else:
                        out.lost.append((f, pf[f]))
        yield out


def _extracted(
    folder: Path, lang: str | None, only: Sequence[str], exclude: Sequence[str]
) -> Iterator[tuple[Article, Extraction]]:
    """The excerpts of ``folder`` in ``lang`` (all when None) whose file names ``only`` and ``exclude`` select
    (``evaluate.selected``), each with what the extractor makes of it (rules only, as the evaluator runs it)."""
    from liftwatch.claims.extract import extract

    for art in load_corpus(folder, only, exclude):
        if lang is not None and art.lang != lang:
            continue
        yield art, extract(art.text, art.pub_date, use_model=False, publication_month_only=art.month_only)


def diagnose(
    folder: Path, only: Sequence[str] = (), exclude: Sequence[str] = (), lang: str | None = None
) -> tuple[Counter[str], int]:
    """(lost gold fields by cause, gold fields in all) over the excerpts of ``folder`` whose file names ``only``
    and ``exclude`` select (globs; all files when both are empty)."""
    lost: Counter[str] = Counter()
    total = 0
    for art, ex in _extracted(folder, lang, only, exclude):
        mentioned = _keys(ex.places_mentioned)
        for sc in _scored(ex.claims, art.gold):
            total += sc.n_gold
            if sc.claim is None:
                lost[MISSED] += sc.n_gold
                continue
            for f, filled in sc.lost:
                lost[_cause(sc.claim, sc.gold, f, filled, mentioned)] += 1
    return lost, total


# why a gold movement was not extracted, by the first step of reading that lost it
NO_PLACE = "none of its places found in the text"
NO_VERB = "its places found, never in a clause with a movement verb"
NO_ROLE = "in a movement clause, its places given no role"
DROPPED = "its places given roles, the movement merged away or paired elsewhere"
ASSETS_ONLY = "no place in the gold (carriers or a count only)"


def lost_movement(g: dict[str, Any], art_text: str, reading: tuple[list[Any], list[Any]]) -> str:
    """The first step of reading that lost the gold movement ``g`` (``reading``: ``reading.read_sentences``)."""
    keys = {gold_key(k) for r in _ROLES.values() for k in g.get(r, [])}
    if not keys:
        return ASSETS_ONLY
    _, sentences = reading
    found = [(s, r) for s in sentences for r in s.roles if keys & place_keys(r.mention.place)]
    if not found:
        return NO_PLACE
    moving = [(s, r) for s, r in found if MOVE.search(s.text)]
    if not moving:
        return NO_VERB
    if not any(r.role is not None for _, r in moving):
        return NO_ROLE
    return DROPPED


def excerpt_rows(
    folder: Path, lang: str | None = None, only: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[tuple[str, ...]]:
    """One row per excerpt: file, movements (gold / extracted / paired), clauses with a movement verb, gold place
    keys found anywhere in the text, dates read, fields right, and the causes of the movements not extracted."""
    from liftwatch.claims.places import default_gazetteer

    gaz = default_gazetteer()
    return [_excerpt_row(art, ex, gaz) for art, ex in _extracted(folder, lang, only, exclude)]


def _excerpt_row(art: Article, ex: Extraction, gaz: Gazetteer) -> tuple[str, ...]:
    from liftwatch.claims.reading import read_sentences
    from liftwatch.claims.timeparse import find_times

    reading = read_sentences(art.text, gaz, art.pub_date)
    sentences = reading[1]
    mentioned: set[str] = set()
    for m in reading[0]:
        mentioned |= place_keys(m.place)
    gold_keys = {gold_key(k) for g in art.gold for r in _ROLES.values() for k in g.get(r, [])}
    dates = [t for t in find_times(art.text, art.pub_date, None) if t.kind != "publication"]
    right = total = paired = 0
    causes: Counter[str] = Counter()
    for sc in _scored(ex.claims, art.gold):
        total += sc.n_gold
        if sc.claim is None:
            causes[lost_movement(sc.gold, art.text, reading)] += 1
            continue
        paired += 1
        right += len(sc.right)
    moving = sum(1 for s in sentences if MOVE.search(s.text))
    return (
        art.path.name,
        f"{len(art.gold)} / {len(ex.claims)} / {paired}",
        f"{moving} of {len(sentences)}",
        f"{len(gold_keys & mentioned)} of {len(gold_keys)}",
        str(len(dates)),
        f"{right} of {total}",
        "; ".join(f"{n}× {c}" for c, n in causes.most_common()) or "–",
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Classify the gold fields the claim extractor loses, by cause.")
    ap.add_argument("folder", type=Path, nargs="?", default=Path("tests/data/articles"))
    add_part_options(ap)
    ap.add_argument("--lang", choices=["en", "ar", "fr", "ru"], help="only the excerpts in this language")
    ap.add_argument("--excerpts", action="store_true", help="one row per excerpt: how far reading got, and why")
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of *.toml gold articles", file=sys.stderr)
        return 2
    if args.excerpts:
        print(
            "| excerpt | movements gold / extracted / paired | clauses with a movement verb | gold places found "
            "| dates read | fields right | movements not extracted, by cause |\n|---|---|---|---|---|---|---|"
        )
        rows = excerpt_rows(args.folder, args.lang, args.only, args.exclude)
        for row in rows:
            print("| " + " | ".join(row) + " |")
        missed: Counter[str] = Counter()
        for row in rows:
            for part in row[-1].split("; "):
                if "× " in part:
                    count, cause = part.split("× ", 1)
                    missed[cause] += int(count)
        print("\n" + "\n".join(f"- {cause}: {n}" for cause, n in missed.most_common()))
        return 0
    lost, total = diagnose(args.folder, args.only, args.exclude, args.lang)
    print("| cause | fields lost | share of gold fields |\n|---|---:|---:|")
    for cause, n in lost.most_common():
        print(f"| {cause} | {n} | {n / total:.1%} |" if total else f"| {cause} | {n} | – |")
    print(f"| **all lost** | {sum(lost.values())} of {total} gold fields | |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
