"""Timeline: the ◀ slider ▶ bar bound to a ControlLayer; its steps repaint in the browser."""

from __future__ import annotations

from branca.element import MacroElement
from folium.template import Template

from ui.folium_control.assets import script_json
from ui.folium_control.control_layer import ControlLayer


class Timeline(MacroElement):
    """Steps `layer` between `lo` and `hi` (day numbers); ◀ ▶ jump between `changes` (the layer's own
    change days when None)."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.control.controlTimeline({{ this.layer.get_name() }},
            {{ this.options_json }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, layer: ControlLayer, lo: int | None = None, hi: int | None = None,
                 changes: list[int] | None = None):
        super().__init__()
        self._name = "Timeline"
        self.layer = layer
        self.options_json = script_json({"lo": lo, "hi": hi, "changes": changes})
