"""Marking the recognised places in an article's text, as plain text (no HTML, no Markdown)."""

from __future__ import annotations

import re

from geo.io.read import Layer

OPEN, CLOSE = "⟦", "⟧"


def places_in(layer: Layer, article_id: str) -> list[str]:
    """The surface forms of places recognised in an article (from places.geojson and events.csv)."""
    forms = {e.mention for e in layer.events if e.article_id == article_id and e.mention}
    for place in layer.places:
        if article_id in place.articles:
            forms.update(place.spellings)
    return sorted(forms, key=len, reverse=True)


def annotate(text: str, spellings: list[str]) -> str:
    """`text` with each whole-word occurrence of a spelling wrapped in ⟦ ⟧ (longest spelling first)."""
    forms = [s for s in spellings if s.strip()]
    if not forms:
        return text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(s) for s in sorted(forms, key=len, reverse=True)) + r")(?!\w)")
    return pattern.sub(lambda m: f"{OPEN}{m.group(1)}{CLOSE}", text)
