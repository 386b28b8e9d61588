"""The assembled map against the gold: a right event can still be lost in the timeline (a background
"IS took Mosul in June 2014" in a 2017 story must not outlive the 2017 liberation).

For each gold change the map (control.geojson of the whole corpus) is read near the gold place (within
5 km) on the probe days: the change's date when it is known to the day, else the first day after its
week, month, season or year; and, when a later gold change of the same place with another force or
status follows, the day before it (then a first probe on or after that change is dropped). When that next
change falls inside the change's own week, month, season or year ("took Mayadin in October" and "entered
Mayadin on 6 October"), the dates do not tell which came first, and the change is not probed, as when the
next change follows on the same day. The map is right about the change when on every probe day some
period there shows the gold force and status: held by the force, or contested with the force among its
parties.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from geo.eval.gold import GoldChange
from geo.eval.match import first_day_after, near
from geo.state import is_valid_on

AFTER_CHANGE = "after the change"
BEFORE_NEXT = "before the next change"


@dataclass(frozen=True)
class Probe:
    day: date
    reason: str
    shown: tuple[str, ...]  # what the map shows near the place that day ("SDF held", "IS contested by SDF")
    ok: bool


@dataclass(frozen=True)
class MapOutcome:
    change: GoldChange
    probes: tuple[Probe, ...]

    @property
    def scored(self) -> bool:
        """False when no day can be probed (the next change of the place follows on the same day, or inside
        the change's own date window)."""
        return bool(self.probes)

    @property
    def ok(self) -> bool:
        return self.scored and all(p.ok for p in self.probes)


def next_change(change: GoldChange, all_changes: Sequence[GoldChange]) -> GoldChange | None:
    """The first later gold change of the same place (within 5 km) to another force or status."""
    later = [
        c for c in all_changes
        if c.date > change.date and (c.force, c.status) != (change.force, change.status) and near(c, change)
    ]
    return min(later, key=lambda c: (c.date, c.file, c.line), default=None)


def probe_days(change: GoldChange, all_changes: Sequence[GoldChange]) -> list[tuple[date, str]]:
    """The days on which the map must show `change` (see the module's docstring)."""
    first = change.date if change.precision == "day" else first_day_after(change.date, change.precision)
    following = next_change(change, all_changes)
    if following is None:
        return [(first, AFTER_CHANGE)]
    if change.precision != "day" and following.date < first:
        return []  # inside the change's window: which came first is unknown
    before_next = following.date - timedelta(days=1)
    days = [(first, AFTER_CHANGE)] if first < following.date and first != before_next else []
    return days + [(before_next, BEFORE_NEXT)]


def shows(period, change: GoldChange) -> bool:
    """Whether a control period shows the change's force and status."""
    if period.status != change.status:
        return False
    if change.status == "held":
        return period.force == change.force
    return change.force == period.force or change.force in period.contested_by


def describe(period) -> str:
    if period.status == "contested":
        return f"{period.force} contested by {', '.join(period.contested_by) or 'UNKNOWN'}"
    return f"{period.force} held"


def check_map(changes: Sequence[GoldChange], all_changes: Sequence[GoldChange], periods: Sequence) -> list[MapOutcome]:
    """Each of `changes` checked on the map `periods` (control.geojson's, with lat/lon); `all_changes`:
    every gold change of the corpus, for the changes that follow."""
    outcomes = []
    for change in changes:
        here = [p for p in periods if near(change, p)]
        probes = []
        for day, reason in probe_days(change, all_changes):
            valid = [p for p in here if is_valid_on(p, day)]
            probes.append(Probe(day, reason, tuple(sorted({describe(p) for p in valid})),
                                any(shows(p, change) for p in valid)))
        outcomes.append(MapOutcome(change, tuple(probes)))
    return outcomes
