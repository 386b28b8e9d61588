"""geo/store: the analyst's database, on SQLite and on the real PostgreSQL server of the test run
(tests/postgres.py). Every test gets empty databases of its own."""

from __future__ import annotations

import itertools
import threading
from dataclasses import replace
from datetime import date

import alembic.command
import pytest
from sqlalchemy import event
from sqlalchemy.engine import make_url

from geo.articles import Article
from geo.review import Correction, Decision, DecisionKey, ReviewError
from geo.store import ADDED_FOLDER, ConflictError, Store, StoreError

FORCES = ("IS", "SDF", "SYRIAN_GOV")
PLACES = {"raqqa", "tabqa", "manbij"}
TEXT = ("Raqqa was captured by the SDF on 17 October after a four-month battle. "
        "Government troops were still fighting IS near Tabqa.")
ARTICLE = Article(article_id="a1", path=ADDED_FOLDER / "a1.md", title="Raqqa falls", source="Example Times",
                  url="https://example.org/raqqa", published=date(2017, 10, 18), published_precision="day",
                  language="en", text=TEXT)
CAPTURE = DecisionKey("a1", "Raqqa was captured by the SDF on 17 October after a four-month battle.", "raqqa",
                      "capture")
FIGHT = DecisionKey("a1", "Government troops were still fighting IS near Tabqa.", "tabqa", "contest")
HELD_BY_IS = Correction(force="IS", status="held", place_id="raqqa", date=date(2017, 10, 1),
                        date_precision="month")
# The analysts in the concurrency tests; more than the two cores CI has, fewer than a pool's connections.
ANALYSTS = 6
HEAD_REVISION = "0002"


def decision(key: DecisionKey = CAPTURE, action: str = "confirm", reason: str = "the article says so",
             editor: str = "kari", correction: Correction | None = None, version: int = 0) -> Decision:
    return Decision(key, action, reason, editor, correction, version=version)


def decide(store: Store, taken: Decision) -> Decision:
    return store.decide(taken, TEXT, FORCES, PLACES.__contains__)


def article_text(article_id: str) -> str | None:
    return TEXT if article_id == "a1" else None


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request, tmp_path):
    """Makes the URL of a new, empty database of the kind under test, as many as a test asks for."""
    if request.param == "sqlite":
        numbers = itertools.count()
        return lambda: f"sqlite:///{tmp_path}/analyst-{next(numbers)}.sqlite"
    return request.getfixturevalue("postgres_database")


@pytest.fixture
def store(new_database):
    with Store(new_database()) as opened:
        yield opened


# --- schema ------------------------------------------------------------------------------------------

def test_a_new_database_is_migrated_to_the_newest_revision(store):
    assert store.revision() == HEAD_REVISION


def test_opening_a_database_again_runs_no_migration(new_database, monkeypatch):
    upgrades = []
    upgrade = alembic.command.upgrade

    def counted_upgrade(*args, **kwargs):
        upgrades.append(args)
        return upgrade(*args, **kwargs)

    monkeypatch.setattr(alembic.command, "upgrade", counted_upgrade)
    url = new_database()
    with Store(url) as first:
        first.add_article(ARTICLE, "kari")
    assert len(upgrades) == 1
    with Store(url) as again:
        assert again.revision() == HEAD_REVISION
        assert again.article("a1") == ARTICLE
    assert len(upgrades) == 1


# --- articles ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("published, precision", [(date(2017, 10, 18), "day"), (date(2017, 10, 1), "month")],
                         ids=["day", "month"])
def test_an_added_article_reads_back_as_it_was_added(store, published, precision):
    added = replace(ARTICLE, published=published, published_precision=precision)
    assert store.add_article(added, "kari", file_name="raqqa.html") == added
    assert store.article("a1") == added
    assert store.articles() == [added]
    assert store.article("a1").published_label == ("2017-10-18" if precision == "day" else "2017-10")


def test_adding_an_article_id_again_is_refused_and_keeps_the_first(store):
    store.add_article(ARTICLE, "kari")
    with pytest.raises(StoreError, match="'a1' is already stored"):
        store.add_article(replace(ARTICLE, title="Another title", text="Another text."), "ola")
    assert store.articles() == [ARTICLE]


# --- decisions ---------------------------------------------------------------------------------------

def test_a_first_decision_is_stored_with_its_audit_entry(store):
    stored = decide(store, decision(action="reject", reason="a rumour, denied the next day"))
    assert stored.version == 1
    assert store.decision(CAPTURE) == stored
    assert store.decisions() == [stored]
    [entry] = store.audit()
    assert (entry.editor, entry.action, entry.before, entry.reason) == (
        "kari", "reject", None, "a rumour, denied the next day")
    assert entry.after["action"] == "reject"
    assert entry.after["version"] == 1
    assert entry.after["quote"] == CAPTURE.quote


def test_a_change_made_on_the_stored_version_replaces_it_and_the_audit_keeps_both(store):
    decide(store, decision(action="confirm"))
    changed = decide(store, decision(action="correct", reason="IS held it until then", editor="ola",
                                     correction=HELD_BY_IS, version=1))
    assert changed.version == 2
    assert store.decision(CAPTURE) == changed
    assert changed.correction == HELD_BY_IS
    assert len(store.decisions()) == 1
    newest, first = store.audit()
    assert first.before is None
    assert (newest.editor, newest.action) == ("ola", "correct")
    assert newest.before == first.after
    assert (newest.before["action"], newest.before["version"]) == ("confirm", 1)
    assert (newest.after["action"], newest.after["force"], newest.after["date"], newest.after["version"]) == (
        "correct", "IS", "2017-10-01", 2)


def test_a_change_made_on_a_stale_version_is_refused_naming_who_changed_it(store):
    decide(store, decision(action="confirm", editor="kari"))
    decide(store, decision(action="reject", editor="ola", reason="denied the next day", version=1))
    with pytest.raises(ConflictError, match=r"ola decided 'reject'.*denied the next day"):
        decide(store, decision(action="confirm", editor="kari", reason="still think so", version=1))
    assert store.decision(CAPTURE).action == "reject"
    assert store.decision(CAPTURE).version == 2
    assert len(store.audit()) == 2


def test_a_first_decision_on_an_event_already_decided_is_refused(store):
    decide(store, decision(action="confirm", editor="kari"))
    with pytest.raises(ConflictError, match="kari decided 'confirm'"):
        decide(store, decision(action="reject", editor="ola", version=0))
    assert len(store.audit()) == 1


def _race(stores: list[Store], statement: str, decisions: list[Decision]) -> tuple[list, list]:
    """Each store's decision taken in its own thread, all of them held just before `statement` until
    every one has read the decision as it stood: the race is certain, not left to the scheduler."""
    everyone_has_read = threading.Barrier(len(stores), timeout=30)

    def hold(_conn, _cursor, sql, *_):  # noqa: ANN001 - SQLAlchemy's hook
        if sql.lstrip().upper().startswith(statement):
            everyone_has_read.wait()

    won, lost, failed = [], [], []

    def take(store: Store, taken: Decision) -> None:
        try:
            won.append(decide(store, taken))
        except ConflictError as exc:
            lost.append(exc)
        except Exception as exc:  # noqa: BLE001 - reported below as the test's failure
            failed.append(exc)
            everyone_has_read.abort()

    engines = {id(store.engine): store.engine for store in stores}.values()
    for engine in engines:
        event.listen(engine, "before_cursor_execute", hold)
    threads = [threading.Thread(target=take, args=pair) for pair in zip(stores, decisions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for engine in engines:
        event.remove(engine, "before_cursor_execute", hold)
    assert not failed, failed
    return won, lost


@pytest.fixture(params=["own stores", "one shared store"])
def analysts(request, new_database):
    """A store for each analyst on one database: their own, as if each worked on their own server, or
    one for all, as the sessions of one dashboard process would share a cached store."""
    url = new_database()
    opened = [Store(url) for _ in range(ANALYSTS if request.param == "own stores" else 1)]
    yield opened if len(opened) == ANALYSTS else opened * ANALYSTS
    for store in opened:
        store.close()


def test_analysts_deciding_on_a_new_event_at_once_one_wins(analysts):
    names = [f"analyst{n}" for n in range(ANALYSTS)]
    won, lost = _race(analysts, "INSERT INTO DECISIONS",
                      [decision(action="reject", editor=name, reason=f"{name}'s reason") for name in names])
    assert len(won) == 1 and len(lost) == ANALYSTS - 1
    winner = won[0].editor
    for exc in lost:
        assert f"{winner} decided 'reject'" in str(exc)
    assert analysts[0].decisions() == won
    assert [entry.editor for entry in analysts[0].audit()] == [winner]


def test_analysts_changing_one_decision_at_once_one_wins(analysts):
    decide(analysts[0], decision(action="confirm", editor="kari"))
    names = [f"analyst{n}" for n in range(ANALYSTS)]
    won, lost = _race(analysts, "UPDATE DECISIONS",
                      [decision(action="reject", editor=name, reason=f"{name}'s reason", version=1)
                       for name in names])
    assert len(won) == 1 and len(lost) == ANALYSTS - 1
    assert won[0].version == 2
    assert analysts[0].decisions() == won
    assert [entry.editor for entry in analysts[0].audit()] == [won[0].editor, "kari"]


@pytest.mark.parametrize("refused, message", [
    (decision(reason="  "), "give a reason"),
    (decision(action="correct", correction=replace(HELD_BY_IS, force="Rebels")), "unknown force 'Rebels'"),
    (decision(DecisionKey("a1", "Raqqa fell to the army.", "raqqa", "capture"), action="add",
              correction=HELD_BY_IS), "the quote is not in the article"),
    (decision(action="correct", correction=replace(HELD_BY_IS, status="contested")),
     "needs the force contesting it"),
], ids=["no reason", "unknown force", "added quote not in the article", "contested by nobody"])
def test_a_refused_decision_stores_nothing(store, refused, message):
    with pytest.raises(ReviewError, match=message):
        decide(store, refused)
    assert store.decisions() == []
    assert store.audit() == []


# --- decisions as CSV --------------------------------------------------------------------------------

def _decide_all_kinds(store: Store) -> None:
    decide(store, decision(action="correct", correction=HELD_BY_IS, reason="IS held it until then"))
    decide(store, decision(FIGHT, action="reject", reason="the army was not there"))
    decide(store, decision(DecisionKey("a1", "Government troops were still fighting IS near Tabqa.", "tabqa",
                                       "state"),
                           action="add", reason="missed by the machine",
                           correction=Correction("IS", "contested", "tabqa", contested_by="SYRIAN_GOV")))


def _import(store: Store, text: str, editor: str = "ola") -> tuple[int, list[str]]:
    return store.import_decisions(text, article_text, FORCES, PLACES.__contains__, editor)


def test_exported_decisions_import_into_another_database_as_they_were(new_database):
    with Store(new_database()) as kept, Store(new_database()) as other:
        _decide_all_kinds(kept)
        assert _import(other, kept.export_decisions()) == (3, [])
        exported, imported = kept.decisions(), other.decisions()
        assert [(d.key, d.action, d.correction) for d in imported] == [
            (d.key, d.action, d.correction) for d in exported]
        for before, after in zip(exported, imported):
            assert after.editor == "ola"
            assert after.reason.startswith(f"{before.reason} (decided by kari, ")
        assert len(other.audit()) == 3


def test_importing_the_same_file_again_stores_nothing(new_database):
    with Store(new_database()) as kept, Store(new_database()) as other:
        _decide_all_kinds(kept)
        text = kept.export_decisions()
        _import(other, text)
        assert _import(other, text) == (0, [])
        assert _import(kept, text, editor="kari") == (0, [])
        assert len(other.audit()) == 3
        assert len(kept.audit()) == 3


def test_a_stale_file_never_overwrites_a_decision_taken_after_it(new_database):
    with Store(new_database()) as kept, Store(new_database()) as other:
        _decide_all_kinds(kept)
        stale = kept.export_decisions()
        _import(other, stale)
        newer = other.decision(FIGHT)
        decide(other, replace(decision(FIGHT, action="confirm", reason="the army was there after all"),
                              version=newer.version))
        stored, refused = _import(other, stale, editor="kari")
        assert stored == 0 and len(refused) == 1
        assert refused[0].startswith("line 3: kari decided 'confirm' on this event at ")
        assert other.decision(FIGHT).action == "confirm"


def test_a_file_the_csv_reader_cannot_read_to_the_end_reports_where_it_stopped(new_database):
    with Store(new_database()) as kept, Store(new_database()) as other:
        _decide_all_kinds(kept)
        header, first, second, third = kept.export_decisions().splitlines()
        huge = second.replace("the army was not there", "x" * 200_000)
        stored, refused = _import(other, "\n".join([header, first, huge, third]) + "\n")
        assert stored == 1 and len(refused) == 1 and "field larger than field limit" in refused[0]


def test_a_bad_row_is_reported_with_its_line_and_the_others_are_stored(new_database):
    with Store(new_database()) as kept, Store(new_database()) as other:
        _decide_all_kinds(kept)
        header, first, second, third = kept.export_decisions().splitlines()
        bad = second.replace(",reject,", ",shrug,")
        stored, refused = _import(other, "\n".join([header, first, bad, third]) + "\n")
        assert stored == 2
        assert refused == ["line 3: unknown action 'shrug': one of confirm, reject, correct, add"]
        assert other.decision(FIGHT) is None
        assert len(other.decisions()) == 2


# --- databases that cannot be opened -----------------------------------------------------------------

def test_a_url_that_is_no_url_is_a_store_error():
    with pytest.raises(StoreError, match="not a database URL"):
        Store("not a url")


def test_sqlite_in_a_folder_that_does_not_exist_is_a_store_error(tmp_path):
    with pytest.raises(StoreError, match=f"folder {tmp_path / 'missing'} does not exist"):
        Store(f"sqlite:///{tmp_path}/missing/analyst.sqlite")


def test_a_postgresql_server_that_is_not_running_is_a_store_error_without_the_password(tmp_path):
    # A socket folder where no server listens: refused at once, nothing sent over the network.
    url = f"postgresql+psycopg://kari:s3cret-word@/analyst?host={tmp_path}"
    with pytest.raises(StoreError, match="cannot open the database") as refused:
        Store(url)
    assert "s3cret-word" not in str(refused.value)
    assert "kari:***@" in str(refused.value)


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    (tmp_path / "analyst.sqlite").write_text("notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="cannot open the database: file is not a database"):
        Store(f"sqlite:///{tmp_path}/analyst.sqlite")


@pytest.mark.parametrize("url", [
    "postgres://kari:s3cret-word@db.example.org/analyst",  # the scheme some hosts print; SQLAlchemy wants postgresql
    "mysql://kari:s3cret-word@db.example.org/analyst",  # no driver installed
    "postgresql://kari:s3cret-word@db.example.org:fivefourthreetwo/analyst",
], ids=["postgres scheme", "mysql", "port not a number"])
def test_a_url_this_store_cannot_use_is_a_store_error_without_the_password(url):
    with pytest.raises(StoreError) as refused:
        Store(url)
    assert "s3cret-word" not in str(refused.value)
    assert "sqlite:///" in str(refused.value) and "postgresql+psycopg://" in str(refused.value)


def test_a_postgresql_user_who_may_not_create_the_tables_is_a_store_error(postgres_server, postgres_database):
    # Since PostgreSQL 15 only the database's owner may create tables in it unless granted: a common first
    # deployment mistake.
    url = postgres_database()
    with postgres_server.admin() as admin:
        admin.execute("CREATE ROLE reader LOGIN")
    try:
        with pytest.raises(StoreError, match="cannot open the database: permission denied for schema public"):
            Store(make_url(url).set(username="reader").render_as_string())
    finally:
        with postgres_server.admin() as admin:
            admin.execute("DROP ROLE reader")


def test_stores_opening_a_new_database_at_once_all_open_it(new_database):
    # Two app servers (or the app and `python -m geo add`) started together on an empty database.
    url = new_database()
    start = threading.Barrier(ANALYSTS, timeout=30)
    opened, failed = [], []

    def open_store() -> None:
        start.wait()
        try:
            opened.append(Store(url))
        except Exception as exc:  # noqa: BLE001 - reported below as the test's failure
            failed.append(exc)

    threads = [threading.Thread(target=open_store) for _ in range(ANALYSTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for store in opened:
        store.close()
    assert not failed, failed
    assert len(opened) == ANALYSTS
    with Store(url) as store:
        assert store.revision() == HEAD_REVISION


def test_stores_of_different_databases_opened_at_once_each_migrate_their_own(new_database):
    urls = [new_database() for _ in range(4)]
    start = threading.Barrier(len(urls), timeout=30)
    failed = []

    def open_store(url: str) -> None:
        start.wait()
        try:
            with Store(url) as store:
                store.add_article(replace(ARTICLE, article_id=url), "kari")
        except Exception as exc:  # noqa: BLE001 - reported below as the test's failure
            failed.append(exc)

    threads = [threading.Thread(target=open_store, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failed, failed
    for url in urls:
        with Store(url) as store:
            assert (store.revision(), [a.article_id for a in store.articles()]) == (HEAD_REVISION, [url])


def test_a_database_of_the_first_schema_is_migrated_and_keeps_its_decisions(tmp_path):
    from alembic.config import Config
    from sqlalchemy import create_engine

    from geo.store.store import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.sqlite'}"
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_engine(url)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        alembic.command.upgrade(config, "0001")
        connection.exec_driver_sql(
            "INSERT INTO decisions (key_digest, article_id, quote, place_id, kind, action, reason, editor, decided_at, "
            f"version) VALUES ('{CAPTURE.digest}', 'a1', '{CAPTURE.quote}', 'raqqa', 'capture', 'reject', 'old', "
            "'ann', '2026-11-01 10:00:00', 1)")
    engine.dispose()
    with Store(url) as store:
        assert store.revision() == HEAD_REVISION
        (kept,) = store.decisions()
        assert kept.key == CAPTURE and kept.key.occurrence == 0 and kept.reason == "old"
        assert store.decision(CAPTURE) == kept
