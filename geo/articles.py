"""Read a corpus of news articles: Markdown with YAML front matter, the raw seed form, or plain text.

Every file either becomes an `Article` or a `Skipped` record naming the file and the reason, so one bad
file never stops the rest of the corpus from building.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(?P<published>\d{4}-\d{2}(?:-\d{2})?)[ \t]*")
_PUBLISHED = re.compile(r"\A(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\Z")
_LANGUAGE = re.compile(r"\A[a-z]{2}\Z")
_FIRST_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s)|\n|\Z)", re.DOTALL)
_KNOWN_KEYS = {"title", "source", "url", "published", "language"}


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML without implicit timestamps: dates stay text, so we validate them and say what is wrong."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class ArticleError(ValueError):
    """An article file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Article:
    article_id: str
    path: Path
    title: str
    source: str
    url: str | None
    published: date
    published_precision: str  # "day" | "month"
    language: str | None  # ISO 639-1; None until detected
    text: str
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def published_label(self) -> str:
        """The publication date as precisely as the article gives it (YYYY-MM-DD or YYYY-MM)."""
        if self.published_precision == "month":
            return self.published.strftime("%Y-%m")
        return self.published.isoformat()


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


def parse_published(value: object, today: date) -> tuple[date, str]:
    """`YYYY-MM-DD` or `YYYY-MM` → (first day it denotes, precision). Rejects dates after `today`."""
    if isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    match = _PUBLISHED.match(text)
    if not match:
        raise ArticleError(f"'published' must be YYYY-MM-DD or YYYY-MM, got {text!r}")
    year, month = int(match["year"]), int(match["month"])
    day = int(match["day"]) if match["day"] else 1
    try:
        published = date(year, month, day)
    except ValueError as exc:
        raise ArticleError(f"'published' is not a real date: {text!r} ({exc})") from None
    if published > today:
        raise ArticleError(f"'published' {text} is after today ({today.isoformat()})")
    return published, ("day" if match["day"] else "month")


def _decode(path: Path, max_bytes: int) -> str:
    size = path.stat().st_size
    if size == 0:
        raise ArticleError("file is empty")
    if size > max_bytes:
        raise ArticleError(f"file is {size:,} bytes, over the {max_bytes:,}-byte limit")
    raw = path.read_bytes()
    if b"\x00" in raw:
        raise ArticleError("file is binary (contains NUL bytes), not an article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(f"file is not valid UTF-8 (byte {exc.start})") from None
    if not text.strip():
        raise ArticleError("file holds only whitespace")
    return text.replace("\r\n", "\n")


def _title_from(text: str) -> str:
    match = _FIRST_SENTENCE.search(text)
    first = match.group(0).strip() if match else ""
    return first if len(first) <= 120 else first[:117].rstrip() + "…"


def _from_front_matter(path: Path, text: str, today: date) -> Article:
    match = _FRONT_MATTER.match(text)
    assert match is not None
    try:
        meta = yaml.load(match["yaml"], Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise ArticleError(f"front matter is not valid YAML{where}: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(meta, dict):
        raise ArticleError("front matter must be a mapping of keys to values")
    body = text[match.end():].strip("\n")
    if not body.strip():
        raise ArticleError("article has front matter but no text")
    if "published" not in meta or meta["published"] in (None, ""):
        raise ArticleError("front matter has no 'published' date (YYYY-MM-DD or YYYY-MM)")
    published, precision = parse_published(meta["published"], today)
    language = meta.get("language")
    if language is not None:
        language = str(language).strip().lower()
        if not _LANGUAGE.match(language):
            raise ArticleError(f"'language' must be an ISO 639-1 code such as nb or en, got {language!r}")
    for key in ("title", "source", "url"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], (str, int, float)):
            raise ArticleError(f"'{key}' must be text")
    return Article(
        article_id=path.stem,
        path=path,
        title=str(meta.get("title") or _title_from(body)),
        source=str(meta.get("source") or "unknown"),
        url=str(meta["url"]) if meta.get("url") else None,
        published=published,
        published_precision=precision,
        language=language,
        text=body,
        extra={k: v for k, v in meta.items() if k not in _KNOWN_KEYS},
    )


def _from_raw(path: Path, text: str, today: date) -> Article:
    """The seed form (first line ` date YYYY-MM …`) or a plain text file with no metadata."""
    header = _SEED_HEADER.match(text)
    if header is None:
        raise ArticleError(
            "no usable date: add front matter with 'published: YYYY-MM-DD' "
            "(or start the file with ' date YYYY-MM')"
        )
    published, precision = parse_published(header["published"], today)
    body = text[header.end():].strip("\n")
    if not body.strip():
        raise ArticleError("article has a date line but no text")
    return Article(
        article_id=path.stem,
        path=path,
        title=_title_from(body),
        source="unknown",
        url=None,
        published=published,
        published_precision=precision,
        language=None,
        text=body,
    )


def load_article(path: Path, today: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file; raises `ArticleError` saying why it cannot be used."""
    today = today or date.today()
    text = _decode(path, max_bytes)
    if _FRONT_MATTER.match(text):
        return _from_front_matter(path, text, today)
    if text.startswith("---"):
        raise ArticleError("front matter starts with '---' but has no closing '---' line")
    return _from_raw(path, text, today)


def article_files(directory: Path) -> list[Path]:
    """Article files in `directory`, in a stable order (hidden files and other suffixes ignored)."""
    if not directory.is_dir():
        raise FileNotFoundError(f"articles directory not found: {directory}")
    return sorted(
        p for p in directory.iterdir()
        if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def load_corpus(
    directory: Path, today: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[Article], list[Skipped]]:
    """Every usable article of `directory`, and a `Skipped` record for every file that is not."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen_ids: dict[str, Path] = {}
    for path in article_files(directory):
        try:
            article = load_article(path, today=today, max_bytes=max_bytes)
        except (ArticleError, OSError) as exc:
            skipped.append(Skipped(file=path.name, reason=str(exc)))
            continue
        if article.article_id in seen_ids:
            skipped.append(Skipped(
                file=path.name,
                reason=f"same article id '{article.article_id}' as {seen_ids[article.article_id].name}; rename one",
            ))
            continue
        seen_ids[article.article_id] = path
        articles.append(article)
    return articles, skipped
