"""Places: every town with its state on the chosen date; choose a row to open it on the map."""

import streamlit as st

from geo.io.read import CONTROL_FILE
from ui import controls
from ui import layer as data

# The guard, not data.load(): a deep link may run this page without dashboard.py (see pages/map.py).
layer = data.load_or_stop()
day = controls.current_day(layer)

st.title("Places")
if not layer.periods:  # a valid build of articles that name no holder: nothing to tabulate
    st.info(f"This build's {CONTROL_FILE} has no control periods, so no town has a state to list. Add articles "
            "that say who took, lost or held a town, then rebuild with `make build` (`python -m geo build`).")
    st.stop()
query = st.text_input("Search", placeholder="Name or spelling, e.g. Abu Kamal")
table = data.places_table(layer).on(day, query)

st.caption(f"{len(table)} places with control events. Choose a row to open the town on the map.")
picked = st.dataframe(table.drop(columns=["place_id"]), hide_index=True, width="stretch",
                      on_select="rerun", selection_mode="single-row", key="places_table")
if picked.selection.rows:
    controls.select_place(table.iloc[picked.selection.rows[0]]["place_id"], layer)
    st.switch_page("pages/map.py")
