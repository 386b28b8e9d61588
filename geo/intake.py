"""An article an analyst adds (pasted text, or an uploaded `.md`, `.txt` or `.html`) → an `Article`.

The same rules as a file in the corpus folder (`geo.articles`): the same decoding, size limit, dates and
languages, and the same clear reasons when something is wrong. What the analyst types in the form
(title, outlet, URL, publication date, language) overrides what the file says; a language left empty is
detected from the text. The main text of an HTML page is taken by trafilatura, offline: menus, footers and
comments are left out, and no markup survives.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from geo.articles import (
    ADDED_FOLDER, DEFAULT_EARLIEST, DEFAULT_MAX_BYTES, Article, ArticleError, decode_article_bytes, parse_language,
    parse_published, split_metadata, title_of,
)
from geo.language import detect_language
from geo.text import normalise_text

UPLOAD_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm")
_SLUG_BREAK = re.compile(r"[^a-z0-9]+")
#: An article shorter than this is a headline, not a text to read claims from.
MIN_TEXT_CHARS = 40


@dataclass(frozen=True)
class ArticleForm:
    """What the analyst typed beside the text; empty fields are taken from the file, or left unknown."""

    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""  # YYYY-MM-DD or YYYY-MM
    language: str = ""  # empty: detected


def article_id_for(title: str, published: str, text: str) -> str:
    """`2019-03-23-baghuz-falls-1a2b3c`: readable, and the same text added twice gets the same id."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_BREAK.sub("-", ascii_title).strip("-")[:48].rstrip("-") or "article"
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:6]
    return f"{published}-{slug}-{digest}"


def html_main_text(html: str) -> str:
    """The article text of an HTML page (trafilatura, offline); `ArticleError` if it finds none."""
    import trafilatura  # a second's import, only when HTML comes

    text = trafilatura.extract(html, include_comments=False, include_tables=False, include_links=False,
                               include_images=False, favor_precision=True, deduplicate=True)
    if not text or len(text.strip()) < MIN_TEXT_CHARS:
        raise ArticleError("no article text found in the HTML page (it may be a menu, a login page or a "
                           "script-built page): paste the text instead")
    return text


def html_title(html: str) -> str:
    import trafilatura

    metadata = trafilatura.extract_metadata(html)
    return (metadata.title or "").strip() if metadata is not None else ""


def article_from_upload(
    name: str, raw: bytes, form: ArticleForm, today: date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    earliest: date = DEFAULT_EARLIEST,
) -> Article:
    """An uploaded file as an article; `ArticleError` says why it cannot be one."""
    suffix = Path(name).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise ArticleError(f"{suffix or 'a file without a suffix'} is not an article file: upload "
                           f"{', '.join(UPLOAD_SUFFIXES)}")
    if not raw:
        raise ArticleError("file is empty")
    if len(raw) > max_bytes:
        raise ArticleError(f"file is {len(raw):,} bytes, over the {max_bytes:,}-byte limit")
    text = decode_article_bytes(raw)
    if suffix in (".html", ".htm"):
        form = replace(form, title=form.title or html_title(text))
        return article_from_text(html_main_text(text), form, today, earliest)
    return article_from_text(text, form, today, earliest)


def article_from_text(text: str, form: ArticleForm, today: date | None = None,
                      earliest: date = DEFAULT_EARLIEST) -> Article:
    """Pasted text (which may start with front matter or the seed's date line) and the form, as an article."""
    today = today or date.today()
    meta, body = split_metadata(normalise_text(text))
    body = body.strip()
    if not body:
        raise ArticleError("the text is empty")
    if len(body) < MIN_TEXT_CHARS:
        raise ArticleError(f"the text has {len(body)} characters: paste the whole article, not only a headline")
    published_value = form.published.strip() or meta.get("published")
    if published_value in (None, ""):
        raise ArticleError("give the publication date (YYYY-MM-DD, or YYYY-MM if only the month is known)")
    published, precision = parse_published(published_value, today, earliest)
    language_value = form.language.strip() or meta.get("language")
    language = parse_language(language_value) if language_value else detect_language(body)
    title = " ".join(form.title.split()) or " ".join(str(meta.get("title") or "").split()) or title_of(body)
    label = published.isoformat() if precision == "day" else published.strftime("%Y-%m")
    article_id = article_id_for(title, label, body)
    url = form.url.strip() or str(meta.get("url") or "").strip() or None
    return Article(
        article_id=article_id,
        path=ADDED_FOLDER / f"{article_id}.md",
        title=title,
        source=" ".join(form.source.split()) or " ".join(str(meta.get("source") or "").split()) or "unknown",
        url=url,
        published=published,
        published_precision=precision,
        language=language,
        text=body,
    )
