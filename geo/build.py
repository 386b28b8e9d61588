"""The whole pipeline: articles → places → events → timeline → layer files.

Reading and extraction (language, places, events) are per article, and run in a pool of worker
processes on corpora of more than a few dozen articles (see "the worker pool" below): the workers are
forked after the gazetteer and the matchers are loaded, so they share them instead of loading or
receiving them, and send back only small results (a mention's place as its id). Results are taken in
file order, so the output does not depend on the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from geo.articles import DEFAULT_MAX_BYTES, Article, ArticleError, Skipped, article_files, load_article, load_corpus
from geo.dates import find_dates
from geo.events import Event, extract_events_in
from geo.forces import load_claimants, load_forces
from geo.gazetteer import Gazetteer, Place
from geo.io.write import dump_json, feature_collection, render_csv, write_layer_atomically
from geo.language import detect_language
from geo.layer import control_features, event_rows, place_features
from geo.schema import EVENT_COLUMNS
from geo.timeline import build_timelines
from geo.text import Sentence, split_sentences
from geo.toponyms import Mention, find_mentions, warm_up
from geo.zones import AREA_COLUMNS, area_rows, derive_zones, town_periods_from_feature_collection, zones_geojson_text

LAYER_FILES = ("control.geojson", "places.geojson", "events.csv", "zones.geojson", "areas.csv", "report.json")
#: Below this many articles the pool's start-up costs more than it saves.
POOL_MIN_ARTICLES = 50


@dataclass
class ArticleResult:
    article: Article
    mentions: list[Mention]
    events: list[Event]
    language_detected: bool
    #: The sentence around each unresolved mention, in mention order (for report.json).
    unresolved_sentences: list[str] = field(default_factory=list)


@dataclass
class BuildResult:
    out_dir: Path
    articles: list[Article]
    skipped: list[Skipped]
    events: list[Event]
    unresolved: list[dict]
    report: dict
    files: dict[str, str] = field(repr=False, default_factory=dict)
    #: Seconds per step, for the terminal summary: never written, so the same input gives the same bytes.
    timings: dict[str, float] = field(default_factory=dict)


def not_places(forces=None, claimants=None) -> frozenset[str]:
    """Names that are never places: force phrases, claimants and agencies (GeoNames lists some as towns)."""
    forces = forces or load_forces()
    claimants = claimants or load_claimants()
    return frozenset(forces.all_phrases() | set(claimants.phrases) | set(claimants.agencies))


@lru_cache(maxsize=1)
def _default_not_places() -> frozenset[str]:
    return not_places(load_forces(), load_claimants())


def process_article(article: Article, gazetteer: Gazetteer) -> ArticleResult:
    """Language, place mentions and control events of one article."""
    forces, claimants = load_forces(), load_claimants()
    language_detected = article.language is None
    if language_detected:
        article = replace(article, language=detect_language(article.text))
    sentences = split_sentences(article.text)
    mentions = find_mentions(article.text, article.language, gazetteer, exclude=_default_not_places())
    events = extract_events_in(article, sentences, mentions, forces, claimants, article.language)
    unresolved = [_sentence_around(sentences, article.text, m.start, m.end) for m in mentions if m.kind == "unresolved"]
    return ArticleResult(article, mentions, events, language_detected, unresolved)


def _sentence_around(sentences: list[Sentence], text: str, start: int, end: int) -> str:
    for sentence in sentences:
        if sentence.start <= start < sentence.end:
            return sentence.text
    return text[max(0, start - 80): end + 80]


def _unresolved_sentences(result: ArticleResult) -> list[str]:
    unresolved = [m for m in result.mentions if m.kind == "unresolved"]
    if len(result.unresolved_sentences) == len(unresolved):
        return result.unresolved_sentences
    sentences = split_sentences(result.article.text)
    return [_sentence_around(sentences, result.article.text, m.start, m.end) for m in unresolved]


# --- the worker pool --------------------------------------------------------------------------------
#
# With a pool, the parent lists the files and, while it loads the gazetteer, a forked reader process
# reads and parses files from the start of the list (front matter costs about a third of an article's
# extraction). Then the parent takes what was read, forks the workers and hands them the articles by
# index: each worker processes what was read and reads the rest itself. The parent takes the results in
# file order and applies the rules of `load_corpus` (skipped files, duplicate ids) to them, so the
# articles, the skipped files and their order are the same as in a build in one process.

# What forked workers inherit from the parent: the files, how to read them, what was read already
# (an Article, or why the file was skipped), and the loaded gazetteer.
_SHARED: tuple[list[Path], date | None, int, list, Gazetteer] | None = None


def _read(path: Path, today: date | None, max_bytes: int) -> Article | str:
    """The article in `path`, or why it cannot be used (as `load_corpus` reports it)."""
    try:
        return load_article(path, today=today, max_bytes=max_bytes)
    except (ArticleError, OSError) as exc:
        return str(exc)


def _read_ahead(files: list[Path], today: date | None, max_bytes: int, stop, connection) -> None:
    """In the reader process: read files in order until told to stop, then send what was read."""
    read = []
    for path in files:
        if stop.is_set():
            break
        read.append(_read(path, today, max_bytes))
    connection.send(read)
    connection.close()


class _Reader:
    """A forked process that reads article files ahead while this one does something else."""

    def __init__(self, files: list[Path], today: date | None, max_bytes: int):
        context = multiprocessing.get_context("fork")
        self._stop = context.Event()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(target=_read_ahead, args=(files, today, max_bytes, self._stop, send),
                                        daemon=True)
        self._process.start()
        send.close()

    def take(self) -> list:
        """Stop reading; what was read, in file order (a reader that failed read nothing)."""
        self._stop.set()
        try:
            read = self._receive.recv()
        except (EOFError, OSError):
            read = []
        finally:
            self._receive.close()
            self._process.join()
        return read

    def cancel(self) -> None:
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receive.close()


def _pack(result: ArticleResult, gazetteer: Gazetteer, send_article: bool) -> tuple:
    """A result in a form that pickles small and fast: a mention's place goes as its place_id; the
    article only when the parent does not have it (else only its language when it was detected)."""
    mentions = []
    for m in result.mentions:
        place = m.place
        if place is None:
            mentions.append((m.start, m.end, m.surface, m.kind, None))
        elif place.place_id in gazetteer and gazetteer.get(place.place_id) is place:
            mentions.append((m.start, m.end, m.surface, m.kind, place.place_id))
        else:  # not the gazetteer's own object: send the place itself
            mentions.append((m.start, m.end, m.surface, m.kind, place))
    article = result.article if send_article else (result.article.language if result.language_detected else None)
    return article, result.language_detected, mentions, result.events, result.unresolved_sentences


def _unpack(packed: tuple, gazetteer: Gazetteer, article: Article | None) -> ArticleResult:
    sent, detected, mentions, events, unresolved = packed
    if isinstance(sent, Article):
        article = sent
    elif detected:
        article = replace(article, language=sent)
    return ArticleResult(
        article,
        [Mention(start, end, surface, kind, gazetteer.get(place) if isinstance(place, str) else place)
         for start, end, surface, kind, place in mentions],
        events,
        detected,
        unresolved,
    )


def _read_and_extract(index: int) -> tuple[str, object]:
    """In a worker: process article `index`, reading it unless that was done; ("skip", reason) when
    the file cannot be used."""
    files, today, max_bytes, read, gazetteer = _SHARED
    preread = index < len(read)
    article = read[index] if preread else _read(files[index], today, max_bytes)
    if isinstance(article, str):
        return "skip", article
    return "ok", _pack(process_article(article, gazetteer), gazetteer, send_article=not preread)


def _warm_up(gazetteer: Gazetteer) -> None:
    """Load in this process what extraction loads on first use, so that forked workers share it."""
    warm_up(gazetteer, ("nb", "en"), exclude=_default_not_places())
    for language in ("nb", "en"):
        find_dates("10.02.2019", language, date(2019, 2, 10))  # dateparser loads its data on first use
    load_forces(), load_claimants()


def default_jobs() -> int:
    """One worker per CPU this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1


def _pooled(jobs: int, files: int) -> bool:
    return jobs > 1 and files >= POOL_MIN_ARTICLES and "fork" in multiprocessing.get_all_start_methods()


def _extract(articles: list[Article], gazetteer: Gazetteer, progress) -> list[ArticleResult]:
    results: list[ArticleResult] = []
    # The gazetteer and the articles live through the whole extraction: keep the collector off them.
    gc.freeze()
    try:
        for article in articles:
            results.append(process_article(article, gazetteer))
            if progress is not None:
                progress(len(results), len(articles), article.article_id)
    finally:
        gc.unfreeze()
    return results


def _read_and_extract_all(files: list[Path], today: date | None, max_bytes: int, gazetteer: Gazetteer,
                          jobs: int, progress, read: list | None = None) -> tuple[list[ArticleResult], list[Skipped]]:
    """`load_corpus` and `_extract` of the files, in a pool of `jobs` forked workers. `read`: what a
    `_Reader` read of the first files."""
    global _SHARED
    read = read or []
    # Everything the workers need is built here, once, and shared with them by fork.
    _warm_up(gazetteer)
    _SHARED = (files, today, max_bytes, read, gazetteer)
    jobs = min(jobs, len(files))
    chunksize = max(1, min(32, len(files) // (jobs * 8)))
    results: list[ArticleResult] = []
    skipped: list[Skipped] = []
    seen_ids: dict[str, Path] = {}
    # Objects alive now are never collected by the workers' GC, which would otherwise write to (and so
    # copy) the memory pages they share with the parent.
    gc.collect()
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            outcomes = pool.imap(_read_and_extract, range(len(files)), chunksize)
            for index, (path, (status, payload)) in enumerate(zip(files, outcomes)):
                if status == "skip":
                    skipped.append(Skipped(file=path.name, reason=payload))
                else:
                    result = _unpack(payload, gazetteer, read[index] if index < len(read) else None)
                    article_id = result.article.article_id
                    if article_id in seen_ids:  # as load_corpus: the first file with an id wins
                        skipped.append(Skipped(
                            file=path.name,
                            reason=f"same article id '{article_id}' as {seen_ids[article_id].name}; rename one",
                        ))
                    else:
                        seen_ids[article_id] = path
                        results.append(result)
                if progress is not None:
                    progress(index + 1, len(files), path.stem)
    finally:
        _SHARED = None
        gc.unfreeze()
    return results, skipped


def build(
    articles_dir: Path,
    out_dir: Path,
    today: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress=None,
    jobs: int | None = None,
) -> BuildResult:
    """Build the layer from `articles_dir` into `out_dir`; the previous output survives any failure.

    `jobs` worker processes read and extract the articles (default: one per CPU; 1: this process does).
    """
    timings: dict[str, float] = {}
    jobs = default_jobs() if jobs is None else jobs
    clock = time.perf_counter()
    paths = article_files(Path(articles_dir))
    pooled = _pooled(jobs, len(paths))
    reader = None
    if pooled:
        reader = _Reader(paths, today, max_bytes)  # reads while the gazetteer loads
    else:
        articles, skipped = load_corpus(Path(articles_dir), today=today, max_bytes=max_bytes)
    timings["load_articles_s"] = time.perf_counter() - clock  # with a pool, only listing the files

    try:
        clock = time.perf_counter()
        gazetteer = Gazetteer.load()
        timings["load_gazetteer_s"] = time.perf_counter() - clock
    except BaseException:
        if reader is not None:
            reader.cancel()
        raise

    clock = time.perf_counter()
    if pooled:  # reading the files is part of this
        read = reader.take()
        results, skipped = _read_and_extract_all(paths, today, max_bytes, gazetteer, jobs, progress, read)
    else:
        results = _extract(articles, gazetteer, progress)
    timings["extract_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    files, report, events, unresolved = _render(results, skipped, gazetteer, timings)
    timings["timeline_and_render_s"] = time.perf_counter() - clock
    files["report.json"] = dump_json(report)
    write_layer_atomically(Path(out_dir), files, articles=Path(articles_dir))
    return BuildResult(Path(out_dir), [r.article for r in results], skipped, events, unresolved, report, files,
                       {k: round(v, 3) for k, v in timings.items()})


def _render(results: list[ArticleResult], skipped: list[Skipped], gazetteer: Gazetteer, timings=None):
    """The layer files, the report, the events and the unresolved names; adds the time of the timeline, the
    zones and the rest to `timings`."""
    timings = {} if timings is None else timings
    clock = time.perf_counter()
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
        {"name": m.surface, "article_id": r.article.article_id, "sentence": sentence}
        for r in results
        for m, sentence in zip((m for m in r.mentions if m.kind == "unresolved"), _unresolved_sentences(r))
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
    timings["timeline_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    zones = derive_zones(town_periods_from_feature_collection(feature_collection(control)))
    zone_files = {"zones.geojson": zones_geojson_text(zones), "areas.csv": render_csv(AREA_COLUMNS, area_rows(zones))}
    timings["zones_s"] = time.perf_counter() - clock

    clock = time.perf_counter()
    place_ids_with_events = {e.place_id for e in events if e.place_id}
    files = {
        "control.geojson": dump_json(feature_collection(control)),
        "places.geojson": dump_json(feature_collection(place_features(town_mentions, places, place_ids_with_events))),
        "events.csv": render_csv(EVENT_COLUMNS, event_rows(events, articles)),
        **zone_files,
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
    timings["render_s"] = time.perf_counter() - clock
    return files, report, events, unresolved
