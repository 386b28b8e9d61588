"""The dashboard in headless Chromium, offline: map, slider, click, shareable URL, injection, screenshot."""

from __future__ import annotations

import json
import os
import re
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import expect

from bench.load import PAINTED_JS
from geo.forces import load_forces
from tests.e2e.browser import alerts, click_town, open_app, wait_for_app, wait_for_town, town_colour_at, zone_colour_at
from tests.fixtures.make_layer import PAYLOAD_SOURCE, PAYLOAD_TITLE
from ui.publish import PACKED_SUFFIX

ROOT = Path(__file__).resolve().parents[2]
# `make screenshot` points this at docs/screenshot.png (the README's); a test run writes under tmp only.
SCREENSHOT_ENV = "GEO_SCREENSHOT"
SOHR_40 = re.compile(r"40 (percent|prosent|%)")


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))


def _slider_value(page) -> str:
    return page.locator("[data-testid='stSliderThumbValue']").first.inner_text().strip()


def _query(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_map_renders_offline_with_local_leaflet(page, app_url, offline):
    frame = open_app(page, app_url)
    expect(frame.locator(".leaflet-container")).to_be_visible()
    expect(frame.locator(".map-legend")).to_contain_text("Islamic State")
    assert frame.evaluate("() => window.controlMap.shownTowns()") >= 3
    # The zones of the date are drawn offline on a canvas in their own pane, under the towns' pane.
    assert frame.evaluate("() => window.controlMap.shownZones()") >= 1
    assert frame.locator(".leaflet-zones-pane canvas").count() == 1
    zones_z, towns_z = frame.evaluate("""() => [".leaflet-zones-pane", ".leaflet-overlay-pane"].map(
        s => Number(getComputedStyle(document.querySelector(s)).zIndex))""")
    assert zones_z < towns_z
    # ...and nothing but tiles tried to leave the machine: Leaflet came from /app/static/vendor, the layer
    # from /app/static/layers.
    assert all("tile.openstreetmap.org" in u for u in offline.blocked), offline.blocked
    assert alerts(page) == []
    # The area chart is held back until the map has painted, then comes by itself.
    expect(page.locator("[data-testid='stVegaLiteChart']")).to_be_visible(timeout=20_000)
    expect(page.get_by_text("The chart appears once the map is drawn.")).to_have_count(0)


def test_map_timeline_step_to_2017_11_10_makes_albu_kamal_contested(page, app_url):
    frame = open_app(page, app_url, "?date=2017-11-09")
    assert _slider_value(page) == "2017-11-09"
    wait_for_town(frame, "albu-kamal", status="held", force="SYRIAN_GOV")
    # The dot is painted in its holder's colour, faintly as its date is uncertain (the towns' canvas at its
    # centre, close enough in that no neighbour's dot covers it).
    frame.evaluate("() => window.controlMap.map.setView(window.controlMap.townLatLng('albu-kamal'), 10, {animate: false})")
    frame.wait_for_function("() => window.controlMap.map.getZoom() === 10")
    *rgb, alpha = town_colour_at(frame, "albu-kamal")
    assert 0.4 < alpha / 255 < 0.5  # the uncertain look's fill
    assert all(abs(got - want) <= 4 for got, want in zip(rgb, _rgb(load_forces().forces["SYRIAN_GOV"].color))), rgb
    zoom = frame.evaluate("() => window.controlMap.map.getZoom()") + 1
    frame.locator(".leaflet-control-zoom-in").click()  # the reader zooms in...
    frame.wait_for_function(f"() => window.controlMap.map.getZoom() === {zoom} && !window.controlMap.map._animatingZoom")
    frame.evaluate("() => { window.__still_mounted = true; }")
    frame.locator("#day").focus()
    page.keyboard.press("ArrowRight")  # ...and steps the map's own timeline
    town = wait_for_town(frame, "albu-kamal", status="contested")
    assert town["contested_by"] == "IS"
    expect(frame.locator("#day-label")).to_have_text("2017-11-10")
    # The town's zone cell is painted in its holder's colour, lightly: a step redraws the cells it changed.
    frame.wait_for_function("() => document.body.dataset.painted === '2017-11-10'")
    red, green, blue, alpha = zone_colour_at(frame, "albu-kamal")
    assert 0 < alpha < 128  # a light fill: the towns and the base map show through
    held = _rgb(load_forces().forces["SYRIAN_GOV"].color)
    assert all(abs(got - want) <= 3 for got, want in zip((red, green, blue), held)), (red, green, blue)  # alpha rounding
    # The step reaches the app: the link follows at once, the sidebar slider once the reader stops stepping.
    page.wait_for_function("() => new URLSearchParams(location.search).get('date') === '2017-11-10'", timeout=20_000)
    expect(page.locator("[data-testid='stSliderThumbValue']").first).to_have_text("2017-11-10", timeout=20_000)
    wait_for_app(page)
    # ...and the map was only restyled, never rebuilt: same window, same zoom.
    assert frame.evaluate("() => window.__still_mounted === true && window.controlMap.map.getZoom()") == zoom
    # The sidebar's previous-change button moves the map back; the link stays a readable date.
    page.get_by_role("button", name="◀").click()
    wait_for_town(frame, "albu-kamal", status="held", force="SYRIAN_GOV")
    wait_for_app(page)
    assert _slider_value(page) == "2017-11-09"
    assert _query(page).get("date") == ["2017-11-09"]
    expect(frame.locator("#day-label")).to_have_text("2017-11-09")


def test_click_albu_kamal_shows_sohr_quote_and_url_restores_view(page, app_url, browser):
    frame = open_app(page, app_url, "?date=2017-11-10")
    click_town(page, frame, "albu-kamal")
    panel = page.locator("[data-testid='stMain']")
    expect(panel.get_by_text(SOHR_40).first).to_be_visible(timeout=20_000)
    expect(panel.get_by_text(re.compile("Observatory|SOHR")).first).to_be_visible()
    wait_for_town(frame, "albu-kamal", selected=True)
    wait_for_app(page)
    query = _query(page)
    assert query.get("date") == ["2017-11-10"] and query.get("place") == ["albu-kamal"], page.url

    reopened = page.context.new_page()
    frame2 = open_app(reopened, app_url, "?" + urlsplit(page.url).query)
    assert _slider_value(reopened) == "2017-11-10"
    wait_for_town(frame2, "albu-kamal", status="contested", selected=True)
    expect(reopened.locator("[data-testid='stMain']").get_by_text(SOHR_40).first).to_be_visible()
    expect(reopened.get_by_text(re.compile(r"On 2017-11-10:.*contested"))).to_be_visible()
    wait_for_app(reopened)
    assert _slider_value(reopened) == "2017-11-10"
    reopened.close()


def test_screenshot_of_the_demo_corpus_for_the_readme(page, demo_url, tmp_path):
    frame = open_app(page, demo_url, "?date=2017-11-10&place=albu-kamal")
    wait_for_town(frame, "albu-kamal", selected=True)
    expect(page.locator("[data-testid='stVegaLiteChart']").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"On 2017-11-10:.*contested"))).to_be_visible()
    wait_for_app(page)
    assert _slider_value(page) == "2017-11-10"
    screenshot = Path(os.environ.get(SCREENSHOT_ENV) or tmp_path / "screenshot.png")
    page.screenshot(path=str(screenshot), full_page=False)
    assert screenshot.stat().st_size > 10_000  # a picture of the page, not an empty frame
    assert alerts(page) == []


def test_a_link_may_name_the_town_in_another_spelling(page, app_url):
    frame = open_app(page, app_url, "?date=2017-11-10&place=Al-Bukamal")
    wait_for_town(frame, "albu-kamal", selected=True)
    assert _query(page).get("place") == ["albu-kamal"]


def test_bad_link_values_fall_back_with_a_notice(page, app_url):
    open_app(page, app_url, "?date=2017-02-30&place=no-such-town")
    expect(page.get_by_text("is not a date in YYYY-MM-DD form")).to_be_visible()
    expect(page.get_by_text("No place in the layer matches")).to_be_visible()
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_map_is_sent_the_layer_once_and_then_only_dates(page, app_url):
    """A step on the timeline costs a few kilobytes, whatever the number of towns: no layer in the rerun."""
    received = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: received.append(len(payload))))
    frame = open_app(page, app_url, "?date=2017-11-09")
    fetched = frame.evaluate("() => performance.getEntriesByType('resource')"
                             ".filter(e => { const path = new URL(e.name).pathname; "
                             "return path.startsWith('/app/static/layers/') && !path.endsWith('.js'); })"
                             ".map(e => e.name)")
    assert len(fetched) == 1 and fetched[0].endswith(".json" + PACKED_SUFFIX), fetched  # the gzipped copy
    with urllib.request.urlopen(fetched[0].removesuffix(PACKED_SUFFIX), timeout=30) as response:  # the plain layer
        layer_bytes = len(response.read())
    layer_files = ("() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)"
                   ".filter(path => path.startsWith('/app/static/layers/'))")
    loaded = frame.evaluate(layer_files)
    # The layer and the plugin's script (a preloaded file is listed again when its script element takes it).
    assert len(set(loaded)) == 2, loaded
    before = sum(received)
    frame.locator("#day").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => new URLSearchParams(location.search).get('date') === '2017-11-10'", timeout=20_000)
    wait_for_app(page)
    step = sum(received) - before
    assert 0 < step < layer_bytes, (step, layer_bytes)
    assert frame.evaluate(layer_files) == loaded  # the step fetched nothing


def _injected_place(build_dir: Path) -> str | None:
    control = json.loads((build_dir / "control.geojson").read_text(encoding="utf-8"))
    for feature in control["features"]:
        if any(e["source"] == PAYLOAD_SOURCE for e in feature["properties"]["evidence"]):
            return feature["properties"]["place_id"]
    return None


def test_injected_article_runs_nothing_and_shows_literally(page, app_url, build_dir):
    page.goto(app_url + "/_stcore/health")
    page.evaluate("window.alert('probe')")  # the alert recorder itself works
    assert alerts(page) == ["alert:probe"]
    # The Sources page shows the article's title, source and text.
    open_app(page, app_url)
    page.get_by_role("link", name="Sources").click()
    wait_for_app(page)
    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name=re.compile("Evil Wire")).click()
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']")
    expect(main.get_by_text(PAYLOAD_TITLE, exact=False).first).to_be_visible()
    expect(main.get_by_text(PAYLOAD_SOURCE, exact=False).first).to_be_visible()
    expect(main.get_by_text("<img src=x onerror=", exact=False).first).to_be_visible()
    expect(main.get_by_text("${alert(", exact=False).first).to_be_visible()
    assert main.locator("img[src='x']").count() == 0
    assert main.get_by_role("link", name="Open the original").count() == 0  # javascript: URL not linked

    # The town the injected article is about shows the quote in its panel, literally.
    place = _injected_place(build_dir)
    if place is not None:
        frame = open_app(page, app_url, f"?place={place}")
        expect(page.locator("[data-testid='stMain']").get_by_text("${alert('tpl')}", exact=False).first).to_be_visible()
        click_town(page, frame, place)
        wait_for_app(page)
    assert alerts(page) == []


def test_a_reader_stepping_without_pause_keeps_every_step_and_the_link_catches_up(page, app_url):
    sent = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda payload: sent.append(len(payload))))
    frame = open_app(page, app_url, "?date=2017-10-20")
    wait_for_app(page)
    frame.locator("#day").focus()
    before = len(sent)
    shown = []
    for _ in range(12):  # a key held down: a step every 100 ms, no pause for the page to catch up
        page.keyboard.press("ArrowRight")
        page.wait_for_timeout(100)
        shown.append(frame.evaluate("() => window.controlMap.day()"))
    # Every press moved the map on, none was pulled back by a rerun of the page, and while the reader
    # steps the map asks the server for nothing...
    assert shown == sorted(set(shown)) and len(shown) == 12, shown
    assert len(sent) == before, "the page asked the server for a rerun while the reader was still stepping"
    # ...and once the reader stops, the link and the sidebar show where the map stopped.
    page.wait_for_function("d => new URLSearchParams(location.search).get('date') === d", arg=shown[-1], timeout=20_000)
    expect(page.locator("[data-testid='stSliderThumbValue']").first).to_have_text(shown[-1], timeout=20_000)


class _HeldReplies:
    """The server's messages to the page held back (and then let through in order): a tab too busy to apply a
    rerun before its reader's next key press, made to order."""

    def __init__(self, page):
        self.holding = False
        self.held: list = []
        self._to_page = None
        page.route_web_socket("**/_stcore/stream", self._route)

    def _route(self, ws) -> None:
        server = ws.connect_to_server()
        self._to_page = ws
        ws.on_message(lambda message: server.send(message))
        server.on_message(lambda message: self.held.append(message) if self.holding else ws.send(message))

    def wait_quiet(self, page, quiet_ms: int = 1000, timeout_ms: int = 20_000) -> None:
        """Until some replies are held and none came for `quiet_ms` (the server's runs have ended)."""
        waited, count, still = 0, -1, 0
        while waited < timeout_ms:
            page.wait_for_timeout(100)
            waited += 100
            still = still + 100 if len(self.held) == count else 0
            count = len(self.held)
            if count and still >= quiet_ms:
                return
        raise AssertionError(f"the server did not answer, or never stopped ({len(self.held)} messages held)")

    def release(self) -> None:
        self.holding = False
        for message in self.held:
            self._to_page.send(message)
        self.held.clear()


def test_a_sidebar_step_made_before_the_page_showed_the_maps_date_is_what_it_ends_on(page, app_url):
    # The reader steps the map, stops (the map reports its date after SETTLE_MS) and moves the sidebar's
    # slider one day before the page has applied that report's rerun: the thumb still shows the old date.
    # The sidebar moved last, so its date wins, on the map, in the link and on the slider's thumb, which must
    # not be left on the map's date applied late.
    replies = _HeldReplies(page)
    frame = open_app(page, app_url, "?date=2017-10-20")
    wait_for_app(page)
    frame.locator("#day").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.wait_for_function(PAINTED_JS, arg="2017-10-23", timeout=10_000)
    replies.holding = True
    replies.wait_quiet(page)  # the map's report went out and the server ran it: the page has not seen it
    thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
    assert thumb.get_attribute("aria-valuetext") == "2017-10-20"
    thumb.focus()
    page.keyboard.press("ArrowRight")
    assert thumb.get_attribute("aria-valuetext") == "2017-10-21"
    replies.wait_quiet(page)  # the slider's rerun, held as well
    replies.release()
    page.wait_for_function(PAINTED_JS, arg="2017-10-21", timeout=20_000)
    page.wait_for_function("d => new URLSearchParams(location.search).get('date') === d", arg="2017-10-21",
                           timeout=20_000)
    expect(page.locator("[data-testid='stSliderThumbValue']").first).to_have_text("2017-10-21", timeout=20_000)
    # ...and it stays there: the next rerun brings the slider's value as the page holds it.
    page.locator("[data-testid='stCheckbox']").filter(has_text="Towns").click()
    page.wait_for_timeout(1500)
    wait_for_app(page)
    assert _slider_value(page) == "2017-10-21"
    assert frame.evaluate("() => window.controlMap.day()") == "2017-10-21"
    assert _query(page)["date"] == ["2017-10-21"]


def test_a_tab_that_falls_behind_the_server_keeps_the_messages_it_said_it_held(page, app_url):
    # With each rerun request the page lists the messages it holds, and the server sends a reference for
    # those it would send again. A tab still applying earlier runs when it asks (a busy one: up to seconds
    # behind under bench/load.py) drops, as those runs finish, what it has not seen used for a few runs; the
    # date's caption of three runs back was then a reference to nothing, and Streamlit stopped the page
    # ("Cached ForwardMsg MISS").
    replies = _HeldReplies(page)
    open_app(page, app_url, "?date=2017-10-20")
    thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
    for day in ("2017-10-21", "2017-10-22"):
        thumb.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("d => new URLSearchParams(location.search).get('date') === d", arg=day)
        wait_for_app(page)
    replies.holding = True  # the tab falls behind: it asks for three more runs before it sees any
    thumb.focus()
    page.keyboard.press("ArrowRight")
    replies.wait_quiet(page)
    for _ in range(3):
        page.keyboard.press("ArrowLeft")
        page.wait_for_timeout(300)
    replies.wait_quiet(page)
    replies.release()
    stopped = "() => document.body.innerText.includes('Cached ForwardMsg MISS')"
    page.wait_for_function(f"d => ({stopped})() || ({PAINTED_JS})(d)", arg="2017-10-20", timeout=20_000)
    assert not page.evaluate(stopped), "Streamlit stopped the page: a reference to a message it no longer held"
    wait_for_app(page)
    expect(page.locator("[data-testid='stMain']").get_by_text("Control on 2017-10-20.")).to_be_visible()
    assert _slider_value(page) == "2017-10-20"


def test_a_sidebar_step_onto_the_date_the_page_just_set_is_not_overtaken_by_an_older_map_step(page, app_url):
    # The map reported 2017-10-21 and the page set the slider there, but the busy tab's thumb still shows
    # 2017-10-20 when the reader, who has stepped the map on to 2017-10-22 meanwhile, presses it: the press
    # lands on 2017-10-21, the date the server already has. The map's report of 2017-10-22, a step made
    # before the press, must not move the date on after it.
    replies = _HeldReplies(page)
    frame = open_app(page, app_url, "?date=2017-10-20")
    frame.locator("#day").focus()
    page.keyboard.press("ArrowRight")
    replies.holding = True
    replies.wait_quiet(page)  # the map reported 2017-10-21, the server set the slider there: not yet seen
    frame.locator("#day").focus()
    page.keyboard.press("ArrowRight")  # 2017-10-22: its report waits for the page to follow the last one
    page.wait_for_timeout(1500)
    thumb = page.locator("[data-testid='stSlider'] input[type='range']").first
    assert thumb.get_attribute("aria-valuetext") == "2017-10-20"
    thumb.focus()
    page.keyboard.press("ArrowRight")
    replies.wait_quiet(page)
    replies.release()
    page.wait_for_function(PAINTED_JS, arg="2017-10-21", timeout=20_000)
    page.wait_for_timeout(3000)  # the map's waiting report, were it sent, and its rerun
    wait_for_app(page)
    assert frame.evaluate("() => window.controlMap.day()") == "2017-10-21"
    assert _slider_value(page) == "2017-10-21"
    assert _query(page)["date"] == ["2017-10-21"]
