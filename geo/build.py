"""The whole pipeline: articles → places → events → timeline → layer files.

Reading and extraction (language, places, events) are per article, and run in a pool of worker
processes on corpora of more than a few dozen articles (see "the worker pool" below): the workers are
forked after the gazetteer and the matchers are loaded, so they share them instead of loading or
receiving them, and send back only small results (a mention's place as its id). Results are taken in
file order, so the output does not depend on the number of workers.

One article never stops or stalls the build: whatever goes wrong while reading or extracting it, and an
extraction that runs past its time budget, makes it a skipped file with the reason.

With an extraction cache (geo/extraction_cache.py), a file the cache remembers unchanged is neither read nor
extracted, an article whose text it knows is read but not extracted, and only the rest go to the workers;
the results are taken in file order all the same, so the files written do not depend on the cache.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

from geo.articles import (
    DEFAULT_EARLIEST, DEFAULT_MAX_BYTES, Article, Skipped, article_files, describe_error, display_name, read_article,
)
from geo.budget import OverBudget, within
from geo.dates import find_dates
from geo.events import Event, extract_events_in
from geo.extraction_cache import (
    CacheError, ExtractionCache, FileEntry, FileStat, article_key, decode_article, decode_result, encode_article,
    encode_result, file_key, file_stat, settled,
)
from geo.forces import load_claimants, load_forces
from geo.gazetteer import Gazetteer, Place
from geo.io.write import dump_json, feature_collection, render_csv, write_layer_atomically
from geo.language import detect_language
from geo.layer import control_features, event_rows, place_features
from geo.review import Decision, PlaceInfo, apply_decisions
from geo.schema import EVENT_COLUMNS
from geo.timeline import build_timelines
from geo.text import Sentence, split_sentences
from geo.toponyms import Mention, find_mentions, warm_up
from geo.zones import town_periods_from_feature_collection
from geo.zones_process import ZonesProcess, border_file, zone_files

LAYER_FILES = ("control.geojson", "places.geojson", "events.csv", "zones.geojson", "areas.csv", "borders.geojson",
               "report.json")
#: Below this many articles the pool's start-up costs more than it saves.
POOL_MIN_ARTICLES = 50
#: Seconds one article's extraction may take before it is skipped: a news article takes well under one,
#: a 5 MB one a few; past this something in it makes extraction crawl, and the rest should not wait.
DEFAULT_ARTICLE_SECONDS = 30.0


@dataclass
class ArticleResult:
    article: Article
    mentions: list[Mention]
    events: list[Event]
    language_detected: bool
    #: The sentence around each unresolved mention, in mention order (for report.json).
    unresolved_sentences: list[str] = field(default_factory=list)
    #: The extraction cache's forms of the result and of the article as read (`encode_result`,
    #: `encode_article`), when a worker made them; else `_remember` makes them.
    stored: tuple[str | None, str | None] | None = field(default=None, repr=False, compare=False)


@dataclass
class BuildResult:
    out_dir: Path
    articles: list[Article]
    skipped: list[Skipped]
    events: list[Event]
    unresolved: list[dict]
    report: dict
    #: Decisions of the analysts that matched nothing in this build (see geo/review.py).
    unmatched_decisions: list[Decision] = field(default_factory=list)
    files: dict[str, str] = field(repr=False, default_factory=dict)
    #: Seconds per step, for the terminal summary: never written, so the same input gives the same bytes.
    timings: dict[str, float] = field(default_factory=dict)
    #: Articles extracted by this build, and those whose results came from the extraction cache.
    extracted: int = 0
    from_cache: int = 0
    #: What went wrong with the extraction cache (the build went on without it).
    warnings: list[str] = field(default_factory=list)


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
    sentences = split_sentences(article.text, article.language)
    mentions = find_mentions(article.text, article.language, gazetteer, exclude=_default_not_places())
    events = extract_events_in(article, sentences, mentions, forces, claimants, article.language)
    unresolved = _sentences_around(sentences, article.text, [m for m in mentions if m.kind == "unresolved"])
    return ArticleResult(article, mentions, events, language_detected, unresolved)


def _sentences_around(sentences: list[Sentence], text: str, mentions: list[Mention]) -> list[str]:
    """The sentence each mention starts in (or the text around it); by bisection, as an article may have
    thousands of each."""
    starts = [sentence.start for sentence in sentences]
    around = []
    for mention in mentions:
        index = bisect_right(starts, mention.start) - 1  # sentences are in order and do not overlap
        if index >= 0 and mention.start < sentences[index].end:
            around.append(sentences[index].text)
        else:
            around.append(text[max(0, mention.start - 80): mention.end + 80])
    return around


def _unresolved_sentences(result: ArticleResult) -> list[str]:
    unresolved = [m for m in result.mentions if m.kind == "unresolved"]
    if len(result.unresolved_sentences) == len(unresolved):
        return result.unresolved_sentences
    return _sentences_around(split_sentences(result.article.text, result.article.language), result.article.text,
                             unresolved)


def _extracted(article: Article, gazetteer: Gazetteer, seconds: float | None) -> ArticleResult | str:
    """`process_article` within `seconds`, or why the article could not be extracted."""
    try:
        return within(seconds, process_article, article, gazetteer)
    except OverBudget:
        return (f"extraction took longer than the {seconds:g} s allowed per article (--article-seconds); "
                f"split the article, or allow more time")
    except Exception as exc:  # noqa: BLE001 - a failure in one article is that article's, not the build's
        return f"extraction failed: {describe_error(exc, article.path)}"


@dataclass(frozen=True)
class _Known:
    """What the extraction cache holds for this extractor (geo/extraction_cache.py)."""

    version: str
    files: dict[str, FileEntry]  # by file_key
    results: dict[str, str]  # stored results, by article_key
    stale: bool  # it holds rows of another extractor


@dataclass(frozen=True)
class _Job:
    """What reading and extracting a corpus needs; forked workers inherit it."""

    files: list[Path]
    read: Callable[[Path], Article | Skipped]
    preread: list  # Article | Skipped of the first files, read ahead
    gazetteer: Gazetteer
    seconds: float | None  # the time budget of one article's extraction
    known: _Known | None = None


class _Outcome(NamedTuple):
    """What became of one file: ("ok", article id, ArticleResult) or ("skip", article id or None when
    unread, reason); with a cache, also the article's key and whether its result came from the cache."""

    status: str
    article_id: str | None
    payload: object
    key: str | None = None
    cached: bool = False


def _outcome(job: _Job, index: int) -> _Outcome:
    """The outcome of file `index` of `job`: read (unless read ahead), then found in the cache or extracted."""
    article = job.preread[index] if index < len(job.preread) else job.read(job.files[index])
    if isinstance(article, Skipped):
        return _Outcome("skip", None, article.reason)
    return _article_outcome(job, article)


def _article_outcome(job: _Job, article: Article, key: str | None = None) -> _Outcome:
    if job.known is not None:
        key = key or article_key(article, job.known.version)
        value = job.known.results.get(key)
        if value is not None:
            result = _cached_result(article, value, job.gazetteer)
            if result is not None:
                return _Outcome("ok", article.article_id, result, key, cached=True)
    result = _extracted(article, job.gazetteer, job.seconds)
    if isinstance(result, str):
        return _Outcome("skip", article.article_id, result)
    return _Outcome("ok", article.article_id, result, key)


def _cached_result(article: Article, value: str, gazetteer: Gazetteer) -> ArticleResult | None:
    """The stored result of `article`, or None if it does not decode (then the article is extracted)."""
    decoded = decode_result(value, gazetteer)
    if decoded is None:
        return None
    language, mentions, events, unresolved = decoded
    detected = article.language is None
    if detected:
        if language is None:
            return None
        article = replace(article, language=language)
    return ArticleResult(article, mentions, events, detected, unresolved)


def _collect(files: list[Path], outcomes: Iterable[_Outcome], progress
             ) -> tuple[list[ArticleResult], list[Skipped], list[_Outcome]]:
    """The outcomes of `files`, in file order, as results and skipped files, and the outcome of each result.
    As in `load_corpus`, the first file with an article id wins: a later one with the same id is skipped,
    even if it fails."""
    results: list[ArticleResult] = []
    skipped: list[Skipped] = []
    kept: list[_Outcome] = []
    seen_ids: dict[str, Path] = {}
    for index, (path, outcome) in enumerate(zip(files, outcomes, strict=True)):
        article_id = outcome.article_id
        if article_id is not None and article_id in seen_ids:
            skipped.append(Skipped(
                file=path.name,
                reason=f"same article id '{article_id}' as {seen_ids[article_id].name}; rename one",
            ))
        elif outcome.status == "skip":
            skipped.append(Skipped(file=path.name, reason=outcome.payload))
        else:
            seen_ids[article_id] = path
            results.append(outcome.payload)
            kept.append(outcome)
        if progress is not None:
            progress(index + 1, len(files), display_name(path.stem))
    return results, skipped, kept


# --- the worker pool --------------------------------------------------------------------------------
#
# With a pool, the parent lists the files and, while it loads the gazetteer, a forked reader process
# reads and parses files from the start of the list (front matter costs about a third of an article's
# extraction). Then the parent takes what was read, forks the workers and hands them the articles by
# index: each worker processes what was read and reads the rest itself. The parent takes the results in
# file order and applies the same rules as a build in one process (`_collect`), so the articles, the
# skipped files and their order are the same.
#
# The reader and the workers die with the parent: killed with -9, it cannot stop them, and a process
# that sends on a pipe nobody reads, or waits for a task nobody sends, would wait forever.

# What forked workers inherit from the parent.
_SHARED: _Job | None = None

_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _die_with(parent: int) -> None:
    """In a forked helper: ask Linux to kill this process when `parent` dies (elsewhere, the reader's
    own checks of its parent are all there is), and exit now if it already has."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # it died before the request took effect
        os._exit(1)


def _read_ahead(files: list[Path], read: Callable[[Path], Article | Skipped], stop, connection,
                parents_end, parent: int) -> None:
    """In the reader process: read files in order until told to stop, then send what was read."""
    # Forked with the parent's end of the pipe open: holding it, this process would be a reader of its
    # own pipe, and a send to a parent that died would block forever instead of failing.
    parents_end.close()
    _die_with(parent)
    done = []
    for path in files:
        if stop.is_set() or os.getppid() != parent:
            break
        done.append(read(path))
    if os.getppid() != parent:
        return
    try:
        connection.send(done)
    except OSError:  # the parent died while we sent
        return
    connection.close()


class _Reader:
    """A forked process that reads article files ahead while this one does something else."""

    def __init__(self, files: list[Path], read: Callable[[Path], Article | Skipped]):
        context = multiprocessing.get_context("fork")
        self._stop = context.Event()
        self._receive, send = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_read_ahead, args=(files, read, self._stop, send, self._receive, os.getpid()), daemon=True)
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
    return article, result.language_detected, mentions, result.events, result.unresolved_sentences, result.stored


def _unpack(packed: tuple, gazetteer: Gazetteer, article: Article | None) -> ArticleResult:
    sent, detected, mentions, events, unresolved, stored = packed
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
        stored,
    )


def _read_and_extract(index: int) -> _Outcome:
    """In a worker: `_outcome` of file `index`, a result packed to be sent."""
    outcome = _outcome(_SHARED, index)
    if outcome.status == "ok":
        if _SHARED.known is not None and not outcome.cached:
            # Encoded here, in parallel, rather than one by one in the parent after extraction.
            outcome.payload.stored = _stored_forms(outcome.payload, _SHARED.gazetteer)
        outcome = outcome._replace(
            payload=_pack(outcome.payload, _SHARED.gazetteer, send_article=index >= len(_SHARED.preread)))
    return outcome


def _stored_forms(result: ArticleResult, gazetteer: Gazetteer) -> tuple[str | None, str | None]:
    """What `_remember` stores of a result extracted by this build: the result, and the article as read."""
    return _encoded_result(result, gazetteer), _encoded_article(result)


def _encoded_result(result: ArticleResult, gazetteer: Gazetteer) -> str | None:
    if result.stored is not None:
        return result.stored[0]
    return encode_result(result.article.language if result.language_detected else None, result.mentions,
                         result.events, result.unresolved_sentences, gazetteer)


def _encoded_article(result: ArticleResult) -> str | None:
    if result.stored is not None:
        return result.stored[1]
    return encode_article(replace(result.article, language=None) if result.language_detected else result.article)


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


@contextmanager
def _extract_here(job: _Job) -> Iterator[Iterator[_Outcome]]:
    """The outcomes of the files of `job`, in order, read (what was not read yet) and extracted in this
    process as they are taken."""
    if job.files:
        _warm_up(job.gazetteer)  # now, not within the first article's time budget
    # The gazetteer and the articles live through the whole extraction: keep the collector off them.
    gc.freeze()
    try:
        yield (_outcome(job, index) for index in range(len(job.files)))
    finally:
        gc.unfreeze()


@contextmanager
def _extract_pooled(job: _Job, jobs: int) -> Iterator[Iterator[_Outcome]]:
    """The outcomes of the files of `job`, in order, read (what was not read yet) and extracted by a pool
    of `jobs` forked workers, which start at once."""
    global _SHARED
    # Everything the workers need is built here, once, and shared with them by fork.
    _warm_up(job.gazetteer)
    _SHARED = job
    jobs = min(jobs, len(job.files))
    chunksize = max(1, min(32, len(job.files) // (jobs * 8)))

    def unpack(index: int, outcome: _Outcome) -> _Outcome:
        if outcome.status != "ok":
            return outcome
        article = job.preread[index] if index < len(job.preread) else None
        return outcome._replace(payload=_unpack(outcome.payload, job.gazetteer, article))

    # Objects alive now are never collected by the workers' GC, which would otherwise write to (and so
    # copy) the memory pages they share with the parent.
    gc.collect()
    gc.freeze()
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_die_with, initargs=(os.getpid(),)) as pool:
            outcomes = pool.imap(_read_and_extract, range(len(job.files)), chunksize)
            # The workers' results pile up here and hold no cycles: collecting would only scan them again and
            # again, taking a core from the workers (unpacking took 4x as long with the collector on).
            with _collector_paused():
                yield (unpack(index, outcome) for index, outcome in enumerate(outcomes))
    finally:
        _SHARED = None
        gc.unfreeze()


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(
    articles_dir: Path,
    out_dir: Path,
    today: date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress=None,
    jobs: int | None = None,
    earliest: date = DEFAULT_EARLIEST,
    article_seconds: float | None = DEFAULT_ARTICLE_SECONDS,
    added: Iterable[Article] = (),
    decisions: Iterable[Decision] = (),
    cache: Path | None = None,
) -> BuildResult:
    """Build the layer from `articles_dir` into `out_dir`; the previous output survives any failure.

    `jobs` worker processes read and extract the articles (default: one per CPU; 1: this process does).
    Articles published after `today` or before `earliest` are skipped, and so is any whose extraction
    takes longer than `article_seconds` (None: no limit; the limit needs the main thread).
    `added` are the articles added through the app (`geo.store`), read after the folder's; `decisions`
    are the analysts' (`geo.review`), applied to what was extracted. `cache` is the extraction cache's
    file (geo/extraction_cache.py; None: none): only what it does not hold is read and extracted.
    """
    timings: dict[str, float] = {}
    warnings: list[str] = []
    jobs = default_jobs() if jobs is None else jobs
    today = today or date.today()
    added_by_path = {article.path: article for article in added}
    read = partial(_read_file_or_added, added_by_path,
                   partial(read_article, today=today, max_bytes=max_bytes, earliest=earliest))
    clock = time.perf_counter()
    paths = article_files(Path(articles_dir)) + list(added_by_path)
    cache_db, known = _open_cache(cache, warnings)
    stats: dict[Path, FileStat | None] = {}
    hits: dict[int, tuple[Article, str]] = {}
    # Taken before any file is read: a file changed since has another stat than the one remembered with it.
    stats_taken_ns = time.time_ns()
    if known is not None:
        stats = {path: file_stat(path) for path in paths if path not in added_by_path}
        hits = _cache_hits(known, paths, added_by_path, stats, today, earliest, max_bytes)
        timings["cache_load_s"] = time.perf_counter() - clock
        clock = time.perf_counter()
    todo = [path for index, path in enumerate(paths) if index not in hits]
    zones_process = None
    try:
        pooled = _pooled(jobs, len(todo))
        reader = None
        if pooled:
            reader = _Reader(todo, read)  # reads while the gazetteer loads
        else:
            preread = [read(path) for path in todo]
        timings["load_articles_s"] = time.perf_counter() - clock  # with a pool, only listing the files

        try:
            clock = time.perf_counter()
            gazetteer = _gazetteer(cache_db, warnings)
            timings["load_gazetteer_s"] = time.perf_counter() - clock
        except BaseException:
            if reader is not None:
                reader.cancel()
            raise

        clock = time.perf_counter()
        if pooled:  # reading the files is part of this
            _warm_up(gazetteer)  # before the reader stops: it reads on while this process loads the matchers
            job = _Job(todo, read, reader.take(), gazetteer, article_seconds, known)
            extraction = _extract_pooled(job, jobs)
        else:
            job = _Job(todo, read, preread, gazetteer, article_seconds, known)
            extraction = _extract_here(job)
        with extraction as extracted:
            outcomes = (_article_outcome(job, *hits[index]) if index in hits else next(extracted)
                        for index in range(len(paths)))
            results, skipped, kept = _collect(paths, outcomes, progress)
        timings["extract_s"] = time.perf_counter() - clock
        # With a pool there are cores to spare from now on: the zones and borders are made beside the rest.
        zones_process = ZonesProcess.start() if pooled else None

        if cache_db is not None:
            clock = time.perf_counter()
            _remember(cache_db, known, results, kept, stats, stats_taken_ns, gazetteer, warnings)
            timings["cache_store_s"] = time.perf_counter() - clock
    except BaseException:
        if zones_process is not None:
            zones_process.cancel()
        raise
    finally:
        if cache_db is not None:
            cache_db.close()

    clock = time.perf_counter()
    # The articles, results and gazetteer live until the end: the collector need not scan them while the
    # files are made (timeline, zones and render of the 10,000-article bench: 5.0-5.3 s of CPU with it, 4.3-4.8 s
    # without, three runs each).
    gc.freeze()
    try:
        files, report, events, unresolved, unmatched = _render(results, skipped, gazetteer, timings, decisions,
                                                               zones_process)
        timings["timeline_and_render_s"] = time.perf_counter() - clock
        clock = time.perf_counter()
        files["report.json"] = dump_json(report)
        timings["report_s"] = time.perf_counter() - clock
    finally:
        gc.unfreeze()
        if zones_process is not None:
            zones_process.cancel()
    clock = time.perf_counter()
    write_layer_atomically(Path(out_dir), files, articles=Path(articles_dir))
    timings["write_s"] = time.perf_counter() - clock
    from_cache = sum(1 for outcome in kept if outcome.cached)
    return BuildResult(Path(out_dir), [r.article for r in results], skipped, events, unresolved, report, unmatched,
                       files, {k: round(v, 3) for k, v in timings.items()}, extracted=len(kept) - from_cache,
                       from_cache=from_cache, warnings=warnings)


# --- the extraction cache ----------------------------------------------------------------------------------

def _gazetteer(cache: ExtractionCache | None, warnings: list[str]) -> Gazetteer:
    """The gazetteer: the one the cache kept for this extractor (a tenth of the time), else loaded, and then
    kept."""
    if cache is None:
        return Gazetteer.load()
    try:
        kept = cache.gazetteer()
    except CacheError as exc:
        warnings.append(f"extraction cache: gazetteer not read: {exc}")
        kept = None
    if kept is not None:
        return kept
    gazetteer = Gazetteer.load()
    try:
        cache.store_gazetteer(gazetteer)
    except CacheError as exc:
        warnings.append(f"extraction cache: gazetteer not kept: {exc}")
    return gazetteer


def _open_cache(path: Path | None, warnings: list[str]) -> tuple[ExtractionCache | None, _Known | None]:
    """The cache at `path` and what it holds for this extractor; (None, None) without one, or when it
    cannot be used (said in `warnings`)."""
    if path is None:
        return None, None
    try:
        store = ExtractionCache(path)
    except CacheError as exc:
        warnings.append(f"extraction cache not used: {exc}")
        return None, None
    try:
        files, results, stale = store.load()
    except CacheError as exc:
        store.close()
        warnings.append(f"extraction cache not used: {exc}")
        return None, None
    return store, _Known(store.version, files, results, stale)


def _cache_hits(known: _Known, paths: list[Path], added: dict[Path, Article], stats: dict[Path, FileStat | None],
                today: date, earliest: date, max_bytes: int) -> dict[int, tuple[Article, str]]:
    """(article, key) of each file or added article whose result the cache holds, by index in `paths`: a file
    only if the cache remembers it with the stat it has now, and it still passes the reader's checks."""
    hits: dict[int, tuple[Article, str]] = {}
    for index, path in enumerate(paths):
        article = added.get(path)
        if article is None:
            stat_now = stats.get(path)
            entry = known.files.get(file_key(path)) if stat_now is not None else None
            if entry is None or entry.stat != stat_now or not 0 < stat_now[0] <= max_bytes:
                continue
            article = decode_article(entry.article, path)
            if article is None or article.article_id != path.stem or not earliest <= article.published <= today:
                continue  # read it again: the reader says why it is skipped now
            key = entry.key
        else:
            key = article_key(article, known.version)
        if key in known.results:
            hits[index] = (article, key)
    return hits


def _remember(store: ExtractionCache, known: _Known, results: list[ArticleResult], kept: list[_Outcome],
              stats: dict[Path, FileStat | None], stats_taken_ns: int, gazetteer: Gazetteer,
              warnings: list[str]) -> None:
    """Store what this build extracted and the files it read, and drop what it did not use; nothing is
    written when nothing changed."""
    new_results: dict[str, str] = {}
    new_files: dict[str, FileEntry] = {}
    used: set[str] = set()
    listed: set[str] = set()
    for result, outcome in zip(results, kept):
        key = outcome.key
        if key is None:
            continue
        if not outcome.cached:
            value = _encoded_result(result, gazetteer)
            if value is None:
                continue  # cannot be stored as it is: extracted again next time
            new_results[key] = value
        used.add(key)
        path = result.article.path
        stat_then = stats.get(path)
        if stat_then is None:  # an added article, or no longer a regular file
            continue
        name = file_key(path)
        listed.add(name)
        entry = known.files.get(name)
        if (entry is None or entry.stat != stat_then or entry.key != key) and settled(stat_then, stats_taken_ns):
            packed = _encoded_article(result)
            if packed is not None:
                new_files[name] = FileEntry(stat_then, packed, key)
    prune = known.stale or not used.issuperset(known.results) or not listed.issuperset(known.files)
    if not (new_results or new_files or prune):
        return
    try:
        store.store(new_results, new_files, used if prune else None, listed if prune else None)
    except CacheError as exc:
        warnings.append(f"extraction cache not updated: {exc}")


def _read_file_or_added(added: dict[Path, Article], read_file: Callable[[Path], Article | Skipped],
                        path: Path) -> Article | Skipped:
    """An article added through the app is read already; a file is read now."""
    return added.get(path) or read_file(path)


def _place_info(gazetteer: Gazetteer, place_id: str) -> PlaceInfo | None:
    if place_id not in gazetteer:
        return None
    place = gazetteer.get(place_id)
    return PlaceInfo(place.name, place.country)


def _unmatched_entry(decision: Decision) -> dict:
    return {"article_id": decision.key.article_id, "quote": decision.key.quote, "place_id": decision.key.place_id,
            "kind": decision.key.kind, "action": decision.action, "reason": decision.reason,
            "editor": decision.editor,
            "decided_at": decision.decided_at.isoformat() if decision.decided_at else None}


def _render(results: list[ArticleResult], skipped: list[Skipped], gazetteer: Gazetteer, timings=None,
            decisions: Iterable[Decision] = (), zones_process: ZonesProcess | None = None):
    """The layer files, the report, the events, the unresolved names and the unmatched decisions; adds the
    time of the timeline, the zones and the rest to `timings`. `zones_process`, if given, makes the zone files
    and the borders while this process makes the others."""
    timings = {} if timings is None else timings
    clock = time.perf_counter()
    articles = {r.article.article_id: r.article for r in results}
    reviewed = apply_decisions([e for r in results for e in r.events], decisions,
                               {a: article.text for a, article in articles.items()}, partial(_place_info, gazetteer),
                               {a: article.published for a, article in articles.items()})
    events = reviewed.events
    places: dict[str, Place] = {}
    for result in results:
        for mention in result.mentions:
            if mention.place is not None:
                places[mention.place.place_id] = mention.place
    for event in events:
        if event.place_id and event.place_id not in places:
            places[event.place_id] = gazetteer.get(event.place_id)
    timelines = build_timelines(reviewed.mapped, {a.article_id: a.published for a in articles.values()})
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

    periods = town_periods_from_feature_collection(feature_collection(control))
    if zones_process is not None:
        zones_process.send(periods)  # it makes the zones while this process renders the other files
    clock = time.perf_counter()
    place_ids_with_events = {e.place_id for e in events if e.place_id}
    files = {
        "control.geojson": dump_json(feature_collection(control)),
        "places.geojson": dump_json(feature_collection(place_features(town_mentions, places, place_ids_with_events))),
        "events.csv": render_csv(EVENT_COLUMNS, event_rows(events, articles)),
    }
    render_s = time.perf_counter() - clock

    clock = time.perf_counter()
    made = zones_process.files() if zones_process is not None else None
    if made is None:
        made = (*zone_files(periods), None)
    zone_texts, zone_count, borders = made
    timings["zones_s"] = time.perf_counter() - clock  # with a helper, only the wait for it

    clock = time.perf_counter()
    files.update(zone_texts)
    # The map's country borders come with the layer: the dashboard then needs no shapefile reader
    # (≈ 46 MB of its memory at 10,000 towns).
    files["borders.geojson"] = borders if borders is not None else border_file()
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
        "unmatched_decisions": [_unmatched_entry(d) for d in reviewed.unmatched],
        "counts": {
            "articles_read": len(results),
            "articles_skipped": len(skipped),
            "place_mentions": sum(1 for r in results for m in r.mentions if m.place is not None),
            "places": len({m.place.place_id for r in results for m in r.mentions if m.kind == "town" and m.place}),
            "unresolved_mentions": len(unresolved),
            "events": len(events),
            "reviewed_events": sum(1 for e in events if e.review != "machine"),
            "rejected_events": sum(1 for e in events if e.review == "rejected"),
            "unmatched_decisions": len(reviewed.unmatched),
            "control_periods": len(control),
            "zones": zone_count,
        },
    }
    timings["render_s"] = render_s + time.perf_counter() - clock
    return files, report, events, unresolved, reviewed.unmatched
