"""ui/map_payload.py and ui/publish.py: what the browser map is sent, and how it is published."""

import contextlib
import gzip
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo.io.read import ZoneFeature, read_layer
from tests.fixtures.make_layer import PAYLOAD_QUOTE, PAYLOAD_SOURCE, write_layer
from ui.style import ForceStyle
from ui.publish import (KEEP_PUBLISHED, LAYERS_DIR_ENV, LEASES_DIR, PACKED_SUFFIX, PublishError, layers_dir,
                            publish)
from ui.map_payload import COORDINATE_SCALE, day_number, map_payload, packed_ring, unpacked_ring

ROOT = Path(__file__).resolve().parents[1]
FORCES = {
    "IS": ForceStyle("IS", "Islamic State", "#000000"),
    "SYRIAN_GOV": ForceStyle("SYRIAN_GOV", "Syrian government", "#D55E00"),
    "UNKNOWN": ForceStyle("UNKNOWN", "Unknown", "#999999"),
}
RING = [[40.0, 34.0], [40.51234, 34.0], [40.51234, 34.49999], [39.99999, 34.5], [40.0, 34.0]]
HOLE = [[40.1, 34.1], [40.1, 34.2], [40.2, 34.2], [40.1, 34.1]]


def _flat(ring):
    return [c for point in ring for c in point]


@pytest.fixture(scope="module")
def layer(tmp_path_factory):
    return read_layer(write_layer(tmp_path_factory.mktemp("payload") / "build", injected=True))


def test_a_packed_ring_is_short_integers_that_unpack_to_the_same_points():
    packed = packed_ring(RING)
    assert all(isinstance(n, int) for n in packed) and len(packed) == 2 * len(RING)
    assert packed[:4] == [4_000_000, 3_400_000, 51_234, 0]  # the first point, then differences
    assert _flat(unpacked_ring(packed)) == pytest.approx(_flat(RING), abs=0.5 / COORDINATE_SCALE)


def test_towns_are_columns_of_one_length_and_carry_no_article_text(layer):
    payload = map_payload(layer.periods, layer.zones, FORCES, None)
    towns = payload["towns"]
    assert set(towns) == {"id", "name", "lat", "lon", "periods"}
    assert len({len(column) for column in towns.values()}) == 1
    at = towns["id"].index("albu-kamal")
    period = next(p for p in layer.periods if p.place_id == "albu-kamal")
    assert towns["lat"][at] / COORDINATE_SCALE == pytest.approx(period.lat, abs=1e-5)
    assert towns["lon"][at] / COORDINATE_SCALE == pytest.approx(period.lon, abs=1e-5)
    text = json.dumps(payload, ensure_ascii=False)
    assert PAYLOAD_QUOTE not in text and PAYLOAD_SOURCE not in text


def test_a_period_an_analyst_checked_is_marked_and_a_machine_read_one_is_not(layer):
    periods = [p for p in layer.periods if p.place_id == "albu-kamal"]
    first = periods[0].model_dump()
    first["evidence"] = [{**first["evidence"][0], "review": "confirmed", "review_reason": "seen"}]
    checked = type(periods[0])(**first)
    rows = map_payload([checked] + periods[1:], [], FORCES, None)["towns"]["periods"][0]
    assert [row[6:] for row in rows] == [[1]] + [[]] * (len(periods) - 1)


def test_the_browser_is_sent_the_one_style_table_the_folium_baseline_uses_too(layer):
    from bench.naive_map import town_style
    from ui.style import TOWN, style_table

    payload = map_payload(layer.periods, layer.zones, FORCES, None)
    assert payload["style"] == style_table() and payload["style"]["town"] == TOWN
    contested = town_style({"force": "IS", "status": "contested", "contested_by": ["SYRIAN_GOV"], "uncertain": True},
                           FORCES)
    assert contested["radius"] == TOWN["radius_contested"] and contested["color"] == "#D55E00"
    # The browser's renderers keep no numbers of their own for these looks.
    script = (Path(__file__).parent.parent / "static" / "folium_control" / "control_layer.js").read_text()
    assert "style.town" in script and "style.zone" in script and "0.45" not in script


def test_a_zone_cell_is_sent_once_with_its_spans_in_time_order():
    def zone(force, valid_from, valid_to, coordinates):
        return ZoneFeature(force=force, status="held", contested_by=(), valid_from=valid_from, valid_to=valid_to,
                           area_km2=1.0, towns=("albu-kamal",), geometry={"type": "Polygon", "coordinates": coordinates})

    later = zone("SYRIAN_GOV", date(2017, 11, 10), None, [RING, HOLE])
    earlier = zone("IS", None, date(2017, 11, 10), [RING, HOLE])
    payload = map_payload([], [later, earlier], FORCES, None)
    assert payload["coordinate_scale"] == COORDINATE_SCALE
    [cell] = payload["zones"]
    codes = [force["code"] for force in payload["forces"]]
    assert [codes[span[2]] for span in cell["spans"]] == ["IS", "SYRIAN_GOV"]
    assert cell["spans"][0][:2] == [None, day_number(date(2017, 11, 10))]
    [[outer, hole]] = cell["polygons"]
    assert _flat(unpacked_ring(outer)) == pytest.approx(_flat(RING))
    assert _flat(unpacked_ring(hole)) == pytest.approx(_flat(HOLE))


def _payloads(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.is_file() and not p.name.startswith("."))


def test_publish_writes_the_layer_and_its_gzipped_copy_once_and_keeps_a_few(tmp_path):
    names = []
    for n in range(KEEP_PUBLISHED + 2):
        name = publish({"version": n}, tmp_path)
        names.append(name)
        packed = tmp_path / (name + PACKED_SUFFIX)
        assert gzip.decompress(packed.read_bytes()) == (tmp_path / name).read_bytes()
    assert publish({"version": KEEP_PUBLISHED + 1}, tmp_path) == names[-1]  # same content, same file
    # This process keeps its last few; in publication order, whatever the file system's clock resolution.
    assert _payloads(tmp_path) == sorted(names[-KEEP_PUBLISHED:] + [n + PACKED_SUFFIX for n in names[-KEEP_PUBLISHED:]])
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


# Another process publishing into the same folder: a dashboard's server, `make test`, a benchmark. It prints
# the names it published, then holds on (as a server does) until its stdin closes.
PUBLISHER = """
import sys
from pathlib import Path
from ui.publish import publish
print(" ".join(publish({"layer": layer}, Path(sys.argv[1])) for layer in sys.argv[2:]), flush=True)
sys.stdin.read()
"""


@contextlib.contextmanager
def publisher(directory, *layers: str):
    """A running process that published `layers` into `directory`; yields it and the payloads' names."""
    proc = subprocess.Popen([sys.executable, "-c", PUBLISHER, str(directory), *layers], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        names = proc.stdout.readline().split()  # waits for the publishing, no sleep
        assert len(names) == len(layers), names
        yield proc, names
    finally:
        proc.kill()
        proc.wait()


def test_a_payload_a_running_process_holds_survives_any_number_of_other_publishes(tmp_path):
    with publisher(tmp_path, "served") as (server, [served]):
        # Twice as many layers as a process keeps: from a process that ends (make test), and from this one.
        with publisher(tmp_path, *(f"test {n}" for n in range(KEEP_PUBLISHED))) as (ended, _):
            ended.stdin.close()
            assert ended.wait(timeout=60) == 0
        mine = [publish({"layer": f"here {n}"}, tmp_path) for n in range(KEEP_PUBLISHED + 1)]
        assert (tmp_path / served).is_file() and (tmp_path / (served + PACKED_SUFFIX)).is_file()
        # Bounded: only what running processes hold (the server's one, this one's last few); the rest is gone.
        assert set(_payloads(tmp_path)) == {n + suffix for n in [served] + mine[-KEEP_PUBLISHED:]
                                            for suffix in ("", PACKED_SUFFIX)}
        server.kill()  # however it ends, its lease ends with it
        server.wait()
    publish({"layer": "after the server"}, tmp_path)
    assert not (tmp_path / served).exists() and not (tmp_path / (served + PACKED_SUFFIX)).exists()
    assert len(list((tmp_path / LEASES_DIR).glob("*.lease"))) == 1  # this process's; the ended ones' removed


def test_a_killed_writer_leaves_nothing_behind_after_the_next_publish(tmp_path):
    first = publish({"layer": "first"}, tmp_path)
    (tmp_path / ".0123456789abcdef.json.999999.tmp").write_bytes(b"half a payload")  # kill -9 mid-write
    (tmp_path / "fedcba9876543210.json").write_bytes(b"{}")  # written by an older version: no lease
    second = publish({"layer": "second"}, tmp_path)
    assert _payloads(tmp_path) == sorted(n + suffix for n in (first, second) for suffix in ("", PACKED_SUFFIX))
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())


@pytest.mark.parametrize("how", ["a file where the folder should be", "a read-only folder"])
def test_a_folder_that_cannot_be_written_is_a_publish_error_naming_it(tmp_path, monkeypatch, how):
    folder = tmp_path / "static" / "layers"
    if how == "a file where the folder should be":
        folder.parent.mkdir()
        folder.write_text("not a folder")
    else:
        if os.geteuid() == 0:
            pytest.skip("root writes into read-only folders")
        folder.mkdir(parents=True)
        folder.chmod(0o555)
    monkeypatch.setenv(LAYERS_DIR_ENV, str(folder))
    with pytest.raises(PublishError) as raised:
        publish({"layer": 1})
    said = str(raised.value)
    assert LAYERS_DIR_ENV in said and "writable" in said
    assert str(tmp_path) not in said  # never a server's absolute path


def test_the_publish_folder_is_the_project_static_layers_unless_the_environment_names_another(monkeypatch):
    monkeypatch.delenv(LAYERS_DIR_ENV, raising=False)
    assert layers_dir() == ROOT / "static" / "layers"
    monkeypatch.setenv(LAYERS_DIR_ENV, "elsewhere/layers")
    assert layers_dir() == ROOT / "elsewhere" / "layers"
