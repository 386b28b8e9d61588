"""Legend: the forces the layer uses, and what rings, faded dots and dashed zone edges mean."""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from ui.folium_control.control_layer import ControlLayer


class Legend(MacroElement):
    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.controlLegend({{ this.layer.get_name() }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, layer: ControlLayer):
        super().__init__()
        self._name = "Legend"
        self.layer = layer
