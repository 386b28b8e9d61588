"""The gold annotations (`eval/gold/*.csv`, format in eval/README.md), read and checked.

Every problem is collected, each naming the file, the line and what is wrong, so an annotator fixes a
batch in one pass; the evaluation does not run on gold with problems.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.eval.corpus import EvalArticle
from geo.eval.match import PRECISIONS, precision_window
from geo.forces import load_forces
from geo.schema import UNKNOWN_FORCE

CHANGE, TRAP = "change", "trap"
STATUSES = ("held", "contested")
TRAP_KINDS = ("intention", "negation", "polarity", "background", "dateline", "landmark", "partial", "disputed",
              "advance", "region", "origin")
#: Forces the gold may name besides the codes of data/forces.yaml (the Kurdistan Region's forces).
EXTRA_FORCES = ("PESHMERGA",)
COLUMNS = ("article_id", "row", "place", "geonames_id", "lat", "lon", "force", "status", "date", "date_precision",
           "claimant", "trap_kind", "quote", "note")
#: Columns a gold file may leave out (all their cells are then empty).
OPTIONAL_COLUMNS = ("geonames_id", "claimant", "note")


class GoldError(ValueError):
    """Gold annotations or eval articles that cannot be scored; `problems` lists every one found."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class GoldChange:
    """What the map should show from `date`: `place` held (or contested) by `force`."""

    file: str
    line: int
    article_id: str
    place: str
    geonames_id: int | None
    lat: float
    lon: float
    force: str
    status: str
    date: date
    precision: str
    claimant: str | None
    quote: str
    note: str | None = None

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class GoldTrap:
    """A place named in `quote` that must not change colour from it (or not to `force`)."""

    file: str
    line: int
    article_id: str
    place: str
    geonames_id: int | None
    lat: float
    lon: float
    force: str | None
    kind: str
    quote: str
    note: str | None = None

    @property
    def source(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Gold:
    changes: tuple[GoldChange, ...]
    traps: tuple[GoldTrap, ...]


def gold_forces() -> frozenset[str]:
    """The force codes a gold row may name: data/forces.yaml's (not UNKNOWN) and `EXTRA_FORCES`."""
    return frozenset(set(load_forces().forces) - {UNKNOWN_FORCE} | set(EXTRA_FORCES))


def gold_files(gold_dir: Path) -> list[Path]:
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise GoldError([f"{gold_dir}: gold folder not found"])
    return sorted(p for p in gold_dir.iterdir() if p.is_file() and p.suffix.lower() == ".csv" and not p.name.startswith("."))


def read_gold(gold_dir: Path, articles: dict[str, EvalArticle], skipped: dict[str, str] | None = None,
              forces: frozenset[str] | None = None) -> tuple[Gold, list[str]]:
    """Every gold row of `gold_dir/*.csv`, and the problems found (each "file, line N: reason").

    `articles`: the readable eval articles by id; `skipped`: article ids the pipeline cannot read, with why."""
    forces = gold_forces() if forces is None else forces
    skipped = skipped or {}
    changes: list[GoldChange] = []
    traps: list[GoldTrap] = []
    problems: list[str] = []
    for path in gold_files(gold_dir):
        file_changes, file_traps, file_problems = _read_file(path, articles, skipped, forces)
        changes += file_changes
        traps += file_traps
        problems += file_problems
    problems += _duplicates(changes, traps, gold_dir)
    return Gold(tuple(changes), tuple(traps)), problems


def _read_file(path: Path, articles, skipped, forces):
    changes, traps, problems = [], [], []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = tuple(name.strip() for name in reader.fieldnames or ())
            missing = [c for c in COLUMNS if c not in header and c not in OPTIONAL_COLUMNS]
            if missing:
                return [], [], [f"{path}, line 1: the header lacks the column(s) {', '.join(missing)} "
                                f"(expected {','.join(COLUMNS)})"]
            reader.fieldnames = list(header)
            for row in reader:
                # The line the record starts on: line breaks inside quoted cells are part of it.
                line = reader.line_num - sum((v or "").count("\n") for v in row.values() if isinstance(v, str))
                where = f"{path}, line {line}"
                if None in row:
                    problems.append(f"{where}: more cells than the header has columns (an unquoted comma?)")
                    continue
                cells = {k: (v or "").strip() for k, v in row.items()}
                # The quote is verbatim: only its line ending may differ from the article's.
                cells["quote"] = (row.get("quote") or "").replace("\r\n", "\n")
                if not any(cells.values()):
                    continue
                record, row_problems = _parse_row(cells, path.name, line, articles, skipped, forces)
                problems += [f"{where}: {p}" for p in row_problems]
                if isinstance(record, GoldChange):
                    changes.append(record)
                elif isinstance(record, GoldTrap):
                    traps.append(record)
    except UnicodeDecodeError as exc:
        problems.append(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8")
    return changes, traps, problems


def _parse_row(cells: dict[str, str], file: str, line: int, articles: dict[str, EvalArticle], skipped: dict[str, str],
               forces: frozenset[str]) -> tuple[GoldChange | GoldTrap | None, list[str]]:
    problems: list[str] = []
    kind = cells.get("row", "")
    if kind not in (CHANGE, TRAP):
        problems.append(f"'row' must be '{CHANGE}' or '{TRAP}', got {kind!r}")
    article_id = cells.get("article_id", "")
    article = articles.get(article_id)
    if article is None:
        if article_id in skipped:
            problems.append(f"article {article_id!r} cannot be read by the pipeline: {skipped[article_id]}")
        elif not article_id:
            problems.append("'article_id' is empty")
        else:
            problems.append(f"unknown article {article_id!r} (no eval/articles/{article_id}.md)")
    place = cells.get("place", "")
    if not place:
        problems.append("'place' is empty")
    geonames_id = _geonames_id(cells.get("geonames_id", ""), problems)
    lat = _coordinate(cells.get("lat", ""), "lat", 90, problems)
    lon = _coordinate(cells.get("lon", ""), "lon", 180, problems)
    quote = cells.get("quote", "")
    if not quote.strip():
        problems.append("'quote' is empty")
    elif article is not None and quote not in article.text:
        problems.append(f"the quote is not a verbatim substring of the text of {article_id}: {_divergence(quote, article.text)}")
    force = cells.get("force", "")
    if force and force not in forces:
        problems.append(f"unknown force {force!r}; use one of {', '.join(sorted(forces))}")
    if kind == CHANGE:
        record = _change(cells, file, line, article, force, problems)
    elif kind == TRAP:
        record = _trap(cells, file, line, problems)
    else:
        record = None
    if problems or record is None:
        return None, problems
    return record(article_id=article_id, place=place, geonames_id=geonames_id, lat=lat, lon=lon, quote=quote,
                  note=cells.get("note") or None), []


def _change(cells, file, line, article, force, problems):
    if not force:
        problems.append("a change row needs a 'force' (who holds, or contests, the place from that date)")
    status = cells.get("status", "")
    if status not in STATUSES:
        problems.append(f"'status' must be one of {', '.join(STATUSES)}, got {status!r}")
    precision = cells.get("date_precision", "")
    if precision not in PRECISIONS:
        problems.append(f"'date_precision' must be one of {', '.join(PRECISIONS)}, got {precision!r}")
    day = _date(cells.get("date", ""), problems)
    if day is not None and precision in PRECISIONS and precision not in ("day", "week"):
        first = precision_window(day, precision)[0]
        if day != first:
            problems.append(f"a {precision} is written as its first day: {first.isoformat()}, not {day.isoformat()}")
    if day is not None and article is not None and day > article.published:
        problems.append(f"date {day.isoformat()} is after the article's publication ({article.published.isoformat()})")
    if cells.get("trap_kind"):
        problems.append("a change row leaves 'trap_kind' empty (is it a trap?)")

    def record(**common):
        return GoldChange(file=file, line=line, force=force, status=status, date=day, precision=precision,
                          claimant=cells.get("claimant") or None, **common)

    return record


def _trap(cells, file, line, problems):
    kind = cells.get("trap_kind", "")
    if kind not in TRAP_KINDS:
        problems.append(f"'trap_kind' must be one of {', '.join(TRAP_KINDS)}, got {kind!r}")
    filled = [c for c in ("status", "date", "date_precision") if cells.get(c)]
    if filled:
        problems.append(f"a trap row leaves {', '.join(filled)} empty")

    def record(**common):
        return GoldTrap(file=file, line=line, force=cells.get("force") or None, kind=kind, **common)

    return record


def _geonames_id(text: str, problems: list[str]) -> int | None:
    if not text:
        return None
    if not text.isdigit() or int(text) == 0:
        problems.append(f"'geonames_id' must be a positive whole number or empty, got {text!r}")
        return None
    return int(text)


def _coordinate(text: str, name: str, limit: int, problems: list[str]) -> float | None:
    try:
        value = float(text)
    except ValueError:
        problems.append(f"'{name}' must be decimal degrees, got {text!r}")
        return None
    if not math.isfinite(value) or not -limit <= value <= limit:
        problems.append(f"'{name}' {text} is outside -{limit}..{limit}")
        return None
    return value


def _date(text: str, problems: list[str]) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        problems.append(f"'date' must be YYYY-MM-DD, got {text!r}")
        return None


def _divergence(quote: str, text: str) -> str:
    """Where `quote` stops following the text: the longest prefix of it the text contains, and what comes
    next in the quote."""
    low, high = 0, len(quote)
    while low < high:  # the longest prefix found in the text
        middle = (low + high + 1) // 2
        if quote[:middle] in text:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return f"not even its first character {quote[:1]!r} is in the text"
    found = text.index(quote[:low])
    context = 30
    return (f"it follows the text for {low} characters ({_tail(quote[:low], context)!r}), then the quote has "
            f"{quote[low:low + context]!r} where the text has {text[found + low:found + low + context]!r}")


def _tail(text: str, n: int) -> str:
    return text if len(text) <= n else "…" + text[-n:]


def _duplicates(changes: list[GoldChange], traps: list[GoldTrap], gold_dir: Path) -> list[str]:
    """A change (or trap) annotated twice would be counted twice (two names at one point are two places)."""
    problems = []
    seen: dict[tuple, object] = {}
    for change in changes:
        key = ("change", change.article_id, change.place.casefold(), round(change.lat, 3), round(change.lon, 3),
               change.force, change.status, change.date, change.precision)
        _note_duplicate(key, change, seen, gold_dir, problems,
                        "the same change as {first} (one row per change: another quote of it is not another change)")
    for trap in traps:
        key = ("trap", trap.article_id, trap.place.casefold(), round(trap.lat, 3), round(trap.lon, 3), trap.force,
               trap.kind, trap.quote)
        _note_duplicate(key, trap, seen, gold_dir, problems, "the same trap as {first}")
    return problems


def _note_duplicate(key, record, seen, gold_dir, problems, message):
    first = seen.setdefault(key, record)
    if first is not record:
        problems.append(f"{Path(gold_dir) / record.file}, line {record.line}: "
                        + message.format(first=f"{first.file} line {first.line}"))
