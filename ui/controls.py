"""The sidebar shared by every page: the date slider (mirrored in `?date=`), previous/next change,
play/pause, and reading a shared link's `?date=` and `?place=` once per session.

Why not `st.slider(bind="query-params")`: checked in Streamlit 1.67, a bound date slider changed through
session state (which the previous/next and play buttons must do) writes its serialized value into the
URL as microseconds (`?date=1510185600000000`), and a bound value equal to the default is dropped from
the URL. Syncing by hand keeps every link readable (`?date=YYYY-MM-DD`) and always carrying the date.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

import streamlit as st

from geo.io.read import Layer
from geo.state import next_change, previous_change
from ui import layer as data
from ui.text import md_escape
from ui.url import parse_date, resolve_place

DATE_KEY = "date"  # the slider's key and the URL parameter's name
PLACE_KEY = "place"  # session state: the selected place id; also the URL parameter's name
FOCUS_KEY = "focus"  # session state: (lat, lon) to centre the map on after a search or a link
PLAYING_KEY = "playing"
_PENDING_KEY = "_pending_date"
_URL_READ_KEY = "_url_read"
_NOTICES_KEY = "_url_notices"
_LAST_TICK_KEY = "_last_tick"
_INITIAL_DAY_KEY = "_initial_day"
_MAP_DAY_KEY = "_map_day"  # the date the map last showed (reported by it, or sent to it)
_REVISION_KEY = "_date_revision"  # goes up each time the date is set from outside the map
_SLIDER_SHOWN_KEY = "_slider_shown"  # the date the sidebar slider was last drawn at
_SET_BY_PAGE_KEY = "_date_set_by_page"  # the date was set by the page (the map, ◀ ▶, play), not the slider
_SHOWN_SET_KEY = "_slider_shown_set"  # the slider was last drawn at a value the page set (see `sidebar`)
MAP_DRAWN_KEY = "map_ready"  # the map has painted (or shown why it cannot) once this session
PLAY_SECONDS = 1.5


def select_place(place_id: str | None, layer: Layer, focus: bool = True) -> None:
    """Make `place_id` the selected town (from a search, a table or a link; map clicks pass focus=False)."""
    st.session_state[PLACE_KEY] = place_id
    if focus and place_id:
        point = data.town_points(layer).get(place_id)
        if point is not None:
            st.session_state[FOCUS_KEY] = point


def _read_link_once(layer: Layer, lo: date, hi: date) -> list[str]:
    """Seed the date and the town from the link; notices for unusable values."""
    if st.session_state.get(_URL_READ_KEY):
        return []
    st.session_state[_URL_READ_KEY] = True
    notices = []
    day, notice = parse_date(st.query_params.get(DATE_KEY), lo, hi)
    st.session_state[_INITIAL_DAY_KEY] = day or hi
    if notice:
        notices.append(notice)
    place_id, notice = resolve_place(st.query_params.get(PLACE_KEY), data.links(layer))
    if notice:
        notices.append(notice)
    select_place(place_id, layer)
    return notices


def _set_date(day: date) -> None:
    """Set the app's date from the page (not the reader's slider): the slider is drawn at it next run."""
    st.session_state[DATE_KEY] = day
    st.session_state[_SET_BY_PAGE_KEY] = True


def _step(changes: tuple[date, ...], direction: int, lo: date, hi: date) -> None:
    day = st.session_state.get(DATE_KEY, hi)
    target = previous_change(list(changes), day) if direction < 0 else next_change(list(changes), day)
    if target is not None:
        _set_date(min(max(target, lo), hi))


def _toggle_play(changes: tuple[date, ...], lo: date, hi: date) -> None:
    playing = not st.session_state.get(PLAYING_KEY, False)
    st.session_state[PLAYING_KEY] = playing
    st.session_state[_LAST_TICK_KEY] = time.monotonic()
    if playing and next_change(list(changes), st.session_state.get(DATE_KEY, hi)) is None:
        _set_date(lo)  # at the end: start over


def _ticker(changes: tuple[date, ...]) -> None:
    @st.fragment(run_every=PLAY_SECONDS)
    def tick() -> None:
        if not st.session_state.get(PLAYING_KEY):
            return
        if time.monotonic() - st.session_state.get(_LAST_TICK_KEY, 0.0) < PLAY_SECONDS * 0.8:
            return  # the run that drew the fragment, not one of its timed reruns
        st.session_state[_LAST_TICK_KEY] = time.monotonic()
        target = next_change(list(changes), st.session_state.get(DATE_KEY))
        if target is None:
            st.session_state[PLAYING_KEY] = False
        else:
            st.session_state[_PENDING_KEY] = target
        st.rerun(scope="app")

    tick()


def slider_bounds(layer: Layer) -> tuple[date, date, tuple[date, ...]]:
    span = data.date_range(layer)
    hi = span.hi if span.hi > span.lo else span.lo + timedelta(days=1)
    return span.lo, hi, span.changes


def map_drawn() -> bool:
    return bool(st.session_state.get(MAP_DRAWN_KEY))


def mark_map_drawn() -> None:
    st.session_state[MAP_DRAWN_KEY] = True


def sidebar(layer: Layer, widgets: bool = True) -> date:
    """Read a link once, then draw the shared controls; return the chosen date.

    Without `widgets` the sidebar stays empty and only the state is kept (the link's date and town, its
    notices): the map page holds its controls back until the map has painted. Each widget type is a
    separate script the browser fetches from the Streamlit server before it draws it, and those requests
    queued ahead of the map's own (≈ 0.4 s of a first paint at 10,000 towns on this project's machine)."""
    lo, hi, changes = slider_bounds(layer)
    notices = _read_link_once(layer, lo, hi)
    if notices:
        st.session_state[_NOTICES_KEY] = {"notices": notices, "view": None}
    if not widgets:
        _show_link_notices(current_day(layer))
        return current_day(layer)
    pending = st.session_state.pop(_PENDING_KEY, None)
    if pending is not None:
        _set_date(pending)
    set_by_page = st.session_state.pop(_SET_BY_PAGE_KEY, False)
    # The widget's default stays the same all session (a changing default would make a new widget): the
    # link's date, else the latest. Passing it (rather than only seeding session state) matters: without a
    # `value`, the browser's slider reports min_value on its first rerun.
    initial = st.session_state.get(_INITIAL_DAY_KEY)
    if not isinstance(initial, date) or not lo <= initial <= hi:
        initial = st.session_state[_INITIAL_DAY_KEY] = hi
    current = st.session_state.get(DATE_KEY)
    if current is not None and not (isinstance(current, date) and lo <= current <= hi):
        del st.session_state[DATE_KEY]  # e.g. a rebuild shrank the span
    elif (current is not None and not set_by_page and current != st.session_state.get(_SLIDER_SHOWN_KEY)
          and st.session_state.get(_SHOWN_SET_KEY)):
        # The reader moved the slider just after the page had set it (a map report's date): a busy tab can
        # apply that value to the thumb after the reader's own move, and would keep showing it (and send it
        # back with its next rerun). The reader's date is sent back with the slider, so the thumb ends on it.
        st.session_state[DATE_KEY] = current
    with st.sidebar:
        day = st.slider("Date", min_value=lo, max_value=hi, value=initial, step=timedelta(days=1),
                        format="YYYY-MM-DD", key=DATE_KEY,
                        help="The map shows who held each town on this day. The date is in the link.")
        back, play, forward = st.columns(3)
        back.button("◀", on_click=_step, args=(changes, -1, lo, hi), width="stretch",
                    disabled=previous_change(list(changes), day) is None, help="Previous change of control")
        playing = st.session_state.get(PLAYING_KEY, False)
        play.button("Pause" if playing else "Play", on_click=_toggle_play, args=(changes, lo, hi), width="stretch",
                    help="Step through the dates on which control changed")
        forward.button("▶", on_click=_step, args=(changes, 1, lo, hi), width="stretch",
                       disabled=next_change(list(changes), day) is None, help="Next change of control")
        st.caption(f"{len(changes)} dates with a change of control, {lo.isoformat()} to {hi.isoformat()}.")
    st.session_state[_SLIDER_SHOWN_KEY] = day
    st.session_state[_SHOWN_SET_KEY] = set_by_page
    link_date(day)
    _show_link_notices(day)
    if playing:
        _ticker(changes)
    return day


def link_date(day: date) -> None:
    """Put `day` in the link (`?date=`), unless it is there already (each change is a message to the browser)."""
    if st.query_params.get(DATE_KEY) != day.isoformat():
        st.query_params[DATE_KEY] = day.isoformat()


def _show_link_notices(day: date) -> None:
    """A link's unusable values are reported until the reader changes the date or the town."""
    pending = st.session_state.get(_NOTICES_KEY)
    if not pending:
        return
    view = (day, st.session_state.get(PLACE_KEY))
    if pending["view"] is None:
        pending["view"] = view
    if pending["view"] != view:
        del st.session_state[_NOTICES_KEY]
        return
    for notice in pending["notices"]:
        st.info(md_escape(notice), icon=":material/link_off:")


def take_map_date(day: date, layer: Layer) -> None:
    """The map's timeline moved to `day`: make it the app's date (the sidebar slider follows), unless the
    reader moved the sidebar in the same breath: each event brings the slider's value as the browser shows
    it, and when that is not the date it was last drawn at, the reader moved it, and the sidebar wins."""
    if DATE_KEY in st.session_state and st.session_state[DATE_KEY] != st.session_state.get(_SLIDER_SHOWN_KEY):
        return
    lo, hi, _ = slider_bounds(layer)
    day = min(max(day, lo), hi)
    if st.session_state.get(DATE_KEY) != day:
        _set_date(day)
    st.session_state[_MAP_DAY_KEY] = day


def date_revision() -> int:
    """How many times the date has been set from outside the map this session (see `map_revision`)."""
    return st.session_state.get(_REVISION_KEY, 0)


def map_revision(day: date) -> int:
    """Goes up when `day` differs from what the map last showed, i.e. the date came from elsewhere."""
    revision = st.session_state.get(_REVISION_KEY, 0)
    if st.session_state.get(_MAP_DAY_KEY) != day:
        revision += 1
        st.session_state[_REVISION_KEY] = revision
        st.session_state[_MAP_DAY_KEY] = day
    return revision


def current_day(layer: Layer) -> date:
    """The slider's date; before the slider is drawn, the link's date (else the latest)."""
    lo, hi, _ = slider_bounds(layer)
    day = st.session_state.get(DATE_KEY, st.session_state.get(_INITIAL_DAY_KEY, hi))
    return day if isinstance(day, date) and lo <= day <= hi else hi


EXPORT_KEY = "export_asked"


def export_download(layer: Layer) -> None:
    """The map as one HTML file (ui/export.py), made when a reader asks for it: at 10,000 towns it takes
    seconds and weighs 5 MB, which nobody should pay for by merely opening the page."""
    if not st.session_state.get(EXPORT_KEY):
        # Short help: this button is re-sent with every rerun of the page, slider steps included.
        st.button("Prepare the map as one HTML file", key="export_prepare",
                  on_click=lambda: st.session_state.__setitem__(EXPORT_KEY, True),
                  help="The whole timeline and every town's sources, to open offline in any browser.")
        return
    with st.spinner("Writing the map's file…"):
        html = data.exported_html(layer)
    st.download_button("Download the map (HTML)", html, file_name="control-map.html", mime="text/html",
                       on_click="ignore", icon=":material/download:")
