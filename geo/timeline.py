"""Control periods: each place's events ordered into who held it from when to when.

A period is `held` by one force or `contested` by others. Claims that disagree are both kept: when
sources on the same day name different holders, the period is contested rather than one of them being
dropped. A holder named only as the one a place was taken from ("captured from IS") gets a period
before the capture whose start is unknown.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from geo.events import Event
from geo.schema import PRECISION_ORDER, UNKNOWN_FORCE

_SPAN_DAYS = {"day": 1, "week": 7, "month": 31, "season": 92, "year": 366}


@dataclass
class Period:
    place_id: str
    force: str
    status: str  # held | contested
    contested_by: list[str]
    valid_from: date | None
    valid_to: date | None
    date_precision: str
    evidence: list[Event] = field(default_factory=list)

    def add(self, events) -> None:
        known = {e.event_id for e in self.evidence}
        self.evidence.extend(e for e in events if e.event_id not in known)

    def parties(self) -> set[str]:
        return {self.force, *self.contested_by}


def _most_precise(events: list[Event]) -> str:
    return min((e.date_precision for e in events), key=PRECISION_ORDER.index, default="unknown")


def _within_span(day: date, start: date, precision: str) -> bool:
    days = _SPAN_DAYS.get(precision)
    return days is not None and start <= day < start + timedelta(days=days)


class _PlaceTimeline:
    def __init__(self, place_id: str):
        self.place_id = place_id
        self.periods: list[Period] = []

    @property
    def current(self) -> Period | None:
        return self.periods[-1] if self.periods else None

    def open(self, force, status, contested_by, day, events) -> Period:
        current = self.current
        if current is not None and current.valid_to is None:
            current.valid_to = day
        period = Period(self.place_id, force, status, sorted(set(contested_by) - {force}), day, None,
                        _most_precise(events) if day else "unknown")
        period.add(events)
        self.periods.append(period)
        return period

    def ensure_previous_holder(self, day: date, events: list[Event]) -> None:
        """Before a place's first known change, the holder it was taken from held it since an unknown date."""
        if self.periods:
            return
        named = [e for e in events if e.previous_force and e.previous_force != UNKNOWN_FORCE]
        if named:
            self.open(named[0].previous_force, "held", [], None, named)
            self.current.valid_to = day

    def apply(self, day: date, events: list[Event]) -> None:
        captures = [e for e in events if e.kind == "capture"]
        contests = [e for e in events if e.kind == "contest"]
        losses = [e for e in events if e.kind == "loss"]
        states = [e for e in events if e.kind == "state"]
        current = self.current
        if captures:
            self._apply_captures(day, captures, contests, events)
        elif contests:
            self._apply_contests(day, contests, states, events)
        elif losses:
            self._apply_losses(day, losses, events)
        elif states:
            self._apply_states(day, states, events)
        if self.current is not None and self.current is current:
            self.current.add(events)
        elif self.current is not None:
            self.current.add(e for e in events if e.kind in ("pressure", "loss", "state"))

    def _apply_captures(self, day, captures, contests, events):
        takers = sorted({e.force for e in captures})
        current = self.current
        attackers = {e.contested_by or UNKNOWN_FORCE for e in contests}
        if len(takers) == 1:
            taker = takers[0]
            if current is not None and current.force == taker and current.status == "held" and not (attackers - {taker}):
                self._refine_start(current, day, captures)
                current.add(events)
                return
            self.ensure_previous_holder(day, events)
            status = "contested" if attackers - {taker} else "held"
            self.open(taker, status, attackers, day, captures + contests)
            return
        if len({e.article_id for e in captures}) == 1:
            # One source telling a sequence ("rebels seized the town, but ISIL was able to recapture it within
            # hours"), not sources that disagree: its last taking stands, and only a fight it tells after it
            # contests the town.
            last = max(captures, key=_told_order)
            later = {e.contested_by or UNKNOWN_FORCE for e in contests if _told_order(e) > _told_order(last)}
            self.ensure_previous_holder(day, events)
            self.open(last.force, "contested" if later - {last.force} else "held", later, day, captures + contests)
            return
        # Sources disagree about who took it the same day: keep both, as a contested period.
        holder = current.force if current is not None and current.force in takers else takers[0]
        self.ensure_previous_holder(day, events)
        self.open(holder, "contested", set(takers) | attackers, day, captures + contests)

    def _refine_start(self, period: Period, day: date, captures: list[Event]) -> None:
        """A dated capture inside the week or month an earlier report gave moves the start to the exact day."""
        new_precision = _most_precise(captures)
        if (
            period.valid_from is not None
            and PRECISION_ORDER.index(new_precision) < PRECISION_ORDER.index(period.date_precision)
            and _within_span(day, period.valid_from, period.date_precision)
        ):
            index = self.periods.index(period)
            period.valid_from, period.date_precision = day, new_precision
            if index > 0:
                self.periods[index - 1].valid_to = day
                return
            named = [e for e in captures if e.previous_force and e.previous_force != UNKNOWN_FORCE]
            if named:
                before = Period(self.place_id, named[0].previous_force, "held", [], None, day, "unknown")
                before.add(named)
                self.periods.insert(0, before)

    def _apply_contests(self, day, contests, states, events):
        current = self.current
        attackers = {e.contested_by or UNKNOWN_FORCE for e in contests}
        if current is None:
            # The machine reads a fight, not who held the town; an analyst's reading names the holder.
            named = {e.force for e in contests if e.review in ("corrected", "added") and e.force != UNKNOWN_FORCE}
            holders = sorted(({e.force for e in states} | named) - attackers)
            holder = holders[0] if holders else UNKNOWN_FORCE
            self.open(holder, "contested", attackers, day, contests)
            return
        new_parties = attackers - current.parties()
        if current.status == "held" and attackers - {current.force}:
            self.open(current.force, "contested", attackers, day, contests)
        elif current.status == "contested" and new_parties:
            self.open(current.force, "contested", set(current.contested_by) | attackers, day, contests)

    def _apply_losses(self, day, losses, events):
        current = self.current
        losers = {e.previous_force for e in losses}
        if current is None:
            self.ensure_previous_holder(day, losses)
            self.open(UNKNOWN_FORCE, "held", [], day, losses)
        elif current.force != UNKNOWN_FORCE and (current.force in losers or None in losers):
            self.open(UNKNOWN_FORCE, "held", [], day, losses)

    def _apply_states(self, day, states, events):
        current = self.current
        holders = {e.force for e in states}
        if current is None:
            ordered = sorted(holders)
            status = "contested" if len(ordered) > 1 else "held"
            self.open(ordered[0], status, ordered[1:], None, states)
        elif not holders <= current.parties():
            # A source says someone else holds it: keep both claims, as contested from that day.
            self.open(current.force, "contested", set(current.contested_by) | holders, day, states)

    def attach_past(self, event: Event, published: date) -> None:
        """A claim about the past ("the last town held by IS") supports the holder's period before the news."""
        candidates = [
            p for p in self.periods
            if p.force == event.force and (p.valid_from is None or p.valid_from < published)
        ]
        if candidates:
            candidates[-1].add([event])
            return
        if event.kind != "state":
            return
        first = self.periods[0] if self.periods else None
        if first is None:
            self.open(event.force, "held", [], None, [event])
        elif first.valid_from is not None:
            period = Period(self.place_id, event.force, "held", [], None, first.valid_from, "unknown", [event])
            self.periods.insert(0, period)


def _told_order(event: Event) -> tuple[int, str]:
    """Where an article tells the event: its sentence, then its place in the sentence (event ids follow it)."""
    return event.sentence_index, event.event_id


def _told_more_exactly(place_events: list[Event]) -> set[str]:
    """The ids of the captures dated only to their month, season or year ("recaptured it three years later":
    2017) that another capture of the place by the same force dates inside that span ("on 10 July 2017"):
    the same taking, told less exactly. On the map they would show the town taken from the span's first day.
    By bisection over each force's dated captures: a place may have thousands of events."""
    dated: dict[str, list[tuple[date, int]]] = defaultdict(list)
    for event in place_events:
        if event.kind == "capture" and not event.past and event.date is not None:
            dated[event.force].append((event.date, PRECISION_ORDER.index(event.date_precision)))
    for days in dated.values():
        days.sort()
    restated = set()
    for event in place_events:
        if event.kind != "capture" or event.past or event.date is None \
                or event.date_precision not in ("month", "season", "year"):
            continue
        rank, days = PRECISION_ORDER.index(event.date_precision), dated[event.force]
        first = bisect_left(days, (event.date,))
        last = bisect_left(days, (event.date + timedelta(days=_SPAN_DAYS[event.date_precision]),))
        if any(other_rank < rank for _, other_rank in days[first:last]):
            restated.add(event.event_id)
    return restated


def _shown_from(event: Event, published: dict[str, date]) -> date:
    """The day the map shows an event from: an event in the evening or night ("torsdag kveld", "Thursday
    night") shows from the next morning, never after the article's publication."""
    if event.late:
        return min(event.date + timedelta(days=1), published.get(event.article_id, event.date + timedelta(days=1)))
    return event.date


def build_timelines(events: list[Event], published: dict[str, date]) -> dict[str, list[Period]]:
    """Control periods per place id, each place's periods in time order."""
    by_place: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        if event.place_id and event.kind != "share":
            by_place[event.place_id].append(event)
    timelines: dict[str, list[Period]] = {}
    for place_id in sorted(by_place):
        timeline = _PlaceTimeline(place_id)
        place_events = by_place[place_id]
        dated: dict[date, list[Event]] = defaultdict(list)
        restated = _told_more_exactly(place_events)
        for event in place_events:
            if not event.past and event.date is not None and event.event_id not in restated:
                dated[_shown_from(event, published)].append(event)
        for day in sorted(dated):
            timeline.apply(day, sorted(dated[day], key=lambda e: e.event_id))
        for event in sorted((e for e in place_events if e.past), key=lambda e: e.event_id):
            timeline.attach_past(event, published[event.article_id])
        for event in place_events:
            if event.event_id in restated:
                timeline.attach_past(event, published[event.article_id])
        periods = [p for p in timeline.periods if p.valid_from is None or p.valid_to is None or p.valid_from < p.valid_to]
        for period in periods:
            period.evidence.sort(key=lambda e: (e.date or date.min, e.article_id, e.event_id))
        if periods:
            timelines[place_id] = periods
    return timelines
