"""geo/io/write.py: a build publishes one whole version of the layer folder, refuses folders that are not
its own, keeps readers on one consistent build while it swaps, and the dashboard's first build
(ui/layer.py `ensure_built`) runs once and never over someone's layer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from geo.io.read import CONTROL_FILE, REPORT_FILE, current_version, layer_exists, read_layer
from geo.io.write import (KEEP_PREVIOUS, LayerFolderError, demo_build_refusal, layer_lock, recover_interrupted_swap,
                          write_layer_atomically)
from tests.fixtures.make_layer import write_layer

ROOT = Path(__file__).resolve().parents[1]
FIRST_PLACE = "albu-kamal"  # the first feature of the fixture's control.geojson


@pytest.fixture(scope="module")
def fixture_files(tmp_path_factory) -> dict[str, str]:
    folder = write_layer(tmp_path_factory.mktemp("fixture") / "layer")
    return {p.name: p.read_text(encoding="utf-8") for p in folder.iterdir()}


def tagged(files: dict[str, str], tag: int) -> dict[str, str]:
    """The fixture layer marked as build `tag` in two of its files (report.json and control.geojson), so a
    reader can tell whether what it read came from one build."""
    report = json.loads(files[REPORT_FILE])
    report["build_tag"] = tag
    control = json.loads(files[CONTROL_FILE])
    for feature in control["features"]:
        if feature["properties"]["place_id"] == FIRST_PLACE:
            feature["properties"]["name"] = f"Town of build {tag}"
    return {**files, REPORT_FILE: json.dumps(report), CONTROL_FILE: json.dumps(control)}


def tag_of(layer) -> int:
    """The build a layer's report.json came from, after checking control.geojson came from the same one."""
    tag = layer.report["build_tag"]
    names = {p.name for p in layer.periods if p.place_id == FIRST_PLACE}
    assert names == {f"Town of build {tag}"}, f"report.json of build {tag}, control.geojson of {names}"
    return tag


def snapshot(folder: Path) -> dict[str, object]:
    """Everything under `folder`: each file's bytes, each link's target, each folder."""
    out: dict[str, object] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        out[key] = ("link", os.readlink(path)) if path.is_symlink() else path.read_bytes() if path.is_file() else "dir"
    return out


def foreign_folder(path: Path) -> Path:
    path.mkdir(parents=True)
    (path / "notes.txt").write_text("my notes\n")
    (path / "sub").mkdir()
    (path / "sub" / "important.csv").write_text("a,b\n1,2\n")
    return path


# --- refusing what is not ours ------------------------------------------------------------------------------

def test_a_folder_with_other_files_is_refused_and_left_as_it_was(tmp_path, fixture_files):
    out = foreign_folder(tmp_path / "out")
    previous = tmp_path / "out.previous"  # someone's sibling that happens to have the old build's name
    previous.mkdir()
    (previous / "keep.txt").write_text("mine\n")
    before, before_previous = snapshot(out), snapshot(previous)
    with pytest.raises(LayerFolderError, match=r"out: refusing to build into this folder.*notes\.txt, sub/"):
        write_layer_atomically(out, tagged(fixture_files, 1))
    assert snapshot(out) == before and snapshot(previous) == before_previous
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "out.previous"]


def test_the_cli_refuses_a_folder_like_data_before_building(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text("---\npublished: 2017-11-10\nlanguage: en\n---\nText.\n")
    data = tmp_path / "data"  # like `--out data`: the corpus and the configuration live there
    data.mkdir()
    (data / "articles").mkdir()
    (data / "articles" / "001.md").write_text("an article\n")
    (data / "forces.yaml").write_text("forces: {}\n")
    before = snapshot(data)
    done = subprocess.run([sys.executable, "-m", "geo", "build", "--articles", str(articles), "--out", str(data),
                           "--quiet"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
    assert f"{data}: refusing to build into this folder" in done.stderr and "articles/" in done.stderr
    assert snapshot(data) == before


def test_a_missing_or_empty_folder_is_built_into(tmp_path, fixture_files):
    empty = tmp_path / "empty"
    empty.mkdir()
    for out in (tmp_path / "missing" / "deeper", empty):
        write_layer_atomically(out, tagged(fixture_files, 1))
        assert tag_of(read_layer(out)) == 1
        assert (out / CONTROL_FILE).is_file()  # a tool opening the folder's file by its path sees the build


def test_files_added_to_a_layer_folder_survive_builds(tmp_path, fixture_files):
    out = tmp_path / "out"
    write_layer_atomically(out, tagged(fixture_files, 1))
    (out / "README.txt").write_text("what this layer is\n")
    (out / "versions" / "my-notes").mkdir()
    for tag in range(2, 6):
        write_layer_atomically(out, tagged(fixture_files, tag))
    assert (out / "README.txt").read_text() == "what this layer is\n" and (out / "versions" / "my-notes").is_dir()


# --- versions and the pointer ---------------------------------------------------------------------------------

def test_each_build_is_a_version_and_the_previous_two_are_kept(tmp_path, fixture_files):
    out = tmp_path / "out"
    folders = [write_layer_atomically(out, tagged(fixture_files, tag)) for tag in range(1, 7)]
    assert current_version(out).folder == folders[-1]
    assert sorted(p.name for p in (out / "versions").iterdir()) == [f.name for f in folders[-1 - KEEP_PREVIOUS:]]
    assert os.readlink(out / "current") == f"versions/{folders[-1].name}"
    record = json.loads((folders[-1] / "build.json").read_text())
    assert record["written_by"] == "python -m geo build" and record["articles"] is None
    layer = read_layer(out)
    assert tag_of(layer) == 6 and layer.build_dir == folders[-1] and layer.version == f"versions/{folders[-1].name}"


def test_a_build_records_its_corpus(tmp_path, fixture_files):
    folder = write_layer_atomically(tmp_path / "out", fixture_files, articles=tmp_path / "corpus")
    assert json.loads((folder / "build.json").read_text())["articles"] == str((tmp_path / "corpus").resolve())


def test_readers_never_see_a_missing_layer_or_two_builds_mixed(tmp_path, fixture_files):
    """Three threads read the layer in a loop while forty builds are published, starting from a layer in
    the earlier layout (a plain folder of files), which the first build upgrades in place."""
    out = tmp_path / "out"
    out.mkdir()
    for name, text in tagged(fixture_files, 0).items():
        (out / name).write_text(text, encoding="utf-8")
    stop, seen, failures = threading.Event(), [], []

    def reader():
        while not stop.is_set():
            try:
                seen.append(tag_of(read_layer(out)))
            except Exception as exc:  # noqa: BLE001 - every failure is the finding
                failures.append(repr(exc))

    readers = [threading.Thread(target=reader) for _ in range(3)]
    for thread in readers:
        thread.start()
    try:
        for tag in range(1, 41):
            write_layer_atomically(out, tagged(fixture_files, tag))
    finally:
        stop.set()
        for thread in readers:
            thread.join()
    assert failures == []
    assert len(seen) > 40 and len(set(seen)) > 5  # the readers did overlap the builds
    assert tag_of(read_layer(out)) == 40


def test_a_killed_build_leaves_the_published_one_and_the_next_build_cleans_up(tmp_path, fixture_files):
    out = tmp_path / "out"
    write_layer_atomically(out, tagged(fixture_files, 1))
    (tmp_path / "files.json").write_text(json.dumps(tagged(fixture_files, 2)))
    halfway = tmp_path / "halfway"
    # A build that stops (until killed) after writing one file of its version.
    script = """
import json, sys
from pathlib import Path
from geo.io import write
written = write._write_synced
def stop_after_one(path, text):
    written(path, text)
    if path.name == "control.geojson":
        Path(sys.argv[3]).touch()
        sys.stdin.read()
write._write_synced = stop_after_one
write.write_layer_atomically(Path(sys.argv[1]), json.loads(Path(sys.argv[2]).read_text()))
"""
    proc = subprocess.Popen([sys.executable, "-c", script, str(out), str(tmp_path / "files.json"), str(halfway)],
                            cwd=ROOT, stdin=subprocess.PIPE)
    try:
        _wait_for(halfway.exists, proc)
    finally:
        proc.kill()
        proc.wait()
    assert tag_of(read_layer(out)) == 1
    assert len(list((out / "versions").iterdir())) == 2  # the published build and the unfinished one
    write_layer_atomically(out, tagged(fixture_files, 3))  # the dead build's lock was released with it
    assert tag_of(read_layer(out)) == 3
    assert all((p / "build.json").is_file() for p in (out / "versions").iterdir())  # the unfinished one is gone


def _wait_for(condition, proc, timeout: float = 60) -> None:
    """Until `condition()` holds (checked each time the process has not exited within 50 ms)."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        try:
            proc.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        raise AssertionError(f"the process exited with {proc.returncode} first")
    raise AssertionError("timed out")


# --- the earlier layout -------------------------------------------------------------------------------------------

def test_a_swap_of_the_earlier_layout_killed_between_its_renames_is_recovered(tmp_path, fixture_files):
    out = tmp_path / "out"
    previous = write_layer(tmp_path / "out.previous")  # `out` renamed away, the staging folder not yet in
    staging = tmp_path / "out.staging"
    staging.mkdir()
    (staging / CONTROL_FILE).write_text("{")  # half written
    recover_interrupted_swap(out)
    assert layer_exists(out) and not previous.exists() and not staging.exists()
    write_layer_atomically(out, tagged(fixture_files, 1))  # and the new layout is built over it
    assert tag_of(read_layer(out)) == 1


def test_a_copy_of_a_layer_folder_that_followed_links_is_read_and_built_over(tmp_path, fixture_files):
    import shutil

    out = tmp_path / "out"
    write_layer_atomically(out, tagged(fixture_files, 1))
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)  # `current` and the top-level links become real folders and files
    assert not (copy / "current").is_symlink() and tag_of(read_layer(copy)) == 1
    write_layer_atomically(copy, tagged(fixture_files, 2))
    assert (copy / "current").is_symlink() and tag_of(read_layer(copy)) == 2
    assert json.loads((copy / REPORT_FILE).read_text())["build_tag"] == 2


# --- the dashboard's own build (ui/layer.py ensure_built) ---------------------------------------------------

# A stand-in for `python -m geo build` that records each run and waits until every visitor has arrived,
# so that without a lock they would all be building at once.
FAKE_BUILD = """
import os, sys, time
from pathlib import Path
out, runs, arrived, visitors = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])
with open(runs, "a") as handle:
    handle.write(f"{os.getpid()}\\n")
deadline = time.monotonic() + 120
while len(os.listdir(arrived)) < visitors and time.monotonic() < deadline:
    time.sleep(0.02)  # polling the condition: every visitor has called ensure_built
from tests.fixtures.make_layer import write_layer
write_layer(out)
"""

VISITOR = """
import os, sys
from pathlib import Path
import ui.layer as data
out, articles, runs, arrived, visitors = sys.argv[1:6]
data.ARTICLES_DIR = Path(articles)
data._build_command = lambda articles, built: [sys.executable, "-c", FAKE_BUILD, str(built), runs, arrived, visitors]
(Path(arrived) / str(os.getpid())).touch()
data.ensure_built()
print(data.load().version if data.layer_exists(data.build_dir()) else "no layer")
"""


def visitors(tmp_path: Path, out: Path, count: int) -> tuple[list[str], list[str]]:
    """`count` processes calling ui.layer.ensure_built on `out` at once (the demo corpus is tmp_path/demo);
    returns what each then read and the runs of the build."""
    arrived, runs = tmp_path / "arrived", tmp_path / "runs.txt"
    arrived.mkdir(exist_ok=True)
    env = {**os.environ, "GEO_BUILD_DIR": str(out), "PYTHONPATH": str(ROOT)}
    script = f"FAKE_BUILD = {FAKE_BUILD!r}\n{VISITOR}"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(out), str(tmp_path / "demo"), str(runs),
                               str(arrived), str(count)], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for _ in range(count)]
    outputs = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=300)
        assert proc.returncode == 0, stderr[-3000:]
        outputs.append(stdout.strip().splitlines()[-1])
    return outputs, (runs.read_text().split() if runs.exists() else [])


def test_visitors_of_an_empty_folder_build_it_once_and_all_read_that_build(tmp_path):
    out = tmp_path / "build"
    out.mkdir()
    read, runs = visitors(tmp_path, out, 4)
    assert len(runs) == 1
    assert len(set(read)) == 1 and read[0].startswith("versions/")
    assert json.loads((current_version(out).folder / "build.json").read_text())["articles"] == str((tmp_path / "demo").resolve())


def test_the_dashboard_never_builds_over_a_folder_that_is_not_empty_or_a_demo_build(tmp_path, fixture_files):
    foreign = foreign_folder(tmp_path / "foreign")
    before = snapshot(foreign)
    assert visitors(tmp_path, foreign, 1) == (["no layer"], [])
    assert snapshot(foreign) == before  # not even a lock file

    work = tmp_path / "work"  # a layer of someone's corpus whose files were damaged
    write_layer_atomically(work, tagged(fixture_files, 1), articles=tmp_path / "their-corpus")
    (current_version(work).folder / CONTROL_FILE).unlink()
    before = snapshot(work)
    assert visitors(tmp_path, work, 1) == (["no layer"], [])
    assert snapshot(work) == before
    assert "their-corpus" in demo_build_refusal(work, tmp_path / "demo")


def test_the_dashboard_rebuilds_a_damaged_demo_build(tmp_path, fixture_files):
    out = tmp_path / "build"
    write_layer_atomically(out, tagged(fixture_files, 1), articles=tmp_path / "demo")
    (current_version(out).folder / CONTROL_FILE).unlink()
    read, runs = visitors(tmp_path, out, 1)
    assert len(runs) == 1 and layer_exists(out)


def test_the_dashboard_recovers_an_interrupted_swap_instead_of_building(tmp_path, fixture_files):
    out = tmp_path / "build"  # missing: a build of the earlier layout was killed between its renames
    (tmp_path / "build.previous").mkdir()
    for name, text in tagged(fixture_files, 7).items():
        (tmp_path / "build.previous" / name).write_text(text, encoding="utf-8")
    read, runs = visitors(tmp_path, out, 2)
    assert runs == [] and tag_of(read_layer(out)) == 7


def test_a_second_build_waits_for_the_lock_even_in_the_same_process(tmp_path):
    """Sessions of one dashboard are threads of one process: the lock must hold between them too."""
    out, waited, entered = tmp_path / "out", threading.Event(), threading.Event()

    def second():
        with layer_lock(out, on_wait=waited.set):
            entered.set()

    with layer_lock(out):
        thread = threading.Thread(target=second)
        thread.start()
        assert waited.wait(30) and not entered.is_set()
    thread.join(30)
    assert entered.is_set()


def test_a_folder_another_process_is_claiming_right_now_is_not_taken_for_someone_elses(tmp_path):
    """The claim writes its marker to a temporary file first: a visitor looking in that instant must still
    wait for the lock and read the build, not stop with "not a layer folder" (seen under load in CI)."""
    out = tmp_path / "build"
    out.mkdir()
    (out / ".geo-tmp-1a2b3c4d").write_text("{}", encoding="utf-8")  # a marker being written by another process
    assert demo_build_refusal(out, tmp_path / "demo") is None
    with layer_lock(out):
        pass
