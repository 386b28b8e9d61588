"""Control zones: each town's area of influence, coloured by who held the town, for every change date.

An estimate derived from town control, not a front line. How a zone is made (see README, "Control zones"):

1. Each place is put in the country whose Natural Earth polygon contains it (or the nearest one within
   `COUNTRY_SNAP_KM`, for towns on a generalised coast or border line). Places in no country get no zone.
2. Per country, the places' Voronoi cells are computed in an equal-area CRS (`EQUAL_AREA_CRS`) and each
   cell is clipped to its country and to a disc of `radius_km` around its place, so that empty desert
   and the far side of a border are not claimed. Towns at the same point share one site and one cell.
3. The clipped cells are projected to EPSG:4326 and noded together on a 1e-5° grid into faces that share
   their vertices exactly (a polygon coverage); each site's cell is the union of its faces, so cells
   never overlap and neighbours share their edges vertex for vertex, also after the coordinates are
   rounded for the file.
4. A zone is one site's cell over one run of that site's state: the site's own change dates (the
   `valid_from`/`valid_to` of its towns' periods) cut time into intervals; on each, the periods covering
   it give the state — force, status and contested_by (`_combine`) — and the towns. Consecutive
   intervals with the same state and towns are one zone, so a zone changes exactly at its site's change
   dates and the number of zones grows with towns × their periods, never with the number of change
   dates overall. An interval no period covers gets no zone (the cell is left empty, not given to its
   neighbours).

Zones are never unions across sites: the map colours each town's cell by the town's state. Dissolving
the cells of one force into one territory is left to GIS users (e.g. dissolve the features valid on a
date by `force`); the cells already form a clean coverage, so that union is exact.

The cells depend only on the set of places, so they are computed once, and each zone of a site shares
its geometry object (converted to GeoJSON once).
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
from geo.schema import COORDINATE_DECIMALS
from geo.state import covers

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

_GRID = 10.0 ** -COORDINATE_DECIMALS

#: Segments per quarter circle of the disc around each place: a 32-gon, within 120 m of a 25 km circle
#: (0.6 % less area), which keeps zones.geojson small.
_QUAD_SEGS = 8

STATUSES = ("held", "contested")

#: areas.csv sums areas as integers in units of 2**-70 km²: scaling a float by a power of two is exact,
#: and every zone's area (a few m² and up) is a whole number of them, so the sums are exact.
_AREA_UNIT = 2.0**70

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
    """One town's cell (or the cell of towns sharing a point) over one run of dates on which its state
    — force, status, contested_by — stays the same, in EPSG:4326.

    `towns` are the places at the cell's point whose periods give it its state. The zones of one cell
    share one `geometry` object: a valid Polygon or MultiPolygon with coordinates on the output grid
    and exteriors counterclockwise (RFC 7946). `area_km2` is measured in `EQUAL_AREA_CRS`, unrounded.
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
        return covers(self.valid_from, self.valid_to, day)


_State = tuple[str, str, tuple[str, ...]]  # force, status, contested_by


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
    """Per site, its cell in EPSG:4326 on the output grid (None: no cell) and the cell's area."""

    geometry: list[BaseGeometry | None]
    area_km2: np.ndarray


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
    # The others go to the nearest country within COUNTRY_SNAP_KM (ties: the first). dwithin on the
    # prepared shapes finds the few candidates; exact distances are measured only for those.
    outside = np.flatnonzero(country_of < 0)
    if len(outside) and shapes:
        near = np.array([shapely.dwithin(shape, points[outside], COUNTRY_SNAP_KM * 1000) for shape in shapes])
        for local in np.flatnonzero(near.any(axis=0)):
            candidates = np.flatnonzero(near[:, local])
            distances = shapely.distance(np.asarray(shapes, dtype=object)[candidates], points[outside[local]])
            country_of[outside[local]] = candidates[int(np.argmin(distances))]

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
        crossing = np.flatnonzero(~shapely.contains(shape, discs[members]))
        boxes = [shapely.clip_by_rect(shape, *bounds) for bounds in shapely.bounds(discs[members[crossing]])]
        clipped[crossing] = shapely.intersection(clipped[crossing], np.asarray(boxes, dtype=object))
        cells[members] = clipped
    return cells


def _build_cells(sites_lonlat: np.ndarray, countries: tuple[str, ...], radius_km: float) -> _Cells:
    sites_xy = shapely.get_coordinates(to_equal_area(shapely.points(sites_lonlat)))
    cells = _polygonal(to_lonlat(_site_cells(sites_xy, countries, radius_km * 1000.0)))
    geometry: list[BaseGeometry | None] = [None] * len(cells)
    area_km2 = np.zeros(len(cells))
    present = np.flatnonzero(~shapely.is_empty(cells))
    if len(present) == 0:
        return _Cells(geometry, area_km2)
    # Node every cell boundary on the output grid, so neighbouring faces share exact vertices.
    noded = shapely.union_all(shapely.boundary(cells[present]), grid_size=_GRID)
    faces = shapely.get_parts(shapely.polygonize([noded]))  # the noded linework as one geometry: no per-line objects
    faces = faces[~shapely.is_empty(faces)]
    probes = shapely.point_on_surface(faces)
    face_index, cell_index = shapely.STRtree(cells[present]).query(probes, predicate="intersects")
    # A probe on a shared edge hits two cells: the lowest cell wins.
    order = np.lexsort((cell_index, face_index))
    hit_faces, first_hit = np.unique(face_index[order], return_index=True)
    owner = np.full(len(faces), -1)
    owner[hit_faces] = present[cell_index[order][first_hit]]
    kept = np.flatnonzero(owner >= 0)
    faces, owner = faces[kept], owner[kept]
    face_area = shapely.area(to_equal_area(faces)) / 1e6
    # Faces grouped by site (in face order within a site, so the union is the same on every run).
    order = np.argsort(owner, kind="stable")
    sites, first, count = np.unique(owner[order], return_index=True, return_counts=True)
    area_km2[sites] = np.add.reduceat(face_area[order], first)
    single = count == 1  # most cells are one face: just orient them, all at once
    oriented = shapely.orient_polygons(faces[order[first[single]]], exterior_cw=False)
    for site, polygon in zip(sites[single], oriented):
        geometry[site] = polygon
    for site, start, n in zip(sites[~single], first[~single], count[~single]):
        geometry[site] = _dissolve(faces[order[start:start + n]])
    return _Cells(geometry, area_km2)


def _polygonal(geometries: np.ndarray) -> np.ndarray:
    """Valid polygonal parts only (clipping can leave lines or points where shapes touch)."""
    out = np.array(geometries, dtype=object)
    empty = shapely.is_empty(out)
    out[empty] = Polygon()
    simple = (shapely.get_type_id(out) == shapely.GeometryType.POLYGON) & shapely.is_valid(out)
    for i in np.flatnonzero(~simple & ~empty):  # the few others: repair, keep the polygons
        geometry = geometries[i]
        if not geometry.is_valid:
            geometry = shapely.make_valid(geometry)
        parts = [p for p in shapely.get_parts(geometry) if isinstance(p, (Polygon, MultiPolygon)) and not p.is_empty]
        out[i] = Polygon() if not parts else (parts[0] if len(parts) == 1 else shapely.union_all(parts))
    return out


def _dissolve(faces: np.ndarray) -> BaseGeometry:
    """Union of faces of the coverage: valid by construction, vertices stay on the grid."""
    union = faces[0] if len(faces) == 1 else shapely.coverage_union_all(faces)
    if not isinstance(union, (Polygon, MultiPolygon)):
        union = MultiPolygon([p for p in shapely.get_parts(union) if isinstance(p, Polygon) and not p.is_empty])
    return shapely.orient_polygons(union, exterior_cw=False)


# -------------------------------------------------------------------------------------------- zones


def derive_zones(
    periods: list[TownPeriod],
    countries: tuple[str, ...] = DEFAULT_COUNTRIES,
    radius_km: float = DEFAULT_RADIUS_KM,
) -> list[Zone]:
    """One zone per site (town point) and run of that site's state, sorted by valid_from (open start
    first), status, force, contested_by, valid_to, towns.

    On any date the zones valid then do not overlap; a zone's `towns` are the places at its site whose
    periods give it its state.
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
    if not site_points:
        return []
    site_of_point = {point: i for i, point in enumerate(site_points)}
    periods_of_site: dict[int, list[TownPeriod]] = defaultdict(list)
    for period in periods:
        if period.valid_from is None or period.valid_to is None or period.valid_from < period.valid_to:
            periods_of_site[site_of_point[location[period.place_id]]].append(period)

    cells = _build_cells(np.asarray(site_points, dtype=float), tuple(countries), radius_km)

    zones = []
    for site in sorted(periods_of_site):
        geometry = cells.geometry[site]
        if geometry is None:  # outside every country: no cell
            continue
        area = float(cells.area_km2[site])
        for (force, status, contested_by), towns, valid_from, valid_to in _site_runs(periods_of_site[site]):
            zones.append(Zone(force, status, contested_by, valid_from, valid_to, towns, area, geometry))
    zones.sort(key=_zone_order)
    return zones


def _site_runs(
    periods: list[TownPeriod],
) -> list[tuple[_State, tuple[str, ...], date | None, date | None]]:
    """The runs of one site's periods: (state, towns, valid_from, valid_to), in time order.

    The site's own change dates cut time into intervals; on each, the periods covering it give the
    state (`_combine`) and the towns (those periods' places). Consecutive intervals with the same state
    and towns are one run; an interval no period covers ends the run and starts none.
    """
    # None as a start sorts first, None as an end last.
    def start_key(day: date | None) -> tuple[int, date]:
        return (0, date.min) if day is None else (1, day)

    def end_key(day: date | None) -> tuple[int, date]:
        return (2, date.max) if day is None else (1, day)

    spans = [(start_key(p.valid_from), end_key(p.valid_to), p) for p in periods]
    bounds = sorted({b for first, last, _ in spans for b in (first, last)})
    runs: list[tuple[_State, tuple[str, ...], date | None, date | None]] = []
    current: tuple[_State, tuple[str, ...]] | None = None
    run_start: tuple[int, date] | None = None

    def close(end: tuple[int, date]) -> None:
        if current is not None:
            runs.append((*current, _bound_date(run_start), _bound_date(end)))

    for first, last in zip(bounds[:-1], bounds[1:]):
        covering = [p for a, b, p in spans if a <= first and last <= b]
        state = _combine(covering)
        here = None if state is None else (state, tuple(sorted({p.place_id for p in covering})))
        if here != current:
            close(first)
            current, run_start = here, first
    close(bounds[-1])
    return runs


def _bound_date(key: tuple[int, date]) -> date | None:
    return None if key[0] != 1 else key[1]


def _zone_order(zone: Zone):
    return (
        zone.valid_from is not None,
        zone.valid_from or date.min,
        zone.status,
        zone.force,
        zone.contested_by,
        zone.valid_to is None,
        zone.valid_to or date.min,
        zone.towns,  # distinct for zones of different sites that agree on all else
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
    _, coords, offsets = shapely.to_ragged_array(geometries)
    if len(offsets) == 2:  # Polygons only: one part per geometry
        ring_offsets, part_offsets = offsets
        geom_offsets = np.arange(len(geometries) + 1)
    else:
        ring_offsets, part_offsets, geom_offsets = offsets
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


def _properties(zone: Zone) -> dict:
    return {
        "force": zone.force,
        "status": zone.status,
        "contested_by": list(zone.contested_by),
        "valid_from": zone.valid_from.isoformat() if zone.valid_from else None,
        "valid_to": zone.valid_to.isoformat() if zone.valid_to else None,
        "area_km2": round(zone.area_km2, 1),
        "towns": list(zone.towns),
    }


def _shared_geometries(zones: list[Zone]) -> tuple[list[dict], list[int]]:
    """The zones' GeoJSON geometries, each geometry object converted once (a site's zones share one),
    and per zone the index of its geometry."""
    index: dict[int, int] = {}
    unique: list[BaseGeometry] = []
    of_zone = []
    for zone in zones:
        key = id(zone.geometry)
        if key not in index:
            index[key] = len(unique)
            unique.append(zone.geometry)
        of_zone.append(index[key])
    return _geojson_geometries(unique), of_zone


def zone_features(zones: list[Zone]) -> list[dict]:
    """One GeoJSON Feature per zone, in the zones' order."""
    geometries, of_zone = _shared_geometries(zones)
    return [
        {"type": "Feature", "geometry": geometries[g], "properties": _properties(zone)}
        for zone, g in zip(zones, of_zone)
    ]


def zones_feature_collection(zones: list[Zone]) -> dict:
    """RFC 7946 FeatureCollection (EPSG:4326 lon/lat, counterclockwise exteriors) of the zones."""
    return {"type": "FeatureCollection", "features": zone_features(zones)}


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def zones_geojson_text(zones: list[Zone]) -> str:
    """zones.geojson's text: compact (indenting the coordinate arrays would triple the size), one
    feature per line, keys in a fixed order, newline at the end — the same bytes for the same zones.

    Each line is `json.dumps` of the zone's feature (as `zone_features` gives it); a geometry shared by
    several zones of one site is encoded once.
    """
    geometries, of_zone = _shared_geometries(zones)
    encoded = [_json(geometry) for geometry in geometries]
    lines = [
        '{"type":"Feature","geometry":' + encoded[g] + ',"properties":' + _json(_properties(zone)) + "}"
        for zone, g in zip(zones, of_zone)
    ]
    body = ",\n".join(lines)
    return '{"type":"FeatureCollection","features":[\n' + body + ("\n" if lines else "") + "]}\n"


def area_rows(zones: list[Zone]) -> list[dict]:
    """Rows of areas.csv: per date on which the zones change, one row per force.

    `date` is ISO, or "" for the state before the first change date (start unknown). `area_km2` and
    `towns` count zones the force holds; `contested_area_km2` and `contested_towns` zones it holds
    while contested (a contested zone counts for its `force` only, so no area is counted twice).
    Every force that has a zone at any time gets a row at every date (zero when it has none).

    One sweep over the zones' start and end dates, O(zones + dates × forces). Areas are added and
    subtracted as integers (`_AREA_UNIT`), so every total is the exact sum of the zones' areas (as
    `math.fsum` would give it) whatever the order of the zones, and nothing drifts along the sweep.
    """
    forces = sorted({zone.force for zone in zones})
    column = {force: i for i, force in enumerate(forces)}
    # Per date, the zones starting and ending then, as (force column, contested?, ±area, ±towns).
    deltas: dict[date, list[tuple[int, int, int, int]]] = defaultdict(list)
    area = [[0, 0] for _ in forces]  # [held, contested] per force, in _AREA_UNIT
    towns = [[0, 0] for _ in forces]
    open_start = False
    for zone in zones:
        f, s = column[zone.force], int(zone.status == "contested")
        units, n = int(zone.area_km2 * _AREA_UNIT), len(zone.towns)
        if zone.valid_from is None:
            open_start = True
            area[f][s] += units
            towns[f][s] += n
        else:
            deltas[zone.valid_from].append((f, s, units, n))
        if zone.valid_to is not None:
            deltas[zone.valid_to].append((f, s, -units, -n))

    rows: list[dict] = []

    def emit(label: str) -> None:
        for force, f in column.items():
            rows.append(
                {
                    "date": label,
                    "force": force,
                    "area_km2": round(area[f][0] / _AREA_UNIT, 1) if towns[f][0] else 0,
                    "towns": towns[f][0],
                    "contested_area_km2": round(area[f][1] / _AREA_UNIT, 1) if towns[f][1] else 0,
                    "contested_towns": towns[f][1],
                }
            )

    if open_start:
        emit("")
    for day in sorted(deltas):
        for f, s, units, n in deltas[day]:
            area[f][s] += units
            towns[f][s] += n
        emit(day.isoformat())
    return rows
