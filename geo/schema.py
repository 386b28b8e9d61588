"""The layer contract: what `python -m geo build` writes and the dashboard reads.

Written down once here (and as a table in the README) so the pipeline and the dashboard cannot drift
apart: the writer validates every record with these models before it touches the disk, and the reader
validates what it loads.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DatePrecision = Literal["day", "week", "month", "season", "year", "unknown"]
ControlStatus = Literal["held", "contested"]
EventKind = Literal["capture", "loss", "contest", "pressure", "state", "share"]
PlaceKind = Literal["town", "region"]
LocationPrecision = Literal["settlement", "approximate"]
#: Read by the machine only, or as an analyst decided (geo/review.py); a rejected claim colours nothing.
ReviewState = Literal["machine", "confirmed", "corrected", "added", "rejected"]

UNKNOWN_FORCE = "UNKNOWN"

#: Zone coordinates are written on a grid of this many decimals of a degree (about 1 m).
COORDINATE_DECIMALS = 5

#: Order of date precisions from the most to the least exact.
PRECISION_ORDER: tuple[str, ...] = ("day", "week", "month", "season", "year", "unknown")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Strict):
    """One quote that supports a control period, traceable to its article."""

    article_id: str
    quote: str
    source: str
    published: str = Field(description="YYYY-MM-DD or YYYY-MM, as the article gives it")
    language: str
    claimant: str | None = None
    url: str | None = None
    event_kind: EventKind
    event_force: str = Field(description="the force this quote says holds or takes the place")
    date: str | None = Field(default=None, description="the date the quote's event is placed at")
    date_precision: DatePrecision = "unknown"
    review: ReviewState = "machine"
    review_reason: str | None = Field(default=None, description="the analyst's reason, when one decided")
    decision_key: str | None = Field(default=None, description="the decision's key (geo/review.py), when one decided")
    occurrence: int = Field(default=0, ge=0, description="which of the quote's events of this place and kind")


class ControlPeriodProperties(_Strict):
    """Properties of one Point feature of control.geojson: one place, one period."""

    place_id: str
    name: str
    country: str
    geonames_id: int | None
    force: str
    status: ControlStatus
    contested_by: list[str] = Field(default_factory=list)
    valid_from: date | None = Field(description="inclusive; null when the start is unknown")
    valid_to: date | None = Field(description="exclusive; null while the period is open")
    date_precision: DatePrecision
    evidence: list[Evidence]


class PlaceProperties(_Strict):
    """Properties of one Point feature of places.geojson: every resolved place."""

    place_id: str
    name: str
    country: str
    geonames_id: int | None
    kind: PlaceKind
    location_precision: LocationPrecision
    population: int | None = None
    mentions: int
    spellings: list[str] = Field(description="the surface forms the articles used")
    articles: list[str]
    has_control_events: bool
    alternate_names: list[str] = Field(
        default_factory=list,
        description="the gazetteer's other names of a place with control events (GeoNames' alternates, curated "
                    "spellings): a shared link may name the town in any of them, without the gazetteer")


class EventRow(_Strict):
    """One row of events.csv: one control claim extracted from one sentence."""

    event_id: str
    article_id: str
    place_id: str
    place_name: str
    mention: str
    kind: EventKind
    force: str
    previous_force: str | None = None
    status: ControlStatus
    contested_by: str | None = None
    share_percent: float | None = None
    date: date | None
    date_precision: DatePrecision
    date_phrase: str | None = None
    claimant: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    source: str
    published: str
    language: str
    url: str | None = None
    quote: str
    review: ReviewState = "machine"
    review_reason: str | None = None
    decision_key: str | None = None
    occurrence: int = Field(default=0, ge=0)


EVENT_COLUMNS: tuple[str, ...] = tuple(EventRow.model_fields)
