"""`python -m geo export-html` and ui/export.py: one self-contained file, written whole or not at all."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from geo.io.read import read_layer
from ui.export import export_html, write_export
from ui.folium_control.assets import script_json
from ui.folium_control.town_history import QUOTE_CHARS, histories
from ui.style import LEAFLET_VERSION, load_force_styles
from ui.map_payload import map_payload
from tests.fixtures.make_layer import PAYLOAD_QUOTE, write_layer

ROOT = Path(__file__).resolve().parent.parent


def _export(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "geo", "export-html", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_the_file_carries_everything_it_needs_and_links_nothing(tmp_path):
    layer = read_layer(write_layer(tmp_path / "build", injected=True))
    html = export_html(layer, load_force_styles(), None, tiles=False)
    assert "L.controlLayer(" in html and "L.control.controlTimeline(" in html and "L.control.townHistory(" in html
    assert f"Leaflet {LEAFLET_VERSION}" in html  # inlined, not linked
    assert not re.search(r"<(script|link)[^>]+(src|href)=", html), "a script or stylesheet left as a link"


def test_article_markup_never_ends_the_script_it_travels_in(tmp_path):
    layer = read_layer(write_layer(tmp_path / "build", injected=True))
    html = export_html(layer, load_force_styles(), None, tiles=False)
    # The quote's <script>…</script> and <img onerror> go as \\u003c escapes inside JSON: the page's only
    # tags are its own.
    assert "<img src=x" not in html and "window.__xss=1;alert('script')</script>" not in html
    assert json.loads(script_json(PAYLOAD_QUOTE)) == PAYLOAD_QUOTE
    assert "<" not in script_json({"a": "</script><script>alert(1)</script>", "b": "\u2028"})


def test_a_towns_history_lines_up_with_its_periods_on_the_map(tmp_path):
    layer = read_layer(write_layer(tmp_path / "build", injected=True))
    payload = map_payload(layer.periods, layer.zones, load_force_styles(), None)
    table = histories(layer.periods, payload["towns"]["id"])
    assert len(table["towns"]) == len(payload["towns"]["id"])
    for notes, rows in zip(table["towns"], payload["towns"]["periods"]):
        assert len(notes) == len(rows)  # one note per period the map draws, in the same order
    mayadin = payload["towns"]["id"].index("mayadin")
    quotes = [ev[4] for period in table["towns"][mayadin] for ev in period[1:]]
    assert any(q.startswith(PAYLOAD_QUOTE[:40]) for q in quotes)
    assert all(len(q) <= QUOTE_CHARS for town in table["towns"] for period in town for q in
               (ev[4] for ev in period[1:]))


def test_a_failed_write_leaves_the_previous_file_as_it_was(tmp_path, monkeypatch):
    out = tmp_path / "map.html"
    out.write_text("previous")

    def broken(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken)
    with pytest.raises(OSError):
        write_export("<html>new</html>", out)
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["map.html"]  # no temporary file left behind


def test_the_command_writes_the_file_and_says_so(tmp_path):
    build = write_layer(tmp_path / "build")
    done = _export("--build", str(build), "--out", str(tmp_path / "map.html"), "--no-tiles")
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stderr and (tmp_path / "map.html").stat().st_size > 100_000


def test_the_command_names_a_missing_build_and_writes_nothing(tmp_path):
    done = _export("--build", str(tmp_path / "nothing"), "--out", str(tmp_path / "map.html"))
    assert done.returncode == 2
    assert "nothing" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "map.html").exists()


def test_the_command_names_a_missing_output_folder(tmp_path):
    build = write_layer(tmp_path / "build")
    done = _export("--build", str(build), "--out", str(tmp_path / "no" / "map.html"))
    assert done.returncode == 2 and "no such folder" in done.stderr


def test_a_missing_leaflet_copy_is_named_with_what_to_run(tmp_path, monkeypatch):
    from ui.folium_control.assets import AssetError, InlineLeaflet

    layer = read_layer(write_layer(tmp_path / "build"))
    missing = tmp_path / "static" / "vendor" / "leaflet" / "dist" / "leaflet.js"
    monkeypatch.setattr(InlineLeaflet, "inline_js", (missing,))
    monkeypatch.setattr("ui.folium_control.assets.VENDOR_LEAFLET", missing.parent)
    with pytest.raises(AssetError, match=r"leaflet\.js.*make install"):
        export_html(layer, load_force_styles(), None)
