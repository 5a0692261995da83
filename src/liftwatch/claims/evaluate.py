"""Score the claim extractor against a hand-annotated corpus of real reporting, per field and per language.

The corpus (``tests/data/articles/*.toml``) holds short excerpts of published articles with a gold list
of the movements each claims (format: the README next to it). Each gold claim is paired with the
extracted claim that shares most with it (places, then assets, then actor); every field is then scored:

* a gold field is *right* when the paired claim has the same value (sets of places or assets compared
  as sets, windows within one day at each end, counts by their bounds);
* **precision** = right / fields the extractor filled (in paired and unpaired claims alike),
  **recall** = right / fields the gold filled;
* a gold ``sources`` entry (who reported it) that comes back as the actor, the gold actor being another, is
  counted separately: the error an analyst can least afford, so it is listed, not averaged away.

``--spurious`` lists what the extractor wrote that the text, as annotated, does not claim: each extracted claim
no gold claim pairs with (every field it fills counts against precision), and each field a paired claim fills
with a value the gold does not have (wrong, or filled where the gold leaves it empty). A false field is read by
an analyst as evidence, so these are listed whole, with the sentence they came from, to be classed by the
grammar that produced them.

``--only GLOB`` and ``--exclude GLOB`` (each repeatable, on file names) score a part of the corpus without
copying it: a round that fits rules on one part and judges them on another measures both from one folder.

Hand-written because the scoring rules are the specification of what a right extraction is; no
evaluation library knows them.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from liftwatch.claims.model import Claim
from liftwatch.claims.places import norm_key
from liftwatch.claims.scoring import (
    FIELDS,
    assets_of,
    count_of,
    dark_of,
    field_right,
    gold_fields,
    pair,
    place_keys,
    predicted_fields,
)
from liftwatch.claims.timeparse import publication

__all__ = [
    "FIELDS",
    "Article",
    "Report",
    "Tally",
    "compare_places",
    "evaluate",
    "load_corpus",
    "place_keys",
    "selected",
]


@dataclass
class Article:
    path: Path
    lang: str
    url: str
    published: str
    text: str
    gold: list[dict[str, Any]]

    @property
    def month_only(self) -> bool:
        """The page is dated to its month only ("2020-12")."""
        found = publication(self.published)
        return found is not None and found[1]

    @property
    def pub_date(self) -> date | None:
        """The publication date (:func:`liftwatch.claims.timeparse.publication`: a month-only page on its last
        day)."""
        found = publication(self.published)
        return found[0] if found is not None else None


@dataclass
class Tally:
    right: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0


@dataclass
class Report:
    by_lang_field: dict[tuple[str, str], Tally] = field(default_factory=lambda: defaultdict(Tally))
    source_as_actor: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)
    articles: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, lang: str, fld: str, filled: bool, wanted: bool, right: bool) -> None:
        """Count one field of one paired claim: filled by the prediction, wanted by the gold, right."""
        t = self.by_lang_field[(lang, fld)]
        t.predicted += filled
        t.gold += wanted
        t.right += right

    def tally(self, lang: str | None = None, fld: str | None = None) -> Tally:
        out = Tally()
        for (lg, f), t in self.by_lang_field.items():
            if (lang is None or lg == lang) and (fld is None or f == fld):
                out.right += t.right
                out.predicted += t.predicted
                out.gold += t.gold
        return out

    def langs(self) -> list[str]:
        return sorted(self.articles, key=lambda x: (x != "en", x))

    def to_dict(self) -> dict[str, Any]:
        def td(t: Tally) -> dict[str, Any]:
            return {"precision": round(t.precision, 4), "recall": round(t.recall, 4), **t.__dict__}

        return {
            "articles": dict(self.articles),
            "overall": {lg: td(self.tally(lg)) for lg in self.langs()},
            "fields": {lg: {f: td(self.tally(lg, f)) for f in FIELDS} for lg in self.langs()},
            "source_as_actor": self.source_as_actor,
        }

    def markdown(self) -> str:
        langs = self.langs()
        head = "| field | " + " | ".join(f"{lg} P | {lg} R" for lg in langs) + " |"
        rows = [head, "|---|" + "---:|---:|" * len(langs)]

        def cell(t: Tally) -> str:
            p = f"{t.precision:.0%}" if t.predicted else "–"
            r = f"{t.recall:.0%}" if t.gold else "–"
            return f"{p} | {r}"

        for f in FIELDS:
            rows.append(f"| {f} | " + " | ".join(cell(self.tally(lg, f)) for lg in langs) + " |")
        rows.append("| **all fields** | " + " | ".join(cell(self.tally(lg)) for lg in langs) + " |")
        counts = ", ".join(f"{lg}: {self.articles[lg]} articles, {self.tally(lg).gold} gold fields" for lg in langs)
        return "\n".join(rows) + f"\n\n{counts}; sources reported as actor: {len(self.source_as_actor)}\n"


def selected(name: str, only: Sequence[str] = (), exclude: Sequence[str] = ()) -> bool:
    """Whether the file ``name`` is in the part named by ``only`` (shell globs, any of which it must match; all
    files when empty) and ``exclude`` (globs none of which it may match). Globs on names, not a regular
    expression, because the corpus marks each former blind set by a letter after the language (``??-s[0-9]-*``).
    A single string is one glob, not a sequence of one-letter globs."""
    only = (only,) if isinstance(only, str) else only
    exclude = (exclude,) if isinstance(exclude, str) else exclude
    if only and not any(fnmatch.fnmatchcase(name, g) for g in only):
        return False
    return not any(fnmatch.fnmatchcase(name, g) for g in exclude)


def load_corpus(folder: Path, only: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Article]:
    """The excerpts of ``folder`` whose file names are :func:`selected` by ``only`` and ``exclude``."""
    out = []
    for p in sorted(folder.glob("*.toml")):
        if not selected(p.name, only, exclude):
            continue
        d = tomllib.loads(p.read_text(encoding="utf-8"))
        out.append(Article(p, d["lang"], d["url"], str(d.get("published", "")), d["text"].strip(), d.get("claim", [])))
    return out


# -- normalising both sides to comparable values ---------------------------------------------------------
def evaluate(folder: Path, only: Sequence[str] = (), exclude: Sequence[str] = ()) -> Report:
    """Score the excerpts of ``folder`` (those :func:`selected` by ``only`` and ``exclude``)."""
    from liftwatch.claims.extract import extract

    rep = Report()
    for art in load_corpus(folder, only, exclude):
        rep.articles[art.lang] += 1
        ex = extract(art.text, art.pub_date, use_model=False, publication_month_only=art.month_only)
        for c, g in pair(ex.claims, art.gold):
            pf = predicted_fields(c) if c is not None else dict.fromkeys(FIELDS, False)
            gf = gold_fields(g) if g is not None else dict.fromkeys(FIELDS, False)
            for f in FIELDS:
                ok = c is not None and g is not None and pf[f] and gf[f] and field_right(c, g, f)
                rep.add(art.lang, f, pf[f], gf[f], ok)
                if gf[f] and not ok:
                    got = _show(c, f) if c is not None else "(no claim)"
                    rep.misses.append(f"{art.path.name}: {f}: gold {_show_gold(g, f)} got {got}")
                elif pf[f] and not gf[f] and c is not None:
                    rep.misses.append(f"{art.path.name}: {f}: extra {_show(c, f)}")
            if c is not None:
                rep.spurious += _spurious_lines(art.path.name, c, g, pf, gf)
            if c is not None and g is not None and c.actor:
                for s in sources_taken_for_actor(c.actor, g, art.gold):
                    rep.source_as_actor.append(f"{art.path.name}: actor {c.actor!r} is the source {s!r}")
    return rep


def compare_places(
    folder: Path, only: Sequence[str] = (), exclude: Sequence[str] = ()
) -> tuple[list[str], dict[str, int]]:
    """Each distinct place name the extractor meets in the corpus, resolved by the extractor and by
    ``kb.resolve_place`` (the resolver commands and filters use): lines for the names where they differ, and
    the tally. Kept to see where free text needs more than the command-line resolver (cities with several
    airfields, countries, inflected names), and where the kb's aliases could learn from the extractor's."""
    from liftwatch import kb
    from liftwatch.claims.extract import extract
    from liftwatch.errors import PlaceError

    seen: set[tuple[str, str | None]] = set()
    lines: list[str] = []
    tally = {"names": 0, "agree": 0, "differ": 0, "only extractor": 0, "only kb": 0}
    for art in load_corpus(folder, only, exclude):
        for p in extract(art.text, art.pub_date, use_model=False).places_mentioned:
            if p.kind == "controlled" or (p.text, p.id) in seen:
                continue
            seen.add((p.text, p.id))
            tally["names"] += 1
            try:
                ref = kb.resolve_place(p.text)
                theirs: str | None = ref.id
                how = f"{ref.matched} {ref.score:.0f}"
            except PlaceError as e:
                theirs, how = None, str(e).split(";")[0]
            if theirs == p.id:
                tally["agree"] += 1
                continue
            key = "only extractor" if theirs is None else "only kb" if p.id is None else "differ"
            tally[key] += 1
            lines.append(
                f"{art.path.name}: {p.text!r}: extractor {p.id or 'unknown'}, kb.resolve_place {theirs} ({how})"
            )
    return lines, tally


def add_part_options(ap: argparse.ArgumentParser) -> None:
    """``--only GLOB`` and ``--exclude GLOB``, repeatable: the part of the corpus to read (:func:`selected`)."""
    ap.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="GLOB",
        help="only the excerpts whose file name matches this glob (repeatable: any of them), e.g. '??-s[0-9]-*'",
    )
    ap.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="leave out the excerpts whose file name matches this glob (repeatable)",
    )


def sources_taken_for_actor(actor: str, gold: dict[str, Any], article_gold: Sequence[dict[str, Any]]) -> list[str]:
    """The gold claim's sources an extracted actor is taken from, when the actor is wrong for that claim.

    An actor the gold gives any claim of the same excerpt is one the text makes an actor ("L'Iran a utilisé des
    bateaux ..., citant des sources iraniennes"): handed to another of its claims it is a wrong actor, which the
    actor field already counts, not a source read as the one who moved."""
    if actor == gold.get("actor"):
        return []
    if any(norm_key(actor) == norm_key(str(g.get("actor", ""))) for g in article_gold):
        return []
    return [s for s in gold.get("sources", []) if _is_source(actor, s)]


def _is_source(actor: str, source: str) -> bool:
    """Whether an actor is an attribution source: its name within the source's ("Russia" in "the Russian
    Ministry of Defence"), or a source of several words within the actor's. A one-word source inside a state's
    name is a namesake, not the source: the channel "Arabia" is not Saudi Arabia."""
    a, s = norm_key(actor), norm_key(source)
    return bool(a and s) and (a in s or (s in a and len(source.split()) > 1))


def _spurious_lines(
    name: str, c: Claim, g: dict[str, Any] | None, pf: dict[str, bool], gf: dict[str, bool]
) -> list[str]:
    """The lines ``--spurious`` prints for one extracted claim: the whole claim when no gold claim pairs with it
    (``UNPAIRED``, its filled fields and its first sentence), else one ``WRONG`` line per field it fills that the
    gold leaves empty or has otherwise. Each line starts with the file name and the field, so lines sort and
    count by either."""
    filled = [f for f in FIELDS if pf[f]]
    if g is None:
        shown = "; ".join(f"{f}={_show(c, f)}" for f in filled)
        said = " ".join(c.sentences[:1]).replace("\n", " ")[:300]
        return [f"{name}: UNPAIRED [{','.join(filled)}] {shown} | {said}"]
    out = []
    for f in filled:
        if not (gf[f] and field_right(c, g, f)):
            out.append(f"{name}: WRONG {f}: got {_show(c, f)} gold {_show_gold(g, f)}")
    return out


def _show(c: Claim, f: str) -> str:
    if f in ("origin", "via", "destination", "possible"):
        return str([p.id or f"unknown:{p.text}" for p in getattr(c, f)])
    if f == "assets":
        return str(sorted(assets_of(c)))
    if f == "window":
        return f"{c.window} ({c.window_source})"
    if f == "count":
        return f"{count_of(c)} ({c.count_text})"
    if f == "rate":
        return str(c.rate_per_day)
    if f == "dark":
        return str(dark_of(c))
    return repr(getattr(c, f))


def _show_gold(g: dict[str, Any] | None, f: str) -> str:
    if g is None:
        return "-"
    key = {"possible": "possible_destination", "count": "count_min", "rate": "rate_per_day_max"}.get(f, f)
    if f == "count":
        return str((g.get("count_min"), g.get("count_max")))
    return str(g.get(key))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score claim extraction on a gold corpus, per field and language.")
    ap.add_argument("folder", type=Path, nargs="?", default=Path("tests/data/articles"))
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--misses", action="store_true", help="list every gold field the extractor got wrong")
    ap.add_argument(
        "--spurious",
        action="store_true",
        help="list every extracted claim no gold claim pairs with, and every filled field the gold does not have",
    )
    ap.add_argument(
        "--places", action="store_true", help="compare the extractor's place resolution with kb.resolve_place"
    )
    add_part_options(ap)
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of *.toml gold articles", file=sys.stderr)
        return 2
    if args.places:
        lines, tally = compare_places(args.folder, args.only, args.exclude)
        print("\n".join(lines))
        print(", ".join(f"{k}: {v}" for k, v in tally.items()))
        return 0
    rep = evaluate(args.folder, args.only, args.exclude)
    if args.json:
        print(json.dumps(rep.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(rep.markdown())
        for s in rep.source_as_actor:
            print("SOURCE AS ACTOR:", s)
    if args.misses:
        print("\n".join(rep.misses))
    if args.spurious:
        print("\n".join(rep.spurious))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
