"""Real `streamlit run dashboard.py` servers over a layer folder that changes under them: a rebuild is
shown without a restart (and the downloads are of the build shown), the first visitors of an empty folder
build the demo corpus once between them, and a folder of someone else's files is never built into.

The layers are written under tmp with geo.io.write; only the visitors' test builds the real demo corpus
(data/articles, read only) into tmp.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.browser import streamlit_server
from geo.io.write import write_layer_atomically
from tests.e2e.browser import wait_for_app
from tests.fixtures.make_layer import write_layer

ROOT = Path(__file__).resolve().parents[2]
BUILD_NAME = re.compile(r"^\d{6,}-[0-9a-f]{8}$")
DEMO_BUILD_S = 600  # the demo corpus builds in 15-60 s on two busy cores; four sessions wait for one build


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory) -> dict[str, str]:
    folder = write_layer(tmp_path_factory.mktemp("fixture") / "layer")
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


def marked(files: dict[str, str], mark: str) -> dict[str, str]:
    """The fixture layer with `mark` in the first article's title and in the first town's name."""
    report = json.loads(files["report.json"])
    report["articles"][0]["title"] = f"{mark} article"
    control = json.loads(files["control.geojson"])
    control["features"][0]["properties"]["name"] = f"{mark} town"
    return {**files, "report.json": json.dumps(report), "control.geojson": json.dumps(control)}


def _sources(page, url: str):
    page.goto(f"{url}/sources")
    wait_for_app(page)


def test_a_running_dashboard_shows_a_rebuilt_layer_and_downloads_it(page, tmp_path, fixture_files):
    out = tmp_path / "build"
    write_layer_atomically(out, marked(fixture_files, "Build A"))
    with streamlit_server(ROOT / "dashboard.py", out, log=tmp_path / "server.log") as (url, _):
        _sources(page, url)
        expect(page.get_by_role("heading", name="Build A article")).to_be_visible()

        rebuilt = marked(fixture_files, "Build B")
        write_layer_atomically(out, rebuilt)
        _sources(page, url)  # the next run, on the same server: no restart
        expect(page.get_by_role("heading", name="Build B article")).to_be_visible()
        expect(page.get_by_text("Build A article")).to_have_count(0)

        page.goto(f"{url}/method")
        wait_for_app(page)
        with page.expect_download() as download:
            page.get_by_role("button", name="Download control.geojson").click()
        assert Path(download.value.path()).read_text(encoding="utf-8") == rebuilt["control.geojson"]


def test_first_visitors_of_an_empty_folder_build_the_demo_once(browser, tmp_path):
    out = tmp_path / "build"
    out.mkdir()
    with streamlit_server(ROOT / "dashboard.py", out, log=tmp_path / "server.log") as (url, _):
        contexts = [browser.new_context(viewport={"width": 1200, "height": 800}) for _ in range(4)]
        try:
            pages = [context.new_page() for context in contexts]
            for page in pages:  # all four arrive while the first build runs
                page.goto(url)
            for page in pages:  # each goes on to the map once the layer is there
                maps = page.locator("iframe[src*='st_folium']")
                # (while a rerun replaces the page, the run before's map may still stand beside the new one)
                expect(maps.last).to_be_visible(timeout=DEMO_BUILD_S * 1000)
                expect(maps).to_have_count(1, timeout=60_000)
                expect(page.get_by_test_id("stAlertContentError")).to_have_count(0)
        finally:
            for context in contexts:
                context.close()
        builds = [p.name for p in (out / "versions").iterdir() if BUILD_NAME.match(p.name)]
        assert len(builds) == 1, builds
        record = json.loads((out / "versions" / builds[0] / "build.json").read_text())
        assert record["articles"] == str((ROOT / "data" / "articles").resolve())
        assert "Traceback" not in (tmp_path / "server.log").read_text(errors="replace")


def test_a_folder_of_other_files_is_never_built_into(page, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes\n")
    (out / "sub").mkdir()
    (out / "sub" / "important.csv").write_text("a,b\n1,2\n")
    with streamlit_server(ROOT / "dashboard.py", out, log=tmp_path / "server.log") as (url, _):
        page.goto(url)
        wait_for_app(page)
        expect(page.get_by_text("refusing to build into this folder")).to_be_visible()
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*")) == ["notes.txt", "sub", "sub/important.csv"]
    assert (out / "sub" / "important.csv").read_text() == "a,b\n1,2\n"
