"""Merge sentence-level claims that describe the same movement, and sharpen vague places.

News reports say the same thing several times with different precision ("from its bases in Syria to
Libya", "multiple flights to the Al-Khadim air base in eastern Libya", "directed towards bases controlled by
Haftar"). Two claims merge when nothing contradicts: same domain (air/sea) or unknown, same actor or one
missing, origins and destinations that overlap (one contains the other), time windows that overlap. In the
merged claim the most specific place of each role is the one checked; broader ones become its qualifiers
(and their sites its ``broader_site_ids``, used for partial matches).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from liftwatch.claims.domain_places import for_carrier
from liftwatch.claims.entered_seas import goals_agree, seas_on_the_way
from liftwatch.claims.escorts import escort_apart
from liftwatch.claims.group_makeup import kinds_apart, parts_of_told_totals
from liftwatch.claims.known_operators import parent_of
from liftwatch.claims.lexicon import CLASS_ASSETS
from liftwatch.claims.model import Claim, Place
from liftwatch.claims.places import Gazetteer, norm_key
from liftwatch.claims.ranked_arrivals import rank_apart
from liftwatch.claims.told_earlier import earlier_apart
from liftwatch.claims.water import is_water, without_parts
from liftwatch.kb.regions import regions
from liftwatch.kb.sites import AIR_KINDS, SEA_KINDS

VAGUE_FACILITIES = "stands for facilities in the region"  # a place note: "its bases in Syria"


def states_of(p: Place) -> frozenset[str]:
    """The states a region place stands for: a country's own code, or the kb region's country list ("the Middle
    East": Bahrain, ..., Qatar, ...); none for a site or a region the kb gives no states."""
    if p.kind != "region" or p.id is None:
        return frozenset()
    if p.id.startswith("country:"):
        return frozenset({p.id.split(":", 1)[1].upper()})
    r = regions().get(p.id)
    return frozenset(c.upper() for c in r.countries) if r is not None else frozenset()


def contains(a: Place, b: Place) -> bool:
    """``a`` covers ``b``: same place, a region holding b, a superset of b's sites, or a grouping of states that
    lists b's ("the Middle East" holds Qatar and Jordan though the kb gives it no polygon, and its sites list only
    some of theirs)."""
    if a.kind == "unknown" or b.kind == "unknown":
        return norm_key(a.text) == norm_key(b.text)
    if a.kind == b.kind and a.id == b.id:
        return True
    if a.kind == "region" and a.id is not None and a.id in b.region_ids:
        return True
    mine, theirs = states_of(a), states_of(b)
    if theirs and theirs < mine:
        return True
    return bool(b.site_ids) and set(b.site_ids) <= set(a.site_ids)


def overlaps(a: Place, b: Place) -> bool:
    return contains(a, b) or contains(b, a) or bool(set(a.site_ids) & set(b.site_ids))


def _role_ok(xs: list[Place], ys: list[Place]) -> bool:
    return not xs or not ys or any(overlaps(x, y) for x in xs for y in ys)


def compatible(a: Claim, b: Claim) -> bool:
    if a.domain and b.domain and a.domain != b.domain:
        return False
    related = a.actor == b.actor or parent_of(a.actor) == b.actor or parent_of(b.actor) == a.actor
    if a.actor and b.actor and not related:
        return False
    if a.window and b.window and (a.window[1] < b.window[0] or b.window[1] < a.window[0]):
        return False
    if _end_meets_start(a, b) or _end_meets_start(b, a):
        return False
    ta, tb = _types(a), _types(b)
    if ta and tb and not ta & tb:
        return False  # "an Il-62M ..." and "an An-124 ...": two movements, not one
    # a carrier on its way to the same place passes several waters: the straits one sentence names ("through the
    # Bosphorus and the Dardanelles") and the sea another names ("across the Black Sea") are parts of one route,
    # not two voyages; stops at known places (a port, a region) still keep two routes apart
    waters = (
        all(p.kind == "unknown" or is_water(p) for p in a.via + b.via) and bool(a.destination) and bool(b.destination)
    )
    return (
        _role_ok(a.origin, b.origin)
        and goals_agree(a.destination, b.destination, _role_ok)
        and (waters or _role_ok(a.via, b.via))
    )


def _key(p: Place) -> tuple[str, str]:
    return (p.kind, p.id or norm_key(p.text))


def _end_meets_start(a: Claim, b: Claim) -> bool:
    """``a`` ends where ``b`` begins and ``b`` goes nowhere else: two legs ("landed at X ..., before departing";
    "sent from Sudan to Wadi Seidna" and "three C-130 from Wadi Seidna"), which merged would be one movement from X
    to X, or the second leg's start folded into the first's origin. Not where ``b`` starts where ``a`` did too."""
    if b.destination or not a.destination or not b.origin:
        return False
    starts = {_key(p) for p in b.origin}
    return bool({_key(p) for p in a.destination} & starts) and not {_key(p) for p in a.origin} & starts


def _span(c: Claim) -> tuple[date, date] | None:
    """The days a claim's own (or its paragraph's running) dates cover, before any window is set."""
    days = [d for t in (c.times or c.narrative_times) for d in (t.start, t.end or t.start) if d is not None]
    return (min(days), max(days)) if days else None


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Two placed movements dated more than a day apart are two legs ("left Baltiysk on Dec 13 ... entered
    Tartus on Jan 21"). A place-less sentence ("a similar rotation on 12/12, on the same route") still adds
    its date to the movement it describes."""
    sa, sb = _span(a), _span(b)
    if sa is None or sb is None:
        return False
    same_goal = bool(a.destination) and {_key(p) for p in a.destination} == {_key(p) for p in b.destination}
    if sa[0] == sa[1] and sb[0] == sb[1] and sa != sb and same_goal:
        # two arrivals at the same place each dated to its own day, a day apart ("a third plane arrived in Kabul
        # on Monday ... the second arrived on Sunday") are two movements; a movement told first by its country
        # and then by its airport ("left for Caracas on Friday ... landed in Venezuela on Saturday") stays one
        return True
    return (sa[1] - sb[0]).days < -1 or (sb[1] - sa[0]).days < -1


def fold_role(places: list[Place]) -> list[Place]:
    """Keep the most specific places; broader ones become qualifiers of the places they contain."""
    out: list[Place] = []
    for p in sorted(places, key=lambda p: (p.kind == "unknown", len(p.site_ids) or 10**9, p.kind != "site")):
        heads = [q for q in out if contains(p, q)]
        if heads:
            for q in heads:
                if p is q or (p.kind == q.kind and p.id == q.id and p.kind != "unknown"):
                    if p is not q and VAGUE_FACILITIES in p.note and VAGUE_FACILITIES not in q.note:
                        q.note = f"{q.note}; {VAGUE_FACILITIES}"  # "from Syria" + "from its bases in Syria"
                    continue
                label = p.label()
                if label not in q.qualifiers and label != q.label():
                    q.qualifiers.append(label)
                q.qualifiers.extend(x for x in p.qualifiers if x not in q.qualifiers)
                q.broader_site_ids = tuple(sorted(set(q.broader_site_ids) | set(p.site_ids) | set(p.broader_site_ids)))
            continue
        out.append(p)
    return out


def _types(c: Claim) -> set[str]:
    return {a.label for a in c.assets if a.type_codes and len(a.type_codes) == 1} | {
        a.label for a in c.assets if a.ship_name
    }


def _absorb(into: Claim, c: Claim, *, bare: bool = False) -> None:
    into.sentences += [s for s in c.sentences if s not in into.sentences]
    if c.actor is not None and (into.actor is None or parent_of(c.actor) == into.actor):
        # the more specific actor wins: a proxy ("Wagner / Africa Corps") over its sponsor ("Russia"), an
        # airline over its state
        into.actor, into.actor_countries, into.actor_operators = c.actor, c.actor_countries, c.actor_operators
    have = {a.label for a in into.assets}
    into.assets += [a for a in c.assets if a.label not in have]
    into.equipment += [e for e in c.equipment if e not in into.equipment]
    into.hints += [h for h in c.hints if h not in into.hints]
    open_bound = c.min_count == into.min_count and c.max_count is None and into.max_count is not None
    # "three C-17 landed in Suceava ... So far, the IAF has flown 10 flights": a place-less count larger than an exact
    # one counts a total or another group (rule 38), not the movement the exact count told
    larger = (
        bare and into.max_count is not None and into.min_count == into.max_count and (c.min_count or 0) > into.max_count
    )
    if (
        c.count_text
        and not larger
        and (not into.count_text or (c.min_count or 0) > (into.min_count or 0) or open_bound)
    ):
        into.min_count, into.max_count, into.count_text = c.min_count, c.max_count, c.count_text
    elif c.min_count is not None and not into.count_text:
        into.min_count = max(into.min_count or 0, c.min_count)
    if c.rate_per_day is not None or c.rate_per_day_min is not None:
        into.rate_per_day = into.rate_per_day if into.rate_per_day is not None else c.rate_per_day
        into.rate_per_day_min = into.rate_per_day_min if into.rate_per_day_min is not None else c.rate_per_day_min
    if into.owner is None:
        into.owner = c.owner
    if into.carriers is None:
        into.carriers = c.carriers
    into.sources += [x for x in c.sources if x not in into.sources]
    into.possible = fold_role(into.possible + c.possible)
    if not (bare and into.times and not _types(c)):
        # a sentence without a place or a carrier type ("The flight follows the overthrow ... last weekend")
        # dates the movement only when nothing else does
        into.times += c.times
    for role in ("origin", "destination", "via"):
        setattr(into, role, fold_role(getattr(into, role) + getattr(c, role)))
    seas_on_the_way(into)  # "entered the Mediterranean" and "heading for Tartus": the sea is on the way (rule 52)


def _leg_of(summary: Claim, c: Claim) -> bool:
    """``c`` tells one type's part of a movement ``summary`` reports for several types ("An-124 and Il-62
    resume flights to Hmeimim ... an Il-62M stopped at Latakia, while an An-124 made three passes"): a
    claim of its own, not a detail of the summary."""
    mine, theirs = _types(c), _types(summary)
    return bool(mine) and len(theirs) > 1 and mine < theirs


def _part_of(summary: Claim, c: Claim) -> bool:
    """``c`` details one branch of a movement ``summary`` reports from (or to) several places ("a transfer
    from Sudan and Libya to the CAR ... seven planes landed at Bangui coming from Benghazi"): the branch is a
    claim of its own, since merging would pin the summary's other branch onto it."""
    for role in ("origin", "destination"):
        mine, theirs = getattr(c, role), getattr(summary, role)
        if len(theirs) < 2 or not mine:
            continue
        hit = [t for t in theirs if any(overlaps(t, m) for m in mine)]
        if hit and len(hit) < len(theirs):
            return True
    return False


def _counted_apart(a: Claim, c: Claim) -> bool:
    """ "at least two Russian planes flew to Latakia ..., while an An-124 arrived there three times": a
    place-less sentence with a carrier type and a count of its own that differs is another movement to the
    same place, not a detail of the counted one."""
    if not (_types(c) and a.count_text and c.count_text) or c.max_count is None:
        return False  # "several of the aircraft" bounds nothing that could tell two movements apart
    return (a.min_count, a.max_count) != (c.min_count, c.max_count)


def _exact_apart(a: Claim, c: Claim) -> bool:
    """ "landed in Niamey ... in two cargo planes" and "Russia chartered three cargo flights to Niamey in less
    than a month": two stated counts that cannot both hold are two movements (one a part of the other), not
    one. Two exact counts that differ cannot; nor can an exact count and a bound it lies outside ("Two Turkish
    aircraft left Konya" and "more than ten Turkish cargo planes have landed"). A bound and a count inside it
    ("at least two", "three") may be one movement told twice."""
    if not (a.count_text and c.count_text):
        return False
    lo_a, hi_a, lo_c, hi_c = a.min_count, a.max_count, c.min_count, c.max_count
    return (hi_a is not None and lo_c is not None and hi_a < lo_c) or (
        hi_c is not None and lo_a is not None and hi_c < lo_a
    )


def _implied(c: Claim) -> tuple[int | None, int | None] | None:
    """A claim's number of movements: its count's bounds, else the carriers it names one by one, else unknown."""
    if c.count_text:
        return c.min_count, c.max_count
    return (c.carriers, c.carriers) if c.carriers else None


def _total_and_part(a: Claim, c: Claim) -> bool:
    """ "at least six C-17s in the last 24 hours" and "about 20 flights over the last week": a larger count over a
    longer period that holds the other's is a total the other is part of, two claims. Merged, the part's count
    and day would vanish into the total (or the total into the part). Only when the longer period's least count
    exceeds the shorter one's most: "two ships arrived on the 5th" and "at least two ships in early March" may be
    one movement told twice. A count of one is no part of a total ("every morning at least one cargo plane" is a
    rate of the same movement), nor is a rate (it counts a day, not the period)."""
    if not (a.count_text and c.count_text) or a.min_count is None or c.min_count is None:
        return False
    if any(x.rate_per_day is not None or x.rate_per_day_min is not None for x in (a, c)):
        return False
    sa, sc = _span(a), _span(c)
    if sa is None or sc is None or sa == sc:
        return False
    if sa[0] <= sc[0] and sc[1] <= sa[1]:
        longer, shorter = a, c
    elif sc[0] <= sa[0] and sa[1] <= sc[1]:
        longer, shorter = c, a
    else:
        return False
    most = shorter.max_count if shorter.max_count is not None else shorter.min_count
    if shorter.min_count is None or shorter.min_count < 2:
        return False
    return longer.min_count is not None and most is not None and longer.min_count > most


def _too_many(a: Claim, c: Claim) -> bool:
    """ "a Turkish cargo plane coming from Konya has arrived" and "more than ten cargo planes have landed", "the
    landing ship Minsk" and "at least eight landing ships": one carrier named alone is not a count of many, so
    the two are two movements. Two stated counts are ``_exact_apart``'s to tell apart."""
    if bool(a.count_text) == bool(c.count_text):
        return False
    ia, ic = _implied(a), _implied(c)
    if ia is None or ic is None:
        return False
    return (ia[1] is not None and ic[0] is not None and ia[1] < ic[0]) or (
        ic[1] is not None and ia[0] is not None and ic[1] < ia[0]
    )


def _spin_off(summary: Claim, c: Claim) -> Claim:
    """A place-less part of a multi-type summary, placed where the summary's movement goes."""
    for role in ("origin", "destination", "via"):
        setattr(c, role, [dataclasses.replace(p, qualifiers=list(p.qualifiers)) for p in getattr(summary, role)])
    if c.actor is None:
        c.actor, c.actor_countries, c.actor_operators = summary.actor, summary.actor_countries, summary.actor_operators
    return c


MERGE_LOOKBACK = 64  # a claim merges into one of the last N distinct claims: keeps a long text linear


def merge_claims(claims: list[Claim]) -> list[Claim]:
    """Greedy merge in text order; claims with no place at all only add detail to one that has places.

    A claim is compared with the most recent ``MERGE_LOOKBACK`` distinct claims only: an article repeats
    a movement within a few paragraphs, and comparing with every earlier claim made long texts quadratic.
    """
    placed = [c for c in claims if c.origin or c.destination or c.via or c.possible]
    bare = [c for c in claims if not (c.origin or c.destination or c.via or c.possible)]
    out: list[Claim] = []
    for c in placed:
        for role in ("origin", "destination", "via"):
            setattr(c, role, fold_role(getattr(c, role)))
        target = next(
            (
                o
                for o in out[-MERGE_LOOKBACK:]
                if compatible(o, c)
                and not _dated_apart(o, c)
                and not _exact_apart(o, c)
                and not _too_many(o, c)
                and not escort_apart(o, c)
                and not rank_apart(o, c)
                and not kinds_apart(o, c)
                and not earlier_apart(o, c)
            ),
            None,
        )
        if target is None or _leg_of(target, c) or _part_of(target, c) or _total_and_part(target, c):
            out.append(c)
        else:
            _absorb(target, c)
    out, bare = parts_of_told_totals(
        out, bare, lambda o, c: compatible(o, c) and not escort_apart(o, c) and not rank_apart(o, c)
    )
    for c in bare:
        if c.contingent:  # one state's part of a joint mission: it goes where the mission told before it goes
            told = [o for o in out if o.claim_id < c.claim_id and o.destination and o.domain in (None, c.domain)]
            if told:
                c.destination = [dataclasses.replace(p, qualifiers=list(p.qualifiers)) for p in told[-1].destination]
            out.append(c)
            continue
        fits = [o for o in out[:MERGE_LOOKBACK] if compatible(o, c) and not escort_apart(o, c) and not rank_apart(o, c)]
        target = next((o for o in fits if _types(c) and _types(o) == _types(c)), fits[0] if fits else None)
        if target is not None and (_leg_of(target, c) or _counted_apart(target, c)):
            out.append(_spin_off(target, c))
        elif target is not None:
            _absorb(target, c, bare=True)
    # a class ("cargo planes") is redundant once a type or named ship of the same domain is known
    for c in out:
        c.via = without_parts(c.via)
        specific = {a.domain for a in c.assets if a.label not in CLASS_ASSETS}
        c.assets = [a for a in c.assets if not (a.label in CLASS_ASSETS and a.domain in specific)]
        classes = {a.domain for a in c.assets if a.label not in ("aircraft", "ship")}
        c.assets = [a for a in c.assets if not (a.label in ("aircraft", "ship") and a.domain in classes)]
    return out


def refine_with_article_sites(claims: list[Claim], roleless: list[Place], gaz: Gazetteer) -> None:
    """A role known only as a region's facilities ("its bases in Syria", "bases controlled by Haftar") takes
    the sites of that region the article names elsewhere without a role ("its two main bases: Hmeimim air
    base and Tartus naval base"), keeping those that suit the claim's domain (air bases for aircraft, ports
    for ships). A plain region ("from Syria") stays the region: a site named elsewhere in the article
    ("equipment gathered in Tartus") need not be where this movement started."""
    for c in claims:
        want = AIR_KINDS if c.domain == "air" else SEA_KINDS if c.domain == "sea" else AIR_KINDS | SEA_KINDS
        for role in ("origin", "destination", "via"):
            places: list[Place] = getattr(c, role)
            regions = [
                p for p in places if p.kind == "controlled" or (p.kind == "region" and VAGUE_FACILITIES in p.note)
            ]
            if not regions or any(p.kind == "site" for p in places):
                continue
            picks: dict[str, Place] = {}
            for p in roleless:
                if p.kind != "site" or p.site_kind not in want or p.id in picks:
                    continue
                if any(contains(r, p) for r in regions):
                    picks[str(p.id)] = Place(
                        p.text, p.kind, p.id, p.name, p.site_ids, p.region_ids, p.site_kind,
                        "named elsewhere in the article", [], (),
                    )  # fmt: skip
            if picks:
                setattr(c, role, fold_role(list(picks.values()) + places))
        for role in ("origin", "destination", "via"):
            setattr(c, role, [for_carrier(gaz, p, c.domain, c.actor_countries) for p in getattr(c, role)])
