"""Would a maintained offline library do a claim field better than liftwatch's rules? Measured on the gold corpus.

    .venv/bin/python benchmarks/claims_libraries.py [FOLDER ...]

Defaults to the development data (``tests/data/articles``, which now holds the former held-out excerpts too);
never point it at a set you keep blind. A library that is not installed is skipped with a note; none is a dependency of
liftwatch. Three questions, each scored against the hand annotations:

* **dates** - ``dateparser`` (``search.search_dates`` with the article's language and publication date as the
  relative base) vs ``claims.timeparse.find_times``: of the gold time windows, how many does some date the
  method finds in the article match (start and end within one day; a single date matches a one-day window,
  or either end of a longer one), and how many dates it finds match no gold window (noise);
* **Russian case endings** - ``pymorphy3`` (normal form of each word of a capitalised Cyrillic name) vs the
  gazetteer's own ending stripping (``places._variants``): of the gold places of the Russian excerpts, how
  many are reached by resolving the names in the text, and how many resolved names are no gold place;
* **Russian place entities** - ``natasha`` (``NewsNERTagger``, its models ship inside the wheel: no
  download) vs the extractor's place mentions: gold places reached through the LOC spans resolved by the
  gazetteer vs through the extractor's mentions.

Prints one table per question; the figures are recorded in ``docs/claims.md``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from liftwatch.claims.evaluate import Article, load_corpus, place_keys
from liftwatch.claims.model import Place
from liftwatch.claims.places import default_gazetteer
from liftwatch.claims.timeparse import find_times

ROOT = Path(__file__).resolve().parents[1]
DEV = [ROOT / "tests" / "data" / "articles"]


def _have(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


# -- dates ------------------------------------------------------------------------------------------------
def _gold_windows(art: Article) -> list[tuple[date | None, date | None]]:
    out = []
    for g in art.gold:
        w = g.get("window")
        if w:
            out.append((date.fromisoformat(w[0]) if w[0] else None, date.fromisoformat(w[1]) if w[1] else None))
    return out


def _matches(span: tuple[date, date], gold: tuple[date | None, date | None]) -> bool:
    gs, ge = gold
    s, e = span
    if s == e and gs is not None and ge is not None and gs != ge:  # one date: either end of a range
        return abs((s - gs).days) <= 1 or abs((s - ge).days) <= 1
    return (gs is None or abs((s - gs).days) <= 1) and (ge is None or abs((e - ge).days) <= 1)


def _rules_dates(art: Article) -> list[tuple[date, date]]:
    pub = art.pub_date
    return [(t.start, t.end or t.start) for t in find_times(art.text, pub) if t.start is not None]


def _dateparser_dates(art: Article) -> list[tuple[date, date]]:
    from dateparser.search import search_dates

    pub = art.pub_date
    settings: dict[str, Any] = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = datetime(pub.year, pub.month, pub.day)
    found = search_dates(art.text, languages=[art.lang], settings=settings) or []
    return [(d.date(), d.date()) for _, d in found]


def bench_dates(arts: list[Article]) -> list[str]:
    methods: list[tuple[str, Callable[[Article], list[tuple[date, date]]]]] = [("liftwatch rules", _rules_dates)]
    if _have("dateparser"):
        methods.append(("dateparser", _dateparser_dates))
    rows = []
    for name, fn in methods:
        t0 = time.perf_counter()
        by_lang: dict[str, list[int]] = {}
        for art in arts:
            found = fn(art)
            golds = _gold_windows(art)
            tally = by_lang.setdefault(art.lang, [0, 0, 0, 0])  # gold, hit, found, noise
            tally[0] += len(golds)
            tally[1] += sum(any(_matches(f, g) for f in found) for g in golds)
            tally[2] += len(found)
            tally[3] += sum(not any(_matches(f, g) for g in golds) for f in found)
        secs = time.perf_counter() - t0
        cells = " | ".join(f"{v[1]}/{v[0]} ({v[3]} noise)" for _, v in sorted(by_lang.items()))
        hit = sum(v[1] for v in by_lang.values())
        total = sum(v[0] for v in by_lang.values())
        rows.append(f"| {name} | {cells} | {hit}/{total} | {secs:.1f} s |")
    langs = " | ".join(sorted({a.lang for a in arts}))
    head = [f"| dates | {langs} | all | time |", "|---|" + "---|" * (len(set(a.lang for a in arts)) + 2)]
    if not _have("dateparser"):
        rows.append("| dateparser | not installed: skipped |")
    return head + rows


# -- Russian names: case endings and entities -------------------------------------------------------------
_CYR_NAME = re.compile(r"[А-ЯЁ][а-яё]+(?:[-\s][А-ЯЁ][а-яё]+)?")


def _gold_places(art: Article) -> set[str]:
    keys: set[str] = set()
    for g in art.gold:
        for role in ("origin", "via", "destination", "possible_destination"):
            keys |= set(g.get(role, []))
    return keys


def _reached(places: Iterable[Place | None], gold: set[str]) -> tuple[set[str], int]:
    """Gold keys some place stands for, and how many places stand for none."""
    from liftwatch.claims.scoring import gold_key

    hit: set[str] = set()
    noise = 0
    for p in places:
        if p is None:
            continue
        keys = place_keys(p)
        got = {g for g in gold if gold_key(g) in keys}
        hit |= got
        noise += not got
    return hit, noise


def bench_russian(arts: list[Article]) -> list[str]:
    ru = [a for a in arts if a.lang == "ru"]
    gaz = default_gazetteer()
    gold_total = sum(len(_gold_places(a)) for a in ru)
    rows = [
        "| Russian places | gold places reached | resolved names that are no gold place | time |",
        "|---|---|---|---|",
    ]

    def run(name: str, names_of: Callable[[Article], Iterable[str]]) -> None:
        t0 = time.perf_counter()
        hit = noise = 0
        for a in ru:
            h, n = _reached((gaz.lookup(x) for x in names_of(a)), _gold_places(a))
            hit += len(h)
            noise += n
        rows.append(f"| {name} | {hit}/{gold_total} | {noise} | {time.perf_counter() - t0:.1f} s |")

    run("gazetteer ending stripping", lambda a: [m.group(0) for m in _CYR_NAME.finditer(a.text)])
    if _have("pymorphy3"):
        import pymorphy3

        morph = pymorphy3.MorphAnalyzer()

        def normal(text: str) -> str:
            return " ".join(morph.parse(w)[0].normal_form.capitalize() for w in re.split(r"\s+", text))

        run("pymorphy3 normal form", lambda a: [normal(m.group(0)) for m in _CYR_NAME.finditer(a.text)])
    else:
        rows.append("| pymorphy3 | not installed: skipped | | |")

    from liftwatch.claims.extract import extract

    def mentions(a: Article) -> list[Place]:
        return list(extract(a.text, a.pub_date, use_model=False).places_mentioned)

    t0 = time.perf_counter()
    hit = noise = 0
    for a in ru:
        h, n = _reached(mentions(a), _gold_places(a))
        hit, noise = hit + len(h), noise + n
    rows.append(f"| extractor place mentions | {hit}/{gold_total} | {noise} | {time.perf_counter() - t0:.1f} s |")
    if _have("natasha"):
        from natasha import Doc, MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter

        t0 = time.perf_counter()
        seg, ner, vocab = Segmenter(), NewsNERTagger(NewsEmbedding()), MorphVocab()
        load = time.perf_counter() - t0
        hit = noise = 0
        for a in ru:
            doc = Doc(a.text)
            doc.segment(seg)
            doc.tag_ner(ner)
            names = []
            for s in doc.spans:
                if s.type == "LOC":
                    s.normalize(vocab)
                    names.append(s.normal or s.text)
            h, n = _reached((gaz.lookup(x) for x in names), _gold_places(a))
            hit, noise = hit + len(h), noise + n
        rows.append(
            f"| natasha NER (LOC) + gazetteer | {hit}/{gold_total} | {noise} | "
            f"{time.perf_counter() - t0:.1f} s ({load:.1f} s loading models) |"
        )
    else:
        rows.append("| natasha | not installed: skipped | | |")
    return rows


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or DEV
    arts = [a for f in folders for a in load_corpus(f)]
    print(
        f"{len(arts)} excerpts from {', '.join(str(f.relative_to(ROOT)) if f.is_relative_to(ROOT) else str(f) for f in folders)}\n"
    )
    print("\n".join(bench_dates(arts)))
    print()
    print("\n".join(bench_russian(arts)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
