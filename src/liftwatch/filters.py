"""Which flights: one typed filter for the CLI, the notebook API, the report and the web dashboard.

The values an analyst can choose from are closed sets (``ending``, ``classification``, ``domain``), typed as
``Literal`` so a type checker catches a typo, and checked at run time (case is forgiven: ``"Dark"`` is
``"dark"``), so ``ending="gone"`` is an error that lists the allowed values rather than an empty answer. A
country is an ISO 3166 alpha-2 code or a country's name in any form the knowledge base knows (``"Russia"`` is
``RU``): the table holds codes, so a name must not silently select nothing. A time window that ends before it
starts is an error, not an empty or one-flight answer. Place names go through
:func:`liftwatch.kb.resolve_endpoint` (a sea is no origin); the filter becomes one parameterised ``WHERE`` clause over the
``flights`` table, so only matching rows leave DuckDB.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any, Literal, get_args

from liftwatch.errors import InvalidValueError, PlaceError
from liftwatch.kb.carriers import Carrier, named_as_town
from liftwatch.kb.countries import countries, resolve_country
from liftwatch.kb.endpoints import resolve_endpoint
from liftwatch.kb.harbours import same_harbour
from liftwatch.kb.places import PlaceRef

Ending = Literal["landed", "landed_unknown_site", "dark", "out_of_coverage", "data_end"]
Classification = Literal["military", "state", "civil", "unknown"]
Domain = Literal["air", "sea"]
ENDINGS: tuple[str, ...] = get_args(Ending)
CLASSIFICATIONS: tuple[str, ...] = get_args(Classification)
DOMAINS: tuple[str, ...] = get_args(Domain)
MILITARY: tuple[Classification, ...] = ("military", "state")

TimeLike = datetime | date | str


def _choice(name: str, value: str, allowed: tuple[str, ...]) -> str:
    v = value.strip().lower()
    if v not in allowed:
        raise InvalidValueError(name, value, allowed)
    return v


def as_utc(value: TimeLike, name: str) -> datetime:
    """A datetime in UTC from a datetime (naive = UTC), a date (midnight) or ISO text."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InvalidValueError(name, value, ("ISO date or time, e.g. 2024-12-14 or 2024-12-14T06:00Z",)) from None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(), tzinfo=UTC)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


COUNTRY_FORMS = ("an ISO 3166 alpha-2 code such as RU, US, TR", "a country name such as Russia")


def country_code(value: str) -> str:
    """``value`` as the ISO2 code the flights table stores: a code in any case ("ru") or a country's name
    ("Russia", "Россия"); anything else is an error saying what is allowed, never a filter matching nothing."""
    text = value.strip()
    if len(text) == 2 and text.isalpha() and text.upper() in countries():
        return text.upper()
    found = resolve_country(text)
    if found is None:
        raise InvalidValueError("country", value, COUNTRY_FORMS)
    return found.code


def check_window(start: datetime | None, end: datetime | None) -> None:
    """A window must end after it starts: reversed dates are a typing slip, not a question with an empty answer."""
    if start is not None and end is not None and end <= start:
        raise InvalidValueError("end", f"{end:%Y-%m-%d %H:%M}Z", (f"a time after start {start:%Y-%m-%d %H:%M}Z",))


def split_corridor(text: str) -> tuple[str | None, str | None]:
    """``"FROM:TO"`` -> (from, to); either side may be empty (``"hmeimim:"``) but not both."""
    a, sep, b = text.partition(":")
    if not sep or not (a.strip() or b.strip()):
        raise InvalidValueError("corridor", text, ("FROM:TO, each a site or region name; one side may be empty",))
    return (a.strip() or None, b.strip() or None)


@dataclass(frozen=True)
class FlightFilter:
    """Flights (or voyages) to select; every field optional, all given fields must hold.

    ``site`` matches either end; ``origin``/``destination`` one end each (a corridor). Times select flights
    active in ``[start, end)``. Values are normalised and validated on construction.
    """

    classification: Classification | tuple[Classification, ...] | None = None
    country: str | None = None
    site: str | None = None
    origin: str | None = None
    destination: str | None = None
    start: TimeLike | None = None
    end: TimeLike | None = None
    asset: str | None = None
    ending: Ending | None = None
    domain: Domain | None = None

    def __post_init__(self) -> None:
        if self.classification is not None:
            values = (self.classification,) if isinstance(self.classification, str) else self.classification
            checked = tuple(_choice("classification", v, CLASSIFICATIONS) for v in values)
            object.__setattr__(self, "classification", checked[0] if len(checked) == 1 else checked)
        if self.ending is not None:
            object.__setattr__(self, "ending", _choice("ending", self.ending, ENDINGS))
        if self.domain is not None:
            object.__setattr__(self, "domain", _choice("domain", self.domain, DOMAINS))
        if self.country is not None:
            object.__setattr__(self, "country", country_code(self.country))
        if self.asset is not None:
            object.__setattr__(self, "asset", self.asset.strip().lower())
        for name in ("start", "end"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, as_utc(value, name))
        check_window(self._time("start"), self._time("end"))
        for name in ("site", "origin", "destination"):
            value = getattr(self, name)
            if value is not None:
                resolve_endpoint(value, self._carrier)  # unknown or ambiguous names and seas fail here, with candidates

    def _time(self, name: str) -> datetime | None:
        value = getattr(self, name)
        return value if isinstance(value, datetime) else None

    @classmethod
    def from_options(cls, *, corridor: str | None = None, **fields: Any) -> FlightFilter:
        """The filter from command-line style options (``corridor="FROM:TO"``)."""
        if corridor:
            fields["origin"], fields["destination"] = split_corridor(corridor)
        return cls(**fields)

    def replace(self, **changes: Any) -> FlightFilter:
        """A copy with some fields changed (how :class:`~liftwatch.flights.Flights` chains)."""
        return dataclasses.replace(self, **changes)

    @property
    def _carrier(self) -> Carrier | None:
        """Who uses the places named: the flights' domain, when the filter keeps one (a voyage's "Tobruk" is the
        port, a flight's the airfield); None reads a name as the kb does for either, then widens it
        (:func:`_either`)."""
        return "air" if self.domain == "air" else "sea" if self.domain == "sea" else None

    def places(self) -> dict[str, PlaceRef]:
        """The resolved places of ``site``/``origin``/``destination``.

        For voyages a port stands for its harbour (:func:`liftwatch.kb.harbours.same_harbour`): a call is assigned
        to the nearer of Tartus's naval base and its commercial port, 2 km apart, and "Tartus" means both. With no
        domain a town's name stands for what each kind of carrier means by it (:func:`_either`).
        """
        out: dict[str, PlaceRef] = {}
        for n in ("site", "origin", "destination"):
            if (v := getattr(self, n)) is not None:
                ref = resolve_endpoint(v, self._carrier)
                if self.domain == "sea":
                    ref = dataclasses.replace(ref, site_ids=same_harbour(ref.site_ids))
                elif self.domain is None:
                    ref = _either(v, ref)
                out[n] = ref
        return out

    @property
    def classifications(self) -> tuple[str, ...]:
        c = self.classification
        return () if c is None else ((c,) if isinstance(c, str) else tuple(c))

    def where(self) -> tuple[str | None, list[Any]]:
        """SQL ``WHERE`` clause (without the keyword) and its parameters for the ``flights`` table."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.classifications:
            clauses.append("classification IN (SELECT unnest(?))")
            params.append(list(self.classifications))
        if self.country:
            clauses.append("upper(country) = ?")
            params.append(self.country)
        if self.asset:
            clauses.append("asset_id = ?")
            params.append(self.asset)
        if self.ending:
            clauses.append("ending = ?")
            params.append(self.ending)
        if self.domain:
            clauses.append("domain = ?")
            params.append(self.domain)
        places = self.places()
        if "site" in places:
            ids = list(places["site"].site_ids)
            clauses.append("(dep_site IN (SELECT unnest(?)) OR arr_site IN (SELECT unnest(?)))")
            params += [ids, ids]
        if "origin" in places:
            clauses.append("dep_site IN (SELECT unnest(?))")
            params.append(list(places["origin"].site_ids))
        if "destination" in places:
            clauses.append("arr_site IN (SELECT unnest(?))")
            params.append(list(places["destination"].site_ids))
        if self.start is not None:
            clauses.append("last_ts >= ?")
            params.append(self.start)
        if self.end is not None:
            clauses.append("first_ts < ?")
            params.append(self.end)
        return (" AND ".join(clauses) or None), params

    def describe(self) -> str:
        """Human wording of the filter ("military, hmeimim -> eastern Libya, dark")."""
        parts: list[str] = []
        if self.classifications:
            parts.append("/".join(self.classifications))
        if self.domain:
            parts.append(self.domain)
        if self.origin or self.destination:
            parts.append(f"{self.origin or 'anywhere'} → {self.destination or 'anywhere'}")
        if self.site:
            parts.append(f"at {self.site}")
        for name in ("country", "asset", "ending"):
            if (v := getattr(self, name)) is not None:
                parts.append(f"{name} {v}")
        if self.start is not None or self.end is not None:
            parts.append(f"{_day(self.start)} to {_day(self.end)}")
        return ", ".join(parts) or "all"


def _day(value: object) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, datetime) else "…"


def validate_choice(name: str, value: str, allowed: Sequence[str]) -> str:
    """One option value checked against its allowed set (for options outside :class:`FlightFilter`)."""
    return _choice(name, value, tuple(allowed))


def _either(text: str, ref: PlaceRef) -> PlaceRef:
    """``ref`` (the kb's reading of ``text`` for no carrier) with the sites an aircraft and a ship each mean by the
    name: "Tobruk" for flights and voyages together is the air base and the port's harbour, "Latakia" Hmeimim and the
    port. Reading the kb's one answer would select the flights to Tobruk and silently none of the voyages. A name one
    carrier cannot use ("Tartus" for an aircraft) adds nothing for it, nor does a site's own name the other kind's
    site was only swapped from ("Hmeimim", "Tobruk port": :func:`~liftwatch.kb.carriers.named_as_town`)."""
    ids = list(ref.site_ids)
    carriers: tuple[Carrier, ...] = ("air", "sea")
    for carrier in carriers:
        try:
            own = resolve_endpoint(text, carrier)
        except PlaceError:
            continue
        if own.kind == ref.kind == "site" and own.id != ref.id and not named_as_town(text, own.id):
            continue  # "Hmeimim" names the air base, not the port of its town
        ids += same_harbour(own.site_ids) if carrier == "sea" else own.site_ids
    return dataclasses.replace(ref, site_ids=tuple(dict.fromkeys(ids)))
