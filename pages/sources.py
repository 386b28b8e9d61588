"""Sources: every article with its metadata, its text with the recognised places marked, its events."""

import pandas as pd
import streamlit as st

from ui import layer as data
from ui.sources import annotate, places_in
from ui.text import md_escape, safe_url

# The guard, not data.load(): a deep link may run this page without dashboard.py (see pages/map.py).
layer = data.load_or_stop()
articles = layer.articles
st.title("Sources")
if not articles:
    st.info("The build report lists no articles.")
    st.stop()

labels = {a.get("article_id", str(i)): f"{a.get('published', '?')} · {a.get('source', '?')} · {a.get('title', '')}"
          for i, a in enumerate(articles)}
chosen = st.selectbox("Article", options=list(labels), format_func=lambda k: " ".join(str(labels[k]).split())[:120])
article = next(a for a in articles if a.get("article_id") == chosen)

st.subheader(md_escape(article.get("title") or "(untitled)"), anchor=False)
for field in ("source", "published", "language", "file"):
    st.text(f"{field}: {article.get(field) or '—'}")
url = safe_url(article.get("url"))
if url:
    st.link_button("Open the original", url, icon=":material/open_in_new:")

spellings = places_in(layer, chosen)
text = article.get("text")
st.markdown("**Text** — recognised places are marked ⟦like this⟧")
if text:
    with st.container(border=True, height=360):
        st.text(annotate(text, spellings))
else:
    st.caption("This build's report does not include article texts.")

events = [e.model_dump(mode="json") for e in layer.events if e.article_id == chosen]
st.markdown(f"**Events extracted** ({len(events)})")
if events:
    columns = ["place_name", "mention", "kind", "force", "status", "date", "date_precision", "claimant", "review",
               "review_reason", "quote"]
    st.dataframe(pd.DataFrame(events)[columns], hide_index=True, width="stretch")
