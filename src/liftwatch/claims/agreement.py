"""How far two hand annotations of the same excerpts agree, field by field, under the extractor's own rules.

A goal such as "95 % of gold fields right" presumes the gold is that repeatable: that a second careful reader,
following the same conventions, would write the same actor, places, window and count. Where two annotators
disagree on a field, no extractor can be measured right on it more often than they agree. This module scores
a second, independent annotation of some corpus excerpts (a folder of ``[[claim]]`` tables, one file per
excerpt, named as in the corpus) against the corpus's first annotation, with the evaluator's pairing
(:func:`liftwatch.claims.scoring.pair_by`) and its field rules restated for two annotations:

* actor and owner by their normalised names, assets as sets of normalised labels, places as sets of keys (a
  site named by its ICAO code is its kb site id), counts and rates by both bounds, dark as a flag;
* a window by each end within a day, and an end the first annotation leaves open agrees with any end, as the
  extractor is scored (an open end the second leaves where the first dates one does not agree).

The first annotation stands as gold, the second as the prediction: *recall* is the share of the first's fields
the second wrote alike, *precision* the share of the second's fields the first wrote alike.

Hand-written because the field rules are the corpus's own; no agreement statistic in a library knows them
(Cohen's kappa needs categories, not sets of place keys paired movement by movement).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import liftwatch.kb as kb
from liftwatch.claims.evaluate import Report, add_part_options, load_corpus
from liftwatch.claims.scoring import FIELDS, asset_key, gold_fields, gold_key, name_key, pair_by, same_owner

_PLACE_FIELD = {
    "origin": "origin",
    "via": "via",
    "destination": "destination",
    "possible": "possible_destination",
}


def _place(key: str) -> str:
    """A place key in one spelling: a site named by its ICAO code is the kb's id for the site."""
    key = gold_key(key)
    if ":" in key:
        return key
    try:
        return kb.site(key).site_id
    except KeyError:
        return key  # a region id


def _places(g: dict[str, Any], f: str) -> set[str]:
    return {_place(k) for k in g.get(_PLACE_FIELD[f], [])}


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


def _window_agrees(second: list[str], first: list[str]) -> bool:
    for got, want in zip([*second, "", ""][:2], [*first, "", ""][:2], strict=True):
        w, g = _day(want), _day(got)
        if w is not None and (g is None or abs((g - w).days) > 1):
            return False
    return True


def field_agrees(second: dict[str, Any], first: dict[str, Any], f: str) -> bool:
    """Whether the second annotation's claim writes field ``f`` as the first's does (both must fill it)."""
    if f not in FIELDS:
        raise ValueError(f"unknown field {f!r}; fields: {', '.join(FIELDS)}")
    if not (gold_fields(second)[f] and gold_fields(first)[f]):
        return False
    if f == "actor":
        return name_key(second["actor"]) == name_key(first["actor"])
    if f == "owner":
        return same_owner(second["owner"], first["owner"], either_way=True)
    if f == "assets":
        return {asset_key(a) for a in second["assets"]} == {asset_key(a) for a in first["assets"]}
    if f in _PLACE_FIELD:
        return _places(second, f) == _places(first, f)
    if f == "window":
        return _window_agrees(second["window"], first["window"])
    if f == "count":
        return (second.get("count_min"), second.get("count_max")) == (first.get("count_min"), first.get("count_max"))
    if f == "rate":
        keys = ("rate_per_day_min", "rate_per_day_max")
        return tuple(second.get(k) for k in keys) == tuple(first.get(k) for k in keys)
    return True  # dark: both filled, both say it went dark


def _affinity(second: dict[str, Any], first: dict[str, Any]) -> float:
    """The extractor's pairing weights (:func:`liftwatch.claims.scoring.pair`): shared places count two, shared
    carriers one, the same actor and the same count a half each."""
    score = 2.0 * sum(len(_places(second, f) & _places(first, f)) for f in _PLACE_FIELD)
    score += len({asset_key(a) for a in second.get("assets", [])} & {asset_key(a) for a in first.get("assets", [])})
    if "actor" in second and "actor" in first:
        score += 0.5 * (name_key(second["actor"]) == name_key(first["actor"]))
    score += 0.5 * ("count_min" in first and second.get("count_min") == first["count_min"])
    return score


def second_annotation(folder: Path, name: str) -> list[dict[str, Any]] | None:
    """The second annotation's claims of the corpus excerpt ``name``; None when the folder has no file for it."""
    path = folder / name
    if not path.is_file():
        return None
    doc = tomllib.loads(path.read_text(encoding="utf-8"))
    claims = doc.get("claim", [])
    if not isinstance(claims, list):
        raise ValueError(f"{path}: 'claim' must be an array of tables ([[claim]])")
    return claims


def agreement(corpus: Path, second: Path, only: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Report:
    """The second annotation in ``second`` scored against the first in ``corpus``, over the excerpts both hold.

    Raises ValueError when ``second`` names a file the corpus does not hold (a misspelt name would otherwise
    drop that excerpt from the figure without a word)."""
    names = {p.name for p in corpus.glob("*.toml")}
    strays = sorted(p.name for p in second.glob("*.toml") if p.name not in names)
    if strays:
        raise ValueError(f"{second}: no corpus excerpt named {', '.join(strays)} in {corpus}")
    rep = Report()
    for art in load_corpus(corpus, only, exclude):
        claims = second_annotation(second, art.path.name)
        if claims is None:
            continue
        rep.articles[art.lang] += 1
        for b, a in pair_by(claims, art.gold, _affinity):
            filled = gold_fields(b) if b is not None else dict.fromkeys(FIELDS, False)
            wanted = gold_fields(a) if a is not None else dict.fromkeys(FIELDS, False)
            for f in FIELDS:
                same = b is not None and a is not None and field_agrees(b, a, f)
                rep.add(art.lang, f, filled[f], wanted[f], same)
                if (filled[f] or wanted[f]) and not same:
                    rep.misses.append(f"{art.path.name}: {f}: first {_show(a, f)} second {_show(b, f)}")
    return rep


def _show(g: dict[str, Any] | None, f: str) -> str:
    if g is None:
        return "(no claim)"
    if f in _PLACE_FIELD:
        return str(sorted(_places(g, f))) if gold_fields(g)[f] else "-"
    if f == "count":
        return str((g.get("count_min"), g.get("count_max"))) if gold_fields(g)[f] else "-"
    if f == "rate":
        return str((g.get("rate_per_day_min"), g.get("rate_per_day_max"))) if gold_fields(g)[f] else "-"
    return str(g.get(f, "-"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description="How far a second, independent annotation agrees with the corpus's, per field and language."
    )
    ap.add_argument("corpus", type=Path, nargs="?", default=Path("tests/data/articles"))
    ap.add_argument("second", type=Path, nargs="?", default=Path("tests/data/articles_second"))
    ap.add_argument("--misses", action="store_true", help="list every field the two annotations write otherwise")
    add_part_options(ap)
    args = ap.parse_args(argv)
    for folder in (args.corpus, args.second):
        if not folder.is_dir():
            print(f"{folder}: not a folder of *.toml annotations", file=sys.stderr)
            return 2
    try:
        rep = agreement(args.corpus, args.second, tuple(args.only), tuple(args.exclude))
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    if not rep.articles:
        print(f"{args.second}: no annotation names an excerpt of {args.corpus}", file=sys.stderr)
        return 2
    print(rep.markdown())
    t = rep.tally()
    f1 = 2 * t.right / (t.predicted + t.gold) if t.predicted + t.gold else 1.0
    print(f"all languages: {t.right} fields alike; recall {t.recall:.1%} of the first's {t.gold}, precision "
          f"{t.precision:.1%} of the second's {t.predicted}; F1 {f1:.1%}")  # fmt: skip
    if args.misses:
        print("\n".join(rep.misses))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
