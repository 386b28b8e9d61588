"""Control zones (geo/zones.py): derived from town control periods, checked as geometry and as data.

A zone is one site's (town point's) cell over one run of that site's state; zones are never unions
across sites.
"""

from __future__ import annotations

import json
import math
import random
from datetime import date, timedelta

import geopandas as gpd
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, shape

from geo.borders import load_countries
from geo.zones import (
    AREA_COLUMNS,
    DEFAULT_RADIUS_KM,
    EQUAL_AREA_CRS,
    TownPeriod,
    area_rows,
    change_dates,
    derive_zones,
    to_equal_area,
    town_periods_from_feature_collection,
    zones_feature_collection,
    zones_geojson_text,
    zones_on,
)

D = date
TOWNS = {  # lon, lat
    "albu-kamal": (40.91854, 34.45226),
    "al-qaim": (41.09443, 34.36814),
    "deir-ez-zor": (40.14084, 35.33588),
    "raqqa": (39.00786, 35.95283),
    "mosul": (43.11889, 36.335),
    "rawa": (41.91708, 34.46887),
    "rumana": (41.0779, 34.4466),
    "al-mayadin": (40.45, 35.01667),
}


def period(place, force, start=None, end=None, status="held", contested_by=()):
    return TownPeriod(place, *TOWNS[place], force, status, tuple(contested_by), start, end)


def demo_periods() -> list[TownPeriod]:
    return [
        period("albu-kamal", "IS", None, D(2017, 11, 9)),
        period("albu-kamal", "SYRIAN_GOV", D(2017, 11, 9), D(2017, 11, 10)),
        period("albu-kamal", "SYRIAN_GOV", D(2017, 11, 10), D(2017, 11, 11), "contested", ["IS"]),
        period("albu-kamal", "IS", D(2017, 11, 11)),
        period("al-qaim", "IS", None, D(2017, 11, 3)),
        period("al-qaim", "IRAQI_GOV", D(2017, 11, 3)),
        period("deir-ez-zor", "SYRIAN_GOV", D(2017, 11, 2)),
        period("raqqa", "SDF", D(2017, 10, 1)),
        period("mosul", "IS", None, D(2017, 7, 10)),
        period("mosul", "UNKNOWN", D(2017, 7, 10)),
        period("rawa", "IS"),
        period("rumana", "IS"),
        # Known only from 14 October: before that it has no zone.
        period("al-mayadin", "SYRIAN_GOV", D(2017, 10, 14)),
    ]


@pytest.fixture(scope="module")
def periods():
    return demo_periods()


@pytest.fixture(scope="module")
def zones(periods):
    return derive_zones(periods)


def sample_days(periods) -> list[date]:
    """Every change date, the day before each, and a day in the open start."""
    dates = change_dates(periods)
    return sorted({*dates, *(d - timedelta(days=1) for d in dates), dates[0] - timedelta(days=400)})


def state_on(periods, place_id, day):
    covering = [p for p in periods if p.place_id == place_id
                and (p.valid_from is None or p.valid_from <= day) and (p.valid_to is None or day < p.valid_to)]
    assert len(covering) <= 1
    return (covering[0].force, covering[0].status, covering[0].contested_by) if covering else None


def equal_area(geometry):
    return to_equal_area(geometry)


# ---------------------------------------------------------------------------------------- geometry


def test_zone_geometries_are_valid_polygons_with_area(zones):
    assert zones
    for zone in zones:
        assert isinstance(zone.geometry, (Polygon, MultiPolygon))
        assert zone.geometry.is_valid, shapely.is_valid_reason(zone.geometry)
        assert not zone.geometry.is_empty and zone.area_km2 > 0
        assert zone.towns == tuple(sorted(zone.towns))


def test_written_geometries_are_valid_too(zones):
    for feature in json.loads(zones_geojson_text(zones))["features"]:
        geometry = shape(feature["geometry"])
        assert feature["geometry"]["type"] in ("Polygon", "MultiPolygon")
        assert geometry.is_valid, shapely.is_valid_reason(geometry)


def assert_no_overlap(zones, days):
    """Zones valid on the same date form a polygon coverage: no overlaps, shared edges share vertices."""
    for day in days:
        live = zones_on(zones, day)
        geometries = [z.geometry for z in live]
        assert shapely.coverage_is_valid(geometries), (day, shapely.coverage_invalid_edges(geometries))
        towns = [t for z in live for t in z.towns]
        assert len(set(towns)) == len(towns), f"a town in two zones on {day}"
        projected = to_equal_area(shapely.from_wkb(shapely.to_wkb(geometries)))
        tree = shapely.STRtree(projected)
        for i, j in zip(*tree.query(projected, predicate="intersects")):
            if i < j:
                overlap = projected[i].intersection(projected[j]).area
                assert overlap < 1e-6 * min(projected[i].area, projected[j].area), (day, live[i], live[j])


def test_zones_do_not_overlap_on_any_date(periods, zones):
    assert_no_overlap(zones, sample_days(periods))


def test_written_zones_do_not_overlap_either(periods, zones):
    """After rounding to 5 decimals the file's polygons still tile without overlap."""
    features = json.loads(zones_geojson_text(zones))["features"]
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS)
    for day in sample_days(periods):
        iso = day.isoformat()
        started = frame.valid_from.isna() | (frame.valid_from <= iso)
        live = frame[started & (frame.valid_to.isna() | (frame.valid_to > iso))]
        geometries = list(live.geometry)
        assert shapely.coverage_is_valid(geometries), day
        for i in range(len(geometries)):
            for j in range(i + 1, len(geometries)):
                overlap = geometries[i].intersection(geometries[j]).area
                assert overlap < 1e-6 * min(geometries[i].area, geometries[j].area)


def test_each_town_lies_in_the_zone_of_its_own_state_on_each_date(periods, zones):
    for day in sample_days(periods):
        live = zones_on(zones, day)
        for place_id, (lon, lat) in TOWNS.items():
            state = state_on(periods, place_id, day)
            containing = [z for z in live if z.geometry.contains(Point(lon, lat))]
            if state is None:
                assert containing == [], f"{place_id} has no known state on {day} but lies in a zone"
                continue
            assert len(containing) == 1, (place_id, day, containing)
            zone = containing[0]
            assert (zone.force, zone.status, zone.contested_by) == state, (place_id, day)
            assert place_id in zone.towns


def test_albu_kamal_changes_hands_and_is_contested_on_the_tenth(zones):
    def albu_kamal_on(day):
        [zone] = [z for z in zones_on(zones, day) if "albu-kamal" in z.towns]
        return zone.force, zone.status, zone.contested_by

    assert albu_kamal_on(D(2017, 11, 8)) == ("IS", "held", ())
    assert albu_kamal_on(D(2017, 11, 9)) == ("SYRIAN_GOV", "held", ())
    assert albu_kamal_on(D(2017, 11, 10)) == ("SYRIAN_GOV", "contested", ("IS",))
    assert albu_kamal_on(D(2017, 11, 11)) == ("IS", "held", ())
    [contested] = [z for z in zones if z.status == "contested"]
    assert (contested.valid_from, contested.valid_to) == (D(2017, 11, 10), D(2017, 11, 11))
    assert contested.towns == ("albu-kamal",)


def test_a_place_with_unknown_state_has_no_zone_and_its_cell_is_not_given_away(zones):
    mayadin = Point(*TOWNS["al-mayadin"])
    before = zones_on(zones, D(2017, 10, 13))
    assert not any("al-mayadin" in z.towns for z in before)
    assert not any(z.geometry.contains(mayadin) for z in before)
    after = zones_on(zones, D(2017, 10, 14))
    assert [z.force for z in after if "al-mayadin" in z.towns] == ["SYRIAN_GOV"]
    assert not any("deir-ez-zor" in z.towns for z in before)  # Deir ez-Zor is itself unknown before 2 November
    # From 2 November both are SYRIAN_GOV, and each keeps its own cell: zones are not merged across towns.
    syrian = [z for z in zones_on(zones, D(2017, 11, 2)) if z.force == "SYRIAN_GOV"]
    assert sorted(z.towns for z in syrian) == [("al-mayadin",), ("deir-ez-zor",)]
    # al-Mayadin's one zone runs from its own first date, not split by Deir ez-Zor's change on 2 November.
    assert [(z.valid_from, z.valid_to) for z in zones if "al-mayadin" in z.towns] == [(D(2017, 10, 14), None)]


def test_zones_stay_within_the_radius_and_their_towns_country():
    zones = derive_zones([period("albu-kamal", "IS"), period("al-qaim", "IRAQI_GOV")])
    syria, iraq = (load_countries((code,)).geometry.iloc[0] for code in ("SY", "IQ"))
    [albu_kamal] = [z for z in zones if z.towns == ("albu-kamal",)]
    [qaim] = [z for z in zones if z.towns == ("al-qaim",)]
    # Nothing lies across the border beyond the metre of rounding to 5 decimals.
    for zone, country in ((albu_kamal, syria), (qaim, iraq)):
        outside = equal_area(zone.geometry).difference(equal_area(shapely.segmentize(country, 0.01)).buffer(1.5))
        assert outside.area < 1.0, outside.area
    for zone in (albu_kamal, qaim):
        centre = equal_area(Point(*TOWNS[zone.towns[0]]))
        assert equal_area(zone.geometry).hausdorff_distance(centre) <= DEFAULT_RADIUS_KM * 1000 + 5
        assert zone.area_km2 < 3.1416 * DEFAULT_RADIUS_KM**2


def test_radius_limits_the_claimed_area():
    small = derive_zones([period("raqqa", "SDF")], radius_km=10)
    [zone] = small
    assert 0.98 * 3.14159 * 100 < zone.area_km2 < 3.14159 * 100


# ------------------------------------------------------------------------------------------- time


def test_zones_change_exactly_at_change_dates(periods, zones):
    dates = change_dates(periods)
    for zone in zones:
        assert zone.valid_from is None or zone.valid_from in dates
        assert zone.valid_to is None or zone.valid_to in dates
    starts = [dates[0] - timedelta(days=1000), *dates]
    ends = [*dates, dates[-1] + timedelta(days=1000)]
    for start, end in zip(starts, ends):
        first, last = zones_on(zones, start), zones_on(zones, end - timedelta(days=1))
        assert first == last, f"zones changed between {start} and {end}"


def test_a_town_zone_changes_only_at_its_own_change_dates(zones):
    # Other towns' changes never split a town's zone: Rawa is IS throughout, Raqqa SDF from October.
    assert [(z.force, z.valid_from, z.valid_to) for z in zones if z.towns == ("rawa",)] == [("IS", None, None)]
    assert [(z.valid_from, z.valid_to) for z in zones if z.towns == ("raqqa",)] == [(D(2017, 10, 1), None)]
    # Albu Kamal: one zone per period, each starting and ending at its own dates.
    assert [(z.force, z.status, z.valid_from, z.valid_to) for z in zones if z.towns == ("albu-kamal",)] == [
        ("IS", "held", None, D(2017, 11, 9)),
        ("SYRIAN_GOV", "held", D(2017, 11, 9), D(2017, 11, 10)),
        ("SYRIAN_GOV", "contested", D(2017, 11, 10), D(2017, 11, 11)),
        ("IS", "held", D(2017, 11, 11), None),
    ]


def test_consecutive_periods_with_the_same_state_merge_into_one_zone():
    zones = derive_zones([
        period("raqqa", "IS", None, D(2017, 6, 1)),
        period("raqqa", "IS", D(2017, 6, 1), D(2017, 10, 1)),  # restated, same state: no new zone
        period("raqqa", "SDF", D(2017, 10, 1)),
        period("rawa", "IS", D(2017, 8, 1)),  # another town's date does not split Raqqa's zones
    ])
    assert [(z.force, z.valid_from, z.valid_to) for z in zones if z.towns == ("raqqa",)] == [
        ("IS", None, D(2017, 10, 1)), ("SDF", D(2017, 10, 1), None)]


def test_one_zone_per_site_and_run_of_its_state():
    """Towns at the same point share one site; each site's runs of equal state are its zones."""
    lon, lat = TOWNS["rawa"]
    periods = [
        # Site 1, Albu Kamal: IS | SYRIAN_GOV | SYRIAN_GOV (restated) | gap | IS  -> 3 runs
        period("albu-kamal", "IS", None, D(2017, 11, 9)),
        period("albu-kamal", "SYRIAN_GOV", D(2017, 11, 9), D(2017, 11, 10)),
        period("albu-kamal", "SYRIAN_GOV", D(2017, 11, 10), D(2017, 11, 11)),
        period("albu-kamal", "IS", D(2017, 11, 20)),
        # Site 2, al-Qaim: IS, then IRAQI_GOV contested by IS, then IRAQI_GOV -> 3 runs
        period("al-qaim", "IS", None, D(2017, 11, 1)),
        period("al-qaim", "IRAQI_GOV", D(2017, 11, 1), D(2017, 11, 3), "contested", ["IS"]),
        period("al-qaim", "IRAQI_GOV", D(2017, 11, 3)),
        # Site 3, Raqqa: one period -> 1 run, never split by the other sites' dates
        period("raqqa", "SDF"),
        # Site 4, two towns at one point: both IS (1 run, 2 towns), then they disagree (contested, 1 run),
        # then both IRAQI_GOV (1 run) -> 3 runs
        TownPeriod("rawa", lon, lat, "IS", valid_to=D(2017, 11, 5)),
        TownPeriod("rawa-camp", lon, lat, "IS", valid_to=D(2017, 11, 4)),
        TownPeriod("rawa-camp", lon, lat, "IRAQI_GOV", valid_from=D(2017, 11, 4)),
        TownPeriod("rawa", lon, lat, "IRAQI_GOV", valid_from=D(2017, 11, 5)),
    ]
    zones = derive_zones(periods)
    runs = {
        ("albu-kamal",): [("IS", "held", None, D(2017, 11, 9)), ("SYRIAN_GOV", "held", D(2017, 11, 9), D(2017, 11, 11)),
                          ("IS", "held", D(2017, 11, 20), None)],
        ("al-qaim",): [("IS", "held", None, D(2017, 11, 1)),
                       ("IRAQI_GOV", "contested", D(2017, 11, 1), D(2017, 11, 3)),
                       ("IRAQI_GOV", "held", D(2017, 11, 3), None)],
        ("raqqa",): [("SDF", "held", None, None)],
        ("rawa", "rawa-camp"): [("IS", "held", None, D(2017, 11, 4)),
                                ("IRAQI_GOV", "contested", D(2017, 11, 4), D(2017, 11, 5)),
                                ("IRAQI_GOV", "held", D(2017, 11, 5), None)],
    }
    assert len(zones) == sum(len(r) for r in runs.values()) == 10
    got = {}
    for zone in zones:
        got.setdefault(zone.towns, []).append((zone.force, zone.status, zone.valid_from, zone.valid_to))
    assert {towns: sorted(r, key=str) for towns, r in got.items()} == {
        towns: sorted(r, key=str) for towns, r in runs.items()}
    [contested_camp] = [z for z in zones if z.towns == ("rawa", "rawa-camp") and z.status == "contested"]
    assert contested_camp.contested_by == ("IS",)
    # All zones of a site have the site's one cell.
    for towns in runs:
        cells = [z for z in zones if z.towns == towns]
        assert all(z.geometry.equals(cells[0].geometry) and z.area_km2 == cells[0].area_km2 for z in cells)


def test_overlapping_periods_of_one_town_make_it_contested_not_dropped():
    zones = derive_zones([period("raqqa", "SDF", D(2017, 10, 1)), period("raqqa", "IS", None, D(2017, 10, 20))])
    on_tenth = zones_on(zones, D(2017, 10, 10))
    assert [(z.force, z.status, z.contested_by) for z in on_tenth] == [("SDF", "contested", ("IS",))]


# ------------------------------------------------------------------------------------------ areas


def test_area_rows_agree_with_the_zones_areas(periods, zones):
    rows = area_rows(zones)
    assert rows and all(tuple(row) == AREA_COLUMNS for row in rows)
    forces = sorted({z.force for z in zones})
    dates = sorted({row["date"] for row in rows})
    assert dates == ["", *(d.isoformat() for d in change_dates(periods))]
    assert len(rows) == len(dates) * len(forces)  # one row per force at each change date
    for row in rows:
        day = date.fromisoformat(row["date"]) if row["date"] else None
        live = [z for z in zones if z.valid_from is None] if day is None else zones_on(zones, day)
        columns = (("held", "area_km2", "towns"), ("contested", "contested_area_km2", "contested_towns"))
        for status, area_key, towns_key in columns:
            mine = [z for z in live if z.force == row["force"] and z.status == status]
            measured = sum(equal_area(z.geometry).area for z in mine) / 1e6
            assert row[area_key] == pytest.approx(measured, abs=0.06), row
            assert row[towns_key] == sum(len(z.towns) for z in mine)


def test_area_rows_follow_albu_kamal(zones):
    by_key = {(row["date"], row["force"]): row for row in area_rows(zones)}
    assert by_key[("2017-11-10", "SYRIAN_GOV")]["contested_towns"] == 1
    assert by_key[("2017-11-11", "SYRIAN_GOV")]["contested_towns"] == 0
    assert by_key[("2017-11-09", "IS")]["area_km2"] < by_key[("2017-11-11", "IS")]["area_km2"]
    assert by_key[("2017-11-09", "SYRIAN_GOV")]["towns"] == 3  # Deir ez-Zor, al-Mayadin, Albu Kamal


def test_written_area_matches_the_geometry_in_the_file(zones):
    features = json.loads(zones_geojson_text(zones))["features"]
    frame = gpd.GeoDataFrame.from_features(features, crs="EPSG:4326").to_crs(EQUAL_AREA_CRS)
    for feature, geometry in zip(features, frame.geometry):
        assert feature["properties"]["area_km2"] == pytest.approx(geometry.area / 1e6, abs=0.06)


# ------------------------------------------------------------------------------------------ output


def test_same_input_gives_identical_text(periods, zones):
    shuffled = list(periods)
    random.Random(7).shuffle(shuffled)
    again = derive_zones(shuffled)
    assert zones_geojson_text(again) == zones_geojson_text(zones)
    assert area_rows(again) == area_rows(zones)
    assert json.dumps(zones_feature_collection(again)) == json.dumps(zones_feature_collection(zones))


def test_output_is_rfc7946_lonlat_with_counterclockwise_exteriors(zones):
    collection = json.loads(zones_geojson_text(zones))
    assert collection == zones_feature_collection(zones)
    assert set(collection) == {"type", "features"}  # no "crs" member: RFC 7946 means WGS 84 lon/lat
    assert collection["type"] == "FeatureCollection"
    for feature in collection["features"]:
        assert set(feature["properties"]) == {
            "force", "status", "contested_by", "valid_from", "valid_to", "area_km2", "towns"}
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        for rings in polygons:
            for index, ring in enumerate(rings):
                assert ring[0] == ring[-1] and len(ring) >= 4
                for lon, lat in ring:
                    assert 35 < lon < 49 and 29 < lat < 38  # lon first, inside Syria/Iraq
                    assert round(lon, 5) == lon and round(lat, 5) == lat
                ccw = shapely.is_ccw(shapely.linearrings(ring))
                assert ccw if index == 0 else not ccw


def test_text_is_one_feature_per_line_and_ends_with_a_newline(zones):
    text = zones_geojson_text(zones)
    assert text.endswith("]}\n") and text.count("\n") == len(zones) + 2
    assert json.loads(zones_geojson_text([])) == {"type": "FeatureCollection", "features": []}
    assert derive_zones([]) == [] and area_rows([]) == []


# ------------------------------------------------------------------------------------------- input


def test_periods_are_read_from_a_control_layer(periods):
    control = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": {
                    "place_id": p.place_id, "name": p.place_id.title(), "country": "SY", "geonames_id": None,
                    "force": p.force, "status": p.status, "contested_by": list(p.contested_by),
                    "valid_from": p.valid_from.isoformat() if p.valid_from else None,
                    "valid_to": p.valid_to.isoformat() if p.valid_to else None,
                    "date_precision": "day", "evidence": [],
                },
            }
            for p in periods
        ],
    }
    assert town_periods_from_feature_collection(json.loads(json.dumps(control))) == periods


def test_bad_input_is_refused_with_the_place_named():
    with pytest.raises(ValueError, match="raqqa.*two locations"):
        derive_zones([period("raqqa", "SDF"), TownPeriod("raqqa", 39.1, 35.9, "IS")])
    with pytest.raises(ValueError, match="raqqa.*status"):
        derive_zones([period("raqqa", "SDF", status="taken")])
    with pytest.raises(ValueError, match="feature 0.*force"):
        town_periods_from_feature_collection(
            {"type": "FeatureCollection",
             "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [39, 35]},
                           "properties": {"place_id": "x"}}]})


# ------------------------------------------------------------------------------------------- scale


def synthetic_periods(n_places: int, n_dates: int, seed: int = 1) -> list[TownPeriod]:
    """Places at random in Syria and Iraq; at each change date a few places change hands."""
    rng = random.Random(seed)
    region = shapely.union_all(load_countries(("SY", "IQ")).geometry.values)
    shapely.prepare(region)
    minx, miny, maxx, maxy = region.bounds
    points = []
    while len(points) < n_places:
        lon, lat = round(rng.uniform(minx, maxx), 5), round(rng.uniform(miny, maxy), 5)
        if region.contains(Point(lon, lat)):
            points.append((lon, lat))
    dates = [D(2017, 1, 1) + timedelta(days=3 * i) for i in range(n_dates)]
    changes: dict[int, set[date]] = {i: set() for i in range(n_places)}
    for day in dates:
        for _ in range(max(1, n_places // 50)):
            changes[rng.randrange(n_places)].add(day)
    forces = ["IS", "SYRIAN_GOV", "IRAQI_GOV", "SDF"]
    periods = []
    for i, (lon, lat) in enumerate(points):
        force, start = rng.choice(forces), None
        for day in sorted(changes[i]):
            periods.append(TownPeriod(f"p{i:05d}", lon, lat, force, valid_from=start, valid_to=day))
            force, start = rng.choice([f for f in forces if f != force]), day
        periods.append(TownPeriod(f"p{i:05d}", lon, lat, force, valid_from=start))
    return periods


def rescanned_area_rows(zones) -> list[dict]:
    """areas.csv rows the slow way: for each date, every zone valid then (what area_rows used to do),
    areas summed exactly."""

    def total(mine):
        return round(math.fsum(z.area_km2 for z in mine), 1) if mine else 0

    forces = sorted({z.force for z in zones})
    starts = sorted({d for z in zones for d in (z.valid_from, z.valid_to) if d is not None})
    if any(z.valid_from is None for z in zones):
        starts.insert(0, None)
    rows = []
    for start in starts:
        live = [z for z in zones if z.valid_from is None] if start is None else zones_on(zones, start)
        for force in forces:
            held = [z for z in live if z.force == force and z.status == "held"]
            contested = [z for z in live if z.force == force and z.status == "contested"]
            rows.append({
                "date": start.isoformat() if start else "", "force": force,
                "area_km2": total(held), "towns": sum(len(z.towns) for z in held),
                "contested_area_km2": total(contested), "contested_towns": sum(len(z.towns) for z in contested),
            })
    return rows


def assert_area_rows_match_a_rescan(zones):
    assert area_rows(zones) == rescanned_area_rows(zones)


def test_area_rows_are_the_same_as_rescanning_every_date(zones):
    assert_area_rows_match_a_rescan(zones)


def test_many_places_keep_the_invariants():
    periods = synthetic_periods(300, 20)
    zones = derive_zones(periods)
    days = change_dates(periods)[::4]
    assert_no_overlap(zones, days)
    for zone in zones:
        assert zone.geometry.is_valid
    rows = area_rows(zones)
    for day in days:
        live = zones_on(zones, day)
        assert sum(r["towns"] for r in rows if r["date"] == day.isoformat()) == sum(len(z.towns) for z in live)
        # Every town lies in the one zone of its own state.
        location = {p.place_id: (p.lon, p.lat) for p in periods}
        tree = shapely.STRtree([z.geometry for z in live])
        for place_id, (lon, lat) in location.items():
            state = state_on(periods, place_id, day)
            hits = [live[i] for i in tree.query(Point(lon, lat), predicate="intersects")]
            if state is None:
                assert not hits
                continue
            [zone] = hits
            assert (zone.force, zone.status, zone.contested_by) == state and zone.towns == (place_id,)
    assert_area_rows_match_a_rescan(zones)


def test_zones_grow_with_towns_and_their_periods_not_with_change_dates():
    """1,000 towns and 200 change dates: at most one zone per period (the old dissolve gave one per
    force and interval between any two change dates, and a file that grew with towns x dates)."""
    periods = synthetic_periods(1000, 200)
    zones = derive_zones(periods)
    assert len(change_dates(periods)) == 200
    assert 0 < len(zones) <= len(periods)
    assert all(len(zone.towns) == 1 for zone in zones)  # the synthetic towns are all at distinct points
    text = zones_geojson_text(zones)
    assert text.count("\n") == len(zones) + 2
    shuffled = list(periods)
    random.Random(3).shuffle(shuffled)
    again = derive_zones(shuffled)
    assert zones_geojson_text(again) == text and area_rows(again) == area_rows(zones)
