"""What a kb id becomes as a claim's :class:`~liftwatch.claims.model.Place`: the set of sites it stands for.

A claim is checked against flights and voyages by site, so every place a text names, whichever reading found
it, is turned into the sites it covers here: a port with the other berths of its harbour, a region with every
kb site in it, a city with its airfields and ports, a country the kb has no region for with the sites
registered there. Region phrases like "bases controlled by Haftar" become the set of sites that force
controlled on the date (``kb.controller_at``).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from types import ModuleType
from typing import Any

import numpy as np

from liftwatch import kb as kb_module
from liftwatch.claims.lexicon import Actor
from liftwatch.claims.model import Place
from liftwatch.claims.place_names import CITY_NAMES
from liftwatch.claims.textkey import norm_key
from liftwatch.kb.port_index import index_site, is_index_id
from liftwatch.kb.sites import AIR_KINDS, SEA_KINDS

_ICAO_ID = re.compile(r"^[A-Z0-9]{3,4}$")


class PlaceBuilder:
    """The kb's sites and regions, and the claim places built from their ids (the base of the gazetteer)."""

    def __init__(self, kb: ModuleType | Any | None = None) -> None:
        self.kb = kb if kb is not None else kb_module
        sites = self.kb.sites()
        self.sites = sites
        ids = sites["site_id"].to_list()
        if "curated" in sites.columns:  # the kb marks its hand-curated rows; else curated ids are slugs
            self.curated = sites.filter(sites["curated"].fill_null(False))["site_id"].to_list()
        else:
            self.curated = [s for s in ids if not _ICAO_ID.match(s)]
        self.curated_rows: dict[str, dict[str, Any]] = {
            r["site_id"]: r for r in sites.filter(sites["site_id"].is_in(self.curated)).iter_rows(named=True)
        }
        self.regions: dict[str, Any] = dict(self.kb.regions())
        self._region_sites: dict[str, tuple[str, ...]] = {}

    def site_place(self, site_id: str, text: str, note: str) -> Place:
        site = self.kb.site(site_id)
        regions = tuple(self.kb.region_of_site(site_id))
        return Place(text, "site", site_id, site.name, self.harbour(site), regions, site.kind, note)

    def harbour(self, site: Any) -> tuple[str, ...]:
        """A port or naval base and the other berths of the same harbour (within 5 km).

        Tartus naval facility and Tartus commercial port are 2 km apart; a voyage's call is assigned to the
        nearer berth, so a claim naming either must accept both.
        """
        if site.kind not in SEA_KINDS:
            return (site.site_id,)
        near = [
            s.site_id
            for s, _ in self.kb.nearest_sites(site.lat, site.lon, radius_km=5.0, limit=10)
            if s.kind in SEA_KINDS
        ]
        return tuple(dict.fromkeys([site.site_id, *near]))

    def region_place(self, region_id: str, text: str, note: str) -> Place:
        reg = self.regions[region_id]
        return Place(text, "region", region_id, reg.name, self.region_sites(region_id), (region_id,), None, note)

    def region_sites(self, region_id: str) -> tuple[str, ...]:
        """Every kb site in a region: listed members, sites tagged with it, and sites inside its polygon."""
        if region_id in self._region_sites:
            return self._region_sites[region_id]
        reg = self.regions[region_id]
        out = set(reg.site_ids or [])
        if "region" in self.sites.columns:
            out |= set(self.sites.filter(self.sites["region"] == region_id)["site_id"].to_list())
        out |= {s for s in self.curated if region_id in self.kb.region_of_site(s)}
        if reg.polygon and not getattr(reg, "is_water", False):  # a sea holds no site, whatever its ring touches
            from matplotlib.path import Path as MplPath

            pts = np.column_stack([self.sites["lon"].to_numpy(), self.sites["lat"].to_numpy()])
            inside = MplPath(np.asarray(reg.polygon, dtype=np.float64)).contains_points(pts)
            out |= set(np.asarray(self.sites["site_id"].to_list(), dtype=object)[inside].tolist())
        self._region_sites[region_id] = tuple(sorted(out))
        return self._region_sites[region_id]

    def city_place(self, anchor: str, text: str) -> Place:
        """A city with several airfields ("Moscow"): every kb airfield and port within 60 km of its anchor."""
        site = self.kb.site(anchor)
        nearest = getattr(self.kb, "nearest_sites", None)
        ids = [anchor]
        if site is not None and nearest is not None:
            ids = [
                s.site_id
                for s, _ in nearest(site.lat, site.lon, radius_km=60.0, limit=40)
                if s.kind in AIR_KINDS | SEA_KINDS
            ]
        key = CITY_NAMES.get(anchor, norm_key(text))
        note = f"city: {len(ids)} kb airfields and ports within 60 km of {anchor}"
        return Place(
            text,
            "region",
            f"city:{key}",
            text.strip(),
            tuple(sorted(set(ids) | {anchor})),
            (f"city:{key}",),
            None,
            note,
        )

    def country_place(self, iso2: str, text: str) -> Place:
        """A country the kb has no region for: the kb sites registered there."""
        ids = self.sites.filter(self.sites["country"] == iso2)["site_id"].to_list()
        note = f"country {iso2}: {len(ids)} kb sites (no kb region)"
        if not ids:
            return Place(text, "unknown", None, text, note=note)
        return Place(
            text, "region", f"country:{iso2}", text.strip(), tuple(sorted(ids)), (f"country:{iso2}",), None, note
        )

    def controlled(self, actor: Actor, when: date | None, text: str) -> Place:
        """The sites ``actor`` controlled on ``when`` (today if unknown), as one place."""
        at = datetime.combine(when or date.today(), datetime.min.time(), tzinfo=UTC)
        keys = {actor.name.lower(), *actor.operators}
        keys |= {w.strip("()").lower() for w in re.split(r"[\s/]+", actor.name) if len(w) > 2}
        hits: list[str] = []
        names: set[str] = set()
        for sid in self.curated:
            ctrl = self.kb.controller_at(sid, at)
            if ctrl and any(k in ctrl.lower() for k in keys):
                hits.append(sid)
                names.add(ctrl)
        label = f"sites controlled by {' / '.join(sorted(names)) or actor.name}"
        note = f"kb.controller_at on {at:%Y-%m-%d}: {len(hits)} sites"
        if not hits:
            return Place(text, "unknown", None, label, note=note + " (none known)")
        return Place(text, "controlled", actor.name, label, tuple(sorted(hits)), (), None, note)

    def site_latlon(self, site_ids: tuple[str, ...] | list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the sites, the World Port Index's ports included.

        Index ports are not in the gazetteer frame (the sea analytics do not rank them), so no voyage carries
        their id; a ship's claimed arrival at one is seen by the voyage's last point lying there, which needs
        the position.
        """
        ids = list(site_ids)
        rows = self.sites.filter(self.sites["site_id"].is_in(ids))
        lat, lon = rows["lat"].to_list(), rows["lon"].to_list()
        for sid in sorted({i for i in ids if is_index_id(i)} - set(rows["site_id"].to_list())):
            port = index_site(sid)
            if port is not None:
                lat.append(port.lat)
                lon.append(port.lon)
        return np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
