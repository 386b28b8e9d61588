"""`python -m geo build`, `python -m geo state` and `python -m geo export-html`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from pathlib import Path

DEFAULT_ARTICLES = Path("data/articles")
DEFAULT_BUILD = Path("data/build")
# As geo.articles and geo.build define them; repeated so that `--help` needs no pipeline import.
DEFAULT_EARLIEST = date(1990, 1, 1)
DEFAULT_ARTICLE_SECONDS = 30.0


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {text!r}") from None


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}")
    return value


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="News articles → dated control layer.")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser("build", help="build the layer files from a folder of articles")
    build.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="articles folder (default %(default)s)")
    build.add_argument("--out", type=Path, default=DEFAULT_BUILD, help="output folder (default %(default)s)")
    build.add_argument("--max-bytes", type=int, default=5 * 1024 * 1024, help="skip article files larger than this")
    build.add_argument("--today", type=_iso_date, default=None, help="reject articles published after this date")
    build.add_argument("--earliest", type=_iso_date, default=DEFAULT_EARLIEST, metavar="DATE",
                       help="reject articles published before this date, taken for typos (default %(default)s)")
    build.add_argument("--article-seconds", type=_seconds, default=DEFAULT_ARTICLE_SECONDS, metavar="SECONDS",
                       help="skip an article whose extraction takes longer (default %(default)g; 0 = no limit)")
    build.add_argument("--quiet", action="store_true",
                       help="no progress bar or summary (skipped files and failures are still printed)")
    build.add_argument("--jobs", type=_positive_int, default=None, metavar="N",
                       help="worker processes for extraction (default: one per CPU; 1 = in this process)")

    state = commands.add_parser("state", help="print the control state on a date as JSON")
    state.add_argument("--date", type=_iso_date, required=True, help="YYYY-MM-DD")
    state.add_argument("--place", help="a place name in any supported spelling, or a place id")
    state.add_argument("--build", type=Path, default=DEFAULT_BUILD, help="build folder (default %(default)s)")

    export = commands.add_parser("export-html", help="write the whole timeline as one HTML file that opens offline")
    export.add_argument("--build", type=Path, default=DEFAULT_BUILD, help="build folder (default %(default)s)")
    export.add_argument("--out", type=Path, required=True, help="the HTML file to write")
    export.add_argument("--date", type=_iso_date, default=None, help="the date it opens on (default: the latest)")
    export.add_argument("--no-tiles", action="store_true", help="no OpenStreetMap background, even when online")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "build":
        if args.earliest > (args.today or date.today()):
            parser.error(f"--earliest {args.earliest} is after today ({args.today or date.today()})")
        return _build(args)
    if args.command == "export-html":
        return _export(args)
    return _state(args)


def _build(args) -> int:
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from geo.build import build
    from geo.summary import print_summary

    console = Console(stderr=True, quiet=args.quiet)
    failures = Console(stderr=True)  # never quiet: a failed build must always say so
    if not args.articles.is_dir():
        failures.print(f"[red]error:[/red] articles folder not found: {escape(str(args.articles))}")
        return 2
    from geo.io.write import LayerFolderError, check_layer_folder

    try:  # before the work of a build, which would be refused at the end
        check_layer_folder(args.out)
    except LayerFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)  # even with --quiet: nothing was built
        return 2
    # No auto-refresh: its thread would be running when the build forks its worker processes.
    with Progress(
        TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.description}"), console=console, transient=True, disable=args.quiet,
        auto_refresh=False,
    ) as progress:
        task = progress.add_task("", total=None)
        shown = [0.0]

        def advance(done: int, total: int, article_id: str) -> None:
            progress.update(task, completed=done, total=total, description=article_id)
            now = time.monotonic()
            if now - shown[0] >= 0.1 or done == total:
                shown[0] = now
                progress.refresh()

        try:
            result = build(args.articles, args.out, today=args.today, max_bytes=args.max_bytes, progress=advance,
                           jobs=args.jobs, earliest=args.earliest, article_seconds=args.article_seconds or None)
        except KeyboardInterrupt:
            failures.print(f"[red]build interrupted, previous output in {escape(str(args.out))} left as it was[/red]")
            return 130
        except Exception as exc:  # noqa: BLE001 - said in one line, not as a traceback
            what = str(exc) if isinstance(exc, (OSError, ValueError)) else f"{type(exc).__name__}: {exc}"
            failures.print(f"[red]build failed, previous output in {escape(str(args.out))} left as it was:[/red] "
                           f"{escape(what)}")
            return 1
    for skipped in result.skipped:
        print(f"skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    print_summary(result, console)
    return 0


def _state(args) -> int:
    from geo.gazetteer import Gazetteer
    from geo.io.read import LayerError, read_control
    from geo.state import state_on

    try:
        periods = read_control(args.build / "control.geojson")
    except (LayerError, FileNotFoundError) as exc:
        print(f"error: {exc} (run `make build` first)", file=sys.stderr)
        return 2
    place_id = None
    if args.place:
        known = {p.place_id for p in periods}
        if args.place in known:
            place_id = args.place
        else:
            matches = [p.place_id for p in Gazetteer.load().lookup(args.place) if p.place_id in known]
            if not matches:
                print(f"error: no place in the layer matches {args.place!r}", file=sys.stderr)
                return 2
            place_id = matches[0]
    current = state_on(periods, args.date, place_id)
    print(json.dumps(
        {"date": args.date.isoformat(), "place": place_id, "state": [p.model_dump(mode="json") for p in current]},
        ensure_ascii=False, indent=2,
    ))
    return 0


def _export(args) -> int:
    # The map's renderer lives with the dashboard (ui/folium_control); the pipeline only hands it the layer.
    from geo.io.read import LayerError, read_layer
    from ui.export import export_html, write_export
    from ui.folium_control.assets import AssetError
    from ui.style import load_force_styles
    from geo.borders import map_borders

    if not args.out.parent.is_dir():
        print(f"error: {args.out.parent}: no such folder to write the HTML file into", file=sys.stderr)
        return 2
    try:
        layer = read_layer(args.build)
    except (LayerError, OSError) as exc:  # the message says how to rebuild
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        html = export_html(layer, load_force_styles(), map_borders(layer), tiles=not args.no_tiles, day=args.date)
        size = write_export(html, args.out)
    except (AssetError, OSError) as exc:
        print(f"error: {exc}; {args.out} left as it was", file=sys.stderr)
        return 1
    print(f"wrote {args.out} ({size / 1e6:.1f} MB, {len({p.place_id for p in layer.periods})} towns)", file=sys.stderr)
    return 0
