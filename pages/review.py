"""Review: every extracted event, to confirm, reject or correct; events the machine missed, to add; the
decisions that no longer match anything; the audit log; decisions as CSV. For a signed-in editor only."""

import pandas as pd
import streamlit as st

from geo.analyst import known_forces
from geo.review import DecisionKey, ReviewError
from geo.store import StoreError
from ui import auth, notice, review
from ui import layer as data
from ui.panel import REVIEW_LABELS, review_line
from ui.text import md_escape

layer = data.load_or_stop()
st.title("Review")
if auth.editor() is None:
    st.info("Sign in to edit (in the sidebar) to review what the machine read.")
    st.stop()
notice.show()

articles = {a["article_id"]: a for a in layer.articles if a.get("article_id")}
titles = {aid: " ".join(f"{a.get('published', '?')} · {a.get('source', '?')} · {a.get('title', '')}".split())[:120]
          for aid, a in articles.items()}

events_tab, add_tab, unmatched_tab, log_tab, csv_tab = st.tabs(
    ["Events", "Add a missed event", "Unmatched decisions", "Audit log", "Export / import"])

with events_tab:
    left, right = st.columns([3, 1])
    chosen = left.selectbox("Article", ["*"] + list(articles), format_func=lambda a: "All articles" if a == "*" else titles[a],
                            key="review_article")
    states = right.multiselect("Shown", list(REVIEW_LABELS), default=list(REVIEW_LABELS), key="review_states",
                               format_func=REVIEW_LABELS.get)
    rows = [e for e in layer.events if (chosen == "*" or e.article_id == chosen) and e.review in states]
    table = pd.DataFrame([{"event": e.event_id, "review": REVIEW_LABELS[e.review], "place": e.place_name,
                           "kind": e.kind, "force": e.force, "status": e.status, "date": e.date,
                           "precision": e.date_precision, "source": e.source, "quote": e.quote} for e in rows])
    st.dataframe(table, hide_index=True, width="stretch", height=min(400, 40 + 35 * len(rows)))
    by_id = {e.event_id: e for e in rows}
    picked = st.selectbox(f"Event to decide on ({len(rows)} shown)", [None] + list(by_id), key="review_event",
                          format_func=lambda i: "—" if i is None else " ".join(
                              f"{by_id[i].place_name} · {by_id[i].kind} · {by_id[i].force} · "
                              f"{by_id[i].date or 'undated'} · {by_id[i].quote}".split())[:150])
    if picked in by_id:
        event = by_id[picked]
        with st.container(border=True):
            st.text(event.quote)
            st.text(f"{event.place_name} · {event.kind} · {event.force} ({event.status}) · "
                    f"{event.date or 'undated'} ({event.date_precision}) · {event.source}, {event.published}")
            st.caption(md_escape(review_line(event.review, event.review_reason)))
            review.review_controls(
                layer, DecisionKey(event.article_id, event.quote, event.place_id, event.kind, event.occurrence),
                event.decision_key,
                event.review, f"review-event-{event.event_id}", force=event.force, status=event.status,
                day=event.date, precision=event.date_precision, contested_by=event.contested_by)

with add_tab:
    st.caption("An event the machine missed, from a quote that is in the article word for word.")
    article_id = st.selectbox("Article", list(articles), format_func=titles.get, key="add_event_article")
    if article_id:
        with st.expander("The article's text"):
            st.text(articles[article_id].get("text") or "")
        quote = st.text_area("Quote (copied from the text)", key="add_event_quote", max_chars=2000)
        places = review.known_places(layer)
        if places:
            correction = review.correction_fields(layer, "add-event", force=sorted(known_forces())[0], status="held",
                                                  place_id=next(iter(places)), day=None, precision="day",
                                                  contested_by=None)
            kind = "contest" if correction.status == "contested" else st.radio(
                "The quote says", ("capture", "state"), horizontal=True, key="add_event_kind",
                format_func={"capture": "the force took it", "state": "the force held it"}.get)
            reason = st.text_input("Reason", key="add_event_reason", max_chars=1000)
            if st.button("Add the event", type="primary", key="add_event_save"):
                key = DecisionKey(article_id, quote, correction.place_id, kind)
                with st.spinner("Saving and rebuilding the map…"):
                    outcome = review.decide(layer, key, "add", reason, correction, 0)
                review.report(outcome)

with unmatched_tab:
    unmatched = layer.report.get("unmatched_decisions") or []
    if not unmatched:
        st.caption("Every decision matches an event of this build.")
    else:
        st.caption("These decisions match no event any more (the article changed, or the extractor reads it "
                   "otherwise): they are kept, and apply again if the event comes back.")
        st.dataframe(pd.DataFrame(unmatched), hide_index=True, width="stretch")

with log_tab:
    entries = review.store().audit(limit=200)
    if not entries:
        st.caption("No decision yet.")
    else:
        st.dataframe(pd.DataFrame([{
            "at": e.at.strftime("%Y-%m-%d %H:%M:%S UTC"), "editor": e.editor, "action": e.action,
            "article": e.after.get("article_id"), "place": e.after.get("place_id"), "reason": e.reason,
            "before": "" if e.before is None else f"{e.before.get('action')} {e.before.get('force') or ''}".strip(),
            "after": f"{e.after.get('action')} {e.after.get('force') or ''}".strip(),
        } for e in entries]), hide_index=True, width="stretch")

with csv_tab:
    st.download_button("Download the decisions (CSV)", review.store().export_decisions(), file_name="decisions.csv",
                       mime="text/csv", key="decisions_export")
    uploaded = st.file_uploader("Import decisions (CSV)", type=["csv"], key="decisions_import")
    if uploaded is not None and st.button("Import", key="decisions_import_go"):
        who = auth.editor()
        if who is None:
            st.error("Sign in to edit.")
            st.stop()
        try:
            text = uploaded.getvalue().decode("utf-8-sig")
            stored, refused = review.store().import_decisions(
                text, review.article_texts(layer).get, data.forces().keys(), review.known_places(layer).__contains__,
                who)
        except (UnicodeDecodeError, ReviewError, StoreError) as exc:
            st.error(md_escape(f"{uploaded.name}: not imported: {exc}"))
            st.stop()
        for line in refused:
            st.warning(md_escape(f"{uploaded.name} {line}"))
        if stored:
            outcome = review.rebuild_layer(layer)
            (st.success if outcome.ok else st.error)(md_escape(f"Imported {stored} decisions. {outcome.message}"))
        else:
            st.info("Nothing new to import.")
