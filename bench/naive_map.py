"""The folium map of the benchmark's naive baseline (bench/naive_app.py sends it through streamlit-folium on
every step): a base map that never changes, and the zones and control layers for one date, built the way
an app would. No page of the dashboard draws it; its looks are ui/style.py's, as the dashboard's are.

No article text goes into the map: a town's feature carries its place id, name, holder and status. The
name is shown through `textContent` (never as HTML), and the properties are embedded with folium's
`tojson`, which escapes < > & '.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping

import folium
from branca.element import MacroElement
from folium.template import Template
from folium.utilities import JsCode

from geo.schema import UNKNOWN_FORCE
from ui.map_payload import is_uncertain
from ui.style import (BORDERS, FALLBACK_COLOUR, LABEL_MIN_ZOOM, LEAFLET_CDN, LEGEND_NOTES, LOCAL_VENDOR_URL, TILES_ENV,
                      TOWN, ForceStyle, asset_mode, town_look, zone_look)

#: Leaflet panes, bottom to top: tiles (200), country borders, zones, then the towns in Leaflet's
#: overlayPane (400), as the dashboard's map has them (control_layer.js).
BORDERS_PANE, BORDERS_PANE_Z = "borders", 350
ZONES_PANE, ZONES_PANE_Z = "zones", 390


def leaflet_assets(mode: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(js, css) links for the map page. The map uses plain Leaflet only (CircleMarkers, GeoJson,
    tooltips), so folium's jQuery, Bootstrap and awesome-markers defaults are not loaded at all."""
    base = f"{LOCAL_VENDOR_URL}/leaflet/dist" if mode == "local" else LEAFLET_CDN
    return [("leaflet", f"{base}/leaflet.js")], [("leaflet_css", f"{base}/leaflet.css")]


class _TownLabels(MacroElement):
    """Town names as permanent tooltips, shown only from `min_zoom` on (a class on the map container)."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>
          .leaflet-container .town-label { display: none; background: rgba(255,255,255,0.85);
            border: 0; box-shadow: none; padding: 0 3px; font: 12px/1.3 sans-serif; color: #222; }
          .leaflet-container.labels-on .town-label { display: block; }
          .leaflet-container .town-label::before { display: none; }
          .map-legend { background: rgba(255,255,255,0.92); padding: 6px 8px; border-radius: 4px;
            font: 12px/1.5 sans-serif; color: #222; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
          .map-legend .sw { display: inline-block; width: 11px; height: 11px; border-radius: 50%;
            margin-right: 5px; vertical-align: -1px; border: 1px solid #333; }
        </style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function (map) {
            function update() {
                map.getContainer().classList.toggle("labels-on", map.getZoom() >= {{ this.min_zoom|tojson }});
            }
            map.on("zoomend", update);
            update();
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, min_zoom: int = LABEL_MIN_ZOOM):
        super().__init__()
        self._name = "TownLabels"
        self.min_zoom = min_zoom


class _Legend(MacroElement):
    """A Leaflet control with the force colours and what rings and faded dots mean."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map) {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "map-legend");
                div.innerHTML = {{ this.html|tojson }};
                return div;
            };
            legend.addTo(map);
        })({{ this._parent.get_name() }});
        {% endmacro %}
        """
    )

    def __init__(self, forces: Iterable[ForceStyle]):
        super().__init__()
        self._name = "Legend"
        rows = [
            f'<div><span class="sw" style="background:{html.escape(f.color)}"></span>{html.escape(f.name)}</div>'
            for f in forces
        ]
        for swatch, text in LEGEND_NOTES:
            css = ";".join(f"{name}:{value}" for name, value in swatch.items())
            rows.append(f'<div><span class="sw" style="{html.escape(css)}"></span>{html.escape(text)}</div>')
        self.html = "".join(rows)


def force_styles(forces: Mapping[str, ForceStyle], codes: Iterable[str]) -> list[ForceStyle]:
    """The legend entries for `codes` (in forces.yaml order), UNKNOWN always last."""
    wanted = set(codes) | {UNKNOWN_FORCE}
    entries = [f for c, f in forces.items() if c in wanted and c != UNKNOWN_FORCE]
    return entries + [forces[UNKNOWN_FORCE]] if UNKNOWN_FORCE in forces else entries


def base_map(
    bounds: tuple[tuple[float, float], tuple[float, float]] | None,
    legend: Iterable[ForceStyle],
    borders: dict | None = None,
    assets: str | None = None,
    tiles: str | None = None,
) -> folium.Map:
    """The map that stays mounted: tiles with attribution, country borders, legend, label behaviour.

    `bounds` is ((south, west), (north, east)) of all towns in the layer (not of one date), so the base
    map — and with it streamlit-folium's component key — stays the same while the slider moves.
    """
    tiles = (tiles or os.environ.get(TILES_ENV, "osm")).lower()
    m = folium.Map(location=[35.0, 40.0], zoom_start=6, tiles=None, control_scale=True)
    js, css = leaflet_assets(assets or asset_mode())
    m.default_js, m.default_css = js, css
    if tiles != "none":
        folium.TileLayer("OpenStreetMap", name="OpenStreetMap", control=False).add_to(m)
    folium.map.CustomPane(BORDERS_PANE, z_index=BORDERS_PANE_Z, pointer_events=False).add_to(m)
    folium.map.CustomPane(ZONES_PANE, z_index=ZONES_PANE_Z, pointer_events=False).add_to(m)
    if borders:
        folium.GeoJson(
            borders,
            name="Country borders",
            style_function=lambda _: dict(BORDERS),
            interactive=False,
            control=False,
            pane=BORDERS_PANE,
        ).add_to(m)
    _TownLabels().add_to(m)
    _Legend(legend).add_to(m)
    if bounds:
        (south, west), (north, east) = bounds
        pad = 0.3
        m.fit_bounds([[south - pad, west - pad], [north + pad, east + pad]])
    return m


def town_features(periods: Iterable, selected: str | None = None) -> dict:
    """A FeatureCollection of the towns on one date: ids, names and state only, never article text.

    Later features are drawn on top: uncertain towns first, then certain, contested, and the selected one
    last, so a close neighbour with an inferred holder never hides a contested town or the chosen one.
    """
    features = []
    order = lambda p: (p.place_id == selected, p.status == "contested", not is_uncertain(p), p.place_id, p.force)  # noqa: E731
    for p in sorted(periods, key=order):
        features.append({
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
            "properties": {
                "place_id": p.place_id,
                "name": p.name,
                "force": p.force,
                "status": p.status,
                "contested_by": list(p.contested_by),
                "uncertain": is_uncertain(p),
                "selected": p.place_id == selected,
            },
        })
    return {"type": "FeatureCollection", "features": features}


def town_style(properties: Mapping, forces: Mapping[str, ForceStyle]) -> dict:
    """Fill in the holder's colour; a thick ring in the contesting force's colour when contested;
    faded and dashed when uncertain; bigger when selected."""
    unknown = forces.get(UNKNOWN_FORCE)
    fallback = unknown.color if unknown else FALLBACK_COLOUR

    def colour(code: str) -> str:
        return forces[code].color if code in forces else fallback

    contested = properties.get("status") == "contested"
    by = properties.get("contested_by") or []
    look = town_look(colour(properties.get("force", UNKNOWN_FORCE)), colour(by[0]) if by else None, contested,
                     bool(properties.get("uncertain")), bool(properties.get("selected")))
    dash = look.pop("dashArray")
    return {"stroke": True, "fill": True, **look, "dashArray": " ".join(map(str, dash)) if dash else None}


# Runs in the browser for every town: a CSS class per town and state (for styling and tests) and the
# name label as a text node, so a name can never be read as HTML.
_ON_EACH_TOWN = JsCode(
    """
    function (feature, layer) {
        var p = feature.properties || {};
        var token = function (s) { return String(s == null ? "" : s).replace(/[^A-Za-z0-9_-]/g, ""); };
        layer.options.className = "town town--" + token(p.place_id) + " town--" + token(p.status)
            + (p.selected ? " town--selected" : "");
        var label = document.createElement("span");
        label.textContent = p.name == null ? "" : String(p.name);
        layer.bindTooltip(label, {permanent: true, direction: "right", offset: [8, 0],
                                  className: "town-label", interactive: false});
    }
    """
)


def control_layer(periods: Iterable, forces: Mapping[str, ForceStyle], selected: str | None = None) -> folium.FeatureGroup:
    """One FeatureGroup holding ONE GeoJson layer with every town's state on the chosen date."""
    group = folium.FeatureGroup(name="Control", control=False)
    folium.GeoJson(
        town_features(periods, selected),
        name="Towns",
        marker=folium.CircleMarker(radius=TOWN["radius"]),
        style_function=lambda feature: town_style(feature["properties"], forces),
        on_each_feature=_ON_EACH_TOWN,
    ).add_to(group)
    return group


def zone_features(zones: Iterable) -> dict:
    """A FeatureCollection of the zones valid on one date, as given: geometry, force, status, contesting
    forces and area only (never towns' names, quotes or anything else from an article)."""
    features = []
    for zone in zones:
        features.append({
            "type": "Feature",
            "geometry": zone.geometry,
            "properties": {
                "force": zone.force,
                "status": zone.status,
                "contested_by": list(zone.contested_by),
                "area_km2": round(float(zone.area_km2), 1),
            },
        })
    # Held zones first, contested on top so their dashed edge is never covered by a neighbour's fill.
    features.sort(key=lambda f: f["properties"]["status"] == "contested")
    return {"type": "FeatureCollection", "features": features}


def zone_style(properties: Mapping, forces: Mapping[str, ForceStyle]) -> dict:
    """A light fill in the holder's colour; a contested zone gets a dashed, heavier edge in the contesting
    force's colour (the nearest Leaflet has to hatching without SVG patterns)."""
    unknown = forces.get(UNKNOWN_FORCE)
    fallback = unknown.color if unknown else FALLBACK_COLOUR

    def colour(code: str) -> str:
        return forces[code].color if code in forces else fallback

    by = properties.get("contested_by") or []
    look = zone_look(colour(properties.get("force", UNKNOWN_FORCE)), colour(by[0]) if by else None,
                     properties.get("status") == "contested")
    dash = look.pop("dashArray")
    return {**look, "dashArray": " ".join(map(str, dash)) if dash else None}


# A CSS class per zone (for styling and tests): force and status, reduced to safe characters.
_ON_EACH_ZONE = JsCode(
    """
    function (feature, layer) {
        var p = feature.properties || {};
        var token = function (s) { return String(s == null ? "" : s).replace(/[^A-Za-z0-9_-]/g, ""); };
        layer.options.className = "zone zone--" + token(p.force) + " zone--" + token(p.status);
    }
    """
)


def zones_layer(zones: Iterable, forces: Mapping[str, ForceStyle]) -> folium.FeatureGroup:
    """One FeatureGroup holding ONE GeoJson layer with the zones valid on the chosen date (pass
    `zones_on(...)`'s result, or any `ZoneFeature`s), in the zones pane under the towns, not clickable."""
    group = folium.FeatureGroup(name="Zones", control=False)
    folium.GeoJson(
        zone_features(zones),
        name="Zones",
        style_function=lambda feature: zone_style(feature["properties"], forces),
        on_each_feature=_ON_EACH_ZONE,
        pane=ZONES_PANE,
        interactive=False,
    ).add_to(group)
    return group


def asset_links(m: folium.Map) -> list[str]:
    """Every script and stylesheet URL the map page would load (what streamlit-folium collects)."""
    links: list[str] = []

    def walk(element):
        links.extend(url for _, url in getattr(element, "default_js", []))
        links.extend(url for _, url in getattr(element, "default_css", []))
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(m)
    return list(dict.fromkeys(links))
