"""ControlLink: the live dashboard's control layer, fetched from the published layer's URL and driven by the page.

The export writes the layer into the page (`ControlLayer`); the live map cannot afford that on every rerun,
so the base map carries only this element with the layer's URL, and each rerun sends a `PageState` through
streamlit-folium's `feature_group_to_add` (see static/folium_control/control_link.js for what it reports back).
"""

from __future__ import annotations

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from ui.folium_control.assets import PLUGIN_CSS, asset_url, script_json


class ControlLink(JSCSSMixin, MacroElement):
    """The towns, zones, timeline and legend of the layer published at `url`; the timeline spans `lo`..`hi`
    (day numbers). `script_url`: the plugin's scripts as one published file (assets.live_bundle)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.controlLink({{ this.url_json }}, {{ this.options_json }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, url: str, lo: int, hi: int, script_url: str):
        super().__init__()
        self._name = "ControlLink"
        self.url_json = script_json(url)
        # The plugin's script is named in the map's own script too: streamlit-folium keys a map by its script
        # alone, so a new version of the plugin then mounts the map anew in an open tab.
        self.options_json = script_json({"lo": lo, "hi": hi, "plugin": script_url})
        self.default_js = [("control_map_plugin", script_url)]
        self.default_css = [(name, asset_url(name)) for name in PLUGIN_CSS]


class PageState(MacroElement):
    """What the page asks of the live map on this rerun (see control_link.js `follow`)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.ControlLink.follow({{ this.state_json }});
        {% endmacro %}
    """)

    def __init__(self, state: dict):
        super().__init__()
        self._name = "PageState"
        self.state_json = script_json(state)
