"""What the browser map is sent once per layer: every town with its whole timeline, the zones, the borders.

No Streamlit here. The dashboard publishes this payload as one static JSON file (see ui/publish.py); the
live map's plugin fetches it once and from then on is told only the date, so a slider step costs the same
few bytes at 1,000 towns as at 10,000, and the browser restyles the towns itself.

Only ids, names, coordinates and states leave Python, never an article's text: quotes stay in the side
panel. Names reach the page through `textContent` in the plugin, never as HTML.

The payload is compact because the browser parses it before the first paint: towns go as columns, and
coordinates as integers on the layer's grid (1e-5 degrees, geo/zones.py), each ring's after its first as
differences from the one before. At 10,000 towns that is 2.6 MB of JSON instead of 4.0 MB, parsed in a
fifth of the time.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

import numpy as np

from geo.schema import COORDINATE_DECIMALS, UNKNOWN_FORCE
from geo.state import time_order
from ui.style import style_table

PAYLOAD_VERSION = 2
#: Coordinates travel as integers: degrees times this (the grid zones.geojson is written on).
COORDINATE_SCALE = 10**COORDINATE_DECIMALS
CERTAIN_PRECISIONS = frozenset({"day"})
_EPOCH = date(1970, 1, 1)


def day_number(day: date | None) -> int | None:
    """Days since 1970-01-01: what the browser compares (null bounds stay null, meaning open)."""
    return None if day is None else (day - _EPOCH).days


def is_uncertain(period) -> bool:
    """Drawn faded and dashed: an unknown start, or dates less precise than a day."""
    return period.valid_from is None or period.date_precision not in CERTAIN_PRECISIONS


#: Evidence an analyst stood behind (geo/review.py); a rejected quote is never evidence of a period.
CHECKED_REVIEWS = frozenset({"confirmed", "corrected", "added"})


def is_checked(period) -> bool:
    """Marked on the map: an analyst confirmed, corrected or added a quote behind the period."""
    return any(e.review in CHECKED_REVIEWS for e in period.evidence)


def _force_index(codes: list[str], code: str) -> int:
    if code not in codes:
        codes.append(code)
    return codes.index(code)


def grid(degrees: float) -> int:
    return round(degrees * COORDINATE_SCALE)


def packed_ring(ring) -> list[int]:
    """A ring of [lon, lat] as one flat list of grid integers: the first point, then each point's difference
    from the one before ([x0, y0, dx1, dy1, …]); short numbers, so little JSON to parse."""
    points = np.rint(np.asarray(ring, dtype=float) * COORDINATE_SCALE).astype(np.int64)
    if len(points) > 1:
        points[1:] = np.diff(points, axis=0)
    return points.ravel().tolist()


def unpacked_ring(packed: list[int]) -> list[list[float]]:
    """`packed_ring` undone (what the browser does, in Python for the tests)."""
    points = np.cumsum(np.asarray(packed, dtype=np.int64).reshape(-1, 2), axis=0)
    return (points / COORDINATE_SCALE).tolist()


def packed_polygons(geometry: dict) -> list[list[list[int]]]:
    """A Polygon or MultiPolygon as a list of polygons, each a list of packed rings (outer ring first)."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    return [[packed_ring(ring) for ring in polygon] for polygon in polygons]


def towns_payload(periods: Iterable, codes: list[str]) -> dict[str, list]:
    """The towns as columns (id, name, lat, lon as grid integers, periods), one position per town. A town's
    periods are in time order as compact rows:
    [from, to, force, contested (0/1), contesting force or -1, uncertain (0/1)], days as `day_number`, and a
    seventh item, 1, when an analyst confirmed, corrected or added a quote behind the period (left out
    otherwise: 57 KB of the 10,000-town layer that would say "not checked" 28,000 times)."""
    by_town: dict[str, list] = defaultdict(list)
    for period in periods:
        by_town[period.place_id].append(period)
    towns: dict[str, list] = {"id": [], "name": [], "lat": [], "lon": [], "periods": []}
    for place_id in sorted(by_town):
        own = sorted(by_town[place_id], key=time_order)
        first = own[0]
        rows = [[
            day_number(p.valid_from), day_number(p.valid_to), _force_index(codes, p.force),
            int(p.status == "contested"),
            _force_index(codes, p.contested_by[0]) if p.status == "contested" and p.contested_by else -1,
            int(is_uncertain(p)),
        ] + ([1] if is_checked(p) else []) for p in own]
        for column, value in (("id", place_id), ("name", first.name), ("lat", grid(first.lat)),
                              ("lon", grid(first.lon)), ("periods", rows)):
            towns[column].append(value)
    return towns


def zones_payload(zones: Iterable, codes: list[str]) -> list[dict]:
    """The zone cells, each geometry once (as `packed_polygons`) with its spans:
    [from, to, force, contested (0/1), contesting or -1].

    A zone is one town cell over one run of the same state (geo/zones.py), so the zones of one cell share
    their geometry: it is sent once and the browser colours the cell by the span that covers the date.
    """
    cells: dict[tuple, dict] = {}
    for zone in zones:
        contested = zone.status == "contested"
        key = (tuple(zone.towns) or (id(zone),), zone.geometry_json)
        if key not in cells:
            cells[key] = {"polygons": packed_polygons(zone.geometry), "spans": []}
        cell = cells[key]
        cell["spans"].append([
            day_number(zone.valid_from), day_number(zone.valid_to), _force_index(codes, zone.force), int(contested),
            _force_index(codes, zone.contested_by[0]) if contested and zone.contested_by else -1,
        ])
    for cell in cells.values():
        cell["spans"].sort(key=lambda s: (s[0] is not None, s[0] or 0))
    return list(cells.values())


def bounds(periods: Iterable) -> list[list[float]] | None:
    """[[south, west], [north, east]] of every town in the layer (not of one date), so the view holds still."""
    points = [(p.lat, p.lon) for p in periods]
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return [[min(lats), min(lons)], [max(lats), max(lons)]]


def map_payload(periods: list, zones: list, forces: Mapping, borders: dict | None) -> dict:
    """The whole payload. `forces` maps code → ForceStyle; unknown codes are drawn in UNKNOWN's colour."""
    codes: list[str] = [code for code in forces if code != UNKNOWN_FORCE] + [UNKNOWN_FORCE]
    towns = towns_payload(periods, codes)
    zone_rows = zones_payload(zones, codes)
    unknown = forces.get(UNKNOWN_FORCE)
    fallback = unknown.color if unknown else "#999999"
    return {
        "version": PAYLOAD_VERSION,
        "coordinate_scale": COORDINATE_SCALE,
        "forces": [{"code": code, "name": forces[code].name if code in forces else code,
                    "color": forces[code].color if code in forces else fallback} for code in codes],
        "towns": towns,
        "zones": zone_rows,
        "borders": borders,
        "bounds": bounds(periods),
        "style": style_table(),  # what every dot, zone and legend row looks like (ui/style.py)
    }


def encode(payload: dict) -> tuple[bytes, str]:
    """Compact JSON bytes and their content digest (the file's name, so a browser cache is never stale)."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return data, hashlib.sha256(data).hexdigest()[:16]
