"""The Places page's table: every town with its state on a date, made once per layer and looked up per date.

A town's state only changes on its change dates, so its state text is worked out once for each span between
them; a date then costs one binary search per town instead of a scan of its periods and a new text (at
10,000 towns a rerun of the page took about 340 ms, most of it rebuilding the rows).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from geo.state import state_on
from ui.panel import describe
from ui.style import ForceStyle

NO_SOURCE = "no source"


@dataclass(frozen=True)
class PlacesTable:
    """`rows`: place_id, Place, Country, Sources, Spellings, one row per place; per row its change dates and
    the state text of each span they cut (`states[i][k]`: the span after `changes[i][k - 1]`)."""

    rows: pd.DataFrame
    changes: tuple[tuple[date, ...], ...]
    states: tuple[tuple[str, ...], ...]
    search_text: pd.Series  # each row's name and spellings, casefolded

    def on(self, day: date, query: str = "") -> pd.DataFrame:
        """The rows whose name or spelling contains `query` (any case), with the state on `day` and the last
        change on or before it."""
        spans = [bisect_right(changes, day) for changes in self.changes]
        table = self.rows.copy(deep=False)
        table.insert(3, f"State on {day.isoformat()}", [states[k] for states, k in zip(self.states, spans)])
        table.insert(4, "Last change", [changes[k - 1].isoformat() if k else ""
                                        for changes, k in zip(self.changes, spans)])
        needle = query.strip().casefold()
        if needle:
            table = table[self.search_text.str.contains(needle, regex=False).to_numpy()]
        return table


def _span_states(periods: Sequence, changes: Sequence[date], forces: Mapping[str, ForceStyle]) -> tuple[str, ...]:
    # A day inside each span: the day before the first change, then each change date itself (periods are
    # half-open, [valid_from, valid_to), so a change date belongs to the span it opens).
    first = changes[0] - timedelta(days=1) if changes and changes[0] > date.min else date.min
    days = [first, *changes] if changes else [date.min]
    return tuple("; ".join(describe(p, forces) for p in state_on(periods, day)) or NO_SOURCE for day in days)


def places_table(records: Sequence, forces: Mapping[str, ForceStyle]) -> PlacesTable:
    """The table of `records` (ui.layer.PlaceRecord: place, periods, sorted change dates, sources)."""
    rows = pd.DataFrame({
        "place_id": [r.place.place_id for r in records],
        "Place": [r.place.name for r in records],
        "Country": [r.periods[0].country if r.periods else "" for r in records],
        "Sources": [r.sources for r in records],
        "Spellings": [", ".join(r.place.spellings) for r in records],
    })
    search_text = (rows["Place"] + "\n" + rows["Spellings"]).str.casefold()
    return PlacesTable(
        rows=rows,
        changes=tuple(tuple(r.changes) for r in records),
        states=tuple(_span_states(r.periods, r.changes, forces) for r in records),
        search_text=search_text,
    )
