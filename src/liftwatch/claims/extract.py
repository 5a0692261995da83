"""Read an article and list the movements it claims: who moved what, from where, to where, via where, when.

Pipeline: sentences -> place mentions (kb gazetteer, "bases controlled by X", names after a cue) -> roles
(``sentences.py``) -> one claim per movement sentence (actor, assets, equipment, hints, times) -> merge
claims that describe the same movement (``merge.py``) -> refine region-level places with sites the article
names elsewhere -> time window from the sentence's dates, else the article's, else the publication date.

No network and no model download: everything is rules over the knowledge base. If spaCy and an English
pipeline installed as a Python package (e.g. ``en_core_web_sm``) happen to be importable, its GPE/LOC/FAC
entities are offered as extra place candidates; without it nothing changes.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date

from liftwatch.claims.actor_names import proxy_as_named, state_companies
from liftwatch.claims.ar_words import AR_WORD_START
from liftwatch.claims.asset_sets import makers_with_their_types, names_of_other_roles
from liftwatch.claims.assets import FORMER_NAME, find_assets
from liftwatch.claims.attribution import source_spans
from liftwatch.claims.breakdown import split_by_period
from liftwatch.claims.bullet_items import listed_under_movement
from liftwatch.claims.clauses import RETURN_OPENING, counted_item
from liftwatch.claims.context import (
    attach_owners,
    carrier_operator,
    carry_actor,
    carry_assets,
    carry_narrative_times,
    per_ship,
    sole_carrier,
    to_the_base,
)
from liftwatch.claims.counts import Count, best, best_rate, count_before, find_counts, listed_total
from liftwatch.claims.cues import MOVE
from liftwatch.claims.day_lists import split_days
from liftwatch.claims.domain_places import for_carrier
from liftwatch.claims.escorts import escort_claims
from liftwatch.claims.fr_road_convoys import road_convoy_only
from liftwatch.claims.group_makeup import Makeups, split_makeup
from liftwatch.claims.group_parts import inherit_from_groups, part_of_group
from liftwatch.claims.hedges import HEDGE, not_reached
from liftwatch.claims.home_goals import home_goals
from liftwatch.claims.hull_marks import shared_marks
from liftwatch.claims.intervals import in_range
from liftwatch.claims.leg_lists import share_list_destination
from liftwatch.claims.lexicon import CLASS_ASSETS, EQUIPMENT, HINTS, Actor
from liftwatch.claims.merge import VAGUE_FACILITIES, merge_claims, refine_with_article_sites
from liftwatch.claims.model import AssetRef, Claim, Extraction, Place
from liftwatch.claims.mover import actor_spans, mover
from liftwatch.claims.named_carriers import carriers_named, count_named_ships
from liftwatch.claims.paired_routes import split_paired_routes
from liftwatch.claims.parallel_kinds import split_parallel
from liftwatch.claims.places import Gazetteer, default_gazetteer
from liftwatch.claims.plans import planned
from liftwatch.claims.ranked_arrivals import ranked_arrivals
from liftwatch.claims.reading import masked
from liftwatch.claims.reading import read_sentences as read_sentences  # its home before claims.reading
from liftwatch.claims.return_legs import came_from, participle_return, return_legs
from liftwatch.claims.return_trips import return_trips
from liftwatch.claims.roles import ar_arrival_anaphor, base_anaphor, split_by_mode, stops_before_then
from liftwatch.claims.roster import MISSION, contingents, split_roster
from liftwatch.claims.routes import ROUND_TRIP, return_of
from liftwatch.claims.same_place import same_place
from liftwatch.claims.sea_ends import drop_seas_the_ends_lie_on
from liftwatch.claims.sentences import Sentence
from liftwatch.claims.ship_groups import group_members
from liftwatch.claims.ships import mentions_of
from liftwatch.claims.spacy_spans import model_spans
from liftwatch.claims.story_actor import carry_told_actor
from liftwatch.claims.timeparse import find_publication_date, find_times, years_in
from liftwatch.claims.turnaround import turnarounds
from liftwatch.claims.typed_escorts import typed_escort_claims
from liftwatch.claims.unknown_names import drop_names_of_no_place
from liftwatch.claims.water import is_water
from liftwatch.claims.windows import carry_next_days, date_claims, dateline, statement_time

MAX_ARTICLE_CHARS = 1_000_000  # ~150,000 words: far beyond any report; a collection must be split


class ArticleTooLong(ValueError):
    """The text is longer than one article can be (see ``MAX_ARTICLE_CHARS``)."""

    def __init__(self, n_chars: int) -> None:
        self.n_chars = n_chars
        super().__init__(
            f"the text has {n_chars:,} characters; claim extraction reads one article of at most "
            f"{MAX_ARTICLE_CHARS:,} characters: split a collection into its articles"
        )


# "transfer all their combat aircraft", "a transfer process of military equipment, including aircrafts":
# aircraft named as what is moved are the load; the carrier is another one the sentence names.
_LOAD_BEFORE = re.compile(
    r"\b(?:transfer(?:s|red|ring)?|transport(?:s|ed|ing)|carr(?:y|ies|ied|ying)|deliver(?:s|ed|ing|y)?|"
    r"ferr(?:y|ies|ied|ying))\s+"
    r"(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:(?:including|incl\.|with|such\s+as)\s+)?$"
    r"|\bincluding\s+$",
    re.I,
)


# "from its bases in Syria", "to facilities across Libya": a region standing for some of its facilities,
# which the sites the article names elsewhere may make precise (``refine_with_article_sites``)
_FACILITIES_IN = re.compile(
    r"\b(?:bases|facilities|airfields|airports|ports|positions|sites|bases?\s+of\s+operations)\s+(?:in|at|across|of)\s+"
    r"(?:the\s+|eastern\s+|western\s+|southern\s+|northern\s+)?$",
    re.I,
)


def _sentence_claim(
    idx: int,
    sent: Sentence,
    actors: list[tuple[int, int, Actor]],
    pub: date | None,
    default_year: int | None,
    known_ships: list[str] | None = None,
    earlier_sites: list[Place] | None = None,
    listed: bool = False,
) -> list[Claim]:
    text = sent.text
    # an item of a list of counted legs ("..., eight from Italy") moves by the list's verb, counted by its number
    item = counted_item(text) if sent.continues else None
    # a placed part of a group moves as the group did, whatever its verb ("17 of them went on to", "le reste vers")
    rest = part_of_group(text) is not None and any(r.role == "destination" for r in sent.roles)
    assets = find_assets(text)
    # several states' carriers in one mission: one claim per state (``roster.py``); a roster that took part in
    # a mission or operation is a movement even with no verb of motion
    roster = contingents(text, assets)
    homeward = sent.continues and RETURN_OPENING.match(text) is not None  # "..., returning to Tehran at 5 p.m."
    if (
        not (MOVE.search(text) or homeward or listed)
        and item is None
        and not rest
        and not (roster and MISSION.search(text))
    ):
        return []
    if planned(text):  # "is scheduled to fly back to Tehran today": a plan not begun claims nothing
        return []
    if road_convoy_only(text, len(assets)):  # "des convois routiers quittent Niamey pour N'Djamena": by road
        return []
    placed = [r for r in sent.roles if r.role is not None]
    if not placed and not assets:
        return []
    claim = Claim(claim_id=idx, sentences=[text.strip()])
    sources = source_spans(text)
    claim.sources = list(dict.fromkeys(src for _, _, src in sources))
    actor = mover(
        sent, actors, assets, [r.mention for r in sent.roles if r.role or r.mention.source == "controlled"], sources
    )
    if actor is not None:
        claim.actor, claim.actor_countries, claim.actor_operators = actor.name, actor.countries, actor.operators
    loads = [(a, b) for a, b, _ in assets if _LOAD_BEFORE.search(text[max(0, a - 60) : a])]
    if loads:  # read the carriers again without the load, so a class it hid ("planes") comes back
        masked = text
        for a, b in loads:
            masked = masked[:a] + " " * (b - a) + masked[b:]
        assets = find_assets(masked) or assets
    named = mentions_of(text, known_ships or [])
    extra = [
        (a, b, n)
        for a, b, n in named
        if all(b <= s or a >= e for s, e, _ in assets) and not FORMER_NAME.search(text[max(0, a - 40) : a])
    ]
    if extra:  # a ship the article named elsewhere, mentioned here by its name alone
        assets = [x for x in assets if not (x[2].domain == "sea" and x[2].label in CLASS_ASSETS)]
        assets = sorted([*assets, *((a, b, AssetRef(n, "sea", (), None, n.upper(), n)) for a, b, n in extra)])
    claim.assets = [a for _, _, a in assets]
    claim.equipment = [name for name, rx in EQUIPMENT if rx.search(text)]
    claim.hints = [name for name, rx in HINTS if rx.search(text)]
    counts = find_counts(text)
    n = best(counts)
    typed = [(a, b) for a, b, x in assets if x.label not in CLASS_ASSETS and x.domain == "air"]
    total = listed_total(text, typed) if len(typed) >= 2 else None
    if total is not None and (n is None or (n.max or 0) < (total.max or 0)):
        n = total
    if n is None:  # "two Il-76 landed", "trois navires russes": a number before the carrier itself
        n = count_before(text, [(a, b) for a, b, _ in assets])
    if n is None and item is not None and item.value:
        n = Count(item.value, item.value, None, None, item.word)
    rate = best_rate(counts)
    if n is not None:
        claim.min_count, claim.max_count, claim.count_text = n.min, n.max, n.text
    elif "multiple flights" in claim.hints:
        # "multiple flights", "several rotations": the text bounds the count from below
        # ("shuttling", "an air bridge" say a regular service, not how many; "many", "plusieurs", "de nombreux"
        # say more than one and no bound the reader could count: no count the text gives)
        many = dict(HINTS)["multiple flights"].search(text)
        explicit = many is not None and not re.match(
            r"shuttl|air|many|numerous|plusieurs|(?:de\s+)?nombreux", many.group(0), re.I
        )
        claim.min_count, claim.count_text = 2, many.group(0) if many and explicit else ""
    if not claim.count_text and claim.min_count is None:
        claim.carriers = carriers_named(text, assets)
        count_named_ships(claim, text, assets)
    if rate is not None:
        claim.rate_per_day, claim.rate_per_day_min = rate.rate_max, rate.rate_min
        claim.count_text = "; ".join(x for x in (claim.count_text, rate.text) if x)
    heads: dict[int, Place] = {}
    placed_modes: list[tuple[str, Place, str | None]] = []
    positions: list[int] = []
    for i, r in enumerate(sent.roles):
        place = dataclasses.replace(r.mention.place, qualifiers=list(r.mention.place.qualifiers))
        if r.head is not None and r.head in heads:
            head = heads[r.head]
            head.qualifiers.append(place.label())
            head.broader_site_ids = tuple(sorted(set(head.broader_site_ids) | set(place.site_ids)))
            continue
        if r.role is None:
            continue
        heads[i] = place
        if place.kind == "region" and _FACILITIES_IN.search(
            text[max(0, r.mention.start - sent.start - 50) : r.mention.start - sent.start]
        ):
            place.note = f"{place.note}; {VAGUE_FACILITIES}"
        role = r.role
        if role == "destination":
            a = r.mention.start - sent.start
            prev_end = max((x.mention.end - sent.start for x in sent.roles[:i] if not x.possessor), default=0)
            if HEDGE.search(text[max(prev_end, a - 90) : a]) or not_reached(text, a, r.mention.end - sent.start):
                # "likely heading to", "believed to be bound for": offered, not claimed; "crashed on landing at",
                # "a dhow bound for Yemen was seized": the goal told, never reached
                role = "possible"
        placed_modes.append((role, place, r.mode))
        positions.append(r.mention.start - sent.start)
    placed_modes = stops_before_then(text, positions, placed_modes)
    if any(r == "destination" and not is_water(p) for r, p, _ in placed_modes):
        # "через Босфор в Средиземное море, в сирийский порт Тартус": the sea is the way to the port
        placed_modes = [x for x in placed_modes if not (x[0] == "destination" and is_water(x[1]))]
    placed_modes = base_anaphor(text, sent, placed_modes, earlier_sites or [])
    placed_modes = ar_arrival_anaphor(text, sent, placed_modes, earlier_sites or [])
    found = [
        t for t in find_times(text, pub, default_year) if t.kind != "publication" and not statement_time(text, t.pos)
    ]
    # a dateline beside the movement's own date is when the report was filed; alone, it is the day of the news
    claim.times = [t for t in found if not dateline(text, t.pos, len(t.text))] or found
    made = [d for c in split_by_mode(claim, placed_modes) for k in split_makeup(c, text) for d in split_days(k, text)]
    made = [part for c in made for part in split_by_period(c, text, pub, default_year)]
    if roster:
        made = [part for c in made for part in split_roster(c, roster)]
    if sent.round_trip or ROUND_TRIP.search(text):
        made += [back for c in made if (back := return_of(c)) is not None]
    return made


# Arabic joins a preposition or the article to a foreign name or a number with a tatweel ("لـطرطوس", "بـ حميميم",
# "الـ 24"): the stroke is typography, read as the space it stands for (one character for one: offsets stay)
_AR_CLITIC_TATWEEL = re.compile(rf"{AR_WORD_START}((?:[وف]?[بلك])|(?:[وف]?ال))ـ+")


def extract(
    text: str,
    publication_date: date | None = None,
    *,
    gazetteer: Gazetteer | None = None,
    default_window_days: int = 30,
    use_model: bool = True,
    publication_month_only: bool = False,
) -> Extraction:
    """Extract the claimed movements from an article's text (see module docstring).

    ``publication_month_only``: the publication date is known to its month only (``publication_date`` is then
    a day of that month). "On Friday", "yesterday", "this week" cannot be placed from it, so they date no
    window: a window a few weeks off is worse than none.

    Raises :class:`ArticleTooLong` past ``MAX_ARTICLE_CHARS``: the extractor reads one report, and a
    collection pasted as one "article" would merge unrelated movements.
    """
    if len(text) > MAX_ARTICLE_CHARS:
        raise ArticleTooLong(len(text))
    gaz = gazetteer or default_gazetteer()
    text = _AR_CLITIC_TATWEEL.sub(lambda m: m.group(1) + " ", text)
    shown = text
    text = masked(text)
    pub_span = find_publication_date(text) if publication_date is None else None
    pub = publication_date or (pub_span.start if pub_span else None)
    pub_source = "given" if publication_date else (f"text: {pub_span.text}" if pub_span else "unknown")
    years = years_in(text)
    default_year = Counter(years).most_common(1)[0][0] if years and pub is None else None

    extra, model = model_spans(text, use_model)
    mentions, sentences = read_sentences(text, gaz, pub, extra)
    actors_all = actor_spans(text)
    a_starts = [x[0] for x in actors_all]

    # vessels the article names (by a ship noun or quotes, sentence by sentence), to find them where a
    # later sentence uses the name alone
    ship_names = list(dict.fromkeys(a.label for s in sentences for _, _, a in find_assets(s.text) if a.ship_name))
    claims: list[Claim] = []
    per_sentence: list[list[Claim]] = []
    makeups = Makeups()
    for sent in sentences:
        local = [
            (s - sent.start, e - sent.start, act) for s, e, act in in_range(a_starts, actors_all, sent.start, sent.end)
        ]
        earlier = [r.mention.place for s in sentences if s.end <= sent.start for r in s.roles if r.head is None]
        made = makeups.apply(
            _sentence_claim(
                len(claims) + 1,
                sent,
                local,
                pub,
                default_year,
                ship_names,
                earlier,
                listed_under_movement(text, sent.start),
            ),
            sent.text,
        )
        if sent.continues and RETURN_OPENING.match(sent.text):  # "..., returning to Tehran": a leg, or the goal
            came_from(made, per_sentence[-1] if per_sentence else [], sent.text)  # "avant de retourner à X": from X
            made = participle_return(made, per_sentence[-1] if per_sentence else [])
        per_sentence.append(made)
        claims += made
    carry_next_days(text, sentences, per_sentence, pub, default_year)
    carry_narrative_times(text, sentences, per_sentence)
    to_the_base(sentences, per_sentence)
    return_legs(sentences, per_sentence)
    inherit_from_groups(sentences, per_sentence)
    share_list_destination(sentences, per_sentence)
    claims += turnarounds(sentences, per_sentence)
    claims += return_trips(sentences, per_sentence)  # "landed back at X after delivering aid to Y": X to Y, then back
    claims += escort_claims(sentences, per_sentence)  # "escorted by the frigate X": X sails the route too
    claims += typed_escort_claims(sentences, per_sentence)  # "accompanied by two frigates": two more movements
    same_place(sentences, per_sentence)  # "and a third left Izmir to the same destination"
    claims += ranked_arrivals(sentences, per_sentence, pub, default_year)  # "a second plane ... the first on Monday"
    group_members(sentences, per_sentence)  # "the fleet docked ... the fleet comprises the X and the Y"
    for whole, parts in carry_assets(sentences, per_sentence):  # a total split by the kinds a later sentence counts
        at = next(k for k, c in enumerate(claims) if c is whole)
        claims[at : at + 1] = parts
    carrier_operator(sentences, per_sentence)
    sole_carrier(sentences, claims)
    for c in claims:  # "Tobruk" for a ship is its port: adapt before merging, so both spellings meet
        for role in ("origin", "destination", "via", "possible"):
            setattr(c, role, [for_carrier(gaz, p, c.domain, c.actor_countries) for p in getattr(c, role)])
    solo = {a.label for c in claims if len(ships := [a for a in c.assets if a.ship_name]) == 1 for a in ships}
    # "three C-130 from A and two A400M from B": two movements, split before merging
    claims = split_parallel([part for c in claims for part in per_ship(c, solo)], sentences)
    # "from Cairo to Tripoli and from Cairo to Benghazi": two routes, two movements
    claims = merge_claims(split_paired_routes(claims, sentences))
    makers_with_their_types(claims)  # "an Ilyushin ... the Il-76": the type
    attach_owners(claims, sentences, ship_names)
    names_of_other_roles(claims)  # a quoted owner, outlet or airline is no ship
    carry_actor(claims)
    shared_marks(claims)  # "HMS Trent" with no state the story names: the Royal Navy's
    state_companies(claims)  # rule 8: a state company's carrier is its state's
    proxy_as_named(claims, text)
    carry_told_actor(claims, text)  # "L'armée allemande a annoncé ... . L'avion ...": the one actor told before
    home_goals(claims, gaz)  # "вылетел на Родину", "returned home": the actor's own state
    used = {(p.kind, p.id) for c in claims for p in c.origin + c.destination + c.via}
    roleless = [r.mention.place for s in sentences for r in s.roles if r.role is None and r.head is None]
    refine_with_article_sites(claims, [p for p in roleless if (p.kind, p.id) not in used], gaz)
    drop_seas_the_ends_lie_on(claims)  # "from Tartus ... in the Mediterranean": the end says it (rule 44)
    claims = drop_names_of_no_place(claims)  # "from the Russian Embassy", "to Hezbollah": no place

    date_claims(claims, text, pub, pub_span, default_year, default_window_days, publication_month_only)
    names = list(dict.fromkeys(act.name for _, _, act in actors_all))
    # a claim shows its sentences as written, the negated words of a contrast included
    as_written = {text[s.start : s.end].strip(): shown[s.start : s.end].strip() for s in sentences}
    for i, c in enumerate(claims, 1):
        c.sentences = [as_written.get(x, x) for x in c.sentences]
        c.claim_id = i
        c.actor_context = [n for n in names if n != c.actor]
    # a sea or strait named only as scenery ("tensions in the Mediterranean") is not a place the text claims
    roled = {r.mention.start for s in sentences for r in s.roles if r.role is not None or r.head is not None}
    kept = [m for m in mentions if m.source != "water" or m.start in roled]
    places = list({(p.kind, p.id or p.text): p for p in (m.place for m in kept)}.values())
    unknown = list(dict.fromkeys(p.text for p in places if not p.known))
    return Extraction(claims, pub, pub_source, names, places, unknown, model)
