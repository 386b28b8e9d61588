"""One evaluation: read and check the corpus and the gold, build the corpus with the real pipeline, score."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.eval.corpus import Corpus, read_corpus, skipped_ids
from geo.eval.gold import Gold, GoldError, read_gold
from geo.eval.map_check import MapOutcome, check_map
from geo.eval.predictions import located_events, predicted_changes
from geo.eval.score import ArticleOutcome, GroupScore, group_scores, score_article
from geo.io.read import Layer, read_layer

SPLIT_CHOICES = ("dev", "test", "all")


@dataclass(frozen=True)
class Evaluation:
    split: str
    corpus: Corpus
    gold: Gold
    #: Articles of the split without a single gold row (not annotated yet): not scored.
    not_annotated: tuple[str, ...]
    outcomes: tuple[ArticleOutcome, ...]
    map_outcomes: tuple[MapOutcome, ...]
    groups: dict[str, GroupScore]


def load_inputs(articles_dir: Path, gold_dir: Path, today: date | None = None) -> tuple[Corpus, Gold]:
    """The corpus and its gold; raises `GoldError` listing every problem of either."""
    corpus, problems = read_corpus(Path(articles_dir), today=today)
    gold, gold_problems = read_gold(Path(gold_dir), corpus.articles, skipped_ids(corpus.skipped))
    problems += gold_problems
    if problems:
        raise GoldError(problems)
    return corpus, gold


def build_corpus(articles_dir: Path, out_dir: Path, today: date | None = None, jobs: int | None = None,
                 progress=None) -> Layer:
    """The layer of `articles_dir` built by the pipeline into `out_dir`, read back."""
    from geo.build import build  # the pipeline's imports (shapely, the gazetteer) only when building

    build(Path(articles_dir), Path(out_dir), today=today, jobs=jobs, progress=progress)
    return read_layer(Path(out_dir))


def evaluate(corpus: Corpus, gold: Gold, layer: Layer, split: str = "all") -> Evaluation:
    """Score `layer` (a build of the whole corpus) against `gold` on the articles of `split`."""
    if split not in SPLIT_CHOICES:
        raise ValueError(f"split must be one of {', '.join(SPLIT_CHOICES)}, got {split!r}")
    changes: dict[str, list] = {}
    traps: dict[str, list] = {}
    for change in gold.changes:
        changes.setdefault(change.article_id, []).append(change)
    for trap in gold.traps:
        traps.setdefault(trap.article_id, []).append(trap)
    predicted, located = defaultdict(list), defaultdict(list)
    for event in predicted_changes(layer):
        predicted[event.article_id].append(event)
    for event in located_events(layer):
        located[event.article_id].append(event)
    resolved = defaultdict(list)
    for place in layer.places:
        for article_id in place.articles:
            resolved[article_id].append(place)

    in_split = [a for _, a in sorted(corpus.articles.items()) if split == "all" or a.split == split]
    annotated = [a for a in in_split if a.article_id in changes or a.article_id in traps]
    annotated_ids = {a.article_id for a in annotated}
    outcomes = tuple(
        score_article(a, changes.get(a.article_id, []), traps.get(a.article_id, []), predicted[a.article_id],
                      located[a.article_id], resolved[a.article_id])
        for a in annotated
    )
    scored_changes = [c for a in annotated for c in changes.get(a.article_id, [])]
    map_outcomes = tuple(check_map(scored_changes, gold.changes, layer.periods))
    return Evaluation(
        split=split,
        corpus=corpus,
        gold=gold,
        not_annotated=tuple(a.article_id for a in in_split if a.article_id not in annotated_ids),
        outcomes=outcomes,
        map_outcomes=map_outcomes,
        groups=group_scores(outcomes, map_outcomes),
    )
