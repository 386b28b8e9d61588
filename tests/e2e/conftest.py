"""Browser tests: one `streamlit run dashboard.py` per session on a free port, driven by Debian's
chromium through Playwright, with every request that leaves localhost blocked.

The layer is built by the pipeline into a tmp dir from a copy of data/articles plus one article full of
injection payloads; a second server over the demo corpus alone makes the README screenshot.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from bench.browser import streamlit_server
from tests.fixtures.make_layer import PAYLOAD_QUOTE, PAYLOAD_SOURCE, PAYLOAD_TITLE

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
VENDOR_STAMP = ROOT / "static" / "vendor" / ".complete"


def injected_article() -> str:
    """An article whose title, source, url and text carry script-injection payloads."""
    front = yaml.safe_dump({"title": PAYLOAD_TITLE, "source": PAYLOAD_SOURCE, "url": "javascript:alert('url')",
                            "published": "2017-10-16", "language": "en"}, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n{PAYLOAD_QUOTE}\n"


# Every frame (the app and the map iframe) records any alert/confirm/prompt instead of showing it.
INIT_SCRIPT = """
(() => {
  const record = (kind) => function (msg) {
    (window.__alerts = window.__alerts || []).push(kind + ':' + String(msg));
  };
  window.alert = record('alert'); window.confirm = record('confirm'); window.prompt = record('prompt');
})();
"""


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


def _build(base: Path, injected: bool) -> Path:
    """A layer built by the pipeline from data/articles (plus the injection article)."""
    out = base / "build"
    articles = base / "articles"
    shutil.copytree(ROOT / "data" / "articles", articles)
    if injected:
        (articles / "900_injection.md").write_text(injected_article(), encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "geo", "build", "--articles", str(articles), "--out", str(out),
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"python -m geo build failed:\n{done.stderr[-3000:]}"
    return out


@pytest.fixture(scope="session")
def build_dir(tmp_path_factory) -> Path:
    """The demo corpus plus an article full of injection payloads."""
    return _build(tmp_path_factory.mktemp("e2e-injected"), injected=True)


@pytest.fixture(scope="session")
def demo_build_dir(tmp_path_factory) -> Path:
    """The demo corpus alone (for the README screenshot)."""
    return _build(tmp_path_factory.mktemp("e2e-demo"), injected=False)


@contextlib.contextmanager
def _serve(build: Path, log: Path):
    """`streamlit run dashboard.py` on a free port over `build` (tiles as a user gets them); yields its URL."""
    if not VENDOR_STAMP.exists():
        pytest.fail("static/vendor is missing: run `make vendor` (the map must load Leaflet locally)")
    with streamlit_server(ROOT / "dashboard.py", build, log=log, GEO_MAP_TILES=os.environ.get("GEO_MAP_TILES", "osm")) as (url, _):
        yield url


@pytest.fixture(scope="session")
def app_url(build_dir, tmp_path_factory):
    with _serve(build_dir, tmp_path_factory.mktemp("streamlit") / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def demo_url(demo_build_dir, tmp_path_factory):
    with _serve(demo_build_dir, tmp_path_factory.mktemp("streamlit-demo") / "server.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: run `make chromium` (Debian's chromium; Playwright never downloads one)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()


class Offline:
    """Requests that tried to leave localhost (all aborted)."""

    def __init__(self):
        self.blocked: list[str] = []

    def route(self, route):
        host = urlsplit(route.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost", "::1") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()


@pytest.fixture
def offline():
    return Offline()


@pytest.fixture
def page(browser, offline):
    context = browser.new_context(viewport={"width": 1500, "height": 950})
    context.add_init_script(INIT_SCRIPT)
    context.route("**/*", offline.route)
    page = context.new_page()
    yield page
    context.close()
