"""The place-role data set: every place the claim extractor's reading finds in a gold excerpt, with its context
as features, the gold's role for it and the rules' role for it (``place_role_experiment.py`` explains the
experiment; this module is what it and its unit test share).

* **mentions** are the places the extractor's own reading finds (``extract.read_sentences``: the kb gazetteer,
  "bases controlled by X", seas, capitalised candidates), so the model and the rules see the same places;
* each is **labelled from the gold by key**: the role of a gold claim of that excerpt whose place key
  (``scoring.gold_key``) is one of the mention's keys (``scoring.place_keys``), else ``none``. A key the gold
  gives several roles (out and back) takes the first of destination, origin, via, possible;
* the **rules' role** is found the same way in the claims ``extract`` returns, so both sides are judged by the
  same key matching.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

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
# prepositions and particles that mark a role in the four languages, looked for as whole words next to a place
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


class Reading(NamedTuple):
    """What :func:`read_excerpt` reads of one excerpt: its rows, the claims ``extract`` made, each row's place keys."""

    rows: list[Row]
    claims: list[Claim]
    key_sets: list[set[str]]


def group_of(name: str) -> str:
    """The set a corpus file belongs to: the letters after its language ("en-q3-..." -> "q", "en-aa1-..." -> "aa"
    once the single letters ran out); the numbered originals ("en-07-...") are one set, "0". A name of neither
    form is an error: read as an original it would put an unseen set into the training folds."""
    m = re.match(r"^[a-z]{2}-([a-z]*)\d", name)
    if m is None:
        raise ValueError(f"not a corpus file name (lang-<set letters><n>-...): {name}")
    return m.group(1) or "0"


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


def read_excerpt(
    name: str,
    lang: str,
    text: str,
    gold: Sequence[dict[str, Any]],
    pub: date | None = None,
    month_only: bool = False,
    gaz: Gazetteer | None = None,
) -> Reading:
    """The data set rows of one excerpt: every place mention the extractor's reading finds, labelled from
    ``gold`` (the excerpt's ``[[claim]]`` tables) and from the claims ``extract`` makes of the same text; with
    those claims and each row's place keys (to find a claim's place among the rows again)."""
    gaz = gaz or default_gazetteer()
    ex = extract(text, pub, gazetteer=gaz, use_model=False, publication_month_only=month_only)
    claimed = _claim_roles(gaz, ex.claims)
    wanted = _gold_roles(gold)
    # the text exactly as ``extract`` reads it, so that offsets and places are the ones its claims come from
    _, sentences = read_sentences(_AR_CLITIC_TATWEEL.sub(lambda m: m.group(1) + " ", text), gaz, pub)
    rows, key_sets = [], []
    for si, sent in enumerate(sentences):
        for i, r in enumerate(sent.roles):
            keys = _keys(gaz, r.mention.place)
            rules = _primary(role for role, ks in claimed if ks & keys)
            matched = sorted(k for k in wanted if k in keys)
            label = _primary(role for k in matched for role in wanted[k])
            key = r.mention.place.id or f"{r.mention.place.kind}:{fold(r.mention.place.text).lower()}"
            feats = features(lang, sent, i, si, rules)
            rows.append(Row(name, group_of(name), lang, key, feats, label, rules, matched))
            key_sets.append(keys)
    return Reading(rows, ex.claims, key_sets)


def build(folder: Path, only: Sequence[str] = (), exclude: Sequence[str] = ()) -> list[Row]:
    """The data set of a gold corpus folder (see :func:`read_excerpt`)."""
    gaz = default_gazetteer()
    rows: list[Row] = []
    for art in load_corpus(folder, only, exclude):
        rows += read_excerpt(art.path.name, art.lang, art.text, art.gold, art.pub_date, art.month_only, gaz).rows
    return rows


def gold_coverage(folder: Path, rows: Sequence[Row]) -> tuple[int, int]:
    """How many (excerpt, gold place key) pairs some mention carries a role-bearing label for, of all: the
    ceiling both sides share, since neither can give a role to a place the reading did not find."""
    found = {(r.file, k) for r in rows for k in r.gold_keys}
    files = {r.file for r in rows}
    total = sum(len(_gold_roles(art.gold)) for art in load_corpus(folder) if art.path.name in files)
    return len(found), total
