"""The analyst's loop in the browser: sign in, paste an article, see what was read, save it, reject one
event and confirm another, and see the map and a shared link change for a viewer who is not signed in."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from bench.browser import streamlit_server
from geo.store import Store
from geo.passwords import hash_password
from tests.e2e.browser import map_frame, open_app, wait_for_app, wait_for_town
from tests.e2e.conftest import INIT_SCRIPT, ROOT, _build

PASSWORD = "correct horse battery staple"
ARTICLE = ("The US-backed Syrian Democratic Forces captured Hajin on Friday, the largest town still held by "
           "Islamic State in the Euphrates valley, after weeks of fighting, a spokesman said.")


@pytest.fixture(scope="module")
def editing_app(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e-editing")
    build = _build(base, injected=False)
    database = base / "analyst.sqlite"
    with streamlit_server(ROOT / "dashboard.py", build, log=base / "server.log",
                          GEO_EDITOR_PASSWORD_HASH=hash_password(PASSWORD),
                          GEO_DATABASE_URL=f"sqlite:///{database}") as (url, _):
        yield url, database, build


def _viewer(browser, offline):
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    context.add_init_script(INIT_SCRIPT)
    context.route("**/*", offline.route)
    return context.new_page()


def _sign_in(page, name="Ann Analyst", password=PASSWORD) -> None:
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Sign in to edit").click()
    sidebar.get_by_label("Your name").fill(name)
    sidebar.get_by_label("Editor password").fill(password)
    sidebar.get_by_role("button", name="Sign in").click()
    wait_for_app(page)


def _decide(page, action: str, reason: str) -> None:
    main = page.locator("[data-testid='stMain']")
    main.get_by_role("button", name=re.compile("Review")).first.click()
    popover = page.locator("[data-testid='stPopoverBody']")
    popover.get_by_text(action, exact=True).click()
    popover.get_by_label("Reason").fill(reason)
    popover.get_by_label("Reason").press("Enter")
    popover.get_by_role("button", name="Save decision").click()
    expect(page.get_by_text("The map now shows it.")).to_be_visible(timeout=120_000)
    wait_for_app(page)


def test_viewers_see_no_editing_and_a_wrong_password_lets_nobody_in(page, editing_app):
    url, database, _ = editing_app
    open_app(page, url)
    expect(page.get_by_role("link", name="Add article")).to_have_count(0)
    expect(page.get_by_role("link", name="Review")).to_have_count(0)
    expect(page.get_by_role("button", name=re.compile("Review"))).to_have_count(0)
    _sign_in(page, password="not the password at all")
    expect(page.get_by_text("Wrong password.")).to_be_visible()
    expect(page.get_by_role("link", name="Add article")).to_have_count(0)
    page.goto(url + "/add")  # the page's own address, without the navigation
    wait_for_app(page)
    expect(page.get_by_text("Save and rebuild the map")).to_have_count(0)


def test_paste_review_and_share(page, browser, offline, editing_app):
    url, database, build = editing_app
    open_app(page, url)
    _sign_in(page)
    page.get_by_role("link", name="Add article").click()
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    main.get_by_label("Text").fill(ARTICLE)
    main.get_by_label("Outlet").fill("Test wire")
    main.get_by_label(re.compile("Published")).fill("2018-12-15")
    main.get_by_role("button", name="Read it").click()
    wait_for_app(page, timeout=60_000)
    expect(main.get_by_text("1 events", exact=False)).to_be_visible(timeout=60_000)
    expect(main.locator("table").get_by_text("hajin", exact=False).or_(
        main.locator("table").get_by_text("Hajin"))).not_to_have_count(0)
    main.get_by_role("button", name="Save and rebuild the map").click()
    expect(page.get_by_text(re.compile("Saved 2018-12-15-"))).to_be_visible(timeout=120_000)

    # A viewer's shared link shows the new town, held by the SDF, with the pasted quote.
    shared = "?date=2018-12-20&place=hajin"
    viewer = _viewer(browser, offline)
    frame = open_app(viewer, url, shared)
    wait_for_town(frame, "hajin", force="SDF", selected=True)
    viewer_main = viewer.locator("[data-testid='stMain']")
    expect(viewer_main.get_by_text(ARTICLE)).to_be_visible()
    expect(viewer_main.get_by_text("machine-read only").first).to_be_visible()
    expect(viewer.get_by_role("button", name=re.compile("Review"))).to_have_count(0)

    # The editor rejects it: the town is gone from the map, the claim is kept and marked.
    open_app(page, url, shared)
    _sign_in(page)  # a new page is a new session: the password sign-in lasts as long as the session
    _decide(page, "reject", "The article's date is wrong: Hajin fell later")
    frame = open_app(viewer, url, shared)
    frame.wait_for_function("() => !window.controlMap.town('hajin')", timeout=20_000)
    assert ",rejected," in (build / "events.csv").read_text(encoding="utf-8")

    # … and confirms a quote on Albu Kamal: the viewer's panel says so.
    open_app(page, url, "?date=2017-11-10&place=albu-kamal")
    _sign_in(page)
    _decide(page, "confirm", "Matches SOHR and the Syrian army's own statement")
    frame = open_app(viewer, url, "?date=2017-11-10&place=albu-kamal")
    expect(viewer_main.get_by_text(re.compile("confirmed by an analyst: Matches SOHR")).first).to_be_visible()
    wait_for_town(frame, "albu-kamal", checked=False)  # the quote confirmed is of the latest period …
    frame = open_app(viewer, url, "?date=2017-11-20&place=albu-kamal")
    wait_for_town(frame, "albu-kamal", checked=True)  # … whose dot has the dark centre the legend explains
    expect(frame.get_by_text("centre dot: checked by an analyst")).to_be_visible()
    viewer.context.close()

    with Store(f"sqlite:///{database}") as store:
        log = store.audit()
    assert [(e.editor, e.action) for e in log] == [("Ann Analyst", "confirm"), ("Ann Analyst", "reject")]
    assert log[1].reason.startswith("The article's date is wrong")
