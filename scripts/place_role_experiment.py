"""Does a learned model give places their roles better than the rules? A measurement, not a component.

The claim extractor gives each place it finds an origin / via / destination / possible-destination role by
hand-written rules (``claims/sentences.py``, ``claims/roles.py``, ``claims/extract.py``). Issue 18 asks that the
technique be chosen on measurement. This script builds a mention-level data set from a gold corpus and
compares, out of fold, a logistic regression over local context features with the rules' own roles for the
same mentions:

* **mentions** are the places the extractor's own reading finds (``extract.read_sentences``: the kb gazetteer,
  "bases controlled by X", seas, capitalised candidates), so both sides see the same places;
* each is **labelled from the gold by key**: the role of a gold claim of that excerpt whose place key
  (``scoring.gold_key``) is one of the mention's keys (``scoring.place_keys``), else ``none``. A key the gold
  gives several roles (out and back) takes the first of destination, origin, via, possible;
* the **rules' role** is found the same way in the claims ``extract`` returns, so both sides are judged by the
  same key matching;
* **folds** are the corpus's sets: the letter after the language in the file name (``en-q3-...`` is set q), the
  numbered originals one more set. Each set is predicted by a model trained on the others, which imitates
  reporting the model never saw (leave-one-set-out);
* the comparison is per role and language, at two levels: each mention, and each (excerpt, place) pair, the
  level a claim's fields are scored at (a place's role is the most probable role any of its mentions gets).

Run from the repository root (scikit-learn is needed only here)::

    PYTHONPATH=src .venv/bin/python scripts/place_role_experiment.py tests/data/articles --cache /tmp/roles.json

``--cache`` keeps the data set (reading the corpus takes minutes), ``--json`` prints the tables as JSON. Never
run it on a blind set: it reads the gold.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from liftwatch.claims.cues import MOVE
from liftwatch.claims.domain_places import for_carrier
from liftwatch.claims.evaluate import load_corpus
from liftwatch.claims.extract import _AR_CLITIC_TATWEEL, extract, read_sentences
from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import Gazetteer, default_gazetteer, fold
from liftwatch.claims.scoring import gold_key, place_keys
from liftwatch.claims.sentences import Sentence

ROLES = ("destination", "origin", "via", "possible")  # in the order a key with several roles takes them
LABELS = (*ROLES, "none")
_GOLD_FIELD = {"destination": "destination", "origin": "origin", "via": "via", "possible": "possible_destination"}
# the prepositions and particles the brief names, looked for as whole words next to a place
PARTICLES = frozenset(
    {"from", "to", "via", "من", "إلى", "الى", "из", "в", "до", "через", "de", "à", "vers", "depuis"}
    | {"into", "towards", "for", "at", "in", "через", "на", "с", "en", "au", "aux", "du", "par", "في", "عبر", "نحو"}
)
_WORD = re.compile(r"\w+(?:['’-]\w+)*")
_AR_CLITIC = "وفبل"


@dataclass
class Row:
    """One place mention: where it is, its features, the gold's role and the rules' role for its place."""

    file: str
    group: str
    lang: str
    key: str  # the place the mention names, as one string (groups the mentions of one place in one excerpt)
    features: dict[str, Any]
    gold: str
    rules: str
    gold_keys: list[str]  # the gold's place keys this mention names (for how much of the gold is found at all)


def group_of(name: str) -> str:
    """The set a corpus file belongs to: the letter after its language ("en-q3-..." -> "q"); the numbered
    originals ("en-07-...") are one set, "0"."""
    m = re.match(r"^[a-z]{2}-([a-z]?)\d", name)
    return (m.group(1) or "0") if m else "0"


def _keys(gaz: Gazetteer, p: Place) -> set[str]:
    """Every key a place may be scored under, also as an aircraft's or a ship's place ("Tobruk" the airfield or
    the port: the extractor reads it again once the carrier is known)."""
    out = set(place_keys(p))
    for domain in ("air", "sea"):
        out |= place_keys(for_carrier(gaz, p, domain))
    return out


def _primary(roles: Iterable[str]) -> str:
    found = set(roles)
    return next((r for r in ROLES if r in found), "none")


def _gold_roles(gold: Sequence[dict[str, Any]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for g in gold:
        for role, fld in _GOLD_FIELD.items():
            for key in g.get(fld) or []:
                out[gold_key(key)].add(role)
    return out


def _claim_roles(gaz: Gazetteer, claims: Sequence[Claim]) -> list[tuple[str, set[str]]]:
    return [(role, _keys(gaz, p)) for c in claims for role in ROLES for p in getattr(c, role)]


def _bucket(n: int, edges: Sequence[int]) -> str:
    for e in edges:
        if n <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def features(lang: str, sent: Sentence, i: int, sent_index: int, rules_role: str) -> dict[str, Any]:
    """The context of the ``i``-th place of ``sent`` as named features (``DictVectorizer`` input): language, the
    four words on each side (by position and as a bag, prepositions marked), an Arabic proclitic joined to the
    name, the nearest verb of movement (its first five letters, side and distance in words), where the place
    stands (in its sentence, first/last place, the article's first sentence), what the kb says it is, and the
    rules' role for it (first in the sentence, then in the claims)."""
    role = sent.roles[i]
    men = role.mention
    a, b = men.start - sent.start, men.end - sent.start
    before = [w.lower() for w in _WORD.findall(fold(sent.text[:a]))][-4:]
    after = [w.lower() for w in _WORD.findall(fold(sent.text[b:]))][:4]
    f: dict[str, Any] = {"lang": lang, "bias": 1}
    for k, w in enumerate(reversed(before), 1):
        f[f"b{k}"] = w
        f[f"b:{w}"] = 1
        if w in PARTICLES:
            f[f"pb{k}"] = w
    for k, w in enumerate(after, 1):
        f[f"a{k}"] = w
        f[f"a:{w}"] = 1
        if w in PARTICLES:
            f[f"pa{k}"] = w
    if a >= 1 and sent.text[a - 1] in _AR_CLITIC and (a == 1 or not sent.text[a - 2].isalnum()):
        f["clitic"] = sent.text[a - 1]
    verbs = list(MOVE.finditer(sent.text))
    if verbs:
        v = min(verbs, key=lambda m: min(abs(m.start() - a), abs(m.end() - b)))
        side = "before" if v.end() <= a else "after" if v.start() >= b else "in"
        gap = sent.text[v.end() : a] if side == "before" else sent.text[b : v.start()] if side == "after" else ""
        f["verb"] = v.group(0).lower()[:5]
        f["verb_side"] = side
        f["verb_dist"] = _bucket(len(_WORD.findall(gap)), (0, 2, 5, 10))
        f[f"verb_{side}:{v.group(0).lower()[:5]}"] = 1
    else:
        f["verb"] = "-"
    f["pos_in_sent"] = _bucket(int(4 * a / max(1, len(sent.text))), (0, 1, 2))
    f["sent_index"] = _bucket(sent_index, (0, 1, 3))
    heads = [k for k, r in enumerate(sent.roles) if r.head is None]
    f["first_place"] = i == (heads[0] if heads else i)
    f["last_place"] = i == (heads[-1] if heads else i)
    f["n_places"] = _bucket(len(heads), (1, 2, 3))
    place = men.place
    f["kind"] = place.kind
    f["site_kind"] = place.site_kind or "-"
    f["country"] = place.note.startswith("country ") or (place.kind == "region" and len(place.region_ids) <= 1)
    f["source"] = men.source
    f["qualifier"] = role.head is not None
    f["possessor"] = role.possessor
    f["sent_role"] = role.role or "none"
    f["rules"] = rules_role
    f["moving_sentence"] = bool(verbs)
    return f


def mention_rows(
    name: str,
    lang: str,
    text: str,
    gold: Sequence[dict[str, Any]],
    pub: date | None = None,
    month_only: bool = False,
    gaz: Gazetteer | None = None,
) -> list[Row]:
    """The data set rows of one excerpt: every place mention the extractor's reading finds, labelled from
    ``gold`` (the excerpt's ``[[claim]]`` tables) and from the claims ``extract`` makes of the same text."""
    gaz = gaz or default_gazetteer()
    ex = extract(text, pub, gazetteer=gaz, use_model=False, publication_month_only=month_only)
    claimed = _claim_roles(gaz, ex.claims)
    wanted = _gold_roles(gold)
    # the text exactly as ``extract`` reads it, so that offsets and places are the ones its claims come from
    _, sentences = read_sentences(_AR_CLITIC_TATWEEL.sub(lambda m: m.group(1) + " ", text), gaz, pub)
    rows = []
    for si, sent in enumerate(sentences):
        for i, r in enumerate(sent.roles):
            keys = _keys(gaz, r.mention.place)
            rules = _primary(role for role, ks in claimed if ks & keys)
            matched = sorted(k for k in wanted if k in keys)
            label = _primary(role for k in matched for role in wanted[k])
            key = r.mention.place.id or f"{r.mention.place.kind}:{fold(r.mention.place.text).lower()}"
            feats = features(lang, sent, i, si, rules)
            rows.append(Row(name, group_of(name), lang, key, feats, label, rules, matched))
    return rows


def build(folder: Path, only: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Row]:
    """The data set of a gold corpus folder (see :func:`mention_rows`)."""
    gaz = default_gazetteer()
    rows: list[Row] = []
    for art in load_corpus(folder, only, exclude):
        rows += mention_rows(art.path.name, art.lang, art.text, art.gold, art.pub_date, art.month_only, gaz)
    return rows


def gold_coverage(folder: Path, rows: Sequence[Row]) -> tuple[int, int]:
    """How many (excerpt, gold place key) pairs some mention carries a role-bearing label for, of all: the
    ceiling both sides share, since neither can give a role to a place the reading did not find."""
    found = {(r.file, k) for r in rows for k in r.gold_keys}
    files = {r.file for r in rows}
    total = sum(len(_gold_roles(art.gold)) for art in load_corpus(folder) if art.path.name in files)
    return len(found), total


# -- the comparison ------------------------------------------------------------------------------------------
def _without(f: dict[str, Any], drop: Sequence[str]) -> dict[str, Any]:
    return {k: v for k, v in f.items() if k not in drop}


def cross_validate(rows: Sequence[Row], drop: Sequence[str] = (), c: float = 1.0) -> list[list[float]]:
    """Out-of-fold class probabilities (in ``LABELS`` order) for every row, leaving out one set at a time.
    ``drop`` names features left out (``("rules", "sent_role")``: the model without the rules' opinion)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import LeaveOneGroupOut

    x = [_without(r.features, drop) for r in rows]
    y = [r.gold for r in rows]
    groups = [r.group for r in rows]
    out: list[list[float]] = [[0.0] * len(LABELS) for _ in rows]
    for train, test in LeaveOneGroupOut().split(x, y, groups):
        vec = DictVectorizer()
        xt = vec.fit_transform([x[i] for i in train])
        model = LogisticRegression(C=c, max_iter=2000)
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
    for variant, drop in (("with the rules' roles as features", ()), ("without them", ("rules", "sent_role"))):
        probs = cross_validate(rows, drop)
        report[variant] = {
            "per place": scores(by_place(rows, probs)),
            "per mention": scores(_mention_triples(rows, probs)),
        }
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
        return 0
    for k in ("mentions", "excerpts", "sets", "labels", "gold places with a role covered by some mention"):
        print(f"{k}: {report[k]}")
    for variant in ("with the rules' roles as features", "without them"):
        for level in ("per place", "per mention"):
            print(f"\n## model {variant}, {level}, leave-one-set-out\n")
            print(markdown(report[variant][level]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
