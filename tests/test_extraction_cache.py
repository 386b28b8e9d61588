"""The extraction cache (geo/extraction_cache.py): a rebuild reads and extracts only what changed, and writes
the same files as a build without it."""

import ast
import os
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from geo import build as pipeline
from geo import extraction_cache
from geo.articles import ADDED_FOLDER, Article
from geo.build import build
from geo.extraction_cache import (
    EXTRACTOR_MODULES, ExtractionCache, cache_path_for, decode_result, encode_result, extractor_version,
)

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
TODAY = date(2026, 11, 23)
ADDED = Article(
    article_id="added-1", path=ADDED_FOLDER / "added-1.md", title="Added", source="AFP", url=None,
    published=date(2017, 11, 12), published_precision="day", language="en",
    text="Syrian government forces captured Albu Kamal on Sunday, state media said.",
)


@pytest.fixture
def corpus(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    return articles


@pytest.fixture
def settled_at_once(monkeypatch):
    """Files copied a moment ago count as settled (see extraction_cache.SETTLED_NS): each edit in these
    tests changes the file's size, so its stat differs whatever the clock's resolution."""
    monkeypatch.setattr(extraction_cache, "SETTLED_NS", 0)


@pytest.fixture
def counted(monkeypatch):
    """How many articles were read from a file and extracted, in this process."""
    counts = {"read": 0, "extracted": 0}
    read, process = pipeline.read_article, pipeline.process_article

    def counting_read(*args, **kwargs):
        counts["read"] += 1
        return read(*args, **kwargs)

    def counting_process(*args, **kwargs):
        counts["extracted"] += 1
        return process(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read_article", counting_read)
    monkeypatch.setattr(pipeline, "process_article", counting_process)
    return counts


def _built(articles, out, **options):
    return build(articles, out, today=TODAY, jobs=options.pop("jobs", 1), **options)


def test_a_rebuild_reads_and_extracts_nothing_and_writes_the_same_files(corpus, tmp_path, settled_at_once, counted):
    cache = tmp_path / "cache.sqlite"
    cold = _built(corpus, tmp_path / "cold", cache=cache)
    assert (cold.extracted, cold.from_cache, counted["extracted"]) == (5, 0, 5)
    counted.update(read=0, extracted=0)
    warm = _built(corpus, tmp_path / "warm", cache=cache)
    assert (warm.extracted, warm.from_cache) == (0, 5) and counted == {"read": 0, "extracted": 0}
    plain = _built(corpus, tmp_path / "plain")
    for out in ("cold", "warm"):  # the bytes written, report.json included
        assert _published(tmp_path / out) == _published(tmp_path / "plain")
    assert warm.files == plain.files and warm.events == plain.events and warm.articles == plain.articles
    assert warm.warnings == [] and set(warm.timings) >= {"cache_load_s", "extract_s", "write_s"}


def _published(out: Path) -> dict[str, bytes]:
    folder = (out / "current").resolve()
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.name != "build.json"}


def test_a_file_changed_just_now_is_read_again_not_trusted_by_its_stat(corpus, tmp_path, counted):
    # Copied a moment ago: another write in the same tick of the clock could keep its stat.
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "one", cache=cache)
    counted.update(read=0, extracted=0)
    again = _built(corpus, tmp_path / "two", cache=cache)
    assert counted == {"read": 5, "extracted": 0} and again.from_cache == 5


def test_editing_one_article_extracts_only_it(corpus, tmp_path, settled_at_once, counted):
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "before", cache=cache)
    edited = sorted(corpus.glob("*.md"))[2]
    edited.write_text(edited.read_text(encoding="utf-8").replace("\n\n", "\n\nRaqqa fell to IS in 2014.\n\n", 1),
                      encoding="utf-8")
    counted.update(read=0, extracted=0)
    after = _built(corpus, tmp_path / "after", cache=cache)
    assert counted == {"read": 1, "extracted": 1} and (after.extracted, after.from_cache) == (1, 4)
    assert after.files == _built(corpus, tmp_path / "plain").files


def test_the_gazetteer_kept_in_the_cache_extracts_what_the_loaded_one_does(corpus, tmp_path, settled_at_once,
                                                                            monkeypatch):
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "before", cache=cache)
    edited = sorted(corpus.glob("*.md"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nIS fighters also left Mayadin, residents said.\n",
                      encoding="utf-8")

    def not_loaded(*args, **kwargs):
        raise AssertionError("the gazetteer was loaded, not taken from the cache")

    with monkeypatch.context() as patched:
        patched.setattr(pipeline.Gazetteer, "load", not_loaded)
        after = _built(corpus, tmp_path / "after", cache=cache)
    assert after.extracted == 1 and after.warnings == []
    assert after.files == _built(corpus, tmp_path / "plain").files


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(corpus, tmp_path, settled_at_once, counted):
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "before", cache=cache)
    edited = sorted(corpus.glob("*.md"))[1]
    before = os.stat(edited)
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("IS", "SI", 1), encoding="utf-8")  # same length
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `cp -p` or rsync would leave it
    counted.update(read=0, extracted=0)
    after = _built(corpus, tmp_path / "after", cache=cache)
    assert counted == {"read": 1, "extracted": 1} and after.files == _built(corpus, tmp_path / "plain").files


def test_a_new_extractor_extracts_everything_again_and_drops_the_old_rows(corpus, tmp_path, settled_at_once,
                                                                         counted, monkeypatch):
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "before", cache=cache, added=[ADDED])
    monkeypatch.setattr(extraction_cache, "extractor_version", lambda: "another extractor")
    counted.update(read=0, extracted=0)
    after = _built(corpus, tmp_path / "after", cache=cache, added=[ADDED])
    assert counted == {"read": 5, "extracted": 6} and after.from_cache == 0
    with sqlite3.connect(cache) as db:
        assert {v for (v,) in db.execute("SELECT version FROM results")} == {"another extractor"}
        assert db.execute("SELECT count(*) FROM results").fetchone() == (6,)
        assert db.execute("SELECT count(*) FROM files").fetchone() == (5,)


def test_the_extractor_version_follows_its_code_and_data_only(tmp_path, monkeypatch):
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "geo", copy / "geo", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "data", copy / "data", ignore=shutil.ignore_patterns("articles", "build*"))
    monkeypatch.setattr(extraction_cache, "_ROOT", copy)
    monkeypatch.setattr(extraction_cache, "_PACKAGE", copy / "geo")
    version = extractor_version.__wrapped__
    first = version()
    assert first == extractor_version()  # the same files as the package's own
    (copy / "geo" / "zones.py").write_text("# drawing, not extraction\n", encoding="utf-8")
    assert version() == first
    for changed in ("data/forces.yaml", "geo/lang/en.py", "geo/events.py"):
        path = copy / changed
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        assert version() != first, changed
        path.write_bytes(original)
    assert version() == first


def _geo_imports(module: str) -> set[str]:
    """The geo modules `module` (a geo.* name) imports, anywhere in it."""
    path = ROOT / (module.replace(".", "/") + ".py")
    if not path.exists():
        path = ROOT / module.replace(".", "/") / "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "geo":
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names
                         if (ROOT / node.module.replace(".", "/") / f"{a.name}.py").exists())
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == "geo")
    return found - {"geo"}


def test_every_module_reading_and_extraction_import_is_in_the_extractor_version():
    listed = {p.relative_to(ROOT / "geo").as_posix() for pattern in EXTRACTOR_MODULES
              for p in (ROOT / "geo").glob(pattern)}
    # What process_article and read_article call, and everything those import.
    todo = {"geo.toponyms", "geo.events", "geo.language", "geo.text", "geo.dates", "geo.forces", "geo.gazetteer",
            "geo.articles", "geo.budget"}
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        seen.add(module)
        todo |= _geo_imports(module) - seen
    files = {m.removeprefix("geo.").replace(".", "/") + ".py" for m in seen}
    files = {f if (ROOT / "geo" / f).exists() else f.removesuffix(".py") + "/__init__.py" for f in files}
    assert files <= listed


def test_a_corrupt_cache_is_left_alone_with_a_warning_and_the_build_goes_on(corpus, tmp_path, counted):
    cache = tmp_path / "cache.sqlite"
    cache.write_bytes(b"not a database at all, but long enough to look like one's header" * 100)
    result = _built(corpus, tmp_path / "out", cache=cache)
    [warning] = result.warnings
    assert str(cache) in warning and "not a readable extraction cache" in warning and "delete it" in warning
    assert counted["extracted"] == 5 and result.files == _built(corpus, tmp_path / "plain").files
    assert cache.read_bytes().startswith(b"not a database")


def test_rows_written_by_something_else_are_read_and_extracted_again(corpus, tmp_path, settled_at_once, counted):
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "one", cache=cache)
    with sqlite3.connect(cache) as db:
        [(key, value)] = db.execute("SELECT key, value FROM results ORDER BY key LIMIT 1").fetchall()
        db.execute("UPDATE results SET value = ? WHERE key = ?", (value.replace(",\"town\",", ",1,", 1), key))
        [(path, article)] = db.execute("SELECT path, article FROM files ORDER BY path LIMIT 1").fetchall()
        db.execute("UPDATE files SET article = ? WHERE path = ?", ('["x", 1, 2, 3, "2017-01-01", "day", null, 4, {}]',
                                                                    path))
    counted.update(read=0, extracted=0)
    again = _built(corpus, tmp_path / "two", cache=cache)
    assert counted["read"] == 1 and 1 <= counted["extracted"] <= 2 and not again.warnings
    assert again.files == _built(corpus, tmp_path / "plain").files


def test_a_cache_pointed_at_another_database_leaves_it_untouched(corpus, tmp_path):
    other = tmp_path / "analyst.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE articles (id TEXT)")
    result = _built(corpus, tmp_path / "out", cache=other)
    assert "a database of something else" in result.warnings[0] and result.from_cache == 0
    with sqlite3.connect(other) as db:
        assert [name for (name,) in db.execute("SELECT name FROM sqlite_master")] == ["articles"]


def test_a_cache_another_build_holds_too_long_is_not_updated_but_the_build_is_published(
        corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache.sqlite"
    ExtractionCache(cache).close()
    monkeypatch.setattr(extraction_cache, "TIMEOUT_S", 0.1)
    holder = sqlite3.connect(cache, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another build, storing its results
    try:
        result = _built(corpus, tmp_path / "out", cache=cache)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "gazetteer not kept" in result.warnings[0] and "locked" in result.warnings[0]
    assert "not updated" in result.warnings[1] and "locked" in result.warnings[1]
    assert result.files == _built(corpus, tmp_path / "plain").files


def test_added_articles_are_cached_too(corpus, tmp_path, settled_at_once, counted):
    cache = tmp_path / "cache.sqlite"
    first = _built(corpus, tmp_path / "one", cache=cache, added=[ADDED])
    assert first.extracted == 6 and any(e.article_id == "added-1" for e in first.events)
    counted.update(read=0, extracted=0)
    again = _built(corpus, tmp_path / "two", cache=cache, added=[ADDED])
    assert counted["extracted"] == 0 and again.from_cache == 6
    assert again.files == _built(corpus, tmp_path / "plain", added=[ADDED]).files
    changed = replace(ADDED, text=ADDED.text + " IS still holds Rawa.")
    counted.update(extracted=0)
    _built(corpus, tmp_path / "three", cache=cache, added=[changed])
    assert counted["extracted"] == 1


def test_a_remembered_article_outside_the_date_window_is_skipped_as_without_the_cache(corpus, tmp_path,
                                                                                     settled_at_once):
    cache = tmp_path / "cache.sqlite"
    _built(corpus, tmp_path / "one", cache=cache)
    early = dict(today=date(2017, 11, 10))
    cached = build(corpus, tmp_path / "two", jobs=1, cache=cache, **early)
    plain = build(corpus, tmp_path / "plain", jobs=1, **early)
    assert cached.skipped == plain.skipped and cached.skipped and cached.files == plain.files


def test_only_the_files_the_cache_does_not_hold_go_to_the_workers(corpus, tmp_path, settled_at_once, monkeypatch):
    monkeypatch.setattr(pipeline, "POOL_MIN_ARTICLES", 1)  # the demo corpus is too small for a pool otherwise
    cache = tmp_path / "cache.sqlite"
    pooled = _built(corpus, tmp_path / "pooled", cache=cache, jobs=2)
    assert pooled.extracted == 5
    (corpus / "zz_new.md").write_text("---\nsource: AFP\npublished: 2017-11-10\nlanguage: en\n---\n"
                                      "IS lost Raqqa on Friday.\n", encoding="utf-8")
    given = []
    pooled_job = pipeline._extract_pooled
    monkeypatch.setattr(pipeline, "_extract_pooled", lambda job, jobs: given.append(job.files) or pooled_job(job, jobs))
    again = _built(corpus, tmp_path / "again", cache=cache, jobs=2)
    assert given == [[corpus / "zz_new.md"]] and (again.extracted, again.from_cache) == (1, 5)
    assert again.files == _built(corpus, tmp_path / "plain").files


def test_every_field_of_an_event_and_a_mention_survives_the_cache(gazetteer):
    article = replace(ADDED, language=None)
    result = pipeline.process_article(article, gazetteer)
    assert result.events and result.mentions and result.language_detected
    unusual = replace(result.events[0], review="rejected", review_reason="not in the source", past=True, late=True,
                      share_percent=40.0, date=None, date_phrase=None, claimant="SOHR", contested_by="IS",
                      previous_force="IS")
    events = result.events + [unusual, replace(unusual, share_percent=40, confidence=1)]
    value = encode_result("en", result.mentions, events, ["a sentence"], gazetteer)
    language, mentions, decoded, unresolved = decode_result(value, gazetteer)
    assert (language, mentions, decoded, unresolved) == ("en", result.mentions, events, ["a sentence"])
    assert [type(e.share_percent) for e in decoded[-2:]] == [float, int]  # "40.0" and "40" in events.csv
    assert all(m.place is gazetteer.get(m.place.place_id) for m in mentions if m.place)


def test_a_result_that_cannot_be_stored_faithfully_is_not(gazetteer):
    result = pipeline.process_article(ADDED, gazetteer)
    [placed, *_] = [m for m in result.mentions if m.place is not None]
    foreign = replace(placed, place=replace(placed.place, name="a copy"))
    assert encode_result(None, [foreign], [], [], gazetteer) is None
    assert decode_result('["en", [], [["too", "short"]], []]', gazetteer) is None
    assert decode_result("{not json", gazetteer) is None


def test_cli_keeps_the_cache_beside_the_layer_folder_never_in_it(tmp_path):
    def built(*options):
        return subprocess.run([sys.executable, "-m", "geo", "build", "--articles", str(ARTICLES), "--quiet",
                               "--today", TODAY.isoformat(), *options], capture_output=True, text=True, cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})

    first = built("--out", "layer")  # relative to the working folder
    assert first.returncode == 0, first.stderr
    out = tmp_path / "layer"
    assert cache_path_for(out) == tmp_path / "layer.cache.sqlite" and cache_path_for(out).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["layer", "layer.cache.sqlite"]
    assert not list(out.rglob("*.sqlite*"))
    plain = built("--out", "plain", "--no-cache")
    assert plain.returncode == 0, plain.stderr
    assert not (tmp_path / "plain.cache.sqlite").exists()
    assert _published(out) == _published(tmp_path / "plain")


def test_two_builds_at_once_share_one_cache(tmp_path):
    cache = tmp_path / "shared.sqlite"
    commands = [[sys.executable, "-m", "geo", "build", "--articles", str(ARTICLES), "--out", str(tmp_path / name),
                 "--quiet", "--today", TODAY.isoformat(), "--cache", str(cache)] for name in ("a", "b")]
    running = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
               for c in commands]
    for process in running:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0 and "warning" not in errors, errors
    assert _published(tmp_path / "a") == _published(tmp_path / "b")
    with ExtractionCache(cache) as reopened:
        files, results, stale = reopened.load()
    assert len(results) == 5 and not stale
