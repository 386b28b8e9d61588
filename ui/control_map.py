"""The map component: Leaflet in the browser, sent the layer once and then only the date.

Why not streamlit-folium for the live map: it sends the whole map (every town) on each slider step, and
measured at 2,000 towns in headless Chromium a step took 420–860 ms, growing with the towns (see the
README's Scale section). Here the layer is published once as a static file (`static/layers/<digest>.json`,
served by Streamlit's static file serving, beside a gzipped copy the browser fetches and unpacks itself:
Streamlit's server would otherwise gzip the file anew on every load, in its event loop, about 0.2 s for
the 4 MB of a 10,000-town layer) and the component's arguments are a handful of small values:
the date, the selected town, the toggles. The component has its own timeline bar under the map whose steps
repaint in the browser at once and report the date back; the sidebar slider and a shared link move it too.

folium is still how the map is exported (ui/map.py builds the standalone HTML snapshot of a date).
"""

from __future__ import annotations

import gzip
import os
from datetime import date
from pathlib import Path

import streamlit.components.v1 as components

from ui.map import TILES_ENV, asset_mode  # one switch for both renderers
from ui.map_payload import day_number, encode

ROOT = Path(__file__).resolve().parent.parent
FRONTEND_DIR = Path(__file__).resolve().parent / "components" / "control_map"
#: Published payloads; Streamlit serves ./static at /app/static (server.enableStaticServing).
LAYERS_DIR = ROOT / "static" / "layers"
LAYERS_URL = "/app/static/layers"
KEEP_PUBLISHED = 4  # older payloads are removed; a tab still open on one refetches on its next mount
PACKED_SUFFIX = ".gz"  # served as application/gzip, which Streamlit's server passes through untouched

_component = components.declare_component("control_map", path=str(FRONTEND_DIR))


def _write_once(target: Path, data: bytes) -> None:
    if not target.exists():
        partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        partial.write_bytes(data)
        partial.replace(target)


def publish(payload: dict, directory: Path = LAYERS_DIR) -> str:
    """Write the payload as `<digest>.json` and `<digest>.json.gz` (atomically, once per content, the
    packed copy first so that a `.json` is never without it); return the `.json` name."""
    data, digest = encode(payload)
    directory.mkdir(parents=True, exist_ok=True)
    name = f"{digest}.json"
    _write_once(directory / (name + PACKED_SUFFIX), gzip.compress(data, compresslevel=9, mtime=0))
    _write_once(directory / name, data)
    published = sorted(directory.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in published[KEEP_PUBLISHED:]:
        if old.name != name:
            old.unlink(missing_ok=True)
            old.with_name(old.name + PACKED_SUFFIX).unlink(missing_ok=True)
    return name


def control_map(
    payload_name: str,
    day: date,
    lo: date,
    hi: date,
    changes: tuple[date, ...],
    *,
    revision: int,
    selected: str | None = None,
    focus: tuple[float, float] | None = None,
    show_zones: bool = True,
    show_towns: bool = True,
    report_ready: bool = False,
    height: int = 620,
    key: str = "control_map",
    on_change=None,
):
    """Draw the map; return its last event: {"kind": "date", "date": "YYYY-MM-DD", "n": …} after a step on
    its timeline, {"kind": "click", "place_id": …, "n": …} after a click on a town, {"kind": "ready", "n": …}
    once it has painted (or shown why it cannot) when `report_ready` is set, or None.

    `revision` goes up whenever the date was set from outside the map (sidebar, link, play): only then
    does the map jump to `day`, so its own quick steps are never pulled back by a slower rerun."""
    return _component(
        layer_url=f"{LAYERS_URL}/{payload_name}",
        day=day_number(day), lo=day_number(lo), hi=day_number(hi),
        changes=[day_number(d) for d in changes if lo <= d <= hi],
        revision=revision,
        selected=selected,
        focus=list(focus) if focus else None,
        show_zones=show_zones, show_towns=show_towns, report_ready=report_ready,
        tiles=(os.environ.get(TILES_ENV, "osm") or "osm").lower(),
        leaflet=asset_mode(),  # the frame knows the two places and the hashes; this only picks one
        height=height,
        key=key, default=None, on_change=on_change,
    )


def event_date(event: dict | None) -> date | None:
    """The date a map event reported, or None when it is not a well-formed date event."""
    if not isinstance(event, dict) or event.get("kind") != "date":
        return None
    try:
        return date.fromisoformat(str(event.get("date")))
    except ValueError:
        return None
