"""Several states' carriers in one mission: one claim per state, with its own count and carrier.

Joint operations are reported as a roster: "un C-130 français et quatre avions jordaniens du même type", "three
C-130Js of the US Air Force with two Jordanian C-130s", "два американских C-130 и три иорданских", "3 طائرات
تابعة لسلاح الجو الملكي الأردني و2 طائرات مصرية". Each state's contingent is a movement of its own (the state
the actor, its number of carriers the count), not one claim of the whole group under whichever state was named
first. A contingent is a list item that names a state by an adjective of nationality or by its forces, with a
number before it or a force behind it; an item with a number and a nationality but no carrier ("trois
américains", "one from ...") flies the carrier of the item before it, as does one "of the same type".

A roster is read only in a sentence about a joint flight (a mission or operation, an airdrop, an air delivery):
elsewhere a number beside a nationality counts other things as often as a contingent.

A roster also makes its sentence a movement when it says the carriers took part in a mission or operation
("ont participé à une mission", "took part in the operation", "участвовали в операции", "شاركت في عملية"):
the carriers listed are what flew it. Rules, for the reason the sentence reader gives: these few shapes are
how joint missions are reported, and no offline parser tells a contingent from a nationality in passing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from liftwatch.claims.ar_words import AR_WORD_END, AR_WORD_START
from liftwatch.claims.assets import find_assets
from liftwatch.claims.counts import number_value
from liftwatch.claims.cues import AIRDROP
from liftwatch.claims.known_movers import state_forces, state_mover, state_table
from liftwatch.claims.lexicon import ACTORS, Actor
from liftwatch.claims.model import AssetRef, Claim
from liftwatch.kb._text import norm_key
from liftwatch.kb.nationalities import arabic_adjectives, nationality_adjectives, russian_stems

# a number of carriers: digits (Latin or Arabic-Indic) or a number word of the four languages
_NUMBER = (
    r"(?P<n>\d{1,3}|[٠-٩]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|un|une|deux|trois|quatre|"
    r"cinq|six|sept|huit|neuf|dix|один|одна|одно|два|две|двух|двумя|три|трёх|трех|тремя|четыре|четырёх|пять|"
    r"واحدة|اثنتين|اثنين|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة)"
)
# where one item of the roster ends and the next starts: a comma, a colon, brackets, "and" in each language
_ITEM_GAP = re.compile(r"\s*[,;:()،]\s*|\s+(?:and|et|ainsi\s+que|и|а\s+также|with|avec|с)\s+|\s+و(?=\s*\S)", re.I)
# a participation in a mission or operation: the sentence tells a movement when it lists the carriers that flew it
MISSION = re.compile(
    r"\b(?:missions?|opérations?|operations?|particip\w+|took\s+part|taking\s+part|dispositif|"
    rf"миссии|миссию|операци\w+|участв\w+|участи\w+)\b|{AR_WORD_START}[وف]?(?:شارك\w*|بمشاركة|مشارك\w*|عملي\w+)",
    re.I,
)
# where several states' carriers fly one mission: a mission or operation, an airdrop, an air delivery ("a second
# air delivery", "une livraison par air", "воздушную доставку"); elsewhere nationalities beside numbers list
# other things as often as contingents (a count of the carriers of one state and a receiver's, an escort's)
JOINT = re.compile(
    rf"{MISSION.pattern}|{AIRDROP}|\b(?:air\s+deliver\w*|livraisons?\s+par\s+(?:air|voie\s+aérienne)|"
    r"воздушн\w+\s+доставк\w+)",
    re.I,
)
# "du même type", "of the same type", "того же типа", "من الطراز نفسه": the item's carrier is the one before
_SAME_TYPE = re.compile(
    r"\b(?:du\s+même\s+type|of\s+the\s+same\s+type|того\s+же\s+типа)\b|(?:من\s+)?(?:نفس\s+الطراز|الطراز\s+نفسه)", re.I
)
_RU_ADJ_END = r"(?:ий|ый|ая|ое|ие|ые|ого|ой|их|ых|ими|ыми|ую|ом|ому)"
_AR_ADJ_END = r"(?:ة|ان|تان|ين|تين|ات)?"


@dataclass(frozen=True)
class Contingent:
    """One state's part of a roster: its item's span, the state, its number of carriers and its carrier."""

    start: int
    end: int
    actor: Actor
    count: int | None
    count_text: str
    asset: AssetRef | None


@cache
def _adjectives() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for the adjectives of nationality of every state the movers know (``kb.nationalities``:
    English demonyms and French forms, Russian stems, Arabic adjectives formed from the names), and the matched
    form -> ISO2. An adjective several of those states share is the most populous one's ("Dominican" is the
    Dominican Republic's)."""
    _, _, english, _ = state_table()
    forms = {form: iso for form, (iso, _) in nationality_adjectives(english).items()}
    ru = russian_stems(english)
    ar: dict[str, str] = {}
    for nisba, iso in arabic_adjectives(english).items():
        if re.fullmatch(r"[\u0600-\u06FF]+ي", key := norm_key(nisba)):
            ar.setdefault(key, iso)
    lookup = {norm_key(k): v for k, v in (*forms.items(), *ru.items(), *ar.items())}
    alt = "|".join
    latin = alt(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    cyr = alt(re.escape(s) for s in sorted(ru, key=len, reverse=True))
    arab = alt(re.escape(s) for s in sorted(ar, key=len, reverse=True))
    pattern = re.compile(
        rf"(?<![\w-])(?P<lat>{latin})(?![\w-])|(?<![\w-])(?P<ru>{cyr}){_RU_ADJ_END}(?![\w-])"
        rf"|{AR_WORD_START}[وف]?(?:ال)?(?P<ar>{arab}){_AR_ADJ_END}{AR_WORD_END}",
        re.I,
    )
    return pattern, lookup


def _state_actor(iso: str) -> Actor:
    return state_mover(iso, state_table()[2][iso])


def _items(text: str) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _ITEM_GAP.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if text[cuts[i] : cuts[i + 1]].strip()]


_NUMBER_RX = re.compile(rf"(?<![\w-])(?<!\d\s)(?<!\d\u00a0)(?<!\d\u202f){_NUMBER}(?=\s)", re.I)


# a number that counts no carriers: a day before its month, a quantity before its unit ("5 марта", "7 tonnes")
_NOT_CARRIERS = re.compile(
    r"\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|"
    r"nov|dec)\.|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|"
    r"tonnes?|tons?|тонн\w*|colis|rations?|meals|packages|bundles|palettes?|pallets?|"
    r"يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر|طن|أطنان)(?![\w-])",
    re.I,
)
# a force named as who coordinates, not who flies: "en coordination avec l'armée de l'air jordanienne", "в
# координации с ВВС Иордании", "in coordination with", "بالتنسيق مع"
_COORDINATES = re.compile(
    r"(?:coordination\s+(?:avec|with)|координации\s+с|بالتنسيق\s+مع|in\s+cooperation\s+with)\s+(?:\S+\s+){0,2}$", re.I
)
# a force with no number of its own flies in the mission when it flies beside the counted carriers: "aux côtés de
# l'armée de l'air jordanienne", "alongside the Egyptian Air Force", "вместе с ВВС Египта", "إلى جانب سلاح الجو"
_ALONGSIDE = re.compile(
    r"(?:aux\s+côtés|alongside|together\s+with|jointly\s+with|вместе\s+с|совместно\s+с|إلى\s+جانب|بمشاركة)"
    r"(?:\s+(?:de|du|des|d['’]|the|de\s+l['’])|\s+\S+){0,2}\s*$",
    re.I,
)


# a branch of the forces right before an adjective of nationality, a title between ("l'armée de l'Air royale
# jordanienne", "the Royal Jordanian Air Force" is the movers' own pattern, "سلاح الجو الملكي الأردني")
_BRANCH_BEFORE = re.compile(
    r"(?:armée\s+de\s+l['’]air(?:\s+et\s+de\s+l['’]espace)?|marine|aviation|forces\s+(?:aériennes|armées|navales)|"
    r"ВВС|ВМС|سلاح\s+الجو|القوات\s+الجوية|القوات\s+البحرية)(?:\s+\S+){0,2}?\s+$",
    re.I,
)


def _anchors(text: str, a: int, b: int, forces: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor, bool]]:
    """The states an item names, in order: (start, end, actor, named by its forces)."""
    pattern, lookup = _adjectives()
    out = [(s, e, act, True) for s, e, act in forces if a <= s and e <= b]
    for m in pattern.finditer(text, a, b):
        if m.start() > 0 and text[m.start() - 1] == "-":
            continue  # "franco-jordanienne": a joint team, not a contingent
        if any(s <= m.start() < e for s, e, _, _ in out):
            continue  # the adjective of a force already found ("l'armée de l'air jordanienne")
        iso = lookup.get(norm_key(m.group("lat") or m.group("ru") or m.group("ar") or ""))
        if iso is not None:
            branch = _BRANCH_BEFORE.search(text, max(a, m.start() - 40), m.start())
            out.append((branch.start() if branch else m.start(), m.end(), _state_actor(iso), branch is not None))
    # the hand-written movers' names ("l'US Air Force", "American", "Egyptian"), unless they are part of a state's
    # force found above ("سلاح الجو الملكي" before "الأردني" is Jordan's, not the RAF)
    for act in ACTORS:
        if act.kind != "state":
            continue
        for m in act.pattern.finditer(text, a, b):
            if any(not (m.end() <= s or m.start() >= e) for s, e, _, _ in out):
                continue
            if any(0 <= s - m.end() <= 2 for s, _, _, force in out if force):
                continue
            force = re.match(r"\s+(?:Air\s+Force|Navy|Army)\b", text[m.end() : m.end() + 12]) is not None
            out.append((m.start(), m.end(), act, force))
    return sorted(out, key=lambda x: x[0])


def _number_before(text: str, a: int, anchor: int) -> re.Match[str] | None:
    """The number nearest before a state's name in its segment, at most six words before it, that counts
    carriers (no day of a month, no tonnes)."""
    found = None
    for m in _NUMBER_RX.finditer(text, a, anchor):
        if not _NOT_CARRIERS.match(text, m.end()):
            found = m
    if found is None or len(text[found.end() : anchor].split()) > 6:
        return None
    return found


def contingents(text: str, assets: list[tuple[int, int, AssetRef]]) -> list[Contingent]:
    """The states' contingents a sentence lists, in text order; empty unless it lists two states or more.

    A contingent names a state by its forces ("the Royal Jordanian Air Force", "l'US Air Force", "ВВС
    Иордании", "سلاح الجو الملكي الأردني") or by an adjective of nationality with a number at most six words
    before it ("quatre avions jordaniens", "two Egyptian C-130s", "три иорданских", "3 طائرات مصرية"); a force
    that only coordinates ("in coordination with") flies nothing.
    """
    if not JOINT.search(text):
        return []
    forces = state_forces(text)
    out: list[Contingent] = []
    previous: AssetRef | None = None
    for a, b in _items(text):
        anchors = _anchors(text, a, b, forces)
        for i, (s, e, actor, force) in enumerate(anchors):
            lo = anchors[i - 1][1] if i else a
            hi = anchors[i + 1][0] if i + 1 < len(anchors) else b
            if force and _COORDINATES.search(text[max(0, s - 60) : s]):
                continue
            number = _number_before(text, lo, s)
            if number is None and not (force and _ALONGSIDE.search(text[max(0, s - 40) : s])):
                continue  # "l'armée soudanaise a accueilli", "la marine russe a envoyé": a host or the sender
            local = find_assets(text[lo:hi])
            asset = local[0][2] if local else None
            if not force and number is not None:
                # the number counts carriers: one stands between it and the state ("quatre avions jordaniens"),
                # or right after the state ("two Jordanian C-130s"), or the state follows the number alone
                # ("trois américains"); "d'un hôpital de campagne jordanien" counts none
                between = find_assets(text[number.start() : s])
                after = re.match(r"\s*(?:\S+\s+)?", text[e:hi])
                right_after = find_assets(text[e : e + (after.end() if after else 0) + 20])
                elliptic = not text[number.end() : s].strip()
                if not (between or (right_after and right_after[0][0] <= 12) or elliptic):
                    continue
            if previous is not None and number is not None and (asset is None or _SAME_TYPE.search(text[lo:hi])):
                asset = previous  # "trois américains", "quatre avions jordaniens du même type"
            previous = asset or previous
            count, count_text = None, ""
            if number is not None:
                word = number.group("n")
                value = number_value(word)
                if value > 0:
                    count, count_text = value, word
            out.append(Contingent(lo, hi, actor, count, count_text, asset))
    if len({c.actor.name for c in out}) < 2:
        return []
    return out


def split_roster(claim: Claim, roster: list[Contingent]) -> list[Claim]:
    """One claim per contingent: the state as actor, its number as the count (both bounds), its carrier as the
    asset (the claim's own carriers where the item names none and none came before)."""
    out = []
    for c in roster:
        part = claim.copy(assets=[c.asset] if c.asset is not None else list(claim.assets))
        part.actor, part.actor_countries, part.actor_operators = c.actor.name, c.actor.countries, c.actor.operators
        part.min_count = part.max_count = c.count
        part.count_text = c.count_text
        part.carriers = None
        part.contingent = True
        out.append(part)
    return out
