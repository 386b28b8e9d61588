"""The Add article and Review pages through Streamlit's AppTest: what an editor sees, and that a viewer
who reaches them by their address sees only the way to sign in."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.passwords import hash_password
from tests.fixtures.make_layer import write_layer
from tests.test_dashboard_app import navigation_not_pages_directory, publish_outside_the_working_tree  # noqa: F401
from tests.test_dashboard_app import publish_dir  # noqa: F401
from ui import auth
from ui.controls import MAP_DRAWN_KEY

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("The US-backed Syrian Democratic Forces captured Hajin on Friday, the largest town still held by "
           "Islamic State in the Euphrates valley, after weeks of fighting, a spokesman said.")


@pytest.fixture(scope="module")
def layer_dir(tmp_path_factory) -> Path:
    return write_layer(tmp_path_factory.mktemp("layer") / "build")


def _app(monkeypatch, tmp_path, layer_dir, page: str, editor: str | None) -> AppTest:
    monkeypatch.setenv("GEO_BUILD_DIR", str(layer_dir))
    monkeypatch.setenv("GEO_DATABASE_URL", f"sqlite:///{tmp_path / 'analyst.sqlite'}")
    monkeypatch.setenv(auth.PASSWORD_HASH_ENV, hash_password("correct horse battery staple"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.session_state[MAP_DRAWN_KEY] = True
    if editor:
        at.session_state["_editor_name"] = editor  # as the sign-in form leaves it
    at.run()
    return at.switch_page(page).run()


@pytest.mark.parametrize("page", ["pages/add.py", "pages/review.py"])
def test_a_viewer_has_no_editing_page_and_its_file_run_alone_shows_only_the_way_to_sign_in(
        monkeypatch, tmp_path, layer_dir, page):
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        _app(monkeypatch, tmp_path, layer_dir, page, editor=None)  # not in a viewer's navigation
    alone = AppTest.from_file(str(ROOT / page), default_timeout=120).run()  # as a deep link runs it
    assert not alone.exception
    assert any("Sign in to edit" in i.value for i in alone.info)
    assert not alone.button and not alone.text_area and not alone.tabs
    assert not (tmp_path / "analyst.sqlite").exists()  # a viewer never even opens the database


def test_the_add_page_refuses_a_headline_and_previews_an_article_without_storing_it(monkeypatch, tmp_path, layer_dir):
    at = _app(monkeypatch, tmp_path, layer_dir, "pages/add.py", editor="Ann")
    assert not at.exception
    at.text_area(key="add_text").input("Hajin fell.")
    at.text_input(key="add_published").input("2018-12-15")
    at = at.button[0].click().run()  # the form's "Read it"
    assert any("the text has 11 characters" in e.value for e in at.error)

    at.text_area(key="add_text").input(ARTICLE)
    at.text_input(key="add_source").input("Test wire")
    at = at.button[0].click().run()
    assert not at.exception and not at.error
    (table,) = at.table
    rows = table.value
    assert list(rows["place"]) == ["Hajin"] and list(rows["force"]) == ["SDF"] and list(rows["kind"]) == ["capture"]
    highlighted = "\n".join(m.value for m in at.markdown)
    assert ":orange-background[" in highlighted and "**Hajin**" in highlighted
    assert any(b.label == "Save and rebuild the map" for b in at.button)
    from geo.store import Store

    with Store(f"sqlite:///{tmp_path / 'analyst.sqlite'}") as store:
        assert store.articles() == []  # nothing stored before the editor saves


def test_the_review_page_lists_the_events_and_an_empty_audit_log(monkeypatch, tmp_path, layer_dir):
    at = _app(monkeypatch, tmp_path, layer_dir, "pages/review.py", editor="Ann")
    assert not at.exception
    assert [t.label for t in at.tabs] == ["Events", "Add a missed event", "Unmatched decisions", "Audit log",
                                          "Export / import"]
    events = at.selectbox(key="review_event")
    assert len(events.options) > 1
    at = events.select(events.options[1]).run()
    assert not at.exception
    assert any("No decision yet." in c.value for c in at.caption)


def _map_with(monkeypatch, tmp_path, layer_dir, editor: str | None) -> AppTest:
    monkeypatch.setenv("GEO_BUILD_DIR", str(layer_dir))
    monkeypatch.setenv("GEO_DATABASE_URL", f"sqlite:///{tmp_path / 'analyst.sqlite'}")
    monkeypatch.setenv(auth.PASSWORD_HASH_ENV, hash_password("correct horse battery staple"))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.query_params["place"] = "albu-kamal"
    at.query_params["date"] = "2017-11-10"
    at.session_state[MAP_DRAWN_KEY] = True
    if editor:
        at.session_state["_editor_name"] = editor
    return at.run()


def test_the_town_panel_has_review_controls_under_each_quote_for_an_editor_only(monkeypatch, tmp_path, layer_dir):
    viewer = _map_with(monkeypatch, tmp_path, layer_dir, editor=None)
    assert not viewer.exception
    assert "machine-read only" in "\n".join(c.value for c in viewer.caption)
    assert not [r for r in viewer.radio if str(r.key).startswith("review-")]
    editor = _map_with(monkeypatch, tmp_path, layer_dir, editor="Ann")
    assert not editor.exception
    decisions = [r for r in editor.radio if str(r.key).startswith("review-albu-kamal-")]
    assert decisions and decisions[0].options == ["confirm", "reject", "correct"]
    at = decisions[0].set_value("correct").run()
    assert not at.exception
    assert [s for s in at.selectbox if str(s.key).endswith("-force")]  # the correction's fields


def test_a_form_opened_before_another_analyst_decided_cannot_overwrite_that_decision(monkeypatch, tmp_path, layer_dir):
    from geo.io.read import read_layer
    from geo.review import Decision, DecisionKey
    from geo.state import history
    from geo.store import Store

    ann = _map_with(monkeypatch, tmp_path, layer_dir, editor="Ann")
    assert not ann.exception
    period = list(reversed(history(read_layer(layer_dir).periods, "albu-kamal")))[0]
    quote = period.evidence[0]
    key = DecisionKey(quote.article_id, quote.quote, "albu-kamal", quote.event_kind, quote.occurrence)
    with Store(f"sqlite:///{tmp_path / 'analyst.sqlite'}") as store:  # Bob, in another session, meanwhile
        store.decide(Decision(key, "confirm", "SOHR says so", "Bob"), quote.quote, {"IS", "SYRIAN_GOV", "SDF"},
                     lambda place: True)

    ann.radio(key="review-albu-kamal-0-0-action").set_value("reject")
    ann.text_input(key="review-albu-kamal-0-0-reason").input("premature claim")
    ann = ann.button(key="review-albu-kamal-0-0-save").click().run()
    assert not ann.exception
    assert any("Bob decided 'confirm' on this event" in e.value for e in ann.error)
    with Store(f"sqlite:///{tmp_path / 'analyst.sqlite'}") as store:
        assert store.decision(key).action == "confirm" and len(store.audit()) == 1
