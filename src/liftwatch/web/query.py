"""The dashboard's URL state: query parameters <-> :class:`~liftwatch.filters.FlightFilter`.

The filter bar is a plain GET form, so every view is a URL that can be shared and reloaded. Parsing is
delegated to the library (``FlightFilter.from_options`` resolves places through ``kb.resolve_place``); this
module only maps parameter names and turns the library's errors into something a page can show next to the
field that caused it, with the candidate names.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any
from urllib.parse import urlencode

from liftwatch.analysis_scope import day_window
from liftwatch.errors import InvalidValueError, LiftwatchError, PlaceError
from liftwatch.filters import CLASSIFICATIONS, ENDINGS, FlightFilter
from liftwatch.web.payload import MAX_ZOOM

# URL parameter -> what it means; the order is the filter bar's order
FILTER_PARAMS = ("start", "end", "class", "country", "corridor", "site", "airframe", "ending")
DEFAULT_LIMIT = 2000
MAX_LIMIT = 5000
MAX_PAGE = 1_000_000
DEFAULT_ZOOM = 5.0
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


def _int(params: dict[str, str], name: str, default: int, lo: int, hi: int) -> int:
    """A paging value; one that is not a whole number in range is refused (it had been replaced by the default or
    clamped, silently, so ``limit=50000`` drew 5,000 flights as if that were all)."""
    raw = (params.get(name) or "").strip()
    if not raw:
        return default
    try:
        value: int | None = int(raw)
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        raise InvalidValueError(name, raw, (f"a whole number from {lo} to {hi:,}",))
    return value


def parse_zoom(raw: str | None) -> float:
    """The map zoom ``z`` the tracks are simplified for; empty is the map's opening zoom, anything but a number
    from 0 to :data:`MAX_ZOOM` is refused (it had been read as the default, silently)."""
    text = (raw or "").strip()
    if not text:
        return DEFAULT_ZOOM
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0.0 <= value <= MAX_ZOOM:  # NaN fails too
        raise InvalidValueError("z", text, (f"a number from 0 to {MAX_ZOOM:g}",))
    return value


def filter_error(exc: InvalidValueError) -> FilterError:
    """The library's refusal of a value, named by its URL parameter, with the allowed values as candidates."""
    name = {"classification": "class", "asset": "airframe"}.get(exc.name, exc.name)
    return FilterError(name, str(exc), list(exc.allowed))


def parse_view(params: dict[str, str]) -> ViewState:
    """Query parameters -> a validated filter (or the first error), page and page size."""
    values = {k: params.get(k, "").strip() for k in FILTER_PARAMS}
    state = ViewState(values, None, None)
    try:
        state.page = _int(params, "page", 0, 0, MAX_PAGE)
        state.limit = _int(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        if state.page:
            values["page"] = str(state.page)
        state.filter = build_filter(values)
    except PlaceError as exc:
        state.error = FilterError(_place_field(values, exc.text), str(exc), list(exc.candidates))
    except InvalidValueError as exc:
        state.error = filter_error(exc)
    except LiftwatchError as exc:
        state.error = FilterError("", str(exc))
    return state


def build_filter(values: dict[str, str]) -> FlightFilter:
    """The library filter for these (non-empty) values; raises the library's errors unchanged."""
    classes = tuple(c for c in values.get("class", "").replace(" ", "").split(",") if c)
    if any(c == "military+state" for c in classes):
        classes = (*(c for c in classes if c != "military+state"), "military", "state")
    start, end = values.get("start") or None, values.get("end") or None
    if start and end and _DAY.fullmatch(start) and _DAY.fullmatch(end):
        day_window(start, end)  # a "to" day before the "from" day: the analysis's own error
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
    _, after = day_window(None, end)  # the analysis's own inclusive last day; a date that does not exist is refused
    assert after is not None
    return datetime.combine(after, time(), tzinfo=UTC)


def _place_field(values: dict[str, str], text: str) -> str:
    if values.get("site") and values["site"].strip() == text.strip():
        return "site"
    return "corridor"


CLASS_CHOICES = ("", "military+state", *CLASSIFICATIONS)
ENDING_CHOICES = ("", *ENDINGS)
