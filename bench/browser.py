"""The dashboard measured in Debian's headless chromium (Playwright; no browser is ever downloaded).

For a layer directory it starts `streamlit run dashboard.py` (and, for comparison, bench/naive_app.py) on a
free port, then measures:

- slider steps: from an ArrowRight key press on the map's timeline to the map having painted the new date
  (the map's frame marks `body[data-painted]` one animation frame after Leaflet's canvas redraw); the naive
  variant's steps go through a Streamlit slider and a whole new folium map, to the same mark;
- bytes per step: what the browser received (websocket frames and HTTP bodies) from the key press until
  the step's rerun has settled;
- first paint: a fresh tab's navigation start to the map's first painted frame, by the browser's own
  clock, with the server warm (the layer cached); the median of a few tabs;
- server RSS: the Streamlit server's resident memory with several tabs open on the map.

Nothing leaves the machine: tiles are off (GEO_MAP_TILES=none) and any non-local request is aborted.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
START_TIMEOUT_S = 120
# After a step: the map reports its date up to 2 s later (SETTLE_MAX_MS in control_link.js; steps closer
# than that are a reader stepping on) and the rerun follows. Steps this far apart are lone steps, each reported.
SETTLE_S = float(os.environ.get("BENCH_SETTLE_S", "2.5"))
PAINT_TIMEOUT_MS = 120_000
ENTER_LOST_MS = 30_000  # a search's Enter with no rerun after this long was not taken (see measure_places)
REOPENED_WAIT_MS = 30_000  # the same on the page opened anew (_search_on_a_new_page)
REOPEN_TRIES = 8  # a lost Enter on a page opened anew: seen up to four times in a row in one CI run
MAP_FRAME = "st_folium"  # streamlit-folium's iframe: its URL contains the component's name


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def _private_app(script: Path):
    """The project's dashboard.py run from a temporary folder of its own, so that the map payloads it
    publishes land there and not in the working tree's static/layers (tests and benchmarks write only under
    tmp). Streamlit serves `/app/static` from the `static/` beside the script, and only files whose real path
    is inside it: static/vendor is copied, pages/ (found beside the script) linked. Any other script as is."""
    if script.resolve() != (ROOT / "dashboard.py").resolve():
        yield script, {}
        return
    from ui.publish import LAYERS_DIR_ENV

    with tempfile.TemporaryDirectory(prefix="geo-app-") as folder:
        app = copy_app(Path(folder))
        yield app / "dashboard.py", {LAYERS_DIR_ENV: str(app / "static" / "layers")}


def copy_app(folder: Path) -> Path:
    """dashboard.py in `folder` with a static/ of its own (Leaflet and the map's plugin copied, layers empty)
    and pages/ linked."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "dashboard.py", folder / "dashboard.py")
    (folder / "pages").symlink_to(ROOT / "pages", target_is_directory=True)
    for part in ("vendor", "folium_control"):
        if (ROOT / "static" / part).is_dir():
            shutil.copytree(ROOT / "static" / part, folder / "static" / part)
    (folder / "static" / "layers").mkdir(parents=True, exist_ok=True)
    return folder


@contextlib.contextmanager
def streamlit_server(script: Path, layer_dir: Path, log: Path | None = None, **env_vars: str):
    """`streamlit run script` over `layer_dir` on a free port, until it answers /_stcore/health; yields
    (base url, server pid). The project's dashboard runs from a private copy (`_private_app`). Tiles are off
    unless `GEO_MAP_TILES` is given; the server's output goes to `log` (kept) or a temporary file, and its
    tail is in the error when it does not start. Also how the browser tests start the dashboard
    (tests/e2e/conftest.py)."""
    with _private_app(script) as (script, private_env):
        with _serve(script, layer_dir, log, {**private_env, **env_vars}) as served:
            yield served


@contextlib.contextmanager
def _serve(script: Path, layer_dir: Path, log: Path | None, env_vars: dict[str, str]):
    port = _free_port()
    env = {**os.environ, "GEO_BUILD_DIR": str(layer_dir), "GEO_MAP_TILES": "none", "GEO_MAP_ASSETS": "local",
           "PYTHONPATH": str(ROOT), **env_vars}
    handle = open(log, "w+b") if log else tempfile.TemporaryFile()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port), "--server.address",
         "127.0.0.1", "--server.headless", "true", "--global.developmentMode", "false",
         "--server.enableStaticServing", "true", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                    if response.status == 200 and response.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                handle.seek(0)
                raise RuntimeError(f"streamlit did not start for {script}:\n{handle.read().decode()[-3000:]}")
            time.sleep(0.2)  # polling the health endpoint, not waiting for the app
        yield url, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
        handle.close()


@contextlib.contextmanager
def naive_script():
    """bench/naive_app.py in a directory whose ./static is the project's, so Leaflet is served locally."""
    with tempfile.TemporaryDirectory(prefix="naive-app-") as tmp:
        script = Path(tmp) / "naive_app.py"
        shutil.copy(ROOT / "bench" / "naive_app.py", script)
        (Path(tmp) / "static").symlink_to(ROOT / "static")
        yield script


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, from /proc (MB)."""
    total, pids = 0, [pid]
    while pids:
        current = pids.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        # A zombie (exited, not yet reaped) has no VmRSS line.
        total += next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        pids.extend(int(c) for c in children)
    return total / 1024


@dataclass
class Traffic:
    """Bytes the page received, counted from websocket frames and HTTP response bodies."""

    websocket: int = 0
    http: int = 0
    _requests: dict = field(default_factory=dict)

    def attach(self, page) -> None:
        page.on("websocket", lambda ws: ws.on("framereceived", self._frame))
        page.on("requestfinished", self._finished)

    def _frame(self, payload) -> None:
        self.websocket += len(payload)

    def _finished(self, request) -> None:
        try:
            self.http += request.sizes()["responseBodySize"]
        except Exception:  # a request torn down with its page
            pass

    @property
    def total(self) -> int:
        return self.websocket + self.http


def _launch(playwright):
    browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", *os.environ.get("BENCH_CHROMIUM_ARGS", "--disable-gpu").split()])
    return browser


def _new_page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                  else route.abort())
    return context.new_page()


def _frame(page, fragment: str, timeout_s: float = 120):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for frame in page.frames:
            if fragment in (frame.url or ""):
                return frame
        page.wait_for_timeout(100)
    raise TimeoutError(f"no frame with {fragment!r} in its URL")


# The map iframes are same-origin, so the page itself can watch them, whichever iframe element holds the map
# at the moment (streamlit-folium may replace its iframe when the map is rebuilt).
_PAINTED = """d => Array.from(document.querySelectorAll('iframe')).some(f => {
    try { return f.contentDocument && f.contentDocument.body && f.contentDocument.body.dataset.painted === d; }
    catch (e) { return false; }
})"""


def wait_for_first_report(page, timeout_ms: float = PAINT_TIMEOUT_MS) -> None:
    """Until the page has taken the map's first report: the sidebar's date slider comes with that rerun (and
    the chart's library loads)."""
    page.wait_for_selector("[data-testid='stSidebar'] [data-testid='stSlider']", timeout=timeout_ms)


def _wait_painted(page, day: str) -> None:
    page.wait_for_function(_PAINTED, arg=day, polling="raf", timeout=PAINT_TIMEOUT_MS)


@dataclass
class SliderRun:
    step_ms: list[float]  # key press until the painted mark is seen from here (the driver's round trips included)
    bytes_per_step: list[int]
    websocket_bytes: list[int]
    in_page_ms: list[float] = field(default_factory=list)  # keydown until the painted mark, by the page's clock


# Two clocks on the browser's own time line (a document's time origin plus its own clock): key presses where
# the keys go (the event's own time stamp, when the browser took the key), painted marks in the map's frame
# (with the day each marks, so that steps are matched to their days on this side).
_KEY_CLOCK = """() => {
    window.__keys = [];
    document.addEventListener("keydown", event => { window.__keys.push(performance.timeOrigin + event.timeStamp); }, true);
}"""
_PAINT_CLOCK = """() => {
    window.__paints = [];
    new MutationObserver(() => {
        window.__paints.push([document.body.dataset.painted, performance.timeOrigin + performance.now()]);
    }).observe(document.body, { attributes: true, attributeFilter: ["data-painted"] });
}"""


def _steps(page, traffic: Traffic, start: date, steps: int, press) -> SliderRun:
    page.wait_for_timeout(SETTLE_S * 1000)
    times, sizes, frames = [], [], []
    day = start
    for _ in range(steps):
        day += timedelta(days=1)
        before, before_ws = traffic.total, traffic.websocket
        began = time.perf_counter()
        press()
        _wait_painted(page, day.isoformat())
        times.append((time.perf_counter() - began) * 1000)
        page.wait_for_timeout(SETTLE_S * 1000)
        sizes.append(traffic.total - before)
        frames.append(traffic.websocket - before_ws)
    return SliderRun(times, sizes, frames)


def measure_map(url: str, start: date, steps: int, browser) -> SliderRun:
    """The product: steps on the map's own timeline."""
    warm = _new_page(browser)  # loads the layer into the server's cache, publishes the payload
    warm.goto(f"{url}/?date={start.isoformat()}")
    _wait_painted(warm, start.isoformat())
    warm.context.close()

    page = _new_page(browser)
    traffic = Traffic()
    traffic.attach(page)  # before the page opens its websocket
    page.goto(f"{url}/?date={start.isoformat()}")
    _wait_painted(page, start.isoformat())
    # The steps measured are a reader's on a page at rest, not the tail of its opening.
    wait_for_first_report(page)
    frame = _frame(page, MAP_FRAME)
    frame.evaluate(_KEY_CLOCK)
    frame.evaluate(_PAINT_CLOCK)
    frame.locator("#day").focus()
    run = _steps(page, traffic, start, steps, lambda: page.keyboard.press("ArrowRight"))
    run.in_page_ms = _in_page_steps(frame, frame, start, steps)
    page.context.close()
    return run


def _in_page_steps(keys_in, frame, start: date, steps: int) -> list[float]:
    """Each step's time from its key press to its day's first painted mark after it, by the browser's clock;
    empty unless every step was timed (a frame replaced meanwhile lost its clock)."""
    try:
        keys, paints = keys_in.evaluate("() => window.__keys"), frame.evaluate("() => window.__paints")
    except Exception:  # a page or frame is gone
        return []
    if not isinstance(keys, list) or not isinstance(paints, list) or len(keys) != steps:
        return []
    times = []
    for n, pressed in enumerate(keys, start=1):
        day = (start + timedelta(days=n)).isoformat()
        painted = next((at for shown, at in paints if shown == day and at >= pressed), None)
        if painted is None:
            return []
        times.append(painted - pressed)
    return times


@dataclass
class FirstPaint:
    in_page_s: list[float]  # the page's navigation start to the map's first painted frame, by the browser's clock
    wall_s: list[float]  # the same seen from here: goto() until the painted mark is observed


def measure_first_paint(url: str, start: date, loads: int, browser) -> FirstPaint:
    """Fresh tabs on a warm server (the layer cached and published), with no traffic listeners: counting
    bytes relays every request to this process, which slows what is measured."""
    in_page, wall = [], []
    for _ in range(loads):
        page = _new_page(browser)
        began = time.perf_counter()
        page.goto(f"{url}/?date={start.isoformat()}")
        _wait_painted(page, start.isoformat())
        wall.append(time.perf_counter() - began)
        frame = _frame(page, MAP_FRAME)
        painted = frame.evaluate("() => performance.timeOrigin + window.controlMapTiming.painted")
        in_page.append((painted - page.evaluate("() => performance.timeOrigin")) / 1000)
        page.context.close()
    return FirstPaint(in_page, wall)


_SLIDER = "[data-testid='stSlider'] input[type='range']"


def _slider_run(url: str, start: date, steps: int, browser, product: bool) -> SliderRun:
    """Steps on a Streamlit date slider, each until the map shows the day. The product's slider is in the
    sidebar, which comes once the map has reported its first paint, and its map keeps one frame all along,
    so its steps are also timed by the browser's clock (the naive variant's map is rebuilt every step)."""
    page = _new_page(browser)
    traffic = Traffic()
    traffic.attach(page)
    page.goto(f"{url}/?date={start.isoformat()}")
    _wait_painted(page, start.isoformat())
    frame = None
    if product:
        wait_for_first_report(page)
        frame = _frame(page, MAP_FRAME)
        page.evaluate(_KEY_CLOCK)
        frame.evaluate(_PAINT_CLOCK)
    page.locator(_SLIDER).first.focus()
    run = _steps(page, traffic, start, steps, lambda: page.keyboard.press("ArrowRight"))
    if frame is not None:
        run.in_page_ms = _in_page_steps(page, frame, start, steps)
    page.context.close()
    return run


def measure_naive(url: str, start: date, steps: int, browser) -> SliderRun:
    return _slider_run(url, start, steps, browser, product=False)


def measure_sidebar(url: str, start: date, steps: int, browser) -> SliderRun:
    """Steps on Streamlit's date slider in the sidebar: a rerun of the page each, until the map shows the day."""
    return _slider_run(url, start, steps, browser, product=True)


# On the page: the time a rerun that began after this call has finished (Streamlit marks its app element
# while a script runs).
_RERUN_CLOCK = """() => {
    window.__rerunDone = null;
    const app = document.querySelector("[data-testid='stApp']");
    let ran = false;
    // A quick run can start and end before the observer is called: its records still hold "running".
    const watch = new MutationObserver(records => {
        if (records.some(record => record.oldValue === "running")) ran = true;
        const state = app.getAttribute("data-test-script-state");
        if (state === "running") ran = true;
        else if (ran) { window.__rerunDone = performance.now(); watch.disconnect(); }
    });
    watch.observe(app, { attributes: true, attributeFilter: ["data-test-script-state"], attributeOldValue: true });
}"""


@dataclass
class PlacesRun:
    rerun_ms: list[float]
    reopened: int  # searches whose Enter never reran the page, timed again on the page opened anew


def measure_places(url: str, queries: list[str], browser) -> PlacesRun:
    """The Places page's rerun: a search typed (Enter) until the script has run and the next frame has drawn
    its table, in ms."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    page = _new_page(browser)
    page.goto(f"{url}/places")
    page.locator("[data-testid='stDataFrame']").wait_for(timeout=PAINT_TIMEOUT_MS)
    box = page.get_by_role("textbox", name="Search")
    times = []
    reopened = 0
    for query in queries:
        page.wait_for_timeout(SETTLE_S * 1000)
        # The clock is armed before the box is filled: a rerun the typing itself starts is this step's too.
        page.evaluate(_RERUN_CLOCK)
        began = time.perf_counter()
        box.fill(query)
        box.press("Enter")
        try:
            page.wait_for_function("() => window.__rerunDone !== null", polling="raf", timeout=ENTER_LOST_MS)
        except PlaywrightTimeoutError:
            # In the whole test suite a search now and then never reran the page (no rerun for minutes, an
            # Enter pressed again neither): open the page anew, a new session, and time the search there.
            reopened += 1
            box, began = _search_on_a_new_page(page, query)
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => done()))")
        times.append((time.perf_counter() - began) * 1000)
    page.context.close()
    return PlacesRun(times, reopened)


def _search_on_a_new_page(page, query: str):
    """The Places page opened anew and `query` searched there, until a search reruns it: the search box and
    when the timed search began. An Enter is lost now and then on a new page too (about one in ten right
    after a reload, cause unknown), so a lost one opens the page once more, up to `REOPEN_TRIES` times."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    def searched(text: str) -> bool:
        box.fill(text)
        box.press("Enter")
        try:
            page.wait_for_function("() => window.__rerunDone !== null", polling="raf", timeout=REOPENED_WAIT_MS)
            return True
        except PlaywrightTimeoutError:
            return False

    for _ in range(REOPEN_TRIES):
        page.reload()
        page.locator("[data-testid='stDataFrame']").wait_for(timeout=PAINT_TIMEOUT_MS)
        page.wait_for_timeout(SETTLE_S * 1000)
        box = page.get_by_role("textbox", name="Search")
        if box.input_value() == query:
            # The new session's box already holds this search (an empty one, ""): its Enter would rerun
            # nothing, so another search goes first, untimed.
            page.evaluate(_RERUN_CLOCK)
            if not searched(query + " "):
                continue
        page.evaluate(_RERUN_CLOCK)
        began = time.perf_counter()
        if searched(query):
            return box, began
    raise RuntimeError(f"a Places search ({query!r}) never reran the page, on {REOPEN_TRIES} pages opened anew")


def server_rss_with_sessions(url: str, pid: int, start: date, sessions: int, browser) -> float:
    pages = []
    for _ in range(sessions):
        page = _new_page(browser)
        page.goto(f"{url}/?date={start.isoformat()}")
        _wait_painted(page, start.isoformat())
        pages.append(page)
    time.sleep(2)
    rss = rss_mb(pid)
    for page in pages:
        page.context.close()
    return rss


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def summary(run: SliderRun) -> dict:
    return {"p50_ms": statistics.median(run.step_ms), "p95_ms": percentile(run.step_ms, 0.95),
            "bytes_median": statistics.median(run.bytes_per_step), "steps": len(run.step_ms)}


_EXPORT_LAYER = "Object.values(window).find(v => window.L && v instanceof L.ControlLayer)"


def measure_export_paint(path: Path, loads: int, browser) -> list[float]:
    """Seconds from navigation to the exported file's first painted frame of towns, opened from file://
    with every other request (tiles) refused, in fresh tabs."""
    times = []
    for _ in range(loads):
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                      else route.abort())
        page = context.new_page()
        page.goto(Path(path).resolve().as_uri(), wait_until="commit")
        page.wait_for_function(f"() => {{ const layer = {_EXPORT_LAYER}; return !!layer && layer.shownTowns() > 0; }}",
                               polling="raf", timeout=120_000)
        # The frame after the one that drew the towns: they are on screen.
        times.append(page.evaluate("() => new Promise(done => requestAnimationFrame(() => done(performance.now())))")
                     / 1000)
        context.close()
    return times
