"""The standalone HTML export (`python -m geo export-html`): one file that opens from file:// with the
network blocked, steps its timeline in the browser and shows a town's sources as text."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from geo.forces import load_forces
from tests.e2e.conftest import INIT_SCRIPT, ROOT
from tests.e2e.browser import alerts
from tests.fixtures.make_layer import PAYLOAD_QUOTE

LAYER_JS = "() => Object.values(window).find(v => v instanceof L.ControlLayer)"


@pytest.fixture(scope="module")
def exported(build_dir, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export") / "control-map.html"
    done = subprocess.run([sys.executable, "-m", "geo", "export-html", "--build", str(build_dir), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return out


@pytest.fixture
def offline_page(browser):
    context = browser.new_context(viewport={"width": 1300, "height": 850})
    context.add_init_script(INIT_SCRIPT)
    left: list[str] = []

    def route(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            left.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.left = left
    yield page
    context.close()


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)]


def _centre_colour(page, place_id: str) -> list[int]:
    """The towns' canvas at the centre of a town's dot, close enough in that no neighbour covers it."""
    return page.evaluate(f"""id => {{
        const layer = ({LAYER_JS})(), map = layer._map;
        map.setView(layer.townLatLng(id), 10, {{animate: false}});
        layer._townLayer._update();
        const canvas = document.querySelector(".leaflet-overlay-pane canvas");
        const at = map.latLngToLayerPoint(layer.townLatLng(id)).subtract(L.DomUtil.getPosition(canvas));
        return Array.from(canvas.getContext("2d").getImageData(Math.round(at.x), Math.round(at.y), 1, 1).data);
    }}""", place_id)


def _set_day(page, iso: str) -> None:
    """As a reader dragging the timeline's slider to a date."""
    page.evaluate("""iso => {
        const input = document.querySelector('#day');
        input.value = String(Math.round(Date.parse(iso) / 86400000));
        input.dispatchEvent(new Event('input', {bubbles: true}));
    }""", iso)
    assert page.locator("#day-label").text_content() == iso


def test_the_export_opens_offline_and_its_timeline_repaints_a_town(exported, offline_page):
    page = offline_page
    page.goto(exported.as_uri())
    page.wait_for_function(f"() => !!({LAYER_JS})() && ({LAYER_JS})().shownTowns() > 0")
    # It opens on the layer's latest date, every script from the file itself (only tiles were asked for).
    assert page.locator("#day-label").text_content() >= "2019-02-01"
    assert all("tile.openstreetmap.org" in url for url in page.left), page.left
    colours = load_forces().forces
    _set_day(page, "2017-11-09")
    assert page.evaluate(f"() => ({LAYER_JS})().town('albu-kamal').force") == "SYRIAN_GOV"
    *before, _ = _centre_colour(page, "albu-kamal")
    assert all(abs(a - b) <= 4 for a, b in zip(before, _rgb(colours["SYRIAN_GOV"].color))), before
    # ◀ back to the change before, when IS still held it: the dot takes IS's colour.
    page.locator("#previous").click()
    state = page.evaluate(f"() => ({LAYER_JS})().town('albu-kamal')")
    assert state["force"] == "IS", state
    *after, _ = _centre_colour(page, "albu-kamal")
    assert all(abs(a - b) <= 4 for a, b in zip(after, _rgb(colours["IS"].color))), after


def test_a_clicked_town_shows_its_quotes_as_text_and_runs_none(exported, offline_page):
    page = offline_page
    page.goto(exported.as_uri())
    page.wait_for_function(f"() => !!({LAYER_JS})() && ({LAYER_JS})().shownTowns() > 0")
    _set_day(page, "2017-10-20")
    point = page.evaluate(f"""() => {{
        const layer = ({LAYER_JS})(), map = layer._map;
        map.setView(layer.townLatLng('mayadin'), 10, {{animate: false}});
        const p = map.latLngToContainerPoint(layer.townLatLng('mayadin')), box = map.getContainer().getBoundingClientRect();
        return [box.left + p.x, box.top + p.y];
    }}""")
    page.mouse.click(*point)
    history = page.locator(".town-history")
    history.wait_for(state="visible")
    assert "Mayadin" in history.text_content()
    assert PAYLOAD_QUOTE[:60] in history.text_content()  # the article's markup, shown literally
    assert history.locator("img, script").count() == 0
    assert history.locator("a[href^='javascript']").count() == 0  # a javascript: address is text, not a link
    assert alerts(page) == [] and page.evaluate("() => window.__xss === undefined")


def test_the_map_page_downloads_the_same_file(page, app_url, offline_page, tmp_path):
    from tests.e2e.browser import open_app

    open_app(page, app_url, "?date=2017-11-10")
    page.get_by_role("button", name="Prepare the map as one HTML file").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the map (HTML)").click()
    saved = tmp_path / "downloaded.html"
    download.value.save_as(saved)
    offline_page.goto(saved.as_uri())
    offline_page.wait_for_function(f"() => !!({LAYER_JS})() && ({LAYER_JS})().town('albu-kamal') !== null")
