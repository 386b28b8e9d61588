"""When a predicted change is a gold change: the place within 5 km, the same force and status, and the
date inside the window of the gold's precision. One-to-one, greedily: the closest pairs first, then the
closest dates.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

#: Mean Earth radius (IUGG), km.
EARTH_RADIUS_KM = 6371.0088
#: A predicted place this close to the gold place is the same place.
MATCH_RADIUS_KM = 5.0
#: Gold date precisions (no `unknown`: an annotator always says how exactly the text dates a change).
PRECISIONS = ("day", "week", "month", "season", "year")
_NO_DATE_DAYS = 10**6


class _Located(Protocol):
    lat: float
    lon: float


class _Change(_Located, Protocol):
    force: str
    status: str


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km between two WGS84 points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((phi2 - phi1) / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, h)))


def distance_km(a: _Located, b: _Located) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def near(a: _Located, b: _Located) -> bool:
    return distance_km(a, b) <= MATCH_RADIUS_KM


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def precision_window(day: date, precision: str) -> tuple[date, date]:
    """The first and last day (inclusive) of the `precision` span containing `day`: the day itself, its
    ISO week (Monday to Sunday), month, meteorological season (Dec–Feb, Mar–May, Jun–Aug, Sep–Nov, as
    `geo.dates` reads "winter 2014") or year."""
    if precision == "day":
        return day, day
    if precision == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if precision == "month":
        first = day.replace(day=1)
        return first, _add_months(first, 1) - timedelta(days=1)
    if precision == "season":
        first = _add_months(day.replace(day=1), -(day.month % 3))
        return first, _add_months(first, 3) - timedelta(days=1)
    if precision == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    raise ValueError(f"unknown date precision {precision!r}; expected one of {', '.join(PRECISIONS)}")


def first_day_after(day: date, precision: str) -> date:
    """The first day after the `precision` window containing `day`."""
    return precision_window(day, precision)[1] + timedelta(days=1)


def date_agrees(predicted: date | None, gold: date, precision: str) -> bool:
    """Whether a predicted date agrees with the gold date at the gold's precision (an undated
    prediction never does)."""
    if predicted is None:
        return False
    first, last = precision_window(gold, precision)
    return first <= predicted <= last


@dataclass(frozen=True)
class Pair:
    """Gold change `gold` (an index) matched to prediction `predicted`, `km` apart, `days` apart."""

    gold: int
    predicted: int
    km: float
    days: int


def _days_apart(predicted: date | None, gold: date) -> int:
    return _NO_DATE_DAYS if predicted is None else abs((predicted - gold).days)


def candidate_pairs(golds: Sequence, predictions: Sequence, *, with_date: bool = True) -> list[Pair]:
    """Every (gold, prediction) pair that may match: within 5 km, the same force and status and, when
    `with_date`, the prediction's date inside the gold's precision window."""
    pairs = []
    for g, gold in enumerate(golds):
        for p, predicted in enumerate(predictions):
            if predicted.force != gold.force or predicted.status != gold.status:
                continue
            km = distance_km(gold, predicted)
            if km > MATCH_RADIUS_KM:
                continue
            if with_date and not date_agrees(predicted.date, gold.date, gold.precision):
                continue
            pairs.append(Pair(g, p, km, _days_apart(predicted.date, gold.date)))
    return pairs


def greedy_one_to_one(pairs: Sequence[Pair]) -> list[Pair]:
    """Each gold and each prediction in at most one pair: the nearest pairs first, then the closest dates
    (ties by input order, so the result does not depend on anything else)."""
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    chosen = []
    for pair in sorted(pairs, key=lambda p: (round(p.km, 6), p.days, p.gold, p.predicted)):
        if pair.gold in used_gold or pair.predicted in used_predicted:
            continue
        used_gold.add(pair.gold)
        used_predicted.add(pair.predicted)
        chosen.append(pair)
    return sorted(chosen, key=lambda p: (p.gold, p.predicted))


def match_changes(golds: Sequence, predictions: Sequence, *, with_date: bool = True) -> list[Pair]:
    """The one-to-one matching of predicted to gold changes (see `candidate_pairs`)."""
    return greedy_one_to_one(candidate_pairs(golds, predictions, with_date=with_date))
