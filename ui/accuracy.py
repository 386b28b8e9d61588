"""The extractor's measured accuracy, as the last `make eval` wrote it (eval/results.json), for the Data &
method page: the figures readers need to weigh a colour, and the kinds of error that remain."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

RESULTS_FILE = Path(__file__).resolve().parent.parent / "eval" / "results.json"
# The last row: every real published text, of both halves (most of them tuned on, so it flatters them still),
# because three quarters of the test changes come from texts written for the corpus and real news reads worse.
GROUPS = (("split:test", "all test articles"), ("split:test/language:en", "English"),
          ("split:test/language:nb", "Norwegian (Bokmål)"),
          ("origin:real", "real published texts, dev and test (mostly tuned on)"))
MEASURES = (("precision", "precision"), ("recall", "recall"), ("date_accuracy", "date right"),
            ("place_accuracy", "place found"), ("traps", "traps left alone"), ("map_accuracy", "map right"))


@dataclass(frozen=True)
class Figure:
    value: float
    low: float
    high: float
    n: int

    def __str__(self) -> str:
        return f"{self.value:.2f} ({self.low:.2f}–{self.high:.2f}, n={self.n})"


@dataclass(frozen=True)
class Accuracy:
    articles: int
    gold_changes: int
    traps: int
    rows: list[dict]  # one per group: its name, then a Figure's text per measure
    misses_by_reason: list[tuple[str, int]]
    violations_by_kind: list[tuple[str, int]]


def _figure(entry: object) -> Figure | None:
    if not isinstance(entry, dict):
        return None
    try:
        return Figure(float(entry["value"]), float(entry["low"]), float(entry["high"]), int(entry["n"]))
    except (KeyError, TypeError, ValueError):
        return None


def _reason(text: object) -> str:
    """A miss's reason without its particulars: 'date: the build says …' → 'date'."""
    words = str(text).split(":", 1)[0].split(" (", 1)[0].strip()
    return words or "other"


def summarize(results: dict) -> Accuracy:
    scores = results.get("scores") or {}
    rows = []
    for key, label in GROUPS:
        group = scores.get(key)
        if not isinstance(group, dict):
            continue
        row = {"articles": label}
        for measure, name in MEASURES:
            figure = _figure(group.get(measure))
            row[name] = str(figure) if figure else "–"
        rows.append(row)
    corpus = results.get("corpus") or {}
    misses = Counter(_reason(m.get("reason")) for m in results.get("misses") or [] if isinstance(m, dict))
    kinds = Counter(str(v.get("trap_kind")) for v in results.get("trap_violations") or [] if isinstance(v, dict))
    return Accuracy(int(corpus.get("articles") or 0), int(corpus.get("gold_changes") or 0),
                    int(corpus.get("traps") or 0), rows, misses.most_common(), kinds.most_common())


def load(path: Path = RESULTS_FILE) -> Accuracy | None:
    """The summary of `path`, or None when there is none or it cannot be read (the page says so)."""
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return summarize(results) if isinstance(results, dict) else None
