"""A build's zone files and country borders, made in a process of their own while the build renders the rest.

After extraction a build runs on one core: the timeline, then the zones, then the other files. The zones
and the borders need geopandas and shapely (≈ 1 s to import) and the country shapes (≈ 0.3 s), none of
which depends on the articles, and then ≈ 1.5 s for the zones themselves. `ZonesProcess` starts a fresh
Python (small: it holds none of the build's articles) that imports and loads all that while the build
stores its cache and makes the timeline, then takes the town periods and makes the zone files while the
build renders the others.

The files are the same bytes either way: the same functions make them (`zone_files`, `border_file`). When
the process fails, for whatever reason, `ZonesProcess.files` returns None and the build makes them itself
(and so fails, if it must, with the error it always gave).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from geo.io.write import dump_json, render_csv
from geo.zones import AREA_COLUMNS, TownPeriod, area_rows, derive_zones, zones_geojson_text


def zone_files(periods: list[TownPeriod]) -> tuple[dict[str, str], int]:
    """zones.geojson and areas.csv of the town periods, and the number of zones."""
    zones = derive_zones(periods)
    return {"zones.geojson": zones_geojson_text(zones), "areas.csv": render_csv(AREA_COLUMNS, area_rows(zones))}, \
        len(zones)


def border_file() -> str:
    """borders.geojson: the country borders the map draws with the layer."""
    from geo.borders import simplified_borders

    return dump_json(simplified_borders())


class ZonesProcess:
    """A started helper process; `send` hands it the town periods, `files` takes back what it made."""

    def __init__(self):
        environment = dict(os.environ)
        # The helper imports this package from where this process did, whatever its working directory.
        package_root = str(Path(__file__).resolve().parent.parent)
        environment["PYTHONPATH"] = os.pathsep.join(filter(None, (package_root, environment.get("PYTHONPATH"))))
        # Started in the package's folder: `-m` puts the working directory first on the path, and another
        # checkout's `geo` there would be imported instead.
        self._process = subprocess.Popen([sys.executable, "-m", "geo.zones_process"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, env=environment, cwd=package_root)

    @classmethod
    def start(cls) -> ZonesProcess | None:
        """A started helper, or None when none can be started (the build then makes the files itself)."""
        try:
            return cls()
        except (OSError, ValueError):
            return None

    def send(self, periods: list[TownPeriod]) -> None:
        """Hand the helper the town periods: it makes the files from them while this process goes on."""
        try:
            pickle.dump(periods, self._process.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            self._process.stdin.close()
        except Exception:  # noqa: BLE001 - a helper that died: `files` says so
            self.cancel()

    def files(self) -> tuple[dict[str, str], int, str] | None:
        """(zone files, number of zones, borders.geojson) of the periods sent, or None when the helper failed."""
        try:
            made = pickle.load(self._process.stdout)
        except Exception:  # noqa: BLE001 - a helper that died or sent garbage: the build makes the files itself
            made = None
        finally:
            self.cancel()
        return made

    def cancel(self) -> None:
        """Stop the helper (if it still runs) and reap it."""
        for stream in (self._process.stdin, self._process.stdout):
            try:
                stream.close()
            except OSError:
                pass
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait()


def _serve() -> None:
    """In the helper: load what the zones and borders need, then make them for the periods read from stdin."""
    # The pickles go to the real stdout; anything a library prints goes to stderr instead.
    replies = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        from geo.region import DEFAULT_COUNTRIES
        from geo.zones import _countries_equal_area

        borders = border_file()
        _countries_equal_area(DEFAULT_COUNTRIES)  # what derive_zones loads on first use
        periods = pickle.load(sys.stdin.buffer)
        files, count = zone_files(periods)
        made = (files, count, borders)
    except Exception:  # noqa: BLE001 - the build makes the files itself, and reports what went wrong
        made = None
    try:
        pickle.dump(made, replies, protocol=pickle.HIGHEST_PROTOCOL)
        replies.close()
    except OSError:  # the build is gone
        pass


if __name__ == "__main__":
    _serve()
