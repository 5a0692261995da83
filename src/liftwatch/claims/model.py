"""The shapes a claim check passes around: places, claimed movements, and the evidence found for them.

Plain dataclasses with ``to_dict`` so the same objects feed the terminal table, ``--json`` and the HTML
report without a second representation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from liftwatch.claims.timeparse import TimeSpan


@dataclass
class Place:
    """A place named in the text and what the knowledge base made of it.

    ``kind`` is ``site`` (one kb site), ``region`` (a kb region), ``controlled`` (the sites a force
    controlled at the time, e.g. "bases controlled by Haftar") or ``unknown`` (the kb has no such place:
    kept and reported, never dropped). ``site_ids`` is the set of kb sites a flight must touch to match.
    """

    text: str
    kind: str
    id: str | None
    name: str
    site_ids: tuple[str, ...] = ()
    region_ids: tuple[str, ...] = ()  # regions containing the place (most specific first), itself for a region
    site_kind: str | None = None  # air_base, naval_base, ... for sites
    note: str = ""  # how it was resolved ("alias", "fuzzy 0.91", "named elsewhere in the article", ...)
    qualifiers: list[str] = field(default_factory=list)  # "eastern Libya" in "Al-Khadim air base in eastern Libya"
    broader_site_ids: tuple[str, ...] = ()  # sites of the broader places folded into this one (partial matches)

    @property
    def known(self) -> bool:
        return self.kind != "unknown"

    def label(self) -> str:
        if self.kind == "unknown":
            return f"unknown place: {self.text}"
        q = f" ({', '.join(self.qualifiers)})" if self.qualifiers else ""
        return f"{self.name}{q}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "id": self.id,
            "name": self.name,
            "site_ids": list(self.site_ids),
            "region_ids": list(self.region_ids),
            "qualifiers": list(self.qualifiers),
            "broader_site_ids": list(self.broader_site_ids),
            "note": self.note,
        }


@dataclass
class AssetRef:
    """A carrier named in the text: a type (Il-76), a class ("cargo planes") or a named ship."""

    label: str
    domain: str
    type_codes: tuple[str, ...] = ()
    category: str | None = None
    ship_name: str | None = None
    text: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "domain": self.domain,
            "type_codes": list(self.type_codes),
            "category": self.category,
            "ship_name": self.ship_name,
            "text": self.text,
        }


@dataclass
class Claim:
    """One claimed movement, possibly merged from several sentences that describe the same thing."""

    claim_id: int
    sentences: list[str]
    actor: str | None = None
    actor_countries: tuple[str, ...] = ()
    actor_operators: tuple[str, ...] = ()
    actor_context: list[str] = field(default_factory=list)
    actor_carried: bool = False  # the actor comes from the sentence before (this one names none)
    assets: list[AssetRef] = field(default_factory=list)
    equipment: list[str] = field(default_factory=list)
    origin: list[Place] = field(default_factory=list)
    destination: list[Place] = field(default_factory=list)
    via: list[Place] = field(default_factory=list)
    times: list[TimeSpan] = field(default_factory=list)
    window: tuple[date, date] | None = None
    window_source: str = ""  # which words (or rule) set the window
    hints: list[str] = field(default_factory=list)
    min_count: int | None = None  # "at least 12 flights" -> 12; "multiple flights" -> 2
    max_count: int | None = None  # "five flights" -> 5; "up to 8 flights" -> 8; None: no upper bound given
    rate_per_day: float | None = None  # "up to eight flights per day" -> 8.0 (an upper bound on the daily rate)
    rate_per_day_min: float | None = None  # "more than one flight a day" -> 1.0 (a lower bound)
    count_text: str = ""  # the words the count or rate came from
    # the carriers a sentence with no count names one by one (its named ships, or one after "a"/"an"/"un":
    # "a Turkish cargo plane"): that many movements, which keeps it apart from a count it cannot be
    carriers: int | None = None
    owner: str | None = None  # a named vessel's owner / operator company ("owned by SC South")
    possible: list[Place] = field(default_factory=list)  # "possible options: ...": offered, not claimed arrivals
    sources: list[str] = field(default_factory=list)  # who reports it ("a Syrian official said"): never the actor
    # the dates of the sentence before, in the same paragraph, when this claim's sentence names none: a
    # narrative's undated sentence goes on with the last date given. Used only to keep dated legs apart.
    narrative_times: list[TimeSpan] = field(default_factory=list, repr=False)
    # one state's contingent of a mission several states flew (``roster.py``): a movement of its own even when
    # its sentence names no place, placed where the mission told before it goes
    contingent: bool = field(default=False, repr=False)
    # a named ship escorting the carriers of another claim (``escorts.py``): its own movement on their route
    escort: bool = field(default=False, repr=False)
    # the rank its sentence tells ("a second plane": 2, "the first": 1; ``ranked_arrivals.py``): claims of the
    # first carrier and of a later one are two movements
    rank: int | None = field(default=None, repr=False)

    def copy(self, **changes: Any) -> Claim:
        """A claim of its own (a leg split off, a return leg, one vessel of a convoy): every list copied, so
        nothing is shared with this one, then ``changes`` applied."""
        lists = {f.name: list(getattr(self, f.name)) for f in fields(self) if isinstance(getattr(self, f.name), list)}
        return replace(self, **{**lists, **changes})

    @property
    def domain(self) -> str | None:
        doms = {a.domain for a in self.assets}
        return doms.pop() if len(doms) == 1 else None

    @property
    def unknown_places(self) -> list[str]:
        return [p.text for p in self.origin + self.destination + self.via if not p.known]

    def summary(self) -> str:
        """One line: 'Russia cargo aircraft Hmeimim -> Al-Khadim'."""
        parts = [self.actor or "?", ", ".join(a.label for a in self.assets) or "movement"]
        route = " -> ".join(
            x
            for x in (
                " / ".join(p.label() for p in self.origin) or "?",
                ("via " + " / ".join(p.label() for p in self.via)) if self.via else "",
                " / ".join(p.label() for p in self.destination) or "?",
            )
            if x
        )
        return f"{' '.join(parts)}: {route}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "summary": self.summary(),
            "actor": self.actor,
            "actor_countries": list(self.actor_countries),
            "actor_carried": self.actor_carried,
            "actor_context": list(self.actor_context),
            "assets": [a.to_dict() for a in self.assets],
            "equipment": list(self.equipment),
            "origin": [p.to_dict() for p in self.origin],
            "destination": [p.to_dict() for p in self.destination],
            "via": [p.to_dict() for p in self.via],
            "window": [self.window[0].isoformat(), self.window[1].isoformat()] if self.window else None,
            "window_source": self.window_source,
            "times": [t.to_dict() for t in self.times],
            "hints": list(self.hints),
            "min_count": self.min_count,
            "max_count": self.max_count,
            "rate_per_day": self.rate_per_day,
            "rate_per_day_min": self.rate_per_day_min,
            "count_text": self.count_text,
            "owner": self.owner,
            "possible_destination": [p.to_dict() for p in self.possible],
            "sources": list(self.sources),
            "unknown_places": self.unknown_places,
            "sentences": list(self.sentences),
        }


@dataclass
class Extraction:
    """Everything read from one article."""

    claims: list[Claim]
    publication_date: date | None
    publication_source: str
    actors_mentioned: list[str]
    places_mentioned: list[Place]
    unknown_places: list[str]
    model: str  # "rules" or "rules+spacy:<model>"

    def to_dict(self) -> dict[str, Any]:
        return {
            "publication_date": self.publication_date.isoformat() if self.publication_date else None,
            "publication_source": self.publication_source,
            "actors_mentioned": list(self.actors_mentioned),
            "places_mentioned": [p.to_dict() for p in self.places_mentioned],
            "unknown_places": list(self.unknown_places),
            "model": self.model,
            "claims": [c.to_dict() for c in self.claims],
        }
