"""bench/naive_map.py (the folium baseline; no Streamlit), ui/style.py and ui/url.py, ui/text.py, ui/sources.py: the map's JS and what goes into it."""

import json
from datetime import date, timedelta

import pytest
from streamlit_folium import _get_feature_group_string, _get_map_string, generate_js_hash

from geo.io.read import read_layer
from geo.state import state_on
from tests.fixtures.make_layer import PAYLOAD_QUOTE, PAYLOAD_SOURCE, write_layer
from bench import naive_map as geo_map
from ui import style
from ui.sources import annotate
from ui.text import md_escape, safe_url
from ui.url import PlaceName, link_index, name_key, parse_date, resolve_place

FORCES = {
    "IS": style.ForceStyle("IS", "Islamic State", "#000000"),
    "SYRIAN_GOV": style.ForceStyle("SYRIAN_GOV", "Syrian government", "#D55E00"),
    "IRAQI_GOV": style.ForceStyle("IRAQI_GOV", "Iraqi government", "#CC79A7"),
    "SDF": style.ForceStyle("SDF", "SDF", "#F0E442"),
    "UNKNOWN": style.ForceStyle("UNKNOWN", "Unknown", "#999999"),
}
BOUNDS = ((34.0, 39.0), (36.5, 43.0))


@pytest.fixture(scope="module")
def layer(tmp_path_factory):
    return read_layer(write_layer(tmp_path_factory.mktemp("map") / "build", injected=True))


def _base(**kw):
    return geo_map.base_map(BOUNDS, geo_map.force_styles(FORCES, FORCES), {"type": "FeatureCollection", "features": []},
                            **kw)


def test_local_assets_are_leaflet_only_and_served_by_streamlit():
    m = _base(assets="local")
    m.get_root().render()
    assert geo_map.asset_links(m) == ["/app/static/vendor/leaflet/dist/leaflet.js",
                                      "/app/static/vendor/leaflet/dist/leaflet.css"]
    assert all(link.startswith("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/")
               for link in geo_map.asset_links(_base(assets="cdn")))


def test_the_vendored_leaflet_exists_when_vendor_ran():
    if not (style.VENDOR_DIR / ".complete").exists():
        pytest.skip("static/vendor not fetched (make vendor)")
    for link in geo_map.asset_links(_base(assets="local")):
        assert (style.VENDOR_DIR.parent.parent / link.removeprefix("/app/")).is_file(), link


def test_base_map_is_the_same_for_every_date_so_streamlit_folium_keeps_it_mounted(layer):
    keys = set()
    for day in (date(2017, 11, 9), date(2017, 11, 10)):
        m = _base(assets="local")
        group = geo_map.control_layer(state_on(layer.periods, day), FORCES)
        m.get_root().render()
        leaflet = _get_map_string(m)
        _get_feature_group_string(group, m)
        keys.add(generate_js_hash(leaflet, "map"))
    assert len(keys) == 1


def test_one_geojson_layer_with_ids_and_state_and_no_article_text(layer):
    group = geo_map.control_layer(state_on(layer.periods, date(2017, 11, 10)), FORCES, selected="albu-kamal")
    m = _base(assets="local")
    m.get_root().render()
    js = _get_feature_group_string(group, m)
    assert js.count("L.geoJson(") == 1 and "L.marker(" not in js and "bindPopup" not in js
    assert PAYLOAD_SOURCE not in js and "onerror" not in js and "counterattacking" not in js
    features = geo_map.town_features(state_on(layer.periods, date(2017, 11, 10)), "albu-kamal")["features"]
    assert set(features[0]["properties"]) == {"place_id", "name", "force", "status", "contested_by", "uncertain",
                                              "selected"}
    assert features[-1]["properties"]["place_id"] == "albu-kamal"  # the selected town is drawn on top


def test_names_reach_the_browser_escaped_for_script_and_shown_as_text():
    class Town:
        place_id, name, force, status, contested_by = "x", "</script><img src=x onerror=alert(1)>`${1}`", "IS", "held", []
        valid_from, valid_to, date_precision, lon, lat = date(2017, 1, 1), None, "day", 40.0, 35.0

    m = _base(assets="local")
    m.get_root().render()
    js = _get_feature_group_string(geo_map.control_layer([Town()], FORCES), m)
    assert "</script>" not in js and "<img" not in js  # folium's tojson escapes < > & '
    assert "label.textContent = " in js and "innerHTML" not in js


def test_style_contested_ring_uncertain_and_unknown():
    contested = geo_map.town_style({"force": "SYRIAN_GOV", "status": "contested", "contested_by": ["IS"]}, FORCES)
    assert contested["fillColor"] == "#D55E00" and contested["color"] == "#000000" and contested["weight"] >= 3
    held = geo_map.town_style({"force": "SDF", "status": "held", "contested_by": []}, FORCES)
    assert held["fillColor"] == "#F0E442" and held["dashArray"] is None and held["fill"] is True
    uncertain = geo_map.town_style({"force": "IS", "status": "held", "uncertain": True}, FORCES)
    assert uncertain["dashArray"] and uncertain["fillOpacity"] < held["fillOpacity"]
    stranger = geo_map.town_style({"force": "MARTIANS", "status": "held"}, FORCES)
    assert stranger["fillColor"] == "#999999"


def test_uncertain_means_unknown_start_or_coarser_than_a_day(layer):
    by_place = {(p.place_id, p.valid_from): p for p in layer.periods}
    assert geo_map.is_uncertain(by_place[("albu-kamal", None)])
    assert geo_map.is_uncertain(by_place[("raqqa", date(2017, 10, 1))])  # month precision
    assert not geo_map.is_uncertain(by_place[("albu-kamal", date(2017, 11, 10))])


def test_legend_lists_forces_with_unknown_last_and_escapes_names():
    styles = geo_map.force_styles({**FORCES, "X": style.ForceStyle("X", "<b>X</b>", "#123456")}, ["X", "IS"])
    assert [s.code for s in styles] == ["IS", "X", "UNKNOWN"]
    legend = geo_map._Legend(styles)
    assert "&lt;b&gt;X&lt;/b&gt;" in legend.html and "<b>X" not in legend.html


PLACES = [PlaceName("albu-kamal", "Albu Kamal", ("Abu Kamal", "Boukamal")),
          PlaceName("deir-ez-zor", "Deir ez-Zor", ("Deir Ezzor",))]


@pytest.mark.parametrize("raw, expected", [
    ("albu-kamal", "albu-kamal"), ("Albu Kamal", "albu-kamal"), ("abu kamal", "albu-kamal"),
    ("BOUKAMAL", "albu-kamal"), ("Deir Ezzor", "deir-ez-zor"), ("deir-ez-zor", "deir-ez-zor"),
])
def test_resolve_place_accepts_ids_names_and_spellings(raw, expected):
    assert resolve_place(raw, link_index(PLACES)) == (expected, None)


def test_resolve_place_knows_the_gazetteers_other_names_the_build_wrote_then_gives_a_notice():
    places = [*PLACES, PlaceName("mosul", "Mosul", (), ("Al Mawsil", "Mossoul")),
              PlaceName("mawsil-village", "Mawsil", ("Al Mawsil",))]  # an article wrote it so: it wins
    assert resolve_place("Mossoul", link_index(places)) == ("mosul", None)
    assert resolve_place("al-mawsil", link_index(places)) == ("mawsil-village", None)
    place, notice = resolve_place("Atlantis", link_index(places))
    assert place is None and "Atlantis" in notice
    assert resolve_place(None, link_index(PLACES)) == (None, None) and resolve_place("  ", link_index(PLACES)) == (None, None)
    assert name_key("Ar-Raqqah") == name_key("raqqah")


@pytest.mark.parametrize("raw, day, says", [
    ("2017-11-10", date(2017, 11, 10), None), (None, None, None), ("", None, None),
    ("2017-02-30", None, "YYYY-MM-DD"), ("10.11.2017", None, "YYYY-MM-DD"), ("20171110", None, "YYYY-MM-DD"),
    ("2016-01-01", None, "outside"), ("2020-01-01", None, "outside"), ("x" * 500, None, "YYYY-MM-DD"),
])
def test_parse_date(raw, day, says):
    got, notice = parse_date(raw, date(2017, 10, 1), date(2017, 11, 11))
    assert got == day
    assert (notice is None) if says is None else (says in notice and len(notice) < 200)


def test_md_escape_and_safe_url():
    escaped = md_escape("<script>x</script> [a](javascript:b) $x$ :red[y] *z*\n# h")
    assert escaped == r"\<script\>x\</script\> \[a\](javascript\:b) \$x\$ \:red\[y\] \*z\* # h"
    assert md_escape("- item").startswith("\\-")
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "https://x.org/\"onmouseover", None, 3):
        assert safe_url(bad) is None


def test_annotate_marks_whole_words_longest_first_as_plain_text():
    text = "Albu Kamal fell; Albu Kamals markets; Kamal said. " + PAYLOAD_QUOTE
    marked = annotate(text, ["Kamal", "Albu Kamal", "Mayadin"])
    assert marked.startswith("⟦Albu Kamal⟧ fell; Albu Kamals markets; ⟦Kamal⟧ said.")
    assert "⟦Mayadin⟧" in marked and "<img src=x" in marked  # payloads stay text, untouched
    assert json.dumps(annotate("plain", []))


def _zone(force, valid_from, valid_to, status="held", contested_by=()):
    from geo.io.read import ZoneFeature

    square = [[[40.0, 34.0], [40.5, 34.0], [40.5, 34.5], [40.0, 34.5], [40.0, 34.0]]]
    return ZoneFeature(force=force, status=status, contested_by=contested_by, valid_from=valid_from,
                       valid_to=valid_to, area_km2=1234.56, towns=("albu-kamal", PAYLOAD_SOURCE),
                       geometry={"type": "Polygon", "coordinates": square})


def test_zones_layer_shows_the_zones_of_the_date_only_with_no_article_text():
    zones = [_zone("IS", None, date(2017, 11, 10)),
             _zone("SYRIAN_GOV", date(2017, 11, 10), None, "contested", ("IS",)),
             _zone("SDF", date(2017, 10, 1), None)]
    m = _base(assets="local")
    m.get_root().render()
    on = [z for z in zones if z.valid_on(date(2017, 11, 10))]
    js = _get_feature_group_string(geo_map.zones_layer(on, FORCES), m)
    assert js.count("L.geoJson(") == 1 and '"pane": "zones"' in js
    assert '"SYRIAN_GOV"' in js and '"SDF"' in js and '"IS"' in js  # IS only as the contesting force
    assert PAYLOAD_SOURCE not in js and "albu-kamal" not in js and "valid_from" not in js
    features = geo_map.zone_features(on)["features"]
    assert {f["properties"]["force"] for f in features} == {"SYRIAN_GOV", "SDF"}
    assert all(set(f["properties"]) == {"force", "status", "contested_by", "area_km2"} for f in features)
    assert features[-1]["properties"]["status"] == "contested"  # drawn on top
    before = geo_map.zone_features([z for z in zones if z.valid_on(date(2017, 9, 1))])["features"]
    assert [f["properties"]["force"] for f in before] == ["IS"]
    assert geo_map.zone_features([z for z in zones[:1] if z.valid_on(date(2017, 11, 10))])["features"] == []


def test_zone_style_light_fill_and_dashed_contested_edge():
    held = geo_map.zone_style({"force": "SDF", "status": "held"}, FORCES)
    assert held["fillColor"] == "#F0E442" and held["fillOpacity"] <= 0.35 and not held["dashArray"]
    contested = geo_map.zone_style({"force": "SYRIAN_GOV", "status": "contested", "contested_by": ["IS"]}, FORCES)
    assert contested["fillColor"] == "#D55E00" and contested["color"] == "#000000" and contested["dashArray"]
    assert geo_map.zone_style({"force": "MARTIANS", "status": "held"}, FORCES)["fillColor"] == "#999999"


def test_area_series_steps_over_the_range_and_share_claims_are_plain_cells(layer):
    from geo.io.read import AreaRow
    from ui import territory

    rows = [AreaRow(date=None, force="IS", area_km2=900, towns=9, contested_area_km2=0, contested_towns=0),
            AreaRow(date=date(2017, 10, 15), force="IS", area_km2=500, towns=5, contested_area_km2=0,
                    contested_towns=0),
            AreaRow(date=date(2018, 1, 1), force="IS", area_km2=100, towns=1, contested_area_km2=0, contested_towns=0),
            AreaRow(date=None, force="UNKNOWN", area_km2=0, towns=0, contested_area_km2=0, contested_towns=0)]
    series = territory.area_series(rows, date(2017, 10, 1), date(2017, 11, 11), FORCES)
    area = series[series["measure"] == territory.AREA]
    assert list(area["value"]) == [900, 500, 500] and set(series["force"]) == {"Islamic State"}
    assert str(area["date"].iloc[0].date()) == "2017-10-01" and str(area["date"].iloc[-1].date()) == "2017-11-11"
    chart = territory.area_chart(series, date(2017, 11, 1), date(2017, 10, 1), date(2017, 11, 11), FORCES).to_dict()
    assert "step-after" in json.dumps(chart)
    assert any(v.get("date") == "2017-11-01T00:00:00" for d in chart["datasets"].values() for v in d)  # the rule
    claims = territory.share_claims(layer.events, FORCES)
    assert list(claims.columns) == list(territory.CLAIM_COLUMNS)


def test_the_area_chart_of_a_long_war_is_drawn_however_many_changes_it_has():
    """Years of daily changes for several forces: more rows than Altair accepts in a DataFrame (5,000)."""
    from geo.io.read import AreaRow
    from ui import territory

    start, codes = date(2014, 1, 1), ["IS", "SDF", "IRAQI_GOV", "SYRIAN_GOV", "TURKEY"]
    rows = [AreaRow(date=start + timedelta(days=n), force=code, area_km2=1000 + n, towns=10 + n % 7,
                    contested_area_km2=0, contested_towns=0) for n in range(1200) for code in codes]
    series = territory.area_series(rows, start, start + timedelta(days=1300), FORCES)
    assert len(series) > 2 * 5000
    chart = territory.area_chart(series, None, start, start + timedelta(days=1300), FORCES).to_dict()
    assert sum(len(d) for d in chart["datasets"].values()) == len(series)
    # Sent as Arrow made once: the same rows, whatever Streamlit would have made of the lists.
    import pyarrow as pa

    values = {name: rows for name, rows in chart["datasets"].items()}
    sent = territory.with_arrow_datasets(chart)["datasets"]
    assert all(isinstance(data, bytes) for data in sent.values())
    assert {name: pa.ipc.open_stream(data).read_all().to_pylist() for name, data in sent.items()} == values


def test_addresses_and_web_names_in_article_text_do_not_become_links():
    from ui.text import md_escape

    shown = md_escape("write to press@example.org or see www.example.org")
    assert "\\@" in shown and "www\\." in shown
