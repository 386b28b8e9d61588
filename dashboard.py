"""The control-map dashboard: `streamlit run dashboard.py` (or `make run`).

Thin on purpose: load the layer (building it first if missing), draw the sidebar every page shares
(the date slider bound to `?date=`), then hand over to the page.

This file is read twice. `streamlit run` first imports it to find `app`, the server that adds the headers
keeping other sites from scripting the dashboard (ui/server.py); then each session runs it as `__main__`,
the page script.
"""

import streamlit as st

if __name__ == "__main__":
    from ui import auth, controls
    from ui import layer as data

    # An emoji icon is drawn from a data: address; the default favicon.png was fetched anew on every rerun.
    st.set_page_config(page_title="Control map", page_icon="🗺️", layout="wide")

    map_page = st.Page("pages/map.py", title="Map", default=True)
    pages = [
        map_page,
        st.Page("pages/places.py", title="Places"),
        st.Page("pages/sources.py", title="Sources"),
        st.Page("pages/method.py", title="Data & method"),
    ]
    if auth.editor() is not None:  # a viewer's navigation has no editing page at all
        pages += [st.Page("pages/add.py", title="Add article"), st.Page("pages/review.py", title="Review")]
    # Before the layer is loaded: a layer that cannot be read stops this script, and a script that never
    # reaches st.navigation gets Streamlit's navigation of every file in pages/, editing pages included.
    page = st.navigation(pages)
    layer = data.load_or_stop()
    # The map page is drawn map first: its controls come once the map has painted (see controls.sidebar).
    controls.sidebar(layer, widgets=page is not map_page or controls.map_drawn())
    with st.sidebar:
        auth.sign_in_box()
    page.run()
else:
    from ui.server import MIDDLEWARE

    app = st.App(__file__, middleware=MIDDLEWARE)
