"""Places: every town with its state on the chosen date; choose a row to open it on the map."""

import pandas as pd
import streamlit as st

from geo.io.read import CONTROL_FILE
from geo.state import last_change, state_on
from ui import controls
from ui import layer as data
from ui.panel import describe

# The guard, not data.load(): a deep link may run this page without dashboard.py (see pages/map.py).
layer = data.load_or_stop()
forces = data.forces()
day = controls.current_day(layer)

st.title("Places")
if not layer.periods:  # a valid build of articles that name no holder: nothing to tabulate
    st.info(f"This build's {CONTROL_FILE} has no control periods, so no town has a state to list. Add articles "
            "that say who took, lost or held a town, then rebuild with `make build` (`python -m geo build`).")
    st.stop()
query = st.text_input("Search", placeholder="Name or spelling, e.g. Abu Kamal")
rows = []
for record in data.place_records(layer):
    place, periods = record.place, record.periods
    changed = last_change(record.changes, day)
    rows.append({
        "place_id": place.place_id,
        "Place": place.name,
        "Country": periods[0].country if periods else "",
        f"State on {day.isoformat()}": "; ".join(describe(p, forces) for p in state_on(periods, day)) or "no source",
        "Last change": changed.isoformat() if changed else "",
        "Sources": record.sources,
        "Spellings": ", ".join(place.spellings),
    })
table = pd.DataFrame(rows)
if query.strip() and not table.empty:
    needle = query.strip().casefold()
    table = table[table["Place"].str.casefold().str.contains(needle, regex=False)
                  | table["Spellings"].str.casefold().str.contains(needle, regex=False)]

st.caption(f"{len(table)} places with control events. Choose a row to open the town on the map.")
picked = st.dataframe(table.drop(columns=["place_id"]), hide_index=True, width="stretch",
                      on_select="rerun", selection_mode="single-row", key="places_table")
if picked.selection.rows:
    controls.select_place(table.iloc[picked.selection.rows[0]]["place_id"], layer)
    st.switch_page("pages/map.py")
