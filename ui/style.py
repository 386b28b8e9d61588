"""How the map looks, in one place: the forces' names and colours, the one style table every renderer of
the map applies (the dashboard's and the export's JavaScript through the payload, the benchmark's folium
baseline in Python), and where Leaflet is loaded from. No Streamlit here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from geo.schema import UNKNOWN_FORCE

#: Leaflet as folium 0.20 pins it; scripts/vendor.sh fetches the same version from the npm registry.
LEAFLET_VERSION = "1.9.3"
LEAFLET_CDN = f"https://cdn.jsdelivr.net/npm/leaflet@{LEAFLET_VERSION}/dist"
#: Where Streamlit's static file serving (server.enableStaticServing) publishes ./static/vendor.
LOCAL_VENDOR_URL = "/app/static/vendor"
VENDOR_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor"
ASSETS_ENV = "GEO_MAP_ASSETS"  # "local" | "cdn"; default: local when static/vendor is complete
TILES_ENV = "GEO_MAP_TILES"  # "osm" (default) | "none"
FALLBACK_COLOUR = "#999999"

#: A town's dot: the holder's colour inside; a thick ring in the contesting force's colour when contested;
#: faded and dashed when uncertain (unknown start, or a date coarser than a day); bigger when selected; a
#: small dark centre when an analyst checked a quote behind its colour.
TOWN = {
    "checked_radius": 2.2, "checked_color": "#111111",
    "radius": 7, "radius_contested": 9, "radius_selected_extra": 3,
    "fill_opacity": 0.9, "fill_opacity_uncertain": 0.45,
    "edge": "#222222", "weight": 1.2, "weight_selected": 2.5, "weight_contested": 4,
    "opacity": 1.0, "opacity_uncertain": 0.6, "dash_uncertain": [3, 3],
}
#: A zone cell: a light fill in the holder's colour, edged in it so neighbouring cells read as one zone; a
#: contested cell's edge is dashed and heavier, in the contesting force's colour (Leaflet has no hatching).
ZONE = {
    "fill_opacity": 0.3, "weight": 0.8, "opacity": 0.5,
    "edge_contested": "#222222", "weight_contested": 2.5, "opacity_contested": 0.9, "dash_contested": [6, 4],
}
BORDERS = {"color": "#6b6b6b", "weight": 1.2, "fillColor": "#f5f3ee", "fillOpacity": 0.35}
#: The legend's rows after the forces: a swatch's CSS properties and what it means.
LEGEND_NOTES = [
    [{"background": "#fff", "border": "3px solid #555"}, "contested (ring: contesting force)"],
    [{"background": "#999", "opacity": ".45", "border-style": "dashed"}, "uncertain start or date"],
    [{"background": "radial-gradient(circle, #111 0 2.5px, #999 3.5px)"},
     "centre dot: checked by an analyst (else machine-read only)"],
    [{"border-radius": "0", "background": "rgba(153,153,153,.3)", "border": "2px dashed #555"},
     "zone (estimate); dashed edge: contested"],
]
LABEL_MIN_ZOOM = 7


def style_table() -> dict:
    """What the browser's renderers apply (static/folium_control/control_layer.js), in the payload."""
    return {"town": TOWN, "zone": ZONE, "borders": BORDERS, "legend": LEGEND_NOTES, "label_min_zoom": LABEL_MIN_ZOOM}


def town_look(fill: str, ring: str | None, contested: bool, uncertain: bool, selected: bool) -> dict:
    """Leaflet path options of a town's dot (`ring`: the contesting force's colour, if known)."""
    radius = (TOWN["radius_contested"] if contested else TOWN["radius"]) + (TOWN["radius_selected_extra"] if selected else 0)
    return {
        "radius": radius,
        "fillColor": fill,
        "fillOpacity": TOWN["fill_opacity_uncertain"] if uncertain else TOWN["fill_opacity"],
        "color": (ring or TOWN["edge"]) if contested else TOWN["edge"],
        "weight": TOWN["weight_contested"] if contested else (TOWN["weight_selected"] if selected else TOWN["weight"]),
        "opacity": TOWN["opacity_uncertain"] if uncertain and not contested else TOWN["opacity"],
        "dashArray": TOWN["dash_uncertain"] if uncertain else None,
    }


def zone_look(fill: str, edge: str | None, contested: bool) -> dict:
    """Leaflet path options of a zone cell (`edge`: the contesting force's colour, if known)."""
    if contested:
        return {"fillColor": fill, "fillOpacity": ZONE["fill_opacity"], "color": edge or ZONE["edge_contested"],
                "weight": ZONE["weight_contested"], "opacity": ZONE["opacity_contested"],
                "dashArray": ZONE["dash_contested"]}
    return {"fillColor": fill, "fillOpacity": ZONE["fill_opacity"], "color": fill, "weight": ZONE["weight"],
            "opacity": ZONE["opacity"], "dashArray": None}


@dataclass(frozen=True)
class ForceStyle:
    code: str
    name: str
    color: str


def load_force_styles() -> dict[str, ForceStyle]:
    """Force code → display name and colour from data/forces.yaml (through geo.forces)."""
    from geo.forces import load_forces

    catalogue = load_forces()
    styles = {code: ForceStyle(code, f.display_name("en"), f.color) for code, f in catalogue.forces.items()}
    styles.setdefault(UNKNOWN_FORCE, ForceStyle(UNKNOWN_FORCE, "Unknown", FALLBACK_COLOUR))
    return styles


def asset_mode() -> str:
    """'local' serves Leaflet from static/vendor (offline); 'cdn' loads it from jsDelivr (hosted)."""
    mode = os.environ.get(ASSETS_ENV, "").strip().lower()
    if mode in ("local", "cdn"):
        return mode
    return "local" if (VENDOR_DIR / ".complete").exists() else "cdn"
