"""Who may edit: nobody, unless the operator turns editing on, and then only a signed-in analyst.

Two ways to turn it on (README "Editing"):
- a team signs in with OpenID Connect through Streamlit's `st.login`, configured in `.streamlit/secrets.toml`
  under `[auth]`; `[auth] editors = ["a@b.org", …]` may restrict it to some accounts;
- a one-person deployment sets one editor password, kept only as its Argon2 hash
  (`GEO_EDITOR_PASSWORD_HASH`, or `editor_password_hash` in secrets.toml; `python -m geo hash-password`).

Viewers of a shared link see no editing control at all, and every write checks `editor()` again on the
server, whatever the page sent.
"""

from __future__ import annotations

import os
import threading
import time

import streamlit as st

from geo.passwords import verify_password
from ui.text import md_escape

PASSWORD_HASH_ENV = "GEO_EDITOR_PASSWORD_HASH"
_EDITOR_KEY = "_editor_name"
_FAILURES_KEY = "_editor_failures"
#: After this many wrong passwords a session waits this many seconds per further try.
_FREE_TRIES, _PENALTY_S = 3, 2.0
#: And across all sessions of the server (a guesser opens a new session for each try): past this many wrong
#: passwords in the last minute, every try waits this long first.
_SERVER_FREE_TRIES, _SERVER_PENALTY_S, _WINDOW_S = 10, 3.0, 60.0
_server_failures: list[float] = []
_server_lock = threading.Lock()


def _secrets() -> dict:
    try:
        return st.secrets.to_dict()
    except (FileNotFoundError, OSError, ValueError):  # no secrets.toml, or one that does not parse
        return {}
    except Exception:  # noqa: BLE001 - Streamlit raises its own error for a missing file in some versions
        return {}


def _password_hash() -> str | None:
    return os.environ.get(PASSWORD_HASH_ENV) or _secrets().get("editor_password_hash") or None


def _oidc() -> dict | None:
    auth = _secrets().get("auth")
    return auth if isinstance(auth, dict) and auth.get("redirect_uri") and auth.get("cookie_secret") else None


def mode() -> str | None:
    """'oidc', 'password', or None when editing is off."""
    if _oidc() is not None:
        return "oidc"
    if _password_hash():
        return "password"
    return None


def editor() -> str | None:
    """The signed-in analyst's name (an e-mail for OIDC), or None: then nothing may be written."""
    current = mode()
    if current == "oidc":
        if not getattr(st.user, "is_logged_in", False):
            return None
        who = str(st.user.get("email") or st.user.get("name") or st.user.get("sub") or "")
        allowed = _oidc().get("editors", None)
        if not who:
            return None
        if allowed is None:
            return who
        # Anything but a list of addresses (a lone string, a typo'd table) lets nobody in, never everybody.
        if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed) or who not in allowed:
            return None
        return who
    if current == "password":
        return st.session_state.get(_EDITOR_KEY)
    return None


def _try_password(name: str, password: str) -> str | None:
    """None if signed in, else why not."""
    failures = st.session_state.get(_FAILURES_KEY, 0)
    if failures >= _FREE_TRIES:
        time.sleep(_PENALTY_S * (failures - _FREE_TRIES + 1))  # slows guessing from one session
    with _server_lock:
        now = time.monotonic()
        _server_failures[:] = [t for t in _server_failures if now - t < _WINDOW_S]
        crowded = len(_server_failures) >= _SERVER_FREE_TRIES
    if crowded:
        time.sleep(_SERVER_PENALTY_S)
    stored = _password_hash()
    if not name.strip():
        return "Give your name: it is written with every decision you take."
    if not stored or not verify_password(stored, password):
        st.session_state[_FAILURES_KEY] = failures + 1
        with _server_lock:
            _server_failures.append(time.monotonic())
        return "Wrong password."
    st.session_state[_FAILURES_KEY] = 0
    st.session_state[_EDITOR_KEY] = " ".join(name.split())[:200]
    return None


def sign_in_box() -> None:
    """The sidebar's sign-in (or sign-out) for editors; nothing at all when editing is off."""
    current = mode()
    if current is None:
        return
    who = editor()
    if who:
        st.caption(md_escape(f"Signed in to edit as {who}"))
        if current == "oidc":
            st.button("Sign out", on_click=st.logout, key="sign_out")
        elif st.button("Sign out", key="sign_out"):
            st.session_state.pop(_EDITOR_KEY, None)
            st.rerun()
        return
    if current == "oidc":
        if getattr(st.user, "is_logged_in", False):
            st.caption("This account may not edit.")
            st.button("Sign out", on_click=st.logout, key="sign_out")
        else:
            st.button("Sign in to edit", on_click=st.login, key="sign_in")
        return
    with st.expander("Sign in to edit"):
        with st.form("sign_in", border=False):
            name = st.text_input("Your name", key="sign_in_name")
            password = st.text_input("Editor password", type="password", key="sign_in_password")
            if st.form_submit_button("Sign in"):
                problem = _try_password(name, password)
                if problem:
                    st.error(problem)
                else:
                    st.rerun()
