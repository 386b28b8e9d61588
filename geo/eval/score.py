"""Scores: each article's gold changes matched to the build's, its traps checked, and the sums of any
group of articles (a split, a language, an origin) as rates with Wilson intervals.

- precision: matched predicted changes / predicted changes; recall: matched gold changes / gold changes;
  F1 their harmonic mean (`geo.eval.match` says what matches);
- date accuracy: of the pairs that agree on place, force and status (matched one-to-one without looking
  at the date), the share whose date agrees at the gold's precision;
- place accuracy: the share of gold changes whose place the build put within 5 km in any event of the
  article (of any kind); beside it, "place resolved": the share whose place the build recognised in the
  article's text at all (places.geojson), event or not, which tells the geocoder's misses from the
  extractor's;
- traps: the share of traps no control change violates; a change violates a trap when it is of the same
  article, within 5 km of the trap's place, from a sentence overlapping the trap's quote and, when the
  trap names a force, gives the place that force.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from geo.eval.corpus import EvalArticle
from geo.eval.gold import TRAP_KINDS, GoldChange, GoldTrap
from geo.eval.map_check import MapOutcome
from geo.eval.match import date_agrees, match_changes, near
from geo.eval.predictions import Predicted, is_change
from geo.eval.stats import Rate, f1_rate


@dataclass(frozen=True)
class TrapOutcome:
    trap: GoldTrap
    violations: tuple[Predicted, ...]

    @property
    def kept(self) -> bool:
        return not self.violations


@dataclass(frozen=True)
class ArticleOutcome:
    article: EvalArticle
    gold: tuple[GoldChange, ...]
    predicted: tuple[Predicted, ...]
    matches: tuple[tuple[GoldChange, Predicted], ...]
    misses: tuple[GoldChange, ...]
    false_changes: tuple[Predicted, ...]
    #: Pairs agreeing on place, force and status, and how many of them agree on the date too.
    same_place_force_status: int
    dated_right: int
    #: Gold changes whose place some event of the article has within 5 km; whose place it names (resolved).
    places_found: int
    places_resolved: int
    traps: tuple[TrapOutcome, ...]
    #: Every event of the article at a place with coordinates (any kind), for the error lists.
    located: tuple[Predicted, ...] = ()
    #: The places the build recognised in the article's text (with `lat`, `lon`).
    resolved: tuple = ()


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where `quote` occurs in `text` (every occurrence), as (start, end) offsets."""
    spans, start = [], text.find(quote) if quote else -1
    while start >= 0:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def quotes_overlap(text: str, a: str, b: str) -> bool:
    """Whether two quotes of `text` share some of its characters (either containing the other when one of
    them is not found verbatim)."""
    spans_a, spans_b = quote_spans(text, a), quote_spans(text, b)
    if spans_a and spans_b:
        return any(sa < eb and sb < ea for sa, ea in spans_a for sb, eb in spans_b)
    return bool(a and b) and (a in b or b in a)


def trap_violations(trap: GoldTrap, text: str, predicted: Iterable[Predicted]) -> tuple[Predicted, ...]:
    """The article's control changes that break `trap` (see the module's docstring)."""
    return tuple(
        p for p in predicted
        if p.article_id == trap.article_id
        and (trap.force is None or p.force == trap.force)
        and near(trap, p)
        and quotes_overlap(text, trap.quote, p.quote)
    )


def score_article(article: EvalArticle, changes: Sequence[GoldChange], traps: Sequence[GoldTrap],
                  predicted: Sequence[Predicted], located: Sequence[Predicted], resolved: Sequence = ()) -> ArticleOutcome:
    """One article scored: `changes` and `traps` are its gold rows, `predicted` its control changes (one per
    place, force, status and date), `located` all its events with a place, `resolved` the places (with
    `lat`, `lon`) the build recognised in its text."""
    changes, predicted = tuple(changes), tuple(predicted)
    pairs = match_changes(changes, predicted)
    matched_gold = {p.gold for p in pairs}
    matched_predicted = {p.predicted for p in pairs}
    loose = match_changes(changes, predicted, with_date=False)
    dated = sum(1 for p in loose if date_agrees(predicted[p.predicted].date, changes[p.gold].date, changes[p.gold].precision))
    # A trap is checked against every sentence's change, also those `predicted` holds once for the article.
    every_change = [e for e in located if is_change(e)]
    return ArticleOutcome(
        article=article,
        gold=changes,
        predicted=predicted,
        matches=tuple((changes[p.gold], predicted[p.predicted]) for p in pairs),
        misses=tuple(c for i, c in enumerate(changes) if i not in matched_gold),
        false_changes=tuple(p for i, p in enumerate(predicted) if i not in matched_predicted),
        same_place_force_status=len(loose),
        dated_right=dated,
        places_found=sum(1 for c in changes if any(near(c, e) for e in located)),
        places_resolved=sum(1 for c in changes if any(near(c, p) for p in resolved)),
        traps=tuple(TrapOutcome(t, trap_violations(t, article.text, every_change)) for t in traps),
        located=tuple(located),
        resolved=tuple(resolved),
    )


# --- groups -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GroupScore:
    articles: int
    gold_changes: int
    predicted_changes: int
    true_positives: int
    precision: Rate
    recall: Rate
    f1: Rate
    date_accuracy: Rate
    place_accuracy: Rate
    place_resolved: Rate
    traps: Rate
    traps_by_kind: dict[str, Rate] = field(default_factory=dict)
    map_accuracy: Rate = Rate(0, 0)


def group_keys(article: EvalArticle) -> tuple[str, ...]:
    """The groups an article's scores count in."""
    return ("all", f"split:{article.split}", f"language:{article.language}", f"origin:{article.origin}",
            f"split:{article.split}/language:{article.language}")


def group_order(key: str) -> tuple:
    """All first, then splits, languages, origins, and splits by language."""
    kinds = ("all", "split", "language", "origin")
    first = key.split(":", 1)[0]
    return ("/" in key, kinds.index(first) if first in kinds else len(kinds), key)


def group_scores(outcomes: Sequence[ArticleOutcome], map_outcomes: Sequence[MapOutcome]) -> dict[str, GroupScore]:
    """The scores of every group some article of `outcomes` belongs to, in `group_order`."""
    members: dict[str, list[ArticleOutcome]] = defaultdict(list)
    for outcome in outcomes:
        for key in group_keys(outcome.article):
            members[key].append(outcome)
    map_by_article: dict[str, list[MapOutcome]] = defaultdict(list)
    for checked in map_outcomes:
        map_by_article[checked.change.article_id].append(checked)
    return {key: _score_group(members[key], map_by_article) for key in sorted(members, key=group_order)}


def _score_group(outcomes: list[ArticleOutcome], map_by_article: dict[str, list[MapOutcome]]) -> GroupScore:
    gold = sum(len(o.gold) for o in outcomes)
    predicted = sum(len(o.predicted) for o in outcomes)
    tp = sum(len(o.matches) for o in outcomes)
    traps = [t for o in outcomes for t in o.traps]
    by_kind = {
        kind: Rate(sum(t.kept for t in traps if t.trap.kind == kind), sum(1 for t in traps if t.trap.kind == kind))
        for kind in TRAP_KINDS
        if any(t.trap.kind == kind for t in traps)
    }
    checked = [m for o in outcomes for m in map_by_article.get(o.article.article_id, ()) if m.scored]
    return GroupScore(
        articles=len(outcomes),
        gold_changes=gold,
        predicted_changes=predicted,
        true_positives=tp,
        precision=Rate(tp, predicted),
        recall=Rate(tp, gold),
        f1=f1_rate(tp, predicted, gold),
        date_accuracy=Rate(sum(o.dated_right for o in outcomes), sum(o.same_place_force_status for o in outcomes)),
        place_accuracy=Rate(sum(o.places_found for o in outcomes), gold),
        place_resolved=Rate(sum(o.places_resolved for o in outcomes), gold),
        traps=Rate(sum(t.kept for t in traps), len(traps)),
        traps_by_kind=by_kind,
        map_accuracy=Rate(sum(m.ok for m in checked), len(checked)),
    )
