"""Control zones: each town's area of influence, coloured by who held the town, for every change date.

An estimate derived from town control, not a front line. How a zone is made (see docs/zones.md):

1. Each place is put in the country whose Natural Earth polygon contains it (or the nearest one within
   `COUNTRY_SNAP_KM`, for towns on a generalised coast or border line). Places in no country get no zone.
2. Per country, the places' Voronoi cells are computed in an equal-area CRS (`EQUAL_AREA_CRS`) and each
   cell is clipped to its country and to a disc of `radius_km` around its place, so that empty desert
   and the far side of a border are not claimed.
3. The clipped cells are projected to EPSG:4326 and noded together on a 1e-5° grid into faces that share
   their vertices exactly (a polygon coverage), so zones built from them never overlap, also after the
   coordinates are rounded for the file.
4. For every interval between consecutive change dates (each distinct `valid_from`/`valid_to`, plus the
   open start before the first), each place's state is looked up; places with the same state — force,
   status and contested_by — are dissolved into one zone. A place with no period on that interval
   gets no zone (its cell is left empty, not given to its neighbours).
5. Consecutive intervals on which a state covers the same towns are merged into one zone, so zones
   change exactly at change dates.

The cells depend only on the set of places, so they are computed once; per interval only unions of
precomputed faces are made (and cached by set of towns).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
import shapely
from pyproj import Transformer
from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry

from geo.region import DEFAULT_COUNTRIES

#: Lambert Azimuthal Equal Area centred between Syria and Iraq: areas are true everywhere; shapes (and
#: so the discs around towns) are distorted by under 1 % within ~900 km of the centre, which covers
#: both countries.
EQUAL_AREA_CRS = "+proj=laea +lat_0=34 +lon_0=41 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"

#: How far a town's influence reaches at most. 25 km is about the spacing of the Euphrates valley's
#: towns and a day's advance; beyond it, desert is left unclaimed rather than given to the nearest town.
DEFAULT_RADIUS_KM = 25.0

#: Places up to this far outside every country polygon (Natural Earth's 10 m coast and borders are
#: generalised) are put in the nearest country.
COUNTRY_SNAP_KM = 5.0

#: Output grid in degrees (about 1 m); coordinates are written rounded to this many decimals.
COORDINATE_DECIMALS = 5
_GRID = 10.0 ** -COORDINATE_DECIMALS

#: Segments per quarter circle of the disc around each place: a 32-gon, within 120 m of a 25 km circle
#: (0.6 % less area), which keeps zones.geojson small.
_QUAD_SEGS = 8

STATUSES = ("held", "contested")

#: Columns of areas.csv, in order.
AREA_COLUMNS: tuple[str, ...] = ("date", "force", "area_km2", "towns", "contested_area_km2", "contested_towns")


@dataclass(frozen=True)
class TownPeriod:
    """One control period of one town, with the town's location (EPSG:4326 degrees).

    Same meaning as a control.geojson feature: `valid_from` inclusive (None = unknown start),
    `valid_to` exclusive (None = open).
    """

    place_id: str
    lon: float
    lat: float
    force: str
    status: str = "held"
    contested_by: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None


@dataclass(frozen=True)
class Zone:
    """The area held (or contested) by one force over one span of dates, in EPSG:4326.

    `geometry` is a valid Polygon or MultiPolygon with coordinates on the output grid and exteriors
    counterclockwise (RFC 7946). `area_km2` is measured in `EQUAL_AREA_CRS`, unrounded.
    """

    force: str
    status: str
    contested_by: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    towns: tuple[str, ...]
    area_km2: float
    geometry: BaseGeometry = field(compare=False, repr=False)

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day < self.valid_to)


_State = tuple[str, str, tuple[str, ...]]  # force, status, contested_by
_Interval = tuple[date | None, date | None]


# --------------------------------------------------------------------------------------------- input


def town_periods_from_feature_collection(fc: dict) -> list[TownPeriod]:
    """The periods of a control.geojson FeatureCollection (as loaded by `json.load`)."""
    if not isinstance(fc, dict) or fc.get("type") != "FeatureCollection":
        raise ValueError("control layer: expected a GeoJSON FeatureCollection")
    periods = []
    for index, feature in enumerate(fc.get("features", [])):
        where = f"control layer feature {index}"
        geometry = feature.get("geometry") or {}
        if geometry.get("type") != "Point":
            raise ValueError(f"{where}: geometry must be a Point, got {geometry.get('type')!r}")
        lon, lat = geometry["coordinates"][:2]
        props = feature.get("properties") or {}
        try:
            periods.append(
                TownPeriod(
                    place_id=props["place_id"],
                    lon=float(lon),
                    lat=float(lat),
                    force=props["force"],
                    status=props.get("status", "held"),
                    contested_by=tuple(props.get("contested_by") or ()),
                    valid_from=_parse_date(props.get("valid_from")),
                    valid_to=_parse_date(props.get("valid_to")),
                )
            )
        except KeyError as missing:
            raise ValueError(f"{where}: property {missing} is missing") from None
        except ValueError as error:
            raise ValueError(f"{where} ({props.get('place_id')}): {error}") from None
    return periods


def _parse_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(value)


def _check(period: TownPeriod) -> None:
    where = f"period of {period.place_id!r}"
    if period.status not in STATUSES:
        raise ValueError(f"{where}: status must be one of {STATUSES}, got {period.status!r}")
    if not (math.isfinite(period.lon) and math.isfinite(period.lat)) or abs(period.lat) > 90 or abs(period.lon) > 180:
        raise ValueError(f"{where}: coordinates ({period.lon}, {period.lat}) are not lon/lat degrees")
    if period.valid_from is not None and period.valid_to is not None and period.valid_from > period.valid_to:
        raise ValueError(f"{where}: valid_from {period.valid_from} is after valid_to {period.valid_to}")


# ------------------------------------------------------------------------------------------ timeline


def change_dates(periods: list[TownPeriod]) -> list[date]:
    """Every distinct valid_from / valid_to, sorted."""
    return sorted({d for p in periods for d in (p.valid_from, p.valid_to) if d is not None})


def _intervals(dates: list[date]) -> list[_Interval]:
    bounds: list[date | None] = [None, *dates, None]
    return list(zip(bounds[:-1], bounds[1:]))


def _combine(periods: list[TownPeriod]) -> _State | None:
    """The state of one site from the periods covering an interval.

    One period (or several that agree) gives its state. Periods that disagree — overlapping periods
    of one town, or towns that share a point — make the site contested: held by the force of the most
    recently started period (ties: alphabetical), contested by every other party named.
    """
    if not periods:
        return None
    states = {_state(p) for p in periods}
    if len(states) == 1:
        return states.pop()
    latest = max(periods, key=lambda p: (p.valid_from or date.min, _reverse_key(p.force)))
    parties = {p.force for p in periods} | {c for p in periods for c in p.contested_by}
    return latest.force, "contested", tuple(sorted(parties - {latest.force}))


def _reverse_key(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def _state(period: TownPeriod) -> _State:
    contested_by = tuple(sorted(set(period.contested_by) - {period.force}))
    return period.force, period.status, contested_by


# -------------------------------------------------------------------------------------------- cells


@lru_cache(maxsize=1)
def _transformers() -> tuple[Transformer, Transformer]:
    return (
        Transformer.from_crs("EPSG:4326", EQUAL_AREA_CRS, always_xy=True),
        Transformer.from_crs(EQUAL_AREA_CRS, "EPSG:4326", always_xy=True),
    )


def _project(geometries, transformer: Transformer):
    def apply(coords: np.ndarray) -> np.ndarray:
        x, y = transformer.transform(coords[:, 0], coords[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometries, apply)


def to_equal_area(geometries):
    """EPSG:4326 geometries (a geometry or an array) projected to `EQUAL_AREA_CRS`."""
    return _project(geometries, _transformers()[0])


def to_lonlat(geometries):
    """`EQUAL_AREA_CRS` geometries projected to EPSG:4326."""
    return _project(geometries, _transformers()[1])


@lru_cache(maxsize=8)
def _countries_equal_area(countries: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[BaseGeometry, ...]]:
    from geo.borders import load_countries

    frame = load_countries(countries)
    codes = tuple(frame["iso_a2"])
    # Densify first: a long straight border in lon/lat (Syria–Iraq has 100 km ones) is curved in the
    # equal-area CRS, and zones are written back in lon/lat.
    lonlat = shapely.segmentize(shapely.make_valid(np.asarray(frame.geometry.values, dtype=object)), 0.01)
    shapes = to_equal_area(lonlat)
    return codes, tuple(shapes)


@dataclass
class _Cells:
    """Faces of the noded cell coverage: which site each face belongs to and its area."""

    faces: np.ndarray  # Polygons, EPSG:4326, on the output grid
    face_area_km2: np.ndarray
    site_faces: list[list[int]]  # per site, indices into faces


def _site_cells(sites_xy: np.ndarray, countries: tuple[str, ...], radius_m: float) -> np.ndarray:
    """Per site, its Voronoi cell within its country clipped to the disc around it (equal-area CRS)."""
    _, shapes = _countries_equal_area(countries)
    points = shapely.points(sites_xy)
    for shape in shapes:
        shapely.prepare(shape)
    country_of = np.full(len(points), -1)
    for ci, shape in enumerate(shapes):
        inside = shapely.contains(shape, points) & (country_of < 0)
        country_of[inside] = ci
    for si in np.flatnonzero(country_of < 0):
        distances = [shapely.distance(shape, points[si]) for shape in shapes]
        if distances and min(distances) <= COUNTRY_SNAP_KM * 1000:
            country_of[si] = int(np.argmin(distances))

    cells = np.array([Polygon()] * len(points), dtype=object)
    discs = shapely.buffer(points, radius_m, quad_segs=_QUAD_SEGS)
    for ci, shape in enumerate(shapes):
        members = np.flatnonzero(country_of == ci)
        if len(members) == 0:
            continue
        if len(members) == 1:
            voronoi = np.array([shape], dtype=object)
        else:
            region = shapely.voronoi_polygons(
                shapely.multipoints(points[members]), extend_to=shape, ordered=True
            )
            voronoi = shapely.get_parts(region)
        clipped = shapely.intersection(voronoi, discs[members])
        # Cut by the country only where the disc leaves it; clip the country to the disc's box first.
        crossing = ~shapely.contains(shape, discs[members])
        for local in np.flatnonzero(crossing):
            box = shapely.clip_by_rect(shape, *shapely.bounds(discs[members[local]]))
            clipped[local] = shapely.intersection(clipped[local], box)
        cells[members] = clipped
    return cells


def _build_cells(sites_lonlat: np.ndarray, countries: tuple[str, ...], radius_km: float) -> _Cells:
    sites_xy = shapely.get_coordinates(to_equal_area(shapely.points(sites_lonlat)))
    cells = _polygonal(to_lonlat(_site_cells(sites_xy, countries, radius_km * 1000.0)))
    site_faces: list[list[int]] = [[] for _ in range(len(cells))]
    present = np.flatnonzero(~shapely.is_empty(cells))
    if len(present) == 0:
        return _Cells(np.array([], dtype=object), np.array([]), site_faces)
    # Node every cell boundary on the output grid, so neighbouring faces share exact vertices.
    noded = shapely.union_all(shapely.boundary(cells[present]), grid_size=_GRID)
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
    faces = faces[~shapely.is_empty(faces)]
    probes = shapely.point_on_surface(faces)
    face_index, cell_index = shapely.STRtree(cells[present]).query(probes, predicate="intersects")
    order = np.lexsort((cell_index, face_index))
    owner = np.full(len(faces), -1)
    for fi, ci in zip(face_index[order], cell_index[order]):  # a probe on a shared edge: lowest cell wins
        if owner[fi] < 0:
            owner[fi] = present[ci]
    kept = np.flatnonzero(owner >= 0)
    faces, owner = faces[kept], owner[kept]
    areas = shapely.area(to_equal_area(faces)) / 1e6
    for fi, si in enumerate(owner):
        site_faces[si].append(fi)
    return _Cells(faces, areas, site_faces)


def _polygonal(geometries: np.ndarray) -> np.ndarray:
    """Valid polygonal parts only (clipping can leave lines or points where shapes touch)."""
    out = np.empty(len(geometries), dtype=object)
    for i, geometry in enumerate(geometries):
        if not geometry.is_valid:
            geometry = shapely.make_valid(geometry)
        parts = [p for p in shapely.get_parts(geometry) if isinstance(p, (Polygon, MultiPolygon)) and not p.is_empty]
        out[i] = Polygon() if not parts else (parts[0] if len(parts) == 1 else shapely.union_all(parts))
    return out


def _dissolve(faces: np.ndarray) -> BaseGeometry:
    """Union of faces of the coverage: valid by construction, vertices stay on the grid."""
    union = shapely.coverage_union_all(faces)
    if not isinstance(union, (Polygon, MultiPolygon)):
        union = MultiPolygon([p for p in shapely.get_parts(union) if isinstance(p, Polygon) and not p.is_empty])
    return shapely.orient_polygons(union, exterior_cw=False)


# -------------------------------------------------------------------------------------------- zones


def derive_zones(
    periods: list[TownPeriod],
    countries: tuple[str, ...] = DEFAULT_COUNTRIES,
    radius_km: float = DEFAULT_RADIUS_KM,
) -> list[Zone]:
    """The zones of every force over time, sorted by valid_from (open start first), status, force.

    On any date the zones valid then do not overlap; a zone's `towns` are the places it was built from.
    """
    if radius_km <= 0:
        raise ValueError(f"radius_km must be positive, got {radius_km}")
    for period in periods:
        _check(period)
    # Sites: distinct points (to the output grid); towns sharing a point share a cell.
    location: dict[str, tuple[float, float]] = {}
    for period in sorted(periods, key=lambda p: p.place_id):
        point = (round(period.lon, COORDINATE_DECIMALS), round(period.lat, COORDINATE_DECIMALS))
        if location.setdefault(period.place_id, point) != point:
            raise ValueError(
                f"place {period.place_id!r} has two locations, {location[period.place_id]} and {point}; "
                "give each place one point"
            )
    site_points = sorted(set(location.values()))
    site_of_point = {point: i for i, point in enumerate(site_points)}
    site_of_place = {place_id: site_of_point[point] for place_id, point in location.items()}
    periods_of_site: dict[int, list[TownPeriod]] = defaultdict(list)
    for period in periods:
        if period.valid_from is None or period.valid_to is None or period.valid_from < period.valid_to:
            periods_of_site[site_of_place[period.place_id]].append(period)
    if not site_points:
        return []

    cells = _build_cells(np.asarray(site_points, dtype=float), tuple(countries), radius_km)

    dates = change_dates(periods)
    intervals = _intervals(dates)
    runs = _state_runs(periods_of_site, cells, dates)

    geometry_cache: dict[frozenset[int], tuple[BaseGeometry, float]] = {}

    def zone_shape(sites: frozenset[int]) -> tuple[BaseGeometry, float]:
        if sites not in geometry_cache:
            index = sorted(f for s in sites for f in cells.site_faces[s])
            geometry_cache[sites] = (_dissolve(cells.faces[index]), float(cells.face_area_km2[index].sum()))
        return geometry_cache[sites]

    zones = []
    for state, state_runs in runs.items():
        force, status, contested_by = state
        for first, last, towns in state_runs:
            valid_from, valid_to = intervals[first][0], intervals[last - 1][1]
            geometry, area = zone_shape(frozenset(site_of_place[t] for t in towns))
            zones.append(Zone(force, status, contested_by, valid_from, valid_to, towns, area, geometry))
    zones.sort(key=_zone_order)
    return zones



def _state_runs(
    periods_of_site: dict[int, list[TownPeriod]], cells: "_Cells", dates: list[date]
) -> dict[_State, list[tuple[int, int, tuple[str, ...]]]]:
    """Per state, runs [first, last) of interval indices over which it covers the same towns.

    Interval 0 is the open start before dates[0]; interval k + 1 starts at dates[k].
    """
    position = {d: i + 1 for i, d in enumerate(dates)}
    n_intervals = len(dates) + 1
    # Per state, at which interval index which site starts (towns) or stops being in it.
    changes: dict[_State, dict[int, list[tuple[int, tuple[str, ...] | None]]]] = defaultdict(lambda: defaultdict(list))
    for site in sorted(periods_of_site):
        if not cells.site_faces[site]:
            continue
        spans = [
            (0 if p.valid_from is None else position[p.valid_from],
             n_intervals if p.valid_to is None else position[p.valid_to], p)
            for p in periods_of_site[site]
        ]
        bounds = sorted({b for first, last, _ in spans for b in (first, last)})
        previous: tuple[_State, tuple[str, ...]] | None = None
        for first, last in zip(bounds[:-1], bounds[1:]):
            covering = [p for a, b, p in spans if a <= first and last <= b]
            state = _combine(covering)
            current = None if state is None else (state, tuple(sorted({p.place_id for p in covering})))
            if current != previous:
                if previous is not None:
                    changes[previous[0]][first].append((site, None))
                if current is not None:
                    changes[current[0]][first].append((site, current[1]))
                previous = current
        if previous is not None and bounds[-1] < n_intervals:
            changes[previous[0]][bounds[-1]].append((site, None))
    runs: dict[_State, list[tuple[int, int, tuple[str, ...]]]] = {}
    for state in sorted(changes):
        members: dict[int, tuple[str, ...]] = {}
        state_runs = []
        steps = sorted(changes[state])
        for index, step in enumerate(steps):
            for site, towns in changes[state][step]:
                if towns is None:
                    members.pop(site, None)
            for site, towns in changes[state][step]:
                if towns is not None:
                    members[site] = towns
            end = steps[index + 1] if index + 1 < len(steps) else n_intervals
            if members and end > step:
                state_runs.append((step, end, tuple(sorted(t for ts in members.values() for t in ts))))
        runs[state] = state_runs
    return runs


def _zone_order(zone: Zone):
    return (
        zone.valid_from is not None,
        zone.valid_from or date.min,
        zone.status,
        zone.force,
        zone.contested_by,
        zone.valid_to is None,
        zone.valid_to or date.min,
    )


def zones_on(zones: list[Zone], day: date) -> list[Zone]:
    """The zones valid on a date."""
    return [zone for zone in zones if zone.valid_on(day)]


# ------------------------------------------------------------------------------------------- output


def _geojson_geometries(geometries: list[BaseGeometry]) -> list[dict]:
    """GeoJSON geometries, coordinates rounded to COORDINATE_DECIMALS (they are on that grid already).

    Converted all at once through shapely's ragged arrays: per-ring calls are slow at thousands of towns.
    """
    if not geometries:
        return []
    _, coords, (ring_offsets, part_offsets, geom_offsets) = shapely.to_ragged_array(geometries)
    rounded = np.round(coords, COORDINATE_DECIMALS)
    if np.array_equal(rounded, coords):
        points = coords.tolist()
    else:  # not expected: faces are noded on the grid
        points = [[round(float(x), COORDINATE_DECIMALS) for x in xy] for xy in coords]
    rings = [points[ring_offsets[i]:ring_offsets[i + 1]] for i in range(len(ring_offsets) - 1)]
    parts = [rings[part_offsets[i]:part_offsets[i + 1]] for i in range(len(part_offsets) - 1)]
    out = []
    for index, geometry in enumerate(geometries):
        polygons = parts[geom_offsets[index]:geom_offsets[index + 1]]
        if geometry.geom_type == "Polygon":
            out.append({"type": "Polygon", "coordinates": polygons[0]})
        else:
            out.append({"type": "MultiPolygon", "coordinates": polygons})
    return out


def _feature(zone: Zone, geometry: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": geometry,
        "properties": {
            "force": zone.force,
            "status": zone.status,
            "contested_by": list(zone.contested_by),
            "valid_from": zone.valid_from.isoformat() if zone.valid_from else None,
            "valid_to": zone.valid_to.isoformat() if zone.valid_to else None,
            "area_km2": round(zone.area_km2, 1),
            "towns": list(zone.towns),
        },
    }


def zone_features(zones: list[Zone]) -> list[dict]:
    """One GeoJSON Feature per zone, in the zones' order."""
    geometries = _geojson_geometries([zone.geometry for zone in zones])
    return [_feature(zone, geometry) for zone, geometry in zip(zones, geometries)]


def zones_feature_collection(zones: list[Zone]) -> dict:
    """RFC 7946 FeatureCollection (EPSG:4326 lon/lat, counterclockwise exteriors) of the zones."""
    return {"type": "FeatureCollection", "features": zone_features(zones)}


def zones_geojson_text(zones: list[Zone]) -> str:
    """zones.geojson's text: compact (indenting the coordinate arrays would triple the size), one
    feature per line, keys in a fixed order, newline at the end — the same bytes for the same zones."""
    lines = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in zone_features(zones)]
    body = ",\n".join(lines)
    return '{"type":"FeatureCollection","features":[\n' + body + ("\n" if lines else "") + "]}\n"


def area_rows(zones: list[Zone]) -> list[dict]:
    """Rows of areas.csv: per date on which the zones change, one row per force.

    `date` is ISO, or "" for the state before the first change date (start unknown). `area_km2` and
    `towns` count zones the force holds; `contested_area_km2` and `contested_towns` zones it holds
    while contested (a contested zone counts for its `force` only, so no area is counted twice).
    Every force that has a zone at any time gets a row at every date (zero when it has none).
    """
    forces = sorted({zone.force for zone in zones})
    starts: list[date | None] = sorted({d for z in zones for d in (z.valid_from, z.valid_to) if d is not None})
    if any(zone.valid_from is None for zone in zones):
        starts.insert(0, None)
    rows = []
    for start in starts:
        live = [z for z in zones if z.valid_from is None] if start is None else zones_on(zones, start)
        for force in forces:
            held = [z for z in live if z.force == force and z.status == "held"]
            contested = [z for z in live if z.force == force and z.status == "contested"]
            rows.append(
                {
                    "date": start.isoformat() if start else "",
                    "force": force,
                    "area_km2": round(sum(z.area_km2 for z in held), 1),
                    "towns": sum(len(z.towns) for z in held),
                    "contested_area_km2": round(sum(z.area_km2 for z in contested), 1),
                    "contested_towns": sum(len(z.towns) for z in contested),
                }
            )
    return rows
