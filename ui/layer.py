"""Loading at the boundary: the build directory, the layer, forces and borders, cached for the app.

Everything expensive is cached here and nowhere else. Folium objects are never cached (they are mutated
when rendered); the cached values are the validated layer and plain GeoJSON dicts.
"""

from __future__ import annotations

import fcntl
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from geo.io.read import ControlPeriod, Layer, LayerError, LayerVersion, current_version, layer_exists, read_build
from geo.io.write import (FOLDER_MARKER, LOCK_FILE, LayerFolderError, demo_build_refusal, incoming_folder, layer_lock, publish_built_layer,
                          recover_interrupted_swap)
from geo.schema import UNKNOWN_FORCE
from ui.style import ForceStyle, load_force_styles
from ui.text import md_escape
from ui.url import LinkIndex, PlaceName, link_index, place_keys

ROOT = Path(__file__).resolve().parent.parent
BUILD_DIR_ENV = "GEO_BUILD_DIR"
ARTICLES_DIR = ROOT / "data" / "articles"
_LOG = logging.getLogger(__name__)


def build_dir() -> Path:
    path = Path(os.environ.get(BUILD_DIR_ENV) or "data/build")
    return path if path.is_absolute() else ROOT / path


def _fingerprint(directory: Path) -> LayerVersion:
    """The build of `directory` to read now: a new one with every build published (geo.io.read)."""
    return current_version(directory)


@st.cache_resource(show_spinner=False, max_entries=4)
def _read(folder: str, version: str) -> Layer:
    # `version` is there for the cache key alone: a rebuild publishes a new version, so the next rerun of
    # any session reads it. (Streamlit leaves arguments named with a leading underscore out of the key.)
    return read_build(LayerVersion(Path(folder), version))


#: A build being read can be removed when two newer ones are published meanwhile (or a plain folder's files
#: replaced): then read what is current.
_LOAD_ATTEMPTS = 3


def load() -> Layer:
    """The layer of the build directory (validated; shared read-only between sessions): the build published
    when this rerun began, all its files from that one build (the downloads too: `Layer.build_dir`)."""
    directory = build_dir()
    for attempt in range(_LOAD_ATTEMPTS):
        version = _fingerprint(directory)
        try:
            return _read(str(version.folder), version.key)
        except LayerError:
            if attempt + 1 == _LOAD_ATTEMPTS or _fingerprint(directory) == version:
                raise
    raise AssertionError("unreachable")  # the last attempt returns or raises


def _build_command(articles: Path, out: Path) -> list[str]:
    from geo.extraction_cache import cache_path_for

    # `out` is a folder of its own inside the layer folder, gone once published: the extraction cache is the
    # layer folder's, for the rebuilds that come after (python -m geo add, the Sources page).
    return [sys.executable, "-m", "geo", "build", "--articles", str(articles), "--out", str(out), "--quiet",
            "--cache", str(cache_path_for(build_dir()))]


def _stop(message: str) -> None:
    st.error(message)
    st.stop()  # raises in a running app; the callers return after it for a call outside one


def _being_built(directory: Path) -> bool:
    """Someone holds the folder's build lock right now (checked without creating anything in the folder)."""
    try:
        fd = os.open(directory / LOCK_FILE, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # also lets go of the shared lock taken to look
    return False


def ensure_built() -> None:
    """Build the layer from data/articles when the build directory has none, showing progress.

    Every session of a fresh deployment arrives here at once: one builds, under the layer folder's lock
    (geo.io.write.layer_lock, across processes and threads), and the others wait for it and read what it
    published. What a killed build left is recovered first, and a build is published only into a missing or
    empty folder or over a build of the demo corpus (geo.io.write.demo_build_refusal), never over anyone's
    work. It is built in a folder of its own and moved in once done, while the lock is held throughout, so
    no other build can be published in between."""
    directory = build_dir()
    if layer_exists(directory):
        return
    shown = shown_path(str(directory), directory)  # what a visitor may read: not the server's paths
    try:
        recover_interrupted_swap(directory)  # a build of the earlier layout killed mid-swap: put its layer back
        if layer_exists(directory):
            return
        refusal = demo_build_refusal(directory, ARTICLES_DIR)
    except OSError as exc:  # e.g. a folder the app may not read
        return _stop(shown_path(f"There is no layer to show, and {shown} cannot be checked for one: {exc}", directory))
    # A folder may look foreign only because another session is building into it right now (the check under
    # the lock below decides for those). The lock is looked at before the marker: a build that finishes in
    # between has written its marker before letting go of the lock, so one of the two is seen.
    if refusal and not (_being_built(directory) or (directory / FOLDER_MARKER).is_file() or layer_exists(directory)):
        # Any other is refused before anything is created in it.
        return _stop(shown_path(f"There is no layer to show, and the dashboard does not build one here. {refusal}. Point "
                     f"{BUILD_DIR_ENV} at a layer folder, or at a new or empty one for the demo layer.", directory))
    with st.status(f"No layer in {shown} yet: building it from {ARTICLES_DIR.name}/ …", expanded=True) as status:
        def waiting() -> None:
            status.update(label=f"Another session is building the layer in {shown}: waiting for it …")

        try:
            with layer_lock(directory, on_wait=waiting):
                if layer_exists(directory):  # the session we waited for built it
                    status.update(label=f"Layer built in {shown}", state="complete", expanded=False)
                    return None
                refusal = demo_build_refusal(directory, ARTICLES_DIR)
                if refusal:
                    status.update(label="The layer cannot be built here", state="error")
                    return _stop(shown_path(refusal, directory))
                st.write("Running `python -m geo build` (reading articles, resolving places, dating events).")
                with incoming_folder(directory) as incoming:
                    done = subprocess.run(_build_command(ARTICLES_DIR, incoming / "layer"), cwd=ROOT,
                                          capture_output=True, text=True, timeout=600)
                    if done.returncode != 0:
                        status.update(label="The build failed", state="error")
                        st.text((done.stderr or done.stdout or "")[-2000:])
                        return _stop("`python -m geo build` failed; run `make build` in a terminal to see why.")
                    publish_built_layer(directory, incoming / "layer", ARTICLES_DIR)
        except (OSError, subprocess.TimeoutExpired, LayerFolderError) as exc:
            status.update(label="The build could not run", state="error")
            return _stop(shown_path(f"The layer could not be built in {shown}: {exc}", directory))
        status.update(label=f"Layer built in {shown}", state="complete", expanded=False)
    return None


def shown_path(text: str, directory: Path) -> str:
    """`text` with the layer folder's server path replaced by the name readers may see: the folder relative
    to the project, or "the layer folder" for one elsewhere (GEO_BUILD_DIR)."""
    try:
        name = directory.resolve().relative_to(ROOT).as_posix()
    except (OSError, ValueError):
        name = "the layer folder"
    for path in {str(directory.resolve()), str(directory)}:
        text = text.replace(path, name)
    return text


def load_or_stop() -> Layer:
    """The layer, or a clear message (never a traceback, nor the server's paths) when it cannot be read."""
    ensure_built()
    directory = build_dir()
    try:
        return load()
    except LayerError as exc:  # names the file and what is wrong, with text of the file itself: escaped
        _stop(md_escape(f"The layer cannot be read: {shown_path(str(exc), directory)}"))
    except Exception as exc:  # a reader's bug on a file it did not foresee: the console has the traceback
        _LOG.exception("reading the layer in %s", directory)
        _stop(f"The layer in {md_escape(shown_path(str(directory), directory))} cannot be read "
              f"({type(exc).__name__}). Rebuild it with `make build`; the server's log has the details.")


@st.cache_resource(show_spinner=False)
def forces() -> dict[str, ForceStyle]:
    """Force code → display name and colour from data/forces.yaml (ui.style.load_force_styles)."""
    return load_force_styles()


def force_name(code: str) -> str:
    style = forces().get(code)
    return style.name if style else code


def borders(layer: Layer) -> dict | None:
    """The country borders the map draws (geo.borders.map_borders); None if unavailable."""
    from geo.borders import map_borders

    return map_borders(layer)


# Derived from the layer once per layer (a layer is read-only and shared): at 10,000 towns these loops cost
# more than a slider step may.
# Keyed by the build too: an id is reused once its layer is freed, and a running app reads every rebuild.
_per_layer = st.cache_resource(show_spinner=False, max_entries=8,
                               hash_funcs={Layer: lambda layer: (id(layer), str(layer.build_dir), layer.version)})


@_per_layer
def place_names(layer: Layer) -> list[PlaceName]:
    """Every place a link or the search box may name: the towns on the map first."""
    seen: dict[str, PlaceName] = {}
    names = {p.place_id: (tuple(p.spellings), tuple(p.alternate_names)) for p in layer.places}
    for p in layer.periods:
        seen.setdefault(p.place_id, PlaceName(p.place_id, p.name, *names.get(p.place_id, ((), ()))))
    return sorted(seen.values(), key=lambda p: p.name.casefold())


@_per_layer
def names_by_id(layer: Layer) -> dict[str, str]:
    """Place id → display name of every place in `place_names` (read on every rerun of the map page)."""
    return {p.place_id: p.name for p in place_names(layer)}


@_per_layer
def searchable_places(layer: Layer) -> list[tuple[PlaceName, tuple[str, ...]]]:
    """`place_names` with their matching keys, for the search box (ui.url.search_places)."""
    return place_keys(place_names(layer))


@_per_layer
def links(layer: Layer) -> LinkIndex:
    """`place_names` indexed for a link's `?place=` (ui.url.link_index)."""
    return link_index(place_names(layer))


@dataclass(frozen=True)
class PlaceRecord:
    """A place of `place_names` with what the Places page lists of it besides its state on a date."""

    place: PlaceName
    periods: tuple[ControlPeriod, ...]  # its own, in the layer's order
    changes: tuple[date, ...]  # the dates its state changes, sorted
    sources: int  # how many articles its periods cite


@_per_layer
def place_records(layer: Layer) -> list[PlaceRecord]:
    """`place_names` with each place's periods, change dates and number of sources, gathered in one pass: the
    Places page used to scan every period for every place on each rerun."""
    from collections import defaultdict

    from geo.state import change_dates

    by_place: dict[str, list] = defaultdict(list)
    for period in layer.periods:
        by_place[period.place_id].append(period)
    records = []
    for place in place_names(layer):
        periods = tuple(by_place.get(place.place_id, ()))
        sources = len({e.article_id for p in periods for e in p.evidence})
        records.append(PlaceRecord(place, periods, tuple(change_dates(periods)), sources))
    return records


@_per_layer
def places_table(layer: Layer):
    """The Places page's table (ui/places_table.py), made once per layer."""
    from ui.places_table import places_table as make

    return make(place_records(layer), forces())


@dataclass(frozen=True)
class DateRange:
    lo: date
    hi: date
    changes: tuple[date, ...]


@_per_layer
def date_range(layer: Layer) -> DateRange:
    """The slider's span: every dated start, end, event and publication in the layer (geo.state.date_span)."""
    from geo.state import date_span

    span = date_span(layer.periods)
    if span is None:
        today = date.today()
        return DateRange(today, today, ())
    lo, hi, changes = span
    return DateRange(lo, hi, tuple(changes))


@_per_layer
def area_series(layer: Layer, lo: date, hi: date):
    """The area chart's series over the slider's span (ui.territory.area_series): about 0.1 s at 10,000
    towns, and the same on every rerun."""
    from ui.territory import area_series as series

    return series(layer.areas, lo, hi, forces())


@_per_layer
def area_chart_spec(layer: Layer, lo: date, hi: date, day: date | None) -> dict:
    """The area chart (ui.territory.area_chart) as its Vega-Lite spec, `day` marked unless None (the page
    passes None above `RULE_MAX_POINTS`, so a large layer's chart is one entry whatever the date). Built once
    per layer and date: Altair's building and validating it took a third of a page rerun's server time at
    10,000 towns, the same on every rerun. Shared by every session: Streamlit copies a spec before changing
    it (1.67, `_prepare_vega_lite_spec`)."""
    from ui.territory import area_chart, with_arrow_datasets

    spec = area_chart(area_series(layer, lo, hi), day, lo, hi, forces()).to_dict()
    spec.pop("config", None)  # Altair's default theme sizes views for a notebook; Streamlit lays the chart out
    return with_arrow_datasets(spec)


@_per_layer
def layer_share_claims(layer: Layer):
    """The articles' share claims (ui.territory.share_claims), read once per layer."""
    from ui.territory import share_claims

    return share_claims(layer.events, forces())


@_per_layer
def published_map(layer: Layer) -> str:
    """The name of the map payload file for this layer (written once; see ui/publish.py). Raises
    PublishError, naming the file and what to do, when a zone cannot be drawn or the folder not written."""
    import numpy as np

    from geo.io.read import ZONES_FILE
    from ui.publish import PublishError, publish
    from ui.map_payload import map_payload, packed_polygons

    problems = (TypeError, ValueError, ArithmeticError)
    # zones.geojson's coordinates are checked to be lists, not numbers; NaN or a huge number would only make
    # numpy warn and send garbage integers, so errors are raised for those too.
    with np.errstate(invalid="raise", over="raise"):
        try:
            payload = map_payload(layer.periods, layer.zones, forces(), borders(layer))
        except problems:
            for index, zone in enumerate(layer.zones):  # read in file order: the index is the feature's
                try:
                    packed_polygons(zone.geometry)
                except problems:
                    raise PublishError(
                        f"{ZONES_FILE}: feature {index}: the coordinates are not all [longitude, latitude] "
                        "pairs of finite numbers, so the map cannot draw the zones. Rebuild the layer with "
                        "`make build` (`python -m geo build`).") from None
            raise
    return publish(payload)


@_per_layer
def exported_html(layer: Layer) -> bytes:
    """The standalone HTML file of the whole timeline (ui/export.py): at 10,000 towns about 5 MB, made in
    seconds, once per layer."""
    from ui.export import export_html

    return export_html(layer, forces(), borders(layer)).encode("utf-8")


@_per_layer
def map_bounds(layer: Layer) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """((south, west), (north, east)) of the layer's towns, or None when it has none: the live map's first
    view."""
    points = town_points(layer).values()
    if not points:
        return None
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return (min(lats), min(lons)), (max(lats), max(lons))


@_per_layer
def town_points(layer: Layer) -> dict[str, tuple[float, float]]:
    """Place id → (lat, lon) of every town on the map."""
    return {p.place_id: (p.lat, p.lon) for p in layer.periods}
