"""ui/map_payload.py and ui/control_map.publish: what the browser map is sent, and how it is published."""

import gzip
import json
import os
from datetime import date

import pytest

from geo.io.read import ZoneFeature, read_layer
from tests.fixtures.make_layer import PAYLOAD_QUOTE, PAYLOAD_SOURCE, write_layer
from ui import map as geo_map
from ui.control_map import KEEP_PUBLISHED, PACKED_SUFFIX, publish
from ui.map_payload import COORDINATE_SCALE, day_number, map_payload, packed_ring, unpacked_ring

FORCES = {
    "IS": geo_map.ForceStyle("IS", "Islamic State", "#000000"),
    "SYRIAN_GOV": geo_map.ForceStyle("SYRIAN_GOV", "Syrian government", "#D55E00"),
    "UNKNOWN": geo_map.ForceStyle("UNKNOWN", "Unknown", "#999999"),
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


def test_publish_writes_the_layer_and_its_gzipped_copy_once_and_keeps_a_few(tmp_path):
    names = []
    for n in range(KEEP_PUBLISHED + 2):
        name = publish({"version": n}, tmp_path)
        names.append(name)
        packed = tmp_path / (name + PACKED_SUFFIX)
        assert gzip.decompress(packed.read_bytes()) == (tmp_path / name).read_bytes()
        os.utime(tmp_path / name, (n, n))  # publication order, whatever the file system's clock resolution
    assert publish({"version": KEEP_PUBLISHED + 1}, tmp_path) == names[-1]  # same content, same file
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted(names[-KEEP_PUBLISHED:] + [n + PACKED_SUFFIX for n in names[-KEEP_PUBLISHED:]])
    assert not any(p.name.endswith(".tmp") for p in tmp_path.iterdir())
