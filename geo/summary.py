"""The one-screen summary printed at the end of a build."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table


def print_summary(result, console: Console) -> None:
    counts = result.report["counts"]
    table = Table(title=f"Layer written to {result.out_dir}", show_header=False, box=None)
    table.add_row("articles read", str(counts["articles_read"]))
    table.add_row("articles skipped", str(counts["articles_skipped"]))
    if result.from_cache:
        table.add_row("extracted", f"{result.extracted} (the other {result.from_cache} from the extraction cache)")
    table.add_row("places (towns)", str(counts["places"]))
    table.add_row("control events", str(counts["events"]))
    table.add_row("control periods", str(counts["control_periods"]))
    table.add_row("unresolved names", str(counts["unresolved_mentions"]))
    kinds = Counter(e.kind for e in result.events)
    table.add_row("events by kind", ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "none")
    timings = result.timings
    table.add_row("time", ", ".join(f"{k.removesuffix('_s')} {v:.2f}s" for k, v in timings.items()))
    console.print(table)
    # Skipped files are listed by the caller, one plain line each, whether or not it is quiet.
    for entry in result.unresolved[:10]:
        console.print(f"  [yellow]unresolved[/yellow] {escape(entry['name'])} ({escape(entry['article_id'])})")
