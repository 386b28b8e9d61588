"""The whole pipeline: articles → places → events → timeline → layer files."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from geo.articles import DEFAULT_MAX_BYTES, Article, Skipped, load_corpus
from geo.events import Event, extract_events
from geo.forces import load_claimants, load_forces
from geo.gazetteer import Gazetteer, Place
from geo.io.write import dump_json, feature_collection, render_csv, write_layer_atomically
from geo.language import detect_language
from geo.layer import control_features, event_rows, place_features
from geo.schema import EVENT_COLUMNS
from geo.timeline import build_timelines
from geo.text import split_sentences
from geo.toponyms import Mention, find_mentions
from geo.zones import AREA_COLUMNS, area_rows, derive_zones, town_periods_from_feature_collection, zones_geojson_text

LAYER_FILES = ("control.geojson", "places.geojson", "events.csv", "zones.geojson", "areas.csv", "report.json")


@dataclass
class ArticleResult:
    article: Article
    mentions: list[Mention]
    events: list[Event]
    language_detected: bool


@dataclass
class BuildResult:
    out_dir: Path
    articles: list[Article]
    skipped: list[Skipped]
    events: list[Event]
    unresolved: list[dict]
    report: dict
    files: dict[str, str] = field(repr=False, default_factory=dict)


def not_places(forces=None, claimants=None) -> frozenset[str]:
    """Names that are never places: force phrases, claimants and agencies (GeoNames lists some as towns)."""
    forces = forces or load_forces()
    claimants = claimants or load_claimants()
    return frozenset(forces.all_phrases() | set(claimants.phrases) | set(claimants.agencies))


def process_article(article: Article, gazetteer: Gazetteer) -> ArticleResult:
    """Language, place mentions and control events of one article."""
    forces, claimants = load_forces(), load_claimants()
    language_detected = article.language is None
    if language_detected:
        article = replace(article, language=detect_language(article.text))
    mentions = find_mentions(article.text, article.language, gazetteer, exclude=not_places(forces, claimants))
    events = extract_events(article, mentions, forces, claimants, article.language)
    return ArticleResult(article, mentions, events, language_detected)


def _sentence_around(text: str, start: int, end: int) -> str:
    for sentence in split_sentences(text):
        if sentence.start <= start < sentence.end:
            return sentence.text
    return text[max(0, start - 80): end + 80]


def build(
    articles_dir: Path,
    out_dir: Path,
    today: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress=None,
) -> BuildResult:
    """Build the layer from `articles_dir` into `out_dir`; the previous output survives any failure."""
    timings: dict[str, float] = {}
    clock = time.perf_counter()
    articles, skipped = load_corpus(Path(articles_dir), today=today, max_bytes=max_bytes)
    timings["load_articles_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    gazetteer = Gazetteer.load()
    timings["load_gazetteer_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    results: list[ArticleResult] = []
    for article in articles:
        results.append(process_article(article, gazetteer))
        if progress is not None:
            progress(len(results), len(articles), article.article_id)
    timings["extract_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    files, report, events, unresolved = _render(results, skipped, gazetteer)
    timings["timeline_and_render_s"] = time.perf_counter() - clock
    report["timings"] = {k: round(v, 3) for k, v in timings.items()}
    files["report.json"] = dump_json(report)
    write_layer_atomically(Path(out_dir), files)
    return BuildResult(Path(out_dir), [r.article for r in results], skipped, events, unresolved, report, files)


def _render(results: list[ArticleResult], skipped: list[Skipped], gazetteer: Gazetteer):
    articles = {r.article.article_id: r.article for r in results}
    events = [e for r in results for e in r.events]
    places: dict[str, Place] = {}
    for result in results:
        for mention in result.mentions:
            if mention.place is not None:
                places[mention.place.place_id] = mention.place
    for event in events:
        if event.place_id and event.place_id not in places:
            places[event.place_id] = gazetteer.get(event.place_id)
    timelines = build_timelines(events, {a.article_id: a.published for a in articles.values()})
    town_mentions = {r.article.article_id: [m for m in r.mentions if m.kind == "town"] for r in results}
    unresolved = [
        {"name": m.surface, "article_id": r.article.article_id, "sentence": _sentence_around(r.article.text, m.start, m.end)}
        for r in results for m in r.mentions if m.kind == "unresolved"
    ]
    regions: dict[str, dict] = {}
    for result in results:
        for mention in result.mentions:
            if mention.kind == "region" and mention.place is not None:
                entry = regions.setdefault(mention.place.place_id, {
                    "place_id": mention.place.place_id, "name": mention.place.name, "mentions": 0, "spellings": set()})
                entry["mentions"] += 1
                entry["spellings"].add(mention.surface)
    control = control_features(timelines, places, articles)
    zones = derive_zones(town_periods_from_feature_collection(feature_collection(control)))
    place_ids_with_events = {e.place_id for e in events if e.place_id}
    files = {
        "control.geojson": dump_json(feature_collection(control)),
        "places.geojson": dump_json(feature_collection(place_features(town_mentions, places, place_ids_with_events))),
        "events.csv": render_csv(EVENT_COLUMNS, event_rows(events, articles)),
        "zones.geojson": zones_geojson_text(zones),
        "areas.csv": render_csv(AREA_COLUMNS, area_rows(zones)),
    }
    report = {
        "articles": [
            {
                "article_id": a.article_id,
                "file": a.path.name,
                "title": a.title,
                "source": a.source,
                "url": a.url,
                "published": a.published_label,
                "language": a.language,
                "language_detected": r.language_detected,
                "mentions": sum(1 for m in r.mentions if m.place is not None),
                "events": len(r.events),
                "text": a.text,
            }
            for r in results for a in [r.article]
        ],
        "skipped": [{"file": s.file, "reason": s.reason} for s in skipped],
        "unresolved": unresolved,
        "regions": [
            {**entry, "spellings": sorted(entry["spellings"])} for _, entry in sorted(regions.items())
        ],
        "counts": {
            "articles_read": len(results),
            "articles_skipped": len(skipped),
            "place_mentions": sum(1 for r in results for m in r.mentions if m.place is not None),
            "places": len({m.place.place_id for r in results for m in r.mentions if m.kind == "town" and m.place}),
            "unresolved_mentions": len(unresolved),
            "events": len(events),
            "control_periods": len(control),
            "zones": len(zones),
        },
    }
    return files, report, events, unresolved
