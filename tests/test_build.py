"""End to end: the demo corpus through `geo.build` gives the control history the articles report."""

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from geo.build import LAYER_FILES, build
from geo.io.read import current_version, read_areas, read_control, read_events, read_places, read_zones
from geo.state import state_on

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build") / "layer"
    build(ARTICLES, out, today=TODAY)
    return out


@pytest.fixture(scope="module")
def periods(demo_build):
    return read_control(demo_build / "control.geojson")


def holder(periods, place_id, day):
    (period,) = state_on(periods, date.fromisoformat(day), place_id)
    return period


def test_deir_ez_zor_is_syrian_government_from_2_november(periods):
    period = holder(periods, "deir-ez-zor", "2017-11-02")
    assert (period.force, period.status, period.valid_from, period.date_precision) == (
        "SYRIAN_GOV", "held", date(2017, 11, 2), "day")
    assert state_on(periods, date(2017, 11, 1), "deir-ez-zor") == []


def test_al_qaim_is_iraqi_government_from_3_november_and_is_before(periods):
    period = holder(periods, "al-qaim", "2017-11-03")
    assert (period.force, period.valid_from, period.date_precision) == ("IRAQI_GOV", date(2017, 11, 3), "day")
    assert holder(periods, "al-qaim", "2017-11-02").force == "IS"


def test_raqqa_is_sdf_from_october_2017_with_month_precision(periods):
    period = holder(periods, "raqqa", "2017-10-15")
    assert (period.force, period.valid_from, period.date_precision) == ("SDF", date(2017, 10, 1), "month")
    assert any("Raqqa last month" in e.quote for e in period.evidence)


def test_albu_kamal_changes_hands_three_times_in_three_days(periods):
    before = holder(periods, "albu-kamal", "2017-11-08")
    assert (before.force, before.valid_from) == ("IS", None)
    taken = holder(periods, "albu-kamal", "2017-11-09")
    assert (taken.force, taken.status) == ("SYRIAN_GOV", "held")
    fought = holder(periods, "albu-kamal", "2017-11-10")
    assert (fought.force, fought.status, fought.contested_by) == ("SYRIAN_GOV", "contested", ["IS"])
    assert any("40 prosent" in e.quote and e.claimant and "SOHR" in e.claimant for e in fought.evidence)
    assert any("40 percent" in e.quote and e.language == "en" for e in fought.evidence)
    retaken = holder(periods, "albu-kamal", "2017-11-11")
    assert (retaken.force, retaken.status, retaken.valid_from) == ("IS", "held", date(2017, 11, 11))
    assert [e.claimant for e in retaken.evidence] == ["Syrian Observatory for Human Rights (SOHR)"]


def test_baghuz_is_an_is_pocket_contested_by_the_sdf_from_10_february_2019(periods):
    period = holder(periods, "baghuz", "2019-02-10")
    assert (period.force, period.status, period.contested_by) == ("IS", "contested", ["SDF"])
    assert holder(periods, "baghuz", "2019-02-09").force == "IS"


def test_mosul_is_no_longer_held_by_is_in_november_2017(periods):
    assert holder(periods, "mosul", "2017-11-30").force != "IS"


@pytest.mark.parametrize("place_id", ["rawa", "rumana"])
def test_rawa_and_rumana_are_is_held_under_an_iraqi_offensive(periods, place_id):
    period = holder(periods, place_id, "2017-11-11")
    assert (period.force, period.status) == ("IS", "held")
    pressure = [e for e in period.evidence if e.event_kind == "pressure"]
    assert pressure and pressure[0].event_force == "IRAQI_GOV" and pressure[0].date == "2017-11-11"


def test_unresolved_camp_is_reported_with_its_sentence_and_not_placed(demo_build):
    report = json.loads((demo_build / "report.json").read_text(encoding="utf-8"))
    sukkariyah = [u for u in report["unresolved"] if u["name"] == "Al-Sukkariyah"]
    assert sukkariyah and "flyktningleir" in sukkariyah[0]["sentence"]
    places = read_places(demo_build / "places.geojson")
    assert "Al-Sukkariyah" not in {s for p in places for s in p.spellings}


def test_every_period_traces_to_quotes_with_outlet_date_and_precision(periods):
    assert periods
    for period in periods:
        assert period.evidence, period.place_id
        for evidence in period.evidence:
            assert evidence.quote and evidence.source and evidence.published and evidence.language
        assert period.date_precision in ("day", "week", "month", "season", "year", "unknown")


def test_layer_files_follow_the_contract(demo_build):
    # The published build's folder holds the layer files and build.json (see geo/io/write.py).
    assert sorted(p.name for p in current_version(demo_build).folder.iterdir()) == sorted(LAYER_FILES + ("build.json",))
    assert json.loads((demo_build / "current" / "build.json").read_text())["articles"] == str(ARTICLES.resolve())
    control = json.loads((demo_build / "control.geojson").read_text(encoding="utf-8"))
    assert control["type"] == "FeatureCollection"
    for feature in control["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lon < 49 and 29 < lat < 38  # RFC 7946 order: longitude first
    places = read_places(demo_build / "places.geojson")
    assert {"albu-kamal", "al-qaim", "raqqa", "deir-ez-zor", "mosul", "rawa", "rumana", "baghuz"} <= {
        p.place_id for p in places}
    assert any(not p.has_control_events for p in places)  # places named without a control claim are kept too
    events = read_events(demo_build / "events.csv")
    assert {"capture", "loss", "contest", "pressure", "state", "share"} <= {e.kind for e in events}
    shares = {(e.force, e.share_percent) for e in events if e.kind == "share"}
    assert ("SYRIAN_GOV", 37.0) in shares and ("SDF", 32.0) in shares


def test_zones_are_town_cells_and_albu_kamal_is_contested_by_is_on_the_tenth(demo_build):
    zones = read_zones(demo_build / "zones.geojson")
    day = date(2017, 11, 10)
    [albu_kamal] = [z for z in zones if "albu-kamal" in z.towns and z.valid_on(day)]
    assert (albu_kamal.force, albu_kamal.status, albu_kamal.contested_by) == ("SYRIAN_GOV", "contested", ("IS",))
    assert albu_kamal.towns == ("albu-kamal",) and albu_kamal.area_km2 > 0
    # One zone per town on any date: a town is never in two zones valid on the same day.
    live = [z for z in zones if z.valid_on(day)]
    towns = [t for z in live for t in z.towns]
    assert len(towns) == len(set(towns))
    rows = {(r.date, r.force): r for r in read_areas(demo_build / "areas.csv")}
    assert rows[(day, "SYRIAN_GOV")].contested_towns == 1
    assert rows[(day, "SYRIAN_GOV")].contested_area_km2 == pytest.approx(albu_kamal.area_km2, abs=0.1)


def test_same_input_gives_byte_identical_files(demo_build, tmp_path):
    again = tmp_path / "again"
    result = build(ARTICLES, again, today=TODAY)
    first, second = (current_version(out).folder for out in (demo_build, again))
    names = sorted(p.name for p in first.iterdir())
    assert names == sorted(p.name for p in second.iterdir()) and set(LAYER_FILES) <= set(names)
    for name in names:  # every file, report.json and build.json too
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    # the time each step took is for the terminal summary only
    assert "timings" not in json.loads((second / "report.json").read_text(encoding="utf-8"))
    assert set(result.timings) >= {"load_gazetteer_s", "extract_s"}


def test_a_bad_file_is_skipped_and_the_rest_of_the_corpus_still_builds(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    result = build(articles, tmp_path / "out", today=TODAY)
    assert {s.file for s in result.skipped} == {"broken.md", "empty.txt"}
    assert len(result.articles) == 5
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in report["skipped"]} == {"broken.md", "empty.txt"}


def _everything(folder):
    return {str(p.relative_to(folder)): os.readlink(p) if p.is_symlink() else p.read_bytes() if p.is_file() else None
            for p in folder.rglob("*")}


def test_a_failed_build_leaves_the_previous_output_untouched(tmp_path, demo_build, monkeypatch):
    out = tmp_path / "out"
    shutil.copytree(demo_build, out, symlinks=True)
    before = _everything(out)

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("geo.build.zones_geojson_text", explode)
    with pytest.raises(RuntimeError):
        build(ARTICLES, out, today=TODAY)
    assert _everything(out) == before
    assert not any(p.name.startswith("out.") for p in tmp_path.iterdir())


def test_cli_state_accepts_any_spelling(demo_build):
    completed = subprocess.run(
        [sys.executable, "-m", "geo", "state", "--date", "2017-11-10", "--place", "Abu Kamal", "--build", str(demo_build)],
        capture_output=True, text=True, cwd=ROOT, check=True,
    )
    state = json.loads(completed.stdout)
    assert state["place"] == "albu-kamal"
    assert [(s["force"], s["status"]) for s in state["state"]] == [("SYRIAN_GOV", "contested")]


def test_cli_build_reports_a_missing_folder_clearly(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--articles", str(tmp_path / "nope"), "--out", str(tmp_path / "o")],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert completed.returncode == 2 and "articles folder not found" in completed.stderr


# --- extraction in a pool of worker processes -------------------------------------------------------------

def _layer_files(out):
    return {name: (out / name).read_bytes() for name in LAYER_FILES}


@pytest.fixture
def messy_corpus(tmp_path):
    """The demo corpus, a broken and an empty file, a second file with the id of a demo article, and one
    whose language has to be detected."""
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "broken.md").write_text("---\ntitle: [oops\n---\nText.\n", encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    demo = sorted(ARTICLES.glob("*.md"))
    (articles / f"{demo[0].stem}.txt").write_text(demo[0].read_text(encoding="utf-8"), encoding="utf-8")
    english = "".join(line for line in demo[3].read_text(encoding="utf-8").splitlines(keepends=True)
                      if not line.startswith("language:"))
    (articles / "zz_undeclared.md").write_text(english, encoding="utf-8")
    return articles


def test_a_pool_of_workers_writes_the_same_files_as_one_process(messy_corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("geo.build.POOL_MIN_ARTICLES", 1)  # the demo corpus is too small for a pool otherwise
    one = build(messy_corpus, tmp_path / "one", today=TODAY, jobs=1)
    pooled = build(messy_corpus, tmp_path / "pooled", today=TODAY, jobs=2)
    assert _layer_files(tmp_path / "one") == _layer_files(tmp_path / "pooled")
    assert pooled.skipped == one.skipped and len(one.skipped) == 3
    assert any("same article id" in s.reason for s in pooled.skipped)
    assert pooled.articles == one.articles and pooled.events == one.events
    [undeclared] = [a for a in pooled.report["articles"] if a["article_id"] == "zz_undeclared"]
    assert (undeclared["language"], undeclared["language_detected"]) == ("en", True)


def test_workers_take_over_reading_where_the_reader_stopped(messy_corpus):
    from geo import build as pipeline
    from geo.articles import DEFAULT_MAX_BYTES, article_files
    from geo.gazetteer import Gazetteer

    paths = article_files(messy_corpus)
    gazetteer = Gazetteer.load()
    outcomes = []
    for ahead in (0, 3, len(paths)):
        read = [pipeline._read(p, TODAY, DEFAULT_MAX_BYTES) for p in paths[:ahead]]
        results, skipped = pipeline._read_and_extract_all(paths, TODAY, DEFAULT_MAX_BYTES, gazetteer, 2, None, read)
        outcomes.append(([(r.article, r.mentions, r.events) for r in results], skipped))
    assert outcomes[0] == outcomes[1] == outcomes[2]
    assert [s.file for s in outcomes[0][1]] == sorted(s.file for s in outcomes[0][1])  # in file order


def test_the_reader_hands_over_what_it_read_in_file_order(messy_corpus):
    from geo import build as pipeline
    from geo.articles import DEFAULT_MAX_BYTES, article_files

    paths = article_files(messy_corpus)
    reader = pipeline._Reader(paths, TODAY, DEFAULT_MAX_BYTES)
    assert reader._receive.poll(timeout=60)  # it sends once it has read everything
    read = reader.take()
    assert read == [pipeline._read(p, TODAY, DEFAULT_MAX_BYTES) for p in paths]


def test_cli_build_takes_a_number_of_jobs(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--articles", str(ARTICLES), "--out", str(tmp_path / "o"), "--jobs", "0"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert completed.returncode == 2 and "--jobs" in completed.stderr
