"""Map: who held each town on the chosen date; click a town (or search) for what the sources said."""

import streamlit as st
from streamlit_folium import st_folium

from geo.state import state_on
from ui import controls, panel, territory
from ui import layer as data
from ui import map as geo_map

ZONES_NOTE = "Zones are an estimate derived from town control, not reported front lines."

layer = data.load()
forces = data.forces()
day = controls.current_day(layer)
lo, hi, _ = controls.slider_bounds(layer)
names = {p.place_id: p.name for p in data.place_names(layer)}


def _on_map_click() -> None:
    clicked = (st.session_state.get("map") or {}).get("last_active_drawing") or {}
    place_id = (clicked.get("properties") or {}).get("place_id")
    if place_id in names:
        controls.select_place(place_id, layer, focus=False)


def _on_search() -> None:
    controls.select_place(st.session_state["place_search"], layer)


selected = st.session_state.get(controls.PLACE_KEY)
if selected not in names:
    selected = None
if selected:
    st.query_params[controls.PLACE_KEY] = selected
elif controls.PLACE_KEY in st.query_params:
    del st.query_params[controls.PLACE_KEY]

left, right = st.columns([3, 2], gap="medium")
with left:
    towns = [(p.lat, p.lon) for p in layer.periods]
    bounds = ((min(t[0] for t in towns), min(t[1] for t in towns)),
              (max(t[0] for t in towns), max(t[1] for t in towns))) if towns else None
    legend = geo_map.force_styles(forces, {p.force for p in layer.periods} | {c for p in layer.periods for c in p.contested_by})
    base = geo_map.base_map(bounds, legend, data.borders())
    show_zones, show_towns, note = st.columns([1.2, 1.1, 4], vertical_alignment="center")
    zones_on = show_zones.toggle("Zones", value=True, key="show_zones", disabled=not layer.zones,
                                 help=None if layer.zones else "This build has no zones.geojson: rebuild with `make build`")
    towns_on = show_towns.toggle("Towns", value=True, key="show_towns")
    note.caption(ZONES_NOTE + " How they are made: see the Data & method page.")
    groups = []  # drawn in this order: zones under the towns
    if zones_on and layer.zones:
        groups.append(geo_map.zones_layer([z for z in layer.zones if z.valid_on(day)], forces))
    if towns_on:
        groups.append(geo_map.control_layer(state_on(layer.periods, day), forces, selected))
    st_folium(base, key="map", height=620, use_container_width=True, feature_group_to_add=groups or None,
              returned_objects=["last_active_drawing", "last_object_clicked_count"],
              center=st.session_state.get(controls.FOCUS_KEY), on_change=_on_map_click)
    st.caption(f"Control on {day.isoformat()}. Dots are towns, coloured by who held them; click one for its sources.")

with right:
    st.session_state["place_search"] = selected
    st.selectbox("Find a town", options=[None, *names], format_func=lambda pid: "—" if pid is None else names[pid],
                 key="place_search", on_change=_on_search, placeholder="Type a town's name")
    if selected:
        panel.render(layer, selected, day, forces, lo, hi)
    else:
        st.info("Click a town on the map, or find it above, to read what the sources said.")

if layer.areas:
    st.subheader("Area over time")
    chart, claims = st.columns([3, 2], gap="medium")
    with chart:
        series = territory.area_series(layer.areas, lo, hi, forces)
        st.altair_chart(territory.area_chart(series, day, lo, hi, forces), width="stretch")
        st.caption("Our estimate: area (km²) of each force's uncontested zones and its number of towns; the "
                   "blue line is the chosen date. " + ZONES_NOTE)
    with claims:
        shares = territory.share_claims(layer.events, forces)
        st.markdown("**What the articles claimed**")
        if shares.empty:
            st.caption("No article in this build states a share of territory.")
        else:
            st.dataframe(shares, hide_index=True, width="stretch",
                         column_config={"percent": st.column_config.NumberColumn("percent", format="%.1f %%")})
