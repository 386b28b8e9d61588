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
    build.add_argument("--database", metavar="URL", default=None,
                       help="the analysts' database: its added articles and review decisions are built in "
                            "(default: $GEO_DATABASE_URL, else data/analyst.sqlite if it exists)")
    build.add_argument("--cache", type=Path, default=None, metavar="FILE",
                       help="the extraction cache: a rebuild reads and extracts only new or changed articles "
                            "(default: OUT.cache.sqlite beside the output folder)")
    build.add_argument("--no-cache", action="store_true", help="read and extract every article, store nothing")

    add = commands.add_parser("add", help="add article files (.md, .txt, .html) to the analysts' database and rebuild")
    add.add_argument("files", type=Path, nargs="+", metavar="FILE")
    add.add_argument("--title", default="", help="the title (default: the file's, or its first sentence)")
    add.add_argument("--source", default="", help="the outlet")
    add.add_argument("--url", default="", help="the article's address")
    add.add_argument("--published", default="", help="YYYY-MM-DD or YYYY-MM (default: the file's front matter)")
    add.add_argument("--language", default="", help="nb or en (default: the file's, else detected)")
    add.add_argument("--editor", required=True, help="who adds them (kept with each article)")
    add.add_argument("--database", metavar="URL", default=None,
                     help="default: $GEO_DATABASE_URL, else data/analyst.sqlite (created if missing)")
    add.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="corpus folder (default %(default)s)")
    add.add_argument("--out", type=Path, default=DEFAULT_BUILD, help="build folder (default %(default)s)")
    add.add_argument("--no-build", action="store_true", help="store only; the next build takes them in")

    decisions = commands.add_parser("decisions", help="export or import the analysts' review decisions as CSV")
    decisions.add_argument("action", choices=("export", "import"))
    decisions.add_argument("file", type=Path, help="the CSV file to write (export) or read (import)")
    decisions.add_argument("--editor", help="who imports them (import only; the CSV's own editors are kept in the reason)")
    decisions.add_argument("--database", metavar="URL", default=None,
                           help="default: $GEO_DATABASE_URL, else data/analyst.sqlite (created if missing)")
    decisions.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="corpus folder (default %(default)s)")

    commands.add_parser("hash-password", help="read an editor password and print the hash to configure "
                                              "(GEO_EDITOR_PASSWORD_HASH; see the README's 'Editing')")

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
    if args.command == "add":
        return _add(args)
    if args.command == "decisions":
        return _decisions(args)
    if args.command == "hash-password":
        return _hash_password()
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
            added, decisions = _from_database(args.database)
            result = build(args.articles, args.out, today=args.today, max_bytes=args.max_bytes, progress=advance,
                           jobs=args.jobs, earliest=args.earliest, article_seconds=args.article_seconds or None,
                           added=added, decisions=decisions, cache=_cache_path(args))
        except KeyboardInterrupt:
            failures.print(f"[red]build interrupted, previous output in {escape(str(args.out))} left as it was[/red]")
            return 130
        except Exception as exc:  # noqa: BLE001 - said in one line, not as a traceback
            what = str(exc) if isinstance(exc, (OSError, ValueError)) else f"{type(exc).__name__}: {exc}"
            failures.print(f"[red]build failed, previous output in {escape(str(args.out))} left as it was:[/red] "
                           f"{escape(what)}")
            return 1
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    for skipped in result.skipped:
        print(f"skipped {skipped.file}: {skipped.reason}", file=sys.stderr)
    for decision in result.unmatched_decisions:
        print(f"unmatched decision: {decision.action} by {decision.editor} on {decision.key.article_id} "
              f"({decision.key.place_id}, {decision.key.kind}) matches no event of this build", file=sys.stderr)
    print_summary(result, console)
    return 0


def _cache_path(args) -> Path | None:
    from geo.extraction_cache import cache_path_for

    if args.no_cache:
        return None
    return args.cache or cache_path_for(args.out)


def _from_database(url: str | None) -> tuple[list, list]:
    """The added articles and the decisions of the analysts' database, if one is configured."""
    from geo.analyst import configured_database

    url = configured_database(url)
    if url is None:
        return [], []
    from geo.store import Store  # SQLAlchemy: 0.6 s to import, for a build without a database too

    with Store(url) as store:
        return store.articles(), store.decisions()


def _add(args) -> int:
    from geo.analyst import rebuild
    from geo.articles import ArticleError, describe_error
    from geo.intake import ArticleForm, article_from_upload
    from geo.store import Store, StoreError, database_url

    form = ArticleForm(title=args.title, source=args.source, url=args.url, published=args.published,
                       language=args.language)
    try:
        store = Store(database_url(args.database))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    added = failed = 0
    with store:
        for path in args.files:
            try:
                raw = path.read_bytes()
                article = article_from_upload(path.name, raw, form)
                store.add_article(article, args.editor, file_name=path.name)
            except (ArticleError, StoreError) as exc:
                print(f"not added {path}: {exc}", file=sys.stderr)
                failed += 1
                continue
            except OSError as exc:
                print(f"not added {path}: cannot be read: {exc.strerror or describe_error(exc, path)}", file=sys.stderr)
                failed += 1
                continue
            print(f"added {path} as {article.article_id} ({article.language}, published {article.published_label})",
                  file=sys.stderr)
            added += 1
        url = store.url
    if added and not args.no_build:
        built, message = rebuild(args.articles, args.out, url)
        if not built:
            print(f"rebuild failed, previous layer left as it was: {message}", file=sys.stderr)
            return 1
        print(f"rebuilt {args.out}", file=sys.stderr)
    return 1 if failed else 0


def _decisions(args) -> int:
    from geo.analyst import folder_article_texts, known_forces, place_known_to_gazetteer
    from geo.review import ReviewError
    from geo.store import Store, StoreError, database_url

    try:
        store = Store(database_url(args.database))
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    with store:
        if args.action == "export":
            try:
                args.file.write_text(store.export_decisions(), encoding="utf-8")
            except OSError as exc:
                print(f"error: {args.file}: cannot be written: {exc.strerror}", file=sys.stderr)
                return 2
            print(f"wrote {len(store.decisions())} decisions to {args.file}", file=sys.stderr)
            return 0
        if not args.editor:
            print("error: decisions import needs --editor (who takes them)", file=sys.stderr)
            return 2
        try:
            text = args.file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            print(f"error: {args.file}: cannot be read: {exc}", file=sys.stderr)
            return 2
        texts = folder_article_texts(args.articles)
        texts.update({a.article_id: a.text for a in store.articles()})
        try:
            stored, refused = store.import_decisions(text, texts.get, known_forces(), place_known_to_gazetteer,
                                                     args.editor)
        except ReviewError as exc:
            print(f"error: {args.file}: {exc}", file=sys.stderr)
            return 2
    for line in refused:
        print(f"refused {args.file} {line}", file=sys.stderr)
    print(f"imported {stored} decisions from {args.file}", file=sys.stderr)
    return 1 if refused else 0


def _hash_password() -> int:
    import getpass

    from geo.passwords import hash_password

    password = getpass.getpass("editor password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    try:
        print(hash_password(password))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
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
