"""Writing the layer files: deterministic bytes, all files swapped in together.

Every file is rendered in memory and validated against `geo.schema` first; then the set is written to a
staging directory beside the output and swapped in with two renames, so a failed or killed build leaves
the previous output as it was (a build killed between the two renames is restored by the next one).
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
from pathlib import Path

_PREVIOUS_SUFFIX = ".previous"
_STAGING_SUFFIX = ".staging"


def dump_json(data) -> str:
    """JSON text that is the same bytes for the same data: UTF-8, stable key order, newline at the end."""
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def feature_collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def point_feature(lon: float, lat: float, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
        "properties": properties,
    }


def render_csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n", extrasaction="raise")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buffer.getvalue()


def recover_interrupted_swap(out_dir: Path) -> None:
    """If a build was killed between its two renames, put the previous output back."""
    previous = out_dir.with_name(out_dir.name + _PREVIOUS_SUFFIX)
    if not out_dir.exists() and previous.exists():
        previous.rename(out_dir)
    elif previous.exists():
        shutil.rmtree(previous)


def write_layer_atomically(out_dir: Path, files: dict[str, str]) -> None:
    """Write `files` (name → text) as the whole content of `out_dir`, all or nothing."""
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover_interrupted_swap(out_dir)
    staging = out_dir.with_name(out_dir.name + _STAGING_SUFFIX)
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir()
    try:
        for name, text in sorted(files.items()):
            path = staging / name
            with open(path, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    previous = out_dir.with_name(out_dir.name + _PREVIOUS_SUFFIX)
    if out_dir.exists():
        out_dir.rename(previous)
    staging.rename(out_dir)
    if previous.exists():
        shutil.rmtree(previous)
