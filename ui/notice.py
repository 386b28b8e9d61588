"""A write's outcome told once, after the rerun that shows its result (a toast does not survive a rerun)."""

from __future__ import annotations

import streamlit as st

from ui.text import md_escape

_NOTICE_KEY = "_review_notice"


def keep(message: str) -> None:
    """Say `message` after the next rerun (`show`)."""
    st.session_state[_NOTICE_KEY] = message


def show() -> None:
    """The kept message, once."""
    message = st.session_state.pop(_NOTICE_KEY, None)
    if message:
        st.toast(md_escape(message), icon=":material/check_circle:")
