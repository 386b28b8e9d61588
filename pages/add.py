"""Add an article: paste it or upload it, see what the machine reads in it, then save it and rebuild the map.
Only in the navigation of a signed-in editor (dashboard.py); every step checks again."""

from datetime import date

import streamlit as st

from geo.analyst import preview
from geo.articles import ArticleError
from geo.intake import UPLOAD_SUFFIXES, ArticleForm, article_from_text, article_from_upload
from geo.store import StoreError
from ui import auth, notice, review
from ui import layer as data
from ui.sources import highlighted_paragraphs
from ui.text import md_escape

PREVIEW_KEY = "_add_preview"
LANGUAGES = {"": "detect from the text", "nb": "Norwegian Bokmål (nb)", "en": "English (en)"}

layer = data.load_or_stop()
notice.show()
st.title("Add an article")
editor = auth.editor()
if editor is None:
    st.info("Sign in to edit (in the sidebar) to add articles.")
    st.stop()

st.caption("Paste the text or upload a file (.md, .txt or .html); the main text of an HTML page is taken "
           "without its menus and markup. Nothing is stored until you save.")
with st.form("add_article"):
    pasted = st.text_area("Text", height=220, key="add_text",
                          placeholder="The article's text (front matter or a first line ' date YYYY-MM-DD' is read too)")
    upload = st.file_uploader("…or a file", type=[s.lstrip(".") for s in UPLOAD_SUFFIXES], key="add_file")
    left, right = st.columns(2)
    title = left.text_input("Title", key="add_title", placeholder="default: the file's, or the first sentence")
    source = right.text_input("Outlet", key="add_source")
    url = left.text_input("URL", key="add_url")
    published = right.text_input("Published (YYYY-MM-DD or YYYY-MM)", key="add_published",
                                 placeholder=date.today().isoformat())
    language = left.selectbox("Language", list(LANGUAGES), format_func=LANGUAGES.get, key="add_language")
    read = st.form_submit_button("Read it", type="primary")

if read:
    form = ArticleForm(title=title, source=source, url=url, published=published, language=language)
    try:
        if upload is not None:
            article = article_from_upload(upload.name, upload.getvalue(), form)
        elif pasted.strip():
            article = article_from_text(pasted, form)
        else:
            raise ArticleError("paste a text or choose a file")
        with st.spinner("Reading the places and events…"):
            st.session_state[PREVIEW_KEY] = (preview(article), upload.name if upload is not None else None)
    except ArticleError as exc:
        st.session_state.pop(PREVIEW_KEY, None)
        where = f"{upload.name}: " if upload is not None else ""
        st.error(md_escape(f"Not added: {where}{exc}"))

shown = st.session_state.get(PREVIEW_KEY)
if shown:
    result, file_name = shown
    article = result.article
    st.subheader(md_escape(article.title), anchor=False)
    st.text(f"{article.source} · published {article.published_label} · language {article.language} · "
            f"id {article.article_id}")
    st.markdown(f"**{len(result.places)} place mentions, {len(result.events)} events.** Places are in bold; "
                "each event's quote is highlighted.")
    # st.table renders Markdown in its cells: the article's words go escaped.
    events = [{"place": md_escape(e.place_name), "kind": e.kind, "force": e.force, "status": e.status,
               "contested by": e.contested_by or "", "date": e.date.isoformat() if e.date else "",
               "precision": e.date_precision, "quote": md_escape(e.quote)}
              for e in result.events]
    if events:
        st.table(events)  # a few rows, as text the page can search and copy
    else:
        st.caption("No control event found: the article is kept as a source; you can add events on the Review page.")
    with st.container(border=True, height=320):
        for paragraph in highlighted_paragraphs(article.text, [e.quote for e in result.events],
                                                [(start, end) for start, end, _, _ in result.places]):
            st.markdown(paragraph)
    if st.button("Save and rebuild the map", type="primary", key="add_save"):
        who = auth.editor()  # again: the session may have signed out since the preview
        if who is None:
            st.error("Sign in to edit.")
            st.stop()
        try:
            review.store().add_article(article, who, file_name=file_name)
        except StoreError as exc:
            st.error(md_escape(f"Not saved: {exc}"))
            st.stop()
        with st.spinner("Rebuilding the map with the new article…"):
            outcome = review.rebuild_layer(layer)
        st.session_state.pop(PREVIEW_KEY, None)
        saved = f"Saved {article.article_id}" + (". " if outcome.ok else ", but ")
        review.report(review.Outcome(outcome.ok, saved + outcome.message))
