"""Who may edit: nobody until the operator turns editing on; then only a signed-in analyst, and every
write asks again."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from geo.passwords import hash_password, verify_password
from ui import auth

PASSWORD = "correct horse battery staple"


def _script():
    import streamlit as st

    from ui import auth

    auth.sign_in_box()
    st.text(f"editor={auth.editor()} mode={auth.mode()}")


def _app(monkeypatch, password_hash: str | None) -> AppTest:
    if password_hash is None:
        monkeypatch.delenv(auth.PASSWORD_HASH_ENV, raising=False)
    else:
        monkeypatch.setenv(auth.PASSWORD_HASH_ENV, password_hash)
    return AppTest.from_function(_script, default_timeout=30).run()


def _said(at: AppTest) -> str:
    return next(t.value for t in at.text if t.value.startswith("editor="))


def _sign_in(at: AppTest, name: str, password: str) -> AppTest:
    at.text_input(key="sign_in_name").input(name)
    at.text_input(key="sign_in_password").input(password)
    return at.button[0].click().run()


def test_with_editing_off_there_is_no_sign_in_at_all(monkeypatch):
    at = _app(monkeypatch, None)
    assert _said(at) == "editor=None mode=None"
    assert not at.expander and not at.button and not at.text_input


def test_the_editor_password_signs_in_by_name_and_signs_out(monkeypatch):
    at = _app(monkeypatch, hash_password(PASSWORD))
    assert _said(at) == "editor=None mode=password"
    at = _sign_in(at, "  Ann   Analyst ", PASSWORD)
    assert _said(at) == "editor=Ann Analyst mode=password"
    at = at.button(key="sign_out").click().run()
    assert _said(at) == "editor=None mode=password"


@pytest.mark.parametrize("name, password, said", [
    ("Ann", "wrong password here", "Wrong password."),
    ("", PASSWORD, "Give your name"),
])
def test_a_wrong_password_or_no_name_lets_nobody_in(monkeypatch, name, password, said):
    at = _sign_in(_app(monkeypatch, hash_password(PASSWORD)), name, password)
    assert _said(at).startswith("editor=None")
    assert any(said in e.value for e in at.error)


def test_a_malformed_hash_lets_nobody_in(monkeypatch):
    at = _sign_in(_app(monkeypatch, "not-an-argon2-hash"), "Ann", "not-an-argon2-hash")
    assert _said(at).startswith("editor=None")
    assert not verify_password("", "")


def test_a_short_password_is_refused_when_hashed():
    with pytest.raises(ValueError, match="at least 12"):
        hash_password("short")


class _User(dict):
    is_logged_in = True


OIDC = {"redirect_uri": "https://map.example.org/oauth2callback", "cookie_secret": "s" * 32, "client_id": "x",
        "client_secret": "y", "server_metadata_url": "https://accounts.example.org/.well-known/openid-configuration"}


@pytest.mark.parametrize("editors, email, editor", [
    (None, "ann@example.org", "ann@example.org"),
    (["ann@example.org"], "ann@example.org", "ann@example.org"),
    (["ann@example.org"], "eve@example.org", None),
    ("ann@example.org", "ann@example.org", None),  # not a list: a typo never lets everybody in
    ({"ann": "x"}, "ann", None),
])
def test_a_team_signs_in_with_openid_connect_and_may_be_limited_to_some_accounts(monkeypatch, editors, email, editor):
    settings = dict(OIDC, **({"editors": editors} if editors is not None else {}))
    monkeypatch.delenv(auth.PASSWORD_HASH_ENV, raising=False)
    monkeypatch.setattr(auth, "_secrets", lambda: {"auth": settings})
    monkeypatch.setattr(auth.st, "user", _User(email=email))
    assert auth.mode() == "oidc"
    assert auth.editor() == editor


def test_openid_connect_half_configured_is_not_editing(monkeypatch):
    monkeypatch.delenv(auth.PASSWORD_HASH_ENV, raising=False)
    monkeypatch.setattr(auth, "_secrets", lambda: {"auth": {"client_id": "x"}})
    assert auth.mode() is None and auth.editor() is None


def test_a_write_without_a_signed_in_editor_is_refused_on_the_server(monkeypatch):
    from geo.review import DecisionKey
    from ui import review

    monkeypatch.setattr(auth, "editor", lambda: None)
    monkeypatch.setattr(review, "store", lambda: pytest.fail("the database must not be touched"))
    outcome = review.decide(None, DecisionKey("a", "q", "p", "capture"), "reject", "because", None, 0)
    assert not outcome.ok and outcome.message == "Sign in to edit."
