"""A GeoJSON FeatureCollection read one feature at a time.

`json.loads` of a whole control.geojson holds every feature as dicts at once: at 10,000 towns that is
about 60 MB more than the validated records kept from it, and the freed dicts leave the dashboard's
memory fragmented (its RSS stayed about 100 MB higher). Decoding feature by feature with the standard
library's own decoder keeps only one feature's dicts alive, whatever the file's layout.

Repeated strings (a source, a date, a kind, each quote that is in two files) are interned as they are
read, so each is held once.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator

_WHITESPACE = re.compile(r"[ \t\n\r]*")


class NotAFeatureCollection(ValueError):
    """Valid JSON that is not an object with "type": "FeatureCollection" and a "features" list."""


def _interned_strings(record: dict) -> dict:
    for key, value in record.items():
        if type(value) is str:
            record[key] = sys.intern(value)
    return record


_DECODER = json.JSONDecoder(object_hook=_interned_strings)


def _skip(text: str, pos: int) -> int:
    return _WHITESPACE.match(text, pos).end()


def _expect(text: str, pos: int, char: str, what: str) -> int:
    if not text.startswith(char, pos):
        raise json.JSONDecodeError(f"Expecting {what}", text, pos)
    return _skip(text, pos + 1)


def _decode(text: str, pos: int):
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError:
        raise
    except (ValueError, RecursionError) as exc:  # e.g. a number too long to convert
        raise json.JSONDecodeError(str(exc) or type(exc).__name__, text, pos) from None


def _array_items(text: str, pos: int) -> Iterator[tuple[object, int]]:
    """The values of the array whose '[' ends just before `pos`, each with the position after it."""
    pos = _skip(text, pos)
    if text.startswith("]", pos):
        return
    while True:
        item, pos = _decode(text, pos)
        pos = _skip(text, pos)
        yield item, pos
        if text.startswith("]", pos):
            return
        pos = _expect(text, pos, ",", "',' delimiter")


def features(text: str) -> Iterator[dict]:
    """The features of the FeatureCollection `text`, in file order, each decoded only when asked for.

    Raises json.JSONDecodeError for text that is not JSON (after the features before the fault were
    given), NotAFeatureCollection for JSON of another shape."""
    start = _skip(text, 0)
    if not text.startswith("{", start):
        try:
            json.loads(text)  # text that is not JSON says where; other JSON is not a collection
        except RecursionError:
            raise json.JSONDecodeError("nested too deeply", text, start) from None
        raise NotAFeatureCollection("not a GeoJSON FeatureCollection with a 'features' list")
    pos = _skip(text, start + 1)
    kind, has_features = None, False
    if not text.startswith("}", pos):
        while True:
            key, pos = _decode(text, pos)
            if not isinstance(key, str):
                raise json.JSONDecodeError("Expecting property name enclosed in double quotes", text, pos)
            pos = _expect(text, _skip(text, pos), ":", "':' delimiter")
            if key == "features" and has_features:
                raise NotAFeatureCollection("'features' is given twice")
            if key == "features" and text.startswith("[", pos):
                has_features = True
                end = pos + 1
                for item, end in _array_items(text, pos + 1):
                    yield item
                pos = _expect(text, _skip(text, end), "]", "']'")
            else:
                value, pos = _decode(text, pos)
                if key == "type":
                    kind = value
                elif key == "features":
                    raise NotAFeatureCollection("'features' must be a list")
                pos = _skip(text, pos)
            if text.startswith("}", pos):
                break
            pos = _expect(text, pos, ",", "',' delimiter")
    if _skip(text, pos + 1) != len(text):
        raise json.JSONDecodeError("Extra data", text, _skip(text, pos + 1))
    if kind != "FeatureCollection" or not has_features:
        raise NotAFeatureCollection("not a GeoJSON FeatureCollection with a 'features' list")
