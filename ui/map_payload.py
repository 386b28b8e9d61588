"""What the browser map is sent once per layer: every town with its whole timeline, the zones, the borders.

No Streamlit here. The dashboard publishes this payload as one static JSON file (see ui/control_map.py);
the map component fetches it once and from then on is told only the date, so a slider step costs the same
few bytes at 1,000 towns as at 10,000, and the browser restyles the towns itself.

Only ids, names, coordinates and states leave Python, never an article's text: quotes stay in the side
panel. Names reach the page through `textContent` in the component, never as HTML.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date

from geo.schema import UNKNOWN_FORCE

PAYLOAD_VERSION = 1
CERTAIN_PRECISIONS = frozenset({"day"})
_EPOCH = date(1970, 1, 1)


def day_number(day: date | None) -> int | None:
    """Days since 1970-01-01: what the browser compares (null bounds stay null, meaning open)."""
    return None if day is None else (day - _EPOCH).days


def is_uncertain(period) -> bool:
    """Drawn faded and dashed: an unknown start, or dates less precise than a day."""
    return period.valid_from is None or period.date_precision not in CERTAIN_PRECISIONS


def _force_index(codes: list[str], code: str) -> int:
    if code not in codes:
        codes.append(code)
    return codes.index(code)


def towns_payload(periods: Iterable, codes: list[str]) -> list[dict]:
    """One entry per town, its periods in time order as compact rows:
    [from, to, force, contested (0/1), contesting force or -1, uncertain (0/1)], days as `day_number`."""
    by_town: dict[str, list] = defaultdict(list)
    for period in periods:
        by_town[period.place_id].append(period)
    towns = []
    for place_id in sorted(by_town):
        own = sorted(by_town[place_id], key=lambda p: (p.valid_from or date.min, p.valid_to or date.max))
        first = own[0]
        rows = [[
            day_number(p.valid_from), day_number(p.valid_to), _force_index(codes, p.force),
            int(p.status == "contested"),
            _force_index(codes, p.contested_by[0]) if p.status == "contested" and p.contested_by else -1,
            int(is_uncertain(p)),
        ] for p in own]
        towns.append({"id": place_id, "name": first.name, "lat": round(first.lat, 5), "lon": round(first.lon, 5),
                      "periods": rows})
    return towns


def zones_payload(zones: Iterable, codes: list[str]) -> list[dict]:
    """The zone cells, each geometry once with its spans: [from, to, force, contested (0/1), contesting or -1].

    A zone is one town cell over one run of the same state (geo/zones.py), so the zones of one cell share
    their geometry: it is sent once and the browser colours the cell by the span that covers the date.
    """
    cells: dict[tuple, dict] = {}
    for zone in zones:
        contested = zone.status == "contested"
        key = (tuple(zone.towns) or (id(zone),), zone.geometry_json)
        if key not in cells:
            cells[key] = {"geometry": zone.geometry, "spans": []}
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
        "forces": [{"code": code, "name": forces[code].name if code in forces else code,
                    "color": forces[code].color if code in forces else fallback} for code in codes],
        "towns": towns,
        "zones": zone_rows,
        "borders": borders,
        "bounds": bounds(periods),
    }


def encode(payload: dict) -> tuple[bytes, str]:
    """Compact JSON bytes and their content digest (the file's name, so a browser cache is never stale)."""
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    return data, hashlib.sha256(data).hexdigest()[:16]
