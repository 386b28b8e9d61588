"""Map: who held each town on the chosen date; click a town (or search) for what the sources said."""

import streamlit as st

from ui import auth, controls, live_map, notice, panel, territory
from ui import layer as data
from ui.text import md_escape
from ui.publish import PublishError
from ui.url import search_places

ZONES_NOTE = "Zones are an estimate derived from town control, not reported front lines."
MAP_KEY = "control_map"
QUERY_KEY, PICK_KEY = "town_query", "town_pick"
SEARCH_LIMIT = 12
SEARCH_BOX_PX = 76  # the search box's height with its label

# The guard, not data.load(): until some session's dashboard.py reaches st.navigation (never, while the
# layer cannot be read), Streamlit runs a deep link's file from pages/ alone, without dashboard.py.
layer = data.load_or_stop()
notice.show()
forces = data.forces()
day = controls.current_day(layer)
lo, hi, _ = controls.slider_bounds(layer)
names = data.names_by_id(layer)


def _review_controls():
    """The panel's review controls for a signed-in editor, else None."""
    if auth.editor() is None:
        return None
    # Imported for editors only: the analysts' database and the extractor behind it are ≈45 MB a viewer's
    # server does not need.
    from ui import review

    return review.evidence_controls(layer)


def _on_map_event() -> None:
    event = live_map.map_event(st.session_state.get(MAP_KEY))
    if event is None:
        return
    # Any report means the map has painted: a quick step can replace the "ready" one before a rerun.
    controls.mark_map_drawn()
    if event.kind == "date":
        if event.revision >= controls.date_revision():
            controls.take_map_date(event.day, layer)  # else a step from before the sidebar or a link moved it
    elif event.kind == "town" and event.place_id in names:
        controls.select_place(event.place_id, layer, focus=False)


def _on_pick() -> None:
    picked = st.session_state.get(PICK_KEY)
    if picked in names:
        controls.select_place(picked, layer)
        st.session_state[QUERY_KEY] = ""


def _search_box() -> str:
    """A text search over names and spellings with a few matches to pick from (`_search_matches`). Not a
    select box of every town: at 10,000 towns that list was sent and re-rendered on every rerun."""
    return st.text_input("Find a town", key=QUERY_KEY, placeholder="A name or any spelling, then Enter")


def _search_matches(query: str) -> None:
    if not query.strip():
        return
    found = search_places(query, data.searchable_places(layer), SEARCH_LIMIT)
    if found:
        st.pills("Matching towns", [p.place_id for p in found], format_func=lambda pid: md_escape(names[pid]),
                 key=PICK_KEY, on_change=_on_pick, label_visibility="collapsed")
    else:
        st.caption(f"No town on the map matches “{md_escape(query.strip())}”.")


try:
    payload_name, script_name, unpublished = data.published_map(layer), live_map.published_script(), None
except PublishError as exc:
    payload_name, script_name, unpublished = None, None, str(exc)
    if not controls.map_drawn():
        # No map will paint and bring the page's controls (see controls.sidebar): bring them now.
        controls.mark_map_drawn()
        st.rerun()


def _selected_town() -> str | None:
    """The selected town, mirrored in the link's `?place=`."""
    selected = st.session_state.get(controls.PLACE_KEY)
    if selected not in names:
        selected = None
    if selected:
        st.query_params[controls.PLACE_KEY] = selected
    elif controls.PLACE_KEY in st.query_params:
        del st.query_params[controls.PLACE_KEY]
    return selected


drawn = controls.map_drawn()  # until then, the map alone: its controls follow (see controls.sidebar)


# The map and the town panel rerun on their own when the map reports a click, not the whole page (the
# sidebar, the area chart and the page around them). The map reports a date only where the reader stopped
# stepping (its own steps repaint in the browser), and that one reruns the whole page: the sidebar's slider
# must show it before the reader next moves it.
@st.fragment
def _map_and_panel() -> None:
    now = controls.current_day(layer)
    if controls.map_drawn() != drawn or now != day:
        st.rerun(scope="app")  # the map's first paint brings the page's controls; a new date, the sidebar
    controls.link_date(now)
    selected = _selected_town()
    left, right = st.columns([3, 2], gap="medium")
    with left:
        show_zones, show_towns, note = st.columns([1.2, 1.1, 4], vertical_alignment="center")
        zones_on = towns_on = True
        if drawn:
            zones_on = show_zones.toggle("Zones", value=True, key="show_zones", disabled=not layer.zones,
                                         help=None if layer.zones else "This build has no zones.geojson: rebuild with `make build`")
            towns_on = show_towns.toggle("Towns", value=True, key="show_towns")
        note.caption(ZONES_NOTE + " How they are made: see the Data & method page.")
        if unpublished:
            st.error(unpublished)  # names the file or folder and what to do; no text from the layer in it
        else:
            live_map.live_map(
                payload_name, script_name, now, lo, hi, bounds=data.map_bounds(layer), revision=controls.map_revision(now),
                selected=selected, focus=st.session_state.get(controls.FOCUS_KEY),
                show_zones=zones_on and bool(layer.zones), show_towns=towns_on, key=MAP_KEY,
                on_change=_on_map_event)
        # Two captions: the one that is the same on every date goes to the browser as a reference to the copy
        # it holds (.streamlit/config.toml minCachedMessageSize).
        st.caption(f"Control on {now.isoformat()}.")
        st.caption("Dots are towns, coloured by who held them; click one for its sources. The bar at the foot of "
                   "the map steps through the dates (arrow keys too).")

    with right:
        with st.container(height=SEARCH_BOX_PX, border=False):  # the same room before the box comes: nothing jumps
            query = _search_box() if drawn else ""
        _search_matches(query)
        if selected:
            panel.render(layer, selected, now, forces, lo, hi, _review_controls())
        else:
            st.info("Click a town on the map, or find it above, to read what the sources said.")


_map_and_panel()


def _area_over_time() -> None:
    st.subheader("Area over time")
    if not drawn:
        # Held back until the map has painted: the chart and table libraries would compete with it for
        # the browser's main thread (about 0.4 s of the first paint at 10,000 towns).
        st.caption("The chart appears once the map is drawn.")
        return
    chart, claims = st.columns([3, 2], gap="medium")
    with chart:
        marked = len(data.area_series(layer, lo, hi)) <= territory.RULE_MAX_POINTS
        st.vega_lite_chart(data.area_chart_spec(layer, lo, hi, day if marked else None), width="stretch")
        st.caption("Our estimate: area (km²) of each force's uncontested zones and its number of towns"
                   + ("; the blue line is the chosen date. " if marked else ". ") + ZONES_NOTE)
    with claims:
        shares = data.layer_share_claims(layer)
        st.markdown("**What the articles claimed**")
        if shares.empty:
            st.caption("No article in this build states a share of territory.")
        else:
            st.dataframe(shares, hide_index=True, width="stretch",
                         column_config={"percent": st.column_config.NumberColumn("percent", format="%.1f %%")})


if layer.areas:
    _area_over_time()
if drawn:
    controls.export_download(layer)
