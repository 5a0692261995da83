"""Builders of the sources' real file layouts (readsb traces, split globe_history tars, GitHub release lists)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from datetime import UTC, date, datetime
from typing import Any


def trace_doc(
    hexid: str,
    day: date,
    *,
    n: int = 50,
    lat0: float = 35.4,
    lon0: float = 35.9,
    db_flags: int = 0,
    type_code: str = "IL76",
    reg: str = "RA-78830",
    dlat: float = -0.02,
    dlon: float = -0.05,
) -> dict[str, Any]:
    """A readsb trace_full document: header, then points [dt, lat, lon, alt, gs, track, flags, vrate, obj, src, ...]."""
    t0 = datetime(day.year, day.month, day.day, 6, 0, tzinfo=UTC).timestamp()
    pts: list[Any] = []
    for i in range(n):
        obj = {"type": "adsb_icao", "flight": "RFF7012 ", "squawk": "7012"} if i % 10 == 0 else None
        pts.append(
            [
                i * 10.0,
                round(lat0 + dlat * i, 5),
                round(lon0 + dlon * i, 5),
                1000 + 300 * i,
                250.0,
                240.0,
                0,
                640,
                obj,
                "adsb_icao",
                1050 + 300 * i,
                640,
                None,
                None,
            ]
        )
    return {
        "icao": hexid,
        "r": reg,
        "t": type_code,
        "dbFlags": db_flags,
        "desc": "ILYUSHIN Il-76",
        "timestamp": t0,
        "trace": pts,
    }


def trace_member(doc: dict[str, Any]) -> bytes:
    return gzip.compress(json.dumps(doc, separators=(",", ":")).encode(), mtime=0)


def day_tar(docs: list[dict[str, Any]], *, extra: bool = True) -> bytes:
    """A globe_history day: traces/<xx>/trace_full_<hex>.json (gzip inside), plus acas/ and heatmap/ members."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.GNU_FORMAT) as tf:

        def add(name: str, data: bytes) -> None:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1700000000
            tf.addfile(ti, io.BytesIO(data))

        if extra:
            add("./acas/acas.csv", b"time,hex\n")
        for d in docs:
            h = d["icao"]
            add(f"./traces/{h[-2:]}/trace_full_{h}.json", trace_member(d))
        if extra:
            add("./heatmap/00.bin.ttf", b"\x00" * 700)
    return buf.getvalue()


def split(data: bytes, at: int) -> list[bytes]:
    return [data[:at], data[at:]]


def release(base: str, tag: str, parts: list[bytes], *, digests: list[str] | None = None) -> dict[str, Any]:
    assets = []
    for i, p in enumerate(parts):
        name = f"{tag}.tar.a{'abcdefgh'[i]}"
        a: dict[str, Any] = {"name": name, "size": len(p), "browser_download_url": f"{base}/dl/{tag}/{name}"}
        if digests is not None:
            a["digest"] = f"sha256:{digests[i]}"
        assets.append(a)
    return {"tag_name": tag, "name": tag, "assets": assets}
