"""The helper process that makes a build's zone files and borders (geo/zones_process.py)."""

from __future__ import annotations

from datetime import date

from geo.zones import TownPeriod
from geo.zones_process import ZonesProcess, border_file, zone_files

PERIODS = [
    TownPeriod("albu-kamal", 40.91854, 34.45226, "IS", "held", (), None, date(2017, 11, 9)),
    TownPeriod("albu-kamal", 40.91854, 34.45226, "SYRIAN_GOV", "held", (), date(2017, 11, 9), None),
    TownPeriod("raqqa", 39.00786, 35.95283, "SDF", "held", (), date(2017, 10, 17), None),
]


def test_the_helper_makes_the_same_files_as_this_process():
    files, count = zone_files(PERIODS)
    helper = ZonesProcess()
    helper.send(PERIODS)
    assert helper.files() == (files, count, border_file())


def test_a_helper_that_died_gives_none_and_the_build_makes_the_files_itself():
    helper = ZonesProcess()
    helper._process.kill()
    helper._process.wait()
    helper.send(PERIODS)
    assert helper.files() is None


def test_a_helper_that_cannot_start_is_none(monkeypatch):
    monkeypatch.setattr("geo.zones_process.sys.executable", "/nonexistent/python")
    assert ZonesProcess.start() is None
