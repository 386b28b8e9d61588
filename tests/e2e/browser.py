"""Helpers for the browser tests: waiting for the app's running state, the map frame, alert flags."""

from __future__ import annotations


def wait_for_app(page, timeout: float = 30_000) -> None:
    """Connected, and the script has finished its run."""
    page.wait_for_selector("[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=timeout)
    page.wait_for_selector("[data-testid='stApp'][data-test-script-state='notRunning']", timeout=timeout)


def map_frame(page):
    return page.frame_locator('iframe[title="streamlit_folium\\.st_folium"]')


def open_app(page, url: str, query: str = ""):
    page.goto(url + "/" + query)
    wait_for_app(page)
    map_frame(page).locator("path.town").first.wait_for(timeout=30_000)
    return map_frame(page)


def alerts(page) -> list[str]:
    found = []
    for frame in page.frames:
        try:
            found += frame.evaluate("() => (window.__alerts || []).concat(window.__xss ? ['__xss'] : [])")
        except Exception:  # a frame that went away
            pass
    return found
