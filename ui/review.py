"""The editing side of the dashboard: the analysts' database, a decision on one event, and the rebuild that
puts it on the map. Drawn only for a signed-in editor (`ui.auth.editor`), and every write checks again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import streamlit as st

from geo.analyst import rebuild
from geo.io.read import Layer
from geo.io.write import built_from
from geo.review import CORRECTABLE_KINDS, STATUSES, Correction, Decision, DecisionKey, ReviewError
from geo.schema import PRECISION_ORDER
from geo.store import ConflictError, Store, StoreError, database_url
from ui import auth, notice
from ui import layer as data
from ui.panel import REVIEW_LABELS
from ui.text import md_escape



@st.cache_resource(show_spinner=False)
def _store(url: str) -> Store:
    return Store(url)


def store() -> Store:
    """The analysts' database (opened once per server process, migrated on first open)."""
    return _store(database_url())


def corpus_folder(layer: Layer) -> Path:
    """The articles folder the layer was built from (recorded by the build), else the demo corpus."""
    return built_from(layer.build_dir) or data.ARTICLES_DIR


def article_texts(layer: Layer) -> dict[str, str]:
    """Every article's text by id: those of the layer's report and those added since (not yet built)."""
    texts = {a["article_id"]: a["text"] for a in layer.articles if a.get("article_id") and a.get("text")}
    texts.update({a.article_id: a.text for a in store().articles()})
    return texts


def known_places(layer: Layer) -> dict[str, str]:
    """The places a decision may name: every place the articles mention, by id, with its name."""
    return {p.place_id: p.name for p in layer.places}


@dataclass(frozen=True)
class Outcome:
    ok: bool
    message: str


def rebuild_layer(layer: Layer) -> Outcome:
    """Rebuild the layer with every added article and decision; the map shows it on the next rerun."""
    built, message = rebuild(corpus_folder(layer), data.build_dir(), database_url(), cwd=data.ROOT)
    return Outcome(built, "The map now shows it." if built else f"The rebuild failed; the map is as it was. {message}")


def decide(layer: Layer, key: DecisionKey, action: str, reason: str, correction: Correction | None,
           version: int) -> Outcome:
    """Store one decision as the signed-in editor, then rebuild. Checked here, on the server."""
    who = auth.editor()
    if who is None:
        return Outcome(False, "Sign in to edit.")
    places = known_places(layer)
    try:
        store().decide(Decision(key, action, reason, who, correction, version=version),
                       article_texts(layer).get(key.article_id), data.forces().keys(), places.__contains__)
    except ConflictError as exc:
        return Outcome(False, str(exc))
    except (ReviewError, StoreError) as exc:
        return Outcome(False, f"Not saved: {exc}")
    return rebuild_layer(layer)


def _force_label(code: str) -> str:
    styles = data.forces()
    return styles[code].name if code in styles else code


def correction_fields(layer: Layer, prefix: str, force: str, status: str, place_id: str,
                      day: date | None, precision: str, contested_by: str | None) -> Correction:
    """The widgets of a correction (or of an added event), filled with the event's current values."""
    forces = [c for c in data.forces()]
    places = known_places(layer)
    place_ids = sorted(places, key=lambda p: places[p])
    left, right = st.columns(2)
    new_force = left.selectbox("Force", forces, index=forces.index(force) if force in forces else 0,
                               format_func=_force_label, key=f"{prefix}-force")
    new_status = right.selectbox("Status", STATUSES, index=STATUSES.index(status) if status in STATUSES else 0,
                                 key=f"{prefix}-status")
    by = None
    if new_status == "contested":
        others = [c for c in forces if c != new_force]
        by = left.selectbox("Contested by", others,
                            index=others.index(contested_by) if contested_by in others else 0,
                            format_func=_force_label, key=f"{prefix}-by")
    new_place = right.selectbox("Place", place_ids, index=place_ids.index(place_id) if place_id in place_ids else 0,
                                format_func=lambda p: places[p], key=f"{prefix}-place")
    known_date = left.checkbox("The quote dates it", value=day is not None, key=f"{prefix}-dated")
    new_day, new_precision = None, "unknown"
    if known_date:
        new_day = left.date_input("Date", value=day or date.today(), min_value=date(1990, 1, 1),
                                  key=f"{prefix}-date")
        precisions = [p for p in PRECISION_ORDER if p != "unknown"]
        new_precision = right.selectbox("Date precision", precisions,
                                        index=precisions.index(precision) if precision in precisions else 0,
                                        key=f"{prefix}-precision")
    return Correction(new_force, new_status, new_place, new_day, new_precision, by)


def review_controls(layer: Layer, key: DecisionKey, decided: str | None, state: str, prefix: str, *, force: str,
                    status: str, day: date | None, precision: str, contested_by: str | None) -> None:
    """Confirm, reject or correct one event, with a reason. Drawn for a signed-in editor only. `key` is the
    event's as the layer shows it; `decided` the key digest of the decision it was built with, if any (a
    corrected event's place and kind are the analyst's, its decision's key the machine's)."""
    if auth.editor() is None:
        return
    current = store().decision(decided or key)
    if current is not None:
        key = current.key
    # The version this analyst saw when the form first showed: a save reruns the page, which would read the
    # newest version and so let a stale form overwrite another analyst's decision unseen.
    seen_key = f"{prefix}-seen-version"
    version = st.session_state.setdefault(seen_key, current.version if current else 0)
    added = current is not None and current.action == "add"
    with st.popover("Review", icon=":material/rate_review:"):
        if current is not None:
            st.caption(md_escape(f"{REVIEW_LABELS[state]} · {current.editor}, {current.decided_at:%Y-%m-%d %H:%M} UTC"))
            st.text(f"Reason: {current.reason}")
        # An analyst's own addition is corrected (it stays an addition) or withdrawn; there is nothing to confirm.
        actions = ("correct", "reject") if added else ("confirm", "reject", "correct")
        action = st.radio("Decision", actions, horizontal=True, key=f"{prefix}-action",
                          format_func=lambda a: "withdraw" if added and a == "reject" else a)
        correction = None
        if action == "correct":
            if key.kind not in CORRECTABLE_KINDS:
                st.caption("A share of territory colours no town: confirm or reject it.")
                return
            correction = correction_fields(layer, prefix, force, status, key.place_id, day, precision, contested_by)
        reason = st.text_input("Reason", key=f"{prefix}-reason", max_chars=1000,
                               placeholder="Why: what the text says, what you checked")
        if st.button("Save decision", key=f"{prefix}-save", type="primary"):
            with st.spinner("Saving and rebuilding the map…"):
                outcome = decide(layer, key, "add" if added and action == "correct" else action, reason, correction,
                                 version)
            st.session_state.pop(seen_key, None)  # saved or refused: the next form starts from what is stored
            report(outcome)


def report(outcome: Outcome) -> None:
    """A write's outcome: done, rerun the whole page on the new layer and say so there (`ui.notice`);
    refused or failed, say why here."""
    if outcome.ok:
        notice.keep(outcome.message)
        st.rerun(scope="app")  # the new layer, everywhere on the page
    st.error(md_escape(outcome.message))


def evidence_controls(layer: Layer):
    """The panel's per-quote review controls for a signed-in editor, else None (a viewer sees none)."""
    if auth.editor() is None:
        return None

    def controls(evidence, period, prefix: str) -> None:
        key = DecisionKey(evidence.article_id, evidence.quote, period.place_id, evidence.event_kind,
                          evidence.occurrence)
        # The form starts from what the quote says. `event_force` is the taker or holder of a capture or a
        # state, but the loser of a loss and the attacker of a contest or pressure: there the period's
        # holder holds it (contested by the attacker).
        kind = evidence.event_kind
        attacked = kind in ("contest", "pressure")
        review_controls(layer, key, evidence.decision_key, evidence.review, prefix,
                        force=period.force if kind in ("loss", "contest", "pressure") else evidence.event_force,
                        status="contested" if attacked else "held",
                        day=date.fromisoformat(evidence.date) if evidence.date else None,
                        precision=evidence.date_precision, contested_by=evidence.event_force if attacked else None)

    return controls
