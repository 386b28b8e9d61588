"""The dashboard's logic through Streamlit's AppTest, on the hand-made fixture layer."""

from __future__ import annotations

import re

from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

from tests.fixtures.make_layer import PAYLOAD_QUOTE, PAYLOAD_SOURCE, SOHR_QUOTE, write_layer
from ui.publish import LAYERS_DIR_ENV
from ui.controls import MAP_DRAWN_KEY

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 90


@pytest.fixture(scope="module")
def layer_dir(tmp_path_factory) -> Path:
    return write_layer(tmp_path_factory.mktemp("layer") / "build")


@pytest.fixture(scope="module")
def injected_dir(tmp_path_factory) -> Path:
    return write_layer(tmp_path_factory.mktemp("layer") / "build", injected=True)


@pytest.fixture(scope="module")
def publish_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("static") / "layers"


@pytest.fixture(autouse=True)
def publish_outside_the_working_tree(monkeypatch, publish_dir):
    """AppTest serves nothing, so the map's payloads go under tmp, never into the project's static/layers."""
    monkeypatch.setenv(LAYERS_DIR_ENV, str(publish_dir))


@pytest.fixture(autouse=True)
def navigation_not_pages_directory(monkeypatch):
    """AppTest (1.67) re-detects a `pages/` folder beside the script before every run and then reruns
    the current page file alone, without dashboard.py's shared sidebar. The server stops doing that
    once st.navigation has run; make AppTest behave like the server."""
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


def app(monkeypatch, build: Path, drawn: bool = True, **query) -> AppTest:
    """The app as a reader sees it once the map has painted (`drawn`), or before, on its first run."""
    monkeypatch.setenv("GEO_BUILD_DIR", str(build))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    if drawn:
        at.session_state[MAP_DRAWN_KEY] = True
    return at.run()


def _day(micros: float) -> date:
    return date(1970, 1, 1) + timedelta(microseconds=micros)


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def markdown(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def notices(at: AppTest) -> str:
    return "\n".join(i.value for i in at.info).replace("\\", "")  # Markdown escapes aside


def test_slider_spans_the_evidence_in_one_day_steps_and_defaults_to_the_last_day(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir)
    assert not at.exception
    slider = at.sidebar.slider(key="date")
    # AppTest reports a date slider's bounds and step in microseconds since the epoch.
    assert (_day(slider.min), _day(slider.max)) == (date(2017, 10, 1), date(2017, 11, 11))
    assert slider.step == timedelta(days=1) / timedelta(microseconds=1)
    assert slider.value == date(2017, 11, 11)


def test_url_date_and_place_in_another_spelling_open_that_view(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir, date="2017-11-10", place="Abu Kamal")
    assert not at.exception
    assert at.sidebar.slider(key="date").value == date(2017, 11, 10)
    assert at.session_state["place"] == "albu-kamal"
    assert "On 2017-11-10:" in markdown(at) and "contested by Islamic State" in markdown(at)
    assert notices(at) == "Click a town on the map, or find it above, to read what the sources said." or \
        "No place" not in notices(at)


def test_a_link_may_use_any_of_the_gazetteers_names_and_the_server_never_loads_the_gazetteer(monkeypatch, layer_dir):
    from geo.gazetteer import Gazetteer

    def refuse(*args, **kwargs):
        raise AssertionError("the dashboard loaded the gazetteer (seconds and hundreds of MB) to read a link")

    monkeypatch.setattr(Gazetteer, "load", refuse)
    for spelling in ("Hindane", "البو كمال"):
        at = app(monkeypatch, layer_dir, place=spelling)
        assert not at.exception and at.session_state["place"] == "albu-kamal", spelling
    at = app(monkeypatch, layer_dir, place="Atlantis")
    assert "No place in the layer matches" in notices(at)


def test_url_place_id_is_accepted(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir, place="deir-ez-zor")
    assert at.session_state["place"] == "deir-ez-zor"


@pytest.mark.parametrize("bad, says", [
    ("2017-13-45", "not a date in YYYY-MM-DD form"),
    ("yesterday", "not a date in YYYY-MM-DD form"),
    ("1999-01-01", "outside the evidence"),
])
def test_bad_url_date_falls_back_to_the_default_with_a_notice(monkeypatch, layer_dir, bad, says):
    at = app(monkeypatch, layer_dir, date=bad)
    assert not at.exception
    assert at.sidebar.slider(key="date").value == date(2017, 11, 11)
    assert says in notices(at)


def test_unknown_or_hostile_url_place_falls_back_to_no_town_with_a_notice(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir, place="<script>alert(1)</script>![x](http://evil.example/t.png)")
    assert not at.exception
    assert at.session_state["place"] is None
    assert "No place in the layer matches" in notices(at)
    assert "\\!\\[x\\](" in at.info[0].value  # the value is escaped before Markdown sees it


def test_panel_for_a_town_chosen_through_session_state(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir)
    at.session_state["place"] = "albu-kamal"
    at.sidebar.slider(key="date").set_value(date(2017, 11, 10)).run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Albu Kamal"]
    shown = texts(at)
    assert SOHR_QUOTE in shown
    meta = next(t for t in shown if t.startswith("Arab News (AFP)"))
    assert "published 2017-11-10" in meta and "language en" in meta
    assert "claimant: Syrian Observatory for Human Rights (SOHR)" in meta
    assert len(at.get("vega_lite_chart")) == 1  # the control history chart


def test_previous_and_next_change_buttons_step_through_change_dates(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir, date="2017-11-10")
    back, play, forward = at.sidebar.button
    back.click().run()
    assert at.sidebar.slider(key="date").value == date(2017, 11, 9)
    at.sidebar.button[2].click().run()
    at.sidebar.button[2].click().run()
    assert at.sidebar.slider(key="date").value == date(2017, 11, 11)
    assert at.sidebar.button[2].disabled  # no later change
    at.sidebar.button[1].click().run()  # play from the end starts over
    assert at.session_state["playing"] is True
    assert at.sidebar.slider(key="date").value == date(2017, 10, 1)


def test_injected_payloads_are_plain_text_and_javascript_links_are_dropped(monkeypatch, injected_dir):
    at = app(monkeypatch, injected_dir, place="mayadin")
    assert not at.exception
    shown = texts(at)
    assert PAYLOAD_QUOTE in shown
    assert any(t.startswith(PAYLOAD_SOURCE) for t in shown)
    assert len(at.get("link_button")) == 0  # its url is javascript:, never linked


@pytest.fixture(scope="module")
def zones_dir(tmp_path_factory) -> Path:
    """The fixture layer plus zones.geojson and areas.csv derived from it by geo/zones.py."""
    import csv
    import json

    from geo.zones import AREA_COLUMNS, area_rows, derive_zones, town_periods_from_feature_collection, zones_geojson_text

    build = write_layer(tmp_path_factory.mktemp("layer") / "build")
    zones = derive_zones(town_periods_from_feature_collection(json.loads((build / "control.geojson").read_text())))
    (build / "zones.geojson").write_text(zones_geojson_text(zones), encoding="utf-8")
    with open(build / "areas.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=AREA_COLUMNS)
        writer.writeheader()
        writer.writerows(area_rows(zones))
    return build


def test_the_map_comes_first_then_its_controls_and_the_area_chart(monkeypatch, zones_dir):
    at = app(monkeypatch, zones_dir, drawn=False, date="2017-11-10", place="Abu Kamal")
    assert not at.exception
    # The first run is the map alone, with the link's view: no widget for the browser to fetch before it.
    assert (len(at.slider), len(at.toggle), len(at.text_input), len(at.button)) == (0, 0, 0, 0)
    assert "On 2017-11-10:" in markdown(at) and at.session_state["place"] == "albu-kamal"
    captions = " ".join(c.value for c in at.caption)
    assert "Control on 2017-11-10." in captions and "The chart appears once the map is drawn." in captions
    assert len(at.get("vega_lite_chart")) == 1  # the town's own history, asked for by the link
    # The map reports its first paint (any event will do); then the controls and the chart come.
    at.session_state[MAP_DRAWN_KEY] = True
    at.run()
    assert not at.exception
    assert at.sidebar.slider(key="date").value == date(2017, 11, 10)
    assert at.toggle(key="show_zones").value is True and len(at.text_input) == 1
    assert len(at.get("vega_lite_chart")) == 2
    assert "The chart appears once the map is drawn." not in " ".join(c.value for c in at.caption)


def test_zone_and_town_toggles_the_zones_note_and_the_area_chart(monkeypatch, zones_dir):
    at = app(monkeypatch, zones_dir, date="2017-11-10")
    assert not at.exception
    zones, towns = at.toggle(key="show_zones"), at.toggle(key="show_towns")
    assert zones.value is True and towns.value is True and not zones.disabled
    captions = " ".join(c.value for c in at.caption)
    assert "Zones are an estimate derived from town control, not reported front lines" in captions
    assert "Data & method" in captions
    assert "Area over time" in [s.value for s in at.subheader]
    assert len(at.get("vega_lite_chart")) == 1
    zones.set_value(False).run()
    at.toggle(key="show_towns").set_value(False).run()
    assert not at.exception


def test_an_older_build_without_zones_still_shows_the_map_and_the_note(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir)
    assert not at.exception
    assert at.toggle(key="show_zones").disabled and at.toggle(key="show_towns").value is True
    assert any("Zones are an estimate" in c.value for c in at.caption)
    assert "Area over time" not in [s.value for s in at.subheader]


@pytest.mark.parametrize("page", ["pages/places.py", "pages/sources.py", "pages/method.py"])
def test_every_page_runs(monkeypatch, injected_dir, page):
    at = app(monkeypatch, injected_dir)
    at.switch_page(page).run()
    assert not at.exception


def test_a_broken_layer_is_reported_by_file_and_reason_not_a_traceback(monkeypatch, tmp_path):
    build = write_layer(tmp_path / "build")
    (build / "control.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}')
    at = app(monkeypatch, build)
    assert not at.exception
    assert "control.geojson" in at.error[0].value and "Point" in at.error[0].value


def test_search_finds_a_town_by_any_spelling_and_opens_it(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir)
    at.text_input(key="town_query").input("boukamal").run()  # a spelling the articles used, any case
    matches = at.button_group(key="town_pick")
    assert matches.options == ["Albu Kamal"]
    matches.set_value("albu-kamal").run()
    assert not at.exception
    assert at.session_state["place"] == "albu-kamal"
    assert "Albu Kamal" in [s.value for s in at.subheader]  # the panel is open
    assert at.text_input(key="town_query").value == ""  # the search is cleared once a town is picked
    assert at.query_params["place"] == "albu-kamal"


def test_search_that_finds_nothing_says_so_with_the_query_as_text(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir)
    at.text_input(key="town_query").input("[x](javascript:alert(1))").run()
    assert not at.exception
    assert len(at.button_group) == 0
    said = next(c.value for c in at.caption if c.value.startswith("No town on the map matches"))
    assert "\\[x\\](javascript\\:alert(1))" in said  # escaped: shown as typed, never a link


def errors(at: AppTest) -> str:
    """The error messages as a reader sees them (Markdown escapes rendered)."""
    return "\n".join(re.sub(r"\\(.)", r"\1", e.value) for e in at.error)


@pytest.mark.parametrize("page", ["map", "places", "sources", "method"])
def test_a_deep_link_to_a_broken_layer_shows_what_is_wrong_on_every_page(monkeypatch, tmp_path, page):
    """Until some session's dashboard.py has reached st.navigation (never, while the layer cannot be read),
    the server runs a deep link's page file from pages/ alone: as AppTest runs it here."""
    build = write_layer(tmp_path / "build")
    (build / "control.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}')
    monkeypatch.setenv("GEO_BUILD_DIR", str(build))
    at = AppTest.from_file(str(ROOT / "pages" / f"{page}.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "control.geojson" in errors(at) and "Point" in errors(at)
    # The reader is told which file, not where the server keeps it.
    assert str(tmp_path) not in errors(at) and "the layer folder/control.geojson" in errors(at)


def test_a_build_without_control_periods_says_so_on_every_page(monkeypatch, tmp_path):
    build = write_layer(tmp_path / "build")
    (build / "control.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    at = app(monkeypatch, build)
    assert not at.exception
    for page in ["pages/places.py", "pages/sources.py", "pages/method.py"]:
        at.switch_page(page).run()
        assert not at.exception, page
    at.switch_page("pages/places.py").run()
    assert "control.geojson has no control periods" in notices(at) and "make build" in notices(at)


@pytest.mark.parametrize("coordinates", [[[["x", "y"], [1, 2], [3, 4], ["x", "y"]]],
                                         [[[float("nan"), 34.0], [41.0, 34.0], [41.0, 35.0], [float("nan"), 34.0]]],
                                         [[[40.0, 34.0], [41.0], [40.0, 34.0]]]],
                         ids=["text", "NaN", "a short pair"])
def test_bad_zone_coordinates_name_the_file_and_feature_and_the_rest_of_the_page_works(
        monkeypatch, tmp_path, zones_dir, coordinates):
    import json
    import shutil

    build = Path(shutil.copytree(zones_dir, tmp_path / "build"))
    zones = json.loads((build / "zones.geojson").read_text())
    zones["features"][1]["geometry"] = {"type": "Polygon", "coordinates": coordinates}
    (build / "zones.geojson").write_text(json.dumps(zones))
    at = app(monkeypatch, build, drawn=False, date="2017-11-10", place="albu-kamal")
    assert not at.exception
    assert "zones.geojson: feature 1:" in errors(at) and "make build" in errors(at)
    assert str(tmp_path) not in errors(at)
    # No map will paint to bring the controls: they come at once, and the town's panel is there.
    assert at.sidebar.slider(key="date").value == date(2017, 11, 10)
    assert "On 2017-11-10:" in markdown(at)


@pytest.mark.parametrize("report, says", [
    ('{"articles": [{"title": "no id"}]}', "articles[0]: article_id"),
    ('{"articles": [{"article_id": ["x"], "title": {"a": 1}}]}', "articles[0]: article_id"),
    ('{"articles": [{"article_id": "a", "title": 5}]}', "articles[0]: title"),
    ('{"articles": ["a"]}', "articles[0] must be an object"),
    ('{"skipped": [{"file": {"x": 1}, "reason": "r"}]}', "skipped[0]: file"),
    ('{"unresolved": [{"sentence": "no name"}]}', "unresolved[0]: name"),
    ("[1]", "must be a JSON object"),
])
@pytest.mark.parametrize("page", ["pages/sources.py", "pages/method.py"])
def test_a_malformed_report_json_names_the_entry_and_field_on_the_pages_that_read_it(
        monkeypatch, tmp_path, report, says, page):
    build = write_layer(tmp_path / "build")
    (build / "report.json").write_text(report)
    at = app(monkeypatch, build)
    at.switch_page(page).run()
    assert not at.exception
    assert "report.json" in errors(at) and says in errors(at)


def test_a_publish_folder_that_cannot_be_written_is_reported_not_a_traceback(monkeypatch, tmp_path):
    blocked = tmp_path / "static" / "layers"
    blocked.parent.mkdir()
    blocked.write_text("a file where the folder should be")  # what a read-only folder does, even for root
    monkeypatch.setenv(LAYERS_DIR_ENV, str(blocked))
    at = app(monkeypatch, write_layer(tmp_path / "build"))
    assert not at.exception
    assert "cannot be written" in errors(at) and "writable" in errors(at)
    assert str(tmp_path) not in errors(at)


def test_the_deployed_app_shows_no_error_details():
    import tomllib

    from streamlit import config

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    value = settings["client"]["showErrorDetails"]
    assert value == config.ShowErrorDetailsConfigOptions.NONE  # a value Streamlit 1.67 knows


def test_places_lists_each_towns_state_last_change_and_sources_on_the_chosen_date(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir, date="2017-11-10")
    at.switch_page("pages/places.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    albu_kamal = table[table["Place"] == "Albu Kamal"].iloc[0]
    assert "contested" in albu_kamal["State on 2017-11-10"]
    assert albu_kamal["Last change"] == "2017-11-10" and albu_kamal["Sources"] >= 2


def test_the_map_page_offers_the_whole_timeline_as_one_html_file(monkeypatch, layer_dir):
    at = app(monkeypatch, layer_dir)
    assert not at.exception
    at.button(key="export_prepare").click().run()
    assert not at.exception
    download = at.get("download_button")
    assert len(download) == 1 and "Download the map" in download[0].proto.label


def test_a_layer_that_carries_its_borders_is_drawn_with_them_and_no_shapefile_is_read(monkeypatch, tmp_path):
    import json

    import ui.layer as data
    from geo.io.read import BORDERS_FILE, read_layer

    out = write_layer(tmp_path / "build")
    square = {"type": "Polygon", "coordinates": [[[38, 35], [39, 35], [39, 36], [38, 35]]]}
    (out / BORDERS_FILE).write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"iso_a2": "SY", "name": "Syria"}, "geometry": square}]}))

    def refuse():
        raise AssertionError("the dashboard read the shapefile although the layer carries its borders")

    monkeypatch.setattr("geo.borders.available_borders", refuse)
    assert data.borders(read_layer(out))["features"][0]["geometry"] == square
