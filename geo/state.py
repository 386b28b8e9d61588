"""The control state on a date: which periods of the layer are valid on a given day.

Pure functions over anything with `place_id`, `valid_from` and `valid_to` attributes (the periods of
`geo.io.read.read_control`). A period is valid on `day` when valid_from <= day < valid_to; a null
`valid_from` is an unknown start (valid on every earlier day) and a null `valid_to` an open period.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Protocol, TypeVar


class _Period(Protocol):
    place_id: str
    valid_from: date | None
    valid_to: date | None


P = TypeVar("P", bound=_Period)


def covers(valid_from: date | None, valid_to: date | None, day: date) -> bool:
    """The half-open rule of every span in the layer (periods, zone cells): `valid_from` <= `day` <
    `valid_to`, a null bound open."""
    return (valid_from is None or valid_from <= day) and (valid_to is None or day < valid_to)


def is_valid_on(period: _Period, day: date) -> bool:
    """True when `period` covers `day` (see `covers`)."""
    return covers(period.valid_from, period.valid_to, day)


def state_on(periods: Iterable[P], day: date, place_id: str | None = None) -> list[P]:
    """The periods valid on `day`, in their input order; only `place_id`'s when it is given."""
    if not isinstance(day, date):
        raise TypeError(f"day must be a datetime.date, got {type(day).__name__}")
    return [p for p in periods if (place_id is None or p.place_id == place_id) and is_valid_on(p, day)]


def change_dates(periods: Iterable[_Period]) -> list[date]:
    """Sorted distinct dates on which some place's state changes (every known start and end)."""
    days: set[date] = set()
    for period in periods:
        days.update(d for d in (period.valid_from, period.valid_to) if d is not None)
    return sorted(days)


def date_span(periods: Iterable) -> tuple[date, date, list[date]] | None:
    """The dates a timeline over these control periods spans: (first, last, change dates), from every
    dated start and end and every evidence's event and publication day; None when nothing is dated."""
    periods = list(periods)
    changes = change_dates(periods)
    days = set(changes)
    for period in periods:
        for ev in period.evidence:
            for text in (ev.date, ev.published):
                if text and len(text) == 10:
                    try:
                        days.add(date.fromisoformat(text))
                    except ValueError:
                        pass
    if not days:
        return None
    return min(days), max(days), changes


def time_order(period: _Period) -> tuple[date, date]:
    """Sort key of one place's periods in time order: unknown starts first, open ends last."""
    return period.valid_from or date.min, period.valid_to or date.max


def history(periods: Iterable[P], place_id: str) -> list[P]:
    """One place's periods in time order (unknown starts first)."""
    return sorted((p for p in periods if p.place_id == place_id), key=time_order)


def last_change(changes: Sequence[date], day: date) -> date | None:
    """The last change date on or before `day` (`changes` sorted, e.g. one place's `change_dates`)."""
    at = bisect_right(changes, day)
    return changes[at - 1] if at else None


def previous_change(changes: list[date], day: date) -> date | None:
    """The last change date strictly before `day` (`changes` sorted)."""
    earlier = [d for d in changes if d < day]
    return earlier[-1] if earlier else None


def next_change(changes: list[date], day: date) -> date | None:
    """The first change date strictly after `day` (`changes` sorted)."""
    return next((d for d in changes if d > day), None)
