"""The evaluation corpus: each article's text and the front-matter keys its scores are grouped by
(`split`, `language`, `origin`; see eval/README.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from geo.articles import Skipped, load_corpus
from geo.language import detect_language

SPLITS = ("dev", "test")
ORIGINS = ("real", "written")


@dataclass(frozen=True)
class EvalArticle:
    article_id: str
    file: str
    published: date
    language: str
    split: str
    origin: str
    text: str


@dataclass(frozen=True)
class Corpus:
    articles: dict[str, EvalArticle]
    #: Files the pipeline cannot read (as `python -m geo build` skips them): name → reason.
    skipped: dict[str, str]


def _choice(meta: dict, key: str, allowed: tuple[str, ...], where: str, problems: list[str]) -> str | None:
    value = meta.get(key)
    if value is None or str(value).strip() == "":
        problems.append(f"{where}: front matter has no '{key}' (one of {', '.join(allowed)})")
        return None
    value = str(value).strip()
    if value not in allowed:
        problems.append(f"{where}: front matter '{key}' must be one of {', '.join(allowed)}, got {value!r}")
        return None
    return value


def read_corpus(articles_dir: Path, today: date | None = None) -> tuple[Corpus, list[str]]:
    """The corpus of `articles_dir` and the problems found in its front matter (each naming the file)."""
    articles, skipped = load_corpus(Path(articles_dir), today=today)
    problems: list[str] = []
    read: dict[str, EvalArticle] = {}
    for article in articles:
        where = str(article.path)
        split = _choice(article.extra, "split", SPLITS, where, problems)
        origin = _choice(article.extra, "origin", ORIGINS, where, problems)
        if split is None or origin is None:
            continue
        read[article.article_id] = EvalArticle(
            article_id=article.article_id,
            file=article.path.name,
            published=article.published,
            language=article.language or detect_language(article.text),
            split=split,
            origin=origin,
            text=article.text,
        )
    return Corpus(read, {s.file: s.reason for s in skipped}), problems


def skipped_ids(skipped: list[Skipped] | dict[str, str]) -> dict[str, str]:
    """Skipped files by article id (the file name without its suffix), with the reason."""
    items = skipped.items() if isinstance(skipped, dict) else ((s.file, s.reason) for s in skipped)
    return {Path(name).stem: reason for name, reason in items}
