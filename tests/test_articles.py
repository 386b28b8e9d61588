from datetime import date
from pathlib import Path

import pytest

from geo.articles import ArticleError, load_article, load_corpus

TODAY = date(2026, 11, 23)
SEEDS = Path(__file__).resolve().parents[1] / "data" / "articles"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_front_matter_article_keeps_metadata_and_text(tmp_path):
    path = write(tmp_path, "a.md", "---\ntitle: Raqqa falls\nsource: AFP\nurl: https://example.org/a\n"
                 "published: 2017-10-20\nlanguage: en\n---\nKurdish-led forces retook Raqqa.\n")
    article = load_article(path, today=TODAY)
    assert (article.title, article.source, article.url) == ("Raqqa falls", "AFP", "https://example.org/a")
    assert article.published == date(2017, 10, 20) and article.published_precision == "day"
    assert article.language == "en"
    assert article.text == "Kurdish-led forces retook Raqqa."


def test_month_only_publication_date_keeps_month_precision(tmp_path):
    path = write(tmp_path, "a.md", "---\nsource: NTB\npublished: 2017-11\n---\nIS mistet Raqqa.\n")
    article = load_article(path, today=TODAY)
    assert article.published == date(2017, 11, 1)
    assert article.published_precision == "month"
    assert article.published_label == "2017-11"


def test_raw_seed_form_is_read_with_month_precision_and_title_from_first_sentence(tmp_path):
    path = write(tmp_path, "000.txt", " date 2017-11 NTB utenriks\n\nJihadistgruppa hadde fredag tatt tilbake byen.\n")
    article = load_article(path, today=TODAY)
    assert article.published == date(2017, 11, 1) and article.published_precision == "month"
    assert article.text.startswith("NTB utenriks")
    assert article.language is None
    assert article.title == "NTB utenriks"


def test_demo_corpus_has_the_publication_dates_of_the_seeds():
    articles, skipped = load_corpus(SEEDS, today=TODAY)
    assert skipped == []
    published = {a.article_id[:3]: (a.published.isoformat(), a.source, a.language) for a in articles}
    assert published == {
        "000": ("2017-11-10", "NTB", "nb"),
        "001": ("2017-11-09", "NTB/AP", "nb"),
        "002": ("2017-11-11", "NTB", "nb"),
        "003": ("2017-11-10", "Arab News (AFP)", "en"),
        "004": ("2019-02-10", "VG", "nb"),
    }


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.md", "", "empty"),
        ("blank.md", "  \n\n", "whitespace"),
        ("binary.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("latin1.txt", "---\npublished: 2017-11-10\n---\nB\xe6rum".encode("latin-1"), "UTF-8"),
        ("broken.md", "---\ntitle: [unclosed\npublished: 2017-11-10\n---\nText.\n", "not valid YAML"),
        ("unclosed.md", "---\ntitle: x\npublished: 2017-11-10\nText without closing line.\n", "no closing"),
        ("nodate.md", "---\ntitle: x\nsource: AFP\n---\nText.\n", "no 'published'"),
        ("baddate.md", "---\npublished: 10 November 2017\n---\nText.\n", "YYYY-MM-DD"),
        ("impossible.md", "---\npublished: 2017-02-30\n---\nText.\n", "not a real date"),
        ("future.md", "---\npublished: 2031-01-01\n---\nText.\n", "after today"),
        ("plain.txt", "Just some text with no date at all.\n", "no usable date"),
        ("notext.md", "---\npublished: 2017-11-10\n---\n\n", "no text"),
        ("lang.md", "---\npublished: 2017-11-10\nlanguage: norsk\n---\nText.\n", "ISO 639-1"),
    ],
)
def test_unusable_file_is_skipped_with_its_name_and_reason_while_the_rest_builds(tmp_path, name, content, reason):
    write(tmp_path, "good.md", "---\nsource: AFP\npublished: 2017-11-10\nlanguage: en\n---\nIS lost Raqqa.\n")
    write(tmp_path, name, content)
    articles, skipped = load_corpus(tmp_path, today=TODAY)
    assert [a.article_id for a in articles] == ["good"]
    assert [s.file for s in skipped] == [name]
    assert reason in skipped[0].reason


def test_file_over_the_size_limit_is_skipped(tmp_path):
    write(tmp_path, "big.md", "---\npublished: 2017-11-10\n---\n" + "Raqqa. " * 400)
    articles, skipped = load_corpus(tmp_path, today=TODAY, max_bytes=1000)
    assert articles == []
    assert "over the 1,000-byte limit" in skipped[0].reason


def test_error_for_a_single_file_says_why(tmp_path):
    path = write(tmp_path, "x.md", "---\npublished: 2017-13-01\n---\nText.\n")
    with pytest.raises(ArticleError, match="not a real date"):
        load_article(path, today=TODAY)


def test_other_files_and_hidden_files_are_ignored(tmp_path):
    write(tmp_path, ".hidden.md", "---\npublished: 2017-11-10\n---\nText.\n")
    write(tmp_path, "image.png", b"\x89PNG")
    write(tmp_path, "ok.txt", " date 2017-11 Text.\n")
    articles, skipped = load_corpus(tmp_path, today=TODAY)
    assert [a.article_id for a in articles] == ["ok"] and skipped == []
