"""Many readers at once: tabs that step the map's timeline without pause, and now and then the sidebar slider.

Each tab (its own browser context, so its own Streamlit session) opens the map, then until the soak ends:
presses ArrowRight/ArrowLeft on the map's timeline every `step_s` (a reader holding a key down, bouncing
inside a window of dates), and every `sidebar_every_s` moves the sidebar's date slider one day and times it
until its map has painted that date. At the end every tab stops, and after a pause the link's `?date=` is
compared with the date its map shows.

What the figures mean:

- `sidebar_ms`: sidebar slider key press → the tab's map painted at the slider's new date (the server's
  rerun of the whole page, under the load of every other tab's map steps);
- a **starved** session is one whose sidebar step did not reach its map within `STARVED_S`, or that made no
  sidebar step at all over the soak;
- `url_lag_steps`: how many map steps the link's date is behind the map's, after the pause, per tab.

All tabs run in one Chromium on the same machine as the server, as a shared 2-core box would have them.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bench import browser

STARVED_S = 30.0
SETTLE_S = 4.0  # after the last step: the last report and its rerun land
PAINTED_JS = """d => Array.from(document.querySelectorAll('iframe')).some(f => {
    try { return f.contentDocument && f.contentDocument.body && f.contentDocument.body.dataset.painted === d; }
    catch (e) { return false; }
})"""
SLIDER = "[data-testid='stSlider'] input[type='range']"
CHART = "[data-testid='stVegaLiteChart'] svg"  # the bench layer has areas, so its map page draws the chart
# The sidebar slider's value as its key press finds it, read in the page by a listener that runs before the
# slider's own: the value the press steps from. Read from here before the press, it could be older than what
# the thumb showed when the key reached it (the tab applying a rerun meanwhile: the map's report of its date).
KEY_FROM_JS = """sel => document.addEventListener("keydown", event => {
    if (event.target instanceof Element && event.target.matches(sel)) {
        const input = event.target;
        window.__sliderFrom = [input.getAttribute("aria-valuetext"), input.value === input.min, input.value === input.max];
    }
}, true)"""
MAP_DAY_JS = """() => {
    for (const f of document.querySelectorAll('iframe')) {
        try { const m = f.contentWindow.controlMap; if (m) return m.day(); } catch (e) {}
    }
    return null;
}"""


@dataclass
class SessionResult:
    sidebar_ms: list[float] = field(default_factory=list)
    sidebar_missed: int = 0
    map_steps: int = 0
    url_lag_steps: int | None = None
    error: str | None = None


@dataclass
class LoadResult:
    sessions: list[SessionResult]
    seconds: float
    rss_start_mb: float
    rss_end_mb: float
    server_cpu_s: float  # CPU time the server used during the soak

    def summary(self) -> dict:
        times = [t for s in self.sessions for t in s.sidebar_ms]
        lags = [s.url_lag_steps for s in self.sessions if s.url_lag_steps is not None]
        starved = sum(1 for s in self.sessions if s.error or s.sidebar_missed or not s.sidebar_ms)
        return {
            "load_sessions": len(self.sessions),
            "load_seconds": round(self.seconds, 1),
            "load_map_steps": sum(s.map_steps for s in self.sessions),
            "load_sidebar_steps": len(times),
            "load_sidebar_p50_ms": round(statistics.median(times), 1) if times else None,
            "load_sidebar_p95_ms": round(browser.percentile(times, 0.95), 1) if times else None,
            "load_starved_sessions": starved,
            "load_url_lag_max_steps": max(lags) if len(lags) == len(self.sessions) else None,
            "load_server_rss_start_mb": round(self.rss_start_mb, 1),
            "load_server_rss_end_mb": round(self.rss_end_mb, 1),
            # Of one core: above ~90 % the server is what limits the readers, below it the browsers are.
            "load_server_cpu_percent": round(100 * self.server_cpu_s / self.seconds, 1) if self.seconds else None,
            "load_errors": sorted({s.error for s in self.sessions if s.error}),
        }


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (its threads included), from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _map_frame(page):
    for frame in page.frames:
        if browser.MAP_FRAME in (frame.url or ""):
            return frame
    return None


async def _open(browser_, url: str, start: date):
    context = await browser_.new_context(viewport={"width": 1300, "height": 900})
    await context.route("**/*", lambda route: route.continue_() if route.request.url.startswith("http://127.0.0.1")
                        else route.abort())
    page = await context.new_page()
    await page.goto(f"{url}/?date={start.isoformat()}", timeout=180_000)
    await page.wait_for_function(PAINTED_JS, arg=start.isoformat(), polling=100, timeout=180_000)
    # The sidebar's controls come with the rerun after the map's first paint (see ui/controls.sidebar), and
    # with them the area chart, whose library the tab then loads and draws. A tab is open once it has: the
    # soak measures readers stepping, not twenty pages still loading at the same moment (that herd is the
    # first-paint benchmark's, bench/browser.py).
    await page.locator(SLIDER).first.wait_for(timeout=180_000)
    await page.locator(CHART).first.wait_for(timeout=180_000)
    await page.evaluate(KEY_FROM_JS, SLIDER)
    return context, page


async def _sidebar_step(page, result: SessionResult) -> date | None:
    """One day on the sidebar slider; the date the map should then show, once it has (None if never, or if
    the press moved nothing)."""
    thumb = page.locator(SLIDER).first
    await thumb.focus()
    # Forward, unless the last press found the slider on its last day (that press then moved nothing).
    last = await page.evaluate("() => { const last = window.__sliderFrom; window.__sliderFrom = null; return last; }")
    key, days = ("ArrowLeft", -1) if last and last[2] else ("ArrowRight", 1)
    began = time.perf_counter()
    await page.keyboard.press(key)
    pressed = await page.evaluate("() => window.__sliderFrom")
    if not pressed:
        return None  # the key went elsewhere (the slider drawn anew under the focus): not a sidebar step
    text, at_first, at_last = pressed
    if at_last if days > 0 else at_first:
        return None  # already on its last (first) day: the press moved nothing
    target = date.fromisoformat(text.strip()) + timedelta(days=days)
    try:
        await page.wait_for_function(PAINTED_JS, arg=target.isoformat(), polling="raf", timeout=STARVED_S * 1000)
        result.sidebar_ms.append((time.perf_counter() - began) * 1000)
        return target
    except Exception:
        result.sidebar_missed += 1
        return None


async def _session(index: int, browser_, url: str, start: date, window_days: int, soak_s: float, step_s: float,
                   sidebar_every_s: float, opened: asyncio.Barrier, result: SessionResult) -> None:
    context = None
    try:
        try:
            context, page = await _open(browser_, url, start)
        finally:
            await opened.wait()  # the soak starts when every tab has opened, or failed to
        frame = _map_frame(page)
        timeline = frame.locator("#day")
        await timeline.focus()
        lo, hi = start, start + timedelta(days=window_days)
        direction = "ArrowRight"
        deadline = time.monotonic() + soak_s
        next_sidebar = time.monotonic() + sidebar_every_s * (index + 1) / 20  # spread the tabs' sidebar steps
        day = start
        while time.monotonic() < deadline:
            if time.monotonic() >= next_sidebar:
                moved = await _sidebar_step(page, result)
                next_sidebar = time.monotonic() + sidebar_every_s
                frame = _map_frame(page) or frame
                timeline = frame.locator("#day")
                await timeline.focus()
                day = moved or date.fromisoformat(await frame.evaluate("() => window.controlMap.day()"))
            if day >= hi:
                direction = "ArrowLeft"
            elif day <= lo:
                direction = "ArrowRight"
            # Keys to the focused timeline, as a reader holding one down: no per-press actionability checks,
            # which wait for animation frames that a tab among twenty gets few of.
            await page.keyboard.press(direction)
            day += timedelta(days=1 if direction == "ArrowRight" else -1)
            result.map_steps += 1
            await asyncio.sleep(step_s)
        await asyncio.sleep(SETTLE_S)
        shown = await page.evaluate(MAP_DAY_JS)
        linked = parse_qs(urlsplit(page.url).query).get("date", [None])[0]
        if shown and linked:
            result.url_lag_steps = abs((date.fromisoformat(shown) - date.fromisoformat(linked)).days)
    except Exception as error:  # one broken tab is reported, the others go on
        result.error = f"{type(error).__name__}: {str(error).splitlines()[0][:200]}"
    finally:
        if context is not None:
            await context.close()


async def _run(url: str, server_pid: int, start: date, sessions: int, soak_s: float, step_s: float,
               sidebar_every_s: float, window_days: int) -> LoadResult:
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=browser.CHROMIUM,
                                                    args=["--no-sandbox", "--disable-gpu"])
        # One tab first: the server loads the layer and publishes the map once, as for the first reader of
        # a deployment; the soak measures the readers after it.
        warm, _ = await _open(chromium, url, start)
        await warm.close()
        results = [SessionResult() for _ in range(sessions)]
        opened = asyncio.Barrier(sessions + 1)
        tasks = [asyncio.create_task(_session(i, chromium, url, start, window_days, soak_s, step_s, sidebar_every_s,
                                              opened, results[i])) for i in range(sessions)]
        try:
            await asyncio.wait_for(opened.wait(), timeout=600)
        except (asyncio.TimeoutError, asyncio.BrokenBarrierError):
            pass
        rss_start, cpu_start = browser.rss_mb(server_pid), cpu_seconds(server_pid)
        began = time.perf_counter()
        await asyncio.gather(*tasks)
        seconds = time.perf_counter() - began
        rss_end, cpu = browser.rss_mb(server_pid), cpu_seconds(server_pid) - cpu_start
        await chromium.close()
    return LoadResult(results, seconds, rss_start, rss_end, cpu)


def measure_load(url: str, server_pid: int, start: date, sessions: int = 20, soak_s: float = 120.0,
                 step_s: float = 0.5, sidebar_every_s: float = 8.0, window_days: int = 30) -> LoadResult:
    """`sessions` tabs stepping the map of the server at `url` for `soak_s` seconds (see the module's doc)."""
    return asyncio.run(_run(url, server_pid, start, sessions, soak_s, step_s, sidebar_every_s, window_days))
