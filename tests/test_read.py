import json
from datetime import date

import pytest

from geo.io.read import LayerError, read_control, read_events, read_layer, read_places, read_report
from geo.schema import EVENT_COLUMNS
from tests.fixtures.make_layer import SOHR_QUOTE, write_layer


@pytest.fixture
def build(tmp_path):
    return write_layer(tmp_path / "build")


def test_reads_and_validates_the_four_files(build):
    layer = read_layer(build)
    contested = next(p for p in layer.periods if p.status == "contested")
    assert (contested.place_id, contested.force, contested.contested_by) == ("albu-kamal", "SYRIAN_GOV", ["IS"])
    assert contested.valid_from == date(2017, 11, 10) and contested.valid_to == date(2017, 11, 11)
    assert (contested.lat, contested.lon) == (34.45226, 40.91854)
    assert contested.evidence[0].quote == SOHR_QUOTE
    assert any(p.valid_from is None for p in layer.periods)
    assert {p.place_id for p in layer.places} >= {"albu-kamal", "mosul"}
    assert layer.events and all(e.event_id for e in layer.events)
    assert layer.events[0].previous_force is None  # empty CSV cells of optional columns are nulls
    assert layer.articles[0]["article_id"] == "001_ap"


def _features(path):
    return json.loads(path.read_text())


def test_missing_file_names_the_file(build):
    (build / "places.geojson").unlink()
    with pytest.raises(LayerError, match=r"places\.geojson: file not found"):
        read_layer(build)


def test_broken_json_names_file_line_and_column(build):
    (build / "control.geojson").write_text('{"type": "FeatureCollection",\n "features": [}')
    with pytest.raises(LayerError, match=r"control\.geojson: not valid JSON at line 2"):
        read_control(build / "control.geojson")


def test_a_property_against_the_contract_names_feature_place_and_field(build):
    data = _features(build / "control.geojson")
    data["features"][2]["properties"]["status"] = "maybe"
    (build / "control.geojson").write_text(json.dumps(data))
    with pytest.raises(LayerError, match=r"feature 2 \(place_id 'albu-kamal'\): status"):
        read_control(build / "control.geojson")


def test_an_extra_property_or_bad_geometry_is_refused(build):
    data = _features(build / "places.geojson")
    data["features"][0]["properties"]["quote_html"] = "<b>x</b>"
    (build / "places.geojson").write_text(json.dumps(data))
    with pytest.raises(LayerError, match="quote_html"):
        read_places(build / "places.geojson")
    data = _features(build / "control.geojson")
    data["features"][0]["geometry"] = {"type": "Point", "coordinates": [400, 10]}
    (build / "control.geojson").write_text(json.dumps(data))
    with pytest.raises(LayerError, match="not a longitude, latitude pair"):
        read_control(build / "control.geojson")


def test_an_empty_or_reversed_period_is_refused(build):
    data = _features(build / "control.geojson")
    data["features"][1]["properties"]["valid_to"] = data["features"][1]["properties"]["valid_from"]
    (build / "control.geojson").write_text(json.dumps(data))
    with pytest.raises(LayerError, match="is not after valid_from"):
        read_control(build / "control.geojson")


def test_events_header_and_rows_are_checked(build):
    path = build / "events.csv"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0].replace("quote", "text")] + lines[1:]) + "\n")
    with pytest.raises(LayerError, match=r"missing \['quote'\]"):
        read_events(path)
    path.write_text(",".join(EVENT_COLUMNS) + "\n" + lines[1].replace(",0.8,", ",7,") + "\n")
    with pytest.raises(LayerError, match=r"events\.csv: line 2: confidence"):
        read_events(path)


def test_report_is_read_defensively(build):
    (build / "report.json").write_text('{"articles": [], "new_section": {"x": 1}}')
    assert read_report(build / "report.json")["new_section"] == {"x": 1}
    (build / "report.json").write_text('{"articles": {}}')
    with pytest.raises(LayerError, match="'articles' must be a list"):
        read_report(build / "report.json")


ZONE = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[40, 34], [41, 34], [41, 35], [40, 34]]]},
        "properties": {"force": "IS", "status": "held", "contested_by": [], "valid_from": None,
                       "valid_to": "2017-10-01", "area_km2": 12.5, "towns": ["raqqa"]}}
AREAS = "date,force,area_km2,towns,contested_area_km2,contested_towns\n,IS,12.5,1,0,0\n2017-10-01,IS,0,0,0,0\n"


def test_zones_and_areas_are_optional_and_read_when_present(build):
    layer = read_layer(build)
    assert layer.zones == [] and layer.areas == []  # an older build without them still loads
    (build / "zones.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [ZONE]}))
    (build / "areas.csv").write_text(AREAS)
    layer = read_layer(build)
    zone = layer.zones[0]
    assert (zone.force, zone.valid_from, zone.valid_to, zone.towns) == ("IS", None, date(2017, 10, 1), ("raqqa",))
    assert zone.valid_on(date(2017, 9, 30)) and not zone.valid_on(date(2017, 10, 1))
    assert [(r.date, r.towns) for r in layer.areas] == [(None, 1), (date(2017, 10, 1), 0)]
    assert zone.geometry == ZONE["geometry"]  # held as compact text, given back as GeoJSON


def test_records_share_one_set_of_field_names_and_stay_frozen(build):
    layer = read_layer(build)
    for records in (layer.periods, layer.places, layer.events, [e for p in layer.periods for e in p.evidence]):
        assert len({id(r.model_fields_set) for r in records}) == 1  # one set, not one per record
        assert records[0].model_fields_set >= {"place_id"} or records[0].model_fields_set >= {"article_id"}
    period = layer.periods[0]
    with pytest.raises(Exception):
        period.force = "IS"  # frozen: nothing can change one record's fields (or the shared set)
    with pytest.raises(AttributeError):
        period.model_fields_set.add("force")


@pytest.mark.parametrize("change, says", [
    (lambda z: z["geometry"].update(type="Point"), "Polygon or MultiPolygon"),
    (lambda z: z["properties"].update(status="maybe"), "feature 0: status"),
    (lambda z: z["properties"].update(area_km2=-1), "area_km2"),
    (lambda z: z["properties"].update(valid_from="2017-10-01"), "is not after valid_from"),
])
def test_a_malformed_zone_names_the_file_and_feature(build, change, says):
    zone = json.loads(json.dumps(ZONE))
    change(zone)
    (build / "zones.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [zone]}))
    with pytest.raises(LayerError, match=r"zones\.geojson: feature 0"):
        read_layer(build)
    with pytest.raises(LayerError, match=says):
        read_layer(build)


def test_malformed_areas_names_the_file_and_line(build):
    (build / "areas.csv").write_text("date,force,area_km2\n,IS,1\n")
    with pytest.raises(LayerError, match=r"areas\.csv: header lacks the columns \['towns'"):
        read_layer(build)
    (build / "areas.csv").write_text(AREAS.replace(",IS,12.5,1,", ",IS,lots,1,"))
    with pytest.raises(LayerError, match=r"areas\.csv: line 2: area_km2"):
        read_layer(build)


# --- a layer folder of versioned builds (geo/io/write.py) ---------------------------------------------------

def _files(folder):
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


def _titled(files, title):
    report = json.loads(files["report.json"])
    report["articles"][0]["title"] = title
    return {**files, "report.json": json.dumps(report)}


def test_a_layer_folder_is_read_from_its_current_build(tmp_path, build):
    from geo.io.read import current_version, layer_exists, read_build
    from geo.io.write import write_layer_atomically

    out = tmp_path / "out"
    assert not layer_exists(out)
    first = write_layer_atomically(out, _titled(_files(build), "First"))
    old = current_version(out)
    second = write_layer_atomically(out, _titled(_files(build), "Second"))
    layer = read_layer(out)
    assert layer.articles[0]["title"] == "Second" and layer.build_dir == second  # downloads serve this build
    assert layer_exists(out) and current_version(out).folder == second
    # A reader that resolved the earlier build before the new one came still reads that one, whole.
    assert old.folder == first and read_build(old).articles[0]["title"] == "First"


def test_a_plain_folder_whose_files_change_while_read_is_read_again(build, monkeypatch):
    import geo.io.read as read

    report = json.loads((build / "report.json").read_text())
    rewrites = []
    original = read.read_events

    def events_then_rebuild(path):
        rows = original(path)
        if not rewrites:  # a build replaces the folder's files between two of a reader's reads
            data = _features(build / "control.geojson")
            data["features"][0]["properties"]["name"] = "Renamed by the rebuild"
            (build / "control.geojson").write_text(json.dumps(data))
            report["articles"][0]["title"] = "Rebuilt"
            (build / "report.json").write_text(json.dumps(report))
            rewrites.append(path)
        return rows

    monkeypatch.setattr(read, "read_events", events_then_rebuild)
    layer = read_layer(build)
    assert rewrites and layer.articles[0]["title"] == "Rebuilt"
    assert layer.periods[0].name == "Renamed by the rebuild"  # control.geojson of the same (second) reading


def test_a_running_dashboard_reads_a_rebuilt_layer_on_its_next_run(tmp_path, build, monkeypatch):
    from geo.io.write import write_layer_atomically
    from ui import layer as data

    monkeypatch.setenv("GEO_BUILD_DIR", str(tmp_path / "out"))
    write_layer_atomically(tmp_path / "out", _titled(_files(build), "First"))
    first = data.load()
    assert data.load() is first  # read once per build, shared by every session
    write_layer_atomically(tmp_path / "out", _titled(_files(build), "Second"))
    second = data.load()
    assert second.articles[0]["title"] == "Second" and second.version != first.version
    # The caches derived from a layer are per build too.
    assert data.place_names(second) is not data.place_names(first)


def test_the_borders_a_build_writes_are_read_with_the_layer_and_a_bad_file_is_named(tmp_path):
    import json as _json

    from geo.io.read import BORDERS_FILE, LayerError, read_layer
    from tests.fixtures.make_layer import write_layer as _write_layer

    out = _write_layer(tmp_path / "build")
    assert read_layer(out).borders is None  # an older build: the dashboard reads the countries itself
    square = {"type": "Polygon", "coordinates": [[[38, 35], [39, 35], [39, 36], [38, 35]]]}
    (out / BORDERS_FILE).write_text(_json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"iso_a2": "SY", "name": "Syria"}, "geometry": square}]}))
    assert read_layer(out).borders["features"][0]["properties"]["iso_a2"] == "SY"
    (out / BORDERS_FILE).write_text(_json.dumps({"type": "FeatureCollection", "features": [{"geometry": None}]}))
    with pytest.raises(LayerError, match=BORDERS_FILE):
        read_layer(out)


def test_events_of_a_build_from_before_the_review_columns_read_as_machine_read(tmp_path):
    import csv as csv_module

    from geo.io.read import read_events
    from tests.fixtures.make_layer import write_layer

    folder = write_layer(tmp_path / "build")
    path = folder / "events.csv"
    rows = list(csv_module.DictReader(path.open(encoding="utf-8")))
    old = [c for c in rows[0] if c not in ("review", "review_reason", "decision_key", "occurrence")]
    older = tmp_path / "events.csv"
    with older.open("w", encoding="utf-8", newline="") as handle:
        writer = csv_module.DictWriter(handle, old, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    events = read_events(older)
    assert len(events) == len(rows) and {(e.review, e.occurrence) for e in events} == {("machine", 0)}
    shuffled = tmp_path / "shuffled.csv"
    shuffled.write_text(",".join(reversed(old)) + "\n", encoding="utf-8")
    with pytest.raises(Exception, match="header does not match the contract"):
        read_events(shuffled)
