"""The naive variant the map is benchmarked against: a Streamlit date slider that rebuilds the whole folium
map (base map and every town's state) and sends it through streamlit-folium on every step — how a
Streamlit + folium dashboard is usually written. Run by bench/browser.py on the same layer as the product.
"""

import streamlit as st
from branca.element import MacroElement
from folium.template import Template
from streamlit_folium import st_folium

from geo.state import state_on
from ui import controls
from ui import layer as data
from bench import naive_map as geo_map
from ui.url import parse_date


class _PaintedMarker(MacroElement):
    """Marks the map's document with the date it shows, one frame after Leaflet has drawn it."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        requestAnimationFrame(function () { document.body.dataset.painted = {{ this.day|tojson }}; });
        {% endmacro %}
    """)

    def __init__(self, day: str):
        super().__init__()
        self.day = day


layer = data.load()
forces = data.forces()
lo, hi, _ = controls.slider_bounds(layer)
start = parse_date(st.query_params.get("date"), lo, hi)[0] or hi
day = st.slider("Date", min_value=lo, max_value=hi, value=start, format="YYYY-MM-DD", key="date")
points = [(p.lat, p.lon) for p in layer.periods]
bounds = ((min(p[0] for p in points), min(p[1] for p in points)), (max(p[0] for p in points), max(p[1] for p in points)))
m = geo_map.base_map(bounds, geo_map.force_styles(forces, forces), data.borders(layer))
geo_map.control_layer(state_on(layer.periods, day), forces).add_to(m)
_PaintedMarker(day.isoformat()).add_to(m)
st_folium(m, key="map", height=620, use_container_width=True, returned_objects=[])
