"""The analyst's loop from the terminal and through the build: `python -m geo add`, decisions applied by
every build (so they survive a full rebuild), unmatched ones reported, decisions exported and imported."""

import csv
import json
import shutil
from pathlib import Path

import pytest

from geo.cli import main
from geo.io.read import read_control, read_events
from geo.review import Correction, Decision, DecisionKey
from geo.store import Store

ROOT = Path(__file__).resolve().parents[1]
HAJIN = ("The US-backed Syrian Democratic Forces captured Hajin on Friday, the largest town still held by "
         "Islamic State in the Euphrates valley, after weeks of fighting, a spokesman said.")


@pytest.fixture
def corpus(tmp_path):
    articles = tmp_path / "articles"
    shutil.copytree(ROOT / "data" / "articles", articles)
    return articles


def _evidence_quotes(build: Path, place_id: str) -> list[str]:
    return [e.quote for p in read_control(build / "control.geojson") if p.place_id == place_id for e in p.evidence]


def test_add_stores_good_files_refuses_bad_ones_and_rebuilds(tmp_path, corpus, capsys):
    good = tmp_path / "hajin.md"
    good.write_text(f"---\ntitle: Hajin taken\nsource: Test wire\npublished: 2018-12-15\n---\n{HAJIN}\n")
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    database, build = f"sqlite:///{tmp_path / 'analyst.sqlite'}", tmp_path / "build"
    code = main(["add", str(good), str(bad), "--editor", "ann", "--database", database, "--articles", str(corpus),
                 "--out", str(build)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"not added {bad}: file is empty" in err
    assert HAJIN in _evidence_quotes(build, "hajin")
    report = json.loads((build / "report.json").read_text())
    added = [a for a in report["articles"] if a["title"] == "Hajin taken"]
    assert added and added[0]["file"].endswith(".md") and added[0]["source"] == "Test wire"

    assert main(["add", str(good), "--editor", "bob", "--database", database, "--no-build"]) == 1
    assert "already stored" in capsys.readouterr().err


def test_decisions_apply_on_every_build_and_unmatched_ones_are_listed(tmp_path, corpus, capsys):
    build, database = tmp_path / "build", f"sqlite:///{tmp_path / 'analyst.sqlite'}"
    assert main(["build", "--articles", str(corpus), "--out", str(build), "--quiet", "--jobs", "1"]) == 0
    raqqa = next(e for e in read_events(build / "events.csv") if e.place_id == "raqqa" and e.kind == "capture")
    key = DecisionKey(raqqa.article_id, raqqa.quote, raqqa.place_id, raqqa.kind)
    texts = {raqqa.article_id: raqqa.quote}
    with Store(database) as store:
        store.decide(Decision(key, "reject", "background, not news of this week", "ann"), texts[raqqa.article_id],
                     {"IS", "SDF"}, lambda p: True)
        gone = DecisionKey(raqqa.article_id, "A sentence no build reads.", "raqqa", "capture")
        store.decide(Decision(gone, "confirm", "checked", "ann"), "x", {"IS"}, lambda p: True)
        store.decide(Decision(DecisionKey(raqqa.article_id, raqqa.quote, "raqqa", "state"), "add",
                              "the same sentence also says who held it", "bob",
                              Correction("SDF", "held", "raqqa")), raqqa.quote, {"IS", "SDF"}, lambda p: True)

    # A full rebuild, as `make build` would run it: the decisions are in it again.
    assert main(["build", "--articles", str(corpus), "--out", str(build), "--quiet", "--jobs", "1",
                 "--database", database]) == 0
    err = capsys.readouterr().err
    assert "unmatched decision: confirm by ann" in err
    events = read_events(build / "events.csv")
    rejected = [e for e in events if e.quote == raqqa.quote and e.review == "rejected"]
    assert rejected and rejected[0].review_reason == "background, not news of this week"
    raqqa_periods = [p for p in read_control(build / "control.geojson") if p.place_id == "raqqa"]
    reviews = {(e.quote, e.review) for p in raqqa_periods for e in p.evidence}
    assert (raqqa.quote, "rejected") not in reviews and (raqqa.quote, "machine") not in reviews
    assert (raqqa.quote, "added") in reviews
    report = json.loads((build / "report.json").read_text())
    assert [d["quote"] for d in report["unmatched_decisions"]] == ["A sentence no build reads."]
    assert report["counts"]["rejected_events"] == 1


def test_decisions_export_and_import_between_databases(tmp_path, corpus, capsys):
    first, second = f"sqlite:///{tmp_path / 'a.sqlite'}", f"sqlite:///{tmp_path / 'b.sqlite'}"
    quote = "Raqqa: ingen dato"  # not in any article: refused on import, with its line
    with Store(first) as store:
        article = sorted(corpus.iterdir())[0]
        text = article.read_text()
        sentence = next(line for line in text.splitlines() if len(line) > 60).strip()
        store.decide(Decision(DecisionKey(article.stem, sentence, "raqqa", "capture"), "reject", "not news", "ann"),
                     text, {"IS"}, lambda p: True)
        store.decide(Decision(DecisionKey(article.stem, quote, "raqqa", "state"), "add", "typo test", "ann",
                              Correction("IS", "held", "raqqa")), quote, {"IS"}, lambda p: True)
    exported = tmp_path / "decisions.csv"
    assert main(["decisions", "export", str(exported), "--database", first]) == 0
    rows = list(csv.DictReader(exported.open()))
    assert {r["action"] for r in rows} == {"reject", "add"}
    assert main(["decisions", "import", str(exported), "--editor", "carl", "--database", second,
                 "--articles", str(corpus)]) == 1
    err = capsys.readouterr().err
    assert "refused" in err and "line 3: the quote is not in the article" in err
    with Store(second) as store:
        (imported,) = store.decisions()
        assert imported.action == "reject" and imported.editor == "carl" and "decided by ann" in imported.reason
    assert main(["decisions", "import", str(exported), "--editor", "carl", "--database", second,
                 "--articles", str(corpus)]) == 1  # the bad row again; the good one is not stored twice
    with Store(second) as store:
        assert len(store.decisions()) == 1 and len(store.audit()) == 1


def test_a_build_without_a_database_creates_none(tmp_path, corpus, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GEO_DATABASE_URL", raising=False)
    assert main(["build", "--articles", str(corpus), "--out", str(tmp_path / "build"), "--quiet", "--jobs", "1"]) == 0
    assert not (tmp_path / "data").exists()
