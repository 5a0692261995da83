"""liftwatch knowledge base: sites, regions, aircraft types, address/MMSI countries, assets, watchlists.

Everything is bundled data (``liftwatch/data/kb``, each row with a ``source``) plus loaders that parse it once,
lazily, and cache it. The public API is the one other modules code against (see ``docs/knowledge-base.md``).
"""

from __future__ import annotations

from liftwatch.kb.assets import (
    Classification,
    callsign_patterns,
    classify,
    classify_frame,
    known_assets,
    registration_patterns,
)
from liftwatch.kb.companies import Company, companies, company
from liftwatch.kb.endpoints import resolve_endpoint
from liftwatch.kb.icao import (
    icao_block,
    icao_blocks,
    icao_countries,
    icao_country,
    icao_military_mask,
    mmsi_flag,
    mmsi_flags,
)
from liftwatch.kb.identifiers import AssetLookup, MalformedIdentifierError, identify, lookup_asset
from liftwatch.kb.lookup import nearest_sites, resolve_site, resolve_site_ids, search_sites
from liftwatch.kb.places import PlaceRef, place_candidates, resolve_place
from liftwatch.kb.ports import port_of
from liftwatch.kb.regions import (
    Region,
    points_in_region,
    region_of_point,
    region_of_site,
    regions,
    regions_of_points,
    resolve_region,
    sites_in_region,
)
from liftwatch.kb.sites import Control, Site, controller_at, site, sites
from liftwatch.kb.types import aircraft_type, aircraft_types, ship_classes
from liftwatch.kb.watchlist import Rule, Watchlist, example_watchlist_path, load_watchlist

__all__ = [
    "AssetLookup",
    "Classification",
    "Company",
    "Control",
    "MalformedIdentifierError",
    "PlaceRef",
    "Region",
    "Rule",
    "Site",
    "Watchlist",
    "aircraft_type",
    "aircraft_types",
    "callsign_patterns",
    "classify",
    "classify_frame",
    "companies",
    "company",
    "controller_at",
    "example_watchlist_path",
    "icao_block",
    "icao_blocks",
    "icao_countries",
    "icao_country",
    "icao_military_mask",
    "identify",
    "known_assets",
    "load_watchlist",
    "lookup_asset",
    "mmsi_flag",
    "mmsi_flags",
    "nearest_sites",
    "place_candidates",
    "points_in_region",
    "port_of",
    "region_of_point",
    "region_of_site",
    "regions",
    "regions_of_points",
    "registration_patterns",
    "resolve_endpoint",
    "resolve_place",
    "resolve_region",
    "resolve_site",
    "resolve_site_ids",
    "search_sites",
    "ship_classes",
    "site",
    "sites",
    "sites_in_region",
]
