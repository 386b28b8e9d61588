"""`python -m geo.eval` (`make eval`): build the eval corpus, score it against the gold, print the
tables and write `eval/results.json`."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from rich.console import Console

from geo.eval.gold import GoldError
from geo.eval.report import print_report, results, write_results
from geo.eval.run import SPLIT_CHOICES, build_corpus, evaluate, load_inputs

DEFAULT_ARTICLES = Path("eval/articles")
DEFAULT_GOLD = Path("eval/gold")
DEFAULT_OUT = Path("eval/results.json")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m geo.eval",
        description="Score the pipeline against the annotated corpus of eval/ (see eval/README.md).")
    parser.add_argument("--split", choices=SPLIT_CHOICES, default="all",
                        help="score the articles of this split (default %(default)s; the build always has them all)")
    parser.add_argument("--articles", type=Path, default=DEFAULT_ARTICLES, help="articles folder (default %(default)s)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold CSV folder (default %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="results file (default %(default)s)")
    parser.add_argument("--keep-build", type=Path, default=None, metavar="DIR",
                        help="build the layer into DIR and keep it (default: a temporary folder)")
    parser.add_argument("--jobs", type=int, default=None, metavar="N", help="build worker processes (default: one per CPU)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    console = Console()
    errors = Console(stderr=True)
    if not args.articles.is_dir():
        errors.print(f"[red]error:[/red] articles folder not found: {args.articles}")
        return 2
    try:
        corpus, gold = load_inputs(args.articles, args.gold)
    except GoldError as exc:
        errors.print(f"[red]{len(exc.problems)} problem(s) in the eval corpus or its gold; nothing was scored:[/red]",
                     highlight=False)
        for problem in exc.problems:
            errors.print(f"  {problem}", highlight=False, markup=False)
        return 2
    errors.print(f"building {len(corpus.articles)} eval articles with the pipeline…", highlight=False)
    if args.keep_build is not None:
        layer = build_corpus(args.articles, args.keep_build, jobs=args.jobs)
    else:
        with tempfile.TemporaryDirectory(prefix="geo-eval-") as tmp:
            layer = build_corpus(args.articles, Path(tmp) / "layer", jobs=args.jobs)
    failed = [entry for entry in layer.report.get("skipped", []) if entry.get("file") not in corpus.skipped]
    if failed:
        # An article the extractor crashed on would be scored as if it said nothing.
        errors.print(f"[red]the pipeline could not extract {len(failed)} eval article(s); nothing was scored:[/red]",
                     highlight=False)
        for entry in failed:
            errors.print(f"  {entry.get('file')}: {entry.get('reason')}", highlight=False, markup=False)
        return 1
    evaluation = evaluate(corpus, gold, layer, args.split)
    data = results(evaluation)
    write_results(args.out, data)
    print_report(evaluation, data, args.out, console)
    return 0


if __name__ == "__main__":
    sys.exit(main())
