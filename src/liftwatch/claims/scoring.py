"""How one extracted claim is compared with one gold annotation: the fields each fills, whether a field is
right, and which extracted claim goes with which gold claim.

These rules are the specification of a right extraction (``docs/accuracy.md`` states them for a reader);
:mod:`liftwatch.claims.evaluate` applies them to a corpus.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache
from typing import Any, TypeVar

from liftwatch.claims.model import Claim, Place
from liftwatch.claims.place_names import COUNTRIES
from liftwatch.claims.places import norm_key
from liftwatch.claims.types import find_types
from liftwatch.claims.water import WATER_NOTE
from liftwatch.kb.cities import cities_named
from liftwatch.kb.companies import company
from liftwatch.kb.ru_forms import ru_variants
from liftwatch.kb.types import aircraft_type

FIELDS = ("actor", "assets", "owner", "origin", "via", "destination", "possible", "window", "count", "rate", "dark")
_GENERIC = {"aircraft", "ship", "cargo aircraft", "cargo ship"}
L = TypeVar("L")
R = TypeVar("R")


# The carrier classes of the annotation conventions (``tests/data/articles/README.md``: "a class (cargo aircraft,
# aircraft, fighter jets, ship, landing ship) when nothing more specific is said") and the everyday words
# annotators write for them. Two annotators of the same text part most on carriers by such synonyms ("military
# aircraft" or "aircraft", "warship" or "ship", "transport aircraft" or "cargo aircraft"; ``docs/accuracy.md``,
# *Annotator agreement*), so both sides are read in the conventions' classes. A word that says more than a
# class (corvette, destroyer, submarine, tug, tanker, dhow) keeps its own key.
_CLASS_OF = {
    "aircraft": (
        "military aircraft", "plane", "planes", "military plane", "military planes", "avion", "avions",
        "appareil", "appareils", "chartered plane", "chartered flight", "airplane", "airplanes",
    ),
    "cargo aircraft": (
        "transport aircraft", "military transport aircraft", "military transport plane", "military transport planes",
        "military cargo aircraft", "cargo plane", "cargo planes", "avion cargo", "avions cargo", "avions-cargos",
        "avion-cargo", "transport plane", "transport planes", "military cargo plane", "military cargo planes",
    ),
    "fighter jets": ("fighter jet", "fighter aircraft", "warplane", "warplanes", "avions de chasse", "combat aircraft"),
    "ship": (
        "warship", "warships", "vessel", "vessels", "boat", "boats", "navire", "navires", "bateau", "bateaux",
        "embarcation", "embarcations", "military ship", "naval vessel", "naval vessels", "ships",
    ),
    "cargo ship": ("cargo vessel", "military cargo ship", "supply ship", "cargo ships", "freighter"),
    "tanker": ("tankers",),
}  # fmt: skip


def name_key(name: str) -> str:
    """An actor's or owner's comparison key: the kb company it names, whatever its script ("Оборонлогистика",
    "أوبورون لوجيستيكا" and "Oboronlogistika" are one), or its normalised name."""
    found = company(name)
    return f"company:{found.id}" if found is not None else norm_key(name)


def same_owner(got: str, want: str, *, either_way: bool = False) -> bool:
    """Whether an owner written ``got`` names the owner ``want``: the same kb company in any script where both are
    companies the kb knows, else a name that holds ``want``'s (an extraction may keep a gloss: "Oboronlogistika
    (Russian MoD)"); ``either_way`` lets either hold the other, for two annotations neither of which is the
    reference."""
    a, b = company(got), company(want)
    if a is not None and b is not None:
        return a.id == b.id
    x, y = norm_key(got), norm_key(want)
    return bool(x and y and (y in x or (either_way and x in y)))


def _squash(label: str) -> str:
    return re.sub(r"[\s\-]+", "", label.lower())


_CLASS_KEY = {_squash(w): _squash(cls) for cls, words in _CLASS_OF.items() for w in words}


@cache
def asset_key(label: str) -> str:
    """A carrier as compared: a label that is one kb aircraft type in any spelling or variant is that type's
    designator ("Il-76MD", "Ил-76" and "Il-76" are ``type:IL76``; "Airbus A330" and "A330" one type), since the kb's
    designator is what the evidence matches flights by and a variant suffix names no other movement; otherwise
    case, spaces and hyphens dropped, and a class word in the conventions' class ("military aircraft" is
    "aircraft")."""
    found = find_types(label)
    # one type, or one type and its popular name, which the kb reads as the same type ("C-130 Hercules")
    if found and len({kind.type_code for _, _, kind in found}) == 1:
        start, end, kind = found[0]
        if label[:start].strip() in ("", kind.maker) and _names_the_type(label[end:], kind.type_code):
            return f"type:{kind.type_code}"
    key = _squash(label)
    return _CLASS_KEY.get(key, key)


def _names_the_type(rest: str, type_code: str) -> bool:
    """Whether what follows a type's designation in a label still names only that type: nothing, or the popular
    or reporting name its kb row gives ("B-52H Stratofortress", "C-17A Globemaster III", "KC-46 Pegasus", "A330
    MRTT"), as annotators copy it from the text. A word the row does not hold ("Il-76 and An-124") names more."""
    words = re.findall(r"\w+", _plain(rest))
    return not words or set(words) <= _row_words(type_code)


@cache
def _row_words(type_code: str) -> frozenset[str]:
    """The words of a kb aircraft type's name and aliases, lower-cased and without accents."""
    row = aircraft_type(type_code)
    if row is None:
        return frozenset()
    aliases = row["aliases"] if isinstance(row["aliases"], list) else []
    return frozenset(w for text in (row["name"], *aliases) for w in re.findall(r"\w+", _plain(str(text))))


def _plain(text: str) -> str:
    """Lower case without accents: annotators write "Phenix" for the kb's "Phénix"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


_COUNTRY_BY_KEY = {norm_key(k): v for k, v in COUNTRIES.items()}


@cache
def _city_key(text: str) -> str | None:
    """``city:<name>`` of the kb city ``text`` names in any language or case form ("Триполи", "طرابلس",
    "Téhéran"): the gold keys a city by its English name, and a text in English already yields it as written."""
    for variant in ru_variants(norm_key(text)):
        found = cities_named(variant)
        if found:
            return f"city:{norm_key(found[0].name)}"
    return None


def place_keys(p: Place) -> set[str]:
    """Every key a gold annotation may use for this extracted place."""
    keys = {f"city:{norm_key(p.text)}"}
    city = _city_key(p.text)
    if city is not None:
        keys.add(city)
    if p.kind == "unknown" or p.note.startswith(WATER_NOTE):  # gold written before the kb had seas: as written
        keys.add(f"unknown:{norm_key(p.text)}")
    if p.id:
        keys.add(p.id)
    if p.kind == "site":
        keys |= set(p.site_ids)  # a port stands for its whole harbour (Tartus naval facility and port)
    country = _COUNTRY_BY_KEY.get(norm_key(p.text))
    if country:
        keys.add(f"country:{country}")
    if p.note.startswith("country "):
        keys.add(f"country:{p.note.split()[1].rstrip(':')}")
    return keys


def _places_right(pred: list[Place], gold: list[str]) -> bool:
    if len(pred) != len(gold):
        return False
    want = {norm_key(g) if g.startswith(("unknown:", "city:")) else g for g in gold}
    want = {g if not g.startswith(("unknown", "city")) else g.replace(" ", " ") for g in want}
    got = [place_keys(p) for p in pred]
    return all(any(gold_key(g) in k for k in got) for g in gold) and all(
        any(gold_key(g) in k for g in gold) for k in got
    )


def gold_key(g: str) -> str:
    if g.startswith(("unknown:", "city:")):
        kind, name = g.split(":", 1)
        return f"{kind}:{norm_key(name)}"
    return g


def assets_of(c: Claim) -> set[str]:
    keys = {asset_key(a.ship_name.title() if a.ship_name else a.label) for a in c.assets}
    specific = keys - {asset_key(g) for g in _GENERIC}
    return specific or keys


def count_of(c: Claim) -> tuple[int | None, int | None] | None:
    if c.min_count is None and c.max_count is None:
        return None
    if not c.count_text:
        return None  # an implied count ("a plane" -> 1) is not a count the text gave
    return (c.min_count, c.max_count)


def dark_of(c: Claim) -> bool:
    return bool({"transponders off", "ceased location-sharing"} & set(c.hints))


# A window the extractor *claims*: dated from the claim's sentence or article, or "no date in the text", which says
# the movement happened before the report — what the gold writes as ``["", <publication day>]`` (an undated past
# movement, rule 4 of the corpus). The hull of an article's other dates ("search range") is where to look, not a
# claimed time, so it counts as no window.
_CLAIMED_WINDOW = ("sentence", "article", "no date in the text:")


def window_claimed(c: Claim) -> bool:
    return c.window is not None and c.window_source.startswith(_CLAIMED_WINDOW)


def _window_right(c: Claim, gold: list[str]) -> bool:
    if c.window is None or not window_claimed(c):
        return False
    gs = date.fromisoformat(gold[0]) if gold[0] else None
    ge = date.fromisoformat(gold[1]) if len(gold) > 1 and gold[1] else None
    ok_s = gs is None or abs((c.window[0] - gs).days) <= 1
    ok_e = ge is None or abs((c.window[1] - ge).days) <= 1
    return ok_s and ok_e


def predicted_fields(c: Claim) -> dict[str, bool]:
    """Which fields the extractor filled for a claim."""
    return {
        "actor": c.actor is not None,
        "assets": bool(c.assets),
        "owner": c.owner is not None,
        "origin": bool(c.origin),
        "via": bool(c.via),
        "destination": bool(c.destination),
        "possible": bool(c.possible),
        "window": window_claimed(c),
        "count": count_of(c) is not None,
        "rate": c.rate_per_day is not None or c.rate_per_day_min is not None,
        "dark": dark_of(c),
    }


def gold_fields(g: dict[str, Any]) -> dict[str, bool]:
    return {
        "actor": "actor" in g,
        "assets": bool(g.get("assets")),
        "owner": "owner" in g,
        "origin": bool(g.get("origin")),
        "via": bool(g.get("via")),
        "destination": bool(g.get("destination")),
        "possible": bool(g.get("possible_destination")),
        "window": bool(g.get("window")),
        "count": "count_min" in g or "count_max" in g,
        "rate": "rate_per_day_max" in g or "rate_per_day_min" in g,
        "dark": bool(g.get("dark")),
    }


def field_right(c: Claim, g: dict[str, Any], f: str) -> bool:
    if f == "actor":
        return c.actor is not None and name_key(c.actor) == name_key(g["actor"])
    if f == "assets":
        return assets_of(c) == {asset_key(a) for a in g["assets"]}
    if f == "owner":
        return c.owner is not None and same_owner(c.owner, g["owner"])
    if f in ("origin", "via", "destination"):
        return _places_right(getattr(c, f), g[f])
    if f == "possible":
        return _places_right(c.possible, g["possible_destination"])
    if f == "window":
        return _window_right(c, g["window"])
    if f == "count":
        return count_of(c) == (g.get("count_min"), g.get("count_max"))
    if f == "rate":
        return (c.rate_per_day_min, c.rate_per_day) == (g.get("rate_per_day_min"), g.get("rate_per_day_max"))
    if f == "dark":
        return dark_of(c)
    raise ValueError(f)


def _affinity(c: Claim, g: dict[str, Any]) -> float:
    score = 0.0
    for role, key in (
        ("origin", "origin"),
        ("destination", "destination"),
        ("via", "via"),
        ("possible", "possible_destination"),
    ):
        got = [place_keys(p) for p in getattr(c, role)]
        score += 2 * sum(1 for k in g.get(key, []) if any(gold_key(k) in s for s in got))
    score += sum(1 for a in g.get("assets", []) if asset_key(a) in assets_of(c))
    score += 0.5 * (c.actor is not None and "actor" in g and name_key(c.actor) == name_key(g["actor"]))
    score += 0.5 * ("count_min" in g and c.min_count == g.get("count_min"))
    return score


def pair_by(
    left: Sequence[L], right: Sequence[R], affinity: Callable[[L, R], float]
) -> list[tuple[L | None, R | None]]:
    """Greedy one-to-one pairing by ``affinity``, highest first; a lone item on each side always pairs. Shared
    by the extractor's scoring and the agreement of two annotations, so both pair movements the same way."""
    cands = sorted(
        ((affinity(a, b), i, j) for i, a in enumerate(left) for j, b in enumerate(right)), key=lambda x: -x[0]
    )
    used_l: set[int] = set()
    used_r: set[int] = set()
    out: list[tuple[L | None, R | None]] = []
    for score, i, j in cands:
        if i in used_l or j in used_r or (score <= 0 and not (len(left) == len(right) == 1)):
            continue
        used_l.add(i)
        used_r.add(j)
        out.append((left[i], right[j]))
    out += [(a, None) for i, a in enumerate(left) if i not in used_l]
    out += [(None, b) for j, b in enumerate(right) if j not in used_r]
    return out


def pair(claims: list[Claim], gold: list[dict[str, Any]]) -> list[tuple[Claim | None, dict[str, Any] | None]]:
    """Each extracted claim with the gold claim it shares most with (:func:`pair_by`)."""
    return pair_by(claims, gold, _affinity)
