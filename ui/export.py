"""The whole timeline as one HTML file: `python -m geo export-html`, and the Map page's download.

A folium map with the control-map plugin (ui/folium_control) and everything it needs written into the
page: Leaflet, the plugin's scripts and styles, the packed layer and each town's history with its quotes.
It opens from a laptop or an email attachment with no server and no network; tiles come when online.
Article text in it is data for textContent (see town_history.js), never HTML.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from datetime import date
from pathlib import Path

import folium
from branca.element import Figure

from geo.io.read import Layer
from geo.state import date_span
from ui.folium_control import ControlLayer, Legend, Timeline, TownHistory
from ui.folium_control.assets import InlineLeaflet
from ui.folium_control.town_history import histories
from ui.style import ForceStyle
from ui.map_payload import day_number, map_payload

TITLE = "Control map"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'


def export_map(layer: Layer, forces: Mapping[str, ForceStyle], borders: dict | None, *, tiles: bool = True,
               day: date | None = None) -> folium.Map:
    """The folium map of the whole layer, opening on `day` (default: its latest date)."""
    span = date_span(layer.periods)
    lo, hi, _ = span if span else (date.today(), date.today(), [])
    day = min(max(day or hi, lo), hi)
    payload = map_payload(layer.periods, layer.zones, forces, borders)
    figure = Figure(title=TITLE)
    fmap = folium.Map(location=None, tiles=None, control_scale=True, prefer_canvas=True)
    # folium's own links (Leaflet, jQuery, Bootstrap… from CDNs) give way to the inlined Leaflet.
    fmap.default_js, fmap.default_css = [], []
    figure.add_child(fmap)
    fmap.add_child(InlineLeaflet(), name="leaflet")
    if tiles:
        folium.TileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", attr=OSM_ATTRIBUTION, max_zoom=18,
                         name="OpenStreetMap").add_to(fmap)
    control = ControlLayer(payload, day_number(day)).add_to(fmap)
    Timeline(control, day_number(lo), day_number(hi)).add_to(fmap)  # ◀ ▶: the payload's change days
    Legend(control).add_to(fmap)
    TownHistory(control, histories(layer.periods, payload["towns"]["id"])).add_to(fmap)
    if payload["bounds"]:
        (south, west), (north, east) = payload["bounds"]
        pad = 0.3
        fmap.fit_bounds([[south - pad, west - pad], [north + pad, east + pad]])
    else:
        fmap.location, fmap.zoom_start = [35.0, 40.0], 6
    return fmap


def export_html(layer: Layer, forces: Mapping[str, ForceStyle], borders: dict | None, **options) -> str:
    return export_map(layer, forces, borders, **options).get_root().render()


def write_export(html: str, out: Path) -> int:
    """Write `html` to `out` whole or not at all (a temporary file renamed over it); the bytes written."""
    out = Path(out)
    data = html.encode("utf-8")
    fd, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return len(data)
