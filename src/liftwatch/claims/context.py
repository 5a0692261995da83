"""Rules that read across sentences: carriers named or referred back to in a neighbouring sentence (or the
article's only carrier), an actor that carries over to the next claim, dark-transponder remarks without a
place, vessel owners, movements of several ships, "to the base", and a paragraph's running date.

Reporting spreads one movement over several sentences ("... flights to eastern Libya. The aircraft used
were Tupolev Tu-134, Tu-154 and Ilyushin Il-76."); these rules join the pieces after each sentence has
been read on its own.
"""

from __future__ import annotations

import dataclasses
import re

from liftwatch.claims.airlines import owning_companies
from liftwatch.claims.assets import find_assets
from liftwatch.claims.attribution import operators
from liftwatch.claims.counts import Count, best, find_counts
from liftwatch.claims.group_makeup import split_makeup
from liftwatch.claims.lexicon import ACTORS, CLASS_ASSETS, HINTS, Actor
from liftwatch.claims.model import AssetRef, Claim, Place
from liftwatch.claims.sentences import Sentence
from liftwatch.claims.ship_owners import owner_of_the_ship, owners
from liftwatch.claims.ships import mentions_of
from liftwatch.claims.timeparse import TimeSpan, find_times

# the class nouns a ship named before is referred back to by ("the frigate", "la frégate", "фрегат", "الفرقاطة"):
# each kind of ship reporting names, not only "ship" and "vessel"
_SHIP_BACK_EN = r"frigates?|destroyers?|corvettes?|warships?|tankers?|bulkers?|submarines?|cruisers?|tugs?"
_SHIP_BACK_FR = (
    r"frégates?|corvettes?|bâtiments?|pétroliers?|vraquiers?|sous-marins?|destroyers?|croiseurs?|patrouilleurs?"
)
_ANAPHOR = re.compile(
    r"\b(?:the|these|those|this|same|both)\s+(?:same\s+|two\s+|three\s+|\w+\s+)?(?:aircraft|planes?|jets?|flights?|"
    rf"ships?|vessels?|freighters?|airlifters?|{_SHIP_BACK_EN})\b|^\s*(?:It|They)\b|"
    rf"\b(?:le\s+même|la\s+même|ces|cet|cette|ce)\s+(?:avions?|appareils?|navires?|{_SHIP_BACK_FR})\b|"
    r"\b(?:эти|этот|эта|те\s+же)\s+(?:самол[её]т\w*|борт\w*|суд\w+|фрегат\w*|корабл\w*)|\bالطائرة\b|\bالسفينة\b|"
    r"\bال(?:فرقاطة|مدمرة|ناقلة|بارجة|غواصة|كورفيت|سفن)\b|"
    # a sentence that opens on the carrier with a definite article: "Le navire est ensuite parti pour ...",
    # "L'appareil ...", "Судно ...", "Самолёт ..." (Russian has no article: the bare noun opening the sentence)
    rf"^\s*(?:(?:le|la|les)\s+|l['’]\s*)(?:navires?|bateaux?|cargos?|avions?|appareils?|{_SHIP_BACK_FR})\b|"
    r"^\s*(?:Судно|Корабль|Самол[её]т|Борт|Фрегат|Корвет|Эсминец|Танкер|Сухогруз|Балкер|Крейсер|БДК)\b|"
    # Russian has no article: a ship's class noun in the nominative with no name after it ("Затем фрегат прибыл")
    r"\b(?:судно|корабль|фрегат|корвет|эсминец|танкер|сухогруз|балкер|крейсер)\b(?!\s*(?-i:[«\"„A-ZА-ЯЁ]))",
    re.I,
)
_TYPES_USED = re.compile(
    r"\b(?:aircraft|planes?|types?)\s+(?:used|involved|deployed|identified)\s+(?:were|was|are|is|include[ds]?)\b|"
    r"\bidentified\s+as\b|\bof\s+the\s+type\b|\bwere\s+(?:all\s+)?(?:of\s+)?(?:types?\s+)?(?=[A-Z])",
    re.I,
)


def carry_assets(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> list[tuple[Claim, list[Claim]]]:
    """Types named in a neighbouring sentence attach to the movement they describe.

    "... flights to eastern Libya. The aircraft used were Tupolev Tu-134, Tu-154 and Ilyushin Il-76.":
    a sentence that names types but claims no movement gives them to the claim just before it when that
    claim only knows a class ("flights", "cargo planes"). A claim that refers back ("the same aircraft",
    "the plane", "the vessel") to carriers named in the previous sentences takes them over. Types that each carry
    a figure adding up to the claim's count split it by kind; returns each claim so split, with its parts.
    """
    split: list[tuple[Claim, list[Claim]]] = []
    last: dict[str, list[AssetRef]] = {}
    last_counts: dict[str, int | None] = {}  # how many carriers the sentence naming them counted
    last_count: dict[str, Count | None] = {}
    clause_assets: list[AssetRef] = []  # the carriers of the clause before, in the same sentence
    last_actor: Actor | None = None
    last_claims: list[Claim] = []
    head_claims: list[Claim] = []  # the claims of the main clause of the last sentence that made any
    pending_hints: list[str] = []
    quiet_since = False  # only sentences without carriers or places since the last one that made claims
    for i, (sent, made) in enumerate(zip(sentences, per_sentence, strict=True)):
        dark = [name for name, rx in HINTS if name in _DARK_HINTS and rx.search(sent.text)]
        if not made and dark:
            # "These flights took place ... and include a X flight ..., a Y flight .... It is observed that
            # these flights turn off their signal receivers.": the remark is about the sentence's subject,
            # not the last item of its list
            if head_claims or last_claims:
                for c in head_claims or last_claims:
                    c.hints += [h for h in dark if h not in c.hints]
            else:
                pending_hints += dark
        if made and pending_hints:
            for c in made:
                c.hints += [h for h in pending_hints if h not in c.hints]
            pending_hints = []
        found = [a for _, _, a in find_assets(sent.text)]
        clause_assets = found if found or not sent.continues else clause_assets
        specific = [a for a in found if a.label not in CLASS_ASSETS]
        if not made and specific:
            for c in list(last_claims):
                if _class_only(c, specific[0].domain) and (
                    _TYPES_USED.search(sent.text) or (i and per_sentence[i - 1]) or quiet_since
                ):
                    parts = split_makeup(c, sent.text)  # "десять самолетов. ... восемь Су-34 и два Су-30СМ"
                    if len(parts) > 1:
                        last_claims[last_claims.index(c) : last_claims.index(c) + 1] = parts
                        split.append((c, parts))
                    else:
                        _give(c, specific)
        # "... вылетела группа военных самолетов. Об этом объявили в Минобороны. «В группе – один Ил-76 ...»":
        # a sentence with no carrier and no place (who said it, when) does not end the story the types complete
        if made:
            quiet_since = True
        elif found or any(r.role for r in sent.roles):
            quiet_since = False
        for c in made:
            if not c.assets and sent.continues and clause_assets:
                # "A military plane that took ... to X on Thursday | landed in Y on Friday": the main clause's
                # subject is the carrier the relative clause before it described
                c.assets = [dataclasses.replace(a) for a in clause_assets]
            dom = c.domain or (c.assets[0].domain if c.assets else None)
            if dom and _class_only(c, dom) and last.get(dom) and _refers_back(sent.text, last_counts.get(dom)):
                _give(c, last[dom])
                counted = last_count.get(dom)
                if counted is not None and not c.count_text and counted.min is not None:
                    # "five Il-76 ... flew back from Machulishchy. The same aircraft had arrived from Pskov":
                    # the carriers referred back to are as many as the text counted them
                    c.min_count, c.max_count, c.count_text = counted.min, counted.max, counted.text
            if c.actor is None and last_actor is not None and _ANAPHOR.search(sent.text):
                c.actor, c.actor_countries, c.actor_operators = (
                    last_actor.name,
                    last_actor.countries,
                    last_actor.operators,
                )
                c.actor_carried = True
        if not made and specific:
            last_actor = _qualifying_actor(sent.text) or last_actor
        for a in specific:
            last[a.domain] = [x for x in specific if x.domain == a.domain]
            last_counts[a.domain] = _counted(sent.text)
            last_count[a.domain] = best(find_counts(sent.text))
        if made:
            last_claims = made
            if not sent.continues or not head_claims:
                head_claims = made
        elif not sent.continues:
            head_claims = []
    return split


_DARK_HINTS = {"transponders off", "ceased location-sharing"}


def _counted(text: str) -> int | None:
    found = best(find_counts(text))
    return found.max if found is not None else None


def _refers_back(text: str, counted: int | None) -> bool:
    """The sentence refers back to carriers named before ("the plane", "these aircraft"). An anaphor that
    counts ("the seven planes") refers to carriers counted the same way, not to "a large Antonov plane"."""
    found = [_counted(m.group(0)) for m in _ANAPHOR.finditer(text)]
    if not found:
        return False
    return all(n is None or n == counted for n in found)


def carry_actor(claims: list[Claim]) -> None:
    """A claim that names no actor continues the story of the claim before it ("The same aircraft had
    arrived ...", "Public flight data shows ... planes flying from Minsk"): it takes that claim's actor. A
    claim before the first one naming an actor ("Сирию покинули Ил-76 и Ан-124" in a lead, the state named
    further down) takes the article's actor when the article names one mover only, in the same domain."""
    prev: Claim | None = None
    for c in claims:
        same_domain = prev is not None and (c.domain is None or prev.domain is None or c.domain == prev.domain)
        if c.actor is None and prev is not None and prev.actor is not None and same_domain:
            c.actor, c.actor_countries, c.actor_operators = prev.actor, prev.actor_countries, prev.actor_operators
            c.actor_carried = True
        prev = c
    named = {(c.actor, c.domain) for c in claims if c.actor is not None}
    actors = {a for a, _ in named}
    if len(actors) == 1:  # the article's one mover, named after a claim that opens the story without it
        first = next(c for c in claims if c.actor is not None)
        for c in claims:
            if c.actor is None and any(d == c.domain or d is None or c.domain is None for _, d in named):
                c.actor, c.actor_countries, c.actor_operators = (
                    first.actor,
                    first.actor_countries,
                    first.actor_operators,
                )
                c.actor_carried = True


def _qualifying_actor(text: str) -> Actor | None:
    """The actor named with a carrier in a sentence that claims no movement ("the Russian ship Sparta
    transmitted its position ...", "associated with New Way Cargo Airlines"), for the sentence after it."""
    spans = [a for a in find_assets(text) if a[2].label not in CLASS_ASSETS]
    ops = operators(text)
    if ops:
        name = ops[0][2]
        return Actor(name, "company", (), (name.lower(),), re.compile(re.escape(name)))
    for actor in ACTORS:
        for m in actor.pattern.finditer(text):
            if any(0 <= a_s - m.end() <= 12 for a_s, _, _ in spans) or re.match(
                r"\s+(?:ship|vessel)\s", text[m.end() :]
            ):
                return actor
    return None


def _class_only(c: Claim, domain: str) -> bool:
    mine = [a for a in c.assets if a.domain == domain]
    return bool(mine) and all(a.label in CLASS_ASSETS for a in mine)


def _give(c: Claim, assets: list[AssetRef]) -> None:
    dom = assets[0].domain
    c.assets = [a for a in c.assets if a.domain != dom] + [dataclasses.replace(a) for a in assets]


def _ships_in(text: str) -> list[tuple[int, str]]:
    return [(s, a.label) for s, _, a in find_assets(text) if a.domain == "sea" and a.ship_name]


def attach_owners(claims: list[Claim], sentences: list[Sentence], known: list[str] | None = None) -> None:
    """ "X is owned by Y", "the owner is Y", "X is operated by Y": Y is the owner of the ship named there
    (by a ship noun, or by a name the article gave a ship elsewhere), or else of the one named just before."""
    owner_of: dict[str, str] = {}
    prev: list[tuple[int, str]] = []
    named = []
    for sent in sentences:
        ships = _ships_in(sent.text)
        if known:
            ships = sorted({*ships, *((a, n) for a, _, n in mentions_of(sent.text, known))})
        named.append(ships)
    # a quoted name that carries no claim ("the Bosphorus observatory «البوسفور»", "on «Twitter»") is no ship
    # whose owner the text can be naming: the carriers are the claims' named ships
    carriers = {a.label for c in claims for a in c.assets if a.ship_name}
    named = [[x for x in ships if x[1] in carriers] for ships in named]
    # the ship the article is about: named most often, the first of those named as often
    every = [n for ships in named for _, n in ships]
    topic = max(dict.fromkeys(every), key=every.count) if every else None
    for sent, ships in zip(sentences, named, strict=True):
        for pos, name in owners(sent.text):
            before = [x for x in ships if x[0] < pos] or ships or prev
            if topic is not None and (owner_of_the_ship(sent.text, pos) or not before):
                # "the vessel's operator, X", "سفينة تابعة لشركة (X)" with no name: the article's ship
                before = [(pos, topic)]
            if before:
                owner_of.setdefault(before[-1][1], name)
        prev = ships or prev
    for c in claims:
        for a in c.assets:
            if a.ship_name and a.label in owner_of and c.owner is None:
                c.owner = owner_of[a.label]


# "trois vols vers la base", "three flights to the base", "на базу": the base the text just named
_TO_THE_BASE = re.compile(
    r"\b(?:to|towards|at)\s+the\s+(?:air\s*)?base\b(?!\s+(?:of|in|at|near)\b)"
    r"|\b(?:vers|à)\s+(?:la|cette)\s+base\b(?!\s+(?:de|d['’]|du|aérienne\s+de)\b)"
    r"|\bна\s+(?:эту\s+)?(?:авиа)?базу\b(?!\s+[А-ЯЁ])|إلى\s+القاعدة(?!\s+[\u0600-\u06FF])",
    re.I,
)


def to_the_base(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """A movement "to the base" goes to the last air or naval base an earlier claim went to."""
    last: Place | None = None
    for sent, made in zip(sentences, per_sentence, strict=True):
        if _TO_THE_BASE.search(sent.text):
            for c in made:
                if not c.destination and last is not None:
                    c.destination = [dataclasses.replace(last, qualifiers=list(last.qualifiers))]
        for c in made:  # "vers Lattaquié, avant de retourner dans la région de Moscou": the base is the stop
            sites = [p for p in c.destination if p.kind == "site"] or [p for p in c.via if p.kind == "site"]
            last = sites[-1] if sites else last


def carry_narrative_times(text: str, sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """ "On Dec 13 the ship left Baltiysk. ... On Jan 21 it entered Tartus ..., arriving at 8:35 p.m.": an
    undated sentence continues the last date of its paragraph, so legs dated apart are not merged."""
    last: list[TimeSpan] = []
    prev_end = 0
    for sent, made in zip(sentences, per_sentence, strict=True):
        if "\n" in text[prev_end : sent.start]:
            last = []  # a new paragraph starts its own story
        prev_end = sent.end
        dated = [t for c in made for t in c.times if t.start is not None]
        if dated:
            last = dated
            continue
        for c in made:
            c.narrative_times = list(last)
        if not made:
            own = [t for t in find_times(sent.text, None, None) if t.start is not None]
            last = own or last


def sole_carrier(sentences: list[Sentence], claims: list[Claim]) -> None:
    """ "The 'Sparta II' ... arrived in Tartus. ... In Aug 2022, the transportation of S-300 systems from
    Syria to Novorossiysk was recorded.": when the article names one carrier only (one ship, one type), a
    movement it tells without naming any carrier is that carrier's."""
    named: dict[str, AssetRef] = {}
    for sent in sentences:
        for _, _, a in find_assets(sent.text):
            if a.label not in CLASS_ASSETS:
                named.setdefault(a.label, a)
    if len(named) != 1:
        return
    only = next(iter(named.values()))
    for c in claims:
        if not c.assets:
            c.assets = [dataclasses.replace(only)]


def per_ship(claim: Claim, solo: set[str]) -> list[Claim]:
    """ "Both ships departed Baltiysk", "Sparta IV sailed in parallel with Mys Zhelaniya": when the article
    tells each of these vessels' movements on its own too, a movement told of several of them is each
    vessel's, and merges with what else the text says of it. Ships only ever named together ("the Baltic
    Leader and the Patria arrived") stay one convoy."""
    ships = [a for a in claim.assets if a.ship_name]
    if len(ships) < 2 or sum(a.label in solo for a in ships) < 2:
        return [claim]
    out = []
    for ship in ships:
        part = claim.copy(assets=[dataclasses.replace(ship)], min_count=None, max_count=None, count_text="")
        out.append(part)
    return out


# "Immatriculé RA-76370, cet avion de transport appartient à la société russe de fret aérien Abakan Air",
# "The aircraft is operated by Sapsan Airlines", "Самолёт принадлежит авиакомпании ...": who flies it
_BELONGS = re.compile(
    r"\b(?:belongs?\s+to|belonging\s+to|(?:is|was)\s+(?:operated|owned)\s+by|operated\s+by|appartient\s+à|appartenant\s+à|"
    r"(?:est\s+)?(?:exploité|opéré)e?\s+par|принадлеж\w+|эксплуатир\w+)|(?:تابعة|مملوكة)\s+ل",
    re.I,
)


def carrier_operator(sentences: list[Sentence], per_sentence: list[list[Claim]]) -> None:
    """A sentence with no movement that says whose the carrier just named is ("this plane belongs to the
    Russian cargo company Abakan Air") names the operator of the movement told before it: a company flying
    it is the actor, more specific than the state its nationality names."""
    last: list[Claim] = []
    for sent, made in zip(sentences, per_sentence, strict=True):
        if any(c.origin or c.destination or c.via or c.possible for c in made):
            last = made
            continue
        if (
            not last
            or not _BELONGS.search(sent.text)
            or not (_ANAPHOR.search(sent.text) or _DEMONSTRATIVE.search(sent.text))
        ):
            continue
        aircraft = [c for c in last if c.domain in (None, "air")]
        owning = owning_companies(sent.text)
        if len(owning) == 1:  # "cet appareil appartient à la société X": its owner, not its mover (rule 8)
            for c in aircraft:
                c.owner = c.owner or owning[0]
            continue
        ops = operators(sent.text)
        if len(ops) != 1:
            continue
        name = ops[0][2]
        for c in aircraft:
            if c.actor is None or c.actor_countries:
                c.actor, c.actor_countries, c.actor_operators = name, (), (name.lower(),)


_DEMONSTRATIVE = re.compile(
    r"\b(?:cet|ce|cette|this|that|этот|эта|это)\s+(?:\w+\s+){0,2}?(?:avion|appareil|aircraft|plane|самол[её]т|борт)",
    re.I,
)
