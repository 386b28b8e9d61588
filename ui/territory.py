"""The area chart under the map: each force's estimated area (km²) and towns over the slider's range, from
areas.csv, with the chosen date marked; and the share claims quoted in articles, to read beside it.

No Streamlit here (the map page renders what these functions return). Text from articles reaches the page
only as DataFrame cells, which Altair and st.dataframe show as text, never as HTML or Markdown.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

import altair as alt
import pandas as pd

from geo.schema import UNKNOWN_FORCE
from ui.style import ForceStyle

AREA = "Area (km²)"
TOWNS = "Towns"
CLAIM_COLUMNS = ("claim", "percent", "force", "region", "source", "claimant", "published")


def _name(code: str, forces: Mapping[str, ForceStyle]) -> str:
    return forces[code].name if code in forces else code


def area_series(areas: Iterable, lo: date, hi: date, forces: Mapping[str, ForceStyle]) -> pd.DataFrame:
    """Long table (date, force, measure, value, contested) of each force's area and towns as steps from
    `lo` to `hi`: the value in force on `lo`, every change inside the range, and the last value at `hi`.
    Forces with nothing in the whole range are left out."""
    by_force: dict[str, list] = {}
    for row in areas:
        by_force.setdefault(row.force, []).append(row)
    records = []
    for code, rows in by_force.items():
        rows = sorted(rows, key=lambda r: (r.date is not None, r.date or date.min))
        before = [r for r in rows if r.date is None or r.date <= lo]
        steps = ([before[-1]] if before else []) + [r for r in rows if r.date is not None and lo < r.date <= hi]
        if not steps or not any(r.area_km2 or r.towns for r in steps):
            continue
        points = [(max(r.date or lo, lo), r) for r in steps] + [(hi, steps[-1])]
        for day, r in points:
            records.append({"date": pd.Timestamp(day), "force": _name(code, forces), "measure": AREA,
                            "value": r.area_km2, "contested": r.contested_area_km2})
            records.append({"date": pd.Timestamp(day), "force": _name(code, forces), "measure": TOWNS,
                            "value": r.towns, "contested": r.contested_towns})
    return pd.DataFrame(records, columns=["date", "force", "measure", "value", "contested"])


#: Above this many points the chart is drawn without the chosen date's rule: a chart that changes with the
#: date is sent again on every slider step (≈450 KB at 700 change dates), while an unchanged one is sent
#: once and then only referred to (Streamlit caches large unchanged messages in the browser).
RULE_MAX_POINTS = 500


def _inline(frame: pd.DataFrame) -> alt.InlineData:
    """A table as inline values (dates as ISO text, NaN as null). Inline data passes through none of Altair's
    data transformers, which are process-wide settings that Streamlit switches per chart under its own lock,
    and has no row limit (Altair refuses a DataFrame of more than 5,000 rows)."""
    plain = frame.astype(object).where(frame.notna(), None)
    for column in plain.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            plain[column] = [d.isoformat() if d is not None else None for d in plain[column]]
    return alt.InlineData(values=plain.to_dict(orient="records"))


def area_chart(series: pd.DataFrame, day: date | None, lo: date, hi: date,
               forces: Mapping[str, ForceStyle]) -> alt.VConcatChart:
    """Two step-line panels (area, towns) per force in the forces' colours, a rule at `day` (if given)."""
    names = list(dict.fromkeys(series["force"]))
    colours = {f.name: f.color for f in forces.values()}
    scale = alt.Scale(domain=names, range=[colours.get(n, "#999999") for n in names])
    x_scale = alt.Scale(domain=[pd.Timestamp(lo).isoformat(), pd.Timestamp(hi).isoformat()])
    rule_data = _inline(pd.DataFrame({"date": [pd.Timestamp(day)]})) if day is not None else None

    def panel(measure: str, show_axis: bool) -> alt.LayerChart:
        x = alt.X("date:T", title=None, scale=x_scale,
                  axis=alt.Axis(format="%Y-%m-%d", labelAngle=0, tickCount=5, labels=show_axis))
        lines = alt.Chart(_inline(series[series["measure"] == measure])).mark_line(interpolate="step-after", strokeWidth=2).encode(
            x=x,
            y=alt.Y("value:Q", title=measure),
            color=alt.Color("force:N", scale=scale, legend=alt.Legend(orient="bottom", title=None)),
            tooltip=[alt.Tooltip("force:N"), alt.Tooltip("date:T", format="%Y-%m-%d", title="from"),
                     alt.Tooltip("value:Q", title=measure.lower()),
                     alt.Tooltip("contested:Q", title="contested (held by it)")],
        )
        if day is None:
            return alt.layer(lines).properties(height=140)
        rule = alt.Chart(rule_data).mark_rule(color="#1f77b4", strokeWidth=2).encode(x=alt.X("date:T", scale=x_scale))
        return alt.layer(lines, rule).properties(height=140)

    return alt.vconcat(panel(AREA, False), panel(TOWNS, True))


def with_arrow_datasets(spec: dict) -> dict:
    """`spec` (Altair's `to_dict()`, which gathers each view's inline values into top-level named `datasets`)
    with those datasets as Arrow IPC bytes.

    Streamlit converts a chart's datasets to Arrow on every rerun (16 ms alone, 40 ms on a busy server, for
    the 6,700 points of a 10,000-town layer's chart: on every slider step), but passes bytes as they are; so
    a chart made once per layer is converted once too."""
    import pyarrow as pa

    def arrow(values: list[dict]) -> bytes:
        table = pa.Table.from_pylist(values)
        sink = pa.BufferOutputStream()
        with pa.ipc.new_stream(sink, table.schema) as writer:
            writer.write_table(table)
        return sink.getvalue().to_pybytes()

    def table_like(values) -> bool:  # rows of one shape; anything else is left to Streamlit's conversion
        return (isinstance(values, list) and bool(values) and all(isinstance(row, dict) for row in values)
                and bool(values[0]) and all(row.keys() == values[0].keys() for row in values))

    datasets = spec.get("datasets") or {}
    spec["datasets"] = {name: arrow(values) if table_like(values) else values for name, values in datasets.items()}
    if not spec["datasets"]:
        del spec["datasets"]
    return spec


def share_claims(events: Iterable, forces: Mapping[str, ForceStyle]) -> pd.DataFrame:
    """The articles' own share claims ("about 37 percent of the province", "lost 96 percent"), newest first,
    but those an analyst rejected. A loss has force UNKNOWN and the loser in previous_force: shown as "lost
    by <loser>"."""
    rows = []
    for e in events:
        if e.kind != "share" or getattr(e, "review", "machine") == "rejected":
            continue
        if e.force == UNKNOWN_FORCE and e.previous_force:
            force = f"lost by {_name(e.previous_force, forces)}"
        else:
            force = _name(e.force, forces)
        rows.append({"claim": e.quote, "percent": e.share_percent, "force": force, "region": e.place_name or "—",
                     "source": e.source, "claimant": e.claimant or "", "published": e.published})
    rows.sort(key=lambda r: r["published"], reverse=True)
    return pd.DataFrame(rows, columns=list(CLAIM_COLUMNS))
