"""`Store`: the analyst's database, through SQLAlchemy, its schema kept by Alembic's migrations.

SQLite in `data/` by default (embedded: nothing to start), PostgreSQL when `GEO_DATABASE_URL` names one.
Every write is one transaction. A decision carries the version it was taken on: a write that finds
another version stored was raced by another analyst and is refused (`ConflictError`), so two analysts
deciding on the same event at once never lose an update without a word.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, select, update
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from geo.articles import ADDED_FOLDER, Article
from geo.store import DATABASE_ENV, DEFAULT_DATABASE
from geo.review import Correction, Decision, DecisionKey, ReviewError, check_decision
from geo.store.models import AuditEntry, StoredArticle, StoredDecision

#: How long a write waits for another's on SQLite before giving up with "database is locked".
SQLITE_WAIT_SECONDS = 30
MIGRATIONS = Path(__file__).parent / "migrations"
#: Alembic keeps the running migration's context in module globals: stores of different databases opened at
#: once in threads of one process would otherwise each migrate another's, or none.
_ONE_MIGRATION_AT_A_TIME = threading.Lock()
DECISION_CSV_COLUMNS = ("article_id", "quote", "place_id", "kind", "occurrence", "action", "force", "status", "contested_by",
                        "new_place_id", "date", "date_precision", "reason", "editor", "decided_at", "version")


class StoreError(RuntimeError):
    """The database cannot be used; the message says which and why."""


class ConflictError(ReviewError):
    """Another analyst changed the decision since this one was read."""


@dataclass(frozen=True)
class AuditRecord:
    decision_id: int
    editor: str
    at: datetime
    action: str
    before: dict | None
    after: dict
    reason: str


def database_url(url: str | None = None, environ=os.environ) -> str:
    """The database to use: `url`, else `GEO_DATABASE_URL`, else SQLite at data/analyst.sqlite."""
    return url or environ.get(DATABASE_ENV) or f"sqlite:///{DEFAULT_DATABASE}"


def shown_url(url: str) -> str:
    """`url` without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        return "an unreadable database URL"


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: a port that is not a number
        raise StoreError(f"{DATABASE_ENV}: not a database URL (e.g. sqlite:///data/analyst.sqlite or "
                         f"postgresql+psycopg://user@host/db)") from None
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            folder = Path(parsed.database).parent
            if not folder.is_dir():
                raise StoreError(f"{shown_url(url)}: folder {folder} does not exist")
        engine = create_engine(parsed, connect_args={"timeout": SQLITE_WAIT_SECONDS})

        @event.listens_for(engine, "connect")
        def _sqlite_settings(connection, _record):  # noqa: ANN001 - SQLAlchemy's hook
            cursor = connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            _write_ahead_log(cursor)
            cursor.close()

        return engine
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")  # the driver requirements.txt installs
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (ArgumentError, ImportError):  # a scheme SQLAlchemy does not know (postgres://), a driver not installed
        raise StoreError(f"{shown_url(url)}: no database driver for {parsed.drivername!r} here: use "
                         f"sqlite:///data/analyst.sqlite or postgresql+psycopg://user@host/db") from None


def _write_ahead_log(cursor: sqlite3.Cursor) -> None:
    """Readers (the build) never wait for a writer. A new database's switch to the write-ahead log can fail
    at once with "database is locked" while another store is switching it too (SQLite does not wait, for a
    connection that has begun reading, whatever the timeout): try again until the other is done."""
    give_up = time.monotonic() + SQLITE_WAIT_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > give_up:
                raise
            time.sleep(0.02)


def _database_errors(method):
    """A failure of the database itself (gone away, a value longer than its column, a row another analyst
    inserted first) as a `StoreError` naming the database, never a traceback in the page."""
    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except IntegrityError as exc:
            raise StoreError(f"{shown_url(self.url)}: refused by the database, another analyst's change may have "
                             f"come first; reload and try again ({type(exc.orig).__name__})") from None
        except SQLAlchemyError as exc:
            cause = getattr(exc, "orig", None) or exc
            raise StoreError(f"{shown_url(self.url)}: {' '.join(str(cause).split())[:300]}") from None
    return guarded


class Store:
    """The analyst's database. `Store(url)` opens it and brings its schema to the newest migration."""

    def __init__(self, url: str | None = None):
        self.url = database_url(url)
        self.engine = _engine(self.url)
        try:
            self._migrate()
        except DBAPIError as exc:  # no server, not a database, no right to create the tables...
            self.engine.dispose()
            raise StoreError(f"{shown_url(self.url)}: cannot open the database: {exc.orig}") from None
        self._session = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        head = ScriptDirectory.from_config(config).get_current_head()
        with self.engine.begin() as connection:
            # Two servers starting at once on an empty database: one migrates, the other waits.
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql("SELECT pg_advisory_xact_lock(7406331)")
            elif connection.dialect.name == "sqlite":
                # The write lock, before the revision is read: Python's sqlite3 begins a transaction only
                # at the first INSERT, and runs CREATE TABLE outside any, so both would find the database
                # empty and the second fail on "table articles already exists".
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            if MigrationContext.configure(connection).get_current_revision() == head:
                return
            config.attributes["connection"] = connection
            with _ONE_MIGRATION_AT_A_TIME:
                command.upgrade(config, "head")

    def revision(self) -> str | None:
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    # --- articles ----------------------------------------------------------------------------------

    @_database_errors
    def add_article(self, article: Article, editor: str, file_name: str | None = None) -> Article:
        """Store `article` (as `geo.intake` made it); `StoreError` if its id is taken, and nothing changes."""
        row = StoredArticle(
            article_id=article.article_id, title=article.title, source=article.source, url=article.url,
            published=article.published_label, language=article.language, text=article.text,
            file_name=file_name, added_by=editor, added_at=_now())
        with self._session.begin() as session:
            if session.get(StoredArticle, article.article_id) is not None:
                raise StoreError(f"an article with id {article.article_id!r} is already stored (the same text "
                                 f"was added before)")
            session.add(row)
        return _article(row)

    @_database_errors
    def articles(self) -> list[Article]:
        with self._session() as session:
            rows = session.scalars(select(StoredArticle).order_by(StoredArticle.article_id)).all()
        return [_article(row) for row in rows]

    @_database_errors
    def article(self, article_id: str) -> Article | None:
        with self._session() as session:
            row = session.get(StoredArticle, article_id)
        return None if row is None else _article(row)

    # --- decisions ---------------------------------------------------------------------------------

    @_database_errors
    def decisions(self, article_id: str | None = None) -> list[Decision]:
        query = select(StoredDecision).order_by(StoredDecision.id)
        if article_id is not None:
            query = query.where(StoredDecision.article_id == article_id)
        with self._session() as session:
            return [_decision(row) for row in session.scalars(query)]

    @_database_errors
    def decision(self, key: DecisionKey | str) -> Decision | None:
        """The current decision on `key` (or on the key with this digest), None if there is none."""
        digest = key if isinstance(key, str) else key.digest
        with self._session() as session:
            row = session.scalar(select(StoredDecision).where(StoredDecision.key_digest == digest))
        return None if row is None else _decision(row)

    @_database_errors
    def decide(self, decision: Decision, article_text: str | None, forces: Iterable[str],
               known_place: Callable[[str], bool]) -> Decision:
        """Check `decision` (`geo.review.check_decision`) and store it with its audit entry, in one
        transaction. `decision.version` is the version the analyst saw (0: none yet); if the stored one
        differs, another analyst decided meanwhile and `ConflictError` says who and what."""
        decision = check_decision(decision, article_text, forces, known_place)
        key, now = decision.key, _now()
        values = _columns(decision)
        try:
            with self._session.begin() as session:
                row = session.scalar(select(StoredDecision).where(StoredDecision.key_digest == key.digest))
                if row is None:
                    if decision.version != 0:
                        raise ConflictError("the decision you changed is no longer in the database; reload")
                    row = StoredDecision(key_digest=key.digest, article_id=key.article_id, quote=key.quote,
                                         place_id=key.place_id, kind=key.kind, occurrence=key.occurrence, decided_at=now, version=1,
                                         **values)
                    session.add(row)
                    session.flush()  # raises IntegrityError if another analyst's insert came first
                    before = None
                else:
                    if row.version != decision.version:
                        raise _conflict(row)
                    before = _as_json(_decision(row))
                    done = session.execute(
                        update(StoredDecision)
                        .where(StoredDecision.id == row.id, StoredDecision.version == decision.version)
                        .values(decided_at=now, version=decision.version + 1, **values))
                    if done.rowcount != 1:
                        session.rollback()
                        raise _conflict(self._current(key))
                    session.refresh(row)
                session.add(AuditEntry(decision_id=row.id, editor=decision.editor, at=now, action=decision.action,
                                       before=before, after=_as_json(_decision(row)), reason=decision.reason))
                stored = _decision(row)
        except IntegrityError:
            raise _conflict(self._current(key)) from None
        return stored

    def _current(self, key: DecisionKey) -> StoredDecision | None:
        with self._session() as session:
            return session.scalar(select(StoredDecision).where(StoredDecision.key_digest == key.digest))

    @_database_errors
    def audit(self, limit: int | None = None) -> list[AuditRecord]:
        """The audit log, newest first."""
        query = select(AuditEntry).order_by(AuditEntry.id.desc())
        if limit is not None:
            query = query.limit(limit)
        with self._session() as session:
            return [AuditRecord(e.decision_id, e.editor, _aware(e.at), e.action,
                                json.loads(e.before) if e.before else None, json.loads(e.after), e.reason)
                    for e in session.scalars(query)]

    # --- decisions as CSV (for a team that keeps them in git) ----------------------------------------

    @_database_errors
    def export_decisions(self) -> str:
        out = io.StringIO()
        writer = csv.DictWriter(out, DECISION_CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for decision in self.decisions():
            writer.writerow(_csv_row(decision))
        return out.getvalue()

    @_database_errors
    def import_decisions(self, text: str, article_text: Callable[[str], str | None], forces: Iterable[str],
                         known_place: Callable[[str], bool], editor: str) -> tuple[int, list[str]]:
        """Take the decisions of an exported CSV as `editor`'s (each is checked like one made in the app;
        one that equals what is stored is skipped, and one older than a different decision stored since is
        refused: a stale file never overwrites a colleague's later decision). Returns how many were stored
        and, per refused row, its line and why: a bad row never stops the others."""
        forces = list(forces)
        reader = csv.DictReader(io.StringIO(text))
        try:
            fields = reader.fieldnames or ()
        except csv.Error as exc:
            raise ReviewError(f"not a CSV file: {exc}") from None
        missing = [c for c in ("article_id", "quote", "place_id", "kind", "action", "reason") if c not in fields]
        if missing:
            raise ReviewError(f"not a decisions CSV: no column {', '.join(missing)}")
        stored, refused = 0, []
        rows = iter(reader)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except csv.Error as exc:  # a field over the csv module's limit, a stray NUL…: the rest is unreadable
                refused.append(f"line {reader.line_num}: {exc}; the rows after it were not read")
                break
            line = reader.line_num
            try:
                decision = _from_csv_row(row, editor)
                current = self.decision(decision.key)
                if current is not None and _same(current, decision):
                    continue
                taken = _csv_time(row.get("decided_at"))
                if current is not None and taken is not None and current.decided_at and current.decided_at > taken:
                    raise ReviewError(f"{current.editor} decided '{current.action}' on this event at "
                                      f"{current.decided_at:%Y-%m-%d %H:%M} UTC, after this row's decision: "
                                      f"not overwritten")
                version = 0 if current is None else current.version
                self.decide(replace(decision, version=version), article_text(decision.key.article_id), forces,
                            known_place)
                stored += 1
            except (ReviewError, ValueError) as exc:
                refused.append(f"line {line}: {exc}")
        return stored, refused


def _csv_time(text: str | None) -> datetime | None:
    """A `decided_at` cell as an aware datetime (None when empty or unreadable: then the row is taken)."""
    try:
        return _aware(datetime.fromisoformat(text.strip())) if text and text.strip() else None
    except ValueError:
        return None


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes: they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _article(row: StoredArticle) -> Article:
    published = row.published
    precision = "day" if len(published) == 10 else "month"
    return Article(
        article_id=row.article_id,
        path=ADDED_FOLDER / f"{row.article_id}.md",
        title=row.title, source=row.source, url=row.url,
        published=date.fromisoformat(published if precision == "day" else published + "-01"),
        published_precision=precision, language=row.language, text=row.text)


def _columns(decision: Decision) -> dict:
    c = decision.correction
    return {
        "action": decision.action, "reason": decision.reason, "editor": decision.editor,
        "force": c.force if c else None, "status": c.status if c else None,
        "contested_by": c.contested_by if c else None, "new_place_id": c.place_id if c else None,
        "date": c.date.isoformat() if c and c.date else None,
        "date_precision": c.date_precision if c else None,
    }


def _decision(row: StoredDecision) -> Decision:
    correction = None
    if row.action in ("correct", "add"):
        correction = Correction(force=row.force, status=row.status, place_id=row.new_place_id,
                                date=date.fromisoformat(row.date) if row.date else None,
                                date_precision=row.date_precision or "unknown", contested_by=row.contested_by)
    return Decision(DecisionKey(row.article_id, row.quote, row.place_id, row.kind, row.occurrence or 0),
                    row.action, row.reason,
                    row.editor, correction, _aware(row.decided_at), row.version)


def _as_json(decision: Decision) -> str:
    return json.dumps(_csv_row(decision), ensure_ascii=False, sort_keys=True)


def _conflict(row: StoredDecision | None) -> ConflictError:
    if row is None:
        return ConflictError("another analyst changed this decision meanwhile; reload and decide again")
    return ConflictError(f"{row.editor} decided '{row.action}' on this event at "
                         f"{_aware(row.decided_at):%Y-%m-%d %H:%M} UTC since you loaded it (their reason: "
                         f"{row.reason}); reload and decide again")


def _csv_row(decision: Decision) -> dict:
    c = decision.correction
    return {
        "article_id": decision.key.article_id, "quote": decision.key.quote, "place_id": decision.key.place_id,
        "kind": decision.key.kind, "occurrence": decision.key.occurrence, "action": decision.action,
        "force": c.force if c else "", "status": c.status if c else "",
        "contested_by": (c.contested_by or "") if c else "", "new_place_id": c.place_id if c else "",
        "date": c.date.isoformat() if c and c.date else "", "date_precision": c.date_precision if c else "",
        "reason": decision.reason, "editor": decision.editor,
        "decided_at": decision.decided_at.isoformat() if decision.decided_at else "",
        "version": decision.version,
    }


def _from_csv_row(row: dict, editor: str) -> Decision:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    correction = None
    if cell("action") in ("correct", "add"):
        day = cell("date")
        try:
            parsed = date.fromisoformat(day) if day else None
        except ValueError:
            raise ReviewError(f"date {day!r} is not YYYY-MM-DD") from None
        correction = Correction(force=cell("force"), status=cell("status"), place_id=cell("new_place_id"),
                                date=parsed, date_precision=cell("date_precision") or "unknown",
                                contested_by=cell("contested_by") or None)
    try:
        occurrence = int(cell("occurrence") or 0)
    except ValueError:
        raise ReviewError(f"occurrence {cell('occurrence')!r} is not a whole number") from None
    if occurrence < 0:
        raise ReviewError("occurrence cannot be negative")
    key = DecisionKey(cell("article_id"), row.get("quote") or "", cell("place_id"), cell("kind"), occurrence)
    reason = cell("reason")
    by = cell("editor")
    if by and by != editor:
        reason = f"{reason} (decided by {by}{', ' + cell('decided_at') if cell('decided_at') else ''})"
    return Decision(key, cell("action"), reason, editor, correction)


def _same(a: Decision, b: Decision) -> bool:
    """The same decision, whoever took it and why: importing it again changes nothing."""
    return a.action == b.action and a.correction == b.correction
