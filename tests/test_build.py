"""End to end: the demo corpus through `geo.build` gives the control history the articles report."""

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import date
from functools import partial
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
    # The map's country borders travel with the layer, so the dashboard needs no shapefile reader.
    borders = json.loads((demo_build / "borders.geojson").read_text(encoding="utf-8"))
    assert {"SY", "IQ"} <= {f["properties"]["iso_a2"] for f in borders["features"]}
    control = json.loads((demo_build / "control.geojson").read_text(encoding="utf-8"))
    assert control["type"] == "FeatureCollection"
    for feature in control["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 35 < lon < 49 and 29 < lat < 38  # RFC 7946 order: longitude first
    places = read_places(demo_build / "places.geojson")
    assert {"albu-kamal", "al-qaim", "raqqa", "deir-ez-zor", "mosul", "rawa", "rumana", "baghuz"} <= {
        p.place_id for p in places}
    assert any(not p.has_control_events for p in places)  # places named without a control claim are kept too
    # A town on the map carries the gazetteer's other names, so a link may use them without the gazetteer.
    albu_kamal = next(p for p in places if p.place_id == "albu-kamal")
    assert {"Abu Kemal", "Hindane"} <= set(albu_kamal.alternate_names) and "Albu Kamal" not in albu_kamal.alternate_names
    assert all(not p.alternate_names for p in places if not p.has_control_events)
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

    monkeypatch.setattr("geo.zones_process.zones_geojson_text", explode)
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
    from geo.articles import article_files, read_article
    from geo.gazetteer import Gazetteer

    paths = article_files(messy_corpus)
    gazetteer = Gazetteer.load()
    read = partial(read_article, today=TODAY)
    outcomes = []
    for ahead in (0, 3, len(paths)):
        job = pipeline._Job(paths, read, [read(p) for p in paths[:ahead]], gazetteer, None)
        with pipeline._extract_pooled(job, 2) as taken:
            results, skipped, _ = pipeline._collect(paths, taken, None)
        outcomes.append(([(r.article, r.mentions, r.events) for r in results], skipped))
    assert outcomes[0] == outcomes[1] == outcomes[2]
    assert [s.file for s in outcomes[0][1]] == sorted(s.file for s in outcomes[0][1])  # in file order


def test_the_reader_hands_over_what_it_read_in_file_order(messy_corpus):
    from geo import build as pipeline
    from geo.articles import article_files, read_article

    paths = article_files(messy_corpus)
    read = partial(read_article, today=TODAY)
    reader = pipeline._Reader(paths, read)
    assert reader._receive.poll(timeout=60)  # it sends once it has read everything
    assert reader.take() == [read(p) for p in paths]


def test_cli_build_takes_a_number_of_jobs(tmp_path):
    completed = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--articles", str(ARTICLES), "--out", str(tmp_path / "o"), "--jobs", "0"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert completed.returncode == 2 and "--jobs" in completed.stderr


# --- one article never stops or stalls the build (issue 14) ------------------------------------------------

GOOD = "---\nsource: AFP\npublished: 2017-11-10\nlanguage: en\n---\nIS lost Raqqa.\n"
DEMO_IDS = {p.stem for p in ARTICLES.glob("*.md")}


def _copy_demo(tmp_path) -> Path:
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    return articles


def _pool_for_any_size(monkeypatch, jobs):
    if jobs > 1:
        monkeypatch.setattr("geo.build.POOL_MIN_ARTICLES", 1)  # the demo corpus is too small for a pool otherwise


@pytest.fixture
def hostile_corpus(tmp_path):
    """The demo corpus and one of each kind of file that stopped a build, or was lost without a word."""
    articles = _copy_demo(tmp_path)
    with open(os.fsencode(articles) + b"/bad\xff.md", "wb") as file:
        file.write(GOOD.encode())
    levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    levels += [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for p, n in zip("abcdefgh", "bcdefghi")]
    (articles / "laughs.md").write_text("---\n" + "\n".join(levels) + "\npublished: *i\n---\nText.\n")
    (articles / "deep.md").write_text("---\npublished: 2017-11-10\nx: " + "[" * 1000 + "]" * 1000 + "\n---\nText.\n")
    (articles / "y1800.md").write_text("---\npublished: 1800-01-01\n---\nIS took Raqqa yesterday.\n")
    (articles / "arabic.md").write_text("---\npublished: 2017-11-10\nlanguage: ar\n---\nText.\n")
    os.mkfifo(articles / "pipe.md")
    (articles / "folder.md").mkdir()
    (tmp_path / "outside.md").write_text(GOOD)
    (articles / "link.md").symlink_to(tmp_path / "outside.md")
    (articles / "wide.md").write_bytes(("\ufeff" + GOOD).encode("utf-16-le"))
    (articles / "zz_zero_width.md").write_text(GOOD.replace("Raqqa", "Raq\u200bqa"))
    return articles


HOSTILE_REASONS = {
    "bad\\xff.md": "not valid UTF-8", "laughs.md": "aliases", "deep.md": "nests deeper",
    "y1800.md": "before 1990-01-01", "arabic.md": "'ar' is not supported", "pipe.md": "named pipe",
    "folder.md": "a folder", "link.md": "symbolic link",
}


@pytest.mark.timeout(600)
def test_hostile_files_are_each_skipped_with_a_reason_and_the_rest_builds(hostile_corpus, tmp_path, monkeypatch):
    one = build(hostile_corpus, tmp_path / "one", today=TODAY, jobs=1)
    _pool_for_any_size(monkeypatch, 2)
    pooled = build(hostile_corpus, tmp_path / "pooled", today=TODAY, jobs=2)
    assert _layer_files(tmp_path / "one") == _layer_files(tmp_path / "pooled")
    reasons = {s.file: s.reason for s in one.skipped}
    assert set(reasons) == set(HOSTILE_REASONS)
    for file, words in HOSTILE_REASONS.items():
        assert words in reasons[file], file
        assert len(reasons[file]) <= 300 and str(tmp_path) not in reasons[file]
    report = json.loads((tmp_path / "one" / "report.json").read_text(encoding="utf-8"))
    assert {s["file"]: s["reason"] for s in report["skipped"]} == reasons
    assert {a.article_id for a in one.articles} == DEMO_IDS | {"wide", "zz_zero_width"}
    # The zero-width space inside "Raq\u200bqa" is gone, and Raqqa found.
    [zero_width] = [a for a in report["articles"] if a["article_id"] == "zz_zero_width"]
    assert zero_width["text"] == "IS lost Raqqa." and zero_width["mentions"] == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_failure_while_extracting_one_article_is_that_articles_reason(tmp_path, monkeypatch, jobs):
    import geo.build

    articles = _copy_demo(tmp_path)
    (articles / "zz_fragile.md").write_text(GOOD.replace("Raqqa", "Raqqa BOOM"))
    real = geo.build.find_mentions

    def fragile(text, *args, **kwargs):
        if "BOOM" in text:
            raise RuntimeError(f"cannot cope with {articles / 'zz_fragile.md'}")
        return real(text, *args, **kwargs)

    monkeypatch.setattr("geo.build.find_mentions", fragile)
    _pool_for_any_size(monkeypatch, jobs)
    result = build(articles, tmp_path / "out", today=TODAY, jobs=jobs)
    assert [(s.file, s.reason) for s in result.skipped] == [
        ("zz_fragile.md", "extraction failed: RuntimeError: cannot cope with zz_fragile.md")]
    assert {a.article_id for a in result.articles} == DEMO_IDS


def test_a_date_out_of_the_calendar_no_longer_stops_the_build(tmp_path):
    """Dated 0001-01-01, "yesterday" is before the first day there is (OverflowError): when the window
    lets such a date in, the article is skipped, not the build."""
    articles = _copy_demo(tmp_path)
    (articles / "zz_ancient.md").write_text("---\npublished: 0001-01-01\nlanguage: en\n---\n"
                                            "The SDF captured Raqqa yesterday.\n")
    result = build(articles, tmp_path / "out", today=TODAY, jobs=1, earliest=date(1, 1, 1))
    assert DEMO_IDS <= {a.article_id for a in result.articles}
    for skipped in result.skipped:
        assert skipped.file == "zz_ancient.md" and skipped.reason.startswith("extraction failed: OverflowError")


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_article_over_its_time_budget_is_skipped_not_waited_on(tmp_path, monkeypatch, jobs):
    import geo.build
    from geo.gazetteer import Gazetteer

    geo.build._warm_up(Gazetteer.load())  # what the first article would load, loaded before the clock runs
    articles = _copy_demo(tmp_path)
    (articles / "zz_endless.md").write_text(GOOD.replace("Raqqa", "Raqqa ENDLESS"))
    real = geo.build.find_mentions

    def endless(text, *args, **kwargs):
        while "ENDLESS" in text:  # pure Python that never returns, as a pathological input could
            pass
        return real(text, *args, **kwargs)

    monkeypatch.setattr("geo.build.find_mentions", endless)
    _pool_for_any_size(monkeypatch, jobs)
    start = time.monotonic()
    result = build(articles, tmp_path / "out", today=TODAY, jobs=jobs, article_seconds=2)
    assert time.monotonic() - start < 120
    [skipped] = result.skipped
    assert skipped.file == "zz_endless.md" and "took longer than the 2 s allowed per article" in skipped.reason
    assert {a.article_id for a in result.articles} == DEMO_IDS


def _gone(pid: int) -> bool:
    """Whether process `pid` has exited (a zombie nobody reaped has)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except FileNotFoundError:
        return True


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("stage", ["reading", "extracting"])
def test_helpers_exit_when_the_build_process_is_killed(tmp_path, stage):
    """kill -9 of the build while its reader reads ahead (the gazetteer is loading), or while workers
    extract: none of its forked helpers outlives it, blocked on a pipe nobody reads."""
    articles = tmp_path / "articles"
    articles.mkdir()
    text = "IS lost Raqqa. " * 300  # 60 files of ~4.5 KB: more than a pipe holds
    for i in range(60):
        (articles / f"a{i:02}.md").write_text(f"---\npublished: 2017-11-10\nlanguage: en\n---\n{text}\n")
    script = textwrap.dedent(f"""
        import multiprocessing, time
        import geo.build as pipeline
        from geo.gazetteer import Gazetteer

        def stall(*args, **kwargs):
            print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
            time.sleep(600)

        if {stage == "reading"}:
            Gazetteer.load = stall  # the parent is killed while it loads the gazetteer
        pipeline.build({str(articles)!r}, {str(tmp_path / "out")!r}, jobs=2, progress=stall)
    """)
    process = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    helpers = []
    try:
        helpers = [int(pid) for pid in process.stdout.readline().split()]
        assert helpers
        time.sleep(1)
        process.send_signal(signal.SIGKILL)
        process.wait()
        deadline = time.monotonic() + 20
        while not all(map(_gone, helpers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert [pid for pid in helpers if not _gone(pid)] == []
    finally:
        process.kill()
        for pid in helpers:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), RuntimeError("disk on fire")])
def test_cli_quiet_still_says_a_build_failed(tmp_path, monkeypatch, capsys, error):
    from geo import cli

    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.md").write_text(GOOD)

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr("geo.build.write_layer_atomically", fail)
    code = cli.main(["build", "--articles", str(tmp_path / "articles"), "--out", str(tmp_path / "out"), "--quiet",
                     "--jobs", "1"])
    stderr = capsys.readouterr().err
    assert code == 1 and "build failed" in stderr and str(error.args[-1]) in stderr
    assert "Traceback" not in stderr
    missing = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--articles", str(tmp_path / "nope"), "--quiet"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert missing.returncode == 2 and "articles folder not found" in missing.stderr


def test_cli_lists_skipped_files_even_when_quiet_and_takes_the_date_window_and_budget(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(GOOD)
    (articles / "old.md").write_text(GOOD.replace("2017-11-10", "1800-01-01"))
    (articles / "ar.md").write_text(GOOD.replace("language: en", "language: ar"))
    completed = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--articles", str(articles), "--out", str(tmp_path / "out"),
         "--quiet", "--jobs", "1", "--earliest", "1800-01-01", "--article-seconds", "20"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stderr.splitlines() == [
        "skipped ar.md: language 'ar' is not supported: the pipeline reads en, nb"]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert [a["article_id"] for a in report["articles"]] == ["a", "old"]


@pytest.mark.parametrize("option", [["--article-seconds", "-1"], ["--article-seconds", "soon"],
                                    ["--earliest", "2030-01-01", "--today", "2026-01-01"]])
def test_cli_build_refuses_a_bad_window_or_budget(tmp_path, option):
    completed = subprocess.run(
        [sys.executable, "-m", "geo", "build", "--articles", str(ARTICLES), "--out", str(tmp_path / "o"), *option],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert completed.returncode == 2 and option[0] in completed.stderr


def test_the_cli_defaults_are_the_pipelines():
    from geo import articles, build as pipeline, cli

    assert cli.DEFAULT_EARLIEST == articles.DEFAULT_EARLIEST
    assert cli.DEFAULT_ARTICLE_SECONDS == pipeline.DEFAULT_ARTICLE_SECONDS
