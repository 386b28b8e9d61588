"""The analyst's loop, shared by the terminal (`python -m geo add`, `decisions`) and the dashboard's pages:
read what the machine makes of a new article before it is saved, save it, and rebuild the layer with it and
with every decision.

A rebuild runs `python -m geo build` in a process of its own: the dashboard's server never forks a pool of
workers from one of its threads, and a rebuild that fails leaves the published layer as it was.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo.articles import Article, article_files, read_article
from geo.store import DATABASE_ENV, DEFAULT_DATABASE

#: Seconds a rebuild may take; one that runs longer is stopped and the published layer stays as it was.
REBUILD_SECONDS = 600


def configured_database(url: str | None = None, environ=None) -> str | None:
    """The database a build reads decisions and added articles from: `url`, `GEO_DATABASE_URL`, or the
    default SQLite file once it exists (a build never creates it: only an analyst's first write does)."""
    environ = os.environ if environ is None else environ
    if url:
        return url
    if environ.get(DATABASE_ENV):
        return environ[DATABASE_ENV]
    return f"sqlite:///{DEFAULT_DATABASE}" if DEFAULT_DATABASE.is_file() else None


@lru_cache(maxsize=1)
def _gazetteer():
    from geo.gazetteer import Gazetteer

    return Gazetteer.load()


def known_forces() -> set[str]:
    from geo.forces import load_forces

    return set(load_forces().forces)


@dataclass(frozen=True)
class Preview:
    """What the machine reads in an article before it is saved."""

    article: Article
    places: list[tuple[int, int, str, str]]  # start, end, the text as written, the place's name
    events: list  # geo.events.Event


def preview(article: Article) -> Preview:
    """The places and events the build would take from `article` (the gazetteer is loaded once per
    process, a few seconds the first time)."""
    from geo.build import process_article

    result = process_article(article, _gazetteer())
    places = [(m.start, m.end, m.surface, m.place.name) for m in result.mentions if m.place is not None]
    return Preview(result.article, places, result.events)


def folder_article_texts(articles_dir: Path) -> dict[str, str]:
    """The text of every readable article of the corpus folder, by id (an unreadable file has none)."""
    texts: dict[str, str] = {}
    for path in article_files(Path(articles_dir)):
        article = read_article(path)
        if isinstance(article, Article):
            texts.setdefault(article.article_id, article.text)
    return texts


def place_known_to_gazetteer(place_id: str) -> bool:
    return place_id in _gazetteer()


def rebuild_command(articles_dir: Path, out_dir: Path, database: str | None) -> list[str]:
    command = [sys.executable, "-m", "geo", "build", "--articles", str(articles_dir), "--out", str(out_dir),
               "--quiet"]
    if database:
        command += ["--database", database]
    return command


def rebuild(articles_dir: Path, out_dir: Path, database: str | None, cwd: Path | None = None) -> tuple[bool, str]:
    """Rebuild the layer in a process of its own; (whether it published, what it printed on failure).

    One rebuild of a layer folder at a time, across processes: a rebuild reads the database when it starts,
    so two at once (an article saved while a decision is) could publish the one that read first last, and
    the map would lose the other's change."""
    out_dir = Path(os.path.abspath(out_dir))
    with open(out_dir.with_name(out_dir.name + ".rebuild.lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # let go when the file closes, or the process dies
        try:
            done = subprocess.run(rebuild_command(articles_dir, out_dir, database), capture_output=True, text=True,
                                  timeout=REBUILD_SECONDS, cwd=cwd)
        except subprocess.TimeoutExpired:
            return False, (f"the rebuild took longer than {REBUILD_SECONDS} s and was stopped; the layer is as it was "
                           f"(run `make build` to rebuild it)")
    if done.returncode != 0:
        return False, (done.stderr or done.stdout).strip()[-2000:]
    return True, done.stderr.strip()[-2000:]

