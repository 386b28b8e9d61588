"""What an evaluation shows: `eval/results.json` (deterministic: sorted, no timings, no absolute paths)
and the compact tables printed by `python -m geo.eval`."""

from __future__ import annotations

import json
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from geo.eval.gold import GoldChange
from geo.eval.map_check import MapOutcome
from geo.eval.match import date_agrees, near, precision_window
from geo.eval.predictions import Predicted
from geo.eval.run import Evaluation
from geo.eval.score import ArticleOutcome, GroupScore
from geo.eval.stats import Rate

#: Issue 11's targets, on the test split, in each language.
TARGETS = {"precision": 0.90, "recall": 0.80, "date_accuracy": 0.90, "place_accuracy": 0.95, "traps": 0.95}
RATES = ("precision", "recall", "f1", "date_accuracy", "place_accuracy", "place_resolved", "traps", "map_accuracy")


# --- results.json -----------------------------------------------------------------------------------

def results(evaluation: Evaluation) -> dict:
    """Everything `eval/results.json` holds, as plain JSON data."""
    outcomes = evaluation.outcomes
    return {
        "split": evaluation.split,
        "corpus": {
            "articles": len(outcomes) + len(evaluation.not_annotated),
            "annotated": len(outcomes),
            "not_annotated": sorted(evaluation.not_annotated),
            "skipped": [{"file": f, "reason": r} for f, r in sorted(evaluation.corpus.skipped.items())],
            "gold_changes": sum(len(o.gold) for o in outcomes),
            "traps": sum(len(o.traps) for o in outcomes),
        },
        "scores": {key: _group(score) for key, score in evaluation.groups.items()},
        "targets": _targets(evaluation.groups),
        "misses": [_miss(o, change) for o in outcomes for change in o.misses],
        "false_changes": [_false_change(o, event) for o in outcomes for event in o.false_changes],
        "trap_violations": [
            {
                "article_id": t.trap.article_id,
                "gold": t.trap.source,
                "trap_kind": t.trap.kind,
                "place": t.trap.place,
                "trap_force": t.trap.force,
                "quote": t.trap.quote,
                "events": [_event(e) for e in t.violations],
            }
            for o in outcomes for t in o.traps if not t.kept
        ],
        "map_misses": [_map_miss(m) for m in evaluation.map_outcomes if m.scored and not m.ok],
    }


def write_results(path: Path, data: dict) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def _group(score: GroupScore) -> dict:
    data = {
        "articles": score.articles,
        "gold_changes": score.gold_changes,
        "predicted_changes": score.predicted_changes,
        "true_positives": score.true_positives,
        "false_positives": score.predicted_changes - score.true_positives,
        "false_negatives": score.gold_changes - score.true_positives,
        "traps_by_kind": {kind: rate.as_dict() for kind, rate in sorted(score.traps_by_kind.items())},
    }
    data.update({name: getattr(score, name).as_dict() for name in RATES})
    return data


def _targets(groups: dict[str, GroupScore]) -> dict:
    checks = {}
    for key, score in groups.items():
        if key == "split:test" or key.startswith("split:test/"):
            checks[key] = {
                name: {"value": _round(getattr(score, name).value), "target": target,
                       "met": getattr(score, name).value is not None and getattr(score, name).value >= target}
                for name, target in TARGETS.items()
            }
    return {"thresholds": dict(TARGETS), "test": checks}


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _event(event: Predicted) -> dict:
    return {
        "event_id": event.event_id,
        "place": event.place_name,
        "kind": event.kind,
        "force": event.force,
        "status": event.status,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.precision,
        "quote": event.quote,
    }


def _change(change: GoldChange) -> dict:
    return {
        "article_id": change.article_id,
        "gold": change.source,
        "place": change.place,
        "force": change.force,
        "status": change.status,
        "date": change.date.isoformat(),
        "date_precision": change.precision,
        "quote": change.quote,
    }


def _miss_reason(change: GoldChange, nearby: list[Predicted], outcome: ArticleOutcome, resolved: bool) -> str:
    if not nearby:
        if resolved:
            return "no event there (the build recognised the place in the text)"
        return "place not found: not among the places the build recognised in the text"
    changes_here = [e for e in outcome.predicted if near(change, e)]
    if not changes_here:
        return "no control change there, only " + ", ".join(sorted({e.kind for e in nearby}))
    same = [e for e in changes_here if e.force == change.force and e.status == change.status]
    if not same:
        return "other force or status there"
    if any(date_agrees(e.date, change.date, change.precision) for e in same):
        return "its change went to another gold change of the place (annotated twice?)"
    first, last = precision_window(change.date, change.precision)
    window = first.isoformat() if first == last else f"{first.isoformat()}..{last.isoformat()}"
    said = ", ".join(sorted(f"{e.date.isoformat() if e.date else 'undated'} ({e.precision})" for e in same))
    return f"date: the build says {said}, the gold's {change.precision} is {window}"


def _miss(outcome: ArticleOutcome, change: GoldChange) -> dict:
    nearby = _events_near(outcome, change)
    resolved = any(near(change, p) for p in outcome.resolved)
    return {**_change(change), "reason": _miss_reason(change, nearby, outcome, resolved),
            "system": [{k: v for k, v in _event(e).items() if k != "quote"} for e in nearby]}


def _events_near(outcome: ArticleOutcome, place) -> list[Predicted]:
    """The article's events within 5 km of `place`: its control changes and any other event there."""
    events = {e.event_id: e for e in outcome.predicted if near(place, e)}
    events.update({e.event_id: e for e in outcome.located if near(place, e)})
    return [events[k] for k in sorted(events)]


def _false_change(outcome: ArticleOutcome, event: Predicted) -> dict:
    gold_here = [c for c in outcome.gold if near(c, event)]
    traps = sorted({t.trap.kind for t in outcome.traps if any(_same_change(event, v) for v in t.violations)})
    if traps:
        reason = "violates a trap (" + ", ".join(traps) + ")"
    elif gold_here:
        reason = "the gold has here: " + "; ".join(
            f"{c.force} {c.status} {c.date.isoformat()} ({c.precision})" for c in gold_here)
    else:
        reason = "no gold change at this place"
    return {"article_id": event.article_id, **_event(event), "reason": reason}


def _same_change(a: Predicted, b: Predicted) -> bool:
    """The same change, stated in one sentence or another."""
    return (a.article_id, a.place_id, a.force, a.status, a.date) == (b.article_id, b.place_id, b.force, b.status, b.date)


def _map_miss(outcome: MapOutcome) -> dict:
    return {
        **_change(outcome.change),
        "probes": [
            {"day": p.day.isoformat(), "why": p.reason, "map_shows": list(p.shown) or ["nothing"], "ok": p.ok}
            for p in outcome.probes
        ],
    }


# --- the printed tables -----------------------------------------------------------------------------

def label(key: str) -> str:
    """A group's short name in the tables: `split:test/language:nb` → `test·nb`."""
    return "·".join(part.split(":", 1)[-1] for part in key.split("/"))


def _rate(rate: Rate, interval: bool = True) -> str:
    """`0.82 (0.70–0.90)` with its interval, else `0.82 (41)`: the share and how many it is of."""
    if rate.value is None:
        return "—"
    if not interval:
        return f"{rate.value:.2f} ({rate.n:g})"
    low, high = rate.interval
    return f"{rate.value:.2f} ({low:.2f}–{high:.2f})"


def _table(title: str, columns: tuple[str, ...]) -> Table:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for i, column in enumerate(columns):
        table.add_column(column, justify="left" if i == 0 else "right", no_wrap=True)
    return table


def print_report(evaluation: Evaluation, data: dict, out: Path | None, console: Console) -> None:
    groups = evaluation.groups
    if not groups:
        console.print(f"nothing scored: no article of split {evaluation.split} has a gold row yet", highlight=False)
        _print_corpus_notes(data["corpus"], console)
        return
    changes = _table(f"Control changes, split {evaluation.split} (95 % Wilson intervals)",
                     ("group", "gold", "pred.", "TP", "precision", "recall", "F1"))
    for key, score in groups.items():
        changes.add_row(label(key), str(score.gold_changes), str(score.predicted_changes), str(score.true_positives),
                        _rate(score.precision), _rate(score.recall),
                        "—" if score.f1.value is None else f"{score.f1.value:.2f}")
    console.print(changes)

    others = _table("Share right (of how many): dates, places found in events, places resolved in the text, "
                    "traps kept, the assembled map", ("group", "art.", "date", "place", "resolved", "traps", "map"))
    for key, score in groups.items():
        others.add_row(label(key), str(score.articles), _rate(score.date_accuracy, False),
                       _rate(score.place_accuracy, False), _rate(score.place_resolved, False), _rate(score.traps, False),
                       _rate(score.map_accuracy, False))
    console.print(others)

    if "all" in groups and groups["all"].traps_by_kind:
        traps = _table("Traps kept, by kind", ("kind", "kept"))
        for kind, rate in sorted(groups["all"].traps_by_kind.items()):
            traps.add_row(kind, _rate(rate, False))
        console.print(traps)

    if data["targets"]["test"]:
        names = tuple(TARGETS)
        targets = _table("Targets on the test split: " + ", ".join(
            f"{n.replace('_accuracy', '')} ≥ {TARGETS[n]:.2f}" for n in names), ("group", *(n.replace("_accuracy", "") for n in names)))
        for key, checks in data["targets"]["test"].items():
            targets.add_row(label(key), *(
                "—" if checks[n]["value"] is None
                else f"{checks[n]['value']:.2f} " + ("[green]✓[/green]" if checks[n]["met"] else "[red]✗[/red]")
                for n in names))
        console.print(targets)

    console.print(
        f"{len(data['misses'])} missed changes, {len(data['false_changes'])} false changes, "
        f"{len(data['trap_violations'])} trap violations, {len(data['map_misses'])} map misses"
        + (f": each with its quote in {out}" if out else ""), highlight=False)
    _print_corpus_notes(data["corpus"], console)


def _print_corpus_notes(corpus: dict, console: Console) -> None:
    if corpus["not_annotated"]:
        console.print(f"[yellow]not scored[/yellow] (no gold rows yet): {len(corpus['not_annotated'])} articles: "
                      + ", ".join(corpus["not_annotated"][:8]) + (" …" if len(corpus["not_annotated"]) > 8 else ""),
                      highlight=False)
    for skipped in corpus["skipped"]:
        console.print(f"[yellow]skipped[/yellow] {skipped['file']}: {skipped['reason']}", highlight=False)
