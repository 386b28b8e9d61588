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


def highlighted_paragraphs(text: str, quotes: list[str], places: list[tuple[int, int]]) -> list[str]:
    """`text` as Markdown paragraphs that show every character of it as written, with each quote (an
    event's sentence) on a highlight and each recognised place (start, end) in bold. The article's own
    characters are all escaped (`md_inline`): only the marks added here are Markdown."""
    quote_spans = []
    for quote in quotes:
        start = text.find(quote)
        if start >= 0:
            quote_spans.append((start, start + len(quote)))
    paragraphs = []
    offset = 0
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            paragraphs.append(_marked(block, offset, quote_spans, places))
        offset += len(block)
    return paragraphs


def _marked(block: str, offset: int, quotes: list[tuple[int, int]], places: list[tuple[int, int]]) -> str:
    """One paragraph: cut at every mark's edge, each piece escaped and wrapped in the marks covering it."""
    end = offset + len(block)
    cuts = {offset, end}
    for a, b in quotes + places:
        cuts.update(x for x in (a, b) if offset < x < end)
    pieces = []
    edges = sorted(cuts)
    for a, b in zip(edges, edges[1:]):
        piece = md_inline(block[a - offset:b - offset])
        core = piece.strip()
        if not core:
            pieces.append(piece)
            continue
        # Markdown's marks must touch the text they mark: the spaces around a piece stay outside.
        lead, trail = piece[:len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
        if any(s <= a and b <= e for s, e in places):
            core = f"**{core}**"
        if any(s <= a and b <= e for s, e in quotes):
            core = f":orange-background[{core}]"
        pieces.append(lead + core + trail)
    return "".join(pieces).strip()


def md_inline(text: str) -> str:
    """`text` as Markdown that renders exactly those characters, its runs of white space as one space (unlike
    `ui.text.md_escape`, the space at either end is kept: pieces of a sentence are joined)."""
    from ui.text import md_escape

    flat = re.sub(r"\s+", " ", text)
    lead = " " if flat.startswith(" ") else ""
    trail = " " if flat.endswith(" ") and flat.strip() else ""
    return lead + md_escape(flat) + trail if flat.strip() else flat
