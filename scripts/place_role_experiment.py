"""Does a learned model give places their roles better than the rules? A measurement, not a component.

The claim extractor gives each place it finds an origin / via / destination / possible-destination role by
hand-written rules (``claims/sentences.py``, ``claims/roles.py``, ``claims/extract.py``). Issue 18 asks that the
technique be chosen on measurement. This script builds a mention-level data set from a gold corpus and
compares, out of fold, a logistic regression over local context features with the rules' own roles for the
same mentions:

* the data set (``place_role_data.py``): every place mention the extractor's own reading finds, labelled from
  the gold by place key, with the rules' role for it found the same way in the extractor's claims;
* **folds** are the corpus's sets: the letters after the language in the file name (``en-q3-...`` is set q,
  ``en-aa1-...`` set aa), the numbered originals one more set. Each set is predicted by a model trained on the others, which imitates
  reporting the model never saw (leave-one-set-out);
* the comparison is per role and language, at two levels: each mention, and each (excerpt, place) pair, the
  level a claim's fields are scored at (a place's role is the most probable role any of its mentions gets);
* three models: one that also reads the rules' roles (in the claims and in the sentence: a corrector of their
  output), one that reads the sentence's role only (what a hook inside the extractor, before the claims are made,
  could use), one that reads no rule at all; the same features otherwise, C = 1 fixed beforehand (nothing tuned
  on the folds);
* the margin at the place level: the sets the model wins, and a 95 % interval of the F1 difference from
  resampling whole excerpts.

Run from the repository root (scikit-learn is needed only here)::

    PYTHONPATH=src .venv/bin/python scripts/place_role_experiment.py tests/data/articles --cache /tmp/roles.json

``--cache`` keeps the data set (reading the corpus takes minutes), ``--json`` prints the tables as JSON. Never
run it on a blind set: it reads the gold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from place_role_data import LABELS, ROLES, Row, _primary, build, gold_coverage


# -- the comparison ------------------------------------------------------------------------------------------
def _without(f: dict[str, Any], drop: Sequence[str]) -> dict[str, Any]:
    return {k: v for k, v in f.items() if k not in drop}


def cross_validate(rows: Sequence[Row], drop: Sequence[str] = (), c: float = 1.0) -> list[list[float]]:
    """Out-of-fold class probabilities (in ``LABELS`` order) for every row, leaving out one set at a time.
    ``drop`` names features left out (``("rules", "sent_role")``: the model without the rules' opinion)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut
    from threadpoolctl import threadpool_limits

    # one thread: on a shared machine BLAS threads contending for the cores made each fit twenty times slower
    with threadpool_limits(1):
        return _cross_validate(rows, drop, c, DictVectorizer, LogisticRegression, LeaveOneGroupOut)


def _cross_validate(
    rows: Sequence[Row], drop: Sequence[str], c: float, vectorizer: Any, learner: Any, splitter: Any
) -> list[list[float]]:

    x = [_without(r.features, drop) for r in rows]
    y = [r.gold for r in rows]
    groups = [r.group for r in rows]
    out: list[list[float]] = [[0.0] * len(LABELS) for _ in rows]
    for train, test in splitter().split(x, y, groups):
        vec = vectorizer()
        xt = vec.fit_transform([x[i] for i in train])
        model = learner(C=c, max_iter=2000)
        model.fit(xt, [y[i] for i in train])
        probs = model.predict_proba(vec.transform([x[i] for i in test]))
        classes = list(model.classes_)
        for row, p in zip(test, probs, strict=True):
            out[row] = [float(p[classes.index(lab)]) if lab in classes else 0.0 for lab in LABELS]
    return out


def by_place(rows: Sequence[Row], probs: Sequence[Sequence[float]]) -> list[tuple[str, str, str, str]]:
    """(language, gold, rules, model) per (excerpt, place): the model's role is the role of highest probability
    among the mentions it predicts a role for, ``none`` when it predicts none for every mention."""
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups[(r.file, r.key)].append(i)
    out = []
    for idx in groups.values():
        best, best_p = "none", 0.0
        for i in idx:
            k = max(range(len(LABELS)), key=lambda j: probs[i][j])
            if LABELS[k] != "none" and probs[i][k] > best_p:
                best, best_p = LABELS[k], probs[i][k]
        gold = _primary(rows[i].gold for i in idx)
        rules = _primary(rows[i].rules for i in idx)
        out.append((rows[idx[0]].lang, gold, rules, best))
    return out


def scores(triples: Sequence[tuple[str, str, str, str]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Per language ("all" too) and role: gold count, and precision / recall / F1 of the rules and the model."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    langs = sorted({t[0] for t in triples}, key=lambda x: (x != "en", x))
    for lang in ["all", *langs]:
        sel = [t for t in triples if lang in ("all", t[0])]
        out[lang] = {}
        for role in [*ROLES, "any role"]:

            def hit(label: str, role: str = role) -> bool:
                return label != "none" if role == "any role" else label == role

            cell: dict[str, Any] = {"gold": sum(hit(g) for _, g, _, _ in sel)}
            for side, k in (("rules", 2), ("model", 3)):
                pred = sum(hit(t[k]) for t in sel)
                # "any role": right when the role itself is right, not merely some role
                right = sum(hit(t[k]) and hit(t[1]) and (role != "any role" or t[k] == t[1]) for t in sel)
                p = right / pred if pred else 0.0
                r = right / cell["gold"] if cell["gold"] else 0.0
                cell[side] = {
                    "predicted": pred,
                    "right": right,
                    "precision": round(p, 3),
                    "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
                }
            out[lang][role] = cell
    return out


def markdown(table: dict[str, dict[str, dict[str, Any]]]) -> str:
    lines = [
        "| lang | role | gold | rules P | rules R | rules F1 | model P | model R | model F1 |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for lang, roles in table.items():
        for role, c in roles.items():
            ru, mo = c["rules"], c["model"]
            lines.append(
                f"| {lang} | {role} | {c['gold']} | {ru['precision']:.1%} | {ru['recall']:.1%} | {ru['f1']:.3f} | "
                f"{mo['precision']:.1%} | {mo['recall']:.1%} | {mo['f1']:.3f} |"
            )
    return "\n".join(lines)


def _mention_triples(rows: Sequence[Row], probs: Sequence[Sequence[float]]) -> list[tuple[str, str, str, str]]:
    return [
        (r.lang, r.gold, r.rules, LABELS[max(range(len(LABELS)), key=lambda j: p[j])])
        for r, p in zip(rows, probs, strict=True)
    ]


# which of the rules' opinions the model may read: both (it can only correct the rules' output), the sentence's
# role alone (what a hook inside the extractor could use: the claims are not made yet), or none (learned alone)
VARIANTS: dict[str, tuple[str, ...]] = {
    "with the rules' claim and sentence roles as features": (),
    "with the rules' sentence role only": ("rules",),
    "with no rules' role": ("rules", "sent_role"),
}


def _right_predicted_gold(triples: Sequence[tuple[str, str, str, str]], k: int) -> tuple[int, int, int]:
    right = sum(t[k] != "none" and t[k] == t[1] for t in triples)
    return right, sum(t[k] != "none" for t in triples), sum(t[1] != "none" for t in triples)


def _f1(right: int, predicted: int, gold: int) -> float:
    return 2 * right / (predicted + gold) if predicted + gold else 0.0


def margin(rows: Sequence[Row], probs: Sequence[Sequence[float]], rounds: int = 2000, seed: int = 18) -> dict[str, Any]:
    """How sure the per-place difference in F1 (any role, the role right) between the model and the rules is:
    the sets where the model wins, and a 95 % interval from resampling whole excerpts (places of one excerpt
    are not independent)."""
    files = sorted({r.file for r in rows})
    per_file: dict[str, list[tuple[str, str, str, str]]] = {f: [] for f in files}
    at = {f: [i for i, r in enumerate(rows) if r.file == f] for f in files}
    for f in files:
        per_file[f] = by_place([rows[i] for i in at[f]], [probs[i] for i in at[f]])
    sets: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        if r.file not in sets[r.group]:
            sets[r.group].append(r.file)
    wins = 0
    for group_files in sets.values():
        triples = [t for f in group_files for t in per_file[f]]
        wins += _f1(*_right_predicted_gold(triples, 3)) > _f1(*_right_predicted_gold(triples, 2))
    rng = random.Random(seed)
    diffs = []
    for _ in range(rounds):
        pick = [t for f in rng.choices(files, k=len(files)) for t in per_file[f]]
        diffs.append(_f1(*_right_predicted_gold(pick, 3)) - _f1(*_right_predicted_gold(pick, 2)))
    diffs.sort()
    every = [t for f in files for t in per_file[f]]
    return {
        "f1 rules": round(_f1(*_right_predicted_gold(every, 2)), 3),
        "f1 model": round(_f1(*_right_predicted_gold(every, 3)), 3),
        "sets the model wins": [wins, len(sets)],
        "difference 95 % interval": [round(diffs[int(0.025 * rounds)], 3), round(diffs[int(0.975 * rounds)], 3)],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Compare a learned place-role model with the rules, out of fold.")
    ap.add_argument("folder", type=Path, nargs="?", default=Path("tests/data/articles"))
    ap.add_argument("--cache", type=Path, help="keep the data set here (read it back when present)")
    ap.add_argument("--json", action="store_true", help="print the tables as JSON")
    args = ap.parse_args(argv)
    if "heldout" in args.folder.name:
        print("refusing a held-out folder: this script reads the gold", file=sys.stderr)
        return 2
    if args.cache and args.cache.exists():
        rows = [Row(**d) for d in json.loads(args.cache.read_text(encoding="utf-8"))]
    else:
        rows = build(args.folder)
        if args.cache:
            args.cache.write_text(json.dumps([asdict(r) for r in rows], ensure_ascii=False), encoding="utf-8")
    covered, total = gold_coverage(args.folder, rows)
    labels: dict[str, int] = defaultdict(int)
    for r in rows:
        labels[r.gold] += 1
    report: dict[str, Any] = {
        "mentions": len(rows),
        "excerpts": len({r.file for r in rows}),
        "sets": len({r.group for r in rows}),
        "labels": dict(labels),
        "gold places with a role covered by some mention": [covered, total],
    }
    for variant, drop in VARIANTS.items():
        probs = cross_validate(rows, drop)
        report[variant] = {
            "per place": scores(by_place(rows, probs)),
            "per mention": scores(_mention_triples(rows, probs)),
            "margin per place": margin(rows, probs),
        }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for k in ("mentions", "excerpts", "sets", "labels", "gold places with a role covered by some mention"):
        print(f"{k}: {report[k]}")
    for variant in VARIANTS:
        for level in ("per place", "per mention"):
            print(f"\n## model {variant}, {level}, leave-one-set-out\n")
            print(markdown(report[variant][level]))
        print(f"\nmargin per place: {report[variant]['margin per place']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
