"""ui/places_table.py: the Places page's table looked up per date says what scanning every period says."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from geo.io.read import read_layer
from geo.state import last_change, state_on
from tests.fixtures.make_layer import write_layer
from ui import layer as data
from ui.panel import describe
from ui.places_table import NO_SOURCE, places_table


@pytest.fixture(scope="module")
def layer(tmp_path_factory):
    return read_layer(write_layer(tmp_path_factory.mktemp("layer") / "build"))


@pytest.fixture(scope="module")
def table(layer):
    return places_table(data.place_records(layer), data.forces())


def _days(layer) -> list[date]:
    """Each change date, the days either side of it, and days before the first and after the last."""
    changes = data.date_range(layer).changes
    around = {day + timedelta(days=delta) for day in changes for delta in (-1, 0, 1)}
    return sorted(around | {changes[0] - timedelta(days=400), changes[-1] + timedelta(days=400)})


def test_every_towns_state_and_last_change_on_every_date_are_those_of_its_periods(layer, table):
    forces = data.forces()
    records = data.place_records(layer)
    for day in _days(layer):
        shown = table.on(day)
        states = shown[f"State on {day.isoformat()}"].tolist()
        lasts = shown["Last change"].tolist()
        for record, state, last in zip(records, states, lasts, strict=True):
            expected = "; ".join(describe(p, forces) for p in state_on(record.periods, day)) or NO_SOURCE
            changed = last_change(record.changes, day)
            assert (state, last) == (expected, changed.isoformat() if changed else ""), (record.place.name, day)


def test_albu_kamal_is_contested_from_the_day_fighting_began(table):
    before, on = table.on(date(2017, 11, 9)), table.on(date(2017, 11, 10))
    row = lambda shown: shown[shown["Place"] == "Albu Kamal"].iloc[0]  # noqa: E731
    assert "contested" not in row(before)["State on 2017-11-09"]
    assert "contested" in row(on)["State on 2017-11-10"] and row(on)["Last change"] == "2017-11-10"


def test_a_search_finds_a_town_by_any_case_of_its_name_or_a_spelling_the_articles_used(layer, table):
    records = data.place_records(layer)
    spelled = next(r for r in records if any(s != r.place.name for s in r.place.spellings))
    spelling = next(s for s in spelled.place.spellings if s != spelled.place.name)
    assert spelled.place.name in table.on(date(2017, 11, 10), spelling.upper())["Place"].tolist()
    assert table.on(date(2017, 11, 10), "  " + spelled.place.name.lower() + " ")["Place"].tolist()[0] == spelled.place.name
    assert table.on(date(2017, 11, 10), "no town is called this").empty
