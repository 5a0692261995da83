"""Ranked arrivals at one place: "a second aid plane landed ..., the first arrived on Monday" are two movements.

Reporting of an airlift or a relief bridge counts its carriers as they come: "a second Saudi aid plane landed at
Benina ... the first arrived yesterday", "un deuxième avion ... le premier s'y était posé mercredi", "второй самолет
... первый прибыл туда во вторник", "طائرة ثانية ... بعد أن هبطت أول طائرة في المطار ذاته الأربعاء". The earlier
carrier went where the ranked one goes, on a day of its own: a movement of its own (rule 37 of
``tests/data/articles/README.md``: a rank claims an earlier movement only where the text gives it its own day or
place). Read as one sentence's claim, the two days widen one window; read as two sentences, the earlier one, often
told with no place of its own ("s'y", "туда", "ذاته"), is merged into the later one.

Two things are done here, both from the grammar of ordinals in the four languages:

- a claim told with a rank above one (``Claim.rank``) whose sentence, or the one after it, tells "the first" with
  a day of its own gets a claim for the first carrier: the ranked claim's places, actor and carriers, one
  carrier, no count, the first's days (taken out of the ranked claim's days when one sentence tells both);
- claims told with different ranks ("first" and "second") are kept apart by the merge (:func:`rank_apart`).

A rank of an occasion ("for the second time", "la première fois", "впервые", "للمرة الثانية"), of a part of a
period ("the first week", "la deuxième quinzaine") or of a month ("تشرين الثاني") is no rank of a carrier. Written
from the grammar, tested on invented sentences (``tests/claims/test_ranked_arrivals.py``).
"""

from __future__ import annotations

import re
from datetime import date

from liftwatch.claims.model import Claim
from liftwatch.claims.sentences import Sentence
from liftwatch.claims.timeparse import TimeSpan, find_times

# what a rank counts when it counts no carrier: occasions, parts of a period, "first-hand"
_NOT_CARRIER = (
    r"(?:time|times|half|week|weeks|day|days|month|quarter|phase|stage|batch\s+of\s+sanctions|hand|"
    r"fois|moitié|semaine|quinzaine|jour|mois|trimestre|phase|étape|"
    r"раз|половин\w*|недел\w*|день|дня|месяц\w*|квартал\w*|этап\w*|"
    r"مرة|المرة|أسبوع|الأسبوع|شهر|الشهر|مرحلة|المرحلة|نصف)"
)
_LATER = re.compile(
    r"(?<![\w-])(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"deuxième|seconde?|troisième|quatrième|cinquième|sixième|septième|huitième|"
    r"втор(?:ой|ая|ое|ого|ую|ым)|трет(?:ий|ья|ье|ьего|ью|ьим)|четв[её]рт(?:ый|ая|ое|ого|ую)|пят(?:ый|ая|ое|ого|ую)|"
    r"(?:ال)?(?:ثاني|ثالث|رابع|خامس|سادس|سابع)(?:ة)?)"
    rf"(?![\w-])(?!\s+(?:\S+\s+)?{_NOT_CARRIER}(?![\w-]))",
    re.I,
)
_FIRST = re.compile(
    r"(?<![\w-])(?:(?:the|a)\s+first|(?:le|la|un|une)\s+premi(?:er|ère)|l['’]un\s+des\s+premiers|"
    r"перв(?:ый|ая|ое|ого|ую|ым)|"
    r"أول(?=\s+(?:طائرة|سفينة|رحلة|شحنة|قافلة|دفعة))|(?:الأولى|أولى))"
    rf"(?![\w-])(?!\s+(?:\S+\s+)?{_NOT_CARRIER}(?![\w-]))"
    # "the first such flight since ...": rule 37's earlier movement by "since", not by a rank
    r"(?!.{0,40}?(?:\bsince\b|\bdepuis\b|\bс\s+тех\b|منذ))",
    re.I,
)
_FIRST_NOT = re.compile(r"(?:في\s+|ب?ال?مرة\s+|لأول\s+|من\s+)$|(?:^|\s)(?:for|pour|в|во|на)\s+$", re.I)


def _later(text: str) -> re.Match[str] | None:
    for m in _LATER.finditer(text):
        before = text[max(0, m.start() - 14) : m.start()]
        if re.search(r"(?:تشرين|كانون|ربيع|جمادى|مرة|المرة|للمرة|لمرة)\s+$", before):
            continue
        if re.search(r"(?<![\w-])(?:for\s+(?:a|the)|pour\s+la|во|в)\s+$", before, re.I):
            continue
        return m
    return None


def _first(text: str, start: int = 0) -> re.Match[str] | None:
    for m in _FIRST.finditer(text, start):
        if _FIRST_NOT.search(text[max(0, m.start() - 14) : m.start()]):
            continue
        return m
    return None


def rank_of(text: str) -> int | None:
    """2 where ``text`` ranks a carrier after others ("a second plane"), 1 where it tells the first one only, else
    None."""
    if _later(text) is not None:
        return 2
    return 1 if _first(text) is not None else None


def _placed(c: Claim) -> bool:
    return bool(c.origin or c.destination or c.via)


TOLD_BY_RANK = 0  # the rank of a claim added here: the first carrier, told only by a later one's rank


def _first_of(ranked: Claim, times: list[TimeSpan], sentence: str) -> Claim:
    return ranked.copy(
        sentences=[sentence],
        times=list(times),
        narrative_times=[],
        min_count=None,
        max_count=None,
        count_text="",
        rate_per_day=None,
        rate_per_day_min=None,
        carriers=1,
        rank=TOLD_BY_RANK,
    )


def ranked_arrivals(
    sentences: list[Sentence], per_sentence: list[list[Claim]], pub: date | None, default_year: int | None
) -> list[Claim]:
    """Mark every claim with its sentence's rank, and add a claim for "the first" carrier a ranked one's sentence
    (or the next) dates on a day of its own; the added claims go to their sentence's list and are returned."""
    added: list[Claim] = []
    for sent, made in zip(sentences, per_sentence, strict=True):
        rank = rank_of(sent.text)
        for c in made:
            c.rank = rank
    for i, (sent, made) in enumerate(zip(sentences, per_sentence, strict=True)):
        later = _later(sent.text)
        ranked = [c for c in made if _placed(c) and c.destination and (c.carriers or 1) == 1 and not c.count_text]
        if later is None or not ranked:
            continue
        c = ranked[-1]
        first = _first(sent.text, later.end())
        if first is not None:
            own = [t for t in c.times if t.pos >= first.start() and t.start is not None]
            if not own:
                continue
            c.times = [t for t in c.times if t not in own]
            new = _first_of(c, own, sent.text)
            made.append(new)
            added.append(new)
            continue
        if i + 1 >= len(sentences) or _first(sentences[i + 1].text) is None or _later(sentences[i + 1].text):
            continue
        nxt = per_sentence[i + 1]
        if any(_placed(x) for x in nxt):
            continue  # told with its own place: its own claim already, kept apart by the ranks
        own = [t for t in find_times(sentences[i + 1].text, pub, default_year) if t.kind != "publication" and t.start]
        if not own or {(t.start, t.end) for t in own} & {(t.start, t.end) for t in c.times}:
            continue
        new = _first_of(c, own, sentences[i + 1].text)
        nxt.append(new)
        added.append(new)
        for x in nxt:
            if x is not new:
                x.rank = 1
    return added


def rank_apart(a: Claim, b: Claim) -> bool:
    """A claim told as the first carrier and one told as a later one are two movements, not one told twice. The
    first carrier a later one's rank tells (added here) is one only with a claim that tells the first carrier too:
    any other claim to its place is the ranked carrier's, or another's."""
    if TOLD_BY_RANK in (a.rank, b.rank):
        return not {a.rank, b.rank} <= {TOLD_BY_RANK, 1}
    return a.rank is not None and b.rank is not None and (a.rank == 1) != (b.rank == 1)
