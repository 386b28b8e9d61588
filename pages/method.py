"""Data & method: how the layer is built, what is uncertain, and the files to download."""

from collections import Counter

import pandas as pd
import streamlit as st

from geo.io.read import AREAS_FILE, CONTROL_FILE, EVENTS_FILE, PLACES_FILE, ZONES_FILE
from ui import accuracy
from ui import layer as data

# The guard, not data.load(): a deep link may run this page without dashboard.py (see pages/map.py).
layer = data.load_or_stop()
report = layer.report
st.title("Data & method")
st.markdown(
    "News articles are read from `data/articles/`; place names are matched against GeoNames (and "
    "`data/gazetteer.csv`) in every spelling the press uses; each sentence that says who captured, lost, "
    "contested or holds a town becomes an **event** with a date resolved against the article's publication "
    "date; each town's events are ordered into **control periods** (start inclusive, end exclusive). Every "
    "period keeps the quotes that support it, with outlet, publication date, language and claimant. "
    "Build it yourself with `make build` (`python -m geo build`)."
)

st.subheader("How often the machine reads it right")
measured = accuracy.load()
if measured is None:
    st.caption("No evaluation results in this copy: run `make eval` to measure the extractor.")
else:
    st.markdown(
        f"Measured by `make eval` on {measured.articles} annotated articles ({measured.gold_changes} control "
        f"changes, {measured.traps} places that must *not* change colour). The first rows are the held-out "
        "**test** half, which the extractor was not tuned on; the last row is every real published text of "
        "both halves, most of them tuned on, and the machine still does worse on them than on the texts written "
        "for the corpus. *Precision*: of the changes the machine read, the share that are right (place within "
        "5 km, force, status and date); *recall*: of the changes in the texts, the share it found; *map right*: of the changes in the texts, the share whose town the assembled map "
        "shows in the right hands (or fought over) after the change and up to the next one, wherever the "
        "dates say what it must show; in brackets the 95 % interval and how many were counted. Until "
        "precision is high, read every colour with its quotes: the panel beside the map shows them."
    )
    st.dataframe(pd.DataFrame(measured.rows), hide_index=True, width="stretch")
    why, traps = st.columns(2)
    why.caption("Changes missed or read wrong, by reason (all annotated articles)")
    why.dataframe(pd.DataFrame(measured.misses_by_reason, columns=["reason", "changes"]), hide_index=True)
    traps.caption("Places that changed colour but must not have, by kind (all annotated articles)")
    traps.dataframe(pd.DataFrame(measured.violations_by_kind, columns=["kind", "places"]), hide_index=True)

st.subheader("What is uncertain")
precisions = Counter(p.date_precision for p in layer.periods)
unknown_start = sum(1 for p in layer.periods if p.valid_from is None)
contested = [p for p in layer.periods if p.status == "contested"]
left, mid, right = st.columns(3)
left.metric("Control periods", len(layer.periods))
mid.metric("Unknown start", unknown_start, help="A holder known only as the one a town was taken from")
right.metric("Contested periods", len(contested))
st.caption("Date precision of the periods (faded, dashed dots on the map are less certain than a day):")
st.dataframe(pd.DataFrame(sorted(precisions.items()), columns=["precision", "periods"]), hide_index=True)
if contested:
    st.dataframe(pd.DataFrame([{"place": p.name, "holder": p.force, "contested by": ", ".join(p.contested_by),
                                "from": p.valid_from, "to": p.valid_to} for p in contested]), hide_index=True)

st.subheader("Zones")
st.markdown(
    "The shaded zones on the map are an **estimate derived from town control, not reported front lines**. "
    "Each town's area of influence is its Voronoi cell among the known towns, clipped to its country's "
    "border and to 25 km around the town (so empty desert is not claimed), coloured by who held the town on "
    "the date; contested towns give their own zones, drawn with a dashed edge in the contesting force's "
    "colour. Towns with no known holder on a date leave their cell empty. The area chart under the map sums "
    "them per force (`areas.csv`); the share claims beside it are what the articles themselves said."
    + ("" if layer.zones else " *This build has no `zones.geojson`: rebuild it with `make build`.*")
)

unresolved = [u for u in report.get("unresolved") or [] if isinstance(u, dict)]
st.markdown(f"**Names that could not be placed** ({len(unresolved)}) — never given invented coordinates:")
if unresolved:
    st.dataframe(pd.DataFrame(unresolved), hide_index=True, width="stretch")
skipped = [s for s in report.get("skipped") or [] if isinstance(s, dict)]
if skipped:
    st.markdown(f"**Files skipped** ({len(skipped)})")
    st.dataframe(pd.DataFrame(skipped), hide_index=True, width="stretch")

st.subheader("Downloads")
downloads = ((CONTROL_FILE, "application/geo+json"), (EVENTS_FILE, "text/csv"), (PLACES_FILE, "application/geo+json"),
             (ZONES_FILE, "application/geo+json"), (AREAS_FILE, "text/csv"))
for name, mime in downloads:
    if not (layer.build_dir / name).is_file():
        continue
    st.download_button(f"Download {name}", (layer.build_dir / name).read_bytes(), file_name=name, mime=mime)
