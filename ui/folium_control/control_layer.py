"""ControlLayer: the towns and zone cells of one packed layer, drawn on a date (L.controlLayer)."""

from __future__ import annotations

from folium.map import Layer
from folium.template import Template

from ui.folium_control.assets import PluginAssets, script_json


class ControlLayer(PluginAssets, Layer):
    """`payload` is ui.map_payload.map_payload's dict; `day` the date shown first (days since 1970-01-01)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.controlLayer({{ this.payload_json }}, {});
        {{ this.get_name() }}.setDay({{ this.day }}, "page");
        {% endmacro %}
    """)

    def __init__(self, payload: dict, day: int, name: str = "Control", show: bool = True):
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "ControlLayer"
        self.payload_json = script_json(payload)
        self.day = int(day)

    def render(self, **kwargs):
        if not self._parent:
            raise TypeError("add the ControlLayer to a folium Map first")
        super().render(**kwargs)
