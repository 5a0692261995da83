"""What the user wants out of a day of the world: countries, military, a watch list, an area.

Filters run as early as each can: the ICAO address (from a member's file name, before a byte of it is
decompressed) decides countries and explicit addresses; the trace header's tar1090-db flags decide ``military``;
the points decide the area. Criteria combine with AND (``--country RU --region "eastern mediterranean"`` = Russian
aircraft seen in the eastern Mediterranean); a watch list adds its rules' identities (any rule).

``clip`` chooses what an area keeps: by default the whole day of an aircraft that entered the area (so a flight
from Hmeimim keeps its departure even when the area is only the sea it crossed); ``clip=True`` keeps only the
points inside.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.errors import LiftwatchError
from liftwatch.filters import country_code


@dataclass(frozen=True)
class BBox:
    """Latitude/longitude box; ``lon_min > lon_max`` crosses the antimeridian."""

    lat_min: float
    lon_min: float
    lat_max: float
    lon_max: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``LAT_MIN,LON_MIN,LAT_MAX,LON_MAX`` (south, west, north, east)."""
        try:
            a, b, c, d = (float(x) for x in text.split(","))
        except ValueError:
            raise LiftwatchError(
                f"--bbox expects LAT_MIN,LON_MIN,LAT_MAX,LON_MAX (e.g. 30,25,38,37), got {text!r}"
            ) from None
        if not (-90 <= a < c <= 90 and -180 <= b <= 180 and -180 <= d <= 180):
            raise LiftwatchError(f"--bbox out of range or empty: {text!r} (south < north, longitudes in -180..180)")
        return cls(a, b, c, d)

    def contains(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        in_lat = (lat >= self.lat_min) & (lat <= self.lat_max)
        if self.lon_min <= self.lon_max:
            in_lon = (lon >= self.lon_min) & (lon <= self.lon_max)
        else:
            in_lon = (lon >= self.lon_min) | (lon <= self.lon_max)
        return np.asarray(in_lat & in_lon, dtype=bool)

    def __str__(self) -> str:
        return f"{self.lat_min:g},{self.lon_min:g},{self.lat_max:g},{self.lon_max:g}"


@dataclass
class Selection:
    """Filters for a fetch; empty means everything (a whole day of the world: the user is warned)."""

    countries: tuple[str, ...] = ()
    military: bool = False
    addresses: frozenset[str] = frozenset()
    watchlist: Any = None  # liftwatch.kb.Watchlist
    bbox: BBox | None = None
    region: str | None = None  # kb region id
    clip: bool = False
    _painted: np.ndarray | None = field(default=None, init=False, repr=False)

    @classmethod
    def build(
        cls,
        *,
        countries: str | list[str] | tuple[str, ...] | None = None,
        military: bool = False,
        addresses: list[str] | tuple[str, ...] | None = None,
        watchlist: Any = None,
        bbox: str | BBox | None = None,
        region: str | None = None,
        clip: bool = False,
    ) -> Selection:
        """Validate user input: unknown countries and regions are errors that list what is allowed."""
        from liftwatch import kb

        if isinstance(countries, str):
            countries = [c for c in countries.split(",") if c.strip()]
        # a name ("Russia", "Турция") is its ISO2 code, as in every flight filter; neither is an error naming the forms
        codes = tuple(sorted({country_code(c) for c in countries or ()}))
        if codes:
            known = {str(c) for c in kb.icao_blocks()["country"].drop_nulls().unique()}
            bad = [c for c in codes if c not in known]
            if bad:
                raise LiftwatchError(
                    f"--country {','.join(bad)}: no ICAO address block for it; ISO2 codes with blocks: "
                    + ", ".join(sorted(known))
                )
        region_id = None
        if region:
            place = kb.resolve_place(region)  # any alias in any script; unknown/ambiguous names list candidates
            if place.kind != "region":
                names = ", ".join(sorted(r.name for r in kb.regions().values()))
                raise LiftwatchError(
                    f"--region {region!r} names the {place.kind} {place}, not a region: use --bbox for an area "
                    f"around it, or one of the regions: {names}"
                )
            region_id = place.id
        addrs: set[str] = set()
        for a in addresses or ():
            a = a.strip().lower()
            hex_ok = len(a) == 6 and all(ch in "0123456789abcdef" for ch in a)
            if not (hex_ok or (len(a) == 9 and a.isdigit())):
                raise LiftwatchError(f"address {a!r} is neither a 6-digit ICAO hex address (1546a2) nor a 9-digit MMSI")
            addrs.add(a)
        box = BBox.parse(bbox) if isinstance(bbox, str) else bbox
        return cls(codes, military, frozenset(addrs), watchlist, box, region_id, clip)

    @property
    def empty(self) -> bool:
        return not (self.countries or self.military or self.addresses or self.watchlist or self.bbox or self.region)

    @property
    def has_area(self) -> bool:
        return self.bbox is not None or self.region is not None

    def signature(self) -> str:
        """Canonical text of the selection: the ledger's key, so a different selection of the same day runs again."""
        wl = None
        if self.watchlist is not None:
            wl = [r.name for r in getattr(self.watchlist, "rules", [])]
        doc = {
            "countries": list(self.countries),
            "military": self.military,
            "addresses": sorted(self.addresses),
            "watchlist": wl,
            "bbox": str(self.bbox) if self.bbox else None,
            "region": self.region,
            "clip": self.clip,
        }
        return json.dumps({k: v for k, v in doc.items() if v}, sort_keys=True, separators=(",", ":"))

    # -- address stage ------------------------------------------------------------------------------------
    def _watch_addresses(self) -> tuple[frozenset[str], tuple[str, ...]] | None:
        """Addresses/countries every watch-list rule is limited to (None when some rule is not, e.g. types only)."""
        if self.watchlist is None:
            return frozenset(), ()
        addrs: set[str] = set()
        countries: set[str] = set()
        for rule in self.watchlist.rules:
            if rule.addresses:
                addrs |= {a.lower() for a in rule.addresses}
            elif rule.countries:
                countries |= {c.upper() for c in rule.countries}
            else:
                return None
        return frozenset(addrs), tuple(sorted(countries))

    def address_mask(self, hexes: list[str], sea: bool = False) -> np.ndarray:
        """Which addresses can still match, decided from the address alone (vectorised over the list).

        Aircraft: country of the ICAO address block; ships (``sea``): flag state from the MMSI's MID digits.
        """
        from liftwatch.kb.icao import icao_countries, mmsi_flags

        def country_of(values: np.ndarray) -> np.ndarray:
            return mmsi_flags(values) if sea else icao_countries(values)

        n = len(hexes)
        keep = np.ones(n, dtype=bool)
        if not n:
            return keep
        arr = np.array([h.lower() for h in hexes], dtype=object)
        countries = None
        if self.countries:
            countries = country_of(arr)
            keep &= np.isin(countries.astype(str), list(self.countries))
        if self.addresses:
            keep &= np.isin(arr, list(self.addresses))
        wa = self._watch_addresses()
        if wa is not None and (wa[0] or wa[1]):
            hit = np.isin(arr, list(wa[0]))
            if wa[1]:
                countries = country_of(arr) if countries is None else countries
                hit |= np.isin(countries.astype(str), list(wa[1]))
            keep &= hit
        return keep

    def _address_table(self) -> np.ndarray:
        """A 2**24 boolean table, True where an ICAO address may match (built once, ~16 MiB).

        Each of a day's ~80,000 tar members is decided by one index instead of a kb look-up per member. Countries
        are painted block by block, largest first, so the smallest containing allocation block wins (the kb rule).
        """
        if self._painted is None:
            from liftwatch.kb.icao import icao_blocks

            wa = self._watch_addresses()
            want = set(self.countries)
            table = np.ones(1 << 24, dtype=bool)
            if want:
                table[:] = False
                blocks = (
                    icao_blocks()
                    .with_columns((pl.col("end") - pl.col("start")).alias("size"))
                    .sort("size", descending=True)
                )
                for start, end, country in blocks.select("start", "end", "country").iter_rows():
                    table[start : end + 1] = country in want
            if self.addresses:
                only = np.zeros(1 << 24, dtype=bool)
                only[[int(a, 16) for a in self.addresses if len(a) == 6]] = True
                table &= only
            if wa is not None and (wa[0] or wa[1]):
                hit = np.zeros(1 << 24, dtype=bool)
                if wa[1]:
                    blocks = icao_blocks().sort(pl.col("end") - pl.col("start"), descending=True)
                    for start, end, country in blocks.select("start", "end", "country").iter_rows():
                        hit[start : end + 1] = country in wa[1]
                hit[[int(a, 16) for a in wa[0] if len(a) == 6 and not a.startswith("~")]] = True
                table &= hit
            self._painted = table
        return self._painted

    def address_ok(self, hex_addr: str) -> bool:
        """One address (a tar member's name), decided in constant time."""
        if hex_addr.startswith("~"):  # non-ICAO (TIS-B/anonymous): no country; kept only without address filters
            return bool(self.address_mask([hex_addr])[0])
        return bool(self._address_table()[int(hex_addr, 16)])

    def military_ok(self, db_flags: int, hex_addr: str) -> bool:
        """The tar1090-db military bit, or an address in a published military range."""
        if not self.military:
            return True
        if db_flags & 1:
            return True
        from liftwatch.kb.icao import icao_military_mask

        return bool(icao_military_mask([hex_addr])[0])

    # -- point stage ----------------------------------------------------------------------------------------
    def area_mask(self, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
        ok = ~(np.isnan(lat) | np.isnan(lon))
        if self.bbox is not None:
            ok &= self.bbox.contains(np.nan_to_num(lat), np.nan_to_num(lon))
        if self.region is not None:
            from liftwatch.kb.regions import points_in_region

            ok &= np.asarray(points_in_region(self.region, np.nan_to_num(lat, nan=-99.0), np.nan_to_num(lon)), bool)
        return np.asarray(ok, dtype=bool)

    def apply_points(self, table: pa.Table) -> pa.Table:
        """Keep the points the area (and watch list) allows; a table of one aircraft is kept whole if it entered
        the area, unless ``clip``. Tables from live feeds mix aircraft: then the whole-aircraft rule is per address.
        """
        if table.num_rows == 0:
            return table
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        if self.watchlist is not None:
            matched = self.watchlist.match_points(frame)["watch_rules"].list.len() > 0
            hits = frame.filter(matched)["asset_id"].unique().to_list()
            frame = frame.filter(pl.col("asset_id").is_in(hits))
        if frame.height == 0:
            return table.slice(0, 0)
        if self.has_area:
            lat = frame["lat"].cast(pl.Float64).fill_null(np.nan).to_numpy()
            lon = frame["lon"].cast(pl.Float64).fill_null(np.nan).to_numpy()
            inside = pl.Series(self.area_mask(lat, lon))
            if self.clip:
                frame = frame.filter(inside)
            else:
                seen = frame.filter(inside)["asset_id"].unique().to_list()
                frame = frame.filter(pl.col("asset_id").is_in(seen))
        if frame.height == table.num_rows:
            return table
        return frame.to_arrow().cast(table.schema)

    def filter_table(self, table: pa.Table, military: set[str] | None = None) -> pa.Table:
        """Points of many aircraft (snapshots, state vectors, live answers): the address stage vectorised over the
        distinct addresses, ``military`` (addresses flagged in the data; published military ranges always
        count), then the area/watch-list stage."""
        import pyarrow.compute as pc

        if table.num_rows == 0:
            return table
        ids = table.column("asset_id")
        uniq = [str(u) for u in pc.unique(ids).to_pylist()]
        sea = table.num_rows > 0 and table.column("domain")[0].as_py() == "sea"
        ok = self.address_mask(uniq, sea=sea)
        if self.military and not sea:
            from liftwatch.kb.icao import icao_military_mask

            ok &= np.isin(np.array(uniq, dtype=object), list(military or ())) | icao_military_mask(
                np.array(uniq, dtype=object)
            )
        if not ok.all():
            keep = pa.array([u for u, k in zip(uniq, ok, strict=True) if k], pa.string())
            table = table.filter(pc.is_in(ids, value_set=keep))
        if table.num_rows and (self.has_area or self.watchlist is not None):
            table = self.apply_points(table)
        return table
