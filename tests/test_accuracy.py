"""ui/accuracy.py: what the Data & method page says about the extractor's measured accuracy."""

import json

from ui import accuracy


def _figure(value, low, high, n):
    return {"value": value, "low": low, "high": high, "n": n, "successes": round(value * n)}


RESULTS = {
    "corpus": {"articles": 12, "gold_changes": 30, "traps": 14},
    "scores": {
        "split:test": {"precision": _figure(0.5, 0.3, 0.7, 20), "recall": _figure(0.25, 0.12, 0.4, 40),
                       "traps": _figure(0.9, 0.7, 0.97, 10), "map_accuracy": _figure(0.8, 0.6, 0.9, 30)},
        "split:test/language:nb": {"precision": _figure(1.0, 0.5, 1.0, 3)},
        "origin:real": {"recall": _figure(0.5, 0.4, 0.6, 100)},
    },
    "misses": [{"reason": "date: the build says 2017-07-01 (month), the gold 2017-07-10 (day)"},
               {"reason": "no event there (the build recognised the place)"},
               {"reason": "date: the build says 2016-01-01 (year)"}],
    "trap_violations": [{"trap_kind": "negation"}, {"trap_kind": "negation"}, {"trap_kind": "dateline"}],
}


def test_the_page_gets_each_figure_with_its_interval_and_count_per_language():
    measured = accuracy.summarize(RESULTS)
    assert (measured.articles, measured.gold_changes, measured.traps) == (12, 30, 14)
    test, norwegian, real = measured.rows  # English has no scores here: no row rather than an invented one
    assert test["articles"] == "all test articles"
    assert test["precision"] == "0.50 (0.30–0.70, n=20)"
    assert test["recall"] == "0.25 (0.12–0.40, n=40)"
    assert test["date right"] == "–"
    assert test["map right"] == "0.80 (0.60–0.90, n=30)"  # what the assembled map shows, not only the events
    assert norwegian["articles"] == "Norwegian (Bokmål)" and norwegian["precision"] == "1.00 (0.50–1.00, n=3)"
    # real published texts read worse than written ones: the page shows them apart, whatever split they are in
    assert real["articles"].startswith("real published texts") and real["recall"] == "0.50 (0.40–0.60, n=100)"


def test_errors_are_grouped_by_kind_most_common_first():
    measured = accuracy.summarize(RESULTS)
    assert measured.misses_by_reason == [("date", 2), ("no event there", 1)]
    assert measured.violations_by_kind == [("negation", 2), ("dateline", 1)]


def test_no_results_or_unreadable_results_say_so_instead_of_failing(tmp_path):
    assert accuracy.load(tmp_path / "missing.json") is None
    broken = tmp_path / "results.json"
    broken.write_text("{not json", encoding="utf-8")
    assert accuracy.load(broken) is None
    broken.write_text(json.dumps({"scores": {"split:test": {"precision": {"value": "x"}}}}), encoding="utf-8")
    assert accuracy.load(broken).rows == [{"articles": "all test articles", "precision": "–", "recall": "–",
                                           "date right": "–", "place found": "–", "traps left alone": "–",
                                           "map right": "–"}]
