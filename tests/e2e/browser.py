"""Helpers for the browser tests: waiting for the app's running state, the map frame, alert flags."""

from __future__ import annotations

import time

from bench.browser import MAP_FRAME, wait_for_first_report


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Connected, and the script has finished its run."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def map_frame(page, timeout_s: float = 30):
    """streamlit-folium's frame, once the map's layer is fetched and drawn."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            if MAP_FRAME in (frame.url or ""):
                frame.wait_for_selector("body[data-ready='1']", state="attached", timeout=timeout_s * 1000)
                return frame
        page.wait_for_timeout(100)
    raise AssertionError("the map never appeared")


def open_app(page, url: str, query: str = ""):
    """The Map page, once its map has painted and the page has taken the map's first report (the sidebar's
    date slider comes with it): a click before that could be overtaken by that report's rerun."""
    page.goto(url + "/" + query)
    wait_for_app(page)
    frame = map_frame(page)
    wait_for_first_report(page, timeout_ms=30_000)
    wait_for_app(page)
    return frame


def wait_for_town(frame, place_id: str, timeout: float = 20_000, **expected) -> dict:
    """Wait until the map draws `place_id` with the `expected` state (status=, force=, selected=…)."""
    frame.wait_for_function(
        """([id, expected]) => {
            const town = window.controlMap && window.controlMap.town(id);
            return !!town && Object.entries(expected).every(([k, v]) => town[k] === v);
        }""", arg=[place_id, expected], timeout=timeout)
    return frame.evaluate("id => window.controlMap.town(id)", place_id)


def click_town(page, frame, place_id: str) -> None:
    """A real mouse click on the town's dot (the towns are drawn on a canvas, not as DOM nodes)."""
    point = frame.evaluate(
        """id => {
            const map = window.controlMap.map, town = window.controlMap.townLatLng(id);
            map.setView(town, map.getZoom(), {animate: false});
            const p = map.latLngToContainerPoint(town), box = map.getContainer().getBoundingClientRect();
            return [box.left + p.x, box.top + p.y];
        }""", place_id)
    box = page.locator(f'iframe[src*="{MAP_FRAME}"]').bounding_box()
    page.mouse.click(box["x"] + point[0], box["y"] + point[1])


def zone_colour_at(frame, place_id: str) -> list[int]:
    """[r, g, b, a] of the zones' canvas (zones only, not the towns drawn over them) at a town's point."""
    return _canvas_colour_at(frame, ".leaflet-zones-pane canvas", place_id)


def town_colour_at(frame, place_id: str) -> list[int]:
    """[r, g, b, a] of the towns' canvas at the centre of a town's dot."""
    return _canvas_colour_at(frame, ".leaflet-overlay-pane canvas", place_id)


def _canvas_colour_at(frame, selector: str, place_id: str) -> list[int]:
    return frame.evaluate(
        """([selector, id]) => {
            const map = window.controlMap.map, canvas = document.querySelector(selector);
            const at = map.latLngToLayerPoint(window.controlMap.townLatLng(id)).subtract(L.DomUtil.getPosition(canvas));
            const ratio = canvas.width / parseFloat(canvas.style.width);
            return Array.from(canvas.getContext("2d").getImageData(Math.round(at.x * ratio), Math.round(at.y * ratio), 1, 1).data);
        }""", [selector, place_id])


def alerts(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("() => (window.__alerts || []).concat(window.__xss ? ['__xss'] : [])")
        except Exception:  # a frame that went away
            pass
    return found
