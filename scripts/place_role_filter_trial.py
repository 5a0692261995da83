"""What the learned place-role model would do to the claim score, before anyone wires it in.

``place_role_experiment.py`` compares roles place by place. The extractor is judged on claim fields, so this
script applies the one variant that beat the rules there (the model reading the rules' own roles, a corrector
of their output) to the claims ``extract`` made, and scores the claims with the evaluator's own pairing and
field rules (``claims.scoring``):

* **drop**: a place of a claim is taken out of its role when every mention of it in the excerpt is one the
  model calls ``none`` (the only change the corrector can make without choosing which claim a place belongs to);
* **drop+move**: also moved to the other role the model gives all its mentions.

Each excerpt is corrected by a model trained without its set (leave-one-set-out: the held-out-by-letter figure)
and, for reference, by the model trained on every set (the in-sample figure the shipped weights would give).
Each variant's change in right fields and in precision against the rules comes with a 95 % interval from
resampling whole excerpts::

    PYTHONPATH=src .venv/bin/python scripts/place_role_filter_trial.py tests/data/articles

Never run it on a blind set: it reads the gold.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from place_role_data import LABELS, ROLES, Row, _keys, read_excerpt

from liftwatch.claims.evaluate import Report, Tally, load_corpus
from liftwatch.claims.model import Claim
from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.scoring import FIELDS, field_right, gold_fields, pair, predicted_fields

PLACE_FIELDS = ("origin", "via", "destination", "possible")


def _fit_predict(train: Sequence[Row], test: Sequence[Row]) -> list[list[float]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        vec = DictVectorizer()
        model = LogisticRegression(C=1.0, max_iter=2000)
        model.fit(vec.fit_transform([r.features for r in train]), [r.gold for r in train])
        probs = model.predict_proba(vec.transform([r.features for r in test]))
    classes = list(model.classes_)
    return [[float(p[classes.index(lab)]) if lab in classes else 0.0 for lab in LABELS] for p in probs]


def _model_role(probs: Sequence[Sequence[float]]) -> str:
    """A place's role from its mentions' probabilities (as ``place_role_experiment.by_place``)."""
    best, best_p = "none", 0.0
    for p in probs:
        k = max(range(len(LABELS)), key=lambda j: p[j])
        if LABELS[k] != "none" and p[k] > best_p:
            best, best_p = LABELS[k], p[k]
    return best


def corrected(
    claims: Sequence[Claim],
    rows: Sequence[Row],
    key_sets: Sequence[set[str]],
    probs: Sequence[Sequence[float]],
    move: bool,
) -> list[Claim]:
    """The claims with each place the model takes no role for dropped (and, with ``move``, moved to the role it
    gives), judged by the place's mentions in the excerpt; a place no mention names (an anaphor's base) stays."""
    gaz = default_gazetteer()
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[r.key].append(i)
    decided = [
        (set().union(*(key_sets[i] for i in idx)), _model_role([probs[i] for i in idx])) for idx in groups.values()
    ]
    out = []
    for c in claims:
        c = copy.deepcopy(c)
        moved: dict[str, list[Any]] = {role: [] for role in ROLES}
        for role in ROLES:
            kept = []
            for p in getattr(c, role):
                ks = _keys(gaz, p)
                said = {r for g, r in decided if g & ks}
                if said == {"none"}:
                    continue
                if move and len(said) == 1 and (new := next(iter(said))) != role:
                    moved[new].append(p)
                    continue
                kept.append(p)
            setattr(c, role, kept)
        for role, places in moved.items():
            getattr(c, role).extend(places)
        out.append(c)
    return out


def _score(rep: Report, lang: str, claims: Sequence[Claim], gold: Sequence[dict[str, Any]]) -> None:
    """The evaluator's own tally (``evaluate.evaluate``) for one excerpt's claims."""
    rep.articles[lang] += 1
    for c, g in pair(list(claims), list(gold)):
        pf = predicted_fields(c) if c is not None else dict.fromkeys(FIELDS, False)
        gf = gold_fields(g) if g is not None else dict.fromkeys(FIELDS, False)
        for f in FIELDS:
            ok = c is not None and g is not None and pf[f] and gf[f] and field_right(c, g, f)
            rep.add(lang, f, pf[f], gf[f], ok)


def margin(
    per_excerpt: dict[str, list[tuple[int, int]]], base: str = "rules", rounds: int = 2000, seed: int = 18
) -> dict[str, dict[str, Any]]:
    """How sure each variant's change against ``base`` is: the difference in right fields and in precision (points),
    with a 95 % interval from resampling whole excerpts (``per_excerpt`` holds each excerpt's (right, filled) in
    corpus order). A gain counts only if its interval stays above zero."""
    rng = random.Random(seed)
    n = len(per_excerpt[base])
    picks = [rng.choices(range(n), k=n) for _ in range(rounds)]

    def diff(name: str, idx: Sequence[int]) -> tuple[int, float]:
        a, b = per_excerpt[name], per_excerpt[base]
        ra, pa = sum(a[i][0] for i in idx), sum(a[i][1] for i in idx)
        rb, pb = sum(b[i][0] for i in idx), sum(b[i][1] for i in idx)
        return ra - rb, 100 * ((ra / pa if pa else 0.0) - (rb / pb if pb else 0.0))

    out = {}
    for name in per_excerpt:
        if name == base:
            continue
        right, prec = diff(name, range(n))
        boot = [diff(name, idx) for idx in picks]
        rs, ps = sorted(d[0] for d in boot), sorted(d[1] for d in boot)
        lo, hi = int(0.025 * rounds), int(0.975 * rounds)
        out[name] = {
            "right fields": right,
            "right 95 % interval": [rs[lo], rs[hi]],
            "precision points": round(prec, 1),
            "precision 95 % interval": [round(ps[lo], 1), round(ps[hi], 1)],
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Score the claims with the learned place-role corrector applied.")
    ap.add_argument("folder", type=Path, nargs="?", default=Path("tests/data/articles"))
    args = ap.parse_args(argv)
    if "heldout" in args.folder.name:
        print("refusing a held-out folder: this script reads the gold", file=sys.stderr)
        return 2
    arts = load_corpus(args.folder)
    read = [read_excerpt(a.path.name, a.lang, a.text, a.gold, a.pub_date, a.month_only) for a in arts]
    rows = [r for rs, _, _ in read for r in rs]
    sets = sorted({r.group for r in rows})
    probs_oof: dict[int, list[float]] = {}
    for s in sets:
        test = [i for i, r in enumerate(rows) if r.group == s]
        found = _fit_predict([r for r in rows if r.group != s], [rows[i] for i in test])
        probs_oof.update(zip(test, found, strict=True))
    probs_in = _fit_predict(rows, rows)
    reports = {name: Report() for name in ("rules", "drop, out of fold", "drop+move, out of fold", "drop, in sample")}
    per_excerpt: dict[str, list[tuple[int, int]]] = {name: [] for name in reports}
    at = 0
    for art, (rs, claims, key_sets) in zip(arts, read, strict=True):
        oof = [probs_oof[at + i] for i in range(len(rs))]
        ins = probs_in[at : at + len(rs)]
        at += len(rs)
        versions = {
            "rules": claims,
            "drop, out of fold": corrected(claims, rs, key_sets, oof, False),
            "drop+move, out of fold": corrected(claims, rs, key_sets, oof, True),
            "drop, in sample": corrected(claims, rs, key_sets, ins, False),
        }
        for name, version in versions.items():
            before = reports[name].tally()
            _score(reports[name], art.lang, version, art.gold)
            after = reports[name].tally()
            per_excerpt[name].append((after.right - before.right, after.predicted - before.predicted))
    print(
        "| claims | lang | all fields right / predicted / gold | P | R | place fields right / predicted / gold | P | R |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, rep in reports.items():
        for lang in [None, *rep.langs()]:
            t = rep.tally(lang)
            pr = Tally()
            for f in PLACE_FIELDS:
                ft = rep.tally(lang, f)
                pr.right, pr.predicted, pr.gold = pr.right + ft.right, pr.predicted + ft.predicted, pr.gold + ft.gold
            print(
                f"| {name} | {lang or 'all'} | {t.right} / {t.predicted} / {t.gold} | {t.precision:.1%} | {t.recall:.1%} "
                f"| {pr.right} / {pr.predicted} / {pr.gold} | {pr.precision:.1%} | {pr.recall:.1%} |"
            )
    print("\n| against the rules | right fields | 95 % interval | precision, points | 95 % interval |")
    print("|---|---:|---:|---:|---:|")
    for name, m in margin(per_excerpt).items():
        (rl, rh), (pl, ph) = m["right 95 % interval"], m["precision 95 % interval"]
        print(
            f"| {name} | {m['right fields']:+d} | {rl:+d} … {rh:+d} | {m['precision points']:+.1f} | {pl:+.1f} … {ph:+.1f} |"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
