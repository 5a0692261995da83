"""A structural RFC 7946 validator (the parts a consumer relies on), so the test does not need a new dependency."""

from __future__ import annotations

import math
from typing import Any

GEOMETRY_TYPES = {"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"}


def _position(p: Any, where: str) -> list[str]:
    if not isinstance(p, list) or len(p) not in (2, 3):
        return [f"{where}: position must be [lon, lat(, alt)]"]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in p):
        return [f"{where}: non-numeric or non-finite coordinate"]
    lon, lat = p[0], p[1]
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        return [f"{where}: lon/lat out of range (axis order must be lon, lat)"]
    return []


def _geometry(g: Any, where: str) -> list[str]:
    if g is None:
        return []  # null geometry is allowed for a Feature
    if not isinstance(g, dict) or g.get("type") not in GEOMETRY_TYPES | {"GeometryCollection"}:
        return [f"{where}: bad geometry type"]
    t, c = g["type"], g.get("coordinates")
    if t == "GeometryCollection":
        return [e for i, sub in enumerate(g.get("geometries", [])) for e in _geometry(sub, f"{where}[{i}]")]
    if t == "Point":
        return _position(c, where)
    if t in ("MultiPoint", "LineString"):
        errs = [] if isinstance(c, list) else [f"{where}: coordinates must be an array"]
        if t == "LineString" and (not isinstance(c, list) or len(c) < 2):
            errs.append(f"{where}: LineString needs >= 2 positions")
        return errs + [e for i, p in enumerate(c or []) for e in _position(p, f"{where}[{i}]")]
    if t == "MultiLineString":
        return [
            e
            for i, line in enumerate(c or [])
            for e in _geometry({"type": "LineString", "coordinates": line}, f"{where}[{i}]")
        ]
    rings = [c] if t == "Polygon" else (c or [])
    errs = []
    for i, poly in enumerate(rings):
        for j, ring in enumerate(poly or []):
            if not isinstance(ring, list) or len(ring) < 4 or ring[0] != ring[-1]:
                errs.append(f"{where}[{i}][{j}]: linear ring must be closed with >= 4 positions")
            errs += [e for k, p in enumerate(ring or []) for e in _position(p, f"{where}[{i}][{j}][{k}]")]
    return errs


def validate(obj: Any) -> list[str]:
    """Errors found (empty = valid) in a GeoJSON FeatureCollection, Feature or geometry."""
    if not isinstance(obj, dict) or "type" not in obj:
        return ["root must be an object with a type"]
    if "crs" in obj:
        return ["RFC 7946 removed the crs member"]
    if obj["type"] == "FeatureCollection":
        feats = obj.get("features")
        if not isinstance(feats, list):
            return ["FeatureCollection.features must be an array"]
        return [e for i, f in enumerate(feats) for e in validate_feature(f, f"features[{i}]")]
    if obj["type"] == "Feature":
        return validate_feature(obj, "feature")
    return _geometry(obj, "geometry")


def validate_feature(f: Any, where: str) -> list[str]:
    if not isinstance(f, dict) or f.get("type") != "Feature":
        return [f"{where}: not a Feature"]
    if "geometry" not in f or "properties" not in f:
        return [f"{where}: Feature needs geometry and properties members"]
    if f["properties"] is not None and not isinstance(f["properties"], dict):
        return [f"{where}: properties must be an object or null"]
    return _geometry(f["geometry"], f"{where}.geometry")
