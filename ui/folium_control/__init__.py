"""The control map as a folium plugin: one module per Leaflet piece, each a small class with its JS asset.

- `ControlLayer`: the towns and zone cells of one packed layer (ui/map_payload.py) on a date;
- `Timeline`: the ◀ slider ▶ bar that steps it in the browser;
- `Legend`: what the colours mean;
- `TownHistory`: a clicked town's periods and the quotes behind them, as text.

The JavaScript is the dashboard's own (ui/components/control_map/control_layer.js and what it draws with),
inlined into the page by `assets.InlineAssets`, so a saved map needs no server and no network but for tiles.
"""

from ui.folium_control.control_layer import ControlLayer
from ui.folium_control.legend import Legend
from ui.folium_control.timeline import Timeline
from ui.folium_control.town_history import TownHistory

__all__ = ["ControlLayer", "Legend", "Timeline", "TownHistory"]
