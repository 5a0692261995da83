"""Where a flight or voyage starts or ends: a place name as a filter's origin, destination or stop.

:func:`resolve_endpoint` is :func:`~liftwatch.kb.places.resolve_place` with what a filter needs on top: a sea,
gulf, strait or canal is refused with an error saying so (no flight or voyage starts or ends in water, and answering
with its coastal airfields would count "from the Red Sea" flights that took off from Jeddah), "Name, Country" picks
the country's site among a name's namesakes, and an unknown name in a filter of one kind of carrier lists the places
that carrier uses. Kept apart from the resolver's readings, which every layer shares, because only filters ask this.
"""

from __future__ import annotations

from dataclasses import replace

from liftwatch.errors import PlaceError
from liftwatch.kb.carriers import Carrier, check_carrier
from liftwatch.kb.countries import resolve_country
from liftwatch.kb.place_fuzzy import carrier_candidates
from liftwatch.kb.place_refs import PlaceRef, _site_ref
from liftwatch.kb.places import resolve_place
from liftwatch.kb.regions import regions
from liftwatch.kb.sites import site


def resolve_endpoint(text: str, carrier: Carrier | None = None) -> PlaceRef:
    """The place a flight or voyage starts or ends at, or passes (:func:`resolve_place`, ``carrier`` "air" or "sea"
    when the flights are of one kind: a ship's "Tobruk" is its port, an aircraft's its airfield), refusing water.

    A sea, gulf, strait or canal holds no airfield or port, so "flights from the Red Sea" can only mean flights
    from coastal airfields the user did not name, or nothing: the error says so and names what to use instead
    (a port or airfield on its shore, or the region as an area of AIS points, ``fetch --region``), rather than
    returning a silent empty or a silent choice of coast.
    """
    mode = check_carrier(carrier)
    try:
        ref = resolve_place(text, mode)
    except PlaceError as exc:
        if (in_country := _in_named_country(text, mode)) is not None:
            ref = in_country
        elif mode is None or exc.reason != "unknown":
            raise
        else:  # the user filters one kind of carrier: list the places it can start or end at
            raise PlaceError(text, "unknown", carrier_candidates(text, mode), exc.site_ids) from None
    region = regions().get(ref.id) if ref.kind == "region" else None
    if region is not None and region.is_water:
        raise WaterEndpointError(text, region.id)
    return ref


def _in_named_country(text: str, carrier: Carrier | None) -> PlaceRef | None:
    """ "Sydney, Australia", "Victoria, Seychelles": a name the kb holds in several countries, and after a comma the
    country meant, is that country's one site of the name (an error naming several countries asks for this), or
    None when the text has no such form, the country is unknown or it holds none or several of them."""
    head, sep, tail = text.rpartition(",")
    country = resolve_country(tail) if sep and head.strip() else None
    if country is None:
        return None
    readings: tuple[Carrier | None, ...] = (carrier,) if carrier else (None, "air", "sea")
    for mode in readings:  # no carrier: "Cartagena, Colombia" is the airport the name's ambiguity hid
        try:
            ref = resolve_place(head.strip(), mode)
        except PlaceError as exc:
            ids = [s for s in exc.site_ids if site(s).country == country.code]
            if len(ids) == 1:
                return _site_ref(text, ids[0], "alias")
            continue
        if ref.site_ids and all(site(s).country == country.code for s in ref.site_ids):
            return replace(ref, text=text)
    return None


class WaterEndpointError(PlaceError):
    """A sea, gulf, strait or canal named where a flight or voyage origin or destination is expected."""

    def __init__(self, text: str, region_id: str) -> None:
        region = regions()[region_id]
        super().__init__(text, "water", (f"{region.name} (region {region.id})",))
        self.region_id = region_id
        self.args = (
            f"{text!r} is the {region.kind} {region.name} (region {region.id}): no airfield or port lies in it, so it "
            "is no flight or voyage origin or destination: name a port or airfield on its shore; the points inside it "
            f"(AIS positions) are selected as an area (`liftwatch fetch --region {region.id}`)",
        )
