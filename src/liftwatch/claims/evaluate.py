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

Hand-written because the scoring rules are the specification of what a right extraction is; no
evaluation library knows them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from liftwatch.claims.lexicon import COUNTRIES
from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import norm_key

FIELDS = ("actor", "assets", "owner", "origin", "via", "destination", "possible", "window", "count", "rate", "dark")
_GENERIC = {"aircraft", "ship", "cargo aircraft", "cargo ship"}


@dataclass
class Article:
    path: Path
    lang: str
    url: str
    published: str
    text: str
    gold: list[dict[str, Any]]

    @property
    def pub_date(self) -> date | None:
        """The publication date; a page known only to its month counts as published on its last day, so that
        a year-less date in the text ("26 October") resolves to that month's year as a reader would."""
        try:
            return date.fromisoformat(self.published)
        except ValueError:
            pass
        m = re.fullmatch(r"(\d{4})-(\d{2})", self.published)
        if m is None:
            return None
        y, mo = int(m.group(1)), int(m.group(2))
        return date(y + mo // 12, mo % 12 + 1, 1) - timedelta(days=1)


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
    articles: dict[str, int] = field(default_factory=lambda: defaultdict(int))

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


def load_corpus(folder: Path) -> list[Article]:
    out = []
    for p in sorted(folder.glob("*.toml")):
        d = tomllib.loads(p.read_text(encoding="utf-8"))
        out.append(Article(p, d["lang"], d["url"], str(d.get("published", "")), d["text"].strip(), d.get("claim", [])))
    return out


# -- normalising both sides to comparable values ---------------------------------------------------------
def _asset_key(label: str) -> str:
    return re.sub(r"[\s\-]+", "", label.lower())


def place_keys(p: Place) -> set[str]:
    """Every key a gold annotation may use for this extracted place."""
    keys = {f"city:{norm_key(p.text)}"}
    if p.kind == "unknown":
        keys.add(f"unknown:{norm_key(p.text)}")
    if p.id:
        keys.add(p.id)
    if p.kind == "site":
        keys |= set(p.site_ids)  # a port stands for its whole harbour (Tartus naval facility and port)
    country = COUNTRIES.get(norm_key(p.text))
    if country:
        keys.add(f"country:{country}")
    if p.note.startswith("country "):
        keys.add(f"country:{p.note.split()[1].rstrip(':')}")
    return keys


def _places_right(pred: list[Place], gold: list[str]) -> bool:
    if len(pred) != len(gold):
        return False
    want = {norm_key(g) if g.startswith(("unknown:", "city:")) else g for g in gold}
    want = {g if not g.startswith(("unknown", "city")) else g.replace(" ", " ") for g in want}
    got = [place_keys(p) for p in pred]
    return all(any(_gold_key(g) in k for k in got) for g in gold) and all(
        any(_gold_key(g) in k for g in gold) for k in got
    )


def _gold_key(g: str) -> str:
    if g.startswith(("unknown:", "city:")):
        kind, name = g.split(":", 1)
        return f"{kind}:{norm_key(name)}"
    return g


def assets_of(c: Claim) -> set[str]:
    keys = {_asset_key(a.ship_name.title() if a.ship_name else a.label) for a in c.assets}
    specific = keys - {_asset_key(g) for g in _GENERIC}
    return specific or keys


def _count_of(c: Claim) -> tuple[int | None, int | None] | None:
    if c.min_count is None and c.max_count is None:
        return None
    if not c.count_text:
        return None  # an implied count ("a plane" -> 1) is not a count the text gave
    return (c.min_count, c.max_count)


def _dark(c: Claim) -> bool:
    return bool({"transponders off", "ceased location-sharing"} & set(c.hints))


def _window_right(c: Claim, gold: list[str]) -> bool:
    if c.window is None or not c.window_source.startswith(("sentence", "article")):
        return False
    gs = date.fromisoformat(gold[0]) if gold[0] else None
    ge = date.fromisoformat(gold[1]) if len(gold) > 1 and gold[1] else None
    ok_s = gs is None or abs((c.window[0] - gs).days) <= 1
    ok_e = ge is None or abs((c.window[1] - ge).days) <= 1
    return ok_s and ok_e


def predicted_fields(c: Claim) -> dict[str, bool]:
    """Which fields the extractor filled for a claim."""
    return {
        "actor": c.actor is not None,
        "assets": bool(c.assets),
        "owner": c.owner is not None,
        "origin": bool(c.origin),
        "via": bool(c.via),
        "destination": bool(c.destination),
        "possible": bool(c.possible),
        "window": c.window is not None and c.window_source.startswith(("sentence", "article")),
        "count": _count_of(c) is not None,
        "rate": c.rate_per_day is not None or c.rate_per_day_min is not None,
        "dark": _dark(c),
    }


def gold_fields(g: dict[str, Any]) -> dict[str, bool]:
    return {
        "actor": "actor" in g,
        "assets": bool(g.get("assets")),
        "owner": "owner" in g,
        "origin": bool(g.get("origin")),
        "via": bool(g.get("via")),
        "destination": bool(g.get("destination")),
        "possible": bool(g.get("possible_destination")),
        "window": bool(g.get("window")),
        "count": "count_min" in g or "count_max" in g,
        "rate": "rate_per_day_max" in g or "rate_per_day_min" in g,
        "dark": bool(g.get("dark")),
    }


def field_right(c: Claim, g: dict[str, Any], f: str) -> bool:
    if f == "actor":
        return c.actor is not None and norm_key(c.actor) == norm_key(g["actor"])
    if f == "assets":
        return assets_of(c) == {_asset_key(a) for a in g["assets"]}
    if f == "owner":
        return c.owner is not None and norm_key(g["owner"]) in norm_key(c.owner)
    if f in ("origin", "via", "destination"):
        return _places_right(getattr(c, f), g[f])
    if f == "possible":
        return _places_right(c.possible, g["possible_destination"])
    if f == "window":
        return _window_right(c, g["window"])
    if f == "count":
        return _count_of(c) == (g.get("count_min"), g.get("count_max"))
    if f == "rate":
        return (c.rate_per_day_min, c.rate_per_day) == (g.get("rate_per_day_min"), g.get("rate_per_day_max"))
    if f == "dark":
        return _dark(c)
    raise ValueError(f)


def _affinity(c: Claim, g: dict[str, Any]) -> float:
    score = 0.0
    for role, key in (
        ("origin", "origin"),
        ("destination", "destination"),
        ("via", "via"),
        ("possible", "possible_destination"),
    ):
        got = [place_keys(p) for p in getattr(c, role)]
        score += 2 * sum(1 for k in g.get(key, []) if any(_gold_key(k) in s for s in got))
    score += sum(1 for a in g.get("assets", []) if _asset_key(a) in assets_of(c))
    score += 0.5 * (c.actor is not None and "actor" in g and norm_key(c.actor) == norm_key(g["actor"]))
    score += 0.5 * ("count_min" in g and c.min_count == g.get("count_min"))
    return score


def pair(claims: list[Claim], gold: list[dict[str, Any]]) -> list[tuple[Claim | None, dict[str, Any] | None]]:
    """Greedy one-to-one pairing by affinity; a lone gold and a lone extracted claim always pair."""
    cands = sorted(
        ((_affinity(c, g), i, j) for i, c in enumerate(claims) for j, g in enumerate(gold)), key=lambda x: -x[0]
    )
    used_c: set[int] = set()
    used_g: set[int] = set()
    out: list[tuple[Claim | None, dict[str, Any] | None]] = []
    for score, i, j in cands:
        if i in used_c or j in used_g or (score <= 0 and not (len(claims) == len(gold) == 1)):
            continue
        used_c.add(i)
        used_g.add(j)
        out.append((claims[i], gold[j]))
    out += [(c, None) for i, c in enumerate(claims) if i not in used_c]
    out += [(None, g) for j, g in enumerate(gold) if j not in used_g]
    return out


def evaluate(folder: Path) -> Report:
    from liftwatch.claims.extract import extract

    rep = Report()
    for art in load_corpus(folder):
        rep.articles[art.lang] += 1
        ex = extract(art.text, art.pub_date, use_model=False)
        for c, g in pair(ex.claims, art.gold):
            pf = predicted_fields(c) if c is not None else dict.fromkeys(FIELDS, False)
            gf = gold_fields(g) if g is not None else dict.fromkeys(FIELDS, False)
            for f in FIELDS:
                t = rep.by_lang_field[(art.lang, f)]
                t.predicted += pf[f]
                t.gold += gf[f]
                ok = c is not None and g is not None and pf[f] and gf[f] and field_right(c, g, f)
                t.right += ok
                if gf[f] and not ok:
                    got = _show(c, f) if c is not None else "(no claim)"
                    rep.misses.append(f"{art.path.name}: {f}: gold {_show_gold(g, f)} got {got}")
                elif pf[f] and not gf[f] and c is not None:
                    rep.misses.append(f"{art.path.name}: {f}: extra {_show(c, f)}")
            if c is not None and g is not None and c.actor and c.actor != g.get("actor"):
                for s in g.get("sources", []):
                    if norm_key(c.actor) in norm_key(s) or norm_key(s) in norm_key(c.actor):
                        rep.source_as_actor.append(f"{art.path.name}: actor {c.actor!r} is the source {s!r}")
    return rep


def compare_places(folder: Path) -> tuple[list[str], dict[str, int]]:
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
    for art in load_corpus(folder):
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


def _show(c: Claim, f: str) -> str:
    if f in ("origin", "via", "destination", "possible"):
        return str([p.id or f"unknown:{p.text}" for p in getattr(c, f)])
    if f == "assets":
        return str(sorted(assets_of(c)))
    if f == "window":
        return f"{c.window} ({c.window_source})"
    if f == "count":
        return f"{_count_of(c)} ({c.count_text})"
    if f == "rate":
        return str(c.rate_per_day)
    if f == "dark":
        return str(_dark(c))
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
        "--places", action="store_true", help="compare the extractor's place resolution with kb.resolve_place"
    )
    args = ap.parse_args(argv)
    if not args.folder.is_dir():
        print(f"{args.folder}: not a folder of *.toml gold articles", file=sys.stderr)
        return 2
    if args.places:
        lines, tally = compare_places(args.folder)
        print("\n".join(lines))
        print(", ".join(f"{k}: {v}" for k, v in tally.items()))
        return 0
    rep = evaluate(args.folder)
    if args.json:
        print(json.dumps(rep.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(rep.markdown())
        for s in rep.source_as_actor:
            print("SOURCE AS ACTOR:", s)
    if args.misses:
        print("\n".join(rep.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
