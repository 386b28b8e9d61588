"""geo/io/feature_stream.py: a FeatureCollection read feature by feature gives what json.loads gives."""

import json

import pytest

from geo.io.feature_stream import NotAFeatureCollection, features

COLLECTION = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [43.1, 36.3]},
         "properties": {"name": "Mosul", "evidence": [{"quote": "Iraqi forces retook Mosul."}]}},
        {"type": "Feature", "geometry": None, "properties": {"name": "Hajīn", "n": 1e3, "ok": True, "x": None}},
    ],
}


@pytest.mark.parametrize("text", [
    json.dumps(COLLECTION),
    json.dumps(COLLECTION, indent=2, ensure_ascii=False),
    json.dumps({"features": COLLECTION["features"], "type": "FeatureCollection", "bbox": [1, 2, 3, 4]}),
    "\n  " + json.dumps(COLLECTION, separators=(",", ":")) + "\n\n",
])
def test_any_layout_gives_the_features_in_file_order(text):
    assert list(features(text)) == COLLECTION["features"]


def test_an_empty_collection_has_no_features():
    assert list(features('{"type": "FeatureCollection", "features": [ ]}')) == []


def test_a_repeated_string_is_held_once():
    text = json.dumps({"type": "FeatureCollection", "features": [
        {"properties": {"source": "".join(["Reu", "ters"])}}, {"properties": {"source": "Reuters"}}]})
    first, second = features(text)
    assert first["properties"]["source"] is second["properties"]["source"]


@pytest.mark.parametrize("text, message", [
    ('{"type": "FeatureCollection", "features": [{"type": "Feature"},', "Expecting value"),
    ('{"type": "FeatureCollection", "features": [{"type": "Feature"} {"type": "Feature"}]}', "',' delimiter"),
    ('{"type": "FeatureCollection", "features": []} []', "Extra data"),
    ('{"type": "FeatureCollection" "features": []}', "',' delimiter"),
    ('{"type": "FeatureCollection", "features": [' + "[" * 100_000, "recursion"),
    ("[" * 100_000, "nested too deeply"),
    ("", "Expecting value"),
])
def test_text_that_is_not_json_raises_with_its_position(text, message):
    with pytest.raises(json.JSONDecodeError, match=message) as caught:
        list(features(text))
    assert caught.value.lineno >= 1


@pytest.mark.parametrize("text", [
    '{"type": "Feature", "features": []}',
    '{"type": "FeatureCollection"}',
    '{"type": "FeatureCollection", "features": {}}',
    '{}',
    '[]',
    'null',
    '{"type": "FeatureCollection", "features": [], "features": []}',
])
def test_json_of_another_shape_is_refused(text):
    with pytest.raises(NotAFeatureCollection):
        list(features(text))
