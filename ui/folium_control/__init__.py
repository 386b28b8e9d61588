"""The control map as a folium plugin: one module per Leaflet piece, each a small class with its JS asset.

- `ControlLayer`: the towns and zone cells of one packed layer (ui/map_payload.py) on a date;
- `Timeline`: the ◀ slider ▶ bar that steps it in the browser;
- `Legend`: what the colours mean;
- `TownHistory`: a clicked town's periods and the quotes behind them, as text;
- `ControlLink` and `PageState`: the live dashboard's map (ui/live_map.py), which fetches the published
  layer and follows the Streamlit page through streamlit-folium.

The JavaScript lives in static/folium_control/: served by the dashboard for the live map (ui/live_map.py), and
written into the page by `assets.InlineAssets` for the export, so a saved map needs no server and no
network but for tiles.
"""

from ui.folium_control.control_layer import ControlLayer
from ui.folium_control.control_link import ControlLink, PageState
from ui.folium_control.legend import Legend
from ui.folium_control.timeline import Timeline
from ui.folium_control.town_history import TownHistory

__all__ = ["ControlLayer", "ControlLink", "Legend", "PageState", "Timeline", "TownHistory"]
