"""Reading the layer files that `python -m geo build` writes, checked against `geo.schema`.

No Streamlit here: the dashboard, the CLI's `state` command and the tests all read the layer through
these functions. Every problem raises `LayerError` naming the file, the feature or row, the field and
what to do, instead of letting a half-read layer reach the map.

A layer folder (`data/build`) holds each build in its own folder under `versions/` and a symlink
`current` to the published one, which a build replaces in one atomic step (see geo/io/write.py).
`read_layer` resolves `current` once and reads every file from that one build, so a reader never sees
half of one build and half of the next. A plain folder of the files (what builds wrote before, or a
copy) is read as it is, and read again if its files changed while they were being read.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from geo.io import feature_stream
from geo.schema import EVENT_COLUMNS, ControlPeriodProperties, ControlStatus, EventRow, PlaceProperties
from geo.state import covers

CONTROL_FILE = "control.geojson"
PLACES_FILE = "places.geojson"
EVENTS_FILE = "events.csv"
REPORT_FILE = "report.json"
ZONES_FILE = "zones.geojson"
AREAS_FILE = "areas.csv"
BORDERS_FILE = "borders.geojson"
LAYER_FILES = (CONTROL_FILE, PLACES_FILE, EVENTS_FILE, REPORT_FILE)
#: Written by newer builds; a build without them still loads (no zones, no area chart, no borders file:
#: the dashboard then reads the countries itself).
OPTIONAL_FILES = (ZONES_FILE, AREAS_FILE, BORDERS_FILE)
#: The layout of a layer folder (geo/io/write.py writes it): the published build is `current`, a
#: relative symlink to `versions/<build>`; the layer files at the top are symlinks through `current`.
CURRENT_LINK = "current"
VERSIONS_DIR = "versions"
#: Written into every build by geo/io/write.py: who wrote it and from which articles.
BUILD_MARKER = "build.json"
#: Columns of areas.csv (the same as geo.zones.AREA_COLUMNS, kept here so reading needs no shapely).
AREA_COLUMNS: tuple[str, ...] = ("date", "force", "area_km2", "towns", "contested_area_km2", "contested_towns")
_REBUILD_HINT = "rebuild it with `python -m geo build` (or `make build`)"


class LayerError(ValueError):
    """A layer file that is missing or does not follow the contract of geo/schema.py."""


class ControlPeriod(ControlPeriodProperties):
    """One feature of control.geojson: a place's control period and the point it is drawn at."""

    lon: float
    lat: float


class PlacePoint(PlaceProperties):
    """One feature of places.geojson with its coordinates."""

    lon: float
    lat: float


class _Zone(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class ZoneProperties(_Zone):
    """The properties of one zones.geojson feature (see docs/zones.md); extra properties are ignored."""

    force: str = Field(min_length=1)
    status: ControlStatus
    contested_by: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_to: date | None = None
    area_km2: float = Field(ge=0)
    towns: tuple[str, ...] = ()


class ZoneFeature(ZoneProperties):
    """One zone: a force's estimated area over a span of dates, with its GeoJSON geometry (lon/lat).

    The geometry is held as its compact JSON text, the form it is published in: as nested lists of floats
    the zones of a 10,000-town layer took 66 MB of the dashboard's memory, as text about 10.
    `ZoneFeature(..., geometry={...})` is accepted and `.geometry` gives the dict back."""

    geometry_json: str

    @model_validator(mode="before")
    @classmethod
    def _geometry_as_text(cls, values):
        if isinstance(values, dict) and "geometry" in values:
            values = dict(values)
            values["geometry_json"] = geometry_text(values.pop("geometry"))
        return values

    @property
    def geometry(self) -> dict:
        return json.loads(self.geometry_json)

    def valid_on(self, day: date) -> bool:
        return covers(self.valid_from, self.valid_to, day)


class AreaRow(_Zone):
    """One row of areas.csv: a force's estimated area and towns from `date` (None = before the first change)."""

    date: date | None
    force: str = Field(min_length=1)
    area_km2: float = Field(ge=0)
    towns: int = Field(ge=0)
    contested_area_km2: float = Field(ge=0)
    contested_towns: int = Field(ge=0)


@dataclass(frozen=True)
class Layer:
    """The build files, read and validated (zones and areas are empty for a build that has none)."""

    build_dir: Path
    periods: list[ControlPeriod]
    places: list[PlacePoint]
    events: list[EventRow]
    report: dict = field(default_factory=dict)
    zones: list[ZoneFeature] = field(default_factory=list)
    areas: list[AreaRow] = field(default_factory=list)
    #: The country borders the map draws (borders.geojson), None for a build that has none.
    borders: dict | None = None
    #: Which build the files came from (`LayerVersion.key`): differs for every build of a folder.
    version: str = ""

    @property
    def articles(self) -> list[dict]:
        """report.json's articles, each a dict (keys may be missing in older builds)."""
        return [a for a in self.report.get("articles") or [] if isinstance(a, dict)]


def geometry_text(geometry: dict) -> str:
    """A GeoJSON geometry as compact JSON text, keys sorted: equal geometries give equal texts."""
    return json.dumps(geometry, sort_keys=True, separators=(",", ":"))


_FIELD_SETS: dict[frozenset, frozenset] = {}


def _shared_fields_set(model: BaseModel) -> BaseModel:
    """Make `model` (and the models it holds) share one frozen set of the field names it was given.

    Pydantic gives every instance its own set of those names: 2.2 KB for an events.csv row, more than the
    row's values. A file's records all give the same fields and the layer's models are frozen, so one set
    per shape serves them all; at 10,000 towns this is about 100 MB of the dashboard's memory. Frozen, so a
    stray `model_copy(update=...)` fails loudly instead of changing every record's set."""
    names = frozenset(model.__pydantic_fields_set__)
    object.__setattr__(model, "__pydantic_fields_set__", _FIELD_SETS.setdefault(names, names))
    for value in model.__dict__.values():
        if isinstance(value, list) and value and isinstance(value[0], BaseModel):
            for item in value:
                _shared_fields_set(item)
    return model


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error["loc"]) or "(record)"
        parts.append(f"{where}: {error['msg']}")
    more = len(exc.errors()) - 3
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise LayerError(f"{path}: file not found; {_REBUILD_HINT}")
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise LayerError(f"{path}: not UTF-8 text ({exc.reason}); {_REBUILD_HINT}") from None


def _not_json(path: Path, exc: json.JSONDecodeError) -> LayerError:
    return LayerError(f"{path}: not valid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}; "
                      f"{_REBUILD_HINT}")


def _load_json(path: Path):
    path = Path(path)
    text = _read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _not_json(path, exc) from None


def _features(path: Path) -> Iterator[tuple[int, dict]]:
    """(index, feature) of the FeatureCollection in `path`, decoded one at a time (geo/io/feature_stream.py)."""
    text = _read_text(path)
    try:
        yield from enumerate(feature_stream.features(text))
    except json.JSONDecodeError as exc:
        raise _not_json(path, exc) from None
    except feature_stream.NotAFeatureCollection as exc:
        raise LayerError(f"{path}: {exc}; {_REBUILD_HINT}") from None


def _point_features(path: Path) -> Iterator[tuple[int, dict, float, float]]:
    for index, feature in _features(path):
        where = f"{path}: feature {index}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise LayerError(f"{where}: not a GeoJSON Feature")
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates")
        if geometry.get("type") != "Point" or not isinstance(coordinates, list) or len(coordinates) < 2:
            raise LayerError(f"{where}: geometry must be a Point with [lon, lat] coordinates")
        lon, lat = coordinates[0], coordinates[1]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lon, lat)) or not (
            -180 <= lon <= 180 and -90 <= lat <= 90
        ):
            raise LayerError(f"{where}: coordinates {coordinates!r} are not a longitude, latitude pair")
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            raise LayerError(f"{where}: 'properties' must be an object")
        yield index, properties, float(lon), float(lat)


def read_control(path: Path) -> list[ControlPeriod]:
    """control.geojson → one `ControlPeriod` per feature, validated against ControlPeriodProperties."""
    periods = []
    for index, properties, lon, lat in _point_features(Path(path)):
        try:
            period = ControlPeriod(**properties, lon=lon, lat=lat)
        except ValidationError as exc:
            place = properties.get("place_id", "?")
            raise LayerError(f"{path}: feature {index} (place_id {place!r}): {_describe(exc)}; "
                             f"{_REBUILD_HINT}") from None
        except TypeError as exc:
            raise LayerError(f"{path}: feature {index}: {exc}") from None
        if period.valid_from and period.valid_to and period.valid_to <= period.valid_from:
            raise LayerError(f"{path}: feature {index} (place_id {period.place_id!r}): valid_to "
                             f"{period.valid_to} is not after valid_from {period.valid_from}")
        periods.append(_shared_fields_set(period))
    return periods


def read_places(path: Path) -> list[PlacePoint]:
    """places.geojson → one `PlacePoint` per feature, validated against PlaceProperties."""
    places = []
    for index, properties, lon, lat in _point_features(Path(path)):
        try:
            places.append(_shared_fields_set(PlacePoint(**properties, lon=lon, lat=lat)))
        except ValidationError as exc:
            place = properties.get("place_id", "?")
            raise LayerError(f"{path}: feature {index} (place_id {place!r}): {_describe(exc)}; "
                             f"{_REBUILD_HINT}") from None
    return places


_NULLABLE = {name for name, info in EventRow.model_fields.items() if not info.is_required() and info.default is None}
_NULLABLE |= {"date"}


def _read_csv(path: Path, check_header, record) -> list:
    """The rows of a CSV layer file through `record(row) -> model`, each error naming the file and line.

    `check_header(header)` returns what is wrong with the header, or None."""
    path = Path(path)
    if not path.is_file():
        raise LayerError(f"{path}: file not found; {_REBUILD_HINT}")
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            problem = check_header(tuple(reader.fieldnames or ()))
            if problem:
                raise LayerError(f"{path}: {problem}; {_REBUILD_HINT}")
            rows = []
            for row in reader:
                if None in row or None in row.values():
                    raise LayerError(f"{path}: line {reader.line_num}: wrong number of cells")
                # A source, a kind, a date, each quote that control.geojson holds too: held once.
                row = {key: sys.intern(value) for key, value in row.items()}
                try:
                    rows.append(_shared_fields_set(record(row)))
                except ValidationError as exc:
                    raise LayerError(f"{path}: line {reader.line_num}: {_describe(exc)}; {_REBUILD_HINT}") from None
    except UnicodeDecodeError as exc:
        raise LayerError(f"{path}: not UTF-8 text ({exc.reason}); {_REBUILD_HINT}") from None
    return rows


#: Columns a build from before the analysts' review did not write: their defaults say "machine-read only".
_REVIEW_COLUMNS = ("review", "review_reason", "decision_key", "occurrence")


def _events_header_problem(header: tuple[str, ...]) -> str | None:
    missing_review = set(EVENT_COLUMNS) - set(header)
    if header == tuple(c for c in EVENT_COLUMNS if c not in missing_review) and missing_review <= set(_REVIEW_COLUMNS):
        return None
    missing = [c for c in EVENT_COLUMNS if c not in header]
    extra = [c for c in header if c not in EVENT_COLUMNS]
    return f"header does not match the contract (missing {missing}, unexpected {extra})"


def read_events(path: Path) -> list[EventRow]:
    """events.csv → `EventRow`s; empty cells of optional columns are nulls."""
    return _read_csv(path, _events_header_problem, lambda row: EventRow(
        **{k: (None if v == "" and k in _NULLABLE else v) for k, v in row.items()}))


def read_report(path: Path) -> dict:
    """report.json as a dict; its shape may grow, so callers read it with .get(). The entries the dashboard
    shows are checked (`check_report`)."""
    return check_report(_load_json(Path(path)), path)


class _ReportEntry(BaseModel):
    model_config = ConfigDict(extra="allow")  # builds may add fields; only the ones shown are checked


class ReportArticle(_ReportEntry):
    """An entry of report.json's `articles`: what the Sources page shows of an article."""

    article_id: str = Field(min_length=1)
    file: str | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    language: str | None = None
    text: str | None = None


class ReportSkipped(_ReportEntry):
    """An entry of `skipped`: a file the build could not use, and why."""

    file: str
    reason: str


class ReportUnresolved(_ReportEntry):
    """An entry of `unresolved`: a name no place was found for, where it was read."""

    name: str
    article_id: str | None = None
    sentence: str | None = None


_REPORT_LISTS = {"articles": ReportArticle, "skipped": ReportSkipped, "unresolved": ReportUnresolved}


def check_report(data: object, path: Path) -> dict:
    """`data` (report.json's content) when it is an object whose `articles`, `skipped` and `unresolved`
    (each optional) are lists of entries of the shapes above; otherwise LayerError naming the entry and field."""
    if not isinstance(data, dict):
        raise LayerError(f"{path}: must be a JSON object; {_REBUILD_HINT}")
    for key, model in _REPORT_LISTS.items():
        entries = data.get(key)
        if entries is None:
            continue
        if not isinstance(entries, list):
            raise LayerError(f"{path}: '{key}' must be a list; {_REBUILD_HINT}")
        for index, entry in enumerate(entries):
            if not isinstance(entry, dict):
                raise LayerError(f"{path}: {key}[{index}] must be an object; {_REBUILD_HINT}")
            try:
                model.model_validate(entry)
            except ValidationError as exc:
                raise LayerError(f"{path}: {key}[{index}]: {_describe(exc)}; {_REBUILD_HINT}") from None
    return data


_POLYGONS = ("Polygon", "MultiPolygon")


def read_borders(path: Path) -> dict:
    """borders.geojson: a FeatureCollection of (Multi)Polygons, kept as it is for the map."""
    path = Path(path)
    data = _load_json(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise LayerError(f"{path}: not a GeoJSON FeatureCollection with a 'features' list; {_REBUILD_HINT}")
    for index, feature in enumerate(data["features"]):
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if not isinstance(geometry, dict) or geometry.get("type") not in _POLYGONS:
            raise LayerError(f"{path}: feature {index}: not a Polygon or MultiPolygon feature; {_REBUILD_HINT}")
    return data


def read_zones(path: Path) -> list[ZoneFeature]:
    """zones.geojson → one `ZoneFeature` per Polygon/MultiPolygon feature, properties validated."""
    path = Path(path)
    zones = []
    for index, feature in _features(path):
        where = f"{path}: feature {index}"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise LayerError(f"{where}: not a GeoJSON Feature")
        geometry = feature.get("geometry")
        if not isinstance(geometry, dict) or geometry.get("type") not in _POLYGONS or not isinstance(
            geometry.get("coordinates"), list
        ):
            raise LayerError(f"{where}: geometry must be a Polygon or MultiPolygon with coordinates; {_REBUILD_HINT}")
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            raise LayerError(f"{where}: 'properties' must be an object")
        try:
            zone = ZoneFeature(**{k: v for k, v in properties.items() if k != "geometry"}, geometry=geometry)
        except ValidationError as exc:
            raise LayerError(f"{where}: {_describe(exc)}; {_REBUILD_HINT}") from None
        if zone.valid_from and zone.valid_to and zone.valid_to <= zone.valid_from:
            raise LayerError(f"{where}: valid_to {zone.valid_to} is not after valid_from {zone.valid_from}")
        zones.append(_shared_fields_set(zone))
    return zones


def _areas_header_problem(header: tuple[str, ...]) -> str | None:
    missing = [c for c in AREA_COLUMNS if c not in header]
    return f"header lacks the columns {missing}" if missing else None


def read_areas(path: Path) -> list[AreaRow]:
    """areas.csv → `AreaRow`s; an empty date is the state before the first change date."""
    return _read_csv(path, _areas_header_problem,
                     lambda row: AreaRow(**{c: row[c] for c in AREA_COLUMNS if c != "date"}, date=row["date"] or None))


_PLAIN_KEY = "files "


@dataclass(frozen=True)
class LayerVersion:
    """One build of a layer folder: the folder its files are in, and a key unique to that build."""

    folder: Path
    key: str

    @property
    def published(self) -> bool:
        """A build folder under versions/, never changed once published (not a plain folder of files)."""
        return not self.key.startswith(_PLAIN_KEY)


def current_version(build_dir: Path) -> LayerVersion:
    """The build a reader of `build_dir` should read now: what its `current` link points to (read once),
    or, for a plain folder of layer files, the folder itself keyed by its files' identity and mtimes."""
    build_dir = Path(build_dir)
    try:
        target = os.readlink(build_dir / CURRENT_LINK)
    except OSError:  # no link (a plain folder, or nothing yet), or `current` is not a link (a copy)
        pass
    else:
        # The version folder's name is unique to its build (geo/io/write.py), so it is the key.
        return LayerVersion(build_dir / target, target)
    stamps = []
    for name in LAYER_FILES + OPTIONAL_FILES:
        try:
            stat = os.stat(build_dir / name)
        except OSError:
            continue
        stamps.append(f"{name}:{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}")
    return LayerVersion(build_dir, _PLAIN_KEY + " ".join(stamps))


def layer_exists(build_dir: Path) -> bool:
    """Whether `build_dir` has a published layer (its control.geojson at least)."""
    return (current_version(build_dir).folder / CONTROL_FILE).is_file()


#: A reader retries when the build it was reading was replaced meanwhile; more than this many
#: replacements during one read means something rewrites the folder in a loop.
_READ_ATTEMPTS = 5


def read_layer(build_dir: Path) -> Layer:
    """All files of one build of a layer folder: the four required ones, and zones/areas when it has them.

    `build_dir` is the folder a user names (`data/build`): its `current` build is resolved once and every
    file read from it. If that build was replaced (and removed) while being read, or a plain folder's
    files changed under the reader, the reading starts again on what is current then."""
    build_dir = Path(build_dir)
    for _ in range(_READ_ATTEMPTS):
        version = current_version(build_dir)
        try:
            return read_build(version)
        except (LayerError, OSError):
            if current_version(build_dir) != version:
                continue  # a newer build was published while this one was read: read that one
            raise
    raise LayerError(f"{build_dir}: the layer was replaced {_READ_ATTEMPTS} times while being read; "
                     "is something rebuilding it in a loop? Try again once builds stop.")


def read_build(version: LayerVersion) -> Layer:
    """The files of the one build `version` (from `current_version`); no retry (see `read_layer`).

    A plain folder's files can be replaced while they are read (an upgrade to versions/ replaces them one
    by one): that raises `LayerError`, so that the caller reads what is current then."""
    folder = version.folder
    if not folder.is_dir():
        raise LayerError(f"{folder}: build folder not found; {_REBUILD_HINT}")
    zones_path, areas_path, borders_path = folder / ZONES_FILE, folder / AREAS_FILE, folder / BORDERS_FILE
    layer = Layer(
        build_dir=folder,
        periods=read_control(folder / CONTROL_FILE),
        places=read_places(folder / PLACES_FILE),
        events=read_events(folder / EVENTS_FILE),
        report=read_report(folder / REPORT_FILE),
        zones=read_zones(zones_path) if zones_path.exists() else [],
        areas=read_areas(areas_path) if areas_path.exists() else [],
        borders=read_borders(borders_path) if borders_path.exists() else None,
        version=version.key,
    )
    if not version.published and current_version(folder) != version:
        raise LayerError(f"{folder}: the layer files changed while they were being read; read them again")
    return layer
