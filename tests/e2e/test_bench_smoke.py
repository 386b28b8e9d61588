"""`make bench` at tiny sizes: the benchmarks still run end to end and measure what they claim to."""

from __future__ import annotations

import json
import warnings
from concurrent.futures import ThreadPoolExecutor

import pytest

from bench.run import TARGETS, run


@pytest.mark.timeout(900)  # every part of the benchmark, each with its own servers and browser
def test_bench_smoke_measures_every_metric(tmp_path, monkeypatch):
    out = tmp_path / "results.json"
    # The corpus generator's list of usable towns is cached beside the bench; here in the test's own folder.
    monkeypatch.setattr("bench.corpus.CACHE_DIR", tmp_path / "bench-cache")
    # In a thread of its own: the benchmark starts Playwright's sync API, which refuses to start in a thread
    # where another test's browser (the session's `browser` fixture) already runs its event loop.
    with ThreadPoolExecutor(max_workers=1) as worker:
        results = worker.submit(run, smoke=True, out=out).result()
    assert json.loads(out.read_text(encoding="utf-8"))["smoke"] is True
    for metric in ("build_articles_per_s", "build_mb_per_s", "build_peak_rss_mb", "slider_p50_ms", "slider_p95_ms",
                   "naive_p50_ms", "naive_over_slider_p50", "first_paint_s", "server_rss_mb", "bytes_per_step_1k",
                   "bytes_per_step_10k", "export_mb", "export_first_paint_s", "map_step_p50_ms", "sidebar_step_p50_ms",
                   "places_rerun_p50_ms"):
        assert results[metric] > 0, metric
    assert set(results["targets"]) == set(TARGETS)
    # A Places search whose Enter never reran the page is timed again on the page opened anew; said, so that a
    # CI log shows how often that happens (the cause is not found).
    if results["places_searches_reopened"]:
        warnings.warn(f"{results['places_searches_reopened']} Places search(es) never reran the page; "
                      "timed again on the page opened anew")
    # The load part ran its tabs through a soak: each stepped its map and moved its sidebar at least once.
    assert results["load_sessions"] == 2 and results["load_errors"] == []
    assert results["load_map_steps"] > 0 and results["load_sidebar_steps"] >= 2
    assert results["load_url_lag_max_steps"] is not None
    # With the extraction cache, a rebuild extracted nothing, and one added article only that one.
    assert results["warm_breakdown"]["extracted"] == 0 and results["add_one_breakdown"]["extracted"] == 1
    assert results["add_one_published_s"] > 0 and results["cold_build_s"] > 0
    # The build really built the generated corpus...
    assert results["build_towns"] and results["build_towns"] > 10
    # ...and a map step sends far less than the naive variant, which ships the whole map each time.
    assert results["bytes_per_step_10k"] < results["naive_bytes_per_step_10k"]


@pytest.mark.timeout(600)
def test_a_search_timed_again_on_a_new_page_reruns_even_the_empty_search(app_url, browser, monkeypatch):
    # The path of a lost Enter, here taken by every search: the page is opened anew and the search timed there.
    # A new page's box is empty, so the empty search ("") needs another typed before it, or its Enter reruns
    # nothing; it used to wait two minutes there and fail the whole benchmark (and an Enter lost on the new
    # page too opens it once more).
    from bench import browser as bench_browser

    monkeypatch.setattr(bench_browser, "ENTER_LOST_MS", 1)
    # A rerun of the Places page takes well under a second; the bench waits 30 s before it calls an Enter lost.
    monkeypatch.setattr(bench_browser, "REOPENED_WAIT_MS", 10_000)
    run = bench_browser.measure_places(app_url, ["a", "al", ""], browser)
    assert run.reopened == 3 and len(run.rerun_ms) == 3 and all(ms > 0 for ms in run.rerun_ms)
