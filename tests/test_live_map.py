"""ui/live_map.py: the live map as streamlit-folium is given it, and what it reads back from the browser."""

from datetime import date

import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from ui import style
from ui.folium_control.assets import ASSET_DIR, ASSET_URL, LIVE_JS, live_bundle, read_asset
from ui.live_map import MapEvent, base_map, map_event, page_state
from ui.publish import publish, publish_script

LO, HI = date(2017, 10, 1), date(2019, 2, 10)
BOUNDS = ((34.0, 39.0), (36.5, 43.0))


def _rendered(payload="abc123.json", day=date(2017, 11, 9), selected=None, revision=1):
    """What st_folium sends the browser for one rerun: the base map's script, its key, the per-rerun part."""
    m = base_map(payload, "feed.js", LO, HI, BOUNDS)
    m.get_root().render()
    script = _get_map_string(m)
    group = page_state(day, LO, HI, revision=revision, ack=None, selected=selected, focus=None, show_zones=True,
                       show_towns=True)
    return script, generate_js_hash(script, "control_map"), _get_feature_group_string(group, m), m


def test_the_base_map_is_the_same_whatever_the_date_or_selection_so_the_map_stays_mounted():
    first = _rendered(day=date(2017, 11, 9))
    later = _rendered(day=date(2018, 3, 1), selected="albu-kamal", revision=7)
    assert first[1] == later[1]
    assert first[2] != later[2]  # what does change travels in the feature group
    # A new layer is a new map (a remount that fetches it).
    assert _rendered(payload="def456.json")[1] != first[1]


def test_a_rerun_sends_a_few_hundred_bytes_whatever_the_number_of_towns():
    script, _, group, _ = _rendered()
    assert len(group.encode()) < 1000
    # The layer itself is never in the map's script: only its published address.
    assert "/app/static/layers/abc123.json" in script and len(script.encode()) < 4000


def test_the_page_state_is_data_for_the_script_never_markup():
    _, _, group, _ = _rendered(selected='x"</script><script>alert(1)//')
    assert "</script" not in group.lower() and "<script" not in group.lower()
    assert "\\u003c/script\\u003e" in group


def test_the_map_loads_leaflet_and_the_plugin_only_from_this_server_or_the_pinned_release(monkeypatch):
    monkeypatch.setenv(style.ASSETS_ENV, "local")
    m = base_map("abc123.json", "feed.js", LO, HI, BOUNDS)
    links = [url for element in (m, *m._children.values()) for _, url in getattr(element, "default_js", [])]
    assert links[1:] == ["/app/static/vendor/leaflet/dist/leaflet.js", "/app/static/layers/feed.js"]
    # First, before Leaflet: the script that starts the layer's download, told the layer's address.
    assert links[0].startswith(ASSET_URL + "/layer_fetch.js?v=")
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(links[0]).query)
    assert query["layer"] == ["/app/static/layers/abc123.json"]
    # ...and the other links, to fetch side by side while streamlit-folium asks for them one at a time.
    styles = [url for element in m._children.values() for _, url in getattr(element, "default_css", [])]
    assert query["preload"] == [links[2], *styles, "/app/static/vendor/leaflet/dist/leaflet.css"]
    styles = [url for element in m._children.values() for _, url in getattr(element, "default_css", [])]
    assert styles and all(url.startswith(ASSET_URL + "/") and "?v=" in url for url in styles)
    for url in styles:  # each a file of the plugin, as served by Streamlit's static file serving
        assert (ASSET_DIR / url.removeprefix(ASSET_URL + "/").split("?")[0]).is_file()
    monkeypatch.setenv(style.ASSETS_ENV, "cdn")
    assert base_map("abc123.json", "feed.js", LO, HI, BOUNDS).default_js[1:] == [
        ("leaflet", f"https://cdn.jsdelivr.net/npm/leaflet@{style.LEAFLET_VERSION}/dist/leaflet.js")]


def test_the_plugin_is_published_as_one_script_with_every_part_once(tmp_path):
    name = publish_script(live_bundle(), tmp_path)
    text = (tmp_path / name).read_text(encoding="utf-8")
    for part in LIVE_JS:
        assert text.count(f"// {part}\n") == 1
        assert read_asset(ASSET_DIR / part) in text
    assert publish_script(live_bundle(), tmp_path) == name  # once per content
    # A publish of a new layer sweeps unheld payloads, never a script a tab may still be loading.
    publish({"towns": []}, tmp_path)
    assert (tmp_path / name).is_file()


def test_tiles_are_left_out_when_the_environment_says_none(monkeypatch):
    monkeypatch.setenv(style.TILES_ENV, "none")
    assert "tile.openstreetmap.org" not in _rendered()[0]
    monkeypatch.setenv(style.TILES_ENV, "osm")
    assert "tile.openstreetmap.org" in _rendered()[0]


def _value(**properties):
    return {"last_active_drawing": {"type": "Feature", "geometry": None, "properties": properties}}


def test_the_map_reports_clicks_dates_and_its_first_paint():
    assert map_event(_value(kind="town", id="albu-kamal", n=3)) == MapEvent("town", 3, place_id="albu-kamal")
    assert map_event(_value(kind="date", date="2017-11-10", revision=4, n=5)) == MapEvent(
        "date", 5, day=date(2017, 11, 10), revision=4)
    assert map_event(_value(kind="ready", n=1)) == MapEvent("ready", 1)


@pytest.mark.parametrize("value", [
    None, {}, {"last_active_drawing": None}, {"last_active_drawing": {"properties": "x"}},
    _value(kind="town", id=7, n=1), _value(kind="town", id="a"), _value(kind="town", id="a", n=True),
    _value(kind="date", date="10.11.2017", n=2), _value(kind="script", n=2),
])
def test_anything_else_from_the_browser_is_no_report(value):
    assert map_event(value) is None


def test_a_date_report_without_a_well_formed_revision_counts_as_older_than_any():
    assert map_event(_value(kind="date", date="2017-11-10", revision="3", n=2)).revision == 0
    assert map_event(_value(kind="date", date="2017-11-10", revision=True, n=2)).revision == 0


def test_a_layer_without_towns_opens_on_the_region():
    m = base_map("abc123.json", "feed.js", LO, HI, None)
    m.get_root().render()
    script = _get_map_string(m)
    assert "center: [35.0, 40.0]" in script and '"zoom": 6' in script and "fitBounds" not in script


def test_a_new_version_of_the_plugin_mounts_the_map_anew():
    keys = set()
    for plugin in ("one.js", "two.js"):
        m = base_map("abc123.json", plugin, LO, HI, BOUNDS)
        m.get_root().render()
        keys.add(generate_js_hash(_get_map_string(m), "control_map"))
    assert len(keys) == 2
