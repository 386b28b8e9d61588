"""The town panel beside the map: state on the chosen date, control history chart, every quote."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta

import altair as alt
import pandas as pd
import streamlit as st

from geo.io.read import ControlPeriod, Layer
from geo.state import history, state_on
from ui.map_payload import is_uncertain
from ui.style import ForceStyle
from ui.text import md_escape, safe_url


REVIEW_LABELS = {
    "machine": "machine-read only",
    "confirmed": "✔ confirmed by an analyst",
    "corrected": "✎ corrected by an analyst",
    "added": "＋ added by an analyst",
    "rejected": "✘ rejected by an analyst",
}


def review_line(review: str, reason: str | None) -> str:
    """'✔ confirmed by an analyst: the SDF's own statement' (plain text)."""
    label = REVIEW_LABELS.get(review, review)
    return f"{label}: {reason}" if reason and review != "machine" else label


def describe(period: ControlPeriod, forces: Mapping[str, ForceStyle]) -> str:
    """'Syrian government and allies, contested by Islamic State' (plain text)."""
    name = forces[period.force].name if period.force in forces else period.force
    if period.status == "contested" and period.contested_by:
        by = ", ".join(forces[c].name if c in forces else c for c in period.contested_by)
        return f"{name}, contested by {by}"
    return f"{name} (held)"


def span(period: ControlPeriod) -> str:
    start = period.valid_from.isoformat() if period.valid_from else "unknown start"
    end = (period.valid_to - timedelta(days=1)).isoformat() if period.valid_to else "open"
    return f"{start} → {end} · date precision: {period.date_precision}"


def timeline_chart(periods: list[ControlPeriod], day: date, forces: Mapping[str, ForceStyle],
                   lo: date, hi: date) -> alt.LayerChart:
    """One bar per period on a time axis around the place's known dates, coloured by force; faded and
    dashed when uncertain (an unknown start is drawn from the left edge); a rule at `day`."""
    known = [d for p in periods for d in (p.valid_from, p.valid_to) if d is not None] + [day]
    start = max(lo, min(known) - timedelta(days=14))
    end = min(hi + timedelta(days=1), max(known) + timedelta(days=14))
    rows = []
    for p in periods:
        rows.append({
            "from": (p.valid_from or start).isoformat(),
            "to": (p.valid_to or end).isoformat(),
            "force": forces[p.force].name if p.force in forces else p.force,
            "state": p.status + (" by " + ", ".join(p.contested_by) if p.contested_by else ""),
            "certainty": "uncertain" if is_uncertain(p) else "certain",
        })
    codes = list(dict.fromkeys(p.force for p in periods))
    scale = alt.Scale(domain=[forces[c].name if c in forces else c for c in codes],
                      range=[forces[c].color if c in forces else "#999999" for c in codes])
    x_scale = alt.Scale(domain=[start.isoformat(), end.isoformat()])
    bars = alt.Chart(pd.DataFrame(rows)).mark_bar(height=18, stroke="#333", strokeWidth=0.8).encode(
        x=alt.X("from:T", title=None, scale=x_scale, axis=alt.Axis(format="%Y-%m-%d", labelAngle=0, tickCount=4)),
        x2="to:T",
        color=alt.Color("force:N", scale=scale, legend=alt.Legend(orient="bottom", title=None, columns=2)),
        opacity=alt.Opacity("certainty:N", scale=alt.Scale(domain=["certain", "uncertain"], range=[0.95, 0.55]),
                            legend=None),
        strokeDash=alt.StrokeDash("certainty:N", scale=alt.Scale(domain=["certain", "uncertain"],
                                                                  range=[[1, 0], [3, 2]]), legend=None),
        tooltip=["force:N", "state:N", "from:T", "to:T", "certainty:N"],
    )
    rule = alt.Chart(pd.DataFrame({"day": [day.isoformat()]})).mark_rule(color="#1f77b4", strokeWidth=2).encode(
        x=alt.X("day:T", scale=x_scale))
    return (bars + rule).properties(height=50)


def render(layer: Layer, place_id: str, day: date, forces: Mapping[str, ForceStyle], lo: date, hi: date,
           review_controls: Callable | None = None) -> None:
    """The panel of `place_id`; `review_controls(evidence, period, widget_prefix)` draws an editor's
    controls under each quote (None for a viewer)."""
    periods = history(layer.periods, place_id)
    if not periods:
        st.info("This place has no control periods in the layer.")
        _rejected_claims(layer, place_id)
        return
    st.subheader(md_escape(periods[0].name), anchor=False)
    current = state_on(periods, day)
    if current:
        for p in current:
            st.markdown(f"**On {day.isoformat()}:** {md_escape(describe(p, forces))}")
            if is_uncertain(p):
                st.caption("Uncertain: " + md_escape(span(p)))
    else:
        st.markdown(f"**On {day.isoformat()}:** no source says who held it.")
    st.altair_chart(timeline_chart(periods, day, forces, lo, hi), width="stretch")
    st.markdown("**What the sources said**")
    for n, p in enumerate(reversed(periods)):
        st.caption(md_escape(f"{describe(p, forces)} · {span(p)}"))
        for m, ev in enumerate(p.evidence):
            with st.container(border=True):
                st.text(ev.quote)
                meta = [ev.source, f"published {ev.published}", f"language {ev.language}"]
                if ev.claimant:
                    meta.append(f"claimant: {ev.claimant}")
                if ev.date:
                    meta.append(f"event dated {ev.date} ({ev.date_precision})")
                st.text(" · ".join(meta))
                st.caption(md_escape(review_line(ev.review, ev.review_reason)))
                url = safe_url(ev.url)
                if url:
                    st.link_button("Open article", url, type="tertiary", icon=":material/open_in_new:",
                                   key=f"article-link-{place_id}-{n}-{m}")
                if review_controls is not None:
                    review_controls(ev, p, f"review-{place_id}-{n}-{m}")
    _rejected_claims(layer, place_id)


def _rejected_claims(layer: Layer, place_id: str) -> None:
    rejected = [e for e in layer.events if e.place_id == place_id and e.review == "rejected"]
    if rejected:
        st.markdown("**Claims an analyst rejected** (kept, but they colour nothing)")
        for e in rejected:
            with st.container(border=True):
                st.text(e.quote)
                st.text(f"{e.source} · published {e.published} · read as {e.kind} by {e.force}")
                st.caption(md_escape(review_line(e.review, e.review_reason)))
