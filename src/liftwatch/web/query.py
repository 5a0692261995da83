"""The dashboard's URL state: query parameters <-> :class:`~liftwatch.filters.FlightFilter`.

The filter bar is a plain GET form, so every view is a URL that can be shared and reloaded. Parsing is
delegated to the library (``FlightFilter.from_options`` resolves places through ``kb.resolve_place``); this
module only maps parameter names and turns the library's errors into something a page can show next to the
field that caused it, with the candidate names.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from liftwatch.errors import InvalidValueError, LiftwatchError, PlaceError
from liftwatch.filters import CLASSIFICATIONS, ENDINGS, FlightFilter

# URL parameter -> what it means; the order is the filter bar's order
FILTER_PARAMS = ("start", "end", "class", "country", "corridor", "site", "airframe", "ending")
DEFAULT_LIMIT = 2000
MAX_LIMIT = 5000
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a bare date, as the filter bar's date pickers send


@dataclass
class FilterError:
    """Why a filter could not be applied: the field, the message and, for place names, the candidates."""

    field: str
    message: str
    candidates: list[str] = dataclasses.field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "error": self.message, "candidates": self.candidates}


@dataclass
class ViewState:
    """The parsed query string of a map/export view."""

    values: dict[str, str]
    filter: FlightFilter | None
    error: FilterError | None
    page: int = 0
    limit: int = DEFAULT_LIMIT

    @property
    def offset(self) -> int:
        return self.page * self.limit

    def query(self, **changes: str | int | None) -> str:
        """The query string of this view with some parameters changed (``None`` drops one)."""
        merged: dict[str, Any] = {k: v for k, v in self.values.items() if v}
        for k, v in changes.items():
            if v is None or v == "":
                merged.pop(k, None)
            else:
                merged[k] = v
        return urlencode(merged)


def _int(raw: str | None, default: int, lo: int, hi: int) -> int:
    try:
        value = int(raw) if raw not in (None, "") else default
    except ValueError:
        return default
    return max(lo, min(hi, value))


def parse_view(params: dict[str, str]) -> ViewState:
    """Query parameters -> a validated filter (or the first error), page and page size."""
    values = {k: params.get(k, "").strip() for k in FILTER_PARAMS}
    page = _int(params.get("page"), 0, 0, 1_000_000)
    limit = _int(params.get("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT)
    if page:
        values["page"] = str(page)
    state = ViewState(values, None, None, page, limit)
    try:
        state.filter = build_filter(values)
    except PlaceError as exc:
        state.error = FilterError(_place_field(values, exc.text), str(exc), list(exc.candidates))
    except InvalidValueError as exc:
        name = {"classification": "class", "asset": "airframe"}.get(exc.name, exc.name)
        state.error = FilterError(name, str(exc), list(exc.allowed))
    except LiftwatchError as exc:
        state.error = FilterError("", str(exc))
    return state


def build_filter(values: dict[str, str]) -> FlightFilter:
    """The library filter for these (non-empty) values; raises the library's errors unchanged."""
    classes = tuple(c for c in values.get("class", "").replace(" ", "").split(",") if c)
    if any(c == "military+state" for c in classes):
        classes = (*(c for c in classes if c != "military+state"), "military", "state")
    start, end = values.get("start") or None, values.get("end") or None
    if start and end and _DAY.fullmatch(start) and _DAY.fullmatch(end) and end < start:
        raise InvalidValueError("end", end, (f"a day on or after start {start}",))
    return FlightFilter.from_options(
        corridor=values.get("corridor") or None,
        classification=(classes[0] if len(classes) == 1 else classes) if classes else None,
        country=values.get("country") or None,
        site=values.get("site") or None,
        start=values.get("start") or None,
        end=_through_day(values.get("end") or None),
        asset=values.get("airframe") or None,
        ending=values.get("ending") or None,
    )


def _through_day(end: str | None) -> str | datetime | None:
    """The filter bar's "to" is a date picker, so a bare date means through that day (as on the corridors page and
    in ``report --to``): ``end=2024-12-20`` selects flights active before 2024-12-21 00:00Z. A time is taken as is."""
    if end is None or not _DAY.fullmatch(end.strip()):
        return end
    try:
        day = date.fromisoformat(end.strip())
    except ValueError:
        return end  # the library names what is allowed
    return datetime.combine(day + timedelta(days=1), time(), tzinfo=UTC)


def _place_field(values: dict[str, str], text: str) -> str:
    if values.get("site") and values["site"].strip() == text.strip():
        return "site"
    return "corridor"


CLASS_CHOICES = ("", "military+state", *CLASSIFICATIONS)
ENDING_CHOICES = ("", *ENDINGS)
