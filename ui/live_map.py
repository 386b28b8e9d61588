"""The live map: a folium map shown by streamlit-folium, its towns drawn by the control-map plugin.

The base map never changes while the layer stays the same (tiles, the scale, `ControlLink` pointing at the
published layer, ui/publish.py), so streamlit-folium keeps it mounted across reruns: its component key is a
digest of the base map's script. What changes per rerun (the date, the selected town, the toggles) travels as
a `PageState` through `feature_group_to_add`, a few hundred bytes whatever the number of towns. A search's
focus goes there too, not through st_folium's `center`/`zoom`: streamlit-folium applies a zoom only when it
differs from the last one sent, so a second search would keep a far-out view and a first one zoom a close
reader out. The map's own timeline steps repaint in the browser and report where the reader
stopped; those reports and town clicks come back as streamlit-folium's `last_active_drawing` (see
static/folium_control/control_link.js), read here by `map_event`.

Why the layer is not in the folium map itself: streamlit-folium sends the whole map on every rerun, and at
2,000 towns a step so made took 420–860 ms, growing with the towns (bench/naive_map.py, the README's Scale).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

import folium
import streamlit as st
from folium.template import Template
from streamlit_folium import st_folium

from ui.folium_control import ControlLink, PageState
from ui.folium_control.assets import LAYER_FETCH_JS, asset_url, live_bundle
from ui.map_payload import day_number
from ui.publish import LAYERS_URL, publish_script
from ui.style import LEAFLET_CDN, LOCAL_VENDOR_URL, TILES_ENV, asset_mode

OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'
BOUNDS_PAD = 0.3  # degrees around the towns
HEIGHT = 620
#: What streamlit-folium returns: only the plugin's reports, so a pan or a zoom never reruns the page.
RETURNED = ["last_active_drawing"]


@dataclass(frozen=True)
class MapEvent:
    """A report of the map: `kind` "town" (a click on `place_id`), "date" (the reader stopped stepping at
    `day`, from the date revision `revision`) or "ready" (painted, or failed, once mounted); `n` numbers the
    reports."""

    kind: str
    n: int
    place_id: str | None = None
    day: date | None = None
    revision: int = 0


class BaseMap(folium.Map):
    """folium's Map without the page around it: its header (a viewport tag, full-page styles, a 1rem font for
    the map) is for a standalone page, and streamlit-folium's frame sizes the map itself. streamlit-folium
    resends the base map's header and script on every rerun, so they are kept short (folium's page header
    and the whitespace of its template were ≈ 1.9 KB of the map's 3.5 KB a rerun)."""

    # No html: the frame has the map's div (streamlit-folium's `map_div`).
    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.map({{ this.get_name()|tojson }}, {center: {{ this.location|tojson }}, crs: L.CRS.{{ this.crs }}, ...{{ this.options|tojavascript }}});
        {%- if this.control_scale %}
        L.control.scale().addTo({{ this.get_name() }});
        {%- endif %}
        {% endmacro %}
    """)


def _first_links(layer_url: str, later: list[str]) -> tuple[list, list]:
    """The base map's own links, in the order streamlit-folium loads them (one at a time, stylesheets after
    scripts): layer_fetch.js, which starts the layer's download and fetches the `later` links meanwhile
    (Leaflet, the next link, is asked for right after it anyway), then Leaflet. Every rerun sends these
    addresses again: slashes stay as they are."""
    base = f"{LOCAL_VENDOR_URL}/leaflet/dist" if asset_mode() == "local" else LEAFLET_CDN
    css = f"{base}/leaflet.css"
    query = urlencode({"layer": layer_url, "preload": [*later, css]}, doseq=True, safe="/")
    early = f"{asset_url(LAYER_FETCH_JS)}&{query}"
    return [("layer_fetch", early), ("leaflet", f"{base}/leaflet.js")], [("leaflet_css", css)]


def base_map(payload_name: str, script_name: str, lo: date, hi: date,
             bounds: tuple[tuple[float, float], tuple[float, float]] | None) -> BaseMap:
    """The part of the live map that stays the same for a layer: streamlit-folium remounts it only when its
    script changes. `payload_name` and `script_name`: the layer and the plugin's scripts as published
    (ui/publish.py)."""
    layer_url = f"{LAYERS_URL}/{payload_name}"
    # Without towns, the region (folium writes the zoom into the map's options when it is made).
    fmap = BaseMap(location=None if bounds else [35.0, 40.0], zoom_start=6, tiles=None, control_scale=True,
                   prefer_canvas=True)
    # Only Leaflet of folium's default links (jQuery, Bootstrap, icon fonts… serve nothing here), from the
    # server's own copy unless it has none (ui/style.py asset_mode).
    if (os.environ.get(TILES_ENV, "osm") or "osm").lower() != "none":
        folium.TileLayer(OSM_TILES, attr=OSM_ATTRIBUTION, max_zoom=18, name="OpenStreetMap").add_to(fmap)
    link = ControlLink(layer_url, day_number(lo), day_number(hi), script_url=f"{LAYERS_URL}/{script_name}")
    link.add_to(fmap)
    fmap.default_js, fmap.default_css = _first_links(
        layer_url, [url for _, url in link.default_js] + [url for _, url in link.default_css])
    if bounds:
        (south, west), (north, east) = bounds
        fmap.fit_bounds([[south - BOUNDS_PAD, west - BOUNDS_PAD], [north + BOUNDS_PAD, east + BOUNDS_PAD]])
    return fmap


def page_state(day: date, lo: date, hi: date, *, revision: int, ack: int | None, selected: str | None,
               focus: tuple[float, float] | None, show_zones: bool, show_towns: bool) -> folium.FeatureGroup:
    """This rerun's state for the map, as the feature group streamlit-folium adds on each rerun."""
    group = folium.FeatureGroup(name="page state", control=False)
    PageState({
        "day": day_number(day), "lo": day_number(lo), "hi": day_number(hi), "revision": revision, "ack": ack,
        "selected": selected, "focus": list(focus) if focus else None, "show_zones": show_zones,
        "show_towns": show_towns,
    }).add_to(group)
    return group


def live_map(payload_name: str, script_name: str, day: date, lo: date, hi: date, *,
             bounds: tuple[tuple[float, float], tuple[float, float]] | None, revision: int,
             selected: str | None = None, focus: tuple[float, float] | None = None, show_zones: bool = True,
             show_towns: bool = True, key: str = "control_map",
             on_change: Callable[[], None] | None = None) -> None:
    """Show the map of the layer published as `payload_name` on `day`, drawn by the plugin's scripts published
    as `script_name`. Its reports reach `st.session_state[key]` (read them with `map_event`) and call
    `on_change`.

    `revision` goes up whenever the date was set from outside the map (sidebar, link): only then does the map
    jump to `day`, so its own quick steps are never pulled back by a slower rerun."""
    last = map_event(st.session_state.get(key))
    st_folium(
        base_map(payload_name, script_name, lo, hi, bounds), key=key, height=HEIGHT, use_container_width=True,
        returned_objects=RETURNED,
        feature_group_to_add=page_state(day, lo, hi, revision=revision, ack=last.n if last else None,
                                        selected=selected, focus=focus, show_zones=show_zones,
                                        show_towns=show_towns),
        on_change=on_change)


def published_script() -> str:
    """The name of the plugin's scripts as one published file (ui/publish.py publish_script), written again
    should the folder have lost it. Raises PublishError, naming the folder and what to do."""
    return publish_script(live_bundle())


def map_event(value) -> MapEvent | None:
    """The map's last report in streamlit-folium's returned value, or None when there is none or it is not
    well formed (the value comes from the browser: nothing in it is trusted)."""
    feature = value.get("last_active_drawing") if isinstance(value, dict) else None
    properties = feature.get("properties") if isinstance(feature, dict) else None
    if not isinstance(properties, dict):
        return None
    kind, n = properties.get("kind"), properties.get("n")
    if not isinstance(n, int) or isinstance(n, bool):
        return None
    if kind == "town":
        place_id = properties.get("id")
        return MapEvent("town", n, place_id=place_id) if isinstance(place_id, str) else None
    if kind == "date":
        revision = properties.get("revision")
        try:
            day = date.fromisoformat(str(properties.get("date")))
        except ValueError:
            return None
        return MapEvent("date", n, day=day,
                        revision=revision if isinstance(revision, int) and not isinstance(revision, bool) else 0)
    if kind == "ready":
        return MapEvent("ready", n)
    return None
