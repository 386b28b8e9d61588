"""What the build claims, read from its layer: the control changes that colour the map.

Which events.csv rows are changes follows `geo.timeline`:

- `capture` and `state`: the place held by `force` (a `state` with no date, a claim about who held the
  place before the news, still colours the map, from an unknown start);
- `loss`: the place held by `UNKNOWN` (the map turns it grey);
- `contest`: the place contested, by `contested_by` (the attacker; `UNKNOWN` when the text does not say);
- not `pressure` (advancing, shelling: evidence only), not `share` (a share of a region, never a town's
  colour), and not a dated-in-the-past `capture`, `loss` or `contest` with no date (only evidence for a
  period the timeline has anyway).

A change the article states twice (two sentences, the same place, force, status and date) is one change.
"""

from __future__ import annotations

from dataclasses import dataclass
import datetime

from geo.io.read import Layer
from geo.schema import UNKNOWN_FORCE

COLOUR_KINDS = ("capture", "loss", "contest", "state")


@dataclass(frozen=True)
class Predicted:
    """One event of the build, where it is and what it makes the map show."""

    event_id: str
    article_id: str
    place_id: str
    place_name: str
    lat: float
    lon: float
    kind: str
    force: str  # the holder the map shows; for a contest, the force contesting it
    status: str
    date: datetime.date | None
    precision: str
    quote: str


def place_coordinates(layer: Layer) -> dict[str, tuple[float, float]]:
    """(lat, lon) of every place of the layer by place id."""
    where = {p.place_id: (p.lat, p.lon) for p in layer.places}
    for period in layer.periods:
        where.setdefault(period.place_id, (period.lat, period.lon))
    return where


def _map_force(row) -> str:
    if row.kind == "contest":
        return row.contested_by or UNKNOWN_FORCE
    return row.force


def located_events(layer: Layer) -> list[Predicted]:
    """Every event of the layer at a place with coordinates, whatever its kind, in event id order."""
    where = place_coordinates(layer)
    located = []
    for row in sorted(layer.events, key=lambda r: r.event_id):
        if row.place_id not in where:
            continue
        lat, lon = where[row.place_id]
        located.append(Predicted(
            event_id=row.event_id, article_id=row.article_id, place_id=row.place_id, place_name=row.place_name,
            lat=lat, lon=lon, kind=row.kind, force=_map_force(row), status=row.status, date=row.date,
            precision=row.date_precision, quote=row.quote,
        ))
    return located


def is_change(event: Predicted) -> bool:
    """Whether the event changes a place's colour on the map (see the module's docstring)."""
    if event.kind not in COLOUR_KINDS:
        return False
    return event.date is not None or event.kind == "state"


def predicted_changes(layer: Layer) -> list[Predicted]:
    """The control changes the build claims, one per article, place, force, status and date, in event order."""
    changes: dict[tuple, Predicted] = {}
    for event in located_events(layer):
        if is_change(event):
            key = (event.article_id, event.place_id, event.force, event.status, event.date, event.precision)
            changes.setdefault(key, event)
    return list(changes.values())
