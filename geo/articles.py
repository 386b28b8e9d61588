"""Read a corpus of news articles: Markdown with YAML front matter, the raw seed form, or plain text.

Every file either becomes an `Article` or a `Skipped` record naming the file and the reason, so one bad
file never stops the rest of the corpus from building: whatever goes wrong while reading a file, even
what nobody foresaw, is that file's reason, in one short line. Only regular files in the folder itself
are read: a symbolic link is not followed (it could lead anywhere), and a named pipe is never opened
for a read that would wait for a writer.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from geo.front_matter import FrontMatterError, load_front_matter
from geo.language import SUPPORTED_LANGUAGES
from geo.text import normalise_text

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
#: Publication dates before this are typos (1800-01-01, 0001-01-01), not news: taken at their word,
#: they would move a town's history back to them.
DEFAULT_EARLIEST = date(1990, 1, 1)
#: A skipped file's reason is one line of at most this many characters, whatever caused it.
MAX_REASON_CHARS = 300
ARTICLE_SUFFIXES = (".md", ".markdown", ".txt")
#: The folder shown as the "file" of an article added through the app (report.json, the Sources page):
#: it is kept in the analyst's database (geo/store), not in a file.
ADDED_FOLDER = Path("<added in the app>")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_SEED_HEADER = re.compile(r"\A[ \t]*date[ \t]+(?P<published>\d{4}-\d{2}(?:-\d{2})?)[ \t]*")
_PUBLISHED = re.compile(r"\A(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\Z")
_LANGUAGE = re.compile(r"\A[a-z]{2}\Z")
_FIRST_SENTENCE = re.compile(r"\S.*?(?:[.!?](?=\s)|\n|\Z)", re.DOTALL)
_KNOWN_KEYS = {"title", "source", "url", "published", "language"}
# Characters that would break a line of output or hide what follows: shown as escapes.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# Never through a symbolic link, never waiting on a named pipe (O_NONBLOCK: open returns at once).
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
# UTF-32 before UTF-16: FF FE 00 00 starts both marks.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)


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
    """A file that is not built, and why: a printable file name and one line of at most
    `MAX_REASON_CHARS` characters, whatever they were made from."""

    file: str
    reason: str

    def __post_init__(self):
        object.__setattr__(self, "file", display_name(self.file))
        object.__setattr__(self, "reason", _one_short_line(self.reason))


def display_name(name: str) -> str:
    """A file name as printable text: bytes that are not UTF-8 as \\xNN, control characters escaped."""
    try:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that did not come from the file system
        name = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), name)


def _one_short_line(text: str) -> str:
    text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), " ".join(text.split()))
    return text if len(text) <= MAX_REASON_CHARS else text[:MAX_REASON_CHARS - 1] + "…"


def describe_error(exc: BaseException, path: Path) -> str:
    """An unforeseen error in one line, without the folders above the file (they are the reader's own)."""
    message = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    for prefix in (str(path.parent) + os.sep, str(path.parent)):
        message = message.replace(prefix, "")
    return message


def _shown(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "…")


def _kind(value: object) -> str:
    return {list: "a list", dict: "a mapping", bool: "true or false", float: "a number"}.get(
        type(value), type(value).__name__)


def parse_published(value: object, today: date, earliest: date = DEFAULT_EARLIEST) -> tuple[date, str]:
    """`YYYY-MM-DD` or `YYYY-MM` → (first day it denotes, precision). Rejects dates after `today` or
    before `earliest`."""
    if isinstance(value, date):  # an explicit !!timestamp
        text = value.isoformat()
    elif isinstance(value, (str, int)) and not isinstance(value, bool):
        text = str(value).strip()
    else:  # never str() of a structure: a few bytes of YAML aliases can stand for gigabytes of it
        raise ArticleError(f"'published' must be a date written YYYY-MM-DD or YYYY-MM, not {_kind(value)}")
    match = _PUBLISHED.match(text)
    if not match:
        raise ArticleError(f"'published' must be YYYY-MM-DD or YYYY-MM, got {_shown(text)}")
    year, month = int(match["year"]), int(match["month"])
    day = int(match["day"]) if match["day"] else 1
    try:
        published = date(year, month, day)
    except ValueError as exc:
        raise ArticleError(f"'published' is not a real date: {text!r} ({exc})") from None
    if published > today:
        raise ArticleError(f"'published' {text} is after today ({today.isoformat()})")
    if published < earliest:
        raise ArticleError(f"'published' {text} is before {earliest.isoformat()}, the earliest date taken as "
                           f"plausible; fix the date, or move the bound (python -m geo build --earliest)")
    return published, ("day" if match["day"] else "month")


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path` if it is a regular file (not a link, folder, pipe or device) within the limit."""
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        raise ArticleError(f"cannot be read: {exc.strerror or type(exc).__name__}") from None
    _require_regular(mode)
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # it became a link since lstat
            _require_regular(stat.S_IFLNK)
        raise ArticleError(f"cannot be read: {exc.strerror or type(exc).__name__}") from None
    with open(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        _require_regular(info.st_mode)  # it may have been replaced since lstat
        if info.st_size == 0:
            raise ArticleError("file is empty")
        if info.st_size > max_bytes:
            raise ArticleError(f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte limit")
        raw = file.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise ArticleError(f"file is over the {max_bytes:,}-byte limit")
    if not raw:
        raise ArticleError("file is empty")
    return raw


def _require_regular(mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISLNK(mode):
        raise ArticleError("is a symbolic link; links are not followed (copy the article into the folder)")
    if stat.S_ISDIR(mode):
        raise ArticleError("is a folder, not an article file")
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    raise ArticleError(f"is not a regular file ({kind}); not read")


def _decode(raw: bytes) -> str:
    """The text of an article file: UTF-8, or UTF-16/32 with a byte-order mark; normalised."""
    for mark, codec, name in _BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                text = raw[len(mark):].decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(f"file starts with a {name} byte-order mark but is not valid {name} "
                                   f"(byte {exc.start + len(mark)})") from None
            break
    else:
        if b"\x00" in raw:
            if _looks_like_utf16(raw):
                raise ArticleError("file looks like UTF-16 without a byte-order mark; save it as UTF-8")
            raise ArticleError("file is binary (contains NUL bytes), not an article")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"file is not valid UTF-8 (byte {exc.start})") from None
    if "\x00" in text:
        raise ArticleError("file is binary (contains NUL characters), not an article")
    if not text.strip():
        raise ArticleError("file holds only whitespace")
    return normalise_text(text)


def _looks_like_utf16(raw: bytes) -> bool:
    """Mostly-Latin text in UTF-16: its NUL bytes are the high bytes, all at even or all at odd offsets."""
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return min(even, odd) == 0 and max(even, odd) >= len(sample) // 4


def _title_from(text: str) -> str:
    match = _FIRST_SENTENCE.search(text)
    first = match.group(0).strip() if match else ""
    return first if len(first) <= 120 else first[:117].rstrip() + "…"


def _language(value: object) -> str:
    """The `language` of the front matter, if it is one we have rules for: the events of any other
    would be lost without a word."""
    if isinstance(value, bool):  # YAML 1.1 reads an unquoted no, yes, on, off as true or false
        raise ArticleError("'language' reads as true or false: put the code in quotes (language: \"nb\")")
    language = value.strip().lower() if isinstance(value, str) else None
    if language is None or not _LANGUAGE.match(language):
        shown = _shown(language) if language is not None else _kind(value)
        raise ArticleError(f"'language' must be an ISO 639-1 code such as nb or en, got {shown}")
    if language not in SUPPORTED_LANGUAGES:
        hint = " (Norwegian Bokmål is 'nb')" if language == "no" else ""
        raise ArticleError(f"language '{language}' is not supported{hint}: the pipeline reads "
                           f"{', '.join(SUPPORTED_LANGUAGES)}")
    return language


def _front_matter_of(match: re.Match) -> dict:
    """The mapping of a matched front matter; `ArticleError` if it is not YAML or not a mapping."""
    try:
        meta = load_front_matter(match["yaml"]) or {}
    except FrontMatterError as exc:
        raise ArticleError(str(exc)) from None
    if not isinstance(meta, dict):
        raise ArticleError("front matter must be a mapping of keys to values")
    return meta


def _check_text_fields(meta: dict) -> None:
    for key in ("title", "source", "url"):
        if key in meta and meta[key] is not None and not isinstance(meta[key], (str, int, float)):
            raise ArticleError(f"'{key}' must be text")


def _from_front_matter(path: Path, text: str, today: date, earliest: date) -> Article:
    match = _FRONT_MATTER.match(text)
    assert match is not None
    meta = _front_matter_of(match)
    body = text[match.end():].strip("\n")
    if not body.strip():
        raise ArticleError("article has front matter but no text")
    if "published" not in meta or meta["published"] in (None, ""):
        raise ArticleError("front matter has no 'published' date (YYYY-MM-DD or YYYY-MM)")
    published, precision = parse_published(meta["published"], today, earliest)
    language = meta.get("language")
    if language is not None:
        language = _language(language)
    _check_text_fields(meta)
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


def _from_raw(path: Path, text: str, today: date, earliest: date) -> Article:
    """The seed form (first line ` date YYYY-MM …`) or a plain text file with no metadata."""
    header = _SEED_HEADER.match(text)
    if header is None:
        raise ArticleError(
            "no usable date: add front matter with 'published: YYYY-MM-DD' "
            "(or start the file with ' date YYYY-MM')"
        )
    published, precision = parse_published(header["published"], today, earliest)
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


def decode_article_bytes(raw: bytes) -> str:
    """The text of an article's bytes, as the build decodes a file (UTF-8, or UTF-16/32 with a byte-order
    mark); `ArticleError` says why not."""
    return _decode(raw)


def parse_language(value: object) -> str:
    """A language code as the front matter's `language` is checked: one the pipeline has rules for."""
    return _language(value)


def split_metadata(text: str) -> tuple[dict, str]:
    """(what the text's front matter or seed date line says, the text after it), for a text an analyst
    pasted: `{}` and the whole text when it has neither. Bad front matter is an `ArticleError`."""
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _front_matter_of(match)
        _check_text_fields(meta)
        return meta, text[match.end():].strip("\n")
    if text.startswith("---"):
        raise ArticleError("front matter starts with '---' but has no closing '---' line")
    header = _SEED_HEADER.match(text)
    if header:
        return {"published": header["published"]}, text[header.end():].strip("\n")
    return {}, text


def title_of(body: str) -> str:
    """An article's first sentence, shortened, for one that has no title."""
    return _title_from(body)


def load_article(path: Path, today: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 earliest: date = DEFAULT_EARLIEST) -> Article:
    """Read one article file; raises `ArticleError` saying why it cannot be used."""
    today = today or date.today()
    try:
        path.name.encode("utf-8")
    except UnicodeEncodeError:  # the file system's bytes, kept as surrogates: no id, no report can hold it
        raise ArticleError("file name is not valid UTF-8; rename the file") from None
    text = _decode(_read_bytes(path, max_bytes))
    if _FRONT_MATTER.match(text):
        return _from_front_matter(path, text, today, earliest)
    if text.startswith("---"):
        raise ArticleError("front matter starts with '---' but has no closing '---' line")
    return _from_raw(path, text, today, earliest)


def read_article(path: Path, today: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
                 earliest: date = DEFAULT_EARLIEST) -> Article | Skipped:
    """`load_article`, with anything that goes wrong turned into the reason the file is skipped."""
    try:
        return load_article(path, today=today, max_bytes=max_bytes, earliest=earliest)
    except ArticleError as exc:
        return Skipped(file=path.name, reason=str(exc))
    except Exception as exc:  # noqa: BLE001 - unforeseen, but still this file's problem, not the corpus's
        return Skipped(file=path.name, reason=f"could not be read: {describe_error(exc, path)}")


def article_files(directory: Path) -> list[Path]:
    """The entries of `directory` named like articles, in a stable order (hidden ones and other suffixes
    ignored). Not only regular files: a link, folder or pipe named `x.md` is reported when read."""
    if not directory.is_dir():
        raise FileNotFoundError(f"articles directory not found: {directory}")
    return sorted(
        p for p in directory.iterdir()
        if not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def load_corpus(
    directory: Path, today: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    earliest: date = DEFAULT_EARLIEST,
) -> tuple[list[Article], list[Skipped]]:
    """Every usable article of `directory`, and a `Skipped` record for every file that is not."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen_ids: dict[str, Path] = {}
    for path in article_files(directory):
        article = read_article(path, today=today, max_bytes=max_bytes, earliest=earliest)
        if isinstance(article, Skipped):
            skipped.append(article)
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
