"""TownHistory: a clicked town's periods of control and the quotes behind each, shown as text."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date

from folium.template import Template

from geo.state import time_order
from ui.folium_control.assets import ASSET_DIR, InlineAssets, script_json
from ui.folium_control.control_layer import ControlLayer
from ui.map_payload import day_number

#: Quotes carried per period and their length: the file stays small at 10,000 towns (README, Scale).
QUOTES_PER_PERIOD = 2
QUOTE_CHARS = 280


def histories(periods: Iterable, town_ids: Sequence[str]) -> dict:
    """What the payload's towns (`town_ids`, its order) lack for their history: per town, per period in the
    payload's order (geo.state.time_order), [date precision, evidence…], each evidence
    [source (an index into `sources`), published (a day number, or YYYY-MM as the article gives it), event
    day number or null, its precision, quote, url?].
    The periods' dates and holders are the payload's own rows, not repeated."""
    by_town: dict[str, list] = defaultdict(list)
    for period in periods:
        by_town[period.place_id].append(period)
    sources: dict[str, int] = {}
    towns = []
    for place_id in town_ids:
        rows = []
        for p in sorted(by_town[place_id], key=time_order):
            evidence = []
            for ev in p.evidence[:QUOTES_PER_PERIOD]:
                published = _day(ev.published)  # a day number when a whole date: shorter
                row = [sources.setdefault(ev.source, len(sources)), ev.published if published is None else published,
                       _day(ev.date), ev.date_precision, _cut(ev.quote)]
                if ev.url:
                    row.append(ev.url)
                evidence.append(row)
            rows.append([p.date_precision, *evidence])
        towns.append(rows)
    return {"sources": list(sources), "towns": towns}


def _day(text: str | None) -> int | None:
    try:
        return day_number(date.fromisoformat(text)) if text and len(text) == 10 else None
    except ValueError:
        return None


def _cut(quote: str) -> str:
    return quote if len(quote) <= QUOTE_CHARS else quote[: QUOTE_CHARS - 1].rstrip() + "…"


class TownHistory(InlineAssets):
    inline_js = (ASSET_DIR / "town_history.js",)
    inline_css = (ASSET_DIR / "town_history.css",)

    _template = Template("""
        {% macro script(this, kwargs) %}
        L.control.townHistory({{ this.layer.get_name() }}, {{ this.histories_json }}).addTo({{ this._parent.get_name() }});
        {% endmacro %}
    """)

    def __init__(self, layer: ControlLayer, table: dict):
        super().__init__()
        self._name = "TownHistory"
        self.layer = layer
        self.histories_json = script_json(table)
