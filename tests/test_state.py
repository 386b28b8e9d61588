from dataclasses import dataclass
from datetime import date

import pytest

from geo.state import change_dates, history, is_valid_on, last_change, next_change, previous_change, state_on

D = date.fromisoformat


@dataclass
class P:
    place_id: str
    force: str
    valid_from: date | None
    valid_to: date | None


ALBU_KAMAL = [
    P("albu-kamal", "IS", None, D("2017-11-09")),
    P("albu-kamal", "SYRIAN_GOV", D("2017-11-09"), D("2017-11-10")),
    P("albu-kamal", "SYRIAN_GOV+IS", D("2017-11-10"), D("2017-11-11")),
    P("albu-kamal", "IS", D("2017-11-11"), None),
]
RAQQA = [P("raqqa", "SDF", D("2017-10-01"), None)]


@pytest.mark.parametrize("day, force", [
    ("2014-01-01", "IS"),            # unknown start: valid on every earlier day
    ("2017-11-08", "IS"),
    ("2017-11-09", "SYRIAN_GOV"),    # valid_from inclusive, valid_to exclusive
    ("2017-11-10", "SYRIAN_GOV+IS"),
    ("2017-11-11", "IS"),
    ("2030-01-01", "IS"),            # open end
])
def test_state_on_uses_inclusive_start_exclusive_end_and_open_bounds(day, force):
    assert [p.force for p in state_on(ALBU_KAMAL, D(day))] == [force]


def test_state_on_filters_by_place_and_knows_nothing_before_a_known_start():
    periods = ALBU_KAMAL + RAQQA
    assert [p.place_id for p in state_on(periods, D("2017-11-10"))] == ["albu-kamal", "raqqa"]
    assert state_on(periods, D("2017-11-10"), "raqqa") == RAQQA
    assert state_on(periods, D("2017-09-30"), "raqqa") == []
    assert state_on(periods, D("2017-11-10"), "nowhere") == []


def test_state_on_takes_a_date_not_a_string():
    with pytest.raises(TypeError):
        state_on(ALBU_KAMAL, "2017-11-10")


def test_change_dates_are_sorted_distinct_known_bounds():
    assert change_dates(ALBU_KAMAL + RAQQA) == [D("2017-10-01"), D("2017-11-09"), D("2017-11-10"), D("2017-11-11")]
    assert change_dates([]) == []


def test_stepping_between_changes_and_history():
    changes = change_dates(ALBU_KAMAL + RAQQA)
    assert previous_change(changes, D("2017-11-10")) == D("2017-11-09")
    assert next_change(changes, D("2017-11-10")) == D("2017-11-11")
    assert previous_change(changes, D("2017-10-01")) is None
    assert next_change(changes, D("2017-11-11")) is None
    assert [p.force for p in history(list(reversed(ALBU_KAMAL)), "albu-kamal")] == [p.force for p in ALBU_KAMAL]
    albu_kamal = change_dates(ALBU_KAMAL)
    assert last_change(albu_kamal, D("2017-11-10")) == D("2017-11-10")
    assert last_change(albu_kamal, D("2017-12-01")) == D("2017-11-11")  # a day after the last change
    assert last_change(albu_kamal, D("2017-01-01")) is None
    assert is_valid_on(RAQQA[0], D("2017-10-01"))
