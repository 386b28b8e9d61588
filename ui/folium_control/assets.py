"""The plugin's scripts and styles: linked from the dashboard's server, or written into a standalone page.

They live in `static/folium_control/`, which Streamlit's static file serving publishes at
`/app/static/folium_control/`. The live map (folium's JSCSSMixin links, which streamlit-folium loads into
its frame one at a time) links its stylesheet and `layer_fetch.js` there, and its other scripts as one
published file (`live_bundle`, ui/publish.py). A standalone file must open from `file://` with no network,
so the export writes Leaflet and the same files into the page itself (`InlineAssets`).
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from branca.element import Element, Figure, MacroElement

STATIC_DIR = Path(__file__).resolve().parent.parent.parent / "static"
ASSET_DIR = STATIC_DIR / "folium_control"
#: Where Streamlit's static file serving publishes ASSET_DIR.
ASSET_URL = "/app/static/folium_control"
VENDOR_LEAFLET = STATIC_DIR / "vendor" / "leaflet" / "dist"
#: The plugin's scripts in load order: what control_layer.js draws with comes first.
PLUGIN_JS = ("canvas_sheet.js", "zone_cells.js", "pixel_sheet.js", "town_dots.js", "control_layer.js")
PLUGIN_CSS = ("control_layer.css",)


class AssetError(RuntimeError):
    """An asset file is missing; the message names it and what to do."""


def read_asset(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        hint = " (Leaflet is fetched by `make install`: scripts/vendor.sh)" if VENDOR_LEAFLET in path.parents else ""
        raise AssetError(f"{path}: cannot read the map's asset: {exc.strerror or exc}{hint}") from None
    if "</script" in text.lower() or "</style" in text.lower():  # would end the element it is written into
        raise AssetError(f"{path}: cannot be inlined: it contains a closing script or style tag")
    return text


def script_json(value) -> str:
    """JSON to write inside a <script>: no "<", ">" or "&" (a name like "</script><script>…" stays a string)
    and no U+2028/U+2029 (line ends to JavaScript)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


#: The live map's scripts (ui/live_map.py), in load order: the plugin's and its link to the page; and the
#: script loaded before them, which starts the layer's download (it defines what control_link.js fetches with).
LIVE_JS = (*PLUGIN_JS, "control_link.js")
LAYER_FETCH_JS = "layer_fetch.js"


@cache
def live_bundle() -> str:
    """The live map's scripts as one text, published as one file (ui/publish.py publish_script): loaded one
    by one, each cost a request of ≈ 50 ms while the server runs the page's first script, ≈ 0.3 s of
    the first paint at 10,000 towns."""
    return "\n".join(f"// {name}\n{read_asset(ASSET_DIR / name)}" for name in LIVE_JS)


@cache
def asset_url(name: str) -> str:
    """The served URL of a file in static/folium_control, with its content's digest: a browser never uses a
    stale copy after an upgrade, and keeps a current one cached."""
    digest = hashlib.sha256(read_asset(ASSET_DIR / name).encode("utf-8")).hexdigest()[:12]
    return f"{ASSET_URL}/{name}?v={digest}"


class InlineAssets(MacroElement):
    """Adds `inline_js` and `inline_css` (paths) to the page's header once each, in order."""

    inline_js: tuple[Path, ...] = ()
    inline_css: tuple[Path, ...] = ()

    def render(self, **kwargs):
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError("this element must be in a folium Map that is in a Figure")
        for path in self.inline_css:
            figure.header.add_child(Element(f"<style>{read_asset(path)}</style>"), name=f"inline-css-{path.name}")
        for path in self.inline_js:
            figure.header.add_child(Element(f"<script>{read_asset(path)}</script>"), name=f"inline-js-{path.name}")
        super().render(**kwargs)


class InlineLeaflet(InlineAssets):
    """Leaflet itself, from the copy `make install` vendors (the version folium pins, see ui/style.py)."""

    inline_js = (VENDOR_LEAFLET / "leaflet.js",)
    inline_css = (VENDOR_LEAFLET / "leaflet.css",)


class PluginAssets(InlineAssets):
    inline_js = tuple(ASSET_DIR / name for name in PLUGIN_JS)
    inline_css = tuple(ASSET_DIR / name for name in PLUGIN_CSS)
