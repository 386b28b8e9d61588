"""Real `streamlit run` servers: the map's payload survives other processes publishing into the same folder,
and deep links on a server whose layer cannot be read show why instead of a traceback.

The servers run a copy of dashboard.py from a folder of their own (`app_copy`), so what they publish lands
under tmp, not in the working tree's static/layers: Streamlit serves `/app/static` from the `static/` beside
the script it runs, and only files whose real path is inside it, so the publish folder cannot simply be a
symlink out of the project (GEO_MAP_LAYERS_DIR then tells the app where that folder is).
"""

from __future__ import annotations

import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from bench.browser import copy_app, streamlit_server
from tests.e2e.browser import open_app, wait_for_app
from tests.fixtures.make_layer import write_layer
from ui.publish import KEEP_PUBLISHED, LAYERS_DIR_ENV, PACKED_SUFFIX, publish

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_copy(tmp_path) -> Path:
    """dashboard.py in a folder of its own under tmp, with its own static/. pages/ is linked (pages are found
    relative to the script); static/vendor is copied, not linked, because Streamlit would refuse to serve
    files whose real path is outside static/."""
    if not (ROOT / "static" / "vendor" / ".complete").exists():
        pytest.fail("static/vendor is missing: run `make vendor` (the map must load Leaflet locally)")
    return copy_app(tmp_path / "app")


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def _fetched_payload(frame) -> str:
    """The path of the payload the map fetched (`/app/static/layers/<digest>.json.gz`)."""
    [url] = frame.evaluate("() => performance.getEntriesByType('resource')"
                           ".filter(e => { const path = new URL(e.name).pathname; "
                             "return path.startsWith('/app/static/layers/') && !path.endsWith('.js'); })"
                           ".map(e => e.name)")
    return urlsplit(url).path


def _publish_from_a_process_that_ends(folder: Path, count: int) -> None:
    """What `make test` or a benchmark does to the folder: publish layers of its own, then exit."""
    script = ("import sys; from pathlib import Path; from ui.publish import publish\n"
              "for n in range(int(sys.argv[2])): publish({'another layer': n}, Path(sys.argv[1]))")
    subprocess.run([sys.executable, "-c", script, str(folder), str(count)], cwd=ROOT, check=True, timeout=300)


def _payloads(folder: Path) -> set[str]:
    return {p.name for p in folder.glob("*.json")}


def test_a_running_map_keeps_its_layer_whatever_else_is_published(page, app_copy, tmp_path):
    layers = app_copy / "static" / "layers"
    script, env = app_copy / "dashboard.py", {LAYERS_DIR_ENV: str(layers)}
    first, second = write_layer(tmp_path / "first"), write_layer(tmp_path / "second", injected=True)
    with streamlit_server(script, first, log=tmp_path / "first.log", **env) as (first_url, _):
        served = _fetched_payload(open_app(page, first_url))
        with streamlit_server(script, second, log=tmp_path / "second.log", **env) as (second_url, _):
            other = _fetched_payload(open_app(page.context.new_page(), second_url))
            assert other != served  # two servers, two layers, one folder
            _publish_from_a_process_that_ends(layers, 2 * KEEP_PUBLISHED)

            # A new session on the first server: its map still loads, from the same file.
            fresh = page.context.new_page()
            frame = open_app(fresh, first_url)
            assert frame.evaluate("() => window.controlMap.shownTowns()") >= 1
            assert _fetched_payload(frame) == served
            for path in (served, served.removesuffix(PACKED_SUFFIX), other):
                assert _status(first_url + path) == 200, path

            # Bounded: the next publish removes what the ended process left; the servers' payloads stay.
            mine = publish({"this test": 1}, layers)
            assert _payloads(layers) == {Path(p).name.removesuffix(PACKED_SUFFIX) for p in (served, other)} | {mine}
    # Once the servers have stopped, their payloads go with the next publish too.
    publish({"this test": 2}, layers)
    assert Path(served).name.removesuffix(PACKED_SUFFIX) not in _payloads(layers)


def test_deep_links_on_a_fresh_server_whose_layer_cannot_be_read_show_why(page, tmp_path):
    """On a fresh server no session has reached dashboard.py's st.navigation (and none can while the layer
    cannot be read), so Streamlit runs a deep link's file from pages/ by itself: each page needs the guard."""
    build = write_layer(tmp_path / "build")
    (build / "control.geojson").write_text('{"type": "FeatureCollection", "features": [{"type": "Feature"}]}')
    with streamlit_server(ROOT / "dashboard.py", build, log=tmp_path / "server.log") as (url, _):
        for path in ("places", "sources", "method", "map", ""):
            page.goto(f"{url}/{path}")
            wait_for_app(page)
            expect(page.locator("[data-testid='stAlertContentError']").first).to_contain_text("control.geojson")
            assert page.locator("[data-testid='stException']").count() == 0, path
